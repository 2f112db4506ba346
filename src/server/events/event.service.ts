import type { AppDeps } from '../deps.js';
import { inTransaction, type SignedInContext } from '../context.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { dropQueuedJobs, enqueueJobs } from '../jobs/job-queue.js';
import type { ClaimedJob, NewJob } from '../jobs/job-kinds.js';
import { insertNotifications } from '../notifications/notification.repository.js';
import { notice } from '../notifications/notice-text.js';
import type { Membership } from '../policies/membership.js';
import {
  hasCustodyOf,
  mayOrganiseClassEvents,
  mayOrganiseEvent,
  mayOrganiseSchoolEvents,
  runsTheSchool,
} from '../policies/rules.js';
import { findClassesOfSchool } from '../directory/class.repository.js';
import { findClassIdsOfStudents } from '../directory/student.repository.js';
import { calendarText, type CalendarEntry } from '../calendar/calendar-ics.js';
import { toldByEmail } from '../notify/told-by-email.js';
import { className } from '../../shared/api/directory.schema.js';
import type { Locale } from '../../shared/errors.js';
import type {
  TCancelEvent,
  TChangeEvent,
  TCreateEvent,
  TEvent,
  TEventAnswer,
  TEventList,
} from '../../shared/api/event.schema.js';
import { localDate, morningBefore } from '../../domain/calendar/working-days.js';
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
} from '../../domain/events/events.js';
import {
  applySlotPlan,
  countTaker,
  findAnswers,
  findEvent,
  findEventByKey,
  findEventsFrom,
  findGuardiansOfHouseholds,
  findHouseholdKey,
  findHouseholdsComingOrHelping,
  findPersonLocale,
  findSlot,
  findSlots,
  findSlotTakers,
  insertEvent,
  insertTaker,
  lockEvent,
  markEventCancelled,
  removeTaker,
  updateEvent,
  upsertAnswer,
  type AnswerRow,
  type EventRow,
} from './event.repository.js';
import { presentEvent, presentEventSummary } from './event.presenter.js';
import { eventChangeMail } from './event-mail.js';

type UnitOfWork = Pick<SignedInContext, 'db' | 'clock'>;

const toAnswer = (a: AnswerRow): Answer => ({
  householdKey: a.household_key,
  attending: a.attending,
  adults: a.adults,
  children: a.children,
});
/** The event as the rules read it. */
const draftOf = (e: EventRow): EventDraft => ({
  date: e.date,
  endDate: e.end_date,
  startsAt: e.starts_at,
  endsAt: e.ends_at,
  signUp: e.sign_up,
  signUpDeadline: e.sign_up_deadline,
  capacity: e.capacity,
  cancelled: e.cancelled_at !== null,
});

/** The caller's household, when they answer for one: a custody holder of a child the event is for. */
async function answeringHousehold(
  ctx: UnitOfWork,
  m: Membership,
  schoolId: string,
  event: { class_id: string | null },
): Promise<string | null> {
  if (!m.personId || m.suspended) return null;
  const children = [...m.guardianOf].filter(([id]) => hasCustodyOf(m, id)).map(([id]) => id);
  if (children.length === 0) return null;
  if (event.class_id !== null) {
    const classes = await findClassIdsOfStudents(ctx.db, schoolId, children);
    if (![...classes.values()].includes(event.class_id)) return null;
  }
  return (await findHouseholdKey(ctx.db, schoolId, m.personId)) ?? null;
}

/**
 * Stores an event inside its caller's unit of work, with its reminder the morning before the day
 * (when that morning is still to come). The demo school makes its events through this too.
 */
export async function storeEvent(
  tx: UnitOfWork,
  e: TCreateEvent & { schoolId: string; classId: string | null; createdBy: string; idempotencyKey: string | null },
): Promise<string> {
  const id = await insertEvent(tx.db, { ...e, createdAt: tx.clock.now() });
  await scheduleReminder(tx, e.schoolId, id, e.date, 0);
  return id;
}

/**
 * Queues the event's reminder for the morning before its (first) day, when that morning is still
 * to come, in place of one queued before (the event moved, or was cancelled: `date` null). The
 * key carries the event's SEQUENCE: a reminder already sent for the old day does not keep the new
 * day's from being queued.
 */
async function scheduleReminder(
  tx: UnitOfWork,
  schoolId: string,
  eventId: string,
  date: string | null,
  sequence: number,
): Promise<void> {
  await dropQueuedJobs(tx.db, schoolId, 'event-reminder', `event-reminder:${eventId}`);
  if (date === null) return;
  const now = tx.clock.now();
  const remindAt = morningBefore(date);
  if (remindAt > now)
    await enqueueJobs(tx.db, [
      {
        schoolId,
        kind: 'event-reminder',
        payload: { eventId },
        runAt: remindAt,
        dedupeKey: `event-reminder:${eventId}:${sequence}`,
        createdAt: now,
      },
    ]);
}

async function createEvent(
  ctx: SignedInContext,
  schoolId: string,
  classId: string | null,
  input: TCreateEvent,
  idempotencyKey: string | null,
): Promise<TEvent> {
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('forbidden');
  const createdBy = m.personId;
  const problem = eventProblem(input, localDate(ctx.clock.now()));
  if (problem) throw new AppError(problem.code, { field: problem.field });
  const id = await inTransaction(ctx, async (tx) => {
    const earlier = idempotencyKey ? await findEventByKey(tx.db, schoolId, createdBy, idempotencyKey) : undefined;
    if (earlier) {
      if (earlier.class_id !== classId) throw new AppError('idempotency_key_reused');
      return earlier.id;
    }
    const created = await storeEvent(tx, { ...input, schoolId, classId, createdBy, idempotencyKey });
    await recordAudit(tx, { schoolId, action: 'event.create', subject: input.title });
    return created;
  });
  return readFor(ctx, m, schoolId, id);
}

/** An event of the whole school, by the leadership (the route's policy). */
export const createSchoolEvent = (
  ctx: SignedInContext,
  schoolId: string,
  input: TCreateEvent,
  idempotencyKey: string | null,
) => createEvent(ctx, schoolId, null, input, idempotencyKey);

/** An event of a class, by its staff, its class parent representatives or the leadership (the route's policy). */
export const createClassEvent = (
  ctx: SignedInContext,
  schoolId: string,
  classId: string,
  input: TCreateEvent,
  idempotencyKey: string | null,
) => createEvent(ctx, schoolId, classId, input, idempotencyKey);

/** Events as the reader may see them: organisers with every answer and taker, a home with its own. */
async function present(
  ctx: UnitOfWork,
  m: Membership,
  schoolId: string,
  events: readonly EventRow[],
): Promise<TEvent[]> {
  const ids = events.map((e) => e.id);
  const [slots, answers] = await Promise.all([findSlots(ctx.db, schoolId, ids), findAnswers(ctx.db, schoolId, ids)]);
  const takers = await findSlotTakers(
    ctx.db,
    schoolId,
    slots.map((s) => s.id),
  );
  const today = localDate(ctx.clock.now());
  const presented: TEvent[] = [];
  for (const e of events) {
    const household = await answeringHousehold(ctx, m, schoolId, e);
    const organiser = mayOrganiseEvent(m, { classId: e.class_id });
    const mine = answers.filter((a) => a.event_id === e.id);
    presented.push(
      presentEvent(e, {
        mayChange: organiser && cancelProblem(draftOf(e), today) === null,
        slots: slots.filter((s) => s.event_id === e.id),
        takers,
        answers: mine,
        household,
        organiser,
        signUpOpen: signUpOpen(draftOf(e), today),
        placesLeft: placesLeft(e.capacity, mine.map(toAnswer)),
        headCount: headCount(mine.map(toAnswer)),
      }),
    );
  }
  return presented;
}

async function readFor(ctx: UnitOfWork, m: Membership, schoolId: string, eventId: string): Promise<TEvent> {
  const row = await findEvent(ctx.db, schoolId, eventId);
  if (!row) throw new AppError('not_found');
  const [event] = await present(ctx, m, schoolId, [row]);
  return event!;
}

/** One event (the route's policy, `event.read`, has decided the reader may see it). */
export async function readEvent(ctx: SignedInContext, schoolId: string, eventId: string): Promise<TEvent> {
  return readFor(ctx, await ctx.membership(schoolId), schoolId, eventId);
}

/** The classes whose events the reader sees: taught, represented, their children's and their own. */
async function classesSeen(ctx: SignedInContext, m: Membership, schoolId: string): Promise<'all' | string[]> {
  if (runsTheSchool(m)) return 'all';
  const children = await findClassIdsOfStudents(
    ctx.db,
    schoolId,
    [...m.guardianOf].filter(([id]) => hasCustodyOf(m, id)).map(([id]) => id),
  );
  return [
    ...new Set([
      ...m.classRoles.keys(),
      ...m.representativeOf,
      ...children.values(),
      ...(m.studentClassId ? [m.studentClassId] : []),
    ]),
  ];
}

/**
 * The reader's events from today on: the school's and those of their classes and their children's
 * classes, with the home's own answer, the head-count and the slots still open; and what the
 * reader may create.
 */
export async function listEvents(ctx: SignedInContext, schoolId: string): Promise<TEventList> {
  const m = await ctx.membership(schoolId);
  const today = localDate(ctx.clock.now());
  const [rows, classes] = await Promise.all([
    classesSeen(ctx, m, schoolId).then((seen) => findEventsFrom(ctx.db, schoolId, today, seen)),
    findClassesOfSchool(ctx.db, schoolId),
  ]);
  const events = await present(ctx, m, schoolId, rows);
  return {
    // A cancelled event needs no helpers.
    events: events.map((e) => presentEventSummary(e, e.cancelled ? 0 : openSlotPlaces(e.slots))),
    mayCreateSchoolEvent: mayOrganiseSchoolEvents(m),
    classesToOrganise: classes
      .filter((c) => mayOrganiseClassEvents(m, c.id))
      .map((c) => ({ id: c.id, name: className(c.grade, c.letter), grade: c.grade })),
  };
}

/**
 * A home answers (the route's policy, `event.answer`): coming with so many adults and children,
 * or not. The event's row lock makes answers to one event wait for each other, so a capacity is
 * never passed; a closed sign-up, "coming" with nobody or more people than places are refused.
 */
export async function answerEvent(
  ctx: SignedInContext,
  schoolId: string,
  eventId: string,
  input: TEventAnswer,
): Promise<TEvent> {
  const m = await ctx.membership(schoolId);
  await inTransaction(ctx, async (tx) => {
    const event = await lockedEvent(tx, schoolId, eventId);
    const household = await answeringHousehold(tx, m, schoolId, event);
    if (!household || !m.personId) throw new AppError('forbidden');
    const answer: Answer = {
      householdKey: household,
      attending: input.attending,
      adults: input.attending ? input.adults : 0,
      children: input.attending ? input.children : 0,
    };
    const answers = (await findAnswers(tx.db, schoolId, [eventId])).map(toAnswer);
    const problem = answerProblem(draftOf(event), answer, answers, localDate(tx.clock.now()));
    if (problem)
      throw new AppError(problem, {
        field: problem === 'event_sign_up_closed' ? undefined : 'adults',
        params: { placesLeft: placesLeft(event.capacity, answers, household) ?? 0 },
      });
    await upsertAnswer(tx.db, {
      schoolId,
      eventId,
      ...answer,
      answeredBy: m.personId,
      answeredAt: tx.clock.now(),
    });
    await recordAudit(tx, { schoolId, action: 'event.answer', subject: event.title });
  });
  return readFor(ctx, m, schoolId, eventId);
}

/**
 * A slot and its event, read under the event's row lock: a change that removes or renames the
 * slot, or a cancel, is decided before or after a taking, never beside it.
 */
async function lockSlotAndEvent(tx: UnitOfWork, schoolId: string, slotId: string) {
  const found = await findSlot(tx.db, schoolId, slotId);
  if (!found) throw new AppError('not_found');
  await lockEvent(tx.db, schoolId, found.event_id);
  const [slot, event] = await Promise.all([
    findSlot(tx.db, schoolId, slotId),
    findEvent(tx.db, schoolId, found.event_id),
  ]);
  if (!slot || !event) throw new AppError('not_found');
  return { slot, event };
}

/**
 * A home takes a place in a volunteer slot (the route's policy, `event-slot.take`). Taking it
 * again is a no-op. Of two homes taking the last place at once exactly one gets it (the
 * repository's conditional count under the slot's row lock, and the table's check); the other is
 * told, and nothing of theirs is kept.
 */
export async function takeSlot(ctx: SignedInContext, schoolId: string, slotId: string): Promise<TEvent> {
  const m = await ctx.membership(schoolId);
  const eventId = await inTransaction(ctx, async (tx) => {
    const { slot, event } = await lockSlotAndEvent(tx, schoolId, slotId);
    const household = await answeringHousehold(tx, m, schoolId, event);
    if (!household || !m.personId) throw new AppError('forbidden');
    const now = tx.clock.now();
    if (event.cancelled_at) throw new AppError('event_cancelled');
    if (localDate(now) > event.date) throw new AppError('event_sign_up_closed');
    const fresh = await insertTaker(tx.db, {
      schoolId,
      slotId,
      householdKey: household,
      takenBy: m.personId,
      takenAt: now,
    });
    if (!fresh) return slot.event_id;
    if (!(await countTaker(tx.db, schoolId, slotId)))
      throw new AppError('event_slot_full', { params: { slot: slot.title } });
    await recordAudit(tx, { schoolId, action: 'event.slot-take', subject: slot.title });
    return slot.event_id;
  });
  return readFor(ctx, m, schoolId, eventId);
}

/** A home gives its place in a slot back (the route's policy, `event-slot.take`); without one, nothing changes. */
export async function releaseSlot(ctx: SignedInContext, schoolId: string, slotId: string): Promise<TEvent> {
  const m = await ctx.membership(schoolId);
  const eventId = await inTransaction(ctx, async (tx) => {
    const { slot, event } = await lockSlotAndEvent(tx, schoolId, slotId);
    const household = await answeringHousehold(tx, m, schoolId, event);
    if (!household) throw new AppError('forbidden');
    // The homes that helped stay on the cancelled event's record.
    if (event.cancelled_at) throw new AppError('event_cancelled');
    if (await removeTaker(tx.db, schoolId, slotId, household))
      await recordAudit(tx, { schoolId, action: 'event.slot-release', subject: slot.title });
    return slot.event_id;
  });
  return readFor(ctx, m, schoolId, eventId);
}

/**
 * Tells the homes that are coming or took a volunteer slot, inside the caller's unit of work,
 * that the event changed its day, time or place, or was cancelled: a notice in each custody
 * holder's language, and an e-mail job for those the directory tells by e-mail (the e-mail
 * carries the event's calendar file at this SEQUENCE). The one who made the change is not told.
 */
async function tellHomesOfChange(tx: UnitOfWork, schoolId: string, event: EventRow, by: string): Promise<void> {
  const households = await findHouseholdsComingOrHelping(tx.db, schoolId, event.id);
  const guardians = (await findGuardiansOfHouseholds(tx.db, schoolId, households)).filter((g) => g.person_id !== by);
  const now = tx.clock.now();
  await insertNotifications(
    tx.db,
    guardians.map((g) => ({
      schoolId,
      personId: g.person_id,
      threadId: null,
      createdAt: now,
      ...(event.cancelled_at
        ? {
            dedupeKey: `event-cancelled:${event.id}`,
            ...notice(
              'event-cancelled',
              { title: event.title, date: event.date, reason: event.cancel_reason },
              g.locale,
            ),
          }
        : {
            dedupeKey: `event-changed:${event.id}:${event.sequence}`,
            ...notice(
              'event-changed',
              {
                title: event.title,
                date: event.date,
                endDate: event.end_date,
                from: event.starts_at,
                to: event.ends_at,
                place: event.place,
              },
              g.locale,
            ),
          }),
    })),
  );
  await enqueueJobs(
    tx.db,
    guardians.filter(toldByEmail).map((g): NewJob<'event-change-email'> => ({
      schoolId,
      kind: 'event-change-email',
      payload: { eventId: event.id, personId: g.person_id, sequence: event.sequence },
      runAt: now,
      dedupeKey: `event-change-email:${event.id}:${event.sequence}:${g.person_id}`,
      createdAt: now,
    })),
  );
}

/** The event under its row lock, for an answer, a change or a cancel that must see no other writer's. */
async function lockedEvent(tx: UnitOfWork, schoolId: string, eventId: string): Promise<EventRow> {
  await lockEvent(tx.db, schoolId, eventId);
  const event = await findEvent(tx.db, schoolId, eventId);
  if (!event) throw new AppError('not_found');
  return event;
}

/**
 * An organiser changes an event (the route's policy, `event.organise`: whoever may create it):
 * what, when, where, the well-being mark, the deadline, the capacity and the volunteer slots. Under
 * the event's row lock: a capacity below the people already coming, a taken slot removed or
 * renamed, a cancelled or held event are refused, and nothing changes. A change a calendar shows
 * raises the SEQUENCE; a new day moves the reminder; a new day, time or place tells the homes
 * coming or helping — all in one unit of work with the audit row.
 */
export async function changeEvent(
  ctx: SignedInContext,
  schoolId: string,
  eventId: string,
  input: TChangeEvent,
): Promise<TEvent> {
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('forbidden');
  const by = m.personId;
  await inTransaction(ctx, async (tx) => {
    const before = await lockedEvent(tx, schoolId, eventId);
    const { slots: wanted, ...fields } = input;
    const coming = headCount((await findAnswers(tx.db, schoolId, [eventId])).map(toAnswer));
    const problem = changeProblem(
      draftOf(before),
      { ...fields, signUp: before.sign_up },
      coming.adults + coming.children,
      localDate(tx.clock.now()),
    );
    if (problem)
      throw new AppError(problem.code, {
        field: problem.field,
        params: problem.code === 'event_capacity_below_head_count' ? { people: problem.people } : undefined,
      });
    const plan = planSlots(await findSlots(tx.db, schoolId, [eventId]), wanted);
    if (isSlotProblem(plan))
      throw new AppError(plan.code, {
        field: 'slots',
        params:
          plan.code === 'event_slot_unknown'
            ? undefined
            : { slot: plan.slot, ...(plan.code === 'event_slot_needed_below_taken' ? { taken: plan.taken } : {}) },
      });
    const shown = calendarShows(before, fields);
    const sequence = await updateEvent(tx.db, schoolId, eventId, fields, shown);
    if (!(await applySlotPlan(tx.db, schoolId, eventId, plan))) throw new AppError('event_slot_unknown');
    if (fields.date !== before.date) await scheduleReminder(tx, schoolId, eventId, fields.date, sequence);
    const moved = whenOrWhereChanged({ ...draftOf(before), place: before.place }, { ...fields, place: fields.place });
    if (moved) {
      const after = await findEvent(tx.db, schoolId, eventId);
      if (after) await tellHomesOfChange(tx, schoolId, after, by);
    }
    await recordAudit(tx, { schoolId, action: 'event.change', subject: fields.title });
  });
  return readFor(ctx, m, schoolId, eventId);
}

/** Whether a calendar shows the change: its summary, description, days, times or place. */
function calendarShows(before: EventRow, after: Omit<TChangeEvent, 'slots'>): boolean {
  return (
    before.title !== after.title ||
    before.description !== after.description ||
    before.well_being !== after.wellBeing ||
    whenOrWhereChanged({ ...draftOf(before), place: before.place }, after)
  );
}

/**
 * An organiser cancels an event (the route's policy, `event.organise`), with a reason or none. The
 * event stays, marked cancelled for everyone who sees it, its answers and slots kept and closed;
 * its SEQUENCE goes up so calendars show it cancelled, its reminder is dropped, and the homes
 * coming or helping are told — one unit of work with the audit row. A second cancel, or one of an
 * event already held, is refused.
 */
export async function cancelEvent(
  ctx: SignedInContext,
  schoolId: string,
  eventId: string,
  input: TCancelEvent,
): Promise<TEvent> {
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('forbidden');
  const by = m.personId;
  await inTransaction(ctx, async (tx) => {
    const event = await lockedEvent(tx, schoolId, eventId);
    const problem = cancelProblem(draftOf(event), localDate(tx.clock.now()));
    if (problem) throw new AppError(problem);
    await storeCancellation(tx, schoolId, eventId, by, input.reason || null);
    await recordAudit(tx, { schoolId, action: 'event.cancel', subject: event.title });
  });
  return readFor(ctx, m, schoolId, eventId);
}

/**
 * Cancels an event inside its caller's unit of work (the cancel, or the demo school's history):
 * marks it with the reason, drops its reminder and tells the homes coming or helping.
 */
export async function storeCancellation(
  tx: UnitOfWork,
  schoolId: string,
  eventId: string,
  by: string,
  reason: string | null,
): Promise<void> {
  if (!(await markEventCancelled(tx.db, schoolId, eventId, { by, at: tx.clock.now(), reason })))
    throw new AppError('event_cancelled');
  await scheduleReminder(tx, schoolId, eventId, null, 0);
  const cancelled = await findEvent(tx.db, schoolId, eventId);
  if (cancelled) await tellHomesOfChange(tx, schoolId, cancelled, by);
}

const EVENT_TEXT: Record<Locale, { wellBeing: string; cancelled: string }> = {
  da: { wellBeing: 'Trivselsarrangement', cancelled: 'Aflyst' },
  en: { wellBeing: 'Well-being event', cancelled: 'Cancelled' },
};

/**
 * An event as an entry of a calendar: the same UID and SEQUENCE in the download, the e-mail and
 * the feed; an event of several days ends on its last day; a cancelled one says so (STATUS and
 * summary), so a calendar app that shows no status still tells the reader.
 */
export function eventEntry(
  e: Pick<
    EventRow,
    | 'id'
    | 'title'
    | 'description'
    | 'date'
    | 'end_date'
    | 'starts_at'
    | 'ends_at'
    | 'place'
    | 'well_being'
    | 'sequence'
    | 'cancelled_at'
    | 'grade'
    | 'letter'
  >,
  locale: Locale,
): CalendarEntry {
  const what = e.well_being ? `${EVENT_TEXT[locale].wellBeing}. ` : '';
  const title = e.grade !== null && e.letter !== null ? `${e.title} (${className(e.grade, e.letter)})` : e.title;
  return {
    uid: `event-${e.id}@samspil`,
    sequence: e.sequence,
    date: e.date,
    endDate: e.end_date,
    from: e.starts_at,
    to: e.ends_at,
    summary: e.cancelled_at ? `${EVENT_TEXT[locale].cancelled}: ${title}` : title,
    location: e.place,
    description: `${what}${e.description}`.trim() || null,
    tentative: false,
    cancelled: e.cancelled_at !== null,
  };
}

/** One event as an iCalendar file in the reader's language (the route's policy, `event.read`). */
export async function eventCalendar(ctx: SignedInContext, schoolId: string, eventId: string): Promise<string> {
  const event = await findEvent(ctx.db, schoolId, eventId);
  if (!event) throw new AppError('not_found');
  return calendarText([eventEntry(event, ctx.locale)], ctx.locale, ctx.clock.now());
}

/**
 * The morning before an event, in one unit of work: a notice to every custody holder of the
 * households coming, and one to the organiser when volunteer slots still have places open. The
 * notices' keys make a second run tell no one again.
 */
export async function handleEventReminder(deps: AppDeps, job: ClaimedJob<'event-reminder'>): Promise<void> {
  if (!job.schoolId) throw new Error('an event reminder without a school');
  const schoolId = job.schoolId;
  await inTransaction(deps, async (tx) => {
    const event = await findEvent(tx.db, schoolId, job.payload.eventId);
    if (!event || event.cancelled_at) return;
    const [answers, slots] = await Promise.all([
      findAnswers(tx.db, schoolId, [event.id]),
      findSlots(tx.db, schoolId, [event.id]),
    ]);
    const coming = answers.filter((a) => a.attending).map((a) => a.household_key);
    const guardians = await findGuardiansOfHouseholds(tx.db, schoolId, coming);
    const now = tx.clock.now();
    const params = { title: event.title, date: event.date, from: event.starts_at, place: event.place };
    await insertNotifications(
      tx.db,
      guardians.map((g) => ({
        schoolId,
        personId: g.person_id,
        threadId: null,
        createdAt: now,
        // Once per day the event is on: a reminder sent before it moved does not keep the new day's out.
        dedupeKey: `event-reminder:${event.id}:${event.date}`,
        ...notice('event-reminder', params, g.locale),
      })),
    );
    const open = openSlotPlaces(slots);
    if (open > 0) {
      const locale = await findPersonLocale(tx.db, schoolId, event.created_by);
      await insertNotifications(tx.db, [
        {
          schoolId,
          personId: event.created_by,
          threadId: null,
          createdAt: now,
          dedupeKey: `event-slots-open:${event.id}:${event.date}`,
          ...notice('event-slots-open', { title: event.title, date: event.date, open }, locale),
        },
      ]);
    }
  });
}

/**
 * One custody holder's e-mail that an event changed its day, time or place, or was cancelled, in
 * their language, with the event's calendar file at that SEQUENCE. Nothing when the event has
 * changed again since (that change has its own e-mail), or when they are no longer of a home
 * coming or helping, or no longer told by e-mail.
 */
export async function handleEventChangeEmail(deps: AppDeps, job: ClaimedJob<'event-change-email'>): Promise<void> {
  if (!job.schoolId) throw new Error('an event e-mail without a school');
  const schoolId = job.schoolId;
  const event = await findEvent(deps.db, schoolId, job.payload.eventId);
  if (!event || event.sequence !== job.payload.sequence) return;
  const households = await findHouseholdsComingOrHelping(deps.db, schoolId, event.id);
  const g = (await findGuardiansOfHouseholds(deps.db, schoolId, households)).find(
    (row) => row.person_id === job.payload.personId,
  );
  if (!g || !toldByEmail(g) || !g.email) return;
  const mail = eventChangeMail({
    locale: g.locale,
    name: g.given_name,
    title: event.title,
    date: event.date,
    endDate: event.end_date,
    from: event.starts_at,
    to: event.ends_at,
    place: event.place,
    cancelled: event.cancelled_at ? { reason: event.cancel_reason } : null,
    appUrl: `${deps.config.publicUrl}/schools/${schoolId}/events/${event.id}`,
  });
  await deps.mailer.send({
    schoolId,
    to: g.email,
    ...mail,
    attachments: [
      {
        filename: 'arrangement.ics',
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        content: calendarText([eventEntry(event, g.locale)], g.locale, deps.clock.now()),
      },
    ],
  });
}
