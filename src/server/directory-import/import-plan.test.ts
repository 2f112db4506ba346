import { describe, expect, it } from 'vitest';
import { parseImportText } from './import-parse.js';
import type { ImportRow } from './import-format.js';
import { emptySnapshot, planImport, type DirectorySnapshot, type PlanIssue } from './import-plan.js';

const HEADER = [
  'type',
  'id',
  'fornavn',
  'efternavn',
  'klasse',
  'kontaktlærer_for',
  'roller',
  'e-mail',
  'husstand',
  'adresse',
  'postnummer',
  'by',
  'sprog',
  'tolk',
  'kanal',
  'adressebeskyttelse',
  'suspenderet',
  'suspenderingsårsag',
  'elev',
  'forælder',
  'relationstype',
  'kontaktforælder_for',
  'fødselsdato',
];

type Cells = Partial<Record<(typeof HEADER)[number], string>>;
const row = (cells: Cells) => HEADER.map((h) => cells[h] ?? '').join(';');
const csv = (...rows: Cells[]) => [HEADER.join(';'), ...rows.map(row)].join('\n') + '\n';

const plan = (text: string, snapshot: DirectorySnapshot = emptySnapshot()) => {
  const parsed = parseImportText(text, 'utf-8');
  return planImport({ headers: parsed.headers, rows: parsed.rows, rawIssues: parsed.issues }, snapshot);
};
const codes = (issues: PlanIssue[]) => issues.map((i) => [i.line, i.column, i.code]);

/** A small valid school: two classes, a teacher, two students, a family with two households. */
const VALID: Cells[] = [
  { type: 'klasse', id: '3A' },
  { type: 'klasse', id: '5B' },
  {
    type: 'medarbejder',
    id: 'm1',
    fornavn: 'Birgitte',
    efternavn: 'Lund',
    roller: 'lærer',
    klasse: '3A 5B',
    kontaktlærer_for: '3A',
    'e-mail': 'birgitte@skole.dk',
  },
  { type: 'elev', id: 'e1', fornavn: 'Emma', efternavn: 'Hansen', klasse: '3A', fødselsdato: '02-04-2017' },
  { type: 'elev', id: 'e2', fornavn: 'Oliver', efternavn: 'Hansen', klasse: '5B', sprog: 'da' },
  {
    type: 'forælder',
    id: 'f1',
    fornavn: 'Mette',
    efternavn: 'Hansen',
    'e-mail': 'Mette@Example.dk',
    husstand: 'h1',
    adresse: 'Skolevej 1',
    postnummer: '7100',
    by: 'Vejle',
    kanal: 'app',
    roller: 'bestyrelse',
    kontaktforælder_for: '3A',
  },
  {
    type: 'forælder',
    id: 'f2',
    fornavn: 'Lars',
    efternavn: 'Hansen',
    husstand: 'h1',
    sprog: 'ar',
    tolk: 'ja',
    kanal: 'sms',
  },
  {
    type: 'forælder',
    id: 'f3',
    fornavn: 'Sara',
    efternavn: 'Ali',
    adresse: 'Hemmelig Allé 9',
    postnummer: '7100',
    by: 'Vejle',
    adressebeskyttelse: 'ja',
  },
  { type: 'relation', elev: 'e1', forælder: 'f1', relationstype: 'forældremyndighed' },
  { type: 'relation', elev: 'e1', forælder: 'f2', relationstype: 'forældremyndighed' },
  { type: 'relation', elev: 'e1', forælder: 'f3', relationstype: 'orienteringsret' },
  { type: 'relation', elev: 'e2', forælder: 'f1', relationstype: 'custody' },
];

describe('planImport: a valid file', () => {
  const { issues, warnings, plan: p } = plan(csv(...VALID));

  it('has no issues and counts everything as new', () => {
    expect(issues).toEqual([]);
    // 5.B has a teacher but no contact teacher: worth a look, not an error.
    expect(warnings).toEqual([{ line: 3, code: 'class_without_contact_teacher', params: { name: '5.B' } }]);
    expect(p.counts).toEqual({
      classes: { created: 2, updated: 0, unchanged: 0 },
      students: { created: 2, updated: 0, unchanged: 0 },
      guardians: { created: 3, updated: 0, unchanged: 0 },
      staff: { created: 1, updated: 0, unchanged: 0 },
      households: { created: 2, updated: 0, unchanged: 0 },
      relations: { created: 4, updated: 0, unchanged: 0, removed: 0 },
      usersCreated: 2,
    });
  });

  it('reads classes, staff assignments, needs and relations', () => {
    expect(p.classes.map((c) => [c.externalId, c.grade, c.letter])).toEqual([
      ['3A', 3, 'A'],
      ['5B', 5, 'B'],
    ]);
    const teacher = p.people.find((x) => x.externalId === 'm1')!;
    expect(teacher.roles).toEqual({ scope: 'all', roles: ['teacher'] });
    expect([...teacher.classStaff!]).toEqual([
      ['3A', 'contact_teacher'],
      ['5B', 'teacher'],
    ]);
    const lars = p.people.find((x) => x.externalId === 'f2')!;
    expect(lars.values).toMatchObject({
      language: 'ar',
      needs_interpreter: true,
      preferred_channel: 'sms',
      address_protected: false,
      suspended: false,
    });
    expect(lars.household).toBe('h1');
    const mette = p.people.find((x) => x.externalId === 'f1')!;
    expect(mette.loginEmail).toBe('mette@example.dk');
    expect(mette.roles).toEqual({ scope: 'board', roles: ['board_member'] });
    expect(mette.representativeOf).toEqual(['3A']);
    // A guardian with an address and no household id gets a household of their own.
    expect(p.people.find((x) => x.externalId === 'f3')!.household).toBe('hh-f3');
    expect(p.households.find((h) => h.externalId === 'h1')!.address).toEqual({
      address_line: 'Skolevej 1',
      postal_code: '7100',
      city: 'Vejle',
    });
    expect(p.students.find((s) => s.externalId === 'e1')!.values.birth_date).toBe('2017-04-02');
    expect(p.relations.find((r) => r.personExternalId === 'f3')!.kind).toBe('information_right');
    expect(p.newUsers).toEqual([
      { email: 'birgitte@skole.dk', name: 'Birgitte Lund', locale: 'da' },
      { email: 'Mette@Example.dk', name: 'Mette Hansen', locale: 'da' },
    ]);
  });

  it('accepts English headers and values, comma-separated', () => {
    const english = [
      'type,id,given_name,family_name,class,grade,letter,roles,contact_teacher_for,student,guardian,kind,channel,interpreter',
      'class,x1,,,,10,X,,,,,,,',
      'staff,t1,Ann,Berg,,,,pedagogue,x1,,,,,',
      'student,s1,Bo,Berg,x1,,,,,,,,,',
      'guardian,g1,Cai,Berg,,,,,,,,,letter,yes',
      'relation,,,,,,,,,s1,g1,information_right,,',
    ].join('\n');
    const out = plan(english);
    expect(out.issues).toEqual([]);
    expect(out.plan.classes).toEqual([{ externalId: 'x1', grade: 10, letter: 'X', status: 'create' }]);
    expect(out.plan.people.find((x) => x.externalId === 'g1')!.values).toMatchObject({
      preferred_channel: 'letter',
      needs_interpreter: true,
    });
    // A student with the right to information only and no custody holder is worth a look.
    expect(out.warnings.map((w) => w.code)).toEqual(['student_without_custody']);
  });
});

describe('planImport: bad rows are all reported with their lines', () => {
  it('reports an unknown type and a missing type', () => {
    expect(codes(plan(csv(...VALID, { type: 'lærerinde', id: 'x' }, { id: 'y' })).issues)).toEqual([
      [14, 'type', 'unknown_type'],
      [15, 'type', 'required'],
    ]);
  });

  it('reports a file without a type column once, not once per row', () => {
    expect(plan('id;fornavn\ne1;A\ne2;B\n').issues).toEqual([{ line: 1, column: 'type', code: 'missing_type_column' }]);
  });

  it('reports columns a row type needs but the file lacks, once, on line 1', () => {
    const out = plan('type;id;fornavn\nelev;e1;A\nelev;e2;B\n');
    expect(out.issues).toEqual([
      { line: 1, column: 'family_name', code: 'missing_column', params: { column: 'family_name', type: 'student' } },
      { line: 1, column: 'class', code: 'missing_column', params: { column: 'class', type: 'student' } },
    ]);
  });

  it('reports empty required fields and malformed values', () => {
    const out = plan(
      csv(
        { type: 'klasse', id: '3A' },
        { type: 'elev', id: 'e1', fornavn: '', efternavn: 'Hansen', klasse: '3A', fødselsdato: '31-02-2017' },
        {
          type: 'forælder',
          id: 'f1',
          fornavn: 'A',
          efternavn: 'B',
          'e-mail': 'ikke-en-mail',
          tolk: 'måske',
          kanal: 'brevdue',
          sprog: 'klingon!',
        },
        { type: 'forælder', id: 'f2', fornavn: 'A', efternavn: 'B', suspenderet: 'ja' },
        { type: 'medarbejder', id: 'm1', fornavn: 'A', efternavn: 'B', roller: 'rektor' },
        { type: 'medarbejder', id: 'm2', fornavn: 'A', efternavn: 'B', roller: '' },
        { type: 'forælder', id: 'f3', fornavn: 'A', efternavn: 'B', roller: 'lærer' },
        { type: 'relation', elev: 'e1', forælder: 'f1', relationstype: 'bedsteforælder' },
      ),
    );
    expect(codes(out.issues)).toEqual([
      [3, 'given_name', 'required'],
      [3, 'birth_date', 'invalid_date'],
      [4, 'language', 'invalid_language'],
      [4, 'interpreter', 'invalid_boolean'],
      [4, 'channel', 'invalid_channel'],
      [4, 'email', 'invalid_email'],
      [5, 'suspended_reason', 'required'],
      [6, 'roles', 'unknown_role'],
      [7, 'roles', 'required'],
      [8, 'roles', 'role_not_for_guardian'],
      [9, 'kind', 'invalid_kind'],
    ]);
  });

  it('reports duplicate ids, e-mail addresses and relations with the line of the first', () => {
    const out = plan(
      csv(
        ...VALID,
        { type: 'elev', id: 'e1', fornavn: 'X', efternavn: 'Y', klasse: '3A' },
        { type: 'medarbejder', id: 'f2', fornavn: 'X', efternavn: 'Y', roller: 'lærer' },
        { type: 'forælder', id: 'f9', fornavn: 'X', efternavn: 'Y', 'e-mail': 'mette@example.dk' },
        { type: 'relation', elev: 'e2', forælder: 'f1', relationstype: 'orienteringsret' },
      ),
    );
    expect(out.issues).toEqual([
      { line: 14, column: 'id', code: 'duplicate_id', params: { value: 'e1', otherLine: 5 } },
      { line: 15, column: 'id', code: 'duplicate_id', params: { value: 'f2', otherLine: 8 } },
      { line: 16, column: 'email', code: 'duplicate_email', params: { value: 'mette@example.dk', otherLine: 7 } },
      { line: 17, column: 'guardian', code: 'duplicate_relation', params: { otherLine: 13 } },
    ]);
  });

  it('reports references to classes, students and adults that exist neither in the file nor at the school', () => {
    const out = plan(
      csv(
        ...VALID,
        { type: 'elev', id: 'e3', fornavn: 'X', efternavn: 'Y', klasse: '9Z' },
        {
          type: 'medarbejder',
          id: 'm2',
          fornavn: 'X',
          efternavn: 'Y',
          roller: 'lærer',
          klasse: '3A 4C',
          kontaktlærer_for: '4D',
        },
        { type: 'forælder', id: 'f4', fornavn: 'X', efternavn: 'Y', kontaktforælder_for: '7Q' },
        { type: 'relation', elev: 'e-anden-skole', forælder: 'f1', relationstype: 'forældremyndighed' },
        { type: 'relation', elev: 'e1', forælder: 'f-ukendt', relationstype: 'forældremyndighed' },
      ),
    );
    expect(out.issues).toEqual([
      { line: 14, column: 'class', code: 'unknown_class', params: { value: '9Z' } },
      { line: 15, column: 'class', code: 'unknown_class', params: { value: '4C' } },
      { line: 15, column: 'contact_teacher_for', code: 'unknown_class', params: { value: '4D' } },
      { line: 16, column: 'representative_for', code: 'unknown_class', params: { value: '7Q' } },
      { line: 17, column: 'student', code: 'unknown_student', params: { value: 'e-anden-skole' } },
      { line: 18, column: 'guardian', code: 'unknown_guardian', params: { value: 'f-ukendt' } },
    ]);
  });

  it('lets a relation point forwards to a student defined further down', () => {
    const out = plan(
      csv(
        { type: 'relation', elev: 'e1', forælder: 'f1', relationstype: 'forældremyndighed' },
        { type: 'klasse', id: '3A' },
        { type: 'forælder', id: 'f1', fornavn: 'A', efternavn: 'B' },
        { type: 'elev', id: 'e1', fornavn: 'C', efternavn: 'B', klasse: '3A' },
      ),
    );
    expect(out.issues).toEqual([]);
  });

  it('reports two classes with one name and a household with two addresses', () => {
    const out = plan(
      csv(
        { type: 'klasse', id: '3A' },
        { type: 'klasse', id: '3.A' },
        {
          type: 'forælder',
          id: 'f1',
          fornavn: 'A',
          efternavn: 'B',
          husstand: 'h1',
          adresse: 'Vej 1',
          postnummer: '7100',
          by: 'Vejle',
        },
        {
          type: 'forælder',
          id: 'f2',
          fornavn: 'C',
          efternavn: 'B',
          husstand: 'h1',
          adresse: 'Vej 2',
          postnummer: '7100',
          by: 'Vejle',
        },
      ),
    );
    expect(out.issues).toEqual([
      { line: 3, column: 'id', code: 'duplicate_class_name', params: { name: '3.A', otherLine: 2 } },
      { line: 5, column: 'address', code: 'household_conflict', params: { value: 'h1', otherLine: 4 } },
    ]);
  });

  it('reports a class id without grade and letter', () => {
    expect(codes(plan(csv({ type: 'klasse', id: 'Stjerneklassen' })).issues)).toEqual([
      [2, 'grade', 'required'],
      [2, 'letter', 'required'],
    ]);
  });
});

describe('planImport against what the school already has', () => {
  const first = plan(csv(...VALID)).plan;
  /** The school as it would be after importing VALID. */
  function snapshotAfterValid(): DirectorySnapshot {
    const s = emptySnapshot();
    first.classes.forEach((c, i) => s.classes.set(c.externalId, { id: `c${i}`, grade: c.grade, letter: c.letter }));
    first.households.forEach((h, i) => s.households.set(h.externalId, { id: `h${i}`, address: h.address! }));
    s.usersByEmail.set('birgitte@skole.dk', 'u-birgitte');
    s.usersByEmail.set('mette@example.dk', 'u-mette');
    const userOf = (email?: string) => (email ? s.usersByEmail.get(email)! : null);
    for (const p of first.people) {
      s.people.set(p.externalId, {
        id: `p-${p.externalId}`,
        userId: userOf(p.loginEmail),
        household: p.household ?? null,
        values: {
          given_name: '',
          family_name: '',
          email: null,
          phone: null,
          language: 'da',
          needs_interpreter: false,
          preferred_channel: 'app',
          address_protected: false,
          suspended: false,
          suspended_reason: null,
          contact_hours: null,
          ...p.values,
        },
        roles: new Set(p.roles?.roles ?? []),
        classStaff: new Map(p.classStaff ?? []),
        representativeOf: new Set(p.representativeOf ?? []),
      });
    }
    for (const st of first.students) {
      s.students.set(st.externalId, {
        id: `s-${st.externalId}`,
        userId: null,
        classExternalId: st.classExternalId,
        values: { given_name: '', family_name: '', birth_date: null, first_language: 'da', ...st.values },
        guardians: new Map(
          first.relations.filter((r) => r.studentExternalId === st.externalId).map((r) => [r.personExternalId, r.kind]),
        ),
      });
    }
    return s;
  }

  it('finds nothing to change when the same file comes again', () => {
    const again = plan(csv(...VALID), snapshotAfterValid());
    expect(again.issues).toEqual([]);
    expect(again.plan.counts).toEqual({
      classes: { created: 0, updated: 0, unchanged: 2 },
      students: { created: 0, updated: 0, unchanged: 2 },
      guardians: { created: 0, updated: 0, unchanged: 3 },
      staff: { created: 0, updated: 0, unchanged: 1 },
      households: { created: 0, updated: 0, unchanged: 2 },
      relations: { created: 0, updated: 0, unchanged: 4, removed: 0 },
      usersCreated: 0,
    });
  });

  it('sees changed fields, a moved student, a changed relation and a relation no longer listed', () => {
    const changed = VALID.map((r) => {
      if (r.id === 'e2') return { ...r, klasse: '3A' };
      if (r.id === 'f2') return { ...r, tolk: 'nej' };
      if (r.id === 'm1') return { ...r, kontaktlærer_for: '' };
      return r;
    })
      .filter((r) => !(r.type === 'relation' && r['forælder'] === 'f3'))
      .map((r) => (r.type === 'relation' && r['forælder'] === 'f2' ? { ...r, relationstype: 'orienteringsret' } : r));
    const out = plan(csv(...changed), snapshotAfterValid());
    expect(out.issues).toEqual([]);
    expect(out.plan.counts.students).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(out.plan.counts.guardians).toEqual({ created: 0, updated: 1, unchanged: 2 });
    expect(out.plan.counts.staff).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(out.plan.counts.relations).toEqual({ created: 0, updated: 1, unchanged: 2, removed: 1 });
    expect(out.plan.removedRelations).toEqual([{ studentExternalId: 'e1', personExternalId: 'f3' }]);
    expect(out.warnings.map((w) => [w.code, w.params])).toEqual([
      ['class_without_contact_teacher', { name: '3.A' }],
      ['class_without_contact_teacher', { name: '5.B' }],
    ]);
  });

  it("refuses an e-mail address that is another person's login at the school", () => {
    const out = plan(
      csv(...VALID, { type: 'forælder', id: 'f9', fornavn: 'X', efternavn: 'Y', 'e-mail': 'birgitte@skole.dk' }),
      snapshotAfterValid(),
    );
    // Line 14 names Birgitte's address again: it is both a duplicate in the file and her login.
    expect(codes(out.issues)).toEqual([
      [14, 'email', 'duplicate_email'],
      [14, 'email', 'email_in_use'],
    ]);
    const alone = plan(
      csv({ type: 'forælder', id: 'f9', fornavn: 'X', efternavn: 'Y', 'e-mail': 'BIRGITTE@skole.dk' }),
      snapshotAfterValid(),
    );
    expect(alone.issues).toEqual([
      { line: 2, column: 'email', code: 'email_in_use', params: { value: 'BIRGITTE@skole.dk', otherId: 'm1' } },
    ]);
  });

  it('refuses a new class whose name another class of the school has', () => {
    const out = plan('type;id;årgang\nklasse;3-A-ny;3\n', snapshotAfterValid());
    expect(codes(out.issues)).toEqual([[2, 'letter', 'required']]);
    const named = plan('type;id;årgang;bogstav\nklasse;3-A-ny;3;a\n', snapshotAfterValid());
    expect(named.issues).toEqual([
      { line: 2, column: 'id', code: 'class_name_taken', params: { name: '3.A', otherId: '3A' } },
    ]);
  });
});

describe('a plan with very many warnings', () => {
  it('lists them all without overflowing the stack (140,000 students without a guardian)', () => {
    const rows: ImportRow[] = [{ line: 2, values: { type: 'klasse', id: '9Z' } }];
    for (let i = 0; i < 140_000; i++) {
      rows.push({
        line: i + 3,
        values: { type: 'elev', id: `e${i}`, given_name: 'Åse', family_name: 'Øst', class: '9Z' },
      });
    }
    const headers = { type: 'type', id: 'id', given_name: 'fornavn', family_name: 'efternavn', class: 'klasse' };
    const { issues, warnings, plan } = planImport({ headers, rows }, emptySnapshot());
    expect(issues).toEqual([]);
    expect(plan.counts.students.created).toBe(140_000);
    expect(warnings).toHaveLength(140_001);
  });
});
