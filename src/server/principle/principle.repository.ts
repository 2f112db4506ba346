import type { Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { PrincipleStatus, PrincipleVersionsTable } from '../db/schema.js';

export type PrincipleVersionRow = Selectable<PrincipleVersionsTable>;

const VERSION_COLUMNS = [
  'id',
  'school_id',
  'version',
  'status',
  'content',
  'based_on_preset',
  'adopted_on',
  'adopted_by',
  'recorded_by',
  'created_at',
  'updated_at',
] as const;

/**
 * Takes the school's principle lock for the rest of the transaction `trx`: a row lock on the
 * school (FOR NO KEY UPDATE, so inserts elsewhere that reference the school are not blocked).
 */
export async function lockSchoolPrinciple(trx: Db, schoolId: string): Promise<void> {
  await trx.selectFrom('schools').select('id').where('id', '=', schoolId).forNoKeyUpdate().executeTakeFirst();
}

export async function selectVersionByStatus(
  db: Db,
  schoolId: string,
  status: Exclude<PrincipleStatus, 'superseded'>,
): Promise<PrincipleVersionRow | undefined> {
  return db
    .selectFrom('principle_versions')
    .select(VERSION_COLUMNS)
    .where('school_id', '=', schoolId)
    .where('status', '=', status)
    .executeTakeFirst();
}

export async function selectVersionById(
  db: Db,
  schoolId: string,
  id: string,
): Promise<PrincipleVersionRow | undefined> {
  return db
    .selectFrom('principle_versions')
    .select(VERSION_COLUMNS)
    .where('school_id', '=', schoolId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Every version, newest first, with the name of the person who recorded each adoption. */
export async function selectVersionsWithRecorder(db: Db, schoolId: string) {
  return db
    .selectFrom('principle_versions as v')
    .leftJoin('people as p', (join) =>
      join.onRef('p.school_id', '=', 'v.school_id').onRef('p.id', '=', 'v.recorded_by'),
    )
    .select(VERSION_COLUMNS.map((c) => `v.${c}` as const))
    .select(['p.given_name as recorder_given_name', 'p.family_name as recorder_family_name'])
    .where('v.school_id', '=', schoolId)
    .orderBy('v.version', 'desc')
    .execute();
}

/** The versions the board has adopted (the one in force and those it replaced), oldest first. */
export async function selectAdoptedVersions(db: Db, schoolId: string): Promise<PrincipleVersionRow[]> {
  return db
    .selectFrom('principle_versions')
    .select(VERSION_COLUMNS)
    .where('school_id', '=', schoolId)
    .where('status', 'in', ['adopted', 'superseded'])
    .where('adopted_on', 'is not', null)
    .orderBy('version')
    .execute();
}

export async function selectNextVersionNumber(db: Db, schoolId: string): Promise<number> {
  const row = await db
    .selectFrom('principle_versions')
    .select((eb) => eb.fn.max('version').as('max'))
    .where('school_id', '=', schoolId)
    .executeTakeFirst();
  return (row?.max ?? 0) + 1;
}

export async function insertVersion(
  db: Db,
  row: {
    schoolId: string;
    version: number;
    status: Exclude<PrincipleStatus, 'superseded'>;
    content: unknown;
    basedOnPreset: string | null;
    adoptedOn: string | null;
    adoptedBy: string | null;
    recordedBy: string | null;
    now: Date;
  },
): Promise<PrincipleVersionRow> {
  return db
    .insertInto('principle_versions')
    .values({
      school_id: row.schoolId,
      version: row.version,
      status: row.status,
      content: JSON.stringify(row.content),
      based_on_preset: row.basedOnPreset,
      adopted_on: row.adoptedOn,
      adopted_by: row.adoptedBy,
      recorded_by: row.recordedBy,
      created_at: row.now,
      updated_at: row.now,
    })
    .returning(VERSION_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function updateDraftContent(
  db: Db,
  schoolId: string,
  content: unknown,
  now: Date,
): Promise<PrincipleVersionRow | undefined> {
  return db
    .updateTable('principle_versions')
    .set({ content: JSON.stringify(content), updated_at: now })
    .where('school_id', '=', schoolId)
    .where('status', '=', 'draft')
    .returning(VERSION_COLUMNS)
    .executeTakeFirst();
}

export async function supersedeAdopted(db: Db, schoolId: string, now: Date): Promise<void> {
  await db
    .updateTable('principle_versions')
    .set({ status: 'superseded', updated_at: now })
    .where('school_id', '=', schoolId)
    .where('status', '=', 'adopted')
    .execute();
}

export async function markDraftAdopted(
  db: Db,
  schoolId: string,
  adoption: { adoptedOn: string; adoptedBy: string; recordedBy: string | null; now: Date },
): Promise<PrincipleVersionRow | undefined> {
  return db
    .updateTable('principle_versions')
    .set({
      status: 'adopted',
      adopted_on: adoption.adoptedOn,
      adopted_by: adoption.adoptedBy,
      recorded_by: adoption.recordedBy,
      updated_at: adoption.now,
    })
    .where('school_id', '=', schoolId)
    .where('status', '=', 'draft')
    .returning(VERSION_COLUMNS)
    .executeTakeFirst();
}

export async function deleteDraft(db: Db, schoolId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('principle_versions')
    .where('school_id', '=', schoolId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function selectSchoolBySlug(
  db: Db,
  slug: string,
): Promise<{ id: string; name: string; slug: string } | undefined> {
  return db.selectFrom('schools').select(['id', 'name', 'slug']).where('slug', '=', slug).executeTakeFirst();
}

/** The school's name, which a preset's texts take when the school starts from it. */
export async function selectSchoolName(db: Db, schoolId: string): Promise<string | undefined> {
  const row = await db.selectFrom('schools').select('name').where('id', '=', schoolId).executeTakeFirst();
  return row?.name;
}

/** A violation of one of the principle's unique indexes, raised by either PostgreSQL driver. */
export function isPrincipleUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  return (
    e?.code === '23505' &&
    /principle_versions_(one_draft|one_adopted|version_key)/.test(`${e.constraint ?? ''} ${e.message ?? ''}`)
  );
}
