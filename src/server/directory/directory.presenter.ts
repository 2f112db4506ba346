import type { Membership } from '../policies/membership.js';
import {
  maySeeAddressOf,
  maySeeBirthDate,
  maySeeGuardianContactDetails,
  readsOwnConversationsOf,
} from '../policies/rules.js';
import type { TStudentMessages } from '../../shared/principle/principle.schema.js';
import type { OwnConversationRow } from '../messaging/thread-read.repository.js';
import {
  className,
  type TClassDetail,
  type TClassRef,
  type TClassSummary,
  type TSchoolOverview,
  type TStudentGuardian,
  type TStudentProfile,
} from '../../shared/api/directory.schema.js';
import type { TColleague } from '../../shared/api/messaging.schema.js';
import type {
  FamilyReachFigures,
  PrincipleVersionStatusRow,
  SchoolFigures,
  SchoolRow,
} from './directory.repository.js';
import type { ClassRow, ClassStaffRow, ClassSummaryRow } from './class.repository.js';
import type { GuardianRow, StudentOfClassRow, StudentRow } from './student.repository.js';
import type { StaffRow } from './staff.repository.js';

const fullName = (p: { given_name: string; family_name: string }) => `${p.given_name} ${p.family_name}`.trim();

export const presentClassRef = (c: { id: string; grade: number; letter: string }): TClassRef => ({
  id: c.id,
  name: className(c.grade, c.letter),
  grade: c.grade,
});

/** One guardian as this reader may see them: where they live and how to reach them only for those the rules allow. */
function presentGuardian(m: Membership, g: GuardianRow, student: { id: string; classId: string }): TStudentGuardian {
  const guardian: TStudentGuardian = { id: g.person_id, name: fullName(g), relation: g.kind };
  if (
    g.household_id &&
    maySeeAddressOf(m, { personId: g.person_id, householdProtected: g.household_protected }, student)
  ) {
    guardian.householdId = g.household_id;
    guardian.address = { line: g.address_line ?? '', postalCode: g.postal_code ?? '', city: g.city ?? '' };
  }
  if (maySeeGuardianContactDetails(m, student)) {
    Object.assign(guardian, {
      email: g.email,
      phone: g.phone,
      language: g.language,
      needsInterpreter: g.needs_interpreter,
      preferredChannel: g.preferred_channel,
      suspended: g.suspended,
    });
  }
  return guardian;
}

export function presentStudentProfile(
  m: Membership,
  schoolId: string,
  student: StudentRow,
  staff: ClassStaffRow[],
  guardians: GuardianRow[],
  replyWithinWorkingDays: number | null,
  own: { rule: TStudentMessages; threads: OwnConversationRow[] } | null = null,
): TStudentProfile {
  const ref = { id: student.id, classId: student.class_id };
  const contact = staff.find((s) => s.role === 'contact_teacher');
  return {
    id: student.id,
    schoolId,
    givenName: student.given_name,
    familyName: student.family_name,
    name: fullName(student),
    class: presentClassRef({ id: student.class_id, grade: student.grade, letter: student.letter }),
    ...(maySeeBirthDate(m, ref) ? { birthDate: student.birth_date } : {}),
    firstLanguage: student.first_language,
    contactTeacher: contact
      ? { name: fullName(contact), email: contact.email, phone: contact.phone, contactHours: contact.contact_hours }
      : null,
    classStaff: staff.filter((s) => s !== contact).map((s) => ({ name: fullName(s), role: s.role, email: s.email })),
    guardians: guardians.map((g) => presentGuardian(m, g, ref)),
    responsePromise: replyWithinWorkingDays === null ? null : { replyWithinWorkingDays },
    ownMessages: own && presentOwnMessages(m, student, own.rule, own.threads),
  };
}

/** The student's own conversations: counts and the last time for the custody holders, the threads where they may read them. */
function presentOwnMessages(
  m: Membership,
  student: StudentRow,
  rule: TStudentMessages,
  threads: OwnConversationRow[],
): NonNullable<TStudentProfile['ownMessages']> {
  const last = threads.reduce<Date | null>(
    (latest, t) => (t.lastWrittenAt && (!latest || t.lastWrittenAt > latest) ? t.lastWrittenAt : latest),
    null,
  );
  return {
    fromGrade: rule.fromGrade,
    mayWrite: m.studentId === student.id && student.grade >= rule.fromGrade,
    guardiansSee: rule.guardiansSee,
    conversations: threads.length,
    messagesWritten: threads.reduce((sum, t) => sum + t.written, 0),
    lastWrittenAt: last?.toISOString() ?? null,
    ...(readsOwnConversationsOf(m, student.id, rule.guardiansSee)
      ? {
          threads: threads.map((t) => ({ id: t.id, subject: t.subject, lastMessageAt: t.lastMessageAt.toISOString() })),
        }
      : {}),
  };
}

const contactTeacherOf = (c: ClassSummaryRow) =>
  c.contact_teacher_given_name !== null
    ? { name: `${c.contact_teacher_given_name} ${c.contact_teacher_family_name ?? ''}`.trim() }
    : null;

export function presentClassSummary(c: ClassSummaryRow, m: Membership, childIds: string[]): TClassSummary {
  return {
    ...presentClassRef(c),
    contactTeacher: contactTeacherOf(c),
    studentCount: c.student_count,
    staffRole: m.classRoles.get(c.id) ?? null,
    childIds,
  };
}

/** The roster a class's staff works from: custody holders and the needs that decide how to reach them, never an address. */
export function presentClassDetail(
  c: ClassRow,
  staff: ClassStaffRow[],
  students: StudentOfClassRow[],
  guardians: GuardianRow[],
): TClassDetail {
  return {
    ...presentClassRef(c),
    staff: staff.map((s) => ({ name: fullName(s), role: s.role, email: s.email })),
    students: students.map((s) => {
      const own = guardians.filter((g) => g.student_id === s.id);
      return {
        id: s.id,
        givenName: s.given_name,
        familyName: s.family_name,
        name: fullName(s),
        firstLanguage: s.first_language,
        guardians: own
          .filter((g) => g.kind === 'custody')
          .map((g) => ({
            id: g.person_id,
            name: fullName(g),
            language: g.language,
            needsInterpreter: g.needs_interpreter,
            preferredChannel: g.preferred_channel,
            suspended: g.suspended,
          })),
        hasInformationRightParent: own.some((g) => g.kind === 'information_right'),
      };
    }),
  };
}

/**
 * The school in figures. `leadership` is null for the board: it supervises through aggregates,
 * and figures that point at classes or families are the leadership's only.
 */
export function presentSchoolOverview(
  school: SchoolRow,
  figures: SchoolFigures,
  versions: PrincipleVersionStatusRow[],
  replyWithinWorkingDays: number | null,
  leadership: { reach: FamilyReachFigures; classes: ClassSummaryRow[] } | null,
): TSchoolOverview {
  const adopted = versions.find((v) => v.status === 'adopted');
  const draft = versions.find((v) => v.status === 'draft');
  return {
    school: { id: school.id, name: school.name },
    audience: leadership ? 'leadership' : 'board',
    figures: {
      classes: figures.classes,
      students: figures.students,
      guardians: figures.guardians,
      staff: figures.staff,
    },
    grades: figures.grades,
    principle: {
      status: adopted ? 'adopted' : draft ? 'draft' : 'none',
      version: adopted?.version ?? null,
      adoptedOn: adopted?.adopted_on ?? null,
      draftInProgress: draft !== undefined,
      replyWithinWorkingDays,
    },
    leadership: leadership && {
      ...leadership.reach,
      classesWithoutContactTeacher: leadership.classes.filter((c) => c.contact_teacher_given_name === null).length,
      classes: leadership.classes.map((c) => ({
        ...presentClassRef(c),
        studentCount: c.student_count,
        contactTeacher: contactTeacherOf(c),
      })),
    },
  };
}

/** A colleague as staff choose recipients: name, roles and classes, no contact details. */
export function presentColleague(p: StaffRow): TColleague {
  return {
    id: p.id,
    name: fullName(p),
    roles: [...new Set<TColleague['roles'][number]>([...p.roles, ...p.class_roles.map((c) => c.role)])],
    classes: [...new Set(p.class_roles.map((c) => `${c.grade}.${c.letter}`))],
  };
}
