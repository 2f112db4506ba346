import { z } from 'zod';
import { ZLocale, ZUuid } from './common.schema.js';

/** Every capacity a person can have at a school; one person may hold several. */
export const ROLES = [
  'guardian',
  'information_right_parent',
  'student',
  'contact_teacher',
  'teacher',
  'pedagogue',
  'leader',
  'administrator',
  'board_member',
  'class_representative',
] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

export const ZClassStaffRole = z.enum(['contact_teacher', 'teacher', 'pedagogue']);
export type TClassStaffRole = z.infer<typeof ZClassStaffRole>;

/** custody = forældremyndighed; information_right = orienteringsret only (forældreansvarsloven § 23). */
export const ZGuardianRelation = z.enum(['custody', 'information_right']);
export type TGuardianRelation = z.infer<typeof ZGuardianRelation>;

export const ZPreferredChannel = z.enum(['app', 'email', 'sms', 'letter']);

/** "3.A": grade, a dot, the class letter. Grade 0 is børnehaveklassen. */
export const className = (grade: number, letter: string) => `${grade}.${letter}`;

export const ZClassRef = z.object({
  id: ZUuid,
  /** e.g. "3.A" */
  name: z.string(),
  grade: z.number().int(),
});
export type TClassRef = z.infer<typeof ZClassRef>;

// ---------------------------------------------------------------- /api/me

/** What the signed-in user may do at a school, so the client shows only the buttons that work. */
export const ZAbilities = z.object({
  readSchoolOverview: z.boolean(),
  editPrinciple: z.boolean(),
  readPrincipleDrafts: z.boolean(),
  importDirectory: z.boolean(),
  searchAuditLog: z.boolean(),
  handleInformationRequests: z.boolean(),
  /** Add and remove the school's own closed days (holidays the reply promise skips). */
  editClosedDays: z.boolean(),
  /** Plan conference rounds: the leadership for any classes, a contact teacher for their own. */
  planConferences: z.boolean(),
});
export type TAbilities = z.infer<typeof ZAbilities>;

export const ZMeSchool = z.object({
  id: ZUuid,
  name: z.string(),
  slug: z.string(),
  roles: z.array(ZRole),
  /** The person's guardian access is suspended at this school: no children are listed for it. */
  suspended: z.boolean(),
  abilities: ZAbilities,
  /** The signed-in student's own student record at this school; null for everyone else. */
  studentId: ZUuid.nullable(),
});

export const ZMeChild = z.object({
  id: ZUuid,
  schoolId: ZUuid,
  givenName: z.string(),
  familyName: z.string(),
  name: z.string(),
  relation: ZGuardianRelation,
  /**
   * The child's class. Null for a parent with the right to information only: § 23 gives
   * information on request, so nothing about the child is handed out unasked.
   */
  class: ZClassRef.nullable(),
});
export type TMeChild = z.infer<typeof ZMeChild>;

export const ZMe = z.object({
  id: ZUuid,
  name: z.string(),
  email: z.string(),
  locale: ZLocale,
  /** The union of the roles over all schools. */
  roles: z.array(ZRole),
  schools: z.array(ZMeSchool),
  children: z.array(ZMeChild),
});
export type TMe = z.infer<typeof ZMe>;

export const ZUpdatePreferences = z.object({ locale: ZLocale });
export type TUpdatePreferences = z.infer<typeof ZUpdatePreferences>;
export const ZPreferences = z.object({ locale: ZLocale });

// ---------------------------------------------------------------- student profile

export const ZStudentParams = z.object({ schoolId: ZUuid, studentId: ZUuid });
export const ZClassParams = z.object({ schoolId: ZUuid, classId: ZUuid });

export const ZAddress = z.object({ line: z.string(), postalCode: z.string(), city: z.string() });

export const ZStudentGuardian = z.object({
  id: ZUuid,
  name: z.string(),
  relation: ZGuardianRelation,
  /** Left out when the reader may not see where the guardian lives (always for protected addresses). */
  householdId: ZUuid.optional(),
  address: ZAddress.optional(),
  /** Contact details and needs: for the class's staff and the leadership only. */
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  language: z.string().optional(),
  needsInterpreter: z.boolean().optional(),
  preferredChannel: ZPreferredChannel.optional(),
  /** Staff must not send to a suspended guardian; only staff and leadership see the marker. */
  suspended: z.boolean().optional(),
});
export type TStudentGuardian = z.infer<typeof ZStudentGuardian>;

export const ZContactTeacher = z.object({
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** Free text such as "man–tors 8–15"; null when the teacher has not set it. */
  contactHours: z.string().nullable(),
});

export const ZClassStaffMember = z.object({
  name: z.string(),
  role: ZClassStaffRole,
  email: z.string().nullable(),
});

export const ZStudentProfile = z.object({
  id: ZUuid,
  schoolId: ZUuid,
  givenName: z.string(),
  familyName: z.string(),
  name: z.string(),
  class: ZClassRef,
  /** YYYY-MM-DD; for custody holders, the class's staff and the leadership only. */
  birthDate: z.string().nullable().optional(),
  firstLanguage: z.string(),
  contactTeacher: ZContactTeacher.nullable(),
  /** The class's other teachers and pedagogues. */
  classStaff: z.array(ZClassStaffMember),
  guardians: z.array(ZStudentGuardian),
  /** The school's promise from its adopted principle, e.g. a reply within 3 working days. */
  responsePromise: z.object({ replyWithinWorkingDays: z.number().int() }).nullable(),
  /**
   * The student's own conversations with the school (the principle's `studentMessages`), for the
   * student and the custody holders only; null for anyone else and where students do not write.
   * Custody holders see that and when the child writes; the conversations themselves (`threads`)
   * only where the principle lets them read them, and the student always.
   */
  ownMessages: z
    .object({
      fromGrade: z.number().int(),
      /** The student's grade has reached `fromGrade`. */
      mayWrite: z.boolean(),
      guardiansSee: z.enum(['activity', 'content']),
      conversations: z.number().int(),
      messagesWritten: z.number().int(),
      lastWrittenAt: z.string().nullable(),
      threads: z.array(z.object({ id: ZUuid, subject: z.string(), lastMessageAt: z.string() })).optional(),
    })
    .nullable(),
});
export type TStudentProfile = z.infer<typeof ZStudentProfile>;

// ---------------------------------------------------------------- classes

export const ZClassSummary = ZClassRef.extend({
  contactTeacher: z.object({ name: z.string() }).nullable(),
  studentCount: z.number().int(),
  /** The reader's own role in the class as staff, if any. */
  staffRole: ZClassStaffRole.nullable(),
  /** The reader's own children in the class (custody only). */
  childIds: z.array(ZUuid),
});
export type TClassSummary = z.infer<typeof ZClassSummary>;
export const ZClassList = z.object({ classes: z.array(ZClassSummary) });
export type TClassList = z.infer<typeof ZClassList>;

export const ZClassGuardian = z.object({
  id: ZUuid,
  name: z.string(),
  language: z.string(),
  needsInterpreter: z.boolean(),
  preferredChannel: ZPreferredChannel,
  /** Access suspended: do not send to this guardian. */
  suspended: z.boolean(),
});

export const ZClassStudent = z.object({
  id: ZUuid,
  givenName: z.string(),
  familyName: z.string(),
  name: z.string(),
  firstLanguage: z.string(),
  /** Custody holders only; a parent with the right to information is flagged below instead. */
  guardians: z.array(ZClassGuardian),
  /** A parent without custody exists: give information on request only, never automatic posts. */
  hasInformationRightParent: z.boolean(),
});
export type TClassStudent = z.infer<typeof ZClassStudent>;

export const ZClassDetail = ZClassRef.extend({
  staff: z.array(ZClassStaffMember),
  students: z.array(ZClassStudent),
});
export type TClassDetail = z.infer<typeof ZClassDetail>;

// ---------------------------------------------------------------- school overview

export const ZSchoolOverview = z.object({
  school: z.object({ id: ZUuid, name: z.string() }),
  /** `board`: aggregate figures only, never a name or a single child. */
  audience: z.enum(['leadership', 'board']),
  figures: z.object({
    classes: z.number().int(),
    students: z.number().int(),
    guardians: z.number().int(),
    staff: z.number().int(),
  }),
  grades: z.array(z.object({ grade: z.number().int(), classes: z.number().int(), students: z.number().int() })),
  principle: z.object({
    status: z.enum(['adopted', 'draft', 'none']),
    /** The adopted version, when there is one. */
    version: z.number().int().nullable(),
    adoptedOn: z.string().nullable(),
    draftInProgress: z.boolean(),
    replyWithinWorkingDays: z.number().int().nullable(),
  }),
  /** Figures that point at classes or families: the leadership's only. */
  leadership: z
    .object({
      openInformationRequests: z.number().int(),
      classesWithoutContactTeacher: z.number().int(),
      guardiansNeedingInterpreter: z.number().int(),
      guardiansWithoutAccount: z.number().int(),
      suspendedGuardians: z.number().int(),
      classes: z.array(
        ZClassRef.extend({ studentCount: z.number().int(), contactTeacher: z.object({ name: z.string() }).nullable() }),
      ),
    })
    .nullable(),
});
export type TSchoolOverview = z.infer<typeof ZSchoolOverview>;
