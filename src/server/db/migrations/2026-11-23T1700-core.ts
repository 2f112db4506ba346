import { sql, type Kysely } from 'kysely';

/**
 * The core of the school directory, identities, sessions, the audit log and the principle.
 * Every school-owned table carries `school_id` first in its keys so a national deployment can
 * distribute tables by school without a redesign. `users`, `sessions`, `magic_links` and
 * `sign_in_throttle` are the exceptions: they describe a login identity, not a school's data.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('locale', 'text', (c) =>
      c
        .notNull()
        .defaultTo('da')
        .check(sql`locale in ('da', 'en')`),
    )
    .addColumn('oidc_issuer', 'text')
    .addColumn('oidc_subject', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index users_email_key on users (lower(email))`.execute(db);
  await sql`create unique index users_oidc_key on users (oidc_issuer, oidc_subject) where oidc_subject is not null`.execute(
    db,
  );

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('password', 'magic-link', 'oidc')`))
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('magic_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();

  // Keyed by a hash of the e-mail address whether or not an account exists, so the lock
  // itself never reveals which addresses are registered.
  await db.schema
    .createTable('sign_in_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('window_started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('locked_until', 'timestamptz')
    .execute();

  await db.schema
    .createTable('schools')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('municipality', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('households')
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('address_line', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('postal_code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('city', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('households_pk', ['school_id', 'id'])
    .addUniqueConstraint('households_external_key', ['school_id', 'external_id'])
    .execute();

  // Every adult known to a school: guardians, staff, board members. A person may sign in
  // through a linked user; roles and guardianships say what they may see.
  await db.schema
    .createTable('people')
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('household_id', 'uuid')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('da'))
    .addColumn('needs_interpreter', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('preferred_channel', 'text', (c) =>
      c
        .notNull()
        .defaultTo('app')
        .check(sql`preferred_channel in ('app', 'email', 'sms', 'letter')`),
    )
    .addColumn('address_protected', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('suspended', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('suspended_reason', 'text')
    .addColumn('contact_hours', 'text')
    .addPrimaryKeyConstraint('people_pk', ['school_id', 'id'])
    .addUniqueConstraint('people_external_key', ['school_id', 'external_id'])
    .addForeignKeyConstraint('people_household_fk', ['school_id', 'household_id'], 'households', ['school_id', 'id'])
    .execute();
  await sql`create unique index people_user_key on people (school_id, user_id) where user_id is not null`.execute(db);

  await db.schema
    .createTable('person_roles')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('person_id', 'uuid', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('leader', 'administrator', 'teacher', 'pedagogue', 'board_member')`),
    )
    .addPrimaryKeyConstraint('person_roles_pk', ['school_id', 'person_id', 'role'])
    .addForeignKeyConstraint('person_roles_person_fk', ['school_id', 'person_id'], 'people', ['school_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('classes')
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('grade', 'integer', (c) => c.notNull().check(sql`grade between 0 and 10`))
    .addColumn('letter', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('classes_pk', ['school_id', 'id'])
    .addUniqueConstraint('classes_external_key', ['school_id', 'external_id'])
    .addUniqueConstraint('classes_grade_letter_key', ['school_id', 'grade', 'letter'])
    .execute();

  await db.schema
    .createTable('class_staff')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('class_id', 'uuid', (c) => c.notNull())
    .addColumn('person_id', 'uuid', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('contact_teacher', 'teacher', 'pedagogue')`))
    .addPrimaryKeyConstraint('class_staff_pk', ['school_id', 'class_id', 'person_id'])
    .addForeignKeyConstraint('class_staff_class_fk', ['school_id', 'class_id'], 'classes', ['school_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('class_staff_person_fk', ['school_id', 'person_id'], 'people', ['school_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('class_representatives')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('class_id', 'uuid', (c) => c.notNull())
    .addColumn('person_id', 'uuid', (c) => c.notNull())
    .addPrimaryKeyConstraint('class_representatives_pk', ['school_id', 'class_id', 'person_id'])
    .addForeignKeyConstraint(
      'class_representatives_class_fk',
      ['school_id', 'class_id'],
      'classes',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'class_representatives_person_fk',
      ['school_id', 'person_id'],
      'people',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('students')
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('class_id', 'uuid', (c) => c.notNull())
    .addColumn('birth_date', 'date')
    .addColumn('first_language', 'text', (c) => c.notNull().defaultTo('da'))
    .addPrimaryKeyConstraint('students_pk', ['school_id', 'id'])
    .addUniqueConstraint('students_external_key', ['school_id', 'external_id'])
    .addForeignKeyConstraint('students_class_fk', ['school_id', 'class_id'], 'classes', ['school_id', 'id'])
    .execute();
  await db.schema.createIndex('students_class_idx').on('students').columns(['school_id', 'class_id']).execute();
  await sql`create unique index students_user_key on students (school_id, user_id) where user_id is not null`.execute(
    db,
  );

  // The legal relation between an adult and a child: custody (forældremyndighed) or the
  // right to information only (forældreansvarsloven § 23).
  await db.schema
    .createTable('guardianships')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('student_id', 'uuid', (c) => c.notNull())
    .addColumn('person_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('custody', 'information_right')`))
    .addPrimaryKeyConstraint('guardianships_pk', ['school_id', 'student_id', 'person_id'])
    .addForeignKeyConstraint(
      'guardianships_student_fk',
      ['school_id', 'student_id'],
      'students',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'guardianships_person_fk',
      ['school_id', 'person_id'],
      'people',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('guardianships_person_idx')
    .on('guardianships')
    .columns(['school_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('information_requests')
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('student_id', 'uuid', (c) => c.notNull())
    .addColumn('person_id', 'uuid', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open', 'answered', 'declined')`),
    )
    .addColumn('response', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('handled_at', 'timestamptz')
    .addColumn('handled_by', 'uuid')
    .addPrimaryKeyConstraint('information_requests_pk', ['school_id', 'id'])
    .addForeignKeyConstraint(
      'information_requests_student_fk',
      ['school_id', 'student_id'],
      'students',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'information_requests_person_fk',
      ['school_id', 'person_id'],
      'people',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_user_id', 'uuid')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('student_id', 'uuid')
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('request_id', 'text')
    .execute();
  await db.schema.createIndex('audit_log_school_at_idx').on('audit_log').columns(['school_id', 'at']).execute();
  await db.schema
    .createIndex('audit_log_student_idx')
    .on('audit_log')
    .columns(['school_id', 'student_id', 'at'])
    .execute();

  await db.schema
    .createTable('principle_versions')
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'adopted', 'superseded')`))
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('based_on_preset', 'text')
    .addColumn('adopted_on', 'date')
    .addColumn('adopted_by', 'text')
    .addColumn('recorded_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('principle_versions_pk', ['school_id', 'id'])
    .addUniqueConstraint('principle_versions_version_key', ['school_id', 'version'])
    .execute();
  // At most one adopted and one draft version per school; the database, not the service, holds the line.
  await sql`create unique index principle_versions_one_adopted on principle_versions (school_id) where status = 'adopted'`.execute(
    db,
  );
  await sql`create unique index principle_versions_one_draft on principle_versions (school_id) where status = 'draft'`.execute(
    db,
  );

  // E-mail that has been or is to be sent. Without SMTP settings the rows are the delivery:
  // the development mail page reads them.
  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('school_id', 'uuid')
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz')
    .addColumn('error', 'text')
    .execute();

  await db.schema
    .createTable('import_runs')
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('dry_run', 'boolean', (c) => c.notNull())
    .addColumn('summary', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_runs_pk', ['school_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'import_runs',
    'mail_outbox',
    'principle_versions',
    'audit_log',
    'information_requests',
    'guardianships',
    'students',
    'class_representatives',
    'class_staff',
    'classes',
    'person_roles',
    'people',
    'households',
    'schools',
    'sign_in_throttle',
    'magic_links',
    'sessions',
    'users',
  ]) {
    await db.schema.dropTable(table).ifExists().cascade().execute();
  }
}
