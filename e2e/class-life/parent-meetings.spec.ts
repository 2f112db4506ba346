import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { isoDaysFromNow, representativeOf3A, signInWithLink } from '../support/demo-people.js';
import { chooseEnglish, DEMO, settled, signIn } from '../support/session.js';
import { useSuite } from '../support/suite.js';

// The test clock lets the last step move time on to after the meeting.
const suite = useSuite({ env: { SAMSPIL_TEST_CLOCK: '1' } });
const DESKTOP = { viewport: { width: 1280, height: 900 } };

/**
 * Issue 12, point 2, as one journey: 3.A's contact teacher sees on her home how many parent
 * meetings the class has held against the principle and plans the next one with an agenda item
 * (Danish, desktop); a class parent representative adds a topic from the well-being action plan
 * (Danish, phone); the teacher sends the invitation; the demo guardian answers that two are coming
 * and reads the minutes of the autumn meeting (English, phone); the teacher sees the answer. A
 * week later the meeting has been held: the teacher takes attendance and sends the minutes, and
 * the guardian reads them (English, phone). Every page is checked by axe.
 */
describe('a parent meeting is planned, the homes answer, the minutes are read', () => {
  let meetingPath = '';

  it('the contact teacher plans a meeting with an agenda item (desktop)', async () => {
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
    await form.getByLabel('Dato').fill(isoDaysFromNow(6));
    await form.getByLabel('Sted').fill('Klasselokalet');
    await form.getByRole('button', { name: 'Planlæg mødet' }).click();
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Forældremøde i 3.A');
    await page.getByLabel('Nyt punkt').fill('Lejrskole i foråret');
    await page.getByRole('button', { name: 'Tilføj punkt' }).click();
    await page.getByText('Lejrskole i foråret').waitFor();
    await expectNoAxeViolations(page, 'a parent meeting being planned');
    meetingPath = new URL(page.url()).pathname;
  });

  it('a class parent representative adds a well-being topic to the agenda (phone)', async () => {
    const page = await suite.page();
    await signInWithLink(page, representativeOf3A());
    await settled(page);
    await page.getByRole('link', { name: 'Planlæg forældremøder i 3.A med kontaktlæreren' }).click();
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Forældremøder i 3.A');
    await page.locator(`a[href="${meetingPath}"]`).click();
    await settled(page);
    await page.getByText('Lejrskole i foråret').waitFor();
    await page.getByRole('heading', { name: 'Emner fra skolens trivselshandleplan' }).waitFor();
    const pick = page.getByRole('button', { name: /^Sæt på dagsordenen: / }).first();
    const topic = ((await pick.textContent()) ?? '').replace(/^Sæt på dagsordenen: /, '').trim();
    expect(topic.length).toBeGreaterThan(0);
    await pick.click();
    await page.getByRole('region', { name: 'Dagsorden' }).getByText(topic).waitFor();
    // Sending the invitation is the staff's.
    expect(await page.getByRole('button', { name: 'Send invitationen til klassens forældre' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'a parent meeting being planned, representative (phone)');
  });

  it('the contact teacher sends the invitation (desktop)', async () => {
    const page = await suite.page(DESKTOP);
    await signIn(page, DEMO.contactTeacher);
    await page.goto(new URL(meetingPath, page.url()).href);
    await settled(page);
    await page.getByText('tilføjet af', { exact: false }).first().waitFor();
    await page.getByRole('button', { name: 'Send invitationen til klassens forældre' }).click();
    await page.getByText('Forældrene er inviteret.', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Hent mødet til din kalender (.ics)' }).waitFor();
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

  it('a week later the teacher takes attendance and sends the minutes, and the guardian reads them', async () => {
    const teacher = await suite.page(DESKTOP);
    const moved = await teacher.request.post('/api/dev/clock', { data: { advanceHours: 24 * 7 } });
    expect(moved.status()).toBe(200);
    // Signed in afterwards: a session idle for days has ended.
    await signIn(teacher, DEMO.contactTeacher);
    await teacher.goto(new URL(meetingPath, teacher.url()).href);
    await settled(teacher);
    const homes = teacher.getByRole('group', { name: 'Hvilke hjem var repræsenteret på mødet?' });
    await homes.waitFor();
    // The home that said it was coming is ticked already; one more home came without answering.
    const ticked = homes.getByRole('checkbox', { checked: true });
    expect(await ticked.count()).toBe(1);
    await homes.getByRole('checkbox', { checked: false }).first().check();
    await expectNoAxeViolations(teacher, 'attendance at a parent meeting');
    await teacher.getByRole('button', { name: 'Gem fremmøde' }).click();
    await teacher.getByText(/^Repræsenteret: 2 af \d+ hjem\.$/).waitFor();

    await teacher.getByLabel('Referat af mødet').fill('Vi talte om lejrskolen i foråret og om klassens trivsel.');
    await teacher.getByRole('button', { name: 'Send referatet til klassens forældre' }).click();
    await teacher.getByText('referatet er sendt til klassens forældre', { exact: false }).waitFor();

    const guardian = await suite.page();
    await signIn(guardian, DEMO.guardian);
    await chooseEnglish(guardian);
    await guardian.goto(new URL(meetingPath, guardian.url()).href);
    await settled(guardian);
    const minutes = guardian.getByRole('region', { name: 'Minutes' });
    await minutes.getByText('Vi talte om lejrskolen i foråret', { exact: false }).waitFor();
    expect(await guardian.getByRole('button', { name: 'We are coming' }).count()).toBe(0);
    await expectNoAxeViolations(guardian, 'minutes of the meeting just held (phone, English)');
  });
});
