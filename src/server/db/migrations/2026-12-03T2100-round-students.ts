import type { Kysely } from 'kysely';

/**
 * A needs-based conference round (behovssamtaler, seed 002) is for the students who need it: the
 * round names them, and only their households are invited. A regular round names none (it is for
 * every student of its classes).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('conference_round_students')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('round_id', 'uuid', (c) => c.notNull())
    .addColumn('student_id', 'uuid', (c) => c.notNull())
    .addPrimaryKeyConstraint('conference_round_students_pk', ['school_id', 'round_id', 'student_id'])
    .addForeignKeyConstraint(
      'conference_round_students_round_fk',
      ['school_id', 'round_id'],
      'conference_rounds',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'conference_round_students_student_fk',
      ['school_id', 'student_id'],
      'students',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('conference_round_students_student_idx')
    .on('conference_round_students')
    .columns(['school_id', 'student_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('conference_round_students').ifExists().execute();
}
