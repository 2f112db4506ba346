import type { Db } from '../db/database.js';
import type { PlanFigures, PlanPlacement, PlanUnplaced } from '../db/schema.js';
import type { TRoundTime } from '../../shared/api/conference.schema.js';
import { className } from '../../shared/api/directory.schema.js';
import type { PlanRows } from './plan-instance.js';
import { findMeetingsOfPeople } from './invitation.repository.js';
import { findRounds, meetingRoles } from './round.repository.js';

/** The afternoons of planned rounds and the times the homes of `invitationIds` marked. */
export async function findDaysAndAvailability(
  db: Db,
  schoolId: string,
  roundIds: readonly string[],
  invitationIds: readonly string[],
) {
  const [days, available] = await Promise.all([
    roundIds.length === 0
      ? []
      : db
          .selectFrom('conference_round_days')
          .select(['round_id', 'date', 'starts_at as from', 'ends_at as to'])
          .where('school_id', '=', schoolId)
          .where('round_id', 'in', [...roundIds])
          .orderBy('date')
          .execute(),
    invitationIds.length === 0
      ? []
      : db
          .selectFrom('conference_availability')
          .select(['invitation_id', 'date', 'starts_at as from', 'ends_at as to'])
          .where('school_id', '=', schoolId)
          .where('invitation_id', 'in', [...invitationIds])
          .orderBy('date')
          .execute(),
  ]);
  return { days, available };
}

/** Replaces the times a home marked for an invitation. */
export async function replaceAvailability(
  db: Db,
  schoolId: string,
  invitationId: string,
  times: readonly TRoundTime[],
  markedBy: string,
  at: Date,
): Promise<void> {
  await db
    .deleteFrom('conference_availability')
    .where('school_id', '=', schoolId)
    .where('invitation_id', '=', invitationId)
    .execute();
  if (times.length === 0) return;
  await db
    .insertInto('conference_availability')
    .values(
      times.map((time) => ({
        school_id: schoolId,
        invitation_id: invitationId,
        date: time.date,
        starts_at: time.from,
        ends_at: time.to,
        marked_by: markedBy,
        marked_at: at,
      })),
    )
    .execute();
}

/** Everything the scheduler's instance is built from (plan-instance.ts), for one round. */
export async function findPlanRows(db: Db, schoolId: string, roundId: string): Promise<PlanRows | null> {
  const { rounds, classes, days } = await findRounds(db, schoolId, { ids: [roundId] });
  const round = rounds[0];
  if (!round) return null;
  const classIds = classes.map((c) => c.class_id);
  const roles = meetingRoles(round.also_taking_part);
  const [staff, invitations, guardians, available, interpreters, interpreterTimes] = await Promise.all([
    classIds.length === 0
      ? []
      : db
          .selectFrom('class_staff as cs')
          .innerJoin('people as p', (j) =>
            j.onRef('p.school_id', '=', 'cs.school_id').onRef('p.id', '=', 'cs.person_id'),
          )
          .select(['cs.class_id', 'cs.role', 'p.id', 'p.given_name', 'p.family_name'])
          .where('cs.school_id', '=', schoolId)
          .where('cs.class_id', 'in', classIds)
          .where('cs.role', 'in', roles)
          .orderBy('p.given_name')
          .orderBy('p.id')
          .execute(),
    db
      .selectFrom('conference_invitations as i')
      .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'i.school_id').onRef('s.id', '=', 'i.student_id'))
      .select(['i.id', 'i.household_key', 'i.student_id', 'i.class_id', 's.given_name'])
      .where('i.school_id', '=', schoolId)
      .where('i.round_id', '=', roundId)
      .orderBy('i.id')
      .execute(),
    db
      .selectFrom('conference_invitation_guardians as ig')
      .innerJoin('conference_invitations as i', (j) =>
        j.onRef('i.school_id', '=', 'ig.school_id').onRef('i.id', '=', 'ig.invitation_id'),
      )
      .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'ig.school_id').onRef('p.id', '=', 'ig.person_id'))
      .select(['ig.invitation_id', 'p.language', 'p.needs_interpreter'])
      .where('ig.school_id', '=', schoolId)
      .where('i.round_id', '=', roundId)
      .orderBy('p.id')
      .execute(),
    db
      .selectFrom('conference_availability as a')
      .innerJoin('conference_invitations as i', (j) =>
        j.onRef('i.school_id', '=', 'a.school_id').onRef('i.id', '=', 'a.invitation_id'),
      )
      .select(['a.invitation_id', 'a.date', 'a.starts_at', 'a.ends_at'])
      .where('a.school_id', '=', schoolId)
      .where('i.round_id', '=', roundId)
      .execute(),
    db
      .selectFrom('conference_interpreters')
      .select(['id', 'name', 'languages'])
      .where('school_id', '=', schoolId)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('conference_interpreter_times')
      .select(['interpreter_id', 'date', 'starts_at', 'ends_at'])
      .where('school_id', '=', schoolId)
      .where('round_id', '=', roundId)
      .execute(),
  ]);
  const rank = (role: string) => roles.indexOf(role as (typeof roles)[number]);
  const planned = {
    round: {
      id: round.id,
      name: round.name,
      days: days.map((d) => ({ date: d.date, from: d.starts_at, to: d.ends_at })),
      minutesByGrade: round.minutes_by_grade,
      formats: round.formats,
    },
    classes: classes.map((c) => {
      const members = staff.filter((s) => s.class_id === c.class_id).sort((a, b) => rank(a.role) - rank(b.role));
      // One of each role: the contact teacher, then one colleague per choice.
      const seen = new Set<string>();
      const classStaff = members
        .filter((s) => !seen.has(s.role) && seen.add(s.role))
        .map((s) => ({ id: s.id, name: `${s.given_name} ${s.family_name}`.trim() }));
      // The round's counsellor takes part in every meeting, of every class.
      const counsellor = round.counsellor_id
        ? [
            {
              id: round.counsellor_id,
              name: `${round.counsellor_given_name ?? ''} ${round.counsellor_family_name ?? ''}`.trim(),
            },
          ]
        : [];
      return {
        id: c.class_id,
        name: className(c.grade, c.letter),
        grade: c.grade,
        room: c.room,
        staff: [...classStaff, ...counsellor.filter((person) => !classStaff.some((s) => s.id === person.id))],
      };
    }),
    invitations: invitations.map((i) => {
      const own = guardians.filter((g) => g.invitation_id === i.id);
      const needing = own.find((g) => g.needs_interpreter);
      return {
        id: i.id,
        householdKey: i.household_key,
        studentId: i.student_id,
        childName: i.given_name,
        classId: i.class_id,
        language: (needing ?? own[0])?.language ?? 'da',
        needsInterpreter: needing !== undefined,
        available: available
          .filter((a) => a.invitation_id === i.id)
          .map((a) => ({ date: a.date, from: a.starts_at, to: a.ends_at })),
      };
    }),
    interpreters: interpreters.map((i) => ({
      id: i.id,
      name: i.name,
      languages: i.languages,
      times: interpreterTimes
        .filter((t) => t.interpreter_id === i.id)
        .map((t) => ({ date: t.date, from: t.starts_at, to: t.ends_at })),
    })),
  };
  const people = [...new Set(planned.classes.flatMap((c) => c.staff.map((member) => member.id)))];
  return { ...planned, staffBusy: await findMeetingsOfPeople(db, schoolId, people, { roundId }) };
}

export function findPlan(db: Db, schoolId: string, roundId: string) {
  return db
    .selectFrom('conference_plans')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('round_id', '=', roundId)
    .executeTakeFirst();
}

/** A new search for the round's plan, replacing any earlier result. */
export async function queuePlan(db: Db, schoolId: string, roundId: string, requestedBy: string, at: Date) {
  const fresh = {
    state: 'queued' as const,
    requested_by: requestedBy,
    requested_at: at,
    started_at: null,
    ends_by: null,
    finished_at: null,
    instance: null,
    placements: '[]',
    unplaced: '[]',
    figures: null,
    published_at: null,
  };
  await db
    .insertInto('conference_plans')
    .values({ school_id: schoolId, round_id: roundId, ...fresh })
    .onConflict((oc) => oc.columns(['school_id', 'round_id']).doUpdateSet(fresh))
    .execute();
}

export async function updatePlan(
  db: Db,
  schoolId: string,
  roundId: string,
  change: {
    state?: 'running' | 'done' | 'failed';
    startedAt?: Date;
    endsBy?: Date;
    finishedAt?: Date;
    instance?: unknown;
    placements?: PlanPlacement[];
    unplaced?: PlanUnplaced[];
    figures?: PlanFigures;
    publishedAt?: Date;
  },
): Promise<void> {
  await db
    .updateTable('conference_plans')
    .set({
      ...(change.state ? { state: change.state } : {}),
      ...(change.startedAt ? { started_at: change.startedAt } : {}),
      ...(change.endsBy ? { ends_by: change.endsBy } : {}),
      ...(change.finishedAt ? { finished_at: change.finishedAt } : {}),
      ...(change.instance !== undefined ? { instance: JSON.stringify(change.instance) } : {}),
      ...(change.placements ? { placements: JSON.stringify(change.placements) } : {}),
      ...(change.unplaced ? { unplaced: JSON.stringify(change.unplaced) } : {}),
      ...(change.figures ? { figures: JSON.stringify(change.figures) } : {}),
      ...(change.publishedAt ? { published_at: change.publishedAt } : {}),
    })
    .where('school_id', '=', schoolId)
    .where('round_id', '=', roundId)
    .execute();
}

export async function setRoundStatusTo(
  db: Db,
  schoolId: string,
  roundId: string,
  status: 'open' | 'planning' | 'published',
): Promise<void> {
  await db
    .updateTable('conference_rounds')
    .set({ status })
    .where('school_id', '=', schoolId)
    .where('id', '=', roundId)
    .execute();
}

/** The school's interpreters with their free times in a round (none: every interpreter, no times). */
export async function findInterpreters(db: Db, schoolId: string, roundId?: string) {
  const [interpreters, times] = await Promise.all([
    db
      .selectFrom('conference_interpreters')
      .select(['id', 'name', 'languages'])
      .where('school_id', '=', schoolId)
      .orderBy('name')
      .orderBy('id')
      .execute(),
    roundId
      ? db
          .selectFrom('conference_interpreter_times')
          .select(['interpreter_id', 'date', 'starts_at as from', 'ends_at as to'])
          .where('school_id', '=', schoolId)
          .where('round_id', '=', roundId)
          .orderBy('date')
          .execute()
      : [],
  ]);
  return interpreters.map((i) => ({
    ...i,
    times: times.filter((t) => t.interpreter_id === i.id).map(({ date, from, to }) => ({ date, from, to })),
  }));
}

export async function insertInterpreter(
  db: Db,
  row: { schoolId: string; name: string; languages: string[]; at: Date },
): Promise<string> {
  const { id } = await db
    .insertInto('conference_interpreters')
    .values({
      school_id: row.schoolId,
      name: row.name,
      languages: JSON.stringify(row.languages),
      created_at: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function replaceInterpreterTimes(
  db: Db,
  schoolId: string,
  roundId: string,
  interpreterId: string,
  times: readonly TRoundTime[],
): Promise<void> {
  await db
    .deleteFrom('conference_interpreter_times')
    .where('school_id', '=', schoolId)
    .where('round_id', '=', roundId)
    .where('interpreter_id', '=', interpreterId)
    .execute();
  if (times.length === 0) return;
  await db
    .insertInto('conference_interpreter_times')
    .values(
      times.map((t) => ({
        school_id: schoolId,
        round_id: roundId,
        interpreter_id: interpreterId,
        date: t.date,
        starts_at: t.from,
        ends_at: t.to,
      })),
    )
    .execute();
}

/** The invitations of a round whose homes have marked afternoons that suit them. */
export function findMarkedInvitations(db: Db, schoolId: string, roundId: string) {
  return db
    .selectFrom('conference_availability as a')
    .innerJoin('conference_invitations as i', (j) =>
      j.onRef('i.school_id', '=', 'a.school_id').onRef('i.id', '=', 'a.invitation_id'),
    )
    .select('a.invitation_id')
    .distinct()
    .where('a.school_id', '=', schoolId)
    .where('i.round_id', '=', roundId)
    .execute();
}

/** A round's invitations with each child's first name. */
export function findRoundInvitationChildren(db: Db, schoolId: string, roundId: string) {
  return db
    .selectFrom('conference_invitations as i')
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'i.school_id').onRef('s.id', '=', 'i.student_id'))
    .select(['i.id', 'i.class_id', 's.given_name'])
    .where('i.school_id', '=', schoolId)
    .where('i.round_id', '=', roundId)
    .execute();
}
