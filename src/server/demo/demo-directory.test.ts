import { describe, expect, it } from 'vitest';
import type { ImportRow } from '../directory-import/import-format.js';
import { emptySnapshot, planImport } from '../directory-import/import-plan.js';
import {
  asciiFold,
  buildDemoDirectory,
  DEMO_ACCOUNTS,
  DEMO_OTHER_LANGUAGES,
  DEMO_SEED,
  STUDENTS_PER_CLASS,
} from './demo-directory.js';

const demo = buildDemoDirectory({ seed: DEMO_SEED, schoolYear: 2026 });
const rowsOf = (type: string) => demo.rows.filter((r) => r.values.type === type).map((r) => r.values);
const classes = rowsOf('class');
const staff = rowsOf('staff');
const students = rowsOf('student');
const guardians = rowsOf('guardian');
const relations = rowsOf('relation');
const list = (value: string | undefined) => (value ?? '').split(' ').filter(Boolean);
const guardianById = new Map(guardians.map((g) => [g.id!, g]));
const studentById = new Map(students.map((s) => [s.id!, s]));
const relationsOf = (studentId: string) => relations.filter((r) => r.student === studentId);
const childrenOf = (guardianId: string) =>
  relations.filter((r) => r.guardian === guardianId).map((r) => studentById.get(r.student!)!);

describe('buildDemoDirectory', () => {
  it('gives the same school for the same seed, and another for another seed', () => {
    expect(buildDemoDirectory({ seed: DEMO_SEED, schoolYear: 2026 })).toEqual(demo);
    const other = buildDemoDirectory({ seed: DEMO_SEED + 1, schoolYear: 2026 });
    expect(other.rows.map((r) => r.values)).not.toEqual(demo.rows.map((r) => r.values));
  });

  it('is a valid import file: no issues and nothing to warn about', () => {
    const { issues, warnings, plan } = planImport({ headers: demo.headers, rows: demo.rows }, emptySnapshot());
    expect(issues).toEqual([]);
    expect(warnings).toEqual([]);
    expect(plan.counts.students.created).toBe(440);
  });

  it('has grades 0–9 with classes A and B of 22 students each', () => {
    expect(classes.map((c) => c.id)).toEqual([
      '0A',
      '0B',
      '1A',
      '1B',
      '2A',
      '2B',
      '3A',
      '3B',
      '4A',
      '4B',
      '5A',
      '5B',
      '6A',
      '6B',
      '7A',
      '7B',
      '8A',
      '8B',
      '9A',
      '9B',
    ]);
    for (const c of classes)
      expect(
        students.filter((s) => s.class === c.id),
        c.id,
      ).toHaveLength(STUDENTS_PER_CLASS);
    // Birth years fit the grade: 0th grade turns 6 in the year the school year starts.
    expect(students.filter((s) => s.class === '0A').every((s) => s.birth_date!.startsWith('2020-'))).toBe(true);
    expect(students.filter((s) => s.class === '9B').every((s) => s.birth_date!.startsWith('2011-'))).toBe(true);
  });

  it('gives every class a contact teacher, other teachers, and pedagogues in grades 0–3', () => {
    for (const c of classes) {
      expect(
        staff.filter((s) => list(s.contact_teacher_for).includes(c.id!)),
        c.id,
      ).toHaveLength(1);
      expect(
        staff.some((s) => list(s.class).includes(c.id!) && !list(s.contact_teacher_for).includes(c.id!)),
        c.id,
      ).toBe(true);
    }
    for (const id of ['0A', '0B', '1A', '1B', '2A', '2B', '3A', '3B']) {
      expect(
        staff.some((s) => list(s.roles).includes('pedagogue') && list(s.class).includes(id)),
        id,
      ).toBe(true);
    }
    expect(staff.filter((s) => list(s.roles).includes('leader'))).toHaveLength(1);
    expect(staff.filter((s) => list(s.roles).includes('administrator'))).toHaveLength(1);
  });

  it('has mostly two custody holders in one home, and families in two homes', () => {
    let together = 0;
    let twoHomes = 0;
    for (const s of students) {
      const custody = relationsOf(s.id!)
        .filter((r) => r.kind === 'custody')
        .map((r) => guardianById.get(r.guardian!)!);
      expect(custody.length, s.id).toBeGreaterThanOrEqual(1);
      if (custody.length === 2 && custody[0]!.household === custody[1]!.household) together++;
      if (custody.length === 2 && custody[0]!.household !== custody[1]!.household) twoHomes++;
    }
    expect(together / students.length).toBeGreaterThan(0.5);
    expect(twoHomes).toBeGreaterThan(0);
  });

  it('has parents with the right to information only (§ 23)', () => {
    const informationRight = relations.filter((r) => r.kind === 'information_right');
    expect(informationRight.length).toBeGreaterThanOrEqual(1);
    // They live apart from the custody holder.
    for (const r of informationRight) {
      const custody = relationsOf(r.student!)
        .filter((x) => x.kind === 'custody')
        .map((x) => guardianById.get(x.guardian!)!.household);
      expect(custody).not.toContain(guardianById.get(r.guardian!)!.household);
    }
  });

  it('has exactly one suspended guardian, with a reason, and at least one under address protection', () => {
    const suspended = guardians.filter((g) => g.suspended === 'ja');
    expect(suspended).toHaveLength(1);
    expect(suspended[0]!.suspended_reason).toMatch(/Familieretshuset/);
    const protectedOnes = guardians.filter((g) => g.address_protected === 'ja');
    expect(protectedOnes.length).toBeGreaterThanOrEqual(1);
    // A protected parent shares no household (and so no address) with anyone.
    for (const p of protectedOnes) expect(guardians.filter((g) => g.household === p.household)).toHaveLength(1);
    // Their children still have another custody holder with access.
    for (const g of [...suspended, ...protectedOnes]) {
      for (const child of childrenOf(g.id!)) {
        expect(
          relationsOf(child.id!).some(
            (r) => r.kind === 'custody' && r.guardian !== g.id && guardianById.get(r.guardian!)!.suspended === 'nej',
          ),
        ).toBe(true);
      }
    }
  });

  it('has families with Arabic, Somali, Ukrainian, Turkish and Urdu at home, some needing an interpreter', () => {
    for (const language of DEMO_OTHER_LANGUAGES) {
      expect(
        students.some((s) => s.language === language),
        language,
      ).toBe(true);
      expect(
        guardians.some((g) => g.language === language),
        language,
      ).toBe(true);
    }
    expect(guardians.filter((g) => g.interpreter === 'ja').length).toBeGreaterThanOrEqual(2);
    expect(guardians.filter((g) => g.interpreter === 'ja').every((g) => g.language !== 'da')).toBe(true);
    // Names fit the family's language: a Ukrainian family is not called Jensen.
    const ukrainian = students.filter((s) => s.language === 'uk');
    expect(ukrainian.every((s) => /enko$|Melnyk|Boiko/.test(s.family_name!))).toBe(true);
  });

  it('has siblings, always in different classes', () => {
    const siblingsByGuardian = guardians.map((g) => childrenOf(g.id!)).filter((children) => children.length > 1);
    expect(siblingsByGuardian.length).toBeGreaterThan(20);
    for (const children of siblingsByGuardian) expect(new Set(children.map((c) => c.class)).size).toBe(children.length);
  });

  it('has two class parent representatives per class and a board of parents and staff', () => {
    for (const c of classes) {
      const reps = guardians.filter((g) => list(g.representative_for).includes(c.id!));
      expect(reps, c.id).toHaveLength(2);
      // Representatives are parents in the class.
      for (const rep of reps) expect(childrenOf(rep.id!).some((child) => child.class === c.id)).toBe(true);
    }
    expect(guardians.filter((g) => g.roles === 'board_member')).toHaveLength(5);
    expect(staff.filter((s) => list(s.roles).includes('board_member')).length).toBeGreaterThanOrEqual(1);
  });

  it('gives the demo accounts the people the README promises', () => {
    const byEmail = (email: string) => [...staff, ...guardians, ...students].find((x) => x.email === email)!;
    expect(list(byEmail(DEMO_ACCOUNTS.leader).roles)).toEqual(['leader']);
    expect(list(byEmail(DEMO_ACCOUNTS.administrator).roles)).toEqual(['administrator']);
    expect(list(byEmail(DEMO_ACCOUNTS.contactTeacher).contact_teacher_for)).toEqual(['3A']);
    expect(byEmail(DEMO_ACCOUNTS.student).class).toBe('7A');
    const parent = byEmail(DEMO_ACCOUNTS.guardian);
    const children = relations.filter((r) => r.guardian === parent.id);
    expect(children.map((r) => r.kind)).toEqual(['custody', 'custody']);
    expect(new Set(children.map((r) => studentById.get(r.student!)!.class))).toEqual(new Set(['3A', '7A']));
    const board = byEmail(DEMO_ACCOUNTS.boardMember);
    expect(board.roles).toBe('board_member');
    expect(relations.some((r) => r.guardian === board.id && r.kind === 'custody')).toBe(true);
  });

  it('gives other guardians plain-ASCII e-mail addresses of their own, except families who read letters', () => {
    const others = guardians.filter((g) => !Object.values(DEMO_ACCOUNTS).includes(g.email as never));
    const withEmail = others.filter((g) => g.email !== '');
    expect(withEmail.every((g) => /^[a-z0-9.-]+\.\d+@demo\.samspil\.dk$/.test(g.email!))).toBe(true);
    expect(new Set(guardians.map((g) => g.email).filter(Boolean)).size).toBe(guardians.filter((g) => g.email).length);
    expect(others.filter((g) => g.email === '').every((g) => g.channel === 'letter')).toBe(true);
    expect(asciiFold('Søren Ærø-Åberg Yılmaz Öztürk')).toBe('soerenaeroe-aabergyilmazozturk');
  });

  it('numbers its rows like a file with a header', () => {
    expect(demo.rows.map((r: ImportRow) => r.line)).toEqual(demo.rows.map((_, i) => i + 2));
  });
});
