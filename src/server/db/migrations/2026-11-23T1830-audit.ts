import type { Kysely } from 'kysely';

/**
 * The audit log names the capacity an actor read in (guardian, contact teacher, leader …), so a
 * guardian's view says who read their child's data without exposing user ids. Rows written
 * before this column existed have no role.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('actor_role', 'text').execute();
  await db.schema
    .createIndex('audit_log_school_action_idx')
    .on('audit_log')
    .columns(['school_id', 'action', 'at'])
    .execute();
  await db.schema
    .createIndex('information_requests_status_idx')
    .on('information_requests')
    .columns(['school_id', 'status', 'created_at'])
    .execute();
}
