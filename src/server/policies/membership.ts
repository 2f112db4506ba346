import type { Db } from '../db/database.js';
import { findMembershipRows } from './membership.repository.js';
import type { ClassStaffRole, GuardianshipKind, SchoolRole } from '../db/schema.js';
import { localDate } from '../../domain/calendar/working-days.js';
import { schoolYearNameOf } from '../../domain/class-representatives/representatives.js';

/**
 * What one signed-in user is at one school: their person record, roles, legal relations to
 * children and class assignments. Policies decide from this alone, so it is loaded once per
 * request and school.
 */
export interface Membership {
  schoolId: string;
  userId: string;
  personId: string | null;
  roles: ReadonlySet<SchoolRole>;
  /** A suspended guardian (e.g. forældreansvarsloven § 54 stk. 3 cases) sees nothing as a guardian. */
  suspended: boolean;
  /** student id → custody or information right, empty while suspended. */
  guardianOf: ReadonlyMap<string, GuardianshipKind>;
  /**
   * The children of a suspended guardian: she still knows they exist, so she is told that her
   * access is suspended rather than that they are not there. Empty unless suspended.
   */
  suspendedFrom: ReadonlySet<string>;
  /** class id → the person's role in that class. */
  classRoles: ReadonlyMap<string, ClassStaffRole>;
  /** The classes whose parent representative (kontaktforælder) the person is in the school year in progress. */
  representativeOf: ReadonlySet<string>;
  /** The student record of a signed-in student. */
  studentId: string | null;
  studentClassId: string | null;
}

export const EMPTY_MEMBERSHIP = (schoolId: string, userId: string): Membership => ({
  schoolId,
  userId,
  personId: null,
  roles: new Set(),
  suspended: false,
  guardianOf: new Map(),
  suspendedFrom: new Set(),
  classRoles: new Map(),
  representativeOf: new Set(),
  studentId: null,
  studentClassId: null,
});

/** `at`: the moment of the request (the injected clock), whose school year the representative seats are of. */
export async function loadMembership(db: Db, userId: string, schoolId: string, at: Date): Promise<Membership> {
  const membership = EMPTY_MEMBERSHIP(schoolId, userId);
  const { person, student } = await findMembershipRows(db, userId, schoolId, schoolYearNameOf(localDate(at)));
  if (student) {
    membership.studentId = student.id;
    membership.studentClassId = student.class_id;
  }
  if (!person) return membership;
  return {
    ...membership,
    personId: person.id,
    roles: new Set(person.roles.map((r) => r.role)),
    suspended: person.suspended,
    guardianOf: person.suspended ? new Map() : new Map(person.guardianships.map((g) => [g.student_id, g.kind])),
    suspendedFrom: new Set(person.suspended ? person.guardianships.map((g) => g.student_id) : []),
    classRoles: new Map(person.classRoles.map((c) => [c.class_id, c.role])),
    representativeOf: new Set(person.representatives.map((r) => r.class_id)),
  };
}
