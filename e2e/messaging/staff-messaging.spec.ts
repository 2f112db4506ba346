import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { DEMO, settled, signIn, visit } from '../support/session.js';
import { useSuite } from '../support/suite.js';

const suite = useSuite();

const URGENT_SUBJECT = 'Skolen er lukket i morgen pga. storm';
const TO_PARENTS_SUBJECT = 'Emmas gymnastiktøj';
const TO_COLLEAGUE_SUBJECT = 'Forældremøde i 3.A';
const THREAD_PATH = /^\/messages\/[0-9a-f-]{36}$/;

async function sendAndOpen(page: Page, button = 'Send besked'): Promise<string> {
  await page.getByRole('button', { name: button }).click();
  await page.waitForURL((url) => THREAD_PATH.test(url.pathname));
  await settled(page);
  return new URL(page.url()).pathname;
}

describe('staff messaging: urgent messages, writing first, leaders answering, read by the school', () => {
  it('a teacher sends an urgent class message and writes first to a child’s parents, who see when the school read their answer', async () => {
    const teacher = await suite.page();
    await signIn(teacher, DEMO.contactTeacher);
    await teacher.getByRole('link', { name: 'Klasse 3.A' }).first().click();
    await settled(teacher);
    const classPath = new URL(teacher.url()).pathname;

    // Urgent, with its hint, on the staff's class composer.
    await teacher.getByRole('link', { name: 'Skriv til forældrene i 3.A' }).click();
    await settled(teacher);
    await teacher.getByLabel('Emne').fill(URGENT_SUBJECT);
    await teacher
      .getByLabel('Besked', { exact: true })
      .fill('Kære forældre\nSkolen holder lukket i morgen på grund af stormen. Hold børnene hjemme.');
    const urgent = teacher.getByRole('checkbox', { name: 'Haster (sygdom, sikkerhed)' });
    await urgent.check();
    await teacher.getByText(/^Kun ved sygdom eller sikkerhed\./).waitFor();
    await expectNoAxeViolations(teacher, 'class message, urgent');
    await sendAndOpen(teacher);
    await teacher
      .locator('.message')
      .filter({ hasText: 'Skolen holder lukket' })
      .getByText('Haster', { exact: true })
      .waitFor();

    // Writing first to one child's parents, from the child's page.
    await visit(teacher, classPath);
    // The demo guardian's daughter.
    await teacher.getByRole('link', { name: 'Emma Lindholm', exact: true }).click();
    await settled(teacher);
    await teacher.getByRole('link', { name: 'Skriv til forældrene', exact: true }).click();
    await settled(teacher);
    await expect.poll(() => teacher.locator('h1').textContent()).toBe('Skriv til Emmas forældre');
    await teacher.getByText('Til: forældre med forældremyndighed til Emma Lindholm').waitFor();
    await expectNoAxeViolations(teacher, 'write to a child’s parents');
    // The shared validation: an empty message is refused on its fields before anything is sent.
    await teacher.getByRole('button', { name: 'Send besked' }).click();
    await teacher.getByText('Skriv et emne.').waitFor();
    await teacher.getByLabel('Emne').fill(TO_PARENTS_SUBJECT);
    await teacher
      .getByLabel('Besked', { exact: true })
      .fill('Hej\nEmma har glemt sit gymnastiktøj to gange. Husk det gerne på torsdag.');
    const staffThread = await sendAndOpen(teacher);
    await teacher.getByText('Din besked er sendt.').waitFor();
    await expectNoAxeViolations(teacher, 'thread started by the teacher');

    const guardian = await suite.page();
    await signIn(guardian, DEMO.guardian);
    await visit(guardian, '/messages');
    await guardian
      .locator('li.thread-row')
      .filter({ hasText: URGENT_SUBJECT })
      .getByText('Haster', { exact: true })
      .waitFor();
    await guardian.locator('li.thread-row').filter({ hasText: TO_PARENTS_SUBJECT }).getByRole('link').click();
    await settled(guardian);
    // A guardian is never offered "urgent".
    expect(await guardian.getByRole('checkbox', { name: 'Haster (sygdom, sikkerhed)' }).count()).toBe(0);
    await guardian.getByLabel('Dit svar').fill('Tak, det pakker vi.');
    await guardian.getByRole('button', { name: 'Send svar' }).click();
    await guardian.getByText('Dit svar er sendt.').waitFor();
    const mine = guardian.locator('.message--mine').filter({ hasText: 'Tak, det pakker vi.' });
    await mine.getByText('Ikke læst endnu').waitFor();
    // The guardian's answer starts the school's promise.
    await guardian
      .locator('.promise')
      .getByText(/^Skolen svarer senest/)
      .waitFor();
    await expectNoAxeViolations(guardian, 'thread (guardian, not read yet)');

    await visit(teacher, staffThread);
    await teacher.getByText('Tak, det pakker vi.').waitFor();

    await visit(guardian, staffThread);
    await guardian
      .locator('.message--mine')
      .filter({ hasText: 'Tak, det pakker vi.' })
      .getByText(/^Læst af skolen \d/)
      .waitFor();
  });

  it('a teacher writes to a colleague from the inbox', async () => {
    const teacher = await suite.page();
    await signIn(teacher, DEMO.contactTeacher);
    await visit(teacher, '/messages');
    await teacher.getByRole('link', { name: 'Ny besked til kollega' }).click();
    await settled(teacher);
    await expect.poll(() => teacher.locator('h1').textContent()).toBe('Ny besked til kollega');
    await teacher.getByRole('button', { name: 'Send besked' }).click();
    await teacher.getByText('Vælg mindst én kollega.').waitFor();
    await teacher
      .getByRole('checkbox', { name: /skoleleder/ })
      .first()
      .check();
    await teacher.getByLabel('Emne').fill(TO_COLLEAGUE_SUBJECT);
    await teacher.getByLabel('Besked', { exact: true }).fill('Har du tid til at være med til forældremødet i 3.A?');
    await expectNoAxeViolations(teacher, 'message to a colleague');
    await sendAndOpen(teacher);
    await teacher.getByText('Har du tid til at være med').waitFor();
    await expectNoAxeViolations(teacher, 'thread between colleagues');

    const leader = await suite.page();
    await signIn(leader, DEMO.leader);
    await visit(leader, '/messages');
    await leader
      .locator('li.thread-row')
      .filter({ hasText: TO_COLLEAGUE_SUBJECT })
      .getByText('1 ulæst', { exact: true })
      .waitFor();
  });

  it('the promise is shown once; a leader answers a thread they are not in and reviews every urgent use', async () => {
    const guardian = await suite.page();
    await signIn(guardian, DEMO.guardian);
    await guardian.getByRole('link', { name: 'Skriv til kontaktlæreren' }).first().click();
    await settled(guardian);
    const subject = 'Afhentning fredag';
    await guardian.getByLabel('Emne').fill(subject);
    await guardian.getByLabel('Besked', { exact: true }).fill('Mormor henter Emma på fredag.');
    const threadPath = await sendAndOpen(guardian);
    await guardian
      .locator('.promise')
      .getByText(/^Skolen svarer senest/)
      .waitFor();
    expect(await guardian.locator('.promise').count()).toBe(1);
    expect(await guardian.getByText(/^Svar senest/).count()).toBe(0);

    const leader = await suite.page();
    await signIn(leader, DEMO.leader);
    await visit(leader, threadPath);
    await leader.getByRole('button', { name: 'Bekræft modtagelse' }).waitFor();
    await leader.getByLabel('Dit svar').fill('Tak for beskeden. Det er noteret.');
    await leader.getByRole('button', { name: 'Send svar' }).click();
    await leader.getByText('Dit svar er sendt.').waitFor();
    await leader.getByText('Besvaret', { exact: true }).waitFor();
    await expectNoAxeViolations(leader, 'thread answered by the leader');

    await visit(leader, '/');
    await leader.getByRole('link', { name: 'Hastebeskeder', exact: true }).click();
    await settled(leader);
    await expect.poll(() => leader.locator('h1').textContent()).toBe('Hastebeskeder');
    await expectNoAxeViolations(leader, 'urgent messages');
    // The demo's own urgent class message; guardians are named only as their class.
    const row = leader
      .getByRole('table', { name: 'Beskeder markeret som hastende' })
      .locator('tbody tr')
      .filter({ hasText: 'Skoldkopper i 3.A' });
    await row.getByText('Forældre i 3.A').waitFor();
    await row.getByText('Birgitte Lund').waitFor();
  });
});
