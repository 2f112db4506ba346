import type { Db } from '../db/database.js';

/** Adds a school; a slug another school has fails with the unique violation `isSchoolSlugTaken` knows. */
export async function insertSchool(
  db: Db,
  school: { slug: string; name: string; municipality: string },
): Promise<string> {
  const row = await db.insertInto('schools').values(school).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A violation of the unique slug of `schools`, raised by either PostgreSQL driver. */
export function isSchoolSlugTaken(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  return e?.code === '23505' && /schools_slug/.test(`${e.constraint ?? ''} ${e.message ?? ''}`);
}
