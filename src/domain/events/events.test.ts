import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  answerProblem,
  eventProblem,
  headCount,
  openSlotPlaces,
  placesLeft,
  signUpOpen,
  type Answer,
} from './events.js';

const event = { date: '2026-12-10', signUp: true, signUpDeadline: '2026-12-08', capacity: null };
const answer = (householdKey: string, adults: number, children: number, attending = true): Answer => ({
  householdKey,
  attending,
  adults,
  children,
});

const arbAnswers = fc.uniqueArray(
  fc.record({
    householdKey: fc.string({ minLength: 1, maxLength: 4 }),
    attending: fc.boolean(),
    adults: fc.integer({ min: 0, max: 5 }),
    children: fc.integer({ min: 0, max: 5 }),
  }),
  { selector: (a) => a.householdKey, maxLength: 30 },
);

describe('sign-up', () => {
  it('is open until the deadline, and never after the day of the event', () => {
    expect(signUpOpen(event, '2026-12-08')).toBe(true);
    expect(signUpOpen(event, '2026-12-09')).toBe(false);
    expect(signUpOpen({ ...event, signUpDeadline: null }, '2026-12-10')).toBe(true);
    expect(signUpOpen({ ...event, signUpDeadline: null }, '2026-12-11')).toBe(false);
    expect(signUpOpen({ ...event, signUp: false }, '2026-12-01')).toBe(false);
  });

  it('counts the households coming and the people they bring', () => {
    expect(headCount([answer('a', 2, 1), answer('b', 0, 0, false), answer('c', 1, 2)])).toEqual({
      households: 2,
      declined: 1,
      adults: 3,
      children: 3,
    });
  });

  it('takes "not coming" while open, refuses "coming" with nobody and more people than places', () => {
    const capped = { ...event, capacity: 4 };
    const others = [answer('a', 2, 1)];
    expect(answerProblem(capped, answer('b', 0, 0, false), others, '2026-12-01')).toBeNull();
    expect(answerProblem(capped, answer('b', 0, 0), others, '2026-12-01')).toBe('event_answer_empty');
    expect(answerProblem(capped, answer('b', 1, 1), others, '2026-12-01')).toBe('event_full');
    expect(answerProblem(capped, answer('b', 1, 0), others, '2026-12-01')).toBeNull();
    // A household changing its own numbers is measured against the others only.
    expect(answerProblem(capped, answer('a', 2, 2), others, '2026-12-01')).toBeNull();
    expect(answerProblem(capped, answer('b', 1, 0), others, '2026-12-09')).toBe('event_sign_up_closed');
  });

  it('never lets answers it takes pass the capacity (property)', () => {
    fc.assert(
      fc.property(arbAnswers, fc.integer({ min: 1, max: 40 }), (wanted, capacity) => {
        const taken: Answer[] = [];
        for (const a of wanted) {
          if (answerProblem({ ...event, capacity }, a, taken, '2026-12-01') === null)
            taken.push(a.attending ? a : { ...a, adults: 0, children: 0 });
        }
        const { adults, children } = headCount(taken);
        expect(adults + children).toBeLessThanOrEqual(capacity);
        expect(placesLeft(capacity, taken)).toBe(capacity - adults - children);
      }),
    );
  });

  it('leaves the head-count of the others unchanged by one household’s answer (property)', () => {
    fc.assert(
      fc.property(arbAnswers, (answers) => {
        const total = headCount(answers);
        for (const a of answers) {
          const rest = headCount(answers.filter((b) => b.householdKey !== a.householdKey));
          expect(rest.adults + (a.attending ? a.adults : 0)).toBe(total.adults);
          expect(rest.households + (a.attending ? 1 : 0)).toBe(total.households);
        }
      }),
    );
  });
});

describe('a new event', () => {
  const draft = { ...event, startsAt: '16:00', endsAt: '18:00' };
  it('must be today or later, end after it starts and close sign-up by its day', () => {
    expect(eventProblem(draft, '2026-12-01')).toBeNull();
    expect(eventProblem(draft, '2026-12-11')).toEqual({ code: 'event_in_past', field: 'date' });
    expect(eventProblem({ ...draft, endsAt: '16:00' }, '2026-12-01')).toEqual({
      code: 'event_ends_before_start',
      field: 'endsAt',
    });
    expect(eventProblem({ ...draft, signUpDeadline: '2026-12-11' }, '2026-12-01')?.code).toBe(
      'event_deadline_after_event',
    );
    expect(eventProblem({ ...draft, signUp: false }, '2026-12-01')?.code).toBe('event_sign_up_off');
    expect(eventProblem({ ...draft, signUp: false, signUpDeadline: null }, '2026-12-01')).toBeNull();
  });

  it('counts the places still open in volunteer slots', () => {
    expect(
      openSlotPlaces([
        { needed: 3, taken: 1 },
        { needed: 1, taken: 1 },
      ]),
    ).toBe(2);
  });
});
