import type { Db } from '../db/database.js';

/**
 * The facts of "class letters on cadence" (specs/principle-figures.md): the moments the class
 * letters of the school year were published, by class.
 */
export async function findPublishedLetterMoments(
  db: Db,
  schoolId: string,
  from: Date,
  to: Date,
): Promise<Array<{ class_id: string; published_at: Date }>> {
  const rows = await db
    .selectFrom('class_letters')
    .select(['class_id', 'published_at'])
    .where('school_id', '=', schoolId)
    .where('status', '=', 'published')
    .where('published_at', '>=', from)
    .where('published_at', '<', to)
    .execute();
  return rows.flatMap((r) => (r.published_at ? [{ class_id: r.class_id, published_at: r.published_at }] : []));
}
