import type { Membership } from './membership.js';

/**
 * The access rules, written to read like the law and the school's own rules (PRODUCT.md).
 * Every route's policy is built from these; nothing else in the server decides who sees what.
 */

export const isLeader = (m: Membership) => m.roles.has('leader');
export const isAdministrator = (m: Membership) => m.roles.has('administrator');
/** Leaders and administrators run the school and see all of it. */
export const runsTheSchool = (m: Membership) => isLeader(m) || isAdministrator(m);
export const isStaff = (m: Membership) =>
  runsTheSchool(m) || m.roles.has('teacher') || m.roles.has('pedagogue') || m.classRoles.size > 0;
export const isBoardMember = (m: Membership) => m.roles.has('board_member');
export const isGuardian = (m: Membership) => m.guardianOf.size > 0;
export const isMemberOfSchool = (m: Membership) =>
  m.personId !== null || m.studentId !== null;

/** A custody holder (forældremyndighedsindehaver) sees their child. Suspension empties `guardianOf`. */
export const hasCustodyOf = (m: Membership, studentId: string) => m.guardianOf.get(studentId) === 'custody';

/** A parent without custody has a right to information on request only (forældreansvarsloven § 23). */
export const hasInformationRightOf = (m: Membership, studentId: string) => m.guardianOf.get(studentId) === 'information_right';

export const teachesClass = (m: Membership, classId: string) => m.classRoles.has(classId);
export const isContactTeacherOf = (m: Membership, classId: string) => m.classRoles.get(classId) === 'contact_teacher';

/**
 * Who may read a student's record: the custody holders, the student, staff of the student's
 * class, and the leadership. Board members see aggregate figures only, never one child.
 */
export function canReadStudent(m: Membership, student: { id: string; classId: string }): boolean {
  return (
    hasCustodyOf(m, student.id) ||
    m.studentId === student.id ||
    teachesClass(m, student.classId) ||
    runsTheSchool(m)
  );
}

/** Who may see a class: its staff, the leadership, and custody holders and students in it. */
export function canReadClass(m: Membership, classId: string, guardianClassIds: ReadonlySet<string>): boolean {
  return teachesClass(m, classId) || runsTheSchool(m) || guardianClassIds.has(classId) || m.studentClassId === classId;
}

/** A protected person's address and household are shown to administrators only. */
export const maySeeProtectedAddress = (m: Membership) => isAdministrator(m);

/** The audit log of the whole school is the leadership's to search. */
export const maySearchAuditLog = runsTheSchool;

/** A custody holder may read who has read their child's data. */
export const mayReadAuditOfStudent = (m: Membership, studentId: string) => hasCustodyOf(m, studentId) || runsTheSchool(m);

/** The principle is public once adopted; drafts are for the leadership and the board. */
export const mayReadPrincipleDrafts = (m: Membership) => runsTheSchool(m) || isBoardMember(m);
/** Only the leader edits the draft and records the board's adoption. */
export const mayEditPrinciple = isLeader;

/** Imports change the whole directory: administrators and leaders only. */
export const mayImport = runsTheSchool;
