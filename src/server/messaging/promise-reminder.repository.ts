import type { Db } from '../db/database.js';

export async function findThreadPromise(db: Db, schoolId: string, threadId: string) {
  return db
    .selectFrom('message_threads')
    .select(['subject', 'reply_due_at', 'promise_fulfilled_at'])
    .where('school_id', '=', schoolId)
    .where('id', '=', threadId)
    .executeTakeFirst();
}

/** The thread's staff: their language is their account's, their address the account's or else the directory's. */
export async function findStaffRecipients(db: Db, schoolId: string, threadId: string) {
  return db
    .selectFrom('thread_participants as tp')
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'tp.school_id').onRef('p.id', '=', 'tp.person_id'))
    .leftJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.id as person_id', 'p.given_name', 'p.email as person_email', 'u.email as user_email', 'u.locale'])
    .where('tp.school_id', '=', schoolId)
    .where('tp.thread_id', '=', threadId)
    .where('tp.role', '=', 'staff')
    .orderBy('p.id')
    .execute();
}
