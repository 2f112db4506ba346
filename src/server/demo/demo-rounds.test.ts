import { describe, expect, it } from 'vitest';
import { ZCreateRound } from '../../shared/api/conference.schema.js';
import { demoClosedDays } from './demo-calendar.js';
import { demoRounds } from './demo-rounds.js';

describe('the demo school’s conference rounds', () => {
  it('fall on school days after the Christmas holiday, with invitations on time for 3.A and 7.A and late for 5.B', () => {
    const closed = new Set(demoClosedDays(2026).map((d) => d.date));
    const [winter, late] = demoRounds(2026);
    expect(winter?.round.days.map((d) => d.date)).toEqual(['2027-01-19', '2027-01-20']);
    expect(winter?.round.inviteOn).toBe('2026-12-15');
    expect(late?.round.days.map((d) => d.date)).toEqual(['2027-03-09', '2027-03-11']);
    // Twelve days before the first meeting, where the principle (seed 002) asks for 21.
    expect(late?.round.inviteOn).toBe('2027-02-25');
    for (const { round, classNames } of demoRounds(2026)) {
      for (const date of [...round.days.map((d) => d.date), round.inviteOn, round.plansBy ?? round.inviteOn]) {
        expect(closed.has(date)).toBe(false);
        expect([0, 6]).not.toContain(new Date(`${date}T12:00:00Z`).getUTCDay());
      }
      // What the demo stores is a round the create itself accepts.
      const rooms = Object.fromEntries(
        classNames.map((name, i) => [`00000000-0000-4000-8000-00000000000${i}`, round.rooms[name] ?? '']),
      );
      const classIds = Object.keys(rooms);
      expect(ZCreateRound.safeParse({ ...round, classIds, rooms }).success).toBe(true);
    }
  });
});
