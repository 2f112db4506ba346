import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { TChangeEvent, TCreateEvent } from '../../shared/api/event.schema.js';
import type { SlotPlan } from '../../domain/events/events.js';

/** A home's key: its household, or the guardian alone where the directory has none (as for conferences). */
const householdKey = sql<string>`coalesce(p.household_id::text, 'person:' || p.id::text)`;

/** The household a person answers for. */
export async function findHouseholdKey(db: Db, schoolId: string, personId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('people as p')
    .select(householdKey.as('key'))
    .where('p.school_id', '=', schoolId)
    .where('p.id', '=', personId)
    .executeTakeFirst();
  return row?.key;
}

export async function insertEvent(
  db: Db,
  e: TCreateEvent & {
    schoolId: string;
    classId: string | null;
    createdBy: string;
    createdAt: Date;
    idempotencyKey: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('events')
    .values({
      school_id: e.schoolId,
      class_id: e.classId,
      title: e.title,
      description: e.description,
      date: e.date,
      end_date: e.endDate,
      starts_at: e.startsAt,
      ends_at: e.endsAt,
      place: e.place,
      well_being: e.wellBeing,
      sign_up: e.signUp,
      sign_up_deadline: e.signUpDeadline,
      capacity: e.capacity,
      created_by: e.createdBy,
      created_at: e.createdAt,
      idempotency_key: e.idempotencyKey,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (e.slots.length > 0)
    await db
      .insertInto('event_slots')
      .values(
        e.slots.map((s, position) => ({
          school_id: e.schoolId,
          event_id: row.id,
          position,
          title: s.title,
          needed: s.needed,
        })),
      )
      .execute();
  return row.id;
}

/** The event an organiser made with this idempotency key before (a double click). */
export async function findEventByKey(db: Db, schoolId: string, createdBy: string, key: string) {
  return db
    .selectFrom('events')
    .select(['id', 'class_id'])
    .where('school_id', '=', schoolId)
    .where('created_by', '=', createdBy)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

function eventsQuery(db: Db, schoolId: string) {
  return db
    .selectFrom('events as e')
    .leftJoin('classes as c', (j) => j.onRef('c.school_id', '=', 'e.school_id').onRef('c.id', '=', 'e.class_id'))
    .innerJoin('people as o', (j) => j.onRef('o.school_id', '=', 'e.school_id').onRef('o.id', '=', 'e.created_by'))
    .select([
      'e.id',
      'e.school_id',
      'e.class_id',
      'c.grade',
      'c.letter',
      'e.title',
      'e.description',
      'e.date',
      'e.end_date',
      'e.starts_at',
      'e.ends_at',
      'e.place',
      'e.well_being',
      'e.sign_up',
      'e.sign_up_deadline',
      'e.capacity',
      'e.sequence',
      'e.cancelled_at',
      'e.cancel_reason',
      'e.created_by',
      'e.created_at',
      sql<string>`o.given_name || ' ' || o.family_name`.as('organiser_name'),
    ])
    .where('e.school_id', '=', schoolId);
}
export type EventRow = Awaited<ReturnType<ReturnType<typeof eventsQuery>['executeTakeFirstOrThrow']>>;

export async function findEvent(db: Db, schoolId: string, eventId: string): Promise<EventRow | undefined> {
  return eventsQuery(db, schoolId).where('e.id', '=', eventId).executeTakeFirst();
}

/**
 * Events with a day on or after `fromDate` (an event of several days until its last), cancelled
 * ones too, of the school and of `classIds` (every class for 'all'), by day and time.
 */
export async function findEventsFrom(
  db: Db,
  schoolId: string,
  fromDate: string,
  classIds: 'all' | readonly string[],
): Promise<EventRow[]> {
  let query = eventsQuery(db, schoolId).where(sql<string>`coalesce(e.end_date, e.date)`, '>=', fromDate);
  if (classIds !== 'all')
    query = query.where((eb) =>
      classIds.length === 0
        ? eb('e.class_id', 'is', null)
        : eb.or([eb('e.class_id', 'is', null), eb('e.class_id', 'in', classIds)]),
    );
  return query.orderBy('e.date').orderBy('e.starts_at').orderBy('e.id').execute();
}

/**
 * Takes the event's row lock: answers, slot takings, changes and the cancelling of one event are
 * decided one at a time, so the capacity holds and no home takes a slot being removed or an event
 * being cancelled.
 */
export async function lockEvent(db: Db, schoolId: string, eventId: string): Promise<void> {
  await db
    .selectFrom('events')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('id', '=', eventId)
    .forUpdate()
    .executeTakeFirst();
}

export async function findSlots(db: Db, schoolId: string, eventIds: readonly string[]) {
  if (eventIds.length === 0) return [];
  return db
    .selectFrom('event_slots')
    .select(['id', 'event_id', 'title', 'needed', 'taken'])
    .where('school_id', '=', schoolId)
    .where('event_id', 'in', eventIds)
    .orderBy('event_id')
    .orderBy('position')
    .execute();
}
export type SlotRow = Awaited<ReturnType<typeof findSlots>>[number];

export async function findSlot(db: Db, schoolId: string, slotId: string) {
  return db
    .selectFrom('event_slots')
    .select(['id', 'event_id', 'title', 'needed', 'taken'])
    .where('school_id', '=', schoolId)
    .where('id', '=', slotId)
    .executeTakeFirst();
}

/** The households that took the slots, with the name of the guardian who took each. */
export async function findSlotTakers(db: Db, schoolId: string, slotIds: readonly string[]) {
  if (slotIds.length === 0) return [];
  return db
    .selectFrom('event_slot_takers as t')
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 't.school_id').onRef('p.id', '=', 't.taken_by'))
    .select(['t.slot_id', 't.household_key', sql<string>`p.given_name || ' ' || p.family_name`.as('name')])
    .where('t.school_id', '=', schoolId)
    .where('t.slot_id', 'in', slotIds)
    .orderBy('t.taken_at')
    .execute();
}

/** The households' answers, with the name of the guardian who answered. */
export async function findAnswers(db: Db, schoolId: string, eventIds: readonly string[]) {
  if (eventIds.length === 0) return [];
  return db
    .selectFrom('event_sign_ups as a')
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'a.school_id').onRef('p.id', '=', 'a.answered_by'))
    .select([
      'a.event_id',
      'a.household_key',
      'a.attending',
      'a.adults',
      'a.children',
      sql<string>`p.given_name || ' ' || p.family_name`.as('name'),
    ])
    .where('a.school_id', '=', schoolId)
    .where('a.event_id', 'in', eventIds)
    .orderBy('a.answered_at')
    .orderBy('p.given_name')
    .orderBy('p.family_name')
    .execute();
}
export type AnswerRow = Awaited<ReturnType<typeof findAnswers>>[number];

export async function upsertAnswer(
  db: Db,
  a: {
    schoolId: string;
    eventId: string;
    householdKey: string;
    attending: boolean;
    adults: number;
    children: number;
    answeredBy: string;
    answeredAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('event_sign_ups')
    .values({
      school_id: a.schoolId,
      event_id: a.eventId,
      household_key: a.householdKey,
      attending: a.attending,
      adults: a.adults,
      children: a.children,
      answered_by: a.answeredBy,
      answered_at: a.answeredAt,
    })
    .onConflict((oc) =>
      oc.columns(['school_id', 'event_id', 'household_key']).doUpdateSet({
        attending: a.attending,
        adults: a.adults,
        children: a.children,
        answered_by: a.answeredBy,
        answered_at: a.answeredAt,
      }),
    )
    .execute();
}

/** The household's place in the slot; false when it had one already. */
export async function insertTaker(
  db: Db,
  t: { schoolId: string; slotId: string; householdKey: string; takenBy: string; takenAt: Date },
): Promise<boolean> {
  const row = await db
    .insertInto('event_slot_takers')
    .values({
      school_id: t.schoolId,
      slot_id: t.slotId,
      household_key: t.householdKey,
      taken_by: t.takenBy,
      taken_at: t.takenAt,
    })
    .onConflict((oc) => oc.columns(['school_id', 'slot_id', 'household_key']).doNothing())
    .returning('slot_id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Counts one more household in the slot if a place is left. The update takes the slot's row
 * lock: of two households taking the last place at once, the second waits, then finds the place
 * gone (PostgreSQL re-reads the row it waited for) and raises nothing; the table's check refuses
 * a count past `needed` in any case. False: no place was left.
 */
export async function countTaker(db: Db, schoolId: string, slotId: string): Promise<boolean> {
  const row = await db
    .updateTable('event_slots')
    .set((eb) => ({ taken: eb('taken', '+', 1) }))
    .where('school_id', '=', schoolId)
    .where('id', '=', slotId)
    .whereRef('taken', '<', 'needed')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Removes the household's place in the slot and counts it off; false when it had none. */
export async function removeTaker(db: Db, schoolId: string, slotId: string, household: string): Promise<boolean> {
  const removed = await db
    .deleteFrom('event_slot_takers')
    .where('school_id', '=', schoolId)
    .where('slot_id', '=', slotId)
    .where('household_key', '=', household)
    .returning('slot_id')
    .executeTakeFirst();
  if (!removed) return false;
  await db
    .updateTable('event_slots')
    .set((eb) => ({ taken: eb('taken', '-', 1) }))
    .where('school_id', '=', schoolId)
    .where('id', '=', slotId)
    .execute();
  return true;
}

/**
 * The custody holders of the school's children who belong to these households, not suspended,
 * with their language and what decides whether they are told by e-mail too (`toldByEmail`).
 */
export async function findGuardiansOfHouseholds(db: Db, schoolId: string, households: readonly string[]) {
  if (households.length === 0) return [];
  return db
    .selectFrom('people as p')
    .leftJoin('users as u', 'u.id', 'p.user_id')
    .select([
      'p.id as person_id',
      'p.given_name',
      sql<'da' | 'en'>`coalesce(u.locale, case when p.language = 'en' then 'en' else 'da' end)`.as('locale'),
      sql<string | null>`coalesce(nullif(p.email, ''), u.email)`.as('email'),
      sql<boolean>`p.user_id is not null`.as('has_login'),
      'p.preferred_channel',
    ])
    .where('p.school_id', '=', schoolId)
    .where('p.suspended', '=', false)
    .where(householdKey, 'in', households)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('guardianships as g')
          .select('g.person_id')
          .whereRef('g.school_id', '=', 'p.school_id')
          .whereRef('g.person_id', '=', 'p.id')
          .where('g.kind', '=', 'custody'),
      ),
    )
    .execute();
}

/** A person's language for a notice. */
export async function findPersonLocale(db: Db, schoolId: string, personId: string) {
  const row = await db
    .selectFrom('people as p')
    .leftJoin('users as u', 'u.id', 'p.user_id')
    .select(sql<'da' | 'en'>`coalesce(u.locale, 'da')`.as('locale'))
    .where('p.school_id', '=', schoolId)
    .where('p.id', '=', personId)
    .executeTakeFirst();
  return row?.locale ?? 'da';
}

/**
 * Writes an organiser's change of an event; the iCalendar SEQUENCE goes up by one when what a
 * calendar shows changed (`calendarChanged`). Returns the sequence now.
 */
export async function updateEvent(
  db: Db,
  schoolId: string,
  eventId: string,
  e: Omit<TChangeEvent, 'slots'>,
  calendarChanged: boolean,
): Promise<number> {
  const row = await db
    .updateTable('events')
    .set((eb) => ({
      title: e.title,
      description: e.description,
      date: e.date,
      end_date: e.endDate,
      starts_at: e.startsAt,
      ends_at: e.endsAt,
      place: e.place,
      well_being: e.wellBeing,
      sign_up_deadline: e.signUpDeadline,
      capacity: e.capacity,
      sequence: calendarChanged ? eb('sequence', '+', 1) : eb.ref('sequence'),
    }))
    .where('school_id', '=', schoolId)
    .where('id', '=', eventId)
    .returning('sequence')
    .executeTakeFirstOrThrow();
  return row.sequence;
}

/**
 * Turns the event's slots into the organiser's (`planSlots`). A slot is removed or renamed only
 * while no home has taken it, which the statements check again (`taken = 0`) under the event's
 * lock; false when one was taken after all, and the caller undoes the unit of work.
 */
export async function applySlotPlan(db: Db, schoolId: string, eventId: string, plan: SlotPlan): Promise<boolean> {
  if (plan.remove.length > 0) {
    const removed = await db
      .deleteFrom('event_slots')
      .where('school_id', '=', schoolId)
      .where('event_id', '=', eventId)
      .where('id', 'in', plan.remove)
      .where('taken', '=', 0)
      .returning('id')
      .execute();
    if (removed.length !== plan.remove.length) return false;
  }
  for (const u of plan.update) {
    const changed = await db
      .updateTable('event_slots')
      .set({ title: u.title, needed: u.needed, position: u.position })
      .where('school_id', '=', schoolId)
      .where('event_id', '=', eventId)
      .where('id', '=', u.id)
      .where((eb) => eb.or([eb('taken', '=', 0), eb('title', '=', u.title)]))
      .where('taken', '<=', u.needed)
      .returning('id')
      .executeTakeFirst();
    if (!changed) return false;
  }
  if (plan.insert.length > 0)
    await db
      .insertInto('event_slots')
      .values(
        plan.insert.map((s) => ({
          school_id: schoolId,
          event_id: eventId,
          position: s.position,
          title: s.title,
          needed: s.needed,
        })),
      )
      .execute();
  return true;
}

/** Marks the event cancelled with its reason and raises its SEQUENCE; false when it was cancelled already. */
export async function markEventCancelled(
  db: Db,
  schoolId: string,
  eventId: string,
  c: { by: string; at: Date; reason: string | null },
): Promise<boolean> {
  const row = await db
    .updateTable('events')
    .set((eb) => ({
      cancelled_at: c.at,
      cancelled_by: c.by,
      cancel_reason: c.reason,
      sequence: eb('sequence', '+', 1),
    }))
    .where('school_id', '=', schoolId)
    .where('id', '=', eventId)
    .where('cancelled_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The households to tell of a change: those that said they are coming, and those that took a volunteer slot. */
export async function findHouseholdsComingOrHelping(db: Db, schoolId: string, eventId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('event_sign_ups')
    .select('household_key')
    .where('school_id', '=', schoolId)
    .where('event_id', '=', eventId)
    .where('attending', '=', true)
    .union(
      db
        .selectFrom('event_slot_takers as t')
        .innerJoin('event_slots as sl', (j) =>
          j.onRef('sl.school_id', '=', 't.school_id').onRef('sl.id', '=', 't.slot_id'),
        )
        .select('t.household_key')
        .where('t.school_id', '=', schoolId)
        .where('sl.event_id', '=', eventId),
    )
    .execute();
  return rows.map((r) => r.household_key);
}
