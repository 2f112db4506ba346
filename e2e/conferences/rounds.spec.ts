import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { DEMO, mySchool, settled, signIn } from '../support/session.js';
import { useSuite } from '../support/suite.js';

const suite = useSuite();

const DAY_MS = 86_400_000;
const DESKTOP_VIEWPORT = { width: 1280, height: 900 };

/** A day on Copenhagen's calendar `daysAhead` from today (the server's clock is the real one). */
const copenhagenDay = (daysAhead: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date(Date.now() + daysAhead * DAY_MS));
const isWeekend = (iso: string) => [0, 6].includes(new Date(`${iso}T12:00:00Z`).getUTCDay());
/** The first weekday at least `daysAhead` from today, and how far ahead it is. */
function weekdayFrom(daysAhead: number): { date: string; ahead: number } {
  for (let ahead = daysAhead; ; ahead++) {
    const date = copenhagenDay(ahead);
    if (!isWeekend(date)) return { date, ahead };
  }
}
/** "19.1.2027": how a Dane types a date. */
const danishTyped = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}.${m}.${y}`;
};

/** Every create the page sends, so a refused form can be shown to have sent nothing. */
function watchCreates(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname.endsWith('/conference-rounds'))
      sent.push(request.url());
  });
  return sent;
}

describe('conference rounds', () => {
  it('the leader plans a round for 3.A and 7.A with two afternoons, in Danish on a phone (a class left out is named and nothing is sent), sends it, and the guardian books her two children back to back', async () => {
    const page = await suite.page();
    const sent = watchCreates(page);
    await signIn(page, DEMO.leader);

    await page
      .getByRole('region', { name: 'Ledelse' })
      .getByRole('link', { name: 'Skole-hjem-samtaler', exact: true })
      .click();
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Skole-hjem-samtaler');
    await expectNoAxeViolations(page, 'rounds (leader, phone)');
    await page.getByRole('link', { name: 'Ny samtalerunde' }).click();
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ny samtalerunde');
    await expectNoAxeViolations(page, 'new round (leader, phone)');

    const first = weekdayFrom(45);
    const second = weekdayFrom(first.ahead + 1);
    await page.getByLabel('Navn', { exact: true }).fill('Skole-hjem-samtaler efterår');
    const afternoons = page.getByRole('group', { name: 'Eftermiddage' });
    await afternoons.getByRole('group', { name: 'Eftermiddag 1' }).getByLabel('Dato').fill(danishTyped(first.date));
    await page.getByLabel('Indkaldelsen sendes').fill(danishTyped(copenhagenDay(first.ahead - 30)));
    await page.getByLabel('Elevplanerne deles (valgfrit)').fill(danishTyped(copenhagenDay(first.ahead - 10)));

    // No class chosen: the group says so, takes the focus, and nothing is sent.
    await page.getByRole('button', { name: 'Opret samtalerunde' }).click();
    const classes = page.getByRole('group', { name: 'Klasser' });
    await classes.getByText('Vælg mindst én klasse.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('checkbox');
    expect(await classes.getByRole('checkbox', { name: '0.A' }).getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'new round, no class chosen');
    expect(sent).toEqual([]);

    await classes.getByRole('checkbox', { name: '3.A' }).check();
    await classes.getByRole('checkbox', { name: '7.A' }).check();
    // A meeting length for each grade of the chosen classes, the usual one to begin with.
    expect(await page.getByLabel('Minutter pr. samtale, 3. klasse').inputValue()).toBe('15');
    expect(await page.getByLabel('Minutter pr. samtale, 7. klasse').inputValue()).toBe('20');
    await page.getByLabel('Lokale for 3.A').fill('Lokale 12');

    // A second afternoon, added from the keyboard, gets the focus on its date.
    await page.getByRole('button', { name: 'Tilføj eftermiddag' }).press('Enter');
    const day2 = afternoons.getByRole('group', { name: 'Eftermiddag 2' });
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent),
      )
      .toBe('Eftermiddag 2');
    await day2.getByLabel('Dato').fill(danishTyped(second.date));
    await day2.getByLabel('Fra kl.').fill('1430');
    await page.getByRole('group', { name: 'Deltager ud over kontaktlæreren' }).getByLabel('Klassens pædagog').check();
    await page.getByRole('group', { name: 'Samtaleform' }).getByLabel('Video').check();
    await page.getByLabel('Link til videomødet').fill('https://meet.demo.samspil.dk/efteraar');
    await expectNoAxeViolations(page, 'new round, filled in');

    await page.getByRole('button', { name: 'Opret samtalerunde' }).click();
    await page.getByText('Samtalerunden er oprettet.').waitFor();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Skole-hjem-samtaler efterår');
    expect(sent).toHaveLength(1);
    // It keeps the principle's lead times: no warning.
    expect(await page.getByText('Runden følger ikke princippets frister').count()).toBe(0);
    await page.getByText('Runden følger princippets frister.').waitFor();
    const facts = page.getByRole('region', { name: 'Om runden' });
    await facts.getByText('3.A, 7.A').waitFor();
    await facts.getByText('3. klasse: 15 minutter').waitFor();
    await facts.getByText('3.A: Lokale 12').waitFor();
    await facts.getByText('Klassens pædagog').waitFor();
    await page
      .getByRole('region', { name: 'Eftermiddage' })
      .getByText(/kl\. 14\.30–17\.30$/)
      .waitFor();
    await expectNoAxeViolations(page, 'the new round (leader, phone)');

    const school = await mySchool(page);
    const rounds = (await (await page.request.get(`/api/schools/${school.id}/conference-rounds`)).json()) as {
      rounds: Array<{ name: string; days: Array<{ date: string }>; minutesByGrade: Record<string, number> }>;
    };
    expect(rounds.rounds.find((r) => r.name === 'Skole-hjem-samtaler efterår')).toMatchObject({
      days: [{ date: first.date }, { date: second.date }],
      minutesByGrade: { '3': 15, '7': 20 },
    });

    // The leader sends the invitations now; the demo guardian, with Emma in 3.A and Oscar in 7.A,
    // books Emma's meeting and is offered Oscar's right after it, back to back on the same afternoon.
    const invitations = page.getByRole('region', { name: 'Invitationer' });
    await invitations.getByRole('button', { name: 'Send invitationerne' }).click();
    await invitations.getByText(/^Invitationerne er sendt til \d+ hjem\.$/).waitFor();

    const guardian = await suite.page();
    await signIn(guardian, DEMO.guardian);
    const cardOf = (child: string) =>
      guardian
        .getByRole('listitem')
        .filter({ has: guardian.getByRole('heading', { name: child }) })
        .locator('.panel')
        .filter({ hasText: 'Skole-hjem-samtaler efterår' });
    const emma = cardOf('Emma Lindholm');
    const firstTime = emma.locator('.time-buttons button').first();
    const emmaStarts = ((await firstTime.textContent()) ?? '').trim();
    expect(emmaStarts).toMatch(/^\d\d\.\d\d$/);
    await firstTime.click();
    await emma.getByText('Tiden er booket. Den står også i jeres kalender i Samspil.').waitFor();
    const emmaTime = ((await emma.getByText('Jeres tid:').locator('..').textContent()) ?? '').trim();
    expect(emmaTime).toContain(`kl. ${emmaStarts}–`);

    const oscar = cardOf('Oscar Lindholm');
    const backToBack = oscar
      .getByRole('group', { name: 'Forslag til jer' })
      .getByRole('button', { name: /lige efter Emmas samtale$/ });
    // The same afternoon, starting when Emma's ends or at the next time of 7.A's grid (no time closer).
    const parts = (text: string) => {
      const [, day = '', from = '', to = ''] = /^(.*) kl\. (\d\d\.\d\d)–(\d\d\.\d\d)/.exec(text) ?? [];
      const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));
      return { day, from: minutes(from), to: minutes(to) };
    };
    const emmaMeeting = parts(emmaTime.replace(/^Jeres tid:\s*/, ''));
    const oscarMeeting = parts((await backToBack.textContent()) ?? '');
    expect(oscarMeeting.day).toBe(emmaMeeting.day);
    expect(oscarMeeting.from - emmaMeeting.to).toBeGreaterThanOrEqual(0);
    expect(oscarMeeting.from - emmaMeeting.to).toBeLessThan(oscarMeeting.to - oscarMeeting.from);
    await backToBack.click();
    await oscar.getByText('Tiden er booket. Den står også i jeres kalender i Samspil.').waitFor();
    await expectNoAxeViolations(guardian, 'guardian booked two children back to back (phone)');
  });

  it('a round whose invitations go out late shows the principle’s warning, on its card and its page', async () => {
    const page = await suite.page();
    await signIn(page, DEMO.leader);
    const school = await mySchool(page);
    await page.goto(`/schools/${school.id}/conference-rounds`);
    await settled(page);
    const card = page.getByRole('listitem').filter({ hasText: 'Samtaler i 5.B' });
    await card.getByText('1 advarsel').waitFor();
    await card.getByRole('link', { name: 'Samtaler i 5.B' }).click();
    await settled(page);
    const warning = page.locator('.notice--warning');
    await warning.getByText('Runden følger ikke princippets frister').waitFor();
    await warning.getByText(/^Princippet siger, .*mindst 21 dage før første samtale\. Her er der 12\.$/).waitFor();
    await expectNoAxeViolations(page, 'a round with a warning');
  });

  it('shows the list and the form in English at desktop width', async () => {
    const page = await suite.page({ viewport: DESKTOP_VIEWPORT });
    await signIn(page, DEMO.leader);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('link', { name: 'School-home conferences', exact: true }).click();
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe('School-home conferences');
    await page.getByRole('listitem').filter({ hasText: 'Samtaler i 5.B' }).getByText('1 warning').waitFor();
    await expectNoAxeViolations(page, 'rounds (English, desktop)');
    await page.getByRole('link', { name: 'New conference round' }).click();
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe('New conference round');
    for (const label of ['Name', 'Date', 'From', 'To', 'Invitations go out', 'Student plans shared (optional)'])
      await page.getByLabel(label, { exact: true }).waitFor();
    for (const group of [
      'Kind of round',
      'Classes',
      'Afternoon 1',
      'Taking part besides the contact teacher',
      'Formats',
    ])
      await page.getByRole('group', { name: group }).waitFor();
    await page.getByRole('group', { name: 'Classes' }).getByRole('checkbox', { name: '5.B' }).check();
    await page.getByLabel('Minutes per meeting, Grade 5').waitFor();
    // A counsellor takes part: the form asks which of the school's staff.
    await page
      .getByRole('group', { name: 'Taking part besides the contact teacher' })
      .getByLabel('A counsellor')
      .check();
    const counsellor = page.getByLabel('Counsellor', { exact: true });
    await expect.poll(() => counsellor.locator('option').count()).toBeGreaterThan(2);
    await counsellor.selectOption({ index: 1 });
    expect(await counsellor.inputValue()).toMatch(/^[0-9a-f-]{36}$/);
    await expectNoAxeViolations(page, 'new round (English, desktop)');
    // The choice of language stays with the account: the leader's later journeys are in Danish again.
    await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/api/me/preferences') && response.ok()),
      page.getByRole('button', { name: 'Dansk' }).click(),
    ]);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('da');
  });

  it("the contact teacher of 3.A finds the rounds from home, sees their class's round, and may choose only 3.A", async () => {
    const page = await suite.page();
    await signIn(page, DEMO.contactTeacher);
    await page.getByRole('link', { name: 'Skole-hjem-samtaler', exact: true }).click();
    await settled(page);
    await page.getByRole('link', { name: 'Skole-hjem-samtaler, vinter' }).waitFor();
    expect(await page.getByRole('link', { name: 'Samtaler i 5.B' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'rounds (contact teacher)');
    await page.getByRole('link', { name: 'Ny samtalerunde' }).click();
    await settled(page);
    const classes = page.getByRole('group', { name: 'Klasser' }).getByRole('checkbox');
    // The classes arrive after the form: wait for 3.A, then count.
    await page.getByRole('group', { name: 'Klasser' }).getByRole('checkbox', { name: '3.A' }).waitFor();
    await expect.poll(() => classes.count()).toBe(1);
    await expectNoAxeViolations(page, 'new round (contact teacher)');
  });

  it('gives no way to the rounds to those who may not plan them', async () => {
    const page = await suite.page();
    await signIn(page, DEMO.guardian);
    expect(await page.getByRole('link', { name: 'Skole-hjem-samtaler', exact: true }).count()).toBe(0);
    const school = await mySchool(page);
    expect([403, 404]).toContain((await page.request.get(`/api/schools/${school.id}/conference-rounds`)).status());
  });

  // Last in the file: it changes the school's principle for the rest of this file's server.
  it("shows the server's refusal of a needs-based round at the field, in Danish, where the principle allows none", async () => {
    const page = await suite.page();
    await signIn(page, DEMO.leader);
    const school = await mySchool(page);
    // The board adopts seed 000's principle, which has no needs-based rounds, through the API as the editor does.
    const draft = await page.request.post(`/api/schools/${school.id}/principle/draft`, {
      data: { fromPreset: 'seed-000' },
    });
    expect(draft.status(), await draft.text()).toBe(201);
    const adopted = await page.request.post(`/api/schools/${school.id}/principle/draft/adopt`, {
      data: { adoptedOn: copenhagenDay(0), adoptedBy: 'Skolebestyrelsen, ekstraordinært møde' },
    });
    expect(adopted.status(), await adopted.text()).toBe(200);
    const before = (await (await page.request.get(`/api/schools/${school.id}/conference-rounds`)).json()) as {
      rounds: unknown[];
    };

    await page.goto(`/schools/${school.id}/conference-rounds/new`);
    await settled(page);
    const first = weekdayFrom(45);
    await page.getByLabel('Navn', { exact: true }).fill('Behovssamtaler i 5.B');
    await page.getByRole('radio', { name: /^Behovssamtaler/ }).check();
    await page.getByRole('group', { name: 'Klasser' }).getByRole('checkbox', { name: '5.B' }).check();
    await page.getByRole('group', { name: 'Eftermiddag 1' }).getByLabel('Dato').fill(danishTyped(first.date));
    await page.getByLabel('Indkaldelsen sendes').fill(danishTyped(copenhagenDay(first.ahead - 30)));
    // A needs-based round is for some students: none ticked is the students' field in error, before anything is sent.
    await page.getByRole('button', { name: 'Opret samtalerunde' }).click();
    const students = page.getByRole('group', { name: 'Elever', exact: true });
    await students.getByText('Vælg mindst én elev fra de valgte klasser.').waitFor();
    await students.getByRole('group', { name: '5.B' }).getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Opret samtalerunde' }).click();

    const kind = page.getByRole('group', { name: 'Slags runde' });
    await kind
      .getByText('Skolens princip giver ikke plads til en behovsrunde. Vælg en almindelig runde for alle elever.')
      .waitFor();
    expect(await kind.getByRole('radio', { name: /^Behovssamtaler/ }).getAttribute('aria-describedby')).toBeTruthy();
    await page.getByText('Runden er ikke oprettet. Se felterne markeret ovenfor.').waitFor();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ny samtalerunde');
    await expectNoAxeViolations(page, 'new round refused by the server');
    const after = (await (await page.request.get(`/api/schools/${school.id}/conference-rounds`)).json()) as {
      rounds: unknown[];
    };
    expect(after.rounds).toHaveLength(before.rounds.length);
  });
});
