import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { DEMO, mySchool, settled, signIn, visit } from '../support/session.js';
import { useSuite } from '../support/suite.js';

const suite = useSuite();

/**
 * The demo's open round for 3.A and 7.A (issue 10, points 2, 3 and 6): the demo guardian has
 * booked Emma's time and books Oscar's right after it on the child's card; the booked time is in
 * her calendar feed and comes as a calendar file.
 */
describe('a guardian books a school-home conference', () => {
  it('books Oscar right after Emma, sees it, finds it in her calendar feed and downloads it as a calendar file', async () => {
    const page = await suite.page();
    await signIn(page, DEMO.guardian);
    const oscar = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Oscar Lindholm' }) });
    const conference = oscar.getByRole('region', { name: 'Skole-hjem-samtale' });
    await conference.getByText(/^I er inviteret til en samtale om Oscar\./).waitFor();
    const emma = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Emma Lindholm' }) });
    await emma.getByText('Jeres tid:').waitFor();
    // Emma's meeting is on video: the card gives the school's link.
    await emma.getByRole('link', { name: 'https://meet.demo.samspil.dk/samtaler' }).waitFor();
    await expectNoAxeViolations(page, 'guardian home with conference times');

    // Emma's meeting is booked: Oscar's time right after it is suggested first, the others follow.
    const suggested = conference.getByRole('group', { name: 'Forslag til jer' });
    const backToBack = suggested.getByRole('button', { name: /lige efter Emmas samtale$/ });
    const label = (await backToBack.textContent()) ?? '';
    const time = label.split(' – ')[0] ?? '';
    expect(time).toMatch(/kl\. \d\d\.\d\d–\d\d\.\d\d$/);
    expect(await conference.getByRole('group').count()).toBeGreaterThan(1);
    // The round meets at the school or on video; she chooses video for Oscar too.
    const format = conference.getByRole('group', { name: 'Hvordan vil I holde samtalen?' });
    expect(await format.getByRole('radio', { name: 'På skolen' }).isChecked()).toBe(true);
    await format.getByRole('radio', { name: /^På video/ }).check();
    await backToBack.click();
    await conference.getByText('Tiden er booket. Den står også i jeres kalender i Samspil.').waitFor();
    await conference.getByText('Jeres tid:').waitFor();
    expect(await conference.textContent()).toContain(time);
    await conference.getByText('Videomøde:').waitFor();
    await expectNoAxeViolations(page, 'guardian home with a booked conference');

    // The booked card offers the meeting as a calendar file: the feed's own event, Copenhagen time.
    const download = conference.getByRole('link', { name: 'Føj til kalender' });
    const href = (await download.getAttribute('href')) ?? '';
    expect(href).toMatch(/\/conference-invitations\/[0-9a-f-]+\/booking\.ics$/);
    const file = await page.request.get(href);
    expect(file.headers()['content-type']).toMatch(/^text\/calendar/);
    const event = (await file.text()).replace(/\r\n[ \t]/g, '');
    expect(event.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(event).toContain('SUMMARY:Skole-hjem-samtale om Oscar (7.A)');
    expect(event).toMatch(/DTSTART;TZID=Europe\/Copenhagen:\d{8}T\d{6}/);
    expect(event).toContain('LOCATION:https://meet.demo.samspil.dk/samtaler');

    const feed = (await (await page.request.get('/api/me/calendar-feed')).json()) as { url: string };
    const app = await suite.page();
    const ics = (await (await app.request.get(new URL(feed.url).pathname)).text()).replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('SUMMARY:Skole-hjem-samtale om Oscar (7.A)');
    expect(ics).toContain('SUMMARY:Skole-hjem-samtale om Emma (3.A)');
  });

  it('reads in English at desktop and phone width', async () => {
    const page = await suite.page({ viewport: { width: 1280, height: 900 } });
    await signIn(page, DEMO.guardian);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('region', { name: 'School-home conference' }).first().waitFor();
    await page.getByText('Your time:').first().waitFor();
    await page.getByRole('link', { name: 'Add to calendar' }).first().waitFor();
    await expectNoAxeViolations(page, 'guardian home with conferences (English, desktop)');
    const phone = await suite.page();
    await signIn(phone, DEMO.guardian);
    await phone.getByRole('link', { name: 'Add to calendar' }).first().waitFor();
    await expectNoAxeViolations(phone, 'guardian home with conferences (English, phone)');
  });

  it('lets 5.B’s planner send the invitations from the round’s page, and the leader see each home and its time', async () => {
    const page = await suite.page({ viewport: { width: 1280, height: 900 } });
    await signIn(page, DEMO.leader);
    const school = await mySchool(page);
    await visit(page, `/schools/${school.id}/conference-rounds`);
    await page.getByRole('link', { name: 'Samtaler i 5.B' }).click();
    await settled(page);
    const invitations = page.getByRole('region', { name: 'Invitationer' });
    await invitations.getByRole('button', { name: 'Send invitationerne' }).click();
    await invitations.getByText(/^Invitationerne er sendt til \d+ hjem\.$/).waitFor();
    await invitations.getByRole('table', { name: 'Hjemmene og deres tider' }).waitFor();
    await expectNoAxeViolations(page, 'round with invitations sent');

    await visit(page, `/schools/${school.id}/conference-rounds`);
    await page.getByRole('link', { name: 'Skole-hjem-samtaler, vinter' }).click();
    await settled(page);
    const winter = page.getByRole('region', { name: 'Invitationer' });
    const emma = winter.getByRole('row').filter({ hasText: 'Emma Lindholm (3.A)' });
    await emma.waitFor();
    expect(await emma.textContent()).not.toContain('Ingen tid endnu');
    await winter.getByText(/^\d+ af \d+ hjem har valgt en tid\.$/).waitFor();
  });
});
