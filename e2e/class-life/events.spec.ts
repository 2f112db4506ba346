import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { chooseEnglish, DEMO, settled, signIn } from '../support/session.js';
import { useSuite } from '../support/suite.js';

const suite = useSuite();
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const TITLE = 'Tur til Naturhistorisk Museum';
/** Two weeks from today, as the date field reads it (ISO is always read). */
const inTwoWeeks = new Date(Date.now() + 14 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

/**
 * Issue 12, point 3: 3.A's contact teacher creates a class event with a volunteer slot (Danish,
 * desktop); the demo guardian signs up from her home page and takes the slot (English, phone);
 * the teacher sees the head-count and who took the slot, then moves the event and cancels it
 * with a reason, by keyboard (Danish, desktop); the guardian sees it cancelled, and 7.A's
 * lejrskole over three days (English, phone). Every page is checked by axe.
 */
describe('a class event with sign-up and volunteer slots', () => {
  it('the contact teacher creates an event with a volunteer slot (Danish, desktop)', async () => {
    const page = await suite.page(DESKTOP);
    await signIn(page, DEMO.contactTeacher);
    // The demo's crafts afternoon still needs helpers for the clearing up.
    const needsHelp = page.getByRole('region', { name: 'Arrangementer, der mangler hjælpere' });
    await needsHelp.getByRole('link', { name: 'Juleklip og æbleskiver i 3.A' }).waitFor();
    await page.getByRole('link', { name: 'Se alle arrangementer, eller opret et nyt' }).click();
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Arrangementer');
    await expectNoAxeViolations(page, 'events, contact teacher');

    const form = page.getByRole('region', { name: 'Nyt arrangement' });
    // Without a title, a day and times nothing is created, and the fields say why.
    await form.getByRole('button', { name: 'Opret arrangementet' }).click();
    await form.getByText('Skriv en titel.').first().waitFor();
    await form.getByLabel('Arrangementet er for').selectOption({ label: 'For 3.A' });
    await form.getByLabel('Titel').fill(TITLE);
    await form.getByLabel('Beskrivelse').fill('Vi tager bussen kl. 9 og er tilbage til frokost.');
    await form.getByLabel('Dato', { exact: true }).fill(inTwoWeeks);
    await form.getByLabel('Starter kl.').fill('9.00');
    await form.getByLabel('Slutter kl.').fill('12.00');
    await form.getByLabel('Sted').fill('Naturhistorisk Museum');
    await form.getByRole('button', { name: 'Tilføj en opgave' }).click();
    await form.getByLabel('Opgave 1').fill('Kør til museet');
    await form.getByLabel('Antal familier').fill('2');
    await form.getByRole('button', { name: 'Opret arrangementet' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(TITLE);
    await settled(page);
    await page.getByText('0 af 2 pladser taget').waitFor();
    await expectNoAxeViolations(page, 'event created, organiser');
  });

  it('the guardian signs up and takes the slot; the organiser sees the head-count (English, phone)', async () => {
    const guardian = await suite.page();
    await signIn(guardian, DEMO.guardian);
    await chooseEnglish(guardian);
    await guardian.getByRole('link', { name: TITLE }).click();
    await settled(guardian);
    await expect.poll(() => guardian.locator('h1').textContent()).toBe(TITLE);
    await expectNoAxeViolations(guardian, 'event, guardian (English, phone)');
    const signUp = guardian.getByRole('region', { name: 'Sign-up' });
    await signUp.getByText('You have not answered yet').waitFor();
    await signUp.getByLabel('Adults').fill('1');
    await signUp.getByLabel('Children').fill('2');
    await signUp.getByRole('button', { name: 'Sign us up' }).click();
    await signUp.getByText('You are coming – adults: 1, children: 2').waitFor();
    const slots = guardian.getByRole('region', { name: 'Volunteer tasks' });
    await slots.getByRole('button', { name: 'We take "Kør til museet"' }).click();
    await slots.getByText('You have taken this').waitFor();
    await slots.getByText('1 of 2 places taken').waitFor();
    expect(await slots.getByText('You have taken this').count()).toBe(1);
    await expectNoAxeViolations(guardian, 'event signed up, guardian (English, phone)');

    const teacher = await suite.page(DESKTOP);
    await signIn(teacher, DEMO.contactTeacher);
    await teacher.goto(new URL(guardian.url()).pathname);
    await settled(teacher);
    const headCount = teacher.getByRole('region', { name: 'Hvem kommer' });
    await headCount.getByText('Familier, der kommer: 1. Voksne: 1. Børn: 2.').waitFor();
    await headCount.getByRole('rowheader', { name: 'Mette Lindholm' }).waitFor();
    // The event is new: the demo guardian's home is the only one that has answered.
    expect(await headCount.getByRole('rowheader').count()).toBe(1);
    await teacher.getByText('Taget af: Mette Lindholm').waitFor();
    await expectNoAxeViolations(teacher, 'event head-count, organiser');
  });

  it('the organiser moves the event, then cancels it with a reason by keyboard (Danish, desktop)', async () => {
    const page = await suite.page(DESKTOP);
    await signIn(page, DEMO.contactTeacher);
    await page.getByRole('link', { name: 'Se alle arrangementer, eller opret et nyt' }).click();
    await settled(page);
    await page.getByRole('link', { name: TITLE }).click();
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe(TITLE);
    const organise = page.getByRole('region', { name: 'Ret eller aflys' });
    await organise.getByRole('button', { name: 'Ret arrangementet' }).click();
    // The guardian took a place in the slot: it keeps its name and cannot be removed.
    await organise.getByText('1 familie har taget opgaven, så den kan ikke omdøbes eller fjernes.').waitFor();
    expect(await organise.getByLabel('Opgave 1').isEditable()).toBe(false);
    expect(await organise.getByRole('button', { name: 'Fjern opgave 1' }).count()).toBe(0);
    await organise.getByLabel('Sted').fill('Naturhistorisk Museum, Aarhus');
    await organise.getByLabel('Starter kl.').fill('10.00');
    await organise.getByLabel('Slutter kl.').fill('13.00');
    await expectNoAxeViolations(page, 'event change form, organiser');
    await organise.getByRole('button', { name: 'Gem ændringerne' }).click();
    await organise.getByText('Ændringerne er gemt.', { exact: false }).waitFor();
    await expect
      .poll(() => page.locator('.lead').first().textContent())
      .toContain('10.00–13.00 · Naturhistorisk Museum, Aarhus');
    // The saved form closed and gave the focus back to its button.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Ret arrangementet');

    // Cancelling by keyboard: the question opens with the focus in the reason.
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Aflys arrangementet');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await organise.getByText('Vil du aflyse arrangementet?').waitFor();
    await page.keyboard.type('Bussen er aflyst på grund af storm.');
    await expectNoAxeViolations(page, 'cancel question, organiser');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Ja, aflys arrangementet');
    await page.keyboard.press('Enter');
    await page.getByText('Begrundelse: Bussen er aflyst på grund af storm.').waitFor();
    await page.getByText('Aflyst', { exact: true }).waitFor();
    // A cancelled event is not changed again, and the focus is on what happened.
    await expect.poll(() => organise.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('cancelled');
    await expectNoAxeViolations(page, 'event cancelled, organiser');
  });

  it('the guardian sees the event cancelled with its reason, and a lejrskole over three days (English, phone)', async () => {
    const guardian = await suite.page();
    await signIn(guardian, DEMO.guardian);
    await chooseEnglish(guardian);
    // Her home signed up: the home page keeps the event, marked cancelled, with the reason.
    const card = guardian.getByRole('listitem').filter({ has: guardian.getByRole('link', { name: TITLE }) });
    await card.getByText('Cancelled', { exact: true }).waitFor();
    await card.getByText('Reason: Bussen er aflyst på grund af storm.').waitFor();
    await expectNoAxeViolations(guardian, 'home with a cancelled event, guardian (English, phone)');
    await card.getByRole('link', { name: TITLE }).click();
    await settled(guardian);
    await expect.poll(() => guardian.locator('h1').textContent()).toBe(TITLE);
    await guardian.getByText('The event has been cancelled, so sign-up is closed.').waitFor();
    expect(await guardian.getByRole('button', { name: 'Change the sign-up' }).count()).toBe(0);
    expect(await guardian.getByRole('button', { name: 'Give "Kør til museet" back' }).count()).toBe(0);
    await expectNoAxeViolations(guardian, 'cancelled event, guardian (English, phone)');

    // Oscar's class goes on a lejrskole from Monday to Wednesday: one event over three days.
    await guardian.getByRole('link', { name: 'All events' }).click();
    await settled(guardian);
    const camp = guardian
      .getByRole('listitem')
      .filter({ has: guardian.getByRole('link', { name: 'Lejrskole på Bornholm' }) });
    await expect.poll(() => camp.textContent()).toMatch(/Monday \d+ \w+ \d{4}, 07:30 – Wednesday \d+ \w+ \d{4}, 16:00/);
    await expectNoAxeViolations(guardian, 'events with a lejrskole, guardian (English, phone)');
  });
});
