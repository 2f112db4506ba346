import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/**
 * The facts of "plans in good time" (specs/principle-figures.md): every held conference with its
 * meeting day (the booked time, else the day it was marked held), and the days the student's plans
 * were published and the student's message book was written in, by school year.
 */
export async function findPlanFacts(db: Db, schoolId: string) {
  const [held, plans, entries] = await Promise.all([
    db
      .selectFrom('conference_invitations as i')
      .leftJoin('conference_bookings as b', (j) =>
        j
          .onRef('b.school_id', '=', 'i.school_id')
          .onRef('b.invitation_id', '=', 'i.id')
          .on('b.cancelled_at', 'is', null),
      )
      .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'i.school_id').onRef('s.id', '=', 'i.student_id'))
      .select([
        'i.student_id',
        's.class_id',
        sql<string>`coalesce(b.date::text, to_char(i.held_at at time zone 'Europe/Copenhagen', 'YYYY-MM-DD'))`.as(
          'meeting_day',
        ),
      ])
      .where('i.school_id', '=', schoolId)
      .where('i.held_at', 'is not', null)
      .execute(),
    db
      .selectFrom('student_plans')
      .select([
        'student_id',
        'school_year',
        sql<string>`to_char(published_at at time zone 'Europe/Copenhagen', 'YYYY-MM-DD')`.as('published_on'),
      ])
      .where('school_id', '=', schoolId)
      .where('status', '=', 'published')
      .execute(),
    db
      .selectFrom('message_book_entries')
      .select([
        'student_id',
        sql<string>`to_char(created_at at time zone 'Europe/Copenhagen', 'YYYY-MM-DD')`.as('written_on'),
      ])
      .where('school_id', '=', schoolId)
      .execute(),
  ]);
  return { held, plans, entries };
}
