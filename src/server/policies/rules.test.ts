import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ClassStaffRole, GuardianshipKind, SchoolRole } from '../db/schema.js';
import { EMPTY_MEMBERSHIP, type Membership } from './membership.js';
import {
  canReadStudent,
  isAdministrator,
  isSuspendedGuardianOf,
  mayHandleInformationRequestOf,
  mayReadSchoolOverview,
  mayRequestInformation,
  mayWriteToClass,
  mayWriteToGrade,
  mayWriteToSchool,
  maySeeAddressOf,
  maySeeBirthDate,
  maySeeSchoolDetails,
  hasCustodyOf,
  mayReadTestResult,
  mayRecordTestResultOf,
} from './rules.js';
import { actingRole } from '../audit/audit.service.js';

const STUDENTS = ['s1', 's2', 's3'];
const CLASSES = ['c1', 'c2'];
const PEOPLE = ['p1', 'p2', 'p3'];

const arbMembership: fc.Arbitrary<Membership> = fc
  .record({
    personId: fc.option(fc.constantFrom(...PEOPLE), { nil: null }),
    roles: fc.subarray<SchoolRole>(['leader', 'administrator', 'teacher', 'pedagogue', 'board_member']),
    suspended: fc.boolean(),
    guardianOf: fc.array(
      fc.tuple(fc.constantFrom(...STUDENTS), fc.constantFrom<GuardianshipKind>('custody', 'information_right')),
      { maxLength: 3 },
    ),
    classRoles: fc.array(
      fc.tuple(fc.constantFrom(...CLASSES), fc.constantFrom<ClassStaffRole>('contact_teacher', 'teacher', 'pedagogue')),
      { maxLength: 2 },
    ),
    studentId: fc.option(fc.constantFrom(...STUDENTS), { nil: null }),
  })
  .map((r) => ({
    ...EMPTY_MEMBERSHIP('school', 'user'),
    personId: r.personId,
    roles: new Set(r.roles),
    suspended: r.suspended,
    // As loadMembership does: a suspended guardian's relations are not loaded at all.
    guardianOf: r.suspended ? new Map() : new Map(r.guardianOf),
    suspendedFrom: new Set(r.suspended ? r.guardianOf.map(([studentId]) => studentId) : []),
    classRoles: new Map(r.classRoles),
    studentId: r.studentId,
  }));

const arbStudent = fc.record({ id: fc.constantFrom(...STUDENTS), classId: fc.constantFrom(...CLASSES) });
const arbGuardian = fc.record({ personId: fc.constantFrom(...PEOPLE), householdProtected: fc.boolean() });

describe('access rules', () => {
  it('shows a protected household to administrators and to no one else', () => {
    fc.assert(
      fc.property(arbMembership, arbGuardian, arbStudent, (m, guardian, student) => {
        if (guardian.householdProtected) expect(maySeeAddressOf(m, guardian, student)).toBe(isAdministrator(m));
      }),
    );
  });

  it('never shows one parent the home of another parent', () => {
    fc.assert(
      fc.property(arbMembership, arbGuardian, arbStudent, (m, guardian, student) => {
        const staff = m.roles.has('leader') || m.roles.has('administrator') || m.classRoles.has(student.classId);
        if (!staff && m.personId !== guardian.personId) expect(maySeeAddressOf(m, guardian, student)).toBe(false);
      }),
    );
  });

  it('gives a parent with the right to information only, a suspended guardian or a board member no read of a child', () => {
    fc.assert(
      fc.property(arbMembership, arbStudent, (m, student) => {
        const other = m.guardianOf.get(student.id) !== 'custody' && m.studentId !== student.id;
        const noStaffRole =
          !m.roles.has('leader') && !m.roles.has('administrator') && !m.classRoles.has(student.classId);
        if (other && noStaffRole) {
          expect(canReadStudent(m, student)).toBe(false);
          expect(maySeeBirthDate(m, student)).toBe(false);
        }
      }),
    );
  });

  it('tells a suspended guardian about her own children only, and only while suspended', () => {
    fc.assert(
      fc.property(arbMembership, arbStudent, (m, student) => {
        if (isSuspendedGuardianOf(m, student.id)) expect(m.suspended).toBe(true);
        if (!m.suspended) expect(isSuspendedGuardianOf(m, student.id)).toBe(false);
      }),
    );
    const m = { ...EMPTY_MEMBERSHIP('school', 'user'), suspended: true, suspendedFrom: new Set(['s1']) };
    expect(isSuspendedGuardianOf(m, 's1')).toBe(true);
    expect(isSuspendedGuardianOf(m, 's2')).toBe(false);
  });

  it('lets only a parent with the right to information ask, and only about that child', () => {
    fc.assert(
      fc.property(arbMembership, arbStudent, (m, student) => {
        expect(mayRequestInformation(m, student.id)).toBe(m.guardianOf.get(student.id) === 'information_right');
        if (m.suspended) expect(mayRequestInformation(m, student.id)).toBe(false);
      }),
    );
  });

  it('lets the contact teacher of the class or the leadership answer, no other teacher', () => {
    fc.assert(
      fc.property(arbMembership, fc.constantFrom(...CLASSES), (m, classId) => {
        const expected =
          m.classRoles.get(classId) === 'contact_teacher' || m.roles.has('leader') || m.roles.has('administrator');
        expect(mayHandleInformationRequestOf(m, classId)).toBe(expected);
      }),
    );
  });

  it('lets the staff of a class in the grade or the leadership write to the grade, and only the leadership to the school', () => {
    fc.assert(
      fc.property(arbMembership, fc.subarray(CLASSES), (m, gradeClassIds) => {
        const leadership = m.roles.has('leader') || m.roles.has('administrator');
        expect(mayWriteToGrade(m, gradeClassIds)).toBe(leadership || gradeClassIds.some((c) => m.classRoles.has(c)));
        expect(mayWriteToSchool(m)).toBe(leadership);
        // Whoever may write to a class of the grade may write to the grade; a grade is never narrower.
        for (const classId of gradeClassIds)
          if (mayWriteToClass(m, classId)) expect(mayWriteToGrade(m, gradeClassIds)).toBe(true);
        // A grade without classes at the school is the leadership's alone, and so is the school.
        expect(mayWriteToGrade(m, [])).toBe(leadership);
        if (mayWriteToSchool(m)) expect(mayWriteToGrade(m, gradeClassIds)).toBe(true);
      }),
    );
  });

  it('gives the board the overview but never the details that point at families', () => {
    fc.assert(
      fc.property(arbMembership, (m) => {
        if (m.roles.has('board_member')) expect(mayReadSchoolOverview(m)).toBe(true);
        if (!m.roles.has('leader') && !m.roles.has('administrator')) expect(maySeeSchoolDetails(m)).toBe(false);
      }),
    );
  });
});

describe('actingRole: the capacity written to the audit log', () => {
  it('names the relation to the child before any school role', () => {
    fc.assert(
      fc.property(arbMembership, arbStudent, (m, student) => {
        const role = actingRole(m, { studentId: student.id, classId: student.classId });
        const kind = m.guardianOf.get(student.id);
        if (kind) expect(role).toBe(kind === 'custody' ? 'guardian' : 'information_right_parent');
        else if (m.studentId === student.id) expect(role).toBe('student');
        else if (m.classRoles.has(student.classId)) expect(role).toBe(m.classRoles.get(student.classId));
      }),
    );
  });

  it('falls back to the school role, leader first', () => {
    const m = { ...EMPTY_MEMBERSHIP('school', 'user'), roles: new Set<SchoolRole>(['administrator', 'leader']) };
    expect(actingRole(m, { studentId: 's1', classId: 'c1' })).toBe('leader');
    expect(actingRole(EMPTY_MEMBERSHIP('school', 'user'), { studentId: 's1' })).toBeNull();
  });
});

describe('written test results (folkeskoleloven § 13)', () => {
  const arbResult = fc.record({
    studentId: fc.constantFrom(...STUDENTS),
    classId: fc.constantFrom(...CLASSES),
    sent: fc.boolean(),
    studentReads: fc.boolean(),
  });

  it('never shows a result to anyone but its child, the child’s custody holders and the staff who work with the child', () => {
    fc.assert(
      fc.property(arbMembership, arbResult, (m, r) => {
        if (!mayReadTestResult(m, r)) return;
        const staff = mayRecordTestResultOf(m, r);
        const home = hasCustodyOf(m, r.studentId) || m.studentId === r.studentId;
        expect(staff || home).toBe(true);
        // Before it is sent to the home, only the staff see it; a parent with the right to
        // information only, or a suspended guardian, never does by this rule.
        if (!r.sent) expect(staff).toBe(true);
        if (!staff && m.guardianOf.get(r.studentId) !== 'custody') expect(m.studentId).toBe(r.studentId);
      }),
    );
  });

  it('lets a student read their own result only once sent and from the grade that reads them', () => {
    const student = { ...EMPTY_MEMBERSHIP('school', 'user'), studentId: 's1' };
    const r = { studentId: 's1', classId: 'c1', sent: true, studentReads: true };
    expect(mayReadTestResult(student, r)).toBe(true);
    expect(mayReadTestResult(student, { ...r, sent: false })).toBe(false);
    expect(mayReadTestResult(student, { ...r, studentReads: false })).toBe(false);
    expect(mayReadTestResult(student, { ...r, studentId: 's2' })).toBe(false);
  });
});
