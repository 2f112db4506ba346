import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createFixture, type Fixture } from '../testing/fixture.js';
import type { TImportIssue, TImportResult, TImportRunList } from '../../shared/api/import.schema.js';

const HEADER =
  'type;id;fornavn;efternavn;klasse;kontaktlærer_for;roller;e-mail;husstand;adresse;postnummer;by;sprog;tolk;kanal;elev;forælder;relationstype';
const FILE =
  [
    HEADER,
    'klasse;4A;;;;;;;;;;;;;;;;',
    'medarbejder;m-ny;Søs;Ærenfeldt;4A;4A;lærer;soes@skole.dk;;;;;;;;;;',
    'elev;e-ny;Åse;Østergård;4A;;;;;;;;;;;;;',
    'forælder;f-ny;Ølaf;Østergård;;;;Olaf.Oestergaard@Example.dk;h-ny;Åvej 3;7100;Vejle;ar;ja;sms;;;',
    'forælder;f-ny2;Hiba;Østergård;;;;;h-ny;;;;ar;nej;brev;;;',
    'relation;;;;;;;;;;;;;;;e-ny;f-ny;forældremyndighed',
    'relation;;;;;;;;;;;;;;;e-ny;f-ny2;orienteringsret',
    // Emma (s1) in 3.A is already at the school: the new guardian is linked to her too.
    'relation;;;;;;;;;;;;;;;s1;f-ny;forældremyndighed',
  ].join('\n') + '\n';

describe('POST /api/schools/:schoolId/imports', () => {
  let t: TestApp;
  let f: Fixture;
  let leader: string;
  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
    leader = f.users.leader!;
  });
  afterAll(() => t.close());

  const upload = (
    body: string | Buffer,
    options: {
      dryRun?: boolean;
      as?: string;
      contentType?: string;
      headers?: Record<string, string>;
      fileName?: string;
    } = {},
  ) =>
    t.request({
      method: 'POST',
      url: `/api/schools/${f.schoolId}/imports`,
      query: { dryRun: String(options.dryRun ?? false), ...(options.fileName ? { fileName: options.fileName } : {}) },
      headers: { 'content-type': options.contentType ?? 'text/csv', ...options.headers },
      payload: body,
      as: options.as ?? leader,
    });

  /** Everything an import may touch, to show that refused and dry runs leave it as it was. */
  async function directoryState() {
    const count = async (table: string) =>
      Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.deps.db)).rows[0]!.n);
    const tables = [
      'users',
      'people',
      'students',
      'classes',
      'households',
      'guardianships',
      'class_staff',
      'person_roles',
      'class_representatives',
      'import_runs',
    ];
    // One query at a time: the counts need no speed, and a small pool closes cleanly.
    const counts: Record<string, number> = {};
    for (const table of tables) counts[table] = await count(table);
    return counts;
  }

  it('checks a file without writing anything on a dry run', async () => {
    const before = await directoryState();
    const res = await upload(FILE, { dryRun: true });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json<TImportResult>();
    expect(result).toMatchObject({ dryRun: true, encoding: 'utf-8', delimiter: ';', rows: 8, runId: null });
    expect(result.counts).toEqual({
      classes: { created: 1, updated: 0, unchanged: 0 },
      students: { created: 1, updated: 0, unchanged: 0 },
      guardians: { created: 2, updated: 0, unchanged: 0 },
      staff: { created: 1, updated: 0, unchanged: 0 },
      households: { created: 1, updated: 0, unchanged: 0 },
      relations: { created: 3, updated: 0, unchanged: 0, removed: 0 },
      usersCreated: 2,
    });
    expect(await directoryState()).toEqual(before);
  });

  it('refuses a cell holding NUL or a control character with the line and column, and writes nothing', async () => {
    const before = await directoryState();
    const file =
      'type;id;fornavn;efternavn;klasse\nklasse;4Q;;;\nelev;e-nul;Å\u0000se;Øst;4Q\nelev;e-esc;Bo;\u001b[2J;4Q\n';
    const res = await upload(file);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('import_invalid');
    expect((res.json().error.details as TImportIssue[]).map((i) => [i.line, i.field, i.code])).toEqual([
      [3, 'fornavn', 'invalid_characters'],
      [4, 'efternavn', 'invalid_characters'],
    ]);
    expect(await directoryState()).toEqual(before);
  });

  it('imports the file in one go, links logins by e-mail and records the run', async () => {
    const res = await upload(FILE, { fileName: 'elever-2026.csv' });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json<TImportResult>();
    expect(result.runId).toEqual(expect.any(String));
    expect(result.counts.students.created).toBe(1);

    const db = t.deps.db;
    const student = await db
      .selectFrom('students')
      .innerJoin('classes', 'classes.id', 'students.class_id')
      .select(['students.id', 'students.given_name', 'students.family_name', 'classes.grade', 'classes.letter'])
      .where('students.school_id', '=', f.schoolId)
      .where('students.external_id', '=', 'e-ny')
      .executeTakeFirstOrThrow();
    expect(student).toMatchObject({ given_name: 'Åse', family_name: 'Østergård', grade: 4, letter: 'A' });

    const olaf = await db
      .selectFrom('people')
      .selectAll()
      .where('school_id', '=', f.schoolId)
      .where('external_id', '=', 'f-ny')
      .executeTakeFirstOrThrow();
    expect(olaf).toMatchObject({
      given_name: 'Ølaf',
      language: 'ar',
      needs_interpreter: true,
      preferred_channel: 'sms',
      email: 'Olaf.Oestergaard@Example.dk',
    });
    const user = await db.selectFrom('users').selectAll().where('id', '=', olaf.user_id!).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ email: 'Olaf.Oestergaard@Example.dk', name: 'Ølaf Østergård', password_hash: null });

    const household = await db
      .selectFrom('households')
      .selectAll()
      .where('school_id', '=', f.schoolId)
      .where('external_id', '=', 'h-ny')
      .executeTakeFirstOrThrow();
    expect(household).toMatchObject({ address_line: 'Åvej 3', postal_code: '7100', city: 'Vejle' });
    const hiba = await db
      .selectFrom('people')
      .selectAll()
      .where('school_id', '=', f.schoolId)
      .where('external_id', '=', 'f-ny2')
      .executeTakeFirstOrThrow();
    expect(hiba).toMatchObject({ household_id: household.id, preferred_channel: 'letter', user_id: null });

    const relations = await db
      .selectFrom('guardianships')
      .innerJoin('students', 'students.id', 'guardianships.student_id')
      .select(['students.external_id', 'guardianships.kind', 'guardianships.person_id'])
      .where('guardianships.school_id', '=', f.schoolId)
      .where('guardianships.person_id', 'in', [olaf.id, hiba.id])
      .orderBy('students.external_id')
      .orderBy('guardianships.kind')
      .execute();
    expect(relations.map((r) => [r.external_id, r.person_id === olaf.id ? 'f-ny' : 'f-ny2', r.kind])).toEqual([
      ['e-ny', 'f-ny', 'custody'],
      ['e-ny', 'f-ny2', 'information_right'],
      ['s1', 'f-ny', 'custody'],
    ]);
    // Emma has no student row in the file, so the relation row only adds: her guardians from before stay.
    const emma = await db
      .selectFrom('guardianships')
      .select('person_id')
      .where('school_id', '=', f.schoolId)
      .where('student_id', '=', f.ownStudent)
      .execute();
    expect(emma.map((g) => g.person_id).sort()).toEqual(
      [
        olaf.id,
        f.people.custodyGuardian!,
        f.people.protectedGuardian!,
        f.people.informationRightParent!,
        f.people.suspendedGuardian!,
      ].sort(),
    );

    const teacher = await db
      .selectFrom('people')
      .innerJoin('class_staff', 'class_staff.person_id', 'people.id')
      .select(['class_staff.role'])
      .where('people.school_id', '=', f.schoolId)
      .where('people.external_id', '=', 'm-ny')
      .execute();
    expect(teacher).toEqual([{ role: 'contact_teacher' }]);

    const runs = await t.request({ method: 'GET', url: `/api/schools/${f.schoolId}/imports`, as: leader });
    expect(runs.statusCode).toBe(200);
    expect(runs.json<TImportRunList>().runs[0]).toMatchObject({
      id: result.runId,
      fileName: 'elever-2026.csv',
      dryRun: false,
      rows: 8,
      byName: 'leader',
      counts: result.counts,
    });
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await directoryState();
    const res = await upload(FILE);
    expect(res.statusCode, res.body).toBe(200);
    const { counts } = res.json<TImportResult>();
    expect(counts.classes).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(counts.students).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(counts.guardians).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(counts.relations).toEqual({ created: 0, updated: 0, unchanged: 3, removed: 0 });
    expect(counts.usersCreated).toBe(0);
    expect(await directoryState()).toEqual({ ...before, import_runs: before.import_runs! + 1 });
  });

  it('updates what changed: a moved student, a new address, custody that became information right only', async () => {
    const changed = FILE.replace('klasse;4A;;;;;;;;;;;;;;;;', 'klasse;4A;;;;;;;;;;;;;;;;\nklasse;4B;;;;;;;;;;;;;;;;')
      .replace('elev;e-ny;Åse;Østergård;4A', 'elev;e-ny;Åse;Østergård;4B')
      .replace('h-ny;Åvej 3;7100;Vejle', 'h-ny;Bøgevej 12;7120;Vejle Øst')
      .replace('e-ny;f-ny2;orienteringsret', 'e-ny;f-ny2;forældremyndighed');
    const res = await upload(changed);
    expect(res.statusCode, res.body).toBe(200);
    const { counts } = res.json<TImportResult>();
    expect(counts.classes).toEqual({ created: 1, updated: 0, unchanged: 1 });
    expect(counts.students).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(counts.households).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(counts.relations).toEqual({ created: 0, updated: 1, unchanged: 2, removed: 0 });
    const db = t.deps.db;
    const moved = await db
      .selectFrom('students')
      .innerJoin('classes', 'classes.id', 'students.class_id')
      .select('classes.external_id')
      .where('students.school_id', '=', f.schoolId)
      .where('students.external_id', '=', 'e-ny')
      .executeTakeFirstOrThrow();
    expect(moved.external_id).toBe('4B');
    expect(
      (
        await db
          .selectFrom('households')
          .select('city')
          .where('school_id', '=', f.schoolId)
          .where('external_id', '=', 'h-ny')
          .executeTakeFirstOrThrow()
      ).city,
    ).toBe('Vejle Øst');
  });

  it("removes a student's relations that a file listing the student no longer has", async () => {
    const file = [
      HEADER,
      'elev;e-ny;Åse;Østergård;4B;;;;;;;;;;;;;',
      'relation;;;;;;;;;;;;;;;e-ny;f-ny;forældremyndighed',
    ].join('\n');
    const res = await upload(file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<TImportResult>().counts.relations).toEqual({ created: 0, updated: 0, unchanged: 1, removed: 1 });
    const left = await t.deps.db
      .selectFrom('guardianships')
      .innerJoin('students', 'students.id', 'guardianships.student_id')
      .innerJoin('people', 'people.id', 'guardianships.person_id')
      .select('people.external_id')
      .where('guardianships.school_id', '=', f.schoolId)
      .where('students.external_id', '=', 'e-ny')
      .execute();
    expect(left).toEqual([{ external_id: 'f-ny' }]);
  });

  it('reads a Windows-1252 file from Danish Excel sent as application/octet-stream', async () => {
    const csv = 'Type;Id;Fornavn;Efternavn;Klasse\r\nelev;e-excel;Søren;Ærø-Ågård;4A\r\n';
    const res = await upload(iconv.encode(csv, 'win1252'), { contentType: 'application/octet-stream', dryRun: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<TImportResult>().encoding).toBe('windows-1252');
    // No relation rows: the student has no custody holder yet, which is worth a warning.
    expect(res.json<TImportResult>().warnings.map((w) => w.code)).toEqual(['student_without_custody']);
    const row = await t.deps.db
      .selectFrom('students')
      .select(['given_name', 'family_name'])
      .where('school_id', '=', f.schoolId)
      .where('external_id', '=', 'e-excel')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ given_name: 'Søren', family_name: 'Ærø-Ågård' });
  });

  it('refuses a file with bad rows, lists every one with its line, and changes nothing', async () => {
    // A school elsewhere with a student and a guardian whose ids the file names.
    const db = t.deps.db;
    const otherClass = (
      await db
        .insertInto('classes')
        .values({ school_id: f.otherSchoolId, external_id: '1A', grade: 1, letter: 'A' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto('students')
      .values({
        school_id: f.otherSchoolId,
        external_id: 'e-anden',
        given_name: 'Ida',
        family_name: 'Anden',
        class_id: otherClass,
      })
      .execute();

    const bad = [
      HEADER,
      'klasse;4A;;;;;;;;;;;;;;;;',
      'elev;e-x1;Bo;Berg;9Z;;;;;;;;;;;;;',
      'elev;e-x1;Bo;Berg;4A;;;;;;;;;;;;;',
      'forælder;f-x1;Kim;Berg;;;;custodyguardian@fixture.samspil.dk;;;;;;;;;;',
      'relation;;;;;;;;;;;;;;;e-anden;f-ny;forældremyndighed',
      'relation;;;;;;;;;;;;;;;s1;p-other-leader;forældremyndighed',
      'forælder;f-x2;Ulla;Berg;;;;;;;;;;måske;;;;',
    ].join('\n');
    const before = await directoryState();
    const res = await upload(bad);
    expect(res.statusCode).toBe(422);
    const error = res.json<{ error: { code: string; message: string; details: TImportIssue[] } }>().error;
    expect(error.code).toBe('import_invalid');
    expect(error.message).toBe('Filen blev ikke importeret, fordi den har fejl (rækker med fejl: 6). Intet er ændret.');
    expect(error.details.map((d) => [d.line, d.field, d.code])).toEqual([
      [3, 'klasse', 'unknown_class'],
      [4, 'id', 'duplicate_id'],
      [5, 'e-mail', 'email_in_use'],
      // Ids are per school: a student or an adult of another school is unknown here.
      [6, 'elev', 'unknown_student'],
      [7, 'forælder', 'unknown_guardian'],
      [8, 'tolk', 'invalid_boolean'],
    ]);
    expect(error.details[0]!.message).toBe('Klassen »9Z« findes hverken i filen eller på skolen.');
    expect(error.details[1]!.message).toBe('Id »e-x1« står også på linje 3.');
    expect(await directoryState()).toEqual(before);
  });

  it('explains the errors in English to an English reader', async () => {
    const res = await upload('type,id,given_name\nstudent,e1,Bo\n', { headers: { cookie: 'samspil_lang=en' } });
    expect(res.statusCode).toBe(422);
    const error = res.json<{ error: { message: string; details: TImportIssue[] } }>().error;
    expect(error.message).toBe(
      'The file was not imported because it has errors (rows with errors: 1). Nothing was changed.',
    );
    expect(error.details.map((d) => [d.line, d.field, d.message])).toEqual([
      [1, 'family_name', 'The column "family_name" is missing (rows of type student need it).'],
      [1, 'class', 'The column "class" is missing (rows of type student need it).'],
    ]);
  });

  it('refuses an empty file and a file with only a header', async () => {
    for (const body of ['', '\ufeff\r\n', 'type;id;fornavn\n']) {
      const res = await upload(body);
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'import_empty', message: 'Filen er tom.' });
    }
  });

  it('refuses a 50 MB file with the translated size limit, before reading it', async () => {
    const before = await directoryState();
    const res = await upload(Buffer.alloc(50 * 1024 * 1024, 'a'));
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'import_too_large', message: 'Filen er for stor (højst 10 MB).' });
    const justOver = await upload(Buffer.alloc(10 * 1024 * 1024 + 1, 'a'), { headers: { cookie: 'samspil_lang=en' } });
    expect(justOver.statusCode).toBe(413);
    expect(justOver.json().error.message).toBe('The file is too large (at most 10 MB).');
    expect(await directoryState()).toEqual(before);
  });

  it('wants the file itself, not JSON', async () => {
    const res = await upload(JSON.stringify({ csv: 'type;id' }), { contentType: 'application/json' });
    expect(res.statusCode).toBe(415);
  });

  it('reuses the login of an address another school already knows', async () => {
    const existing = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'otherschoolleader@fixture.samspil.dk')
      .executeTakeFirstOrThrow();
    const res = await upload(
      'type;id;fornavn;efternavn;e-mail\nforælder;f-delt;Erik;Andenskole;OtherSchoolLeader@Fixture.Samspil.dk\n',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<TImportResult>().counts.usersCreated).toBe(0);
    const person = await t.deps.db
      .selectFrom('people')
      .select('user_id')
      .where('school_id', '=', f.schoolId)
      .where('external_id', '=', 'f-delt')
      .executeTakeFirstOrThrow();
    expect(person.user_id).toBe(existing.id);
  });
});
