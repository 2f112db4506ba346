import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createFixture, type Fixture } from '../testing/fixture.js';
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  MAX_REPORTED_ISSUES,
  type TImportResult,
} from '../../shared/api/import.schema.js';

/** A file of one class and `students` students in it, none with a guardian: a warning each. */
function studentsFile(students: number): string {
  const lines = ['type;id;fornavn;efternavn;klasse', 'klasse;9Z;;;'];
  for (let i = 0; i < students; i++) lines.push(`elev;e${String(i).padStart(6, '0')};Åse;Øst;9Z`);
  return lines.join('\n') + '\n';
}

/** Issue 9: a file under the size limit got a 500 (a stack overflow) instead of a result or a clear error. */
describe('big files under the size limit', () => {
  let t: TestApp;
  let f: Fixture;
  beforeAll(async () => {
    t = await startTestApp();
    f = await createFixture(t.deps.db);
  });
  afterAll(() => t.close());

  const upload = (file: string, dryRun: boolean) =>
    t.request({
      method: 'POST',
      url: `/api/schools/${f.schoolId}/imports?dryRun=${dryRun}`,
      headers: { 'content-type': 'text/csv' },
      payload: file,
      as: f.users.leader,
    });
  const studentCount = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('students')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('school_id', '=', f.schoolId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses 140,000 rows (3.2 MB) with a clear error naming the limit, and changes nothing', async () => {
    const before = await studentCount();
    const file = studentsFile(140_000);
    expect(file.length).toBeGreaterThan(3_000_000);
    const res = await upload(file, false);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'import_too_many_rows',
      message: `Filen har for mange rækker (140001; højst ${MAX_IMPORT_ROWS}). Del den op i flere filer. Intet er ændret.`,
    });
    expect(await studentCount()).toBe(before);
  });

  it('refuses a file just under 10 MB of short rows the same way', async () => {
    const row = 'elev;e1;A;B;9Z\n';
    const file = 'type;id;fornavn;efternavn;klasse\n' + row.repeat(Math.floor((MAX_IMPORT_BYTES - 100) / row.length));
    const res = await t.request({
      method: 'POST',
      url: `/api/schools/${f.schoolId}/imports?dryRun=true`,
      headers: { 'content-type': 'text/csv' },
      payload: file,
      as: f.users.leader,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('import_too_many_rows');
  });

  it('checks a file at the row limit and lists the first warnings with a count of the rest', async () => {
    const res = await upload(studentsFile(MAX_IMPORT_ROWS - 1), true);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const result = res.json() as TImportResult;
    expect(result.rows).toBe(MAX_IMPORT_ROWS);
    expect(result.counts.students.created).toBe(MAX_IMPORT_ROWS - 1);
    // One warning per student and one for the class without a contact teacher.
    expect(result.warnings).toHaveLength(MAX_REPORTED_ISSUES + 1);
    expect(result.warnings.at(-1)).toEqual({
      code: 'more_warnings',
      params: { count: MAX_IMPORT_ROWS - MAX_REPORTED_ISSUES },
      message: `Og ${MAX_IMPORT_ROWS - MAX_REPORTED_ISSUES} advarsler mere, som ikke er vist.`,
    });
    expect(res.body.length).toBeLessThan(500_000);
  });
});
