import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  answerProblem,
  cancelProblem,
  changeProblem,
  eventProblem,
  headCount,
  isSlotProblem,
  openSlotPlaces,
  placesLeft,
  planSlots,
  signUpOpen,
  whenOrWhereChanged,
  type Answer,
  type EventDraft,
  type Slot,
  type WantedSlot,
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

  it('takes no answer at all, not even "not coming", once the event is cancelled', () => {
    const cancelled = { ...event, cancelled: true };
    expect(signUpOpen(cancelled, '2026-12-01')).toBe(false);
    expect(answerProblem(cancelled, answer('b', 0, 0, false), [], '2026-12-01')).toBe('event_cancelled');
    expect(answerProblem(cancelled, answer('b', 1, 0), [], '2026-12-01')).toBe('event_cancelled');
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
  const draft: EventDraft = { ...event, endDate: null, startsAt: '16:00', endsAt: '18:00' };
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

  it('may last several days, its last day after its first and at most 14 days on, at any times', () => {
    // A lejrskole from Monday 10:00 to Wednesday 09:00.
    const camp = { ...draft, date: '2027-05-03', endDate: '2027-05-05', startsAt: '10:00', endsAt: '09:00' };
    expect(eventProblem(camp, '2026-12-01')).toBeNull();
    expect(eventProblem({ ...camp, endDate: '2027-05-03' }, '2026-12-01')).toEqual({
      code: 'event_end_date_before_start',
      field: 'endDate',
    });
    expect(eventProblem({ ...camp, endDate: '2027-05-01' }, '2026-12-01')?.code).toBe('event_end_date_before_start');
    expect(eventProblem({ ...camp, endDate: '2027-05-16' }, '2026-12-01')).toBeNull();
    expect(eventProblem({ ...camp, endDate: '2027-05-17' }, '2026-12-01')).toEqual({
      code: 'event_too_long',
      field: 'endDate',
    });
    // The deadline is counted against the first day.
    expect(eventProblem({ ...camp, signUpDeadline: '2027-05-04' }, '2026-12-01')?.code).toBe(
      'event_deadline_after_event',
    );
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

describe('a change to an event', () => {
  const before: EventDraft = {
    date: '2026-12-10',
    endDate: null,
    startsAt: '16:00',
    endsAt: '18:00',
    signUp: true,
    signUpDeadline: '2026-12-08',
    capacity: 30,
  };

  it('keeps a passed deadline or a begun day that it does not touch, and moves nothing into the past', () => {
    // On 9 December the deadline of the 8th has passed: the organiser may still move the time.
    expect(changeProblem(before, { ...before, startsAt: '17:00', endsAt: '19:00' }, 0, '2026-12-09')).toBeNull();
    expect(changeProblem(before, { ...before, signUpDeadline: '2026-12-07' }, 0, '2026-12-09')?.code).toBe(
      'event_deadline_after_event',
    );
    expect(changeProblem(before, { ...before, date: '2026-12-08' }, 0, '2026-12-09')?.code).toBe('event_in_past');
    // A camp on its second day may be lengthened, its first day kept.
    const camp = { ...before, date: '2026-12-09', endDate: '2026-12-11', signUpDeadline: null };
    expect(changeProblem(camp, { ...camp, endDate: '2026-12-12' }, 0, '2026-12-10')).toBeNull();
  });

  it('refuses a cancelled event, one whose last day has gone, and a capacity below the people coming', () => {
    expect(changeProblem({ ...before, cancelled: true }, before, 0, '2026-12-01')?.code).toBe('event_cancelled');
    expect(changeProblem(before, before, 0, '2026-12-11')?.code).toBe('event_over');
    expect(changeProblem(before, { ...before, capacity: 9 }, 10, '2026-12-01')).toEqual({
      code: 'event_capacity_below_head_count',
      field: 'capacity',
      people: 10,
    });
    expect(changeProblem(before, { ...before, capacity: 10 }, 10, '2026-12-01')).toBeNull();
  });

  it('is cancelled once, and not after its last day', () => {
    expect(cancelProblem(before, '2026-12-10')).toBeNull();
    expect(cancelProblem(before, '2026-12-11')).toBe('event_over');
    expect(cancelProblem({ ...before, cancelled: true }, '2026-12-01')).toBe('event_cancelled');
    expect(cancelProblem({ ...before, endDate: '2026-12-12' }, '2026-12-11')).toBeNull();
  });

  it('tells the homes of a new day, days, time or place, not of a new title or capacity', () => {
    const at = { ...before, place: 'Klasselokalet' };
    const moreRoom = { ...at, capacity: 40, signUpDeadline: null };
    expect(whenOrWhereChanged(at, moreRoom)).toBe(false);
    expect(whenOrWhereChanged(at, { ...at, place: 'Gymnastiksalen' })).toBe(true);
    expect(whenOrWhereChanged(at, { ...at, endDate: '2026-12-11' })).toBe(true);
    expect(whenOrWhereChanged(at, { ...at, startsAt: '15:00' })).toBe(true);
  });
});

describe("an organiser's volunteer slots", () => {
  const existing: Slot[] = [
    { id: 'cake', title: 'Bag en kage', needed: 2, taken: 1 },
    { id: 'pans', title: 'Tag en pande med', needed: 2, taken: 0 },
  ];

  it('adds, renames and removes a slot nobody has taken, and keeps a taken one as it is', () => {
    const plan = planSlots(existing, [
      { id: null, title: 'Hjælp med oprydning', needed: 3 },
      { id: 'cake', title: 'Bag en kage', needed: 4 },
    ]);
    expect(plan).toEqual({
      remove: ['pans'],
      update: [{ id: 'cake', title: 'Bag en kage', needed: 4, position: 1 }],
      insert: [{ title: 'Hjælp med oprydning', needed: 3, position: 0 }],
    });
    expect(
      planSlots(existing, [
        { id: 'cake', title: 'Bag en kage', needed: 2 },
        { id: 'pans', title: 'Tag to pander med', needed: 1 },
      ]),
    ).toMatchObject({ remove: [], update: [{ id: 'cake' }, { id: 'pans', title: 'Tag to pander med', needed: 1 }] });
  });

  it('refuses to remove or rename a taken slot, to need fewer than have taken it, and unknown or twice-named ids', () => {
    expect(planSlots(existing, [{ id: 'pans', title: 'Tag en pande med', needed: 2 }])).toEqual({
      code: 'event_slot_taken',
      slot: 'Bag en kage',
    });
    expect(
      planSlots(existing, [
        { id: 'cake', title: 'Bag en lagkage', needed: 2 },
        { id: 'pans', title: 'Tag en pande med', needed: 2 },
      ]),
    ).toEqual({ code: 'event_slot_taken', slot: 'Bag en kage' });
    expect(planSlots([{ ...existing[0]!, taken: 2 }], [{ id: 'cake', title: 'Bag en kage', needed: 1 }])).toEqual({
      code: 'event_slot_needed_below_taken',
      slot: 'Bag en kage',
      taken: 2,
    });
    expect(planSlots(existing, [{ id: 'other-event', title: 'x', needed: 1 }])).toEqual({ code: 'event_slot_unknown' });
    expect(
      planSlots(existing, [
        { id: 'cake', title: 'Bag en kage', needed: 2 },
        { id: 'cake', title: 'Bag en kage', needed: 2 },
      ]),
    ).toEqual({ code: 'event_slot_unknown' });
  });

  it('never loses a taken slot or a home’s place in it, and lists the slots as asked (property)', () => {
    const arbSlots = fc
      .uniqueArray(
        fc.record({
          id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
          title: fc.constantFrom('Kage', 'Kør', 'Saft'),
          needed: fc.integer({ min: 1, max: 4 }),
          taken: fc.integer({ min: 0, max: 4 }),
        }),
        { selector: (s) => s.id, maxLength: 5 },
      )
      .map((slots) => slots.map((s) => ({ ...s, taken: Math.min(s.taken, s.needed) })));
    const arbWanted = fc.array(
      fc.record({
        id: fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'x'), { nil: null }),
        title: fc.constantFrom('Kage', 'Kør', 'Saft'),
        needed: fc.integer({ min: 1, max: 4 }),
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(arbSlots, arbWanted, (slots: Slot[], wanted: WantedSlot[]) => {
        const plan = planSlots(slots, wanted);
        if (isSlotProblem(plan)) return;
        for (const slot of slots.filter((s) => s.taken > 0)) {
          expect(plan.remove).not.toContain(slot.id);
          const kept = plan.update.find((u) => u.id === slot.id)!;
          expect(kept.title).toBe(slot.title);
          expect(kept.needed).toBeGreaterThanOrEqual(slot.taken);
        }
        const positions = [...plan.update, ...plan.insert].map((p) => p.position).sort((a, b) => a - b);
        expect(positions).toEqual(wanted.map((_, i) => i));
        expect(plan.remove.length + plan.update.length).toBe(slots.length);
      }),
    );
  });
});
