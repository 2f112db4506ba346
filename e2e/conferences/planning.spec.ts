import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.js';
import { DEMO, mySchool, settled, signIn, visit } from '../support/session.js';
import { useSuite } from '../support/suite.js';

const suite = useSuite();
const DESKTOP = { width: 1280, height: 900 };
/** The badge of a meeting the plan gave no time. */
const NOT_PLACED = { da: 'Ingen tid', en: 'No time' };

/** The id of a round by its name, from the leader's list. */
async function roundId(page: Page, schoolId: string, name: string): Promise<string> {
  const list = (await (await page.request.get(`/api/schools/${schoolId}/conference-rounds`)).json()) as {
    rounds: Array<{ id: string; name: string }>;
  };
  const round = list.rounds.find((r) => r.name === name);
  if (!round) throw new Error(`no round "${name}"`);
  return round.id;
}

/**
 * Automatic planning (issue 10, point 3): the leader opens the demo's planned round for 4.B,
 * reads its figures, moves a meeting and sends the times out; then plans a round for 3.A that the
 * demo guardian marks her afternoon for, and she sees the moved time on Emma's card.
 */
describe('a planned conference round', () => {
  it('the leader reads the demo plan’s figures, moves a meeting and sends out the times, in Danish on a phone', async () => {
    const page = await suite.page();
    await signIn(page, DEMO.leader);
    const school = await mySchool(page);
    await visit(
      page,
      `/schools/${school.id}/conference-rounds/${await roundId(page, school.id, 'Samtaler i 4.B, forår')}`,
    );
    const planning = page.getByRole('region', { name: 'Planlægning af tiderne' });
    await planning.getByText('Samtaler lagt').waitFor();
    await planning
      .getByText(/Hjemmet har ikke markeret nogen eftermiddag/)
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'planned round with its result (phone)');

    // The first placed meeting that can move (a home that marked a short afternoon may have no
    // other time); its row is found again by the child and home after the move. The times it
    // could move to are asked for when the leader opens its move.
    const placed = planning
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name: /^Find en anden tid/ }) })
      .filter({ hasNotText: NOT_PLACED.da });
    // An opened row loses its button, so the next candidate is always the first left.
    let row = placed.first();
    for (;;) {
      const who = (await placed.first().getByRole('rowheader').textContent()) ?? '';
      row = planning.getByRole('row').filter({ hasText: who });
      await row.getByRole('button', { name: /^Find en anden tid/ }).click();
      await row.getByRole('combobox').or(row.getByText('Ingen anden tid overholder alle regler.')).waitFor();
      if ((await row.getByRole('combobox').count()) > 0) break;
    }
    const select = row.getByRole('combobox');
    await expectNoAxeViolations(page, 'a meeting’s move opened (phone)');
    const target = (await select.locator('option').nth(1).textContent()) ?? '?';
    await select.selectOption({ index: 1 });
    await row.getByRole('button', { name: 'Flyt' }).click();
    await expect.poll(() => row.getByRole('cell').first().textContent(), { timeout: 15_000 }).toBe(target);

    await planning.getByRole('button', { name: 'Send tiderne ud' }).click();
    await planning.getByText(/^Tiderne er sendt til \d+ hjem\.$/).waitFor();
    await planning.getByText('Tiderne er sendt ud til hjemmene.').waitFor();
    await expectNoAxeViolations(page, 'planned round published (phone)');
  });

  it('the guardian marks an afternoon, the leader plans, moves her meeting and publishes, and she sees the new time, in English at desktop width', async () => {
    const leader = await suite.page({ viewport: DESKTOP });
    await signIn(leader, DEMO.leader);
    await leader.getByRole('button', { name: 'English' }).click();
    const school = await mySchool(leader);
    const classes = (await (await leader.request.get(`/api/schools/${school.id}/classes`)).json()) as {
      classes: Array<{ id: string; name: string }>;
    };
    const classA = classes.classes.find((c) => c.name === '3.A')!;
    const created = await leader.request.post(`/api/schools/${school.id}/conference-rounds`, {
      data: {
        name: 'Planned follow-up 3.A',
        kind: 'regular',
        filling: 'planned',
        classIds: [classA.id],
        days: [{ date: '2027-05-04', from: '14:00', to: '16:00' }],
        minutesByGrade: { '3': 15 },
        alsoTakingPart: [],
        formats: ['in_person'],
        videoLink: null,
        rooms: {},
        inviteOn: '2027-04-01',
        plansBy: null,
      },
    });
    expect(created.status()).toBe(201);
    const round = (await created.json()) as { id: string };
    expect((await leader.request.post(`/api/schools/${school.id}/conference-rounds/${round.id}/open`)).status()).toBe(
      200,
    );

    const guardian = await suite.page({ viewport: DESKTOP });
    await signIn(guardian, DEMO.guardian);
    await guardian.getByRole('button', { name: 'English' }).click();
    const emma = guardian
      .getByRole('listitem')
      .filter({ has: guardian.getByRole('heading', { name: 'Emma Lindholm' }) });
    const card = emma.locator('.panel').filter({ hasText: 'Planned follow-up 3.A' });
    await card.getByText(/Tick the afternoons that suit you/).waitFor();
    await card.getByRole('checkbox').first().check();
    await card.getByRole('button', { name: 'Save the times' }).click();
    await card.getByText('Thank you. The school plans the times and will tell you yours.').waitFor();
    await expectNoAxeViolations(guardian, 'guardian marks afternoons (English, desktop)');

    await visit(leader, `/schools/${school.id}/conference-rounds/${round.id}`);
    const planning = leader.getByRole('region', { name: 'Planning the times' });
    await planning.getByRole('button', { name: 'Plan', exact: true }).click();
    await planning.getByText('Meetings placed').waitFor({ timeout: 30_000 });
    await expectNoAxeViolations(leader, 'planned round result (English, desktop)');
    // Emma's home that marked its afternoon (a second household of hers, if any, marked none),
    // found again by the child and home after the move.
    const marked = planning
      .getByRole('row')
      .filter({ hasText: 'Emma Lindholm (3.A)' })
      .filter({ hasNotText: NOT_PLACED.en });
    const who = (await marked.getByRole('rowheader').textContent()) ?? '';
    const emmaRow = planning.getByRole('row').filter({ hasText: who });
    await emmaRow.getByRole('button', { name: /^Find another time/ }).click();
    const select = emmaRow.getByRole('combobox');
    await select.waitFor();
    const target = (await select.locator('option').nth(1).textContent()) ?? '?';
    await select.selectOption({ index: 1 });
    await emmaRow.getByRole('button', { name: 'Move' }).click();
    await expect.poll(() => emmaRow.getByRole('cell').first().textContent(), { timeout: 15_000 }).toBe(target);
    await planning.getByRole('button', { name: 'Send out the times' }).click();
    await planning.getByText('The times have been sent out to the homes.').waitFor();

    // "04/05 14:15–14:30" on the leader's page is "Tuesday 4 May 14:15–14:30" on the guardian's card.
    const [, , , from, to] = /^(\d\d)\/(\d\d) (\d\d:\d\d)–(\d\d:\d\d)$/.exec(target) ?? [];
    await guardian.reload();
    await settled(guardian);
    await card.getByText('Your time:').waitFor();
    expect(await card.textContent()).toContain(`${from}–${to}`);
    await expectNoAxeViolations(guardian, 'guardian sees the planned time (English, desktop)');
    const feed = (await (await guardian.request.get('/api/me/calendar-feed')).json()) as { url: string };
    const ics = (await (await guardian.request.get(new URL(feed.url).pathname)).text()).replace(/\r\n[ \t]/g, '');
    expect(ics).toContain(`DTSTART;TZID=Europe/Copenhagen:20270504T${from!.replace(':', '')}00`);
  });
});
