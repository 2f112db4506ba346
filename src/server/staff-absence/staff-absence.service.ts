import type { Db } from '../db/database.js';
import { inTransaction, type SignedInContext } from '../context.js';
import type { Locale } from '../../shared/errors.js';
import { AppError } from '../errors.js';
import { runsTheSchool } from '../policies/rules.js';
import { findAdoptedPrinciple } from '../principle/principle.service.js';
import { loadSchoolCalendar } from '../school-calendar/school-calendar.service.js';
import { findContactTeacherOfClassCode, findContactTeachers } from '../directory/class.repository.js';
import { findLeaders, findNames, findStaff, type PersonNameRow } from '../directory/staff.repository.js';
import { findStudent } from '../directory/student.repository.js';
import {
  addWorkingDays,
  firstOnDutyAfter,
  formatDayAndTime,
  formatDueDate,
  localDate,
  replyDueAt,
} from '../../domain/calendar/working-days.js';
import { loadNotificationSettings } from '../notifications/notification-settings.service.js';
import {
  absentThrough,
  coversDay,
  firstReadingDay,
  replyDueAfterAbsence,
  routeAroundAbsences,
  type RecipientToday,
} from '../../domain/calendar/staff-absence.js';
import {
  STAFF_ABSENCE_MAX_DAYS,
  staffAbsenceText,
  type TCreateStaffAbsence,
  type TMessageRouting,
  type TStaffAbsence,
  type TStaffAbsenceList,
  type TStaffRef,
} from '../../shared/api/staff-absence.schema.js';
import {
  deleteStaffAbsence as deleteAbsenceRow,
  findAbsence,
  findAbsencesFrom,
  findOverlappingAbsence,
  insertStaffAbsence,
  lockPeople,
  type StaffAbsenceRow,
} from './staff-absence.repository.js';

const nameOf = (p: { given_name: string; family_name: string }) => `${p.given_name} ${p.family_name}`.trim();
const refOf = (p: PersonNameRow): TStaffRef => ({ id: p.id, name: nameOf(p) });
const dayCount = (firstDay: string, lastDay: string) =>
  (Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(`${firstDay}T00:00:00Z`)) / 86_400_000 + 1;
/** A day as guardians read it ("fredag 4. december"): noon UTC lies inside the day in Copenhagen. */
const formatDay = (day: string, locale: Locale) => formatDueDate(new Date(`${day}T12:00:00Z`), locale);

async function membershipWithPerson(ctx: SignedInContext, schoolId: string) {
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('forbidden');
  return { m, personId: m.personId };
}

/** Only the person's own absences and, for the leadership, everyone's are shown, so each may be removed by its reader. */
function presentAbsence(row: StaffAbsenceRow, names: ReadonlyMap<string, PersonNameRow>, today: string): TStaffAbsence {
  const person = names.get(row.person_id);
  const substitute = row.substitute_id ? names.get(row.substitute_id) : undefined;
  return {
    id: row.id,
    person: person ? refOf(person) : { id: row.person_id, name: '' },
    firstDay: row.first_day,
    lastDay: row.last_day,
    substitute: substitute ? refOf(substitute) : null,
    note: row.note,
    current: coversDay({ firstDay: row.first_day, lastDay: row.last_day }, today),
    abilities: { delete: true },
  };
}

/**
 * The absences that have not ended: a staff member's own, everyone's for the leadership, with
 * the staff the caller may register for and the colleagues who can stand in.
 */
export async function listStaffAbsences(ctx: SignedInContext, schoolId: string): Promise<TStaffAbsenceList> {
  const { m, personId } = await membershipWithPerson(ctx, schoolId);
  const { db } = ctx;
  const today = localDate(ctx.clock.now());
  const leadership = runsTheSchool(m);
  const [staff, rows] = await Promise.all([
    findStaff(db, schoolId),
    findAbsencesFrom(db, schoolId, today, leadership ? undefined : [personId]),
  ]);
  const names = new Map<string, PersonNameRow>(staff.map((p) => [p.id, p]));
  // A person or substitute who has since left the staff is still named.
  const missing = rows
    .flatMap((r) => [r.person_id, ...(r.substitute_id ? [r.substitute_id] : [])])
    .filter((id) => !names.has(id));
  for (const p of await findNames(db, schoolId, [...new Set(missing)])) names.set(p.id, p);
  return {
    absences: rows.map((r) => presentAbsence(r, names, today)),
    // The caller first: the form's default is their own absence.
    registerFor: [
      ...staff.filter((p) => p.id === personId),
      ...(leadership ? staff.filter((p) => p.id !== personId) : []),
    ].map(refOf),
    colleagues: staff.map(refOf),
  };
}

/**
 * Registers an absence: staff their own, the leadership anyone's on the staff (the route's
 * policy). The substitute is a colleague at the same school who is not away on any of the days.
 * Absences of one person never overlap: the people are locked in the unit of work, so a
 * concurrent registration waits and then sees this one. Each refusal names its field and stores
 * nothing.
 */
export async function createStaffAbsence(
  ctx: SignedInContext,
  schoolId: string,
  input: TCreateStaffAbsence,
): Promise<TStaffAbsence> {
  const { personId: actorId } = await membershipWithPerson(ctx, schoolId);
  const { db } = ctx;
  const now = ctx.clock.now();
  const today = localDate(now);
  const personId = input.personId ?? actorId;
  const staff = await findStaff(db, schoolId);
  const names = new Map<string, PersonNameRow>(staff.map((p) => [p.id, p]));
  const person = names.get(personId);
  if (!person) throw new AppError('staff_absence_not_staff', { field: 'personId' });
  if (input.lastDay < input.firstDay) throw new AppError('staff_absence_dates', { field: 'lastDay' });
  if (input.lastDay < today) throw new AppError('staff_absence_in_past', { field: 'lastDay' });
  if (dayCount(input.firstDay, input.lastDay) > STAFF_ABSENCE_MAX_DAYS)
    throw new AppError('staff_absence_too_long', { field: 'lastDay', params: { maxDays: STAFF_ABSENCE_MAX_DAYS } });
  const substituteId = input.substituteId ?? null;
  if (substituteId === personId) throw new AppError('staff_absence_substitute_self', { field: 'substituteId' });
  const substitute = substituteId ? names.get(substituteId) : undefined;
  if (substituteId && !substitute) throw new AppError('staff_absence_substitute_not_staff', { field: 'substituteId' });

  const id = await inTransaction(ctx, async (tx) => {
    await lockPeople(tx.db, schoolId, [personId, ...(substituteId ? [substituteId] : [])]);
    const own = await findOverlappingAbsence(tx.db, schoolId, personId, input.firstDay, input.lastDay);
    if (own) {
      throw new AppError('staff_absence_overlap', {
        field: 'firstDay',
        params: { name: nameOf(person), firstDay: own.first_day, lastDay: own.last_day },
      });
    }
    if (substituteId && (await findOverlappingAbsence(tx.db, schoolId, substituteId, input.firstDay, input.lastDay))) {
      throw new AppError('staff_absence_substitute_absent', {
        field: 'substituteId',
        params: { name: substitute ? nameOf(substitute) : '' },
      });
    }
    return insertStaffAbsence(tx.db, {
      schoolId,
      personId,
      firstDay: input.firstDay,
      lastDay: input.lastDay,
      substituteId,
      note: input.note ?? '',
      createdBy: actorId,
      at: now,
    });
  });
  const row = await findAbsence(db, schoolId, id);
  if (!row) throw new Error('an absence just stored was not found');
  return presentAbsence(row, names, today);
}

/**
 * Removes an absence (back early, registered by mistake): the person's own, or anyone's for the
 * leadership (the route's policy, `staff-absence.remove`).
 */
export async function deleteStaffAbsence(ctx: SignedInContext, schoolId: string, absenceId: string): Promise<void> {
  await deleteAbsenceRow(ctx.db, schoolId, absenceId);
}

export type DefaultRecipientKind = 'contact_teacher' | 'leader';

export interface GuardianMessageRouting {
  /** The staff participants of the new thread. */
  staffIds: string[];
  /** The promise; null when the principle sets no response time. */
  replyDueAt: Date | null;
  /** One sentence per absent recipient, in `locale`. */
  notices: string[];
  /** Who receives it, by name and why, for the composer. */
  recipients: Array<TMessageRouting['recipients'][number] & { personId: string }>;
  /** Those of `staffIds` who are away today. */
  absentIds: string[];
}

/**
 * Where a guardian's message to `recipients` (the child's contact teachers, or the leaders when the
 * class has none) goes when sent at `now`, and the promise: an absent recipient's substitute
 * receives it too; when nobody is at work to read it, the N working days count from the first
 * return (src/domain/calendar/staff-absence.ts). The absences that apply are those on the day
 * the message can first be read: today, or the next working day when sent on a day off. The
 * writer never receives their own message, as a recipient or as a substitute.
 */
export async function routeGuardianMessage(
  db: Db,
  schoolId: string,
  recipients: { ids: string[]; kind: DefaultRecipientKind },
  writerId: string,
  now: Date,
  locale: Locale,
): Promise<GuardianMessageRouting> {
  const defaults = { ...recipients, ids: recipients.ids.filter((id) => id !== writerId) };
  const [adopted, calendar] = await Promise.all([findAdoptedPrinciple(db, schoolId), loadSchoolCalendar(db, schoolId)]);
  const today = firstReadingDay(localDate(now), calendar);
  const absences = await findAbsencesFrom(db, schoolId, today, defaults.ids);
  const ofPerson = (rows: StaffAbsenceRow[], id: string) =>
    rows.filter((a) => a.person_id === id).map((a) => ({ firstDay: a.first_day, lastDay: a.last_day }));
  const coveringToday = (id: string) =>
    absences.find((a) => a.person_id === id && coversDay({ firstDay: a.first_day, lastDay: a.last_day }, today));
  const named = [...new Set(defaults.ids.flatMap((id) => coveringToday(id)?.substitute_id ?? []))].filter(
    (id) => id !== writerId,
  );
  const substituteAbsences = await findAbsencesFrom(db, schoolId, today, named);
  const atWork = new Set(
    named.filter((id) => absentThrough(ofPerson(substituteAbsences, id), today, calendar) === null),
  );

  const standing: RecipientToday[] = defaults.ids.map((id) => {
    const through = absentThrough(ofPerson(absences, id), today, calendar);
    const substituteId = coveringToday(id)?.substitute_id ?? null;
    return {
      personId: id,
      absentThrough: through,
      substituteId: through !== null && substituteId && atWork.has(substituteId) ? substituteId : null,
    };
  });
  const routing = routeAroundAbsences(standing);

  const workingDays = adopted?.principle.communication.responseTime?.workingDays;
  const due = !workingDays
    ? null
    : routing.countFromAfter
      ? replyDueAfterAbsence(now, workingDays, routing.countFromAfter, calendar)
      : replyDueAt(now, workingDays, calendar);

  const names = new Map((await findNames(db, schoolId, routing.staffIds)).map((p) => [p.id, nameOf(p)]));
  const nameList = (ids: string[]) => ids.map((id) => names.get(id) ?? '').join(staffAbsenceText('and', locale));
  const notices = routing.absent.map((a) => {
    const params = { absent: names.get(a.personId) ?? '', date: formatDay(a.absentThrough, locale) };
    if (a.substituteId) return staffAbsenceText('routedTo', locale, { ...params, to: nameList([a.substituteId]) });
    if (routing.readersNow.length > 0)
      return staffAbsenceText('routedTo', locale, { ...params, to: nameList(routing.readersNow) });
    return due
      ? staffAbsenceText('laterReply', locale, { ...params, due: formatDueDate(due, locale) })
      : staffAbsenceText('absentOnly', locale, params);
  });
  const substitutes = new Set(routing.absent.flatMap((a) => a.substituteId ?? []));
  return {
    staffIds: routing.staffIds,
    replyDueAt: due,
    notices,
    recipients: routing.staffIds.map((id) => ({
      personId: id,
      name: names.get(id) ?? '',
      kind: substitutes.has(id) && !defaults.ids.includes(id) ? 'substitute' : defaults.kind,
    })),
    absentIds: routing.absent.map((a) => a.personId),
  };
}

/** The default recipients of a guardian's message about a child in `classId`: its contact teachers, else the leaders. */
/** Of these staff, those away on the day of `now` (Europe/Copenhagen). */
export async function absentOn(
  db: Db,
  schoolId: string,
  personIds: readonly string[],
  now: Date,
): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const today = localDate(now);
  const absences = await findAbsencesFrom(db, schoolId, today, personIds);
  return new Set(
    absences.filter((a) => coversDay({ firstDay: a.first_day, lastDay: a.last_day }, today)).map((a) => a.person_id),
  );
}

export async function defaultRecipients(
  db: Db,
  schoolId: string,
  classId: string,
): Promise<{ ids: string[]; kind: DefaultRecipientKind }> {
  const contactTeachers = await findContactTeachers(db, schoolId, [classId]);
  return contactTeachers.length > 0
    ? { ids: contactTeachers, kind: 'contact_teacher' }
    : { ids: await findLeaders(db, schoolId), kind: 'leader' };
}

/**
 * What the composer shows a guardian before sending: who the message about their child will
 * reach today, any absence notice, and the promise. The route's policy has checked that the
 * caller may write about the child.
 */
export async function getMessageRouting(
  ctx: SignedInContext,
  schoolId: string,
  studentId: string,
): Promise<TMessageRouting> {
  const { personId } = await membershipWithPerson(ctx, schoolId);
  const classId = (await findStudent(ctx.db, schoolId, studentId))?.class_id;
  if (!classId) throw new AppError('not_found');
  const defaults = await defaultRecipients(ctx.db, schoolId, classId);
  const now = ctx.clock.now();
  const routing = await routeGuardianMessage(ctx.db, schoolId, defaults, personId, now, ctx.locale);
  // Who is away is told above; here, when those at work are off duty (their quiet hours).
  const atWork = routing.staffIds.filter((id) => !routing.absentIds.includes(id));
  const [settingsOf, calendar] = await Promise.all([
    loadNotificationSettings(ctx.db, schoolId, atWork),
    loadSchoolCalendar(ctx.db, schoolId),
  ]);
  const readFrom = firstOnDutyAfter(
    now,
    atWork.map((id) => settingsOf(id).quietHours),
    calendar,
  );
  const names = routing.recipients.filter((r) => atWork.includes(r.personId)).map((r) => r.name);
  const readFromText = readFrom
    ? staffAbsenceText(names.length === 1 ? 'offDutyOne' : 'offDutyMany', ctx.locale, {
        names: names.join(staffAbsenceText('and', ctx.locale)),
        when: formatDayAndTime(readFrom, ctx.locale),
      })
    : null;
  return {
    recipients: routing.recipients.map(({ personId: _id, ...r }) => r),
    notices: routing.notices,
    replyDueAt: routing.replyDueAt?.toISOString() ?? null,
    readFrom: readFrom?.toISOString() ?? null,
    readFromText,
  };
}

/**
 * The demo school's absence: 7.A's contact teacher is on a course from today for a week, and
 * 7.B's takes their guardian messages, so the demo guardian writing about Oscar (7.A) sees the
 * notice. 3.A's contact teacher, the demo account, stays at work so the other journeys are as
 * before.
 */
export async function addDemoStaffAbsence(db: Db, schoolId: string, registeredBy: string, now: Date): Promise<void> {
  const [absent, substitute] = await Promise.all([
    findContactTeacherOfClassCode(db, schoolId, '7A'),
    findContactTeacherOfClassCode(db, schoolId, '7B'),
  ]);
  if (!absent || !substitute) return;
  const today = localDate(now);
  const lastDay = addWorkingDays(today, 4, { closedDays: new Set() });
  await insertStaffAbsence(db, {
    schoolId,
    personId: absent,
    firstDay: today,
    lastDay,
    substituteId: substitute,
    note: 'Kursus',
    createdBy: registeredBy,
    at: now,
  });
}
