import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe.js';
import { signInWithLink } from '../support/demo-people.js';
import { DEMO, mySchool, settled, signIn } from '../support/session.js';
import { useSuite } from '../support/suite.js';

const suite = useSuite();
const DESKTOP = { viewport: { width: 1280, height: 900 } };

/** Switches the signed-in account's language with the header's button and waits until the page reads in it. */
async function speak(page: Page, button: 'English' | 'Dansk', lang: 'en' | 'da') {
  await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/api/me/preferences') && response.ok()),
    page.getByRole('button', { name: button }).click(),
  ]);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
}

/**
 * Issue 10, points 4 and 5, on the demo's winter round: Oscar (7.A, the student account) prepares
 * his own goals and a topic; 7.A's contact teacher reads them, writes a shared and a staff-only
 * note and two agreements and marks the conference held; the demo guardian gets the summary by
 * e-mail and reads it and the agreements in the app, without the staff-only note.
 */
describe('a conference is prepared, held and followed up', () => {
  let conferencePath = '';

  it('the student prepares his own goals and a topic from his home (phone, Danish)', async () => {
    const page = await suite.page();
    await signIn(page, DEMO.student);
    const own = page.getByRole('region', { name: 'Din skole-hjem-samtale' });
    await own.getByRole('link', { name: 'Forbered din samtale' }).click();
    await settled(page);
    conferencePath = new URL(page.url()).pathname;
    // His open agreements from the autumn come up again, the overdue one marked.
    const earlier = page.getByRole('region', { name: 'Aftaler fra sidste samtale' });
    await earlier.getByText('Over tiden').waitFor();

    const goals = page.getByRole('region', { name: 'Elevens egne mål' });
    await goals.getByLabel('Mål 1').fill('Læse en bog om måneden');
    await goals.getByLabel('Mål 2').fill('Aflevere matematik til tiden');
    await goals.getByRole('button', { name: 'Gem forberedelsen' }).click();
    await goals.getByText('Forberedelsen er gemt. Skolen kan se den før samtalen.').waitFor();

    const topics = page.getByRole('region', { name: 'Det vil vi tale om' });
    await topics.getByLabel('Nyt emne').fill('Valgfag i 8. klasse');
    await topics.getByRole('button', { name: 'Tilføj emnet' }).click();
    await topics.getByRole('listitem').filter({ hasText: 'Valgfag i 8. klasse' }).getByText('Dig').waitFor();
    await expectNoAxeViolations(page, 'conference, student preparing (phone)');
  });

  it("7.A's contact teacher reads the preparation, writes notes and two agreements and marks it held (desktop, English)", async () => {
    const student = await suite.page();
    await signIn(student, DEMO.student);
    const school = await mySchool(student);
    const me = (await (await student.request.get('/api/me')).json()) as { schools: Array<{ studentId: string }> };
    const profile = (await (
      await student.request.get(`/api/schools/${school.id}/students/${me.schools[0]!.studentId}`)
    ).json()) as { contactTeacher: { email: string } };

    const page = await suite.page(DESKTOP);
    await signInWithLink(page, profile.contactTeacher.email);
    await speak(page, 'English', 'en');
    await page.goto(conferencePath);
    await settled(page);
    const preparation = page.getByRole('region', { name: "The student's own goals" });
    await preparation.getByText('Læse en bog om måneden').waitFor();
    const topics = page.getByRole('region', { name: 'What we want to talk about' });
    await topics.getByRole('listitem').filter({ hasText: 'Valgfag i 8. klasse' }).getByText('The student').waitFor();

    const notes = page.getByRole('region', { name: 'Notes from the conference' });
    await notes.getByLabel('New note').fill('Oscar presented his goals himself and clearly.');
    await notes.getByRole('button', { name: 'Save the note' }).click();
    await notes.getByText('Oscar presented his goals himself and clearly.').waitFor();
    await notes.getByLabel('New note').fill('Ask the counsellor about his mornings.');
    await notes.getByRole('radio', { name: 'The school only' }).check();
    await notes.getByRole('button', { name: 'Save the note' }).click();
    await notes.getByRole('listitem').filter({ hasText: 'Ask the counsellor' }).getByText('The school only').waitFor();

    const agreements = page.getByRole('region', { name: 'Agreements' });
    for (const [owner, text, due] of [
      ['The student', 'Hand in maths every Friday', '2027-02-12'],
      ['The home', 'Ask about homework on Sundays', '2027-02-28'],
    ] as const) {
      await agreements.getByLabel('Who is responsible?').selectOption({ label: owner });
      await agreements.getByLabel('What was agreed?').fill(text);
      await agreements.getByLabel('By', { exact: true }).fill(due);
      await agreements.getByRole('button', { name: 'Save the agreement' }).click();
      await agreements.getByRole('listitem').filter({ hasText: text }).waitFor();
    }
    await expectNoAxeViolations(page, 'conference, staff recording (desktop, English)');

    await page.getByRole('button', { name: 'Mark the conference held and send the summary' }).click();
    await page.getByText('The conference has been held. The summary has been sent to the home.').waitFor();
    await expectNoAxeViolations(page, 'conference held (desktop, English)');
  });

  it('the guardian receives the summary by e-mail and reads it and the agreements, in Danish and English', async () => {
    const page = await suite.page();
    await signIn(page, DEMO.guardian);
    await expect
      .poll(async () => {
        const { mails } = (await (await page.request.get('/api/dev/mail')).json()) as {
          mails: Array<{ to: string; subject: string; text: string }>;
        };
        return mails.find((m) => m.to === DEMO.guardian && m.subject.includes('Oscar'))?.text ?? '';
      })
      .toContain('Hand in maths every Friday');

    const oscar = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Oscar Lindholm' }) });
    await oscar.getByText('Ask about homework on Sundays', { exact: true }).waitFor();
    await oscar.getByRole('link', { name: 'Forbered samtalen om Oscar og se aftalerne' }).click();
    await settled(page);
    const summary = page.getByRole('region', { name: 'Opsummering' });
    await summary.getByText('Oscar presented his goals himself and clearly.').waitFor();
    expect(await page.getByText('Ask the counsellor').count()).toBe(0);
    await page
      .getByRole('region', { name: 'Aftaler', exact: true })
      .getByText('Hand in maths every Friday', { exact: true })
      .waitFor();
    await expectNoAxeViolations(page, 'conference summary (guardian, phone)');

    const desktop = await suite.page(DESKTOP);
    await signIn(desktop, DEMO.guardian);
    await speak(desktop, 'English', 'en');
    await desktop.goto(conferencePath);
    await settled(desktop);
    await desktop
      .getByRole('region', { name: 'Summary' })
      .getByText('The conference has been held.', { exact: false })
      .waitFor();
    await expectNoAxeViolations(desktop, 'conference summary (guardian, desktop, English)');
    await speak(desktop, 'Dansk', 'da');
  });
});
