import type { Db } from '../db/database.js';
import type { Locale } from '../../shared/errors.js';

/** The language each person reads the app in: their login's, else Danish. */
export async function findPeopleLocales(
  db: Db,
  schoolId: string,
  personIds: readonly string[],
): Promise<Map<string, Locale>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('people as p')
    .leftJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.id', 'u.locale'])
    .where('p.school_id', '=', schoolId)
    .where('p.id', 'in', [...personIds])
    .execute();
  return new Map(rows.map((r) => [r.id, r.locale === 'en' ? 'en' : 'da']));
}
