import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { DEMO, mySchool, settled, signIn, visit } from '../support/session.js';
import { useSuite } from '../support/suite.js';

const suite = useSuite();

const DAY_MS = 86_400_000;
const DESKTOP_VIEWPORT = { width: 1280, height: 900 };
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A day on Copenhagen's calendar (the server's clock is the real one), as the API writes it. */
const copenhagenDay = (daysAhead: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date(Date.now() + daysAhead * DAY_MS));
const weekday = (iso: string) => new Date(`${iso}T12:00:00Z`).getUTCDay();
const isWeekend = (iso: string) => [0, 6].includes(weekday(iso));
const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];
/** "4.12.2026": how a Dane types a date, without leading zeros. */
const danishTyped = (iso: string) => {
  const [y, m, d] = parts(iso);
  return `${d}.${m}.${y}`;
};
const danishShown = (iso: string) => {
  const [y, m, d] = parts(iso);
  return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
};
const englishShown = (iso: string) => {
  const [y, m, d] = parts(iso);
  return `${d} ${MONTHS_EN[m - 1]} ${y}`;
};

/** The first weekday after today that lies in the current school year (which ends on 31 July). */
function nextSchoolDay(): string {
  for (let ahead = 1; ; ahead++) {
    const day = copenhagenDay(ahead);
    if (!isWeekend(day)) return day;
  }
}

async function closedDaysOf(page: Page, schoolId: string, schoolYear?: number) {
  const query = schoolYear ? `?schoolYear=${schoolYear}` : '';
  const response = await page.request.get(`/api/schools/${schoolId}/closed-days${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as { schoolYear: number; days: Array<{ date: string; label: string }> };
}

describe("the school office's home, the closed days, and dates and times in the page's language", () => {
  it('an administrator sees what the office must do, keeps the closed days with Danish dates, on a phone in a browser set to English', async () => {
    // The browser speaks American English: a native date field would show mm/dd/yyyy in the Danish page.
    const page = await suite.page({ locale: 'en-US' });
    await signIn(page, DEMO.administrator);
    const school = await mySchool(page);

    await page.getByRole('region', { name: 'Fravær blandt personalet' }).waitFor();
    await page
      .getByRole('region', { name: 'Elever, forældre og personale' })
      .getByText(/^Seneste import /)
      .waitFor();
    const directory = page.getByRole('region', { name: 'Klasser og kontakter' });
    await directory.getByRole('table', { name: 'Klasser' }).getByRole('link', { name: '3.A' }).waitFor();
    // The leader's dashboard of the principle's figures is not the office's.
    expect(await page.getByRole('region', { name: 'Sådan holder skolen sit princip' }).count()).toBe(0);
    const links = page.getByRole('region', { name: 'Kontoret og ledelsen' }).getByRole('link');
    expect((await links.allTextContents()).slice(0, 2)).toEqual([
      'Skriv til forældre',
      'Besvar anmodninger om oplysninger',
    ]);
    await links.getByText('Lukkedage', { exact: true }).waitFor();

    const nextClosed = page.getByRole('region', { name: 'Næste lukkedage' });
    await nextClosed.getByRole('link', { name: /^Se og ret lukkedage for / }).click();
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Lukkedage');
    await expectNoAxeViolations(page, 'closed days (administrator, phone)');

    // One planning day, typed as a Dane writes it, shown back with leading zeros and in words.
    const day = nextSchoolDay();
    const first = page.getByLabel('Første dag');
    expect(await first.getAttribute('type')).toBe('text');
    await first.fill(danishTyped(day));
    await first.press('Tab');
    await expect.poll(() => first.inputValue()).toBe(danishShown(day));
    await page.getByText(new RegExp(`^(mandag|tirsdag|onsdag|torsdag|fredag) ${parts(day)[2]}\\. `)).waitFor();
    // Arrow up and down move a day, and back.
    await first.press('ArrowUp');
    const [y, m, d] = parts(day);
    const dayAfter = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
    await expect.poll(() => first.inputValue()).toBe(danishShown(dayAfter));
    await first.press('ArrowDown');
    await expect.poll(() => first.inputValue()).toBe(danishShown(day));
    await page.getByLabel('Betegnelse').fill('Planlægningsdag');
    await page.getByRole('button', { name: 'Tilføj og gem' }).click();
    await page.getByText('Lukkedagen er gemt.').waitFor();
    await page
      .getByRole('list', { name: /^Lukkedage i skoleåret / })
      .getByText('Planlægningsdag')
      .waitFor();
    // The demo school keeps its holidays too; the planning day is the one new day.
    const saved = await closedDaysOf(page, school.id);
    expect(saved.days.filter((closed) => closed.label === 'Planlægningsdag')).toEqual([
      { date: day, label: 'Planlægningsdag' },
    ]);
    await expectNoAxeViolations(page, 'closed days with a day (administrator, phone)');

    // A text that is no date is named on its field and nothing is sent.
    await first.fill('31.02.2027');
    await first.press('Tab');
    await page.getByText('Det er ikke en dato. Skriv den som dd.mm.åååå, fx 24.12.2026.').waitFor();
    expect(await first.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'closed days, a date in error');

    // A week's autumn holiday in the next school year: the weekend inside it is skipped.
    await page.getByRole('link', { name: 'Næste skoleår' }).click();
    await settled(page);
    const nextYear = saved.schoolYear + 1;
    await page
      .getByRole('heading', { name: `Skoleåret ${nextYear}/${String((nextYear + 1) % 100).padStart(2, '0')}` })
      .waitFor();
    await page.getByLabel('Første dag').fill(`12.10.${nextYear}`);
    await page.getByLabel('Sidste dag (valgfri)').fill(`18.10.${nextYear}`);
    await page.getByLabel('Betegnelse').fill('Efterårsferie');
    await page.getByRole('button', { name: 'Tilføj og gem' }).click();
    await page.getByText(/^De \d lukkedage er gemt\.$/).waitFor();
    const autumn = await closedDaysOf(page, school.id, nextYear);
    const expected = Array.from({ length: 7 }, (_, i) => `${nextYear}-10-${String(12 + i).padStart(2, '0')}`)
      .filter((date) => !isWeekend(date))
      .map((date) => ({ date, label: 'Efterårsferie' }));
    expect(autumn.days).toEqual(expected);

    // Removed again, as one run.
    await page.getByRole('button', { name: /^Fjern Efterårsferie, / }).click();
    await page.getByText(/^Efterårsferie, .* er fjernet\.$/).waitFor();
    expect((await closedDaysOf(page, school.id, nextYear)).days).toEqual([]);

    // The home lists the coming planning day.
    await visit(page, '/');
    await page.getByRole('region', { name: 'Næste lukkedage' }).getByText('Planlægningsdag').waitFor();
  });

  it('an administrator registers a colleague’s absence with Danish dates and sees it on the home', async () => {
    const page = await suite.page({ locale: 'en-US' });
    await signIn(page, DEMO.administrator);
    const school = await mySchool(page);
    // The home's link lands on the absence form, not at the top of the profile.
    await page.getByRole('link', { name: 'Registrér fravær for en kollega' }).click();
    await page.waitForURL((url) => url.pathname === '/profile' && url.hash === '#absence');
    await settled(page);
    const formHeading = page.getByRole('heading', { name: 'Registrér fravær' });
    await expect.poll(() => formHeading.evaluate((h) => h === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page, 'profile, absence form from the office home');
    const section = page.getByRole('region', { name: 'Fravær' });
    await section.getByLabel('Hvem er fraværende').selectOption({ label: 'Thomas Dahl' });
    const today = copenhagenDay(0);
    const last = copenhagenDay(2);
    await section.getByLabel('Første dag').fill(danishTyped(today));
    await section.getByLabel('Sidste dag').fill(danishTyped(last));
    await section.getByRole('button', { name: 'Registrér fraværet' }).click();
    await section.getByText('Fraværet er registreret.').waitFor();
    const absences = (await (await page.request.get(`/api/schools/${school.id}/staff-absences`)).json()) as {
      absences: Array<{ person: { name: string }; firstDay: string; lastDay: string }>;
    };
    expect(absences.absences.find((a) => a.person.name === 'Thomas Dahl')).toMatchObject({
      firstDay: today,
      lastDay: last,
    });
    await visit(page, '/');
    await page
      .getByRole('list', { name: 'Fraværende i dag' })
      .getByText(/^Thomas Dahl er fraværende til og med /)
      .waitFor();
  });

  it('in English on a desktop screen the office home and the closed days read in English, dates as 3 Dec 2026', async () => {
    const page = await suite.page({ viewport: DESKTOP_VIEWPORT });
    await signIn(page, DEMO.administrator);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('region', { name: 'Staff absence' }).waitFor();
    await page.getByRole('region', { name: 'Next closed days' }).waitFor();
    await page.getByRole('region', { name: 'Classes and contacts' }).waitFor();
    await expectNoAxeViolations(page, '/ (administrator, English, desktop)');

    await page.getByRole('link', { name: /^See and change the closed days of / }).click();
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Closed days');
    const day = nextSchoolDay();
    const [y, m, d] = parts(day);
    const first = page.getByLabel('First day');
    await first.fill(`${d}/${m}/${y}`);
    await first.press('Tab');
    await expect.poll(() => first.inputValue()).toBe(englishShown(day));
    await page.getByLabel('Name', { exact: true }).fill('Planning day');
    await page.getByRole('button', { name: 'Add and save' }).click();
    await page.getByText('The closed day is saved.').waitFor();
    await expectNoAxeViolations(page, 'closed days (English, desktop)');
  });

  it('the leader keeps the dashboard first and finds the closed days among the leadership’s links; a teacher has no such link', async () => {
    const leader = await suite.page({ viewport: DESKTOP_VIEWPORT });
    await signIn(leader, DEMO.leader);
    const sections = await leader.locator('main section > .section__head h2').allTextContents();
    expect(sections.indexOf('Sådan holder skolen sit princip')).toBeLessThan(sections.indexOf('Ledelse'));
    await leader.getByRole('region', { name: 'Ledelse' }).getByRole('link', { name: 'Lukkedage' }).waitFor();
    expect(await leader.getByRole('region', { name: 'Fravær blandt personalet' }).count()).toBe(0);

    const teacher = await suite.page();
    await signIn(teacher, DEMO.contactTeacher);
    expect(await teacher.getByRole('link', { name: 'Lukkedage' }).count()).toBe(0);
  });
  it('a staff member types quiet hours as 21 and 0630 and keeps 21:00–06:30; a time that is none is named on its field', async () => {
    const page = await suite.page({ locale: 'en-US' });
    await signIn(page, DEMO.contactTeacher);
    await visit(page, '/profile');
    const section = page.getByRole('region', { name: 'Notifikationer' });
    const from = section.getByLabel('Fra', { exact: true });
    const to = section.getByLabel('Til', { exact: true });
    expect(await from.getAttribute('type')).toBe('text');
    await from.fill('21');
    await to.fill('0630');
    await to.press('Tab');
    await expect.poll(() => to.inputValue()).toBe('06:30');
    await section.getByRole('button', { name: 'Gem notifikationer' }).click();
    await section.getByText('Dine valg er gemt.').waitFor();
    const settings = (await (await page.request.get('/api/me/notification-settings')).json()) as {
      schools: Array<{ quietHours: { from: string; to: string } | null }>;
    };
    expect(settings.schools[0]?.quietHours).toMatchObject({ from: '21:00', to: '06:30' });

    await to.fill('25.00');
    await to.press('Tab');
    await section.getByText('Det er ikke et klokkeslæt. Skriv det som tt:mm, fx 08:30.').waitFor();
    expect(await to.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'profile, a quiet hour in error');
  });
});
