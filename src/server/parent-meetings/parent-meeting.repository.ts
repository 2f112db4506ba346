import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Locale } from '../../shared/errors.js';

/** A home of a class: custody holders sharing a household (or one alone without one). */
const householdKey = sql<string>`coalesce(p.household_id::text, 'person:' || p.id::text)`;

export interface ParentMeetingRow {
  id: string;
  class_id: string;
  grade: number;
  letter: string;
  date: string;
  starts_at: string;
  ends_at: string;
  place: string;
  sequence: number;
  created_by: string;
  invited_at: Date | null;
  held_at: Date | null;
  minutes: string | null;
  minutes_published_at: Date | null;
}

function meetings(db: Db, schoolId: string) {
  return db
    .selectFrom('parent_meetings as pm')
    .innerJoin('classes as c', (j) => j.onRef('c.school_id', '=', 'pm.school_id').onRef('c.id', '=', 'pm.class_id'))
    .select([
      'pm.id',
      'pm.class_id',
      'c.grade',
      'c.letter',
      'pm.date',
      'pm.starts_at',
      'pm.ends_at',
      'pm.place',
      'pm.sequence',
      'pm.created_by',
      'pm.invited_at',
      'pm.held_at',
      'pm.minutes',
      'pm.minutes_published_at',
    ])
    .where('pm.school_id', '=', schoolId);
}

export async function findParentMeeting(db: Db, schoolId: string, id: string): Promise<ParentMeetingRow | undefined> {
  return meetings(db, schoolId).where('pm.id', '=', id).executeTakeFirst();
}

/** The meetings of some classes on or after a day, earliest first. */
export async function findParentMeetingsOfClasses(
  db: Db,
  schoolId: string,
  classIds: readonly string[],
  fromDay: string,
): Promise<ParentMeetingRow[]> {
  if (classIds.length === 0) return [];
  return meetings(db, schoolId)
    .where('pm.class_id', 'in', classIds)
    .where('pm.date', '>=', fromDay)
    .orderBy('pm.date')
    .orderBy('pm.starts_at')
    .execute();
}

export async function findParentMeetingByKey(db: Db, schoolId: string, createdBy: string, key: string) {
  return db
    .selectFrom('parent_meetings')
    .select(['id', 'class_id'])
    .where('school_id', '=', schoolId)
    .where('created_by', '=', createdBy)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export async function insertParentMeeting(
  db: Db,
  m: {
    schoolId: string;
    classId: string;
    date: string;
    from: string;
    to: string;
    place: string;
    createdBy: string;
    createdAt: Date;
    idempotencyKey: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('parent_meetings')
    .values({
      school_id: m.schoolId,
      class_id: m.classId,
      date: m.date,
      starts_at: m.from,
      ends_at: m.to,
      place: m.place,
      created_by: m.createdBy,
      created_at: m.createdAt,
      idempotency_key: m.idempotencyKey,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A new time or place, while the meeting is planned: false once the homes are invited. */
export async function updateParentMeetingTime(
  db: Db,
  schoolId: string,
  id: string,
  t: { date: string; from: string; to: string; place: string },
): Promise<boolean> {
  const r = await db
    .updateTable('parent_meetings')
    .set((eb) => ({
      date: t.date,
      starts_at: t.from,
      ends_at: t.to,
      place: t.place,
      sequence: eb('sequence', '+', 1),
    }))
    .where('school_id', '=', schoolId)
    .where('id', '=', id)
    .where('invited_at', 'is', null)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Marks the homes invited; false when they already were (a second send tells no one again). */
export async function markParentMeetingInvited(db: Db, schoolId: string, id: string, by: string, at: Date) {
  const r = await db
    .updateTable('parent_meetings')
    .set({ invited_at: at, invited_by: by })
    .where('school_id', '=', schoolId)
    .where('id', '=', id)
    .where('invited_at', 'is', null)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function markParentMeetingHeld(db: Db, schoolId: string, id: string, at: Date): Promise<void> {
  await db
    .updateTable('parent_meetings')
    .set({ held_at: at })
    .where('school_id', '=', schoolId)
    .where('id', '=', id)
    .where('held_at', 'is', null)
    .execute();
}

/** Publishes the minutes; false when they were published before (the first text stands). */
export async function publishParentMeetingMinutes(
  db: Db,
  schoolId: string,
  id: string,
  minutes: string,
  by: string,
  at: Date,
): Promise<boolean> {
  const r = await db
    .updateTable('parent_meetings')
    .set({ minutes, minutes_published_at: at, minutes_published_by: by })
    .where('school_id', '=', schoolId)
    .where('id', '=', id)
    .where('held_at', 'is not', null)
    .where('minutes_published_at', 'is', null)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export interface AgendaItemRow {
  id: string;
  meeting_id: string;
  title: string;
  topic: string | null;
  added_by: string;
  given_name: string;
  family_name: string;
}

export async function findAgenda(db: Db, schoolId: string, meetingIds: readonly string[]): Promise<AgendaItemRow[]> {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('parent_meeting_agenda_items as a')
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'a.school_id').onRef('p.id', '=', 'a.added_by'))
    .select(['a.id', 'a.meeting_id', 'a.title', 'a.topic', 'a.added_by', 'p.given_name', 'p.family_name'])
    .where('a.school_id', '=', schoolId)
    .where('a.meeting_id', 'in', meetingIds)
    .orderBy('a.position')
    .execute();
}

/** Adds an item; a well-being topic already on the agenda is not added twice. */
export async function insertAgendaItem(
  db: Db,
  item: { schoolId: string; meetingId: string; title: string; topic: string | null; addedBy: string; at: Date },
): Promise<void> {
  await db
    .insertInto('parent_meeting_agenda_items')
    .values({
      school_id: item.schoolId,
      meeting_id: item.meetingId,
      title: item.title,
      topic: item.topic,
      added_by: item.addedBy,
      added_at: item.at,
    })
    .onConflict((oc) => oc.columns(['school_id', 'meeting_id', 'topic']).where('topic', 'is not', null).doNothing())
    .execute();
}

/** Changes an item's words; false when the item is not on this meeting's agenda. */
export async function updateAgendaItem(db: Db, schoolId: string, meetingId: string, itemId: string, title: string) {
  const r = await db
    .updateTable('parent_meeting_agenda_items')
    .set({ title })
    .where('school_id', '=', schoolId)
    .where('meeting_id', '=', meetingId)
    .where('id', '=', itemId)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function deleteAgendaItem(db: Db, schoolId: string, meetingId: string, itemId: string) {
  const r = await db
    .deleteFrom('parent_meeting_agenda_items')
    .where('school_id', '=', schoolId)
    .where('meeting_id', '=', meetingId)
    .where('id', '=', itemId)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}

export interface ClassGuardianRow {
  person_id: string;
  given_name: string;
  household: string;
  child: string;
  email: string | null;
  has_login: boolean;
  preferred_channel: string;
  locale: Locale;
}

/**
 * The custody holders (not suspended) of the class's children, each with their home and child:
 * a parent with the right to information only (§ 23) is told on request, not invited.
 */
export async function findClassGuardians(db: Db, schoolId: string, classId: string): Promise<ClassGuardianRow[]> {
  const rows = await db
    .selectFrom('guardianships as g')
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'g.school_id').onRef('p.id', '=', 'g.person_id'))
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'g.school_id').onRef('s.id', '=', 'g.student_id'))
    .leftJoin('users as u', 'u.id', 'p.user_id')
    .select([
      'p.id as person_id',
      'p.given_name',
      householdKey.as('household'),
      's.given_name as child',
      sql<string | null>`coalesce(nullif(p.email, ''), u.email)`.as('email'),
      sql<boolean>`p.user_id is not null`.as('has_login'),
      'p.preferred_channel',
      sql<string>`coalesce(u.locale, case when p.language = 'en' then 'en' else 'da' end)`.as('locale'),
    ])
    .where('g.school_id', '=', schoolId)
    .where('s.class_id', '=', classId)
    .where('g.kind', '=', 'custody')
    .where('p.suspended', '=', false)
    .orderBy('s.given_name')
    .orderBy('p.given_name')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({ ...r, locale: r.locale === 'en' ? 'en' : 'da' }));
}

export async function insertHouseholds(
  db: Db,
  schoolId: string,
  meetingId: string,
  households: readonly string[],
  at: Date,
): Promise<void> {
  if (households.length === 0) return;
  await db
    .insertInto('parent_meeting_households')
    .values(households.map((h) => ({ school_id: schoolId, meeting_id: meetingId, household_key: h, invited_at: at })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export interface MeetingHouseholdRow {
  meeting_id: string;
  household_key: string;
  coming: boolean | null;
  people_coming: number;
  represented: boolean | null;
}

export async function findMeetingHouseholds(
  db: Db,
  schoolId: string,
  meetingIds: readonly string[],
): Promise<MeetingHouseholdRow[]> {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('parent_meeting_households')
    .select(['meeting_id', 'household_key', 'coming', 'people_coming', 'represented'])
    .where('school_id', '=', schoolId)
    .where('meeting_id', 'in', meetingIds)
    .orderBy('household_key')
    .execute();
}

/** The caller's homes (by their person at the school), for their own answer. */
export async function findOwnHouseholds(db: Db, schoolId: string, personId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('people as p')
    .select(householdKey.as('household'))
    .where('p.school_id', '=', schoolId)
    .where('p.id', '=', personId)
    .execute();
  return rows.map((r) => r.household);
}

/** A home's answer, replacing its earlier one; false when the home was not invited. */
export async function answerForHousehold(
  db: Db,
  schoolId: string,
  meetingId: string,
  household: string,
  a: { coming: boolean; people: number; by: string; at: Date },
): Promise<boolean> {
  const r = await db
    .updateTable('parent_meeting_households')
    .set({ coming: a.coming, people_coming: a.people, answered_by: a.by, answered_at: a.at })
    .where('school_id', '=', schoolId)
    .where('meeting_id', '=', meetingId)
    .where('household_key', '=', household)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function setRepresented(
  db: Db,
  schoolId: string,
  meetingId: string,
  entries: ReadonlyArray<{ household: string; represented: boolean }>,
): Promise<number> {
  let updated = 0;
  for (const e of entries) {
    const r = await db
      .updateTable('parent_meeting_households')
      .set({ represented: e.represented })
      .where('school_id', '=', schoolId)
      .where('meeting_id', '=', meetingId)
      .where('household_key', '=', e.household)
      .executeTakeFirst();
    updated += Number(r.numUpdatedRows);
  }
  return updated;
}

/** The student ids of a class, for the audit log of a list naming its homes. */
export async function findClassStudentIds(db: Db, schoolId: string, classId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('students')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('class_id', '=', classId)
    .execute();
  return rows.map((r) => r.id);
}

export async function findClassOf(db: Db, schoolId: string, classId: string) {
  return db
    .selectFrom('classes')
    .select(['grade', 'letter'])
    .where('school_id', '=', schoolId)
    .where('id', '=', classId)
    .executeTakeFirst();
}

/** The classes of some students (a home's children). */
export async function findClassIdsOfStudents(db: Db, schoolId: string, studentIds: readonly string[]) {
  if (studentIds.length === 0) return [];
  const rows = await db
    .selectFrom('students')
    .select('class_id')
    .distinct()
    .where('school_id', '=', schoolId)
    .where('id', 'in', studentIds)
    .execute();
  return rows.map((r) => r.class_id);
}

/** The class parent representatives of a class. */
export async function findRepresentativesOf(db: Db, schoolId: string, classId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('class_representatives')
    .select('person_id')
    .where('school_id', '=', schoolId)
    .where('class_id', '=', classId)
    .orderBy('person_id')
    .execute();
  return rows.map((r) => r.person_id);
}
