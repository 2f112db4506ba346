import { sql } from 'kysely';
import type { Db } from '../db/database.js';

export interface ClassRow {
  id: string;
  grade: number;
  letter: string;
}

export async function findClass(db: Db, schoolId: string, classId: string): Promise<ClassRow | undefined> {
  return db
    .selectFrom('classes')
    .select(['id', 'grade', 'letter'])
    .where('school_id', '=', schoolId)
    .where('id', '=', classId)
    .executeTakeFirst();
}

export interface ChildRow {
  id: string;
  given_name: string;
  family_name: string;
}

/** The class's children, in a fixed order. */
export async function findClassChildren(db: Db, schoolId: string, classId: string): Promise<ChildRow[]> {
  return db
    .selectFrom('students')
    .select(['id', 'given_name', 'family_name'])
    .where('school_id', '=', schoolId)
    .where('class_id', '=', classId)
    .orderBy('given_name')
    .orderBy('family_name')
    .orderBy('id')
    .execute();
}

/** A child and its class. */
export async function findStudent(
  db: Db,
  schoolId: string,
  studentId: string,
): Promise<(ChildRow & { class_id: string; grade: number; letter: string }) | undefined> {
  return db
    .selectFrom('students as s')
    .innerJoin('classes as c', (j) => j.onRef('c.school_id', '=', 's.school_id').onRef('c.id', '=', 's.class_id'))
    .select(['s.id', 's.given_name', 's.family_name', 's.class_id', 'c.grade', 'c.letter'])
    .where('s.school_id', '=', schoolId)
    .where('s.id', '=', studentId)
    .executeTakeFirst();
}

export interface PlanRow {
  class_id: string;
  group_size: number;
  seed: number;
  generated_by: string;
  generated_at: Date;
  idempotency_key: string | null;
}

export async function findPlan(db: Db, schoolId: string, classId: string): Promise<PlanRow | undefined> {
  return db
    .selectFrom('play_group_plans')
    .select(['class_id', 'group_size', 'seed', 'generated_by', 'generated_at', 'idempotency_key'])
    .where('school_id', '=', schoolId)
    .where('class_id', '=', classId)
    .executeTakeFirst();
}

/**
 * Takes the class's plan row for this generation (inserted or updated): the row lock makes two
 * generations of one class at once run one after the other.
 */
export async function storePlan(
  db: Db,
  p: {
    schoolId: string;
    classId: string;
    groupSize: number;
    seed: number;
    generatedBy: string;
    generatedAt: Date;
    idempotencyKey: string | null;
  },
): Promise<void> {
  const values = {
    group_size: p.groupSize,
    seed: p.seed,
    generated_by: p.generatedBy,
    generated_at: p.generatedAt,
    idempotency_key: p.idempotencyKey,
  };
  await db
    .insertInto('play_group_plans')
    .values({ school_id: p.schoolId, class_id: p.classId, ...values })
    .onConflict((oc) => oc.columns(['school_id', 'class_id']).doUpdateSet(values))
    .execute();
}

/** Locks the class's plan row for the unit of work, if there is one (generations and host changes wait for each other). */
export async function lockPlan(db: Db, schoolId: string, classId: string): Promise<PlanRow | undefined> {
  return db
    .selectFrom('play_group_plans')
    .select(['class_id', 'group_size', 'seed', 'generated_by', 'generated_at', 'idempotency_key'])
    .where('school_id', '=', schoolId)
    .where('class_id', '=', classId)
    .forUpdate()
    .executeTakeFirst();
}

/** Removes the class's rounds after a day (their groups and members go with them). */
export async function deleteRoundsAfter(db: Db, schoolId: string, classId: string, day: string): Promise<void> {
  await db
    .deleteFrom('play_group_rounds')
    .where('school_id', '=', schoolId)
    .where('class_id', '=', classId)
    .where('meets_on', '>', day)
    .execute();
}

export interface MemberRow {
  round_id: string;
  meets_on: string;
  group_id: string;
  number: number;
  student_id: string;
  hosts: boolean;
}

/** Every child in every group of the class's rounds, by day and group. */
export async function findMembers(db: Db, schoolId: string, classId: string): Promise<MemberRow[]> {
  return db
    .selectFrom('play_group_rounds as r')
    .innerJoin('play_group_members as m', (j) =>
      j.onRef('m.school_id', '=', 'r.school_id').onRef('m.round_id', '=', 'r.id'),
    )
    .innerJoin('play_group_groups as g', (j) =>
      j.onRef('g.school_id', '=', 'm.school_id').onRef('g.id', '=', 'm.group_id'),
    )
    .select(['r.id as round_id', 'r.meets_on', 'g.id as group_id', 'g.number', 'm.student_id', 'm.hosts'])
    .where('r.school_id', '=', schoolId)
    .where('r.class_id', '=', classId)
    .orderBy('r.meets_on')
    .orderBy('g.number')
    .orderBy('m.student_id')
    .execute();
}

/** Stores one round: its groups in order, each with its children and its host (if any). */
export async function insertRound(
  db: Db,
  schoolId: string,
  classId: string,
  meetsOn: string,
  groups: readonly { children: readonly string[]; host: string | null }[],
): Promise<void> {
  const round = await db
    .insertInto('play_group_rounds')
    .values({ school_id: schoolId, class_id: classId, meets_on: meetsOn })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids = await db
    .insertInto('play_group_groups')
    .values(groups.map((_, i) => ({ school_id: schoolId, round_id: round.id, number: i + 1 })))
    .returning(['id', 'number'])
    .execute();
  const idOf = new Map(ids.map((g) => [g.number, g.id]));
  const members = groups.flatMap((group, i) =>
    group.children.map((studentId) => ({
      school_id: schoolId,
      round_id: round.id,
      group_id: idOf.get(i + 1)!,
      student_id: studentId,
      hosts: studentId === group.host,
    })),
  );
  if (members.length > 0) await db.insertInto('play_group_members').values(members).execute();
}

/** Moves a group's hosting to another child of it, or to none. */
export async function setGroupHost(db: Db, schoolId: string, groupId: string, host: string | null): Promise<void> {
  await db
    .updateTable('play_group_members')
    .set({ hosts: false })
    .where('school_id', '=', schoolId)
    .where('group_id', '=', groupId)
    .where('hosts', '=', true)
    .execute();
  if (host)
    await db
      .updateTable('play_group_members')
      .set({ hosts: true })
      .where('school_id', '=', schoolId)
      .where('group_id', '=', groupId)
      .where('student_id', '=', host)
      .execute();
}

export interface HostingRow {
  student_id: string;
  declined: boolean;
  /** The child's custody holders who can be named as the hosting family: not suspended, not under address protection. */
  family: string[];
}

/** Whether each child's home may host, and the names it hosts under. */
export async function findHosting(db: Db, schoolId: string, studentIds: readonly string[]): Promise<HostingRow[]> {
  if (studentIds.length === 0) return [];
  const [declines, guardians] = await Promise.all([
    db
      .selectFrom('play_group_host_declines')
      .select('student_id')
      .where('school_id', '=', schoolId)
      .where('student_id', 'in', [...studentIds])
      .execute(),
    db
      .selectFrom('guardianships as g')
      .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'g.school_id').onRef('p.id', '=', 'g.person_id'))
      .select(['g.student_id', 'p.given_name', 'p.family_name'])
      .where('g.school_id', '=', schoolId)
      .where('g.student_id', 'in', [...studentIds])
      .where('g.kind', '=', 'custody')
      .where('p.suspended', '=', false)
      .where('p.address_protected', '=', false)
      .orderBy('p.given_name')
      .orderBy('p.id')
      .execute(),
  ]);
  const declined = new Set(declines.map((d) => d.student_id));
  return studentIds.map((id) => ({
    student_id: id,
    declined: declined.has(id),
    family: guardians.filter((g) => g.student_id === id).map((g) => `${g.given_name} ${g.family_name}`.trim()),
  }));
}

export async function insertHostDecline(
  db: Db,
  r: { schoolId: string; studentId: string; declinedBy: string; declinedAt: Date },
): Promise<void> {
  await db
    .insertInto('play_group_host_declines')
    .values({ school_id: r.schoolId, student_id: r.studentId, declined_by: r.declinedBy, declined_at: r.declinedAt })
    .onConflict((oc) => oc.columns(['school_id', 'student_id']).doNothing())
    .execute();
}

export async function deleteHostDecline(db: Db, schoolId: string, studentId: string): Promise<void> {
  await db
    .deleteFrom('play_group_host_declines')
    .where('school_id', '=', schoolId)
    .where('student_id', '=', studentId)
    .execute();
}

export interface ApartPairRow {
  id: string;
  student_a: string;
  student_b: string;
  reason: string;
  created_at: Date;
  creator_given_name: string;
  creator_family_name: string;
}

/** The pairs kept apart in a class, both children still in it. */
export async function findApartPairs(db: Db, schoolId: string, classId: string): Promise<ApartPairRow[]> {
  return db
    .selectFrom('play_group_apart_pairs as a')
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'a.school_id').onRef('p.id', '=', 'a.created_by'))
    .select([
      'a.id',
      'a.student_a',
      'a.student_b',
      'a.reason',
      'a.created_at',
      'p.given_name as creator_given_name',
      'p.family_name as creator_family_name',
    ])
    .where('a.school_id', '=', schoolId)
    .where('a.class_id', '=', classId)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('students as s')
          .select(sql`1`.as('one'))
          .whereRef('s.school_id', '=', 'a.school_id')
          .whereRef('s.id', '=', 'a.student_a')
          .whereRef('s.class_id', '=', 'a.class_id'),
      ),
    )
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('students as s')
          .select(sql`1`.as('one'))
          .whereRef('s.school_id', '=', 'a.school_id')
          .whereRef('s.id', '=', 'a.student_b')
          .whereRef('s.class_id', '=', 'a.class_id'),
      ),
    )
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}

/** Stores a pair (in id order); undefined when the pair is kept apart already. */
export async function insertApartPair(
  db: Db,
  r: { schoolId: string; classId: string; a: string; b: string; reason: string; createdBy: string; createdAt: Date },
): Promise<string | undefined> {
  const row = await db
    .insertInto('play_group_apart_pairs')
    .values({
      school_id: r.schoolId,
      class_id: r.classId,
      student_a: r.a,
      student_b: r.b,
      reason: r.reason,
      created_by: r.createdBy,
      created_at: r.createdAt,
    })
    .onConflict((oc) => oc.columns(['school_id', 'student_a', 'student_b']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Removes a pair of the class; false when the class has no such pair. */
export async function deleteApartPair(db: Db, schoolId: string, classId: string, pairId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('play_group_apart_pairs')
    .where('school_id', '=', schoolId)
    .where('class_id', '=', classId)
    .where('id', '=', pairId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Classes with play groups, with how many rounds and the next day after `today`. */
export async function findPlannedClasses(
  db: Db,
  schoolId: string,
  classIds: readonly string[] | 'all',
  today: string,
): Promise<{ class_id: string; grade: number; letter: string; rounds: number; next_meets_on: string | null }[]> {
  if (classIds !== 'all' && classIds.length === 0) return [];
  let query = db
    .selectFrom('classes as c')
    .leftJoin('play_group_rounds as r', (j) =>
      j.onRef('r.school_id', '=', 'c.school_id').onRef('r.class_id', '=', 'c.id'),
    )
    .select([
      'c.id as class_id',
      'c.grade',
      'c.letter',
      sql<number>`count(r.id)::int`.as('rounds'),
      sql<string | null>`to_char(min(r.meets_on) filter (where r.meets_on >= ${today}), 'YYYY-MM-DD')`.as(
        'next_meets_on',
      ),
    ])
    .where('c.school_id', '=', schoolId)
    .groupBy(['c.id', 'c.grade', 'c.letter'])
    .orderBy('c.grade')
    .orderBy('c.letter');
  if (classIds === 'all') query = query.having(sql<boolean>`count(r.id) > 0`);
  else query = query.where('c.id', 'in', [...classIds]);
  return query.execute();
}

/** A child's custody holders (by person id), for the demo school's declined host. */
export async function findCustodyHolderIds(db: Db, schoolId: string, studentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('guardianships')
    .select('person_id')
    .where('school_id', '=', schoolId)
    .where('student_id', '=', studentId)
    .where('kind', '=', 'custody')
    .orderBy('person_id')
    .execute();
  return rows.map((r) => r.person_id);
}

/** A class's parent representatives (by person id). */
export async function findRepresentativeIds(db: Db, schoolId: string, classId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('class_representatives')
    .select('person_id')
    .where('school_id', '=', schoolId)
    .where('class_id', '=', classId)
    .orderBy('person_id')
    .execute();
  return rows.map((r) => r.person_id);
}
