import type { Db } from '../db/database.js';
import type { TCreateRound } from '../../shared/api/conference.schema.js';

/** A round as stored, with its creator's name. */
export interface RoundRow {
  school_id: string;
  id: string;
  name: string;
  kind: 'regular' | 'needs_based';
  filling: 'self_booking' | 'planned';
  status: 'draft' | 'open' | 'planning' | 'published' | 'finished';
  minutes_by_grade: Record<string, number>;
  also_taking_part: Array<'teacher' | 'pedagogue' | 'counsellor'>;
  formats: Array<'in_person' | 'phone' | 'video'>;
  video_link: string | null;
  invite_on: string;
  plans_by: string | null;
  created_at: Date;
  created_by_given_name: string;
  created_by_family_name: string;
  counsellor_id: string | null;
  counsellor_given_name: string | null;
  counsellor_family_name: string | null;
}

export interface RoundClassRow {
  round_id: string;
  class_id: string;
  grade: number;
  letter: string;
  room: string | null;
}

/** A student a needs-based round is for. */
export interface RoundStudentRow {
  round_id: string;
  student_id: string;
  given_name: string;
  family_name: string;
  grade: number;
  letter: string;
}

export interface RoundDayRow {
  round_id: string;
  date: string;
  starts_at: string;
  ends_at: string;
}

/**
 * Stores a new round with its classes and days. Null when the creator's idempotency key was used
 * before: the caller's unit of work is then undone and the earlier round answers.
 */
export async function insertRoundOnce(
  db: Db,
  round: TCreateRound & { schoolId: string; createdBy: string; at: Date; idempotencyKey: string | null },
): Promise<string | null> {
  const row = await db
    .insertInto('conference_rounds')
    .values({
      school_id: round.schoolId,
      name: round.name,
      kind: round.kind,
      filling: round.filling,
      minutes_by_grade: JSON.stringify(round.minutesByGrade),
      also_taking_part: JSON.stringify(round.alsoTakingPart),
      formats: JSON.stringify(round.formats),
      video_link: round.videoLink,
      counsellor_id: round.alsoTakingPart.includes('counsellor') ? round.counsellorId : null,
      invite_on: round.inviteOn,
      plans_by: round.plansBy,
      created_by: round.createdBy,
      created_at: round.at,
      idempotency_key: round.idempotencyKey,
    })
    .onConflict((oc) => oc.columns(['school_id', 'created_by', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return null;
  await db
    .insertInto('conference_round_classes')
    .values(
      round.classIds.map((classId) => ({
        school_id: round.schoolId,
        round_id: row.id,
        class_id: classId,
        room: round.rooms[classId] || null,
      })),
    )
    .execute();
  await db
    .insertInto('conference_round_days')
    .values(
      round.days.map((day) => ({
        school_id: round.schoolId,
        round_id: row.id,
        date: day.date,
        starts_at: day.from,
        ends_at: day.to,
      })),
    )
    .execute();
  if (round.studentIds.length > 0)
    await db
      .insertInto('conference_round_students')
      .values(
        round.studentIds.map((studentId) => ({ school_id: round.schoolId, round_id: row.id, student_id: studentId })),
      )
      .execute();
  return row.id;
}

/** The round an earlier create with this key stored, if any. */
export async function findRoundIdByKey(
  db: Db,
  schoolId: string,
  createdBy: string,
  idempotencyKey: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('conference_rounds')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('created_by', '=', createdBy)
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
  return row?.id;
}

/**
 * The school's rounds (or those of `ids`), newest first, with their classes and days. With
 * `classIds`, only rounds that hold one of those classes.
 */
export async function findRounds(
  db: Db,
  schoolId: string,
  filter: { ids?: readonly string[]; classIds?: readonly string[] } = {},
): Promise<{ rounds: RoundRow[]; classes: RoundClassRow[]; days: RoundDayRow[]; students: RoundStudentRow[] }> {
  if (filter.ids?.length === 0 || filter.classIds?.length === 0)
    return { rounds: [], classes: [], days: [], students: [] };
  let query = db
    .selectFrom('conference_rounds as r')
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'r.school_id').onRef('p.id', '=', 'r.created_by'))
    .leftJoin('people as counsellor', (j) =>
      j.onRef('counsellor.school_id', '=', 'r.school_id').onRef('counsellor.id', '=', 'r.counsellor_id'),
    )
    .select([
      'r.counsellor_id',
      'counsellor.given_name as counsellor_given_name',
      'counsellor.family_name as counsellor_family_name',
      'r.school_id',
      'r.id',
      'r.name',
      'r.kind',
      'r.filling',
      'r.status',
      'r.minutes_by_grade',
      'r.also_taking_part',
      'r.formats',
      'r.video_link',
      'r.invite_on',
      'r.plans_by',
      'r.created_at',
      'p.given_name as created_by_given_name',
      'p.family_name as created_by_family_name',
    ])
    .where('r.school_id', '=', schoolId)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id');
  if (filter.ids) query = query.where('r.id', 'in', [...filter.ids]);
  if (filter.classIds) {
    const classIds = [...filter.classIds];
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('conference_round_classes as rc')
          .select('rc.class_id')
          .whereRef('rc.school_id', '=', 'r.school_id')
          .whereRef('rc.round_id', '=', 'r.id')
          .where('rc.class_id', 'in', classIds),
      ),
    );
  }
  const rounds = await query.execute();
  if (rounds.length === 0) return { rounds: [], classes: [], days: [], students: [] };
  const roundIds = rounds.map((r) => r.id);
  const [classes, days, students] = await Promise.all([
    db
      .selectFrom('conference_round_classes as rc')
      .innerJoin('classes as c', (j) => j.onRef('c.school_id', '=', 'rc.school_id').onRef('c.id', '=', 'rc.class_id'))
      .select(['rc.round_id', 'rc.class_id', 'c.grade', 'c.letter', 'rc.room'])
      .where('rc.school_id', '=', schoolId)
      .where('rc.round_id', 'in', roundIds)
      .orderBy('c.grade')
      .orderBy('c.letter')
      .execute(),
    db
      .selectFrom('conference_round_days')
      .select(['round_id', 'date', 'starts_at', 'ends_at'])
      .where('school_id', '=', schoolId)
      .where('round_id', 'in', roundIds)
      .orderBy('date')
      .execute(),
    db
      .selectFrom('conference_round_students as rs')
      .innerJoin('students as s', (j) =>
        j.onRef('s.school_id', '=', 'rs.school_id').onRef('s.id', '=', 'rs.student_id'),
      )
      .innerJoin('classes as c', (j) => j.onRef('c.school_id', '=', 's.school_id').onRef('c.id', '=', 's.class_id'))
      .select(['rs.round_id', 'rs.student_id', 's.given_name', 's.family_name', 'c.grade', 'c.letter'])
      .where('rs.school_id', '=', schoolId)
      .where('rs.round_id', 'in', roundIds)
      .orderBy('c.grade')
      .orderBy('c.letter')
      .orderBy('s.given_name')
      .orderBy('s.family_name')
      .orderBy('rs.student_id')
      .execute(),
  ]);
  return { rounds: rounds as RoundRow[], classes, days, students };
}

/** The grades of the school's classes among `classIds`, by class id; unknown ids are left out. */
export async function findClassGrades(
  db: Db,
  schoolId: string,
  classIds: readonly string[],
): Promise<Map<string, number>> {
  if (classIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('classes')
    .select(['id', 'grade'])
    .where('school_id', '=', schoolId)
    .where('id', 'in', [...classIds])
    .execute();
  return new Map(rows.map((r) => [r.id, r.grade]));
}

/** How many of `studentIds` are students of the school in one of `classIds`: unknown ids and others' students do not count. */
export async function countStudentsInClasses(
  db: Db,
  schoolId: string,
  studentIds: readonly string[],
  classIds: readonly string[],
): Promise<number> {
  if (studentIds.length === 0 || classIds.length === 0) return 0;
  const row = await db
    .selectFrom('students')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('school_id', '=', schoolId)
    .where('id', 'in', [...studentIds])
    .where('class_id', 'in', [...classIds])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Of the classes, those with no contact teacher to hold their meetings, named ("3.B"), by grade and letter. */
export async function findClassesWithoutContactTeacher(
  db: Db,
  schoolId: string,
  classIds: readonly string[],
): Promise<string[]> {
  if (classIds.length === 0) return [];
  const rows = await db
    .selectFrom('classes as c')
    .select(['c.grade', 'c.letter'])
    .where('c.school_id', '=', schoolId)
    .where('c.id', 'in', [...classIds])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('class_staff as cs')
            .select('cs.person_id')
            .whereRef('cs.school_id', '=', 'c.school_id')
            .whereRef('cs.class_id', '=', 'c.id')
            .where('cs.role', '=', 'contact_teacher'),
        ),
      ),
    )
    .orderBy('c.grade')
    .orderBy('c.letter')
    .execute();
  return rows.map((row) => `${row.grade}.${row.letter}`);
}

/** Which class staff roles each "also taking part" choice brings (a counsellor is not a class role). */
const ROLE_OF = { teacher: 'teacher', pedagogue: 'pedagogue', counsellor: null } as const;

/** The class staff roles that hold a round's meetings: the contact teacher, and those the round asks to take part. */
export function meetingRoles(
  alsoTakingPart: ReadonlyArray<keyof typeof ROLE_OF>,
): Array<'contact_teacher' | 'teacher' | 'pedagogue'> {
  return ['contact_teacher', ...alsoTakingPart.flatMap((role) => (ROLE_OF[role] ? [ROLE_OF[role]] : []))];
}

/** Whether a person works at the school (teacher, pedagogue or leader): who may take part as a round's counsellor. */
export async function isSchoolStaff(db: Db, schoolId: string, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('person_roles')
    .select('person_id')
    .where('school_id', '=', schoolId)
    .where('person_id', '=', personId)
    .where('role', 'in', ['teacher', 'pedagogue', 'leader'])
    .executeTakeFirst();
  return row !== undefined;
}
