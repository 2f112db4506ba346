import { sql, type Kysely } from 'kysely';

/**
 * Search in one's own messages (issue 4): PostgreSQL full-text search with the Danish snowball
 * stemmer, so "klassen" finds "klasse". The vectors are generated columns, kept right by the
 * database on every write, and GIN-indexed. PGlite ships the same `danish` configuration.
 * The subject weighs more than the body (A over B) when results are ranked.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table message_threads add column search_vector tsvector generated always as (setweight(to_tsvector('danish', subject), 'A')) stored`.execute(
    db,
  );
  await sql`create index message_threads_search_idx on message_threads using gin (search_vector)`.execute(db);
  await sql`alter table messages add column search_vector tsvector generated always as (setweight(to_tsvector('danish', body), 'B')) stored`.execute(
    db,
  );
  await sql`create index messages_search_idx on messages using gin (search_vector)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table messages drop column if exists search_vector`.execute(db);
  await sql`alter table message_threads drop column if exists search_vector`.execute(db);
}
