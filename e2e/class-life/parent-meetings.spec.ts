import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { chooseEnglish, DEMO, settled, signIn } from '../support/session.js';
import { useSuite } from '../support/suite.js';

const suite = useSuite();
const DESKTOP = { viewport: { width: 1280, height: 900 } };

/**
 * Issue 12, point 2: 3.A's contact teacher sees on her home how many parent meetings the class
 * has held against the principle, plans the next one with an agenda item and sends the
 * invitation (Danish, desktop); the demo guardian answers that two are coming and reads the
 * minutes of the autumn meeting (English, phone); the teacher sees the answer. Every page is
 * checked by axe.
 */
describe('a parent meeting is planned, the homes answer, the minutes are read', () => {
  let meetingPath = '';

  it('the contact teacher plans a meeting and invites the homes (desktop)', async () => {
    const page = await suite.page(DESKTOP);
    await signIn(page, DEMO.contactTeacher);
    const meetings = page.getByRole('region', { name: 'Forældremøder' });
    await meetings.getByText('Forældremøder i år: 1 af 2').waitFor();
    await meetings
      .getByRole('link', { name: /december|januar/ })
      .first()
      .click();
    await settled(page);
    await page.getByRole('link', { name: 'Alle forældremøder i 3.A' }).click();
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Forældremøder i 3.A');
    await expectNoAxeViolations(page, 'parent meetings of a class');

    const form = page.getByRole('region', { name: 'Planlæg et forældremøde' });
    await form.getByLabel('Dato').fill('2027-03-11');
    await form.getByLabel('Sted').fill('Klasselokalet');
    await form.getByRole('button', { name: 'Planlæg mødet' }).click();
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Forældremøde i 3.A');
    await page.getByLabel('Nyt punkt').fill('Lejrskole i foråret');
    await page.getByRole('button', { name: 'Tilføj punkt' }).click();
    await page.getByText('Lejrskole i foråret').waitFor();
    await expectNoAxeViolations(page, 'a parent meeting being planned');
    await page.getByRole('button', { name: 'Send invitationen til klassens forældre' }).click();
    await page.getByText('Forældrene er inviteret.', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Hent mødet til din kalender (.ics)' }).waitFor();
    meetingPath = new URL(page.url()).pathname;
  });

  it('the guardian answers and reads the minutes of the autumn meeting (English, phone)', async () => {
    const guardian = await suite.page();
    await signIn(guardian, DEMO.guardian);
    await chooseEnglish(guardian);
    await guardian.goto(new URL(meetingPath, guardian.url()).href);
    await settled(guardian);
    await expect.poll(() => guardian.locator('h1').textContent()).toBe('Parent meeting of 3.A');
    await guardian.getByText('Lejrskole i foråret').waitFor();
    await guardian.getByLabel('How many of you are coming?').fill('2');
    await guardian.getByRole('button', { name: 'We are coming' }).click();
    await guardian.getByText('You are coming, 2 people.').waitFor();
    expect(await guardian.getByRole('button', { name: /Send the invitation/ }).count()).toBe(0);
    await expectNoAxeViolations(guardian, 'a parent meeting, guardian (phone)');

    await guardian.getByRole('link', { name: 'All parent meetings of 3.A' }).click();
    await settled(guardian);
    await guardian.getByText('Minutes sent').first().waitFor();
    const held = guardian.locator('li').filter({ hasText: 'Minutes sent' }).getByRole('link').first();
    await held.click();
    await settled(guardian);
    await guardian.getByText('Referat af forældremødet i 3.A', { exact: false }).waitFor();
    await expectNoAxeViolations(guardian, 'minutes of a parent meeting (phone)');
  });

  it('the contact teacher sees the answer', async () => {
    const teacher = await suite.page(DESKTOP);
    await signIn(teacher, DEMO.contactTeacher);
    await teacher.goto(new URL(meetingPath, teacher.url()).href);
    await settled(teacher);
    await teacher.getByText('1 kommer (2 personer)', { exact: false }).waitFor();
  });
});
