import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/database.js';

/**
 * Everything a user is at one school, in one round trip: their person record with its roles,
 * guardianships, class assignments and class representative seats (of `schoolYear`, not ended), and their student record.
 * Every request that reaches a school loads this, so it is one statement rather than six.
 */
export function findMembershipRows(db: Db, userId: string, schoolId: string, schoolYear: string) {
  return db
    .selectNoFrom((eb) => [
      jsonObjectFrom(
        eb
          .selectFrom('people as p')
          .select((p) => [
            'p.id',
            'p.suspended',
            jsonArrayFrom(
              p
                .selectFrom('person_roles as r')
                .select('r.role')
                .where('r.school_id', '=', schoolId)
                .whereRef('r.person_id', '=', 'p.id'),
            ).as('roles'),
            jsonArrayFrom(
              p
                .selectFrom('guardianships as g')
                .select(['g.student_id', 'g.kind'])
                .where('g.school_id', '=', schoolId)
                .whereRef('g.person_id', '=', 'p.id'),
            ).as('guardianships'),
            jsonArrayFrom(
              p
                .selectFrom('class_staff as cs')
                .select(['cs.class_id', 'cs.role'])
                .where('cs.school_id', '=', schoolId)
                .whereRef('cs.person_id', '=', 'p.id'),
            ).as('classRoles'),
            jsonArrayFrom(
              p
                .selectFrom('class_representatives as cr')
                .select('cr.class_id')
                .where('cr.school_id', '=', schoolId)
                .whereRef('cr.person_id', '=', 'p.id')
                // Only the seats of the school year in progress, and not ended (kontaktforældre are elected per year).
                .where('cr.school_year', '=', schoolYear)
                .where('cr.ended_on', 'is', null),
            ).as('representatives'),
          ])
          .where('p.school_id', '=', schoolId)
          .where('p.user_id', '=', userId),
      ).as('person'),
      jsonObjectFrom(
        eb
          .selectFrom('students as st')
          .select(['st.id', 'st.class_id'])
          .where('st.school_id', '=', schoolId)
          .where('st.user_id', '=', userId),
      ).as('student'),
    ])
    .executeTakeFirstOrThrow();
}

/** Schools where a user has any membership, for /api/me. */
export async function findSchoolIdsOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('people')
    .select('school_id')
    .where('user_id', '=', userId)
    .union(db.selectFrom('students').select('school_id').where('user_id', '=', userId))
    .execute();
  return rows.map((r) => r.school_id);
}
