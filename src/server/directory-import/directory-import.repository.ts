import { sql, type Insertable } from 'kysely';
import type { Db } from '../db/database.js';
import type { ClassStaffRole, GuardianshipKind, PeopleTable, SchoolRole, StudentsTable } from '../db/schema.js';
import type { DirectorySnapshot, ImportPlan, PersonValues } from './import-plan.js';

const CHUNK = 1000;
function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `set col = excluded.col` for every column of an upsert but its key. */
const fromExcluded = (columns: readonly string[]) =>
  Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)])) as never;

export async function findSchoolByIdOrSlug(db: Db, idOrSlug: string) {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
  return db
    .selectFrom('schools')
    .select(['id', 'slug', 'name'])
    .where(isUuid ? 'id' : 'slug', '=', idOrSlug)
    .executeTakeFirst();
}

/** Two imports into one school wait for each other instead of racing on the same rows. */
export async function lockSchoolDirectory(trx: Db, schoolId: string): Promise<void> {
  await trx.selectFrom('schools').select('id').where('id', '=', schoolId).forNoKeyUpdate().execute();
}

/** The school's whole directory in external ids, plus the users behind the file's e-mail addresses. */
export async function loadDirectorySnapshot(
  db: Db,
  schoolId: string,
  emails: readonly string[],
  /** The school year in progress: a file's representatives are this year's seats (issue 12). */
  schoolYear: string,
): Promise<DirectorySnapshot> {
  const [classes, households, people, roles, classStaff, representatives, students, guardianships] = await Promise.all([
    db
      .selectFrom('classes')
      .select(['external_id', 'id', 'grade', 'letter'])
      .where('school_id', '=', schoolId)
      .execute(),
    db
      .selectFrom('households')
      .select(['external_id', 'id', 'address_line', 'postal_code', 'city'])
      .where('school_id', '=', schoolId)
      .execute(),
    db
      .selectFrom('people')
      .leftJoin('households', (j) =>
        j.onRef('households.school_id', '=', 'people.school_id').onRef('households.id', '=', 'people.household_id'),
      )
      // A student who writes to the school is a person too (people.student_id); the file lists
      // students as students, so those persons follow the students and are not the file's.
      .where('people.student_id', 'is', null)
      .select([
        'people.external_id',
        'people.id',
        'people.user_id',
        'people.given_name',
        'people.family_name',
        'people.email',
        'people.phone',
        'people.language',
        'people.needs_interpreter',
        'people.preferred_channel',
        'people.address_protected',
        'people.suspended',
        'people.suspended_reason',
        'people.contact_hours',
        'households.external_id as household',
      ])
      .where('people.school_id', '=', schoolId)
      .execute(),
    db.selectFrom('person_roles').select(['person_id', 'role']).where('school_id', '=', schoolId).execute(),
    db
      .selectFrom('class_staff')
      .innerJoin('classes', (j) =>
        j.onRef('classes.school_id', '=', 'class_staff.school_id').onRef('classes.id', '=', 'class_staff.class_id'),
      )
      .select(['class_staff.person_id', 'classes.external_id as class', 'class_staff.role'])
      .where('class_staff.school_id', '=', schoolId)
      .execute(),
    db
      .selectFrom('class_representatives')
      .innerJoin('classes', (j) =>
        j
          .onRef('classes.school_id', '=', 'class_representatives.school_id')
          .onRef('classes.id', '=', 'class_representatives.class_id'),
      )
      .select(['class_representatives.person_id', 'classes.external_id as class'])
      .where('class_representatives.school_id', '=', schoolId)
      .where('class_representatives.school_year', '=', schoolYear)
      .where('class_representatives.ended_on', 'is', null)
      .execute(),
    db
      .selectFrom('students')
      .innerJoin('classes', (j) =>
        j.onRef('classes.school_id', '=', 'students.school_id').onRef('classes.id', '=', 'students.class_id'),
      )
      .select([
        'students.external_id',
        'students.id',
        'students.user_id',
        'students.given_name',
        'students.family_name',
        'students.birth_date',
        'students.first_language',
        'classes.external_id as class',
      ])
      .where('students.school_id', '=', schoolId)
      .execute(),
    db
      .selectFrom('guardianships')
      .innerJoin('people', (j) =>
        j.onRef('people.school_id', '=', 'guardianships.school_id').onRef('people.id', '=', 'guardianships.person_id'),
      )
      .select(['guardianships.student_id', 'people.external_id as person', 'guardianships.kind'])
      .where('guardianships.school_id', '=', schoolId)
      .execute(),
  ]);

  const usersByEmail = new Map<string, string>();
  for (const part of chunks([...new Set(emails)])) {
    const users = await db
      .selectFrom('users')
      .select(['id', sql<string>`lower(email)`.as('email')])
      .where(sql`lower(email)`, 'in', part)
      .execute();
    for (const u of users) usersByEmail.set(u.email, u.id);
  }

  const group = <R, K, V>(rows: R[], key: (r: R) => K, value: (r: R) => V) => {
    const map = new Map<K, V[]>();
    for (const r of rows) map.set(key(r), [...(map.get(key(r)) ?? []), value(r)]);
    return map;
  };
  const rolesOf = group(
    roles,
    (r) => r.person_id,
    (r) => r.role,
  );
  const staffOf = group(
    classStaff,
    (r) => r.person_id,
    (r): [string, ClassStaffRole] => [r.class, r.role],
  );
  const repsOf = group(
    representatives,
    (r) => r.person_id,
    (r) => r.class,
  );
  const guardiansOf = group(
    guardianships,
    (r) => r.student_id,
    (r): [string, GuardianshipKind] => [r.person, r.kind],
  );

  return {
    classes: new Map(classes.map((c) => [c.external_id, { id: c.id, grade: c.grade, letter: c.letter }])),
    households: new Map(
      households.map((h) => [
        h.external_id,
        { id: h.id, address: { address_line: h.address_line, postal_code: h.postal_code, city: h.city } },
      ]),
    ),
    people: new Map(
      people.map((p) => [
        p.external_id,
        {
          id: p.id,
          userId: p.user_id,
          household: p.household,
          values: {
            given_name: p.given_name,
            family_name: p.family_name,
            email: p.email,
            phone: p.phone,
            language: p.language,
            needs_interpreter: p.needs_interpreter,
            preferred_channel: p.preferred_channel,
            address_protected: p.address_protected,
            suspended: p.suspended,
            suspended_reason: p.suspended_reason,
            contact_hours: p.contact_hours,
          },
          roles: new Set<SchoolRole>(rolesOf.get(p.id) ?? []),
          classStaff: new Map(staffOf.get(p.id) ?? []),
          representativeOf: new Set(repsOf.get(p.id) ?? []),
        },
      ]),
    ),
    students: new Map(
      students.map((s) => [
        s.external_id,
        {
          id: s.id,
          userId: s.user_id,
          classExternalId: s.class,
          values: {
            given_name: s.given_name,
            family_name: s.family_name,
            birth_date: s.birth_date,
            first_language: s.first_language,
          },
          guardians: new Map(guardiansOf.get(s.id) ?? []),
        },
      ]),
    ),
    usersByEmail,
  };
}

async function idsByExternalId(
  db: Db,
  table: 'classes' | 'households' | 'people' | 'students',
  schoolId: string,
): Promise<Map<string, string>> {
  const rows = await db.selectFrom(table).select(['external_id', 'id']).where('school_id', '=', schoolId).execute();
  return new Map(rows.map((r) => [r.external_id, r.id]));
}

/** Rows of one upsert must share their columns; rows that leave different fields alone go in separate statements. */
function byColumns<T extends object>(rows: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = Object.keys(row).sort().join(',');
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()];
}

/**
 * Writes a checked plan: upserts keyed by (school_id, external_id), so running the same file
 * again changes nothing. Unchanged records are not touched. Must run inside a transaction.
 */
export async function applyImportPlan(db: Db, schoolId: string, plan: ImportPlan, schoolYear: string): Promise<void> {
  const userIds = new Map<string, string>();
  const loginEmails = [
    ...new Set([...plan.people, ...plan.students].flatMap((r) => (r.loginEmail ? [r.loginEmail] : []))),
  ];
  for (const part of chunks(plan.newUsers)) {
    await db
      .insertInto('users')
      .values(
        part.map((u) => ({
          email: u.email,
          name: u.name,
          locale: u.locale,
          password_hash: null,
          oidc_issuer: null,
          oidc_subject: null,
        })),
      )
      .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
      .execute();
  }
  for (const part of chunks(loginEmails)) {
    const users = await db
      .selectFrom('users')
      .select(['id', sql<string>`lower(email)`.as('email')])
      .where(sql`lower(email)`, 'in', part)
      .execute();
    for (const u of users) userIds.set(u.email, u.id);
  }

  const classes = plan.classes.filter((c) => c.status !== 'unchanged');
  for (const part of chunks(classes)) {
    await db
      .insertInto('classes')
      .values(part.map((c) => ({ school_id: schoolId, external_id: c.externalId, grade: c.grade, letter: c.letter })))
      .onConflict((oc) => oc.columns(['school_id', 'external_id']).doUpdateSet(fromExcluded(['grade', 'letter'])))
      .execute();
  }
  const classIds = await idsByExternalId(db, 'classes', schoolId);

  const households = plan.households.filter((h) => h.status !== 'unchanged');
  for (const group of byColumns(
    households.map((h) => ({ school_id: schoolId, external_id: h.externalId, ...h.address })),
  )) {
    const columns = Object.keys(group[0]!).filter((c) => c !== 'school_id' && c !== 'external_id');
    for (const part of chunks(group)) {
      await db
        .insertInto('households')
        .values(part)
        .onConflict((oc) => {
          const target = oc.columns(['school_id', 'external_id']);
          return columns.length > 0 ? target.doUpdateSet(fromExcluded(columns)) : target.doNothing();
        })
        .execute();
    }
  }
  const householdIds = await idsByExternalId(db, 'households', schoolId);

  const people = plan.people.filter((p) => p.status !== 'unchanged');
  const personRows = people.map((p) => {
    const row: Insertable<PeopleTable> & Partial<PersonValues> = {
      school_id: schoolId,
      external_id: p.externalId,
      given_name: p.values.given_name ?? '',
      family_name: p.values.family_name ?? '',
      ...p.values,
    };
    if (p.household !== undefined) row.household_id = p.household === null ? null : householdIds.get(p.household)!;
    if (p.loginEmail) row.user_id = userIds.get(p.loginEmail)!;
    return row;
  });
  for (const group of byColumns(personRows)) {
    const columns = Object.keys(group[0]!).filter((c) => c !== 'school_id' && c !== 'external_id');
    for (const part of chunks(group)) {
      await db
        .insertInto('people')
        .values(part)
        .onConflict((oc) => oc.columns(['school_id', 'external_id']).doUpdateSet(fromExcluded(columns)))
        .execute();
    }
  }
  const personIds = await idsByExternalId(db, 'people', schoolId);

  const roleChanges = people.filter((p) => p.rolesChanged && p.roles);
  for (const scope of ['all', 'board'] as const) {
    const ids = roleChanges.filter((p) => p.roles!.scope === scope).map((p) => personIds.get(p.externalId)!);
    for (const part of chunks(ids)) {
      let del = db.deleteFrom('person_roles').where('school_id', '=', schoolId).where('person_id', 'in', part);
      if (scope === 'board') del = del.where('role', '=', 'board_member');
      await del.execute();
    }
  }
  const roleRows = roleChanges.flatMap((p) =>
    p.roles!.roles.map((role) => ({ school_id: schoolId, person_id: personIds.get(p.externalId)!, role })),
  );
  for (const part of chunks(roleRows)) await db.insertInto('person_roles').values(part).execute();

  const staffChanges = people.filter((p) => p.classStaffChanged && p.classStaff);
  for (const part of chunks(staffChanges.map((p) => personIds.get(p.externalId)!))) {
    await db.deleteFrom('class_staff').where('school_id', '=', schoolId).where('person_id', 'in', part).execute();
  }
  const staffRows = staffChanges.flatMap((p) =>
    [...p.classStaff!].map(([classId, role]) => ({
      school_id: schoolId,
      class_id: classIds.get(classId)!,
      person_id: personIds.get(p.externalId)!,
      role,
    })),
  );
  for (const part of chunks(staffRows)) await db.insertInto('class_staff').values(part).execute();

  const students = plan.students.filter((s) => s.status !== 'unchanged');
  const studentRows = students.map((s) => {
    const row: Insertable<StudentsTable> = {
      school_id: schoolId,
      external_id: s.externalId,
      given_name: s.values.given_name ?? '',
      family_name: s.values.family_name ?? '',
      class_id: classIds.get(s.classExternalId)!,
      ...s.values,
    };
    if (s.loginEmail) row.user_id = userIds.get(s.loginEmail)!;
    return row;
  });
  for (const group of byColumns(studentRows)) {
    const columns = Object.keys(group[0]!).filter((c) => c !== 'school_id' && c !== 'external_id');
    for (const part of chunks(group)) {
      await db
        .insertInto('students')
        .values(part)
        .onConflict((oc) => oc.columns(['school_id', 'external_id']).doUpdateSet(fromExcluded(columns)))
        .execute();
    }
  }
  const studentIds = await idsByExternalId(db, 'students', schoolId);

  for (const part of chunks(plan.removedRelations, 200)) {
    await db
      .deleteFrom('guardianships')
      .where('school_id', '=', schoolId)
      .where((eb) =>
        eb.or(
          part.map((r) =>
            eb.and([
              eb('student_id', '=', studentIds.get(r.studentExternalId)!),
              eb('person_id', '=', personIds.get(r.personExternalId)!),
            ]),
          ),
        ),
      )
      .execute();
  }
  const relations = plan.relations.filter((r) => r.status !== 'unchanged');
  for (const part of chunks(relations)) {
    await db
      .insertInto('guardianships')
      .values(
        part.map((r) => ({
          school_id: schoolId,
          student_id: studentIds.get(r.studentExternalId)!,
          person_id: personIds.get(r.personExternalId)!,
          kind: r.kind,
        })),
      )
      .onConflict((oc) => oc.columns(['school_id', 'student_id', 'person_id']).doUpdateSet(fromExcluded(['kind'])))
      .execute();
  }

  const repChanges = people.filter((p) => p.representativesChanged && p.representativeOf);
  for (const part of chunks(repChanges.map((p) => personIds.get(p.externalId)!))) {
    await db
      .deleteFrom('class_representatives')
      .where('school_id', '=', schoolId)
      .where('school_year', '=', schoolYear)
      .where('person_id', 'in', part)
      .execute();
  }
  const repRows = repChanges.flatMap((p) =>
    p.representativeOf!.map((classId) => ({
      school_id: schoolId,
      class_id: classIds.get(classId)!,
      person_id: personIds.get(p.externalId)!,
      school_year: schoolYear,
    })),
  );
  for (const part of chunks(repRows)) await db.insertInto('class_representatives').values(part).execute();
  await syncStudentPeople(db, schoolId);
}

/**
 * Every student with a login is also a person of the school, so they take part in their own
 * conversations with their contact teacher as anyone else does (people.student_id). Names and the
 * login follow the student record; a login that is already an adult's person at the school is left.
 */
export async function syncStudentPeople(db: Db, schoolId: string): Promise<void> {
  await sql`
    insert into people (school_id, external_id, user_id, given_name, family_name, student_id)
    select s.school_id, 'student:' || s.id, s.user_id, s.given_name, s.family_name, s.id
    from students s
    where s.school_id = ${schoolId}
      and s.user_id is not null
      and not exists (
        select 1 from people adult
        where adult.school_id = s.school_id and adult.user_id = s.user_id and adult.student_id is distinct from s.id
      )
    on conflict (school_id, external_id) do update
      set user_id = excluded.user_id, given_name = excluded.given_name, family_name = excluded.family_name`.execute(db);
}

export async function insertImportRun(
  db: Db,
  run: { schoolId: string; at: Date; byName: string; fileName: string; dryRun: boolean; summary: unknown },
): Promise<string> {
  const row = await db
    .insertInto('import_runs')
    .values({
      school_id: run.schoolId,
      at: run.at,
      by_name: run.byName,
      file_name: run.fileName,
      dry_run: run.dryRun,
      summary: JSON.stringify(run.summary),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function listImportRuns(db: Db, schoolId: string, limit: number) {
  return db
    .selectFrom('import_runs')
    .select(['id', 'at', 'by_name', 'file_name', 'dry_run', 'summary'])
    .where('school_id', '=', schoolId)
    .orderBy('at', 'desc')
    .limit(limit)
    .execute();
}
