import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWorkingDay, shiftDate } from '../calendar/working-days.js';
import { concernState, contactDueOn, contactProblem } from './early-dialogue.js';

const NO_CLOSED_DAYS = { closedDays: new Set<string>() };
const day = fc.integer({ min: 0, max: 700 }).map((n) => shiftDate('2026-01-01', n));

describe('the contact deadline of a concern', () => {
  it('is the principle’s working days after the registration day, skipping weekends, holidays and closed days', () => {
    // Registered Thursday 3 December 2026: two working days on is Monday 7 December.
    expect(contactDueOn('2026-12-03', { contactWithinWorkingDays: 2 }, NO_CLOSED_DAYS)).toBe('2026-12-07');
    expect(contactDueOn('2026-12-03', { contactWithinWorkingDays: 2 }, { closedDays: new Set(['2026-12-04']) })).toBe(
      '2026-12-08',
    );
    // Christmas Day and Boxing Day 2026 fall on a Friday and a Saturday: Wednesday's next working day is Thursday 24th, then Monday 28th.
    expect(contactDueOn('2026-12-23', { contactWithinWorkingDays: 2 }, NO_CLOSED_DAYS)).toBe('2026-12-28');
    expect(contactDueOn('2026-12-03', null, NO_CLOSED_DAYS)).toBeNull();
  });

  it('always falls on a working day after the registration day, later for more days', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 20 }), (registeredOn, n) => {
        const due = contactDueOn(registeredOn, { contactWithinWorkingDays: n }, NO_CLOSED_DAYS)!;
        expect(due > registeredOn).toBe(true);
        expect(isWorkingDay(due, NO_CLOSED_DAYS)).toBe(true);
        expect(contactDueOn(registeredOn, { contactWithinWorkingDays: n + 1 }, NO_CLOSED_DAYS)! > due).toBe(true);
      }),
    );
  });
});

describe('a concern’s state', () => {
  it('is contacted once the home was contacted, overdue only after its due day', () => {
    expect(concernState({ dueOn: '2026-12-07', firstContactOn: null, closed: false }, '2026-12-07')).toBe('awaiting');
    expect(concernState({ dueOn: '2026-12-07', firstContactOn: null, closed: false }, '2026-12-08')).toBe('overdue');
    expect(concernState({ dueOn: '2026-12-07', firstContactOn: '2026-12-09', closed: true }, '2026-12-10')).toBe(
      'contacted',
    );
    expect(concernState({ dueOn: '2026-12-07', firstContactOn: null, closed: true }, '2026-12-10')).toBe('closed');
    expect(concernState({ dueOn: null, firstContactOn: null, closed: false }, '2030-01-01')).toBe('awaiting');
  });

  it('is never overdue before its due day nor once contacted', () => {
    fc.assert(
      fc.property(fc.option(day), fc.option(day), fc.boolean(), day, (dueOn, firstContactOn, closed, today) => {
        const state = concernState({ dueOn, firstContactOn, closed }, today);
        if (state === 'overdue') {
          expect(firstContactOn).toBeNull();
          expect(dueOn !== null && dueOn < today).toBe(true);
        }
        if (firstContactOn !== null) expect(state).toBe('contacted');
      }),
    );
  });
});

describe('a recorded contact', () => {
  const concern = { registeredOn: '2026-12-03', today: '2026-12-07', channels: ['phone', 'meeting'] as const };
  it('happened between the registration and today, by a channel the principle names', () => {
    expect(contactProblem({ contactedOn: '2026-12-04', channel: 'phone' }, concern)).toBeNull();
    expect(contactProblem({ contactedOn: '2026-12-08', channel: 'phone' }, concern)).toBe('concern_contact_in_future');
    expect(contactProblem({ contactedOn: '2026-12-02', channel: 'phone' }, concern)).toBe(
      'concern_contact_before_concern',
    );
    expect(contactProblem({ contactedOn: '2026-12-04', channel: 'phone' }, { ...concern, channels: ['meeting'] })).toBe(
      'concern_channel_not_allowed',
    );
  });

  it('is accepted exactly when its day lies in [registration, today] and its channel is allowed', () => {
    fc.assert(
      fc.property(
        day,
        day,
        day,
        fc.constantFrom('phone' as const, 'meeting' as const),
        (on, registeredOn, today, ch) => {
          const problem = contactProblem(
            { contactedOn: on, channel: ch },
            { registeredOn, today, channels: ['phone'] },
          );
          expect(problem === null).toBe(on >= registeredOn && on <= today && ch === 'phone');
        },
      ),
    );
  });
});
