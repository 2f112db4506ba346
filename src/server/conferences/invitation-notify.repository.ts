import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Locale } from '../../shared/errors.js';

/** An invitation as its e-mails and reminder tell it: the round, the child, the first day, and whether the home booked. */
export async function findInvitationToTell(db: Db, schoolId: string, invitationId: string) {
  return db
    .selectFrom('conference_invitations as i')
    .innerJoin('conference_rounds as r', (j) =>
      j.onRef('r.school_id', '=', 'i.school_id').onRef('r.id', '=', 'i.round_id'),
    )
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'i.school_id').onRef('s.id', '=', 'i.student_id'))
    .select((eb) => [
      'i.id',
      'i.student_id',
      'r.name as round',
      'r.status',
      's.given_name as child',
      eb
        .selectFrom('conference_round_days as d')
        .select((e) => e.fn.min<string>('d.date').as('first'))
        .whereRef('d.school_id', '=', 'i.school_id')
        .whereRef('d.round_id', '=', 'i.round_id')
        .as('first_day'),
      eb
        .exists(
          eb
            .selectFrom('conference_bookings as b')
            .select('b.id')
            .whereRef('b.school_id', '=', 'i.school_id')
            .whereRef('b.invitation_id', '=', 'i.id')
            .where('b.cancelled_at', 'is', null),
        )
        .as('booked'),
    ])
    .where('i.school_id', '=', schoolId)
    .where('i.id', '=', invitationId)
    .executeTakeFirst();
}

/** A guardian an invitation was sent to, with how the directory says to reach them and their language. */
export interface InvitedGuardianRow {
  person_id: string;
  given_name: string;
  /** The directory's address, else the login's. */
  email: string | null;
  has_login: boolean;
  preferred_channel: 'app' | 'email' | 'sms' | 'letter';
  locale: Locale;
}

/**
 * The guardians invitations were sent to, still custody holders who are not suspended. Their
 * language is their login's, else the directory's when it is English, else Danish.
 */
export async function findInvitedGuardians(
  db: Db,
  schoolId: string,
  invitationIds: readonly string[],
): Promise<Array<InvitedGuardianRow & { invitation_id: string }>> {
  if (invitationIds.length === 0) return [];
  const rows = await db
    .selectFrom('conference_invitation_guardians as ig')
    .innerJoin('conference_invitations as i', (j) =>
      j.onRef('i.school_id', '=', 'ig.school_id').onRef('i.id', '=', 'ig.invitation_id'),
    )
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'ig.school_id').onRef('p.id', '=', 'ig.person_id'))
    .innerJoin('guardianships as g', (j) =>
      j
        .onRef('g.school_id', '=', 'i.school_id')
        .onRef('g.student_id', '=', 'i.student_id')
        .onRef('g.person_id', '=', 'p.id')
        .on('g.kind', '=', 'custody'),
    )
    .leftJoin('users as u', 'u.id', 'p.user_id')
    .select([
      'ig.invitation_id',
      'p.id as person_id',
      'p.given_name',
      sql<string | null>`coalesce(nullif(p.email, ''), u.email)`.as('email'),
      sql<boolean>`p.user_id is not null`.as('has_login'),
      'p.preferred_channel',
      sql<Locale>`coalesce(u.locale, case when p.language = 'en' then 'en' else 'da' end)`.as('locale'),
    ])
    .where('ig.school_id', '=', schoolId)
    .where('ig.invitation_id', 'in', [...invitationIds])
    .where('p.suspended', '=', false)
    .execute();
  return rows.map((row) => ({ ...row, locale: row.locale === 'en' ? 'en' : 'da' }));
}
