import type { AppDeps } from '../deps.js';
import { inTransaction, type SignedInContext } from '../context.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { enqueueJobs } from '../jobs/job-queue.js';
import type { ClaimedJob } from '../jobs/job-kinds.js';
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
import { className } from '../../shared/api/directory.schema.js';
import type { Locale } from '../../shared/errors.js';
import type { TCreateEvent, TEvent, TEventAnswer, TEventList } from '../../shared/api/event.schema.js';
import { localDate, morningBefore } from '../../domain/calendar/working-days.js';
import {
  answerProblem,
  eventProblem,
  headCount,
  openSlotPlaces,
  placesLeft,
  signUpOpen,
  type Answer,
} from '../../domain/events/events.js';
import {
  countTaker,
  findAnswers,
  findEvent,
  findEventByKey,
  findEventsFrom,
  findGuardiansOfHouseholds,
  findHouseholdKey,
  findPersonLocale,
  findSlot,
  findSlots,
  findSlotTakers,
  insertEvent,
  insertTaker,
  lockEvent,
  removeTaker,
  upsertAnswer,
  type AnswerRow,
  type EventRow,
} from './event.repository.js';
import { presentEvent, presentEventSummary } from './event.presenter.js';

type UnitOfWork = Pick<SignedInContext, 'db' | 'clock'>;

const toAnswer = (a: AnswerRow): Answer => ({
  householdKey: a.household_key,
  attending: a.attending,
  adults: a.adults,
  children: a.children,
});
const factsOf = (e: EventRow) => ({
  date: e.date,
  signUp: e.sign_up,
  signUpDeadline: e.sign_up_deadline,
  capacity: e.capacity,
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
  const now = tx.clock.now();
  const id = await insertEvent(tx.db, { ...e, createdAt: now });
  const remindAt = morningBefore(e.date);
  if (remindAt > now)
    await enqueueJobs(tx.db, [
      {
        schoolId: e.schoolId,
        kind: 'event-reminder',
        payload: { eventId: id },
        runAt: remindAt,
        dedupeKey: `event-reminder:${id}`,
        createdAt: now,
      },
    ]);
  return id;
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
        slots: slots.filter((s) => s.event_id === e.id),
        takers,
        answers: mine,
        household,
        organiser,
        signUpOpen: signUpOpen(factsOf(e), today),
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
    events: events.map((e) => presentEventSummary(e, openSlotPlaces(e.slots))),
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
    await lockEvent(tx.db, schoolId, eventId);
    const event = await findEvent(tx.db, schoolId, eventId);
    if (!event) throw new AppError('not_found');
    const household = await answeringHousehold(tx, m, schoolId, event);
    if (!household || !m.personId) throw new AppError('forbidden');
    const answer: Answer = {
      householdKey: household,
      attending: input.attending,
      adults: input.attending ? input.adults : 0,
      children: input.attending ? input.children : 0,
    };
    const answers = (await findAnswers(tx.db, schoolId, [eventId])).map(toAnswer);
    const problem = answerProblem(factsOf(event), answer, answers, localDate(tx.clock.now()));
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
 * A home takes a place in a volunteer slot (the route's policy, `event-slot.take`). Taking it
 * again is a no-op. Of two homes taking the last place at once exactly one gets it (the
 * repository's conditional count under the slot's row lock, and the table's check); the other is
 * told, and nothing of theirs is kept.
 */
export async function takeSlot(ctx: SignedInContext, schoolId: string, slotId: string): Promise<TEvent> {
  const m = await ctx.membership(schoolId);
  const eventId = await inTransaction(ctx, async (tx) => {
    const slot = await findSlot(tx.db, schoolId, slotId);
    const event = slot ? await findEvent(tx.db, schoolId, slot.event_id) : undefined;
    if (!slot || !event) throw new AppError('not_found');
    const household = await answeringHousehold(tx, m, schoolId, event);
    if (!household || !m.personId) throw new AppError('forbidden');
    const now = tx.clock.now();
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
    const slot = await findSlot(tx.db, schoolId, slotId);
    const event = slot ? await findEvent(tx.db, schoolId, slot.event_id) : undefined;
    if (!slot || !event) throw new AppError('not_found');
    const household = await answeringHousehold(tx, m, schoolId, event);
    if (!household) throw new AppError('forbidden');
    if (await removeTaker(tx.db, schoolId, slotId, household))
      await recordAudit(tx, { schoolId, action: 'event.slot-release', subject: slot.title });
    return slot.event_id;
  });
  return readFor(ctx, m, schoolId, eventId);
}

const EVENT_TEXT: Record<Locale, { wellBeing: string }> = {
  da: { wellBeing: 'Trivselsarrangement' },
  en: { wellBeing: 'Well-being event' },
};

/** An event as an entry of a calendar: the same UID in the download and the feed. */
export function eventEntry(
  e: Pick<
    EventRow,
    'id' | 'title' | 'description' | 'date' | 'starts_at' | 'ends_at' | 'place' | 'well_being' | 'grade' | 'letter'
  >,
  locale: Locale,
): CalendarEntry {
  const what = e.well_being ? `${EVENT_TEXT[locale].wellBeing}. ` : '';
  return {
    uid: `event-${e.id}@samspil`,
    sequence: 0,
    date: e.date,
    from: e.starts_at,
    to: e.ends_at,
    summary: e.grade !== null && e.letter !== null ? `${e.title} (${className(e.grade, e.letter)})` : e.title,
    location: e.place,
    description: `${what}${e.description}`.trim() || null,
    tentative: false,
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
    if (!event) return;
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
        dedupeKey: `event-reminder:${event.id}`,
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
          dedupeKey: `event-slots-open:${event.id}`,
          ...notice('event-slots-open', { title: event.title, date: event.date, open }, locale),
        },
      ]);
    }
  });
}
