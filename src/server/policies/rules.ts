import { AppError } from '../errors.js';
import type { Membership } from './membership.js';
import type { ThreadParticipantRole } from '../db/schema.js';

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
export const isMemberOfSchool = (m: Membership) => m.personId !== null || m.studentId !== null;

/** A custody holder (forældremyndighedsindehaver) sees their child. Suspension empties `guardianOf`. */
export const hasCustodyOf = (m: Membership, studentId: string) => m.guardianOf.get(studentId) === 'custody';

/** A parent without custody has a right to information on request only (forældreansvarsloven § 23). */
export const hasInformationRightOf = (m: Membership, studentId: string) =>
  m.guardianOf.get(studentId) === 'information_right';

/**
 * A suspended guardian knows her own children exist, and is told that her access is suspended;
 * any other child answers to her as one that does not exist.
 */
export const isSuspendedGuardianOf = (m: Membership, studentId: string) => m.suspendedFrom.has(studentId);

export const teachesClass = (m: Membership, classId: string) => m.classRoles.has(classId);
export const isContactTeacherOf = (m: Membership, classId: string) => m.classRoles.get(classId) === 'contact_teacher';

/**
 * Who may read a student's record: the custody holders, the student, staff of the student's
 * class, and the leadership. Board members see aggregate figures only, never one child.
 */
export function canReadStudent(m: Membership, student: { id: string; classId: string }): boolean {
  return (
    hasCustodyOf(m, student.id) || m.studentId === student.id || teachesClass(m, student.classId) || runsTheSchool(m)
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
export const mayReadAuditOfStudent = (m: Membership, studentId: string) =>
  hasCustodyOf(m, studentId) || runsTheSchool(m);

/** Inside the app every member reads the adopted principle, except a suspended guardian, who sees nothing. */
export const mayReadAdoptedPrinciple = (m: Membership) => isMemberOfSchool(m) && !m.suspended;
/** The principle is public once adopted; drafts are for the leadership and the board. */
export const mayReadPrincipleDrafts = (m: Membership) => runsTheSchool(m) || isBoardMember(m);
/** Only the leader edits the draft and records the board's adoption. */
export const mayEditPrinciple = isLeader;

/** Imports change the whole directory: administrators and leaders only. */
export const mayImport = runsTheSchool;

/** The class's staff and the leadership work with the child every day. */
export const worksWithStudent = (m: Membership, student: { classId: string }) =>
  teachesClass(m, student.classId) || runsTheSchool(m);

/** The birth date is for custody holders, the class's staff and the leadership. */
export const maySeeBirthDate = (m: Membership, student: { id: string; classId: string }) =>
  hasCustodyOf(m, student.id) || worksWithStudent(m, student);

/** Contact details, language needs and the suspension marker are for those who reach out to the family. */
export const maySeeGuardianContactDetails = worksWithStudent;

/**
 * Where a guardian lives. A household with a protected person in it is shown to administrators
 * only, since its address is the protected person's address too (so a protected guardian's
 * co-parent never learns it). Other addresses go to the class's staff and the leadership, who
 * write to the home, and to the guardian themself; parents are not shown each other's homes.
 */
export function maySeeAddressOf(
  m: Membership,
  guardian: { personId: string; householdProtected: boolean },
  student: { classId: string },
): boolean {
  if (guardian.householdProtected) return maySeeProtectedAddress(m);
  return worksWithStudent(m, student) || m.personId === guardian.personId;
}

/** Every member of the school may list classes; each sees only the classes that are theirs. */
export const mayListClasses = isMemberOfSchool;

/** A class's students with their families' needs: the class's staff and the leadership. */
export const mayReadClassRoster = (m: Membership, classId: string) => teachesClass(m, classId) || runsTheSchool(m);

/** The board supervises (tilsyn) through aggregate figures; the leadership sees the school in full. */
export const mayReadSchoolOverview = (m: Membership) => runsTheSchool(m) || isBoardMember(m);
/** The principle's figures: the leadership in full, the board in aggregate (it supervises the principle). */
export const mayReadPrincipleFigures = mayReadSchoolOverview;
/** Figures that point at classes or families (open information requests, unreached families). */
export const maySeeSchoolDetails = runsTheSchool;

/**
 * Forældreansvarsloven § 23: a parent without custody gets information about the child on
 * request. Custody holders read the child's data directly and need no request.
 */
export const mayRequestInformation = hasInformationRightOf;
export const mayReadOwnInformationRequests = (m: Membership) =>
  [...m.guardianOf.values()].includes('information_right');
/** The child's contact teacher (the hub of the class) and the leadership answer requests. */
export const mayHandleInformationRequestOf = (m: Membership, classId: string) =>
  isContactTeacherOf(m, classId) || runsTheSchool(m);
export const mayHandleInformationRequests = (m: Membership) =>
  runsTheSchool(m) || [...m.classRoles.values()].includes('contact_teacher');

/**
 * Who may write to the school about a child: the custody holders, and a parent with the right to
 * information only, since asking the school is exactly their right (§ 23); nothing else is
 * pushed to them. A suspended guardian writes nothing (`guardianOf` is empty while suspended).
 */
export const mayWriteAboutStudent = (m: Membership, studentId: string) =>
  hasCustodyOf(m, studentId) || hasInformationRightOf(m, studentId);

/**
 * A student writes to the school (their contact teacher) themself, from the grade the school's
 * principle sets; where the principle sets none, students do not write through the platform.
 */
export const mayWriteAsStudent = (
  m: Membership,
  student: { id: string; grade: number; writesFromGrade: number | null },
) => m.studentId === student.id && student.writesFromGrade !== null && student.grade >= student.writesFromGrade;

/** The student and the custody holders know of the student's own conversations with the school. */
export const seesOwnConversationsOf = (m: Membership, studentId: string) =>
  m.studentId === studentId || hasCustodyOf(m, studentId);
/** The conversations themselves: the student's own, and the custody holders' where the principle lets them read. */
export const readsOwnConversationsOf = (m: Membership, studentId: string, guardiansSee: 'activity' | 'content') =>
  m.studentId === studentId || (guardiansSee === 'content' && hasCustodyOf(m, studentId));

/** The reader's place in a thread: `staff`, `guardian` or `student` when a participant, else null. */
export interface ThreadAccess {
  participantRole: ThreadParticipantRole | null;
  studentId: string | null;
  /**
   * The thread is a student's own conversation with the school and the school's principle lets the
   * student's custody holders read it (`communication.studentMessages.guardiansSee = content`).
   */
  custodyReads?: boolean;
}

/**
 * A participant takes part in a thread. A guardian does so only while still the guardian of the
 * child it is about and not suspended: losing custody or being suspended closes the thread too.
 */
export function takesPartInThread(m: Membership, thread: ThreadAccess): boolean {
  if (thread.participantRole === 'staff') return true;
  if (thread.participantRole === 'guardian')
    return !m.suspended && (thread.studentId === null || m.guardianOf.has(thread.studentId));
  // A student writes as that student: a student record moved or removed closes the thread.
  if (thread.participantRole === 'student') return thread.studentId !== null && m.studentId === thread.studentId;
  return false;
}
/**
 * A custody holder reads, without writing in, their child's own conversations with the school
 * where the principle says so; otherwise they see only that and when the child writes.
 */
export const readsChildsConversation = (m: Membership, thread: ThreadAccess) =>
  thread.custodyReads === true && thread.studentId !== null && hasCustodyOf(m, thread.studentId);
/** A thread is read by its participants and by the leadership of its school, who oversee the promises. */
export const mayReadThread = (m: Membership, thread: ThreadAccess) =>
  takesPartInThread(m, thread) || runsTheSchool(m) || readsChildsConversation(m, thread);
/**
 * The leadership answers for the school's promises, so it may answer a thread it is not in yet:
 * its first message makes it a staff participant.
 */
const leadsWithoutTakingPart = (m: Membership, thread: ThreadAccess) =>
  thread.participantRole === null && runsTheSchool(m);
/** The participants write in a thread, and so may the leadership of its school. */
export const mayReplyInThread = (m: Membership, thread: ThreadAccess) =>
  takesPartInThread(m, thread) || leadsWithoutTakingPart(m, thread);
/** Staff in the thread, and the leadership, may answer with an acknowledgement ("modtaget – jeg ringer"), which keeps the promise. */
export const mayAcknowledgeInThread = (m: Membership, thread: ThreadAccess) =>
  thread.participantRole === 'staff' || leadsWithoutTakingPart(m, thread);
/** Only staff mark a message urgent (illness, safety): staff in the thread or the leadership answering it. */
export const mayMarkUrgentInThread = mayAcknowledgeInThread;
/**
 * Who writes to all the guardians of a class: the class's staff and the leadership. Other
 * teachers write to their own classes.
 */
export const mayWriteToClass = (m: Membership, classId: string) => teachesClass(m, classId) || runsTheSchool(m);
/**
 * Who writes to all the guardians of a grade (årgang, e.g. 3.A and 3.B): staff of a class in that
 * grade, and the leadership. `gradeClassIds` are the grade's classes at the school; a grade with
 * none is written to by nobody but the leadership (who are then told it does not exist).
 */
export const mayWriteToGrade = (m: Membership, gradeClassIds: readonly string[]) =>
  gradeClassIds.some((classId) => teachesClass(m, classId)) || runsTheSchool(m);
/** A message to every family of the school speaks for the school: the leadership's alone. */
export const mayWriteToSchool = runsTheSchool;
/**
 * Read receipts are for the staff in the thread, who need to know who has not read it yet, and
 * for the leadership, who may read and answer the thread anyway.
 */
export const mayListThreadReaders = (m: Membership, thread: ThreadAccess) =>
  thread.participantRole === 'staff' || leadsWithoutTakingPart(m, thread);
/** A child's class staff and the leadership write to the child's guardians. */
export const mayWriteToGuardiansOf = worksWithStudent;
/** Staff write to colleagues at their school and find them in the staff list. */
export const mayWriteToStaff = isStaff;
/** Every urgent use is for the leadership to review. */
export const mayReadUrgentUses = runsTheSchool;

/** The inbox narrowed to one child: any guardian of the child (who knows it), or whoever reads the child's record. */
export const mayFilterInboxByStudent = (m: Membership, student: { id: string; classId: string }) =>
  m.guardianOf.has(student.id) || canReadStudent(m, student);
/** The inbox narrowed to one class: its staff and the leadership. */
export const mayFilterInboxByClass = (m: Membership, classId: string) => mayReadClassRoster(m, classId);
/** Broken promises point at staff and families: the leadership's to see. */
export const mayReadBrokenPromises = runsTheSchool;

/**
 * Staff register their own absence; the leadership registers anyone's. Naming someone else
 * without being the leadership is refused on that field.
 */
export function mayRegisterAbsenceOf(m: Membership, personId: string | undefined): boolean {
  if (!isStaff(m)) return false;
  if (personId && personId !== m.personId && !runsTheSchool(m)) throw new AppError('forbidden', { field: 'personId' });
  return true;
}

/** Every member of the school may read its closed days, except a suspended guardian, who sees nothing. */
export const mayReadClosedDays = (m: Membership) => isMemberOfSchool(m) && !m.suspended;
export const mayEditClosedDays = runsTheSchool;

/** Who is told about messages and so keeps notification settings: staff, and guardians while not suspended. */
export const mayKeepNotificationSettings = (m: Membership) => m.personId !== null && (isStaff(m) || isGuardian(m));

/**
 * Who writes messages at a school, and so uploads attachments and keeps drafts there: a
 * guardian with a relation that is not suspended (an empty `guardianOf` while suspended), staff,
 * and a student with a login, who answers in their own conversations with the school.
 */
export const mayWriteMessages = (m: Membership) =>
  m.personId !== null && !m.suspended && (isGuardian(m) || isStaff(m) || m.studentId !== null);

/**
 * A conference round is planned by the leadership for any classes, and by a contact teacher (the
 * hub of the class's collaboration with the homes) for their own classes.
 */
export const mayPlanConferencesFor = (m: Membership, classId: string) =>
  isContactTeacherOf(m, classId) || runsTheSchool(m);
/** Who plans rounds at all: the leadership and contact teachers. */
export const mayPlanConferences = (m: Membership) =>
  runsTheSchool(m) || [...m.classRoles.values()].includes('contact_teacher');
/** A round is read by the leadership and by staff of one of its classes. */
export const mayReadRound = (m: Membership, round: { classIds: readonly string[] }) =>
  runsTheSchool(m) || round.classIds.some((classId) => teachesClass(m, classId));
/** The list of rounds: the leadership's, and each member of staff's for their classes. */
export const mayListRounds = isStaff;
/** A round is opened (its invitations sent) by those who plan every one of its classes. */
export const mayOpenRound = (m: Membership, round: { classIds: readonly string[] }) =>
  round.classIds.every((classId) => mayPlanConferencesFor(m, classId));
/** An invitation is booked by the custody holders it was sent to, while they hold custody and are not suspended. */
export const mayBookInvitation = (m: Membership, invitation: { studentId: string; personIds: readonly string[] }) =>
  m.personId !== null && invitation.personIds.includes(m.personId) && hasCustodyOf(m, invitation.studentId);

/** A conference's facts: its child, the child's class, and the guardians the invitation was sent to. */
interface ConferenceAccess {
  studentId: string;
  classId: string;
  personIds: readonly string[];
}
/** Staff record a conference: the staff of the child's class and the leadership. */
export const mayRecordConference = (m: Membership, c: { classId: string }) =>
  teachesClass(m, c.classId) || runsTheSchool(m);
/** A conference is read by its staff, the guardians it was sent to, and the student themself. */
export const mayReadConference = (m: Membership, c: ConferenceAccess) =>
  mayRecordConference(m, c) || mayBookInvitation(m, c) || m.studentId === c.studentId;
/** The student prepares, and the invitation's guardians with them (the youngest fill in with a grown-up). */
export const mayPrepareConference = (m: Membership, c: ConferenceAccess) =>
  m.studentId === c.studentId || mayBookInvitation(m, c);
/**
 * An agreement is marked done by its owner (the child's custody holders for the home, the student
 * for themself) and always by the staff of the child's class and the leadership.
 */
export const mayMarkAgreementDone = (
  m: Membership,
  a: { id: string; studentId: string; classId: string; owner: 'school' | 'home' | 'student' },
) =>
  mayRecordConference(m, a) ||
  (a.owner === 'home' && hasCustodyOf(m, a.studentId)) ||
  (a.owner === 'student' && m.studentId === a.studentId);
/** A round is finished by those who plan all its classes, after its last day. */
export const mayFinishRound = mayOpenRound;

/**
 * The student plan (elevplan) and the message book (issue 11): read like the child's record (the
 * custody holders, the student, the class's staff and the leadership; a § 23 parent is told to
 * ask the school, and gets it through an information request). Drafting and publishing the plan
 * is the contact teacher's (and the leadership's); the class's other staff add their input and
 * write in the message book; the custody holders confirm reading; the student comments on their
 * own goals.
 */
export const mayReadStudentPlan = canReadStudent;
export const mayDraftStudentPlanFor = (m: Membership, student: { classId: string }) =>
  isContactTeacherOf(m, student.classId) || runsTheSchool(m);
export const mayContributeToStudentPlan = worksWithStudent;
export const mayConfirmStudentPlanRead = hasCustodyOf;
export const mayCommentOnStudentPlan = (m: Membership, studentId: string) => m.studentId === studentId;

/**
 * Folkeskoleloven § 13: parents are told test results in writing. The staff of the student's
 * class and the leadership record a result and send it to the home.
 */
export const mayRecordTestResultOf = worksWithStudent;
/**
 * A written test result: the class's staff and the leadership always; the custody holders once
 * it has been sent to the home; the student their own once sent, from the grade in which
 * students read their own results (`studentReadsOwnTestResults`). A parent with the right to
 * information only is not sent results: they ask (§ 23), and the contact teacher answers.
 */
export const mayReadTestResult = (
  m: Membership,
  r: { studentId: string; classId: string; sent: boolean; studentReads: boolean },
) =>
  worksWithStudent(m, r) ||
  (r.sent && hasCustodyOf(m, r.studentId)) ||
  (r.sent && r.studentReads && m.studentId === r.studentId);
/** A student's list of results: the class's staff and the leadership, the custody holders, and the student from the grade. */
export const mayListTestResultsOf = (m: Membership, s: { id: string; classId: string; studentReads: boolean }) =>
  worksWithStudent(m, s) || hasCustodyOf(m, s.id) || (s.studentReads && m.studentId === s.id);
/** Results not yet told to the home, on a work list: staff. */
export const mayListUnsentTestResults = isStaff;

/**
 * A concern about a child (early dialogue) is for the child's staff team — the staff of the
 * child's class — and the leadership: never for families, the student or the board.
 */
export const mayFollowConcernsOf = worksWithStudent;
/** The list of concerns: each member of staff sees their classes' children's, the leadership all. */
export const mayListConcerns = isStaff;

/**
 * Class parent representatives (kontaktforældre, issue 12), elected per class per school year
 * (`representativeOf` holds the seats of the year in progress). Who they are is known to the
 * class: its custody holders, its staff, the leadership and the representatives themselves.
 */
export const mayReadClassRepresentatives = (m: Membership, c: { id: string; custodyChildIds: readonly string[] }) =>
  teachesClass(m, c.id) ||
  runsTheSchool(m) ||
  m.representativeOf.has(c.id) ||
  c.custodyChildIds.some((studentId) => hasCustodyOf(m, studentId));
/** The contact teacher (the hub of the class) and the leadership record who was elected, and end a seat. */
export const mayRecordClassRepresentatives = (m: Membership, classId: string) =>
  isContactTeacherOf(m, classId) || runsTheSchool(m);
/**
 * A representative writes to all the class's parents through the platform, as staff do
 * (`mayWriteToClass`), but as a parent: never seeing who received it or where they live. A
 * suspended guardian writes nothing.
 */
export const mayWriteToClassAsRepresentative = (m: Membership, classId: string) =>
  m.personId !== null && !m.suspended && m.representativeOf.has(classId);
/** A member's own seats, for their home page. */
export const mayReadOwnRepresentativeSeats = isMemberOfSchool;
/** Parent meetings (forældremøder): the class's staff and the leadership run them. */
export const runsParentMeetingsOf = (m: Membership, classId: string) => teachesClass(m, classId) || runsTheSchool(m);

/** A custody holder of a child in the class: the home is invited and answers. */
export const isHomeOfClass = (m: Membership, c: { childIds: readonly string[] }) =>
  c.childIds.some((id) => hasCustodyOf(m, id));

/**
 * Who plans a class's parent meeting: its staff and the leadership, and its class parent
 * representatives where the principle lets them help plan (seed 001).
 */
export const mayPlanParentMeetingOf = (m: Membership, c: { classId: string; representativesHelp: boolean }) =>
  runsParentMeetingsOf(m, c.classId) || (c.representativesHelp && m.representativeOf.has(c.classId));

/**
 * Who sees a parent meeting: its planners and the class's representatives from the start, the
 * class's homes once they are invited. To anyone else it does not exist.
 */
export const maySeeParentMeeting = (
  m: Membership,
  p: { classId: string; representativesHelp: boolean; invited: boolean; childIds: readonly string[] },
) => mayPlanParentMeetingOf(m, p) || m.representativeOf.has(p.classId) || (p.invited && isHomeOfClass(m, p));

/** Who sees a class's parent meetings at all: its staff, the leadership, its representatives and homes. */
export const maySeeParentMeetingsOf = (m: Membership, c: { classId: string; childIds: readonly string[] }) =>
  runsParentMeetingsOf(m, c.classId) || m.representativeOf.has(c.classId) || isHomeOfClass(m, c);

/**
 * Events (issue 12): an event of a class is for its staff, the leadership, the class parent
 * representatives and the custody holders and students of the class; an event of the school for
 * every member. A suspended guardian sees none.
 */
export interface EventAccess {
  classId: string | null;
  /** The caller's children the event is for. */
  childIds: readonly string[];
}
const hasCustodyAmong = (m: Membership, childIds: readonly string[]) => childIds.some((id) => hasCustodyOf(m, id));
export const mayListEvents = (m: Membership) => isMemberOfSchool(m) && !m.suspended;
export const mayReadEvent = (m: Membership, e: EventAccess) =>
  mayListEvents(m) &&
  (e.classId === null ||
    teachesClass(m, e.classId) ||
    runsTheSchool(m) ||
    m.representativeOf.has(e.classId) ||
    m.studentClassId === e.classId ||
    hasCustodyAmong(m, e.childIds));
/** A class's events are organised by its staff, its class parent representatives and the leadership. */
export const mayOrganiseClassEvents = (m: Membership, classId: string) =>
  teachesClass(m, classId) || runsTheSchool(m) || m.representativeOf.has(classId);
/** The school's own events are the leadership's. */
export const mayOrganiseSchoolEvents = runsTheSchool;
export const mayOrganiseEvent = (m: Membership, e: { classId: string | null }) =>
  e.classId === null ? mayOrganiseSchoolEvents(m) : mayOrganiseClassEvents(m, e.classId);
/** A home answers and takes volunteer slots through a custody holder of a child the event is for. */
export const mayAnswerEvent = (m: Membership, e: EventAccess) => !m.suspended && hasCustodyAmong(m, e.childIds);

/**
 * Play groups (issue 12, point 5): a class's parent representatives organise them, and so may the
 * class's staff and the leadership; a suspended guardian organises nothing.
 */
export const mayOrganisePlayGroups = (m: Membership, classId: string) =>
  (m.representativeOf.has(classId) && !m.suspended) || teachesClass(m, classId) || runsTheSchool(m);
/** Who organises play groups at all: representatives and staff (each sees their own classes). */
export const mayListOrganisedPlayGroups = (m: Membership) =>
  (m.representativeOf.size > 0 && !m.suspended) || isStaff(m);
/** Pairs kept apart (and why) are the staff's: the class's staff and the leadership, never parents. */
export const mayKeepChildrenApart = (m: Membership, classId: string) => teachesClass(m, classId) || runsTheSchool(m);
/** A child's own play group: the custody holders, and the class's staff and the leadership. */
export const mayReadPlayGroupsOf = (m: Membership, s: { id: string; classId: string }) =>
  hasCustodyOf(m, s.id) || worksWithStudent(m, s);
/** Whether the child's home hosts is its custody holders' to say. */
export const mayChangePlayGroupHosting = hasCustodyOf;

/** Class letters (issue 12): the class's staff and the leadership write them, before publishing edit or cancel them. */
export const mayWriteClassLetters = (m: Membership, classId: string) => teachesClass(m, classId) || runsTheSchool(m);

/**
 * Published class letters are read by the class's staff, the leadership, the class's students
 * and the custody holders of its children. A parent with the right to information only gets no
 * automatic posts (§ 23), a suspended guardian nothing.
 */
export const mayReadClassLetters = (m: Membership, cls: { id: string; childIds: readonly string[] }) =>
  mayWriteClassLetters(m, cls.id) || m.studentClassId === cls.id || cls.childIds.some((id) => hasCustodyOf(m, id));

/** Drafts and scheduled letters are for the class's staff and the leadership; the homes see published letters. */
export const mayReadClassLetter = (
  m: Membership,
  letter: { classId: string; published: boolean; childIds: readonly string[] },
) =>
  mayWriteClassLetters(m, letter.classId) ||
  (letter.published && mayReadClassLetters(m, { id: letter.classId, childIds: letter.childIds }));

/** The list of letters due: staff of a class (their own classes) and the leadership (every class). */
export const mayListClassLettersDue = isStaff;
/** The home's feed of class letters: any member of the school; each sees their own classes' letters. */
export const mayReadClassLetterFeed = isMemberOfSchool;
