import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { MailAttachment } from '../db/schema.js';

export interface NewOutboxMail {
  schoolId: string | null;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  attachments: readonly MailAttachment[];
  createdAt: Date;
}

export async function insertOutboxMail(db: Db, mail: NewOutboxMail): Promise<string> {
  const row = await db
    .insertInto('mail_outbox')
    .values({
      school_id: mail.schoolId,
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
      attachments: JSON.stringify(mail.attachments),
      created_at: mail.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markOutboxMailSent(db: Db, id: string, sentAt: Date): Promise<void> {
  await db.updateTable('mail_outbox').set({ sent_at: sentAt, error: null }).where('id', '=', id).execute();
}

export async function markOutboxMailFailed(db: Db, id: string, error: string): Promise<void> {
  await db.updateTable('mail_outbox').set({ error }).where('id', '=', id).execute();
}

/** The newest mails first. */
export async function listRecentOutboxMails(db: Db, limit: number, to?: string) {
  return db
    .selectFrom('mail_outbox')
    .select(['id', 'to_address', 'subject', 'text_body', 'created_at'])
    .$if(to !== undefined, (q) => q.where(sql<string>`lower(to_address)`, '=', to!))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
