import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { DEMO, mySchool, settled, signIn, visit } from '../support/session.js';
import { useSuite } from '../support/suite.js';

const suite = useSuite();

/**
 * The demo's open round for 3.A and 7.A (issue 10, points 2 and 3): the demo guardian has booked
 * Emma's time and books Oscar's on the child's card; the booked time is in her calendar feed.
 */
describe('a guardian books a school-home conference', () => {
  it('books a free time for Oscar, sees it, and finds it in her calendar feed', async () => {
    const page = await suite.page();
    await signIn(page, DEMO.guardian);
    const oscar = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Oscar Lindholm' }) });
    const conference = oscar.getByRole('region', { name: 'Skole-hjem-samtale' });
    await conference.getByText(/^I er inviteret til en samtale om Oscar\./).waitFor();
    const emma = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Emma Lindholm' }) });
    await emma.getByText('Jeres tid:').waitFor();
    await expectNoAxeViolations(page, 'guardian home with conference times');

    const first = conference.getByRole('button').first();
    const time = (await first.textContent()) ?? '';
    await first.click();
    await conference.getByText('Tiden er booket. Den står også i jeres kalender i Samspil.').waitFor();
    await conference.getByText('Jeres tid:').waitFor();
    expect(await conference.textContent()).toContain(time);
    await expectNoAxeViolations(page, 'guardian home with a booked conference');

    const feed = (await (await page.request.get('/api/me/calendar-feed')).json()) as { url: string };
    const app = await suite.page();
    const ics = (await (await app.request.get(new URL(feed.url).pathname)).text()).replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('SUMMARY:Skole-hjem-samtale om Oscar (7.A)');
    expect(ics).toContain('SUMMARY:Skole-hjem-samtale om Emma (3.A)');
  });

  it('reads in English at desktop width', async () => {
    const page = await suite.page({ viewport: { width: 1280, height: 900 } });
    await signIn(page, DEMO.guardian);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('region', { name: 'School-home conference' }).first().waitFor();
    await page.getByText('Your time:').first().waitFor();
    await expectNoAxeViolations(page, 'guardian home with conferences (English, desktop)');
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
