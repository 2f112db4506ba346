import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { DEMO, settled, signIn, visit } from '../support/session.js';
import { useSuite } from '../support/suite.js';

const suite = useSuite();

/** Today and later days on Copenhagen's calendar, as a date field takes them (the server's clock is the real one). */
const copenhagenDay = (daysAhead = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(
    new Date(Date.now() + daysAhead * 86_400_000),
  );
const SUBSTITUTE = 'Hanne Skovgaard';
const SUBJECT = 'Svømning på torsdag';

async function openProfile(page: Page): Promise<void> {
  // On a phone the pages sit behind the header's menu button.
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: /^(Profil|Profile)$/ }).click();
  await settled(page);
  await page.getByRole('region', { name: /^(Fravær|Absence)$/ }).waitFor();
}

async function openComposer(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Skriv til kontaktlæreren' }).first().click();
  await settled(page);
  await expect.poll(() => page.locator('h1').textContent()).toBe('Skriv til kontaktlæreren');
  await page.getByText(/^Til: .*, kontaktlærer$/).waitFor();
}

describe('a contact teacher away: guardian messages go to the substitute', () => {
  it('the teacher registers an absence with a substitute; the guardian is told before sending; the substitute gets the thread', async () => {
    const teacher = await suite.page();
    await signIn(teacher, DEMO.contactTeacher);
    await openProfile(teacher);
    await expectNoAxeViolations(teacher, 'profile with absence (teacher)');
    const section = teacher.getByRole('region', { name: 'Fravær' });
    await section.getByText('Du har ikke registreret noget fravær.').waitFor();

    // A wrong order of days is refused on its field and nothing is stored.
    await section.getByLabel('Første dag').fill(copenhagenDay(7));
    await section.getByLabel('Sidste dag').fill(copenhagenDay(0));
    await section.getByRole('button', { name: 'Registrér fraværet' }).click();
    await section.getByText('Sidste dag kan ikke ligge før første dag.').waitFor();
    expect(await section.getByLabel('Sidste dag').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(teacher, 'profile, absence form with an error');

    await section.getByLabel('Første dag').fill(copenhagenDay(0));
    await section.getByLabel('Sidste dag').fill(copenhagenDay(7));
    await section.getByLabel('Stedfortræder').selectOption({ label: SUBSTITUTE });
    await section.getByLabel('Note (valgfri)').fill('Kursus');
    await section.getByRole('button', { name: 'Registrér fraværet' }).click();
    await section.getByText('Fraværet er registreret.').waitFor();
    const card = section.getByRole('list', { name: 'Registreret fravær' }).getByRole('listitem');
    // The list reloads after the save: wait for the new card rather than count at once.
    await expect.poll(() => card.count()).toBe(1);
    await card.getByText('I gang').waitFor();
    await card.getByText(SUBSTITUTE).waitFor();
    await expectNoAxeViolations(teacher, 'profile, absence registered');

    const guardian = await suite.page();
    await signIn(guardian, DEMO.guardian);
    await openComposer(guardian);
    const notice = guardian.getByText(
      new RegExp(
        `^Birgitte Lund er fraværende til og med \\S+ \\d{1,2}\\. \\S+\\. Din besked går til ${SUBSTITUTE}\\.$`,
      ),
    );
    await notice.waitFor();
    await expectNoAxeViolations(guardian, 'compose with an absence notice');
    await guardian.getByLabel('Emne').fill(SUBJECT);
    await guardian
      .getByLabel('Besked', { exact: true })
      .fill('Hej\nEmma har glemt sit badetøj. Må hun låne et par badebukser?\nVenlig hilsen');
    await guardian.getByRole('button', { name: 'Send besked' }).click();
    await guardian.waitForURL((url) => /^\/messages\/[0-9a-f-]{36}$/.test(url.pathname));
    await settled(guardian);
    await guardian.getByText('Din besked er sendt.').waitFor();
    // Where the message went is said again once it is sent.
    await guardian
      .locator('.notice')
      .getByText(new RegExp(`Din besked går til ${SUBSTITUTE}\\.$`))
      .waitFor();

    const substitute = await suite.page();
    await signIn(substitute, DEMO.leader);
    await visit(substitute, '/messages');
    const row = substitute.locator('li.thread-row').filter({ hasText: SUBJECT });
    await row.getByText('1 ulæst', { exact: true }).waitFor();

    // The leadership sees everyone's absences (the demo's 7.A teacher and Birgitte) and may register for anyone.
    await openProfile(substitute);
    const leaderSection = substitute.getByRole('region', { name: 'Fravær' });
    const cards = leaderSection.getByRole('list', { name: 'Registreret fravær' }).getByRole('listitem');
    await expect.poll(() => cards.count()).toBe(2);
    await cards
      .filter({ hasText: 'Birgitte Lund' })
      .getByRole('button', { name: /^Slet fraværet for Birgitte Lund, / })
      .waitFor();
    expect(await leaderSection.getByLabel('Hvem er fraværende').locator('option').first().textContent()).toBe(
      SUBSTITUTE,
    );
    await expectNoAxeViolations(substitute, 'profile with absences (leader)');
  });

  it('in English, the teacher replaces it with an absence without substitute, and the guardian is told the later date', async () => {
    const teacher = await suite.page();
    await signIn(teacher, DEMO.contactTeacher);
    await teacher.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => teacher.evaluate(() => document.documentElement.lang)).toBe('en');
    await openProfile(teacher);
    const section = teacher.getByRole('region', { name: 'Absence' });
    const card = section.getByRole('list', { name: 'Registered absences' }).getByRole('listitem');
    await card.getByText('Ongoing').waitFor();
    await expectNoAxeViolations(teacher, 'profile with absence (English)');
    // Delete with the keyboard: the button's name says which absence.
    await card.getByRole('button', { name: /^Delete the absence / }).focus();
    await teacher.keyboard.press('Enter');
    await section.getByText('You have not registered any absence.').waitFor();

    await section.getByLabel('First day').fill(copenhagenDay(0));
    await section.getByLabel('Last day').fill(copenhagenDay(3));
    await section.getByRole('button', { name: 'Register the absence' }).click();
    await section.getByText('The absence has been registered.').waitFor();
    await card.getByText('No substitute', { exact: true }).waitFor();
    await expectNoAxeViolations(teacher, 'profile, absence registered (English)');

    const guardian = await suite.page();
    await signIn(guardian, DEMO.guardian);
    await openComposer(guardian);
    await guardian
      .getByText(
        /^Birgitte Lund er fraværende til og med \S+ \d{1,2}\. \S+; du kan forvente svar senest \S+ \d{1,2}\. \S+\.$/,
      )
      .waitFor();
    await expectNoAxeViolations(guardian, 'compose with a later promise');
  });
});
