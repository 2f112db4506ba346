import type { Actor, SignedInContext } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { EMPTY_MEMBERSHIP, type Membership } from './membership.js';
import {
  canReadStudent,
  hasInformationRightOf,
  isMemberOfSchool,
  isSuspendedGuardianOf,
  mayAcknowledgeInThread,
  mayFilterInboxByClass,
  mayFilterInboxByStudent,
  mayHandleInformationRequestOf,
  mayListThreadReaders,
  mayMarkUrgentInThread,
  mayReadThread,
  mayReplyInThread,
  mayWriteAboutStudent,
  mayWriteAsStudent,
  mayPlanConferencesFor,
  mayReadRound,
  mayOpenRound,
  mayBookInvitation,
  mayFinishRound,
  mayMarkAgreementDone,
  mayPrepareConference,
  mayReadConference,
  mayRecordConference,
  mayRecordTestResultOf,
  mayReadTestResult,
  mayListTestResultsOf,
  teachesClass,
  mayWriteToClass,
  mayWriteToGuardiansOf,
  runsTheSchool,
  worksWithStudent,
  mayReadStudentPlan,
  mayDraftStudentPlanFor,
  mayContributeToStudentPlan,
  mayConfirmStudentPlanRead,
  mayCommentOnStudentPlan,
  mayFollowConcernsOf,
  mayReadClassRepresentatives,
  mayRecordClassRepresentatives,
  runsParentMeetingsOf,
  isHomeOfClass,
  mayPlanParentMeetingOf,
  maySeeParentMeeting,
  maySeeParentMeetingsOf,
  mayReadEvent,
  mayOrganiseClassEvents,
  mayAnswerEvent,
  mayOrganiseEvent,
  mayOrganisePlayGroups,
  mayKeepChildrenApart,
  mayReadPlayGroupsOf,
  mayChangePlayGroupHosting,
  mayWriteClassLetters,
  mayReadClassLetters,
  mayReadClassLetter,
} from './rules.js';
import { recordAudit } from '../audit/audit.service.js';
import type { TAuditAction } from '../../shared/api/audit.schema.js';
import { studentReadsOwnTestResults } from '../../domain/test-results/test-results.js';
import {
  loadAttachments,
  loadClasses,
  loadSchools,
  loadGuardianships,
  loadInformationRequests,
  loadNotifications,
  loadOwnSessions,
  loadStaffAbsences,
  loadInvitations,
  loadConferences,
  loadAgreements,
  loadRounds,
  loadStudents,
  loadStudentWriters,
  loadThreads,
  loadTestResults,
  loadStudentGrades,
  loadConcerns,
  loadClassesWithCustody,
  loadParentMeetingClasses,
  loadParentMeetings,
  loadEvents,
  loadEventSlots,
  loadLetterClasses,
  loadClassLetters,
  type AccessScope,
  type ThreadFacts,
} from './access.repository.js';

/**
 * A row-level permission: how to load the facts about the rows a request names (by set, one
 * query), and the rules of rules.ts that decide. `sees` says who may know the row exists: anyone
 * else gets 404, exactly as for an id that does not exist. `may` (default: `sees`) says who may
 * act on it: one who sees it but may not gets `denied` (default 403 forbidden).
 */
interface AccessRule<Row extends { id: string; schoolId: string | null }> {
  load(db: Db, scope: AccessScope, ids: readonly string[], now: Date): Promise<Row[]>;
  sees(m: Membership, row: Row, actor: Actor): boolean;
  may?(m: Membership, row: Row, actor: Actor): boolean;
  denied?(m: Membership, row: Row): AppError;
  /**
   * A read of a child's data refused (a row of a school the caller belongs to that they may not
   * see, or see but not read) is logged in that child's audit log under this action.
   */
  deniedRead?: { action: TAuditAction; studentOf(row: Row): string };
}

const rule = <Row extends { id: string; schoolId: string | null }>(r: AccessRule<Row>) => r;

const threadAccess = (t: ThreadFacts) => ({
  participantRole: t.participantRole,
  studentId: t.studentId,
  custodyReads: t.custodyReads,
});
const readsThread = (m: Membership, t: ThreadFacts) => mayReadThread(m, threadAccess(t));

/** Every row-level permission a route can require. */
const RULES = {
  /**
   * A child's record: custody holders, the student, the class's staff and the leadership. A parent
   * with the right to information only is told to ask (§ 23), a suspended guardian of the child
   * that she is; to anyone else the child does not exist.
   */
  'student.read': rule({
    load: loadStudents,
    sees: (m, s) => canReadStudent(m, s) || hasInformationRightOf(m, s.id) || isSuspendedGuardianOf(m, s.id),
    may: (m, s) => canReadStudent(m, s),
    denied: (m, s) => new AppError(hasInformationRightOf(m, s.id) ? 'information_right_only' : 'guardian_suspended'),
  }),
  /**
   * A guardian writes to the school about their child (custody or § 23). The caller's relation
   * is loaded even while suspended, so a suspended guardian is told so.
   */
  'student.write-about': rule({
    load: loadGuardianships,
    sees: () => true,
    may: (m, s) => mayWriteAboutStudent(m, s.id),
    denied: (m) => new AppError(m.suspended ? 'guardian_suspended' : 'forbidden'),
  }),
  /**
   * A student writes to their contact teacher. Only the student knows this way in: anyone else is
   * told the student does not exist here; a student below the principle's grade is told why not.
   */
  'student.write-to-school': rule({
    load: loadStudentWriters,
    sees: (m, s) => m.studentId === s.id,
    may: (m, s) => mayWriteAsStudent(m, s),
    denied: () => new AppError('student_messages_not_allowed'),
  }),
  /** Staff write to a child's guardians: the class's staff and the leadership. */
  'student.write-to-guardians': rule({ load: loadStudents, sees: (m, s) => mayWriteToGuardiansOf(m, s) }),
  /** A draft of a new thread about a child: by a guardian who may write about the child, its class's staff, or the student. */
  'student.draft': rule({
    load: loadStudents,
    sees: (m, s) => mayWriteAboutStudent(m, s.id) || mayWriteToGuardiansOf(m, s) || m.studentId === s.id,
  }),
  /** A draft is about a child the writer writes about (guardian) or reads (staff): advice may consider it. */
  'student.advise': rule({
    load: loadStudents,
    sees: (m, s) => mayWriteAboutStudent(m, s.id) || canReadStudent(m, s),
  }),
  /** A message to a class: its staff and the leadership. */
  'class.advise': rule({ load: loadClasses, sees: (m, c) => mayWriteToClass(m, c.id) }),
  /** Any member of the school. */
  'school.advise': rule({ load: loadSchools, sees: (m) => isMemberOfSchool(m) }),
  /** The caller's own inbox narrowed to a child or a class (the list stays the caller's own threads). */
  'student.inbox-filter': rule({ load: loadStudents, sees: (m, s) => mayFilterInboxByStudent(m, s) }),
  'class.inbox-filter': rule({ load: loadClasses, sees: (m, c) => mayFilterInboxByClass(m, c.id) }),
  /** Staff write to colleagues about a child they work with. */
  'student.discuss': rule({ load: loadStudents, sees: (m, s) => worksWithStudent(m, s) }),
  'thread.read': rule({ load: loadThreads, sees: readsThread }),
  'thread.reply': rule({ load: loadThreads, sees: readsThread, may: (m, t) => mayReplyInThread(m, threadAccess(t)) }),
  'thread.acknowledge': rule({
    load: loadThreads,
    sees: readsThread,
    may: (m, t) => mayAcknowledgeInThread(m, threadAccess(t)),
  }),
  'thread.mark-urgent': rule({
    load: loadThreads,
    sees: readsThread,
    may: (m, t) => mayMarkUrgentInThread(m, threadAccess(t)),
    denied: () => new AppError('urgent_staff_only', { field: 'urgent' }),
  }),
  'thread.list-readers': rule({
    load: loadThreads,
    sees: readsThread,
    may: (m, t) => mayListThreadReaders(m, threadAccess(t)),
  }),
  /**
   * A sent attachment is for whoever reads its thread, a class letter's for whoever reads the
   * letter; a pending one is its uploader's alone.
   */
  'attachment.read': rule({
    load: loadAttachments,
    sees: (m, a) => (a.thread ? readsThread(m, a.thread) : a.letter ? mayReadClassLetter(m, a.letter) : a.own),
  }),
  /** Only a pending upload is removed, by its uploader. */
  'attachment.remove': rule({
    load: loadAttachments,
    sees: (_m, a) => a.thread === null && a.letter === null && a.own,
  }),
  'notification.read': rule({ load: loadNotifications, sees: (_m, n) => n.own }),
  /** Staff do not see each other's absences; the leadership sees and removes all. */
  'staff-absence.remove': rule({ load: loadStaffAbsences, sees: (m, a) => a.own || runsTheSchool(m) }),
  /** The child's contact teacher and the leadership answer a § 23 request. */
  'information-request.answer': rule({
    load: loadInformationRequests,
    sees: (m, r) => mayHandleInformationRequestOf(m, r.classId),
  }),
  /** A class a round is planned for: its contact teacher and the leadership; its other staff are refused. */
  'class.plan-conferences': rule({
    load: loadClasses,
    sees: (m, c) => teachesClass(m, c.id) || runsTheSchool(m),
    may: (m, c) => mayPlanConferencesFor(m, c.id),
  }),
  /** A conference round: the leadership and the staff of its classes. */
  'conference-round.read': rule({ load: loadRounds, sees: (m, r) => mayReadRound(m, r) }),
  /** Sending a round's invitations: those who plan all its classes; its other staff are refused. */
  'conference-round.open': rule({
    load: loadRounds,
    sees: (m, r) => mayReadRound(m, r),
    may: (m, r) => mayOpenRound(m, r),
  }),
  /** A home's invitation: the custody holders it was sent to; to anyone else it does not exist. */
  'conference-invitation.book': rule({ load: loadInvitations, sees: (m, i) => mayBookInvitation(m, i) }),
  /** A home's booked meeting in a calendar: its custody holders, the staff of the class and the leadership. */
  'conference-invitation.calendar': rule({
    load: loadInvitations,
    sees: (m, i) => mayBookInvitation(m, i) || mayReadRound(m, { classIds: [i.classId] }),
  }),
  /** Finishing a round after its last day: those who plan all its classes; its other staff are refused. */
  'conference-round.finish': rule({
    load: loadRounds,
    sees: (m, r) => mayReadRound(m, r),
    may: (m, r) => mayFinishRound(m, r),
  }),
  /** A conference: the staff of the child's class, the leadership, the guardians invited and the student. */
  'conference.read': rule({ load: loadConferences, sees: (m, c) => mayReadConference(m, c) }),
  /** The student's preparation: the student and the guardians invited; staff read it. */
  'conference.prepare': rule({
    load: loadConferences,
    sees: (m, c) => mayReadConference(m, c),
    may: (m, c) => mayPrepareConference(m, c),
  }),
  /** Notes, agreements and marking it held: the staff of the child's class and the leadership. */
  'conference.record': rule({
    load: loadConferences,
    sees: (m, c) => mayReadConference(m, c),
    may: (m, c) => mayRecordConference(m, c),
  }),
  /** An agreement: whoever reads the child sees it; its owner and the child's staff mark it done. */
  'conference-agreement.mark-done': rule({
    load: loadAgreements,
    sees: (m, a) => canReadStudent(m, { id: a.studentId, classId: a.classId }),
    may: (m, a) => mayMarkAgreementDone(m, a),
  }),
  /**
   * The student plan and the message book: read like the child's record; a § 23 parent is told to
   * ask (information request), a suspended guardian that she is. A refused read is logged.
   */
  'student-plan.read': rule({
    load: loadStudents,
    sees: (m, s) => mayReadStudentPlan(m, s) || hasInformationRightOf(m, s.id) || isSuspendedGuardianOf(m, s.id),
    may: (m, s) => mayReadStudentPlan(m, s),
    denied: (m, s) => new AppError(hasInformationRightOf(m, s.id) ? 'information_right_only' : 'guardian_suspended'),
    deniedRead: { action: 'student-plan.read-refused', studentOf: (s) => s.id },
  }),
  /** Drafting and publishing the plan: the contact teacher and the leadership; the class's other staff are refused. */
  'student-plan.draft': rule({
    load: loadStudents,
    sees: (m, s) => worksWithStudent(m, s),
    may: (m, s) => mayDraftStudentPlanFor(m, s),
    denied: () => new AppError('student_plan_contact_teacher_only'),
  }),
  /** Input to the plan, goal reviews and message-book entries: the class's staff and the leadership. */
  'student-plan.contribute': rule({ load: loadStudents, sees: (m, s) => mayContributeToStudentPlan(m, s) }),
  /** "Vi har læst planen": the custody holders. */
  'student-plan.confirm-read': rule({
    load: loadStudents,
    sees: (m, s) => mayReadStudentPlan(m, s) || hasInformationRightOf(m, s.id) || isSuspendedGuardianOf(m, s.id),
    may: (m, s) => mayConfirmStudentPlanRead(m, s.id),
    denied: (m, s) =>
      new AppError(
        hasInformationRightOf(m, s.id)
          ? 'information_right_only'
          : isSuspendedGuardianOf(m, s.id)
            ? 'guardian_suspended'
            : 'forbidden',
      ),
  }),
  /** The student comments on their own goals; others who read the plan are refused. */
  'student-plan.comment': rule({
    load: loadStudents,
    sees: (m, s) => mayReadStudentPlan(m, s),
    may: (m, s) => mayCommentOnStudentPlan(m, s.id),
  }),
  /**
   * Recording a test result (§ 13): the staff of the student's class and the leadership. To anyone
   * else, a teacher of another class included, the student does not exist here.
   */
  'student.record-test-result': rule({ load: loadStudents, sees: (m, s) => mayRecordTestResultOf(m, s) }),
  /**
   * A student's test results: the class's staff, the leadership, the custody holders, and the
   * student from grade 7. A § 23 parent is told to ask, a suspended guardian that she is, a
   * younger student that results are told to the parents; to anyone else the child does not exist.
   */
  'student.test-results': rule({
    load: loadStudentGrades,
    sees: (m, s) => canReadStudent(m, s) || hasInformationRightOf(m, s.id) || isSuspendedGuardianOf(m, s.id),
    may: (m, s) => mayListTestResultsOf(m, { ...s, studentReads: studentReadsOwnTestResults(s.grade) }),
    denied: (m, s) =>
      new AppError(
        hasInformationRightOf(m, s.id)
          ? 'information_right_only'
          : isSuspendedGuardianOf(m, s.id)
            ? 'guardian_suspended'
            : 'test_results_told_to_parents',
      ),
    deniedRead: { action: 'test-result.read-refused', studentOf: (s) => s.id },
  }),
  /** One written result: whoever may read it (rules.ts `mayReadTestResult`); to anyone else it does not exist. */
  'test-result.read': rule({
    load: loadTestResults,
    sees: (m, r) => mayReadTestResult(m, { ...r, studentReads: studentReadsOwnTestResults(r.grade) }),
    deniedRead: { action: 'test-result.read-refused', studentOf: (r) => r.studentId },
  }),
  /** Sending a result to the home: the staff of the student's class and the leadership. */
  'test-result.send': rule({ load: loadTestResults, sees: (m, r) => mayRecordTestResultOf(m, r) }),
  /** A child's concerns: the staff of the child's class and the leadership; a refused read is logged. */
  'student.concerns': rule({
    load: loadStudents,
    sees: (m, s) => mayFollowConcernsOf(m, s),
    deniedRead: { action: 'concern.read-refused', studentOf: (s) => s.id },
  }),
  /** A concern: read, contacts recorded and closed by the child's staff team and the leadership; a refused read is logged. */
  'concern.follow-up': rule({
    load: loadConcerns,
    sees: (m, c) => mayFollowConcernsOf(m, c),
    deniedRead: { action: 'concern.read-refused', studentOf: (c) => c.studentId },
  }),
  /** A class's parent meetings: its staff, the leadership, its representatives and its homes. */
  'class.parent-meetings': rule({ load: loadParentMeetingClasses, sees: (m, c) => maySeeParentMeetingsOf(m, c) }),
  /** Planning a new parent meeting: the class's staff, the leadership, and the representatives where the principle says so. */
  'class.plan-parent-meeting': rule({
    load: loadParentMeetingClasses,
    sees: (m, c) => maySeeParentMeetingsOf(m, c),
    may: (m, c) => mayPlanParentMeetingOf(m, c),
  }),
  /** A parent meeting: its planners and the representatives; the class's homes once invited. */
  'parent-meeting.read': rule({ load: loadParentMeetings, sees: (m, p) => maySeeParentMeeting(m, p) }),
  /** Time, place and agenda: its planners (the route's service refuses once the homes are invited). */
  'parent-meeting.plan': rule({
    load: loadParentMeetings,
    sees: (m, p) => maySeeParentMeeting(m, p),
    may: (m, p) => mayPlanParentMeetingOf(m, p),
  }),
  /** Inviting the homes, taking attendance, publishing the minutes: the class's staff and the leadership. */
  'parent-meeting.run': rule({
    load: loadParentMeetings,
    sees: (m, p) => maySeeParentMeeting(m, p),
    may: (m, p) => runsParentMeetingsOf(m, p.classId),
  }),
  /**
   * A home's answer: a custody holder of a child in the class. A guardian of another class does
   * not see the meeting (404, as for one that does not exist); staff who see it are refused.
   */
  'parent-meeting.answer': rule({
    load: loadParentMeetings,
    sees: (m, p) => maySeeParentMeeting(m, p),
    may: (m, p) => p.invited && isHomeOfClass(m, p),
  }),
  /** Creating an event of a class: its staff, its class parent representatives and the leadership. */
  'class.organise-events': rule({
    load: loadClasses,
    sees: (m, c) => mayOrganiseClassEvents(m, c.id),
  }),
  /** An event: whoever it is for (rules.ts `mayReadEvent`); to anyone else it does not exist. */
  'event.read': rule({ load: loadEvents, sees: (m, e) => mayReadEvent(m, e) }),
  /** Changing or cancelling an event: whoever may create it (rules.ts `mayOrganiseEvent`); others who see it are refused. */
  'event.organise': rule({
    load: loadEvents,
    sees: (m, e) => mayReadEvent(m, e),
    may: (m, e) => mayOrganiseEvent(m, e),
  }),
  /** A home's answer: a custody holder of a child the event is for; others who see it are refused. */
  'event.answer': rule({
    load: loadEvents,
    sees: (m, e) => mayReadEvent(m, e),
    may: (m, e) => mayAnswerEvent(m, e),
  }),
  /** Taking or releasing a volunteer slot: as answering the slot's event. */
  'event-slot.take': rule({
    load: loadEventSlots,
    sees: (m, e) => mayReadEvent(m, e),
    may: (m, e) => mayAnswerEvent(m, e),
  }),
  /** A class's play groups: its parent representatives, its staff and the leadership. */
  'class.play-groups': rule({ load: loadClasses, sees: (m, c) => mayOrganisePlayGroups(m, c.id) }),
  /** The pairs a class keeps apart, with the reasons: its staff and the leadership. */
  'class.play-groups-apart': rule({ load: loadClasses, sees: (m, c) => mayKeepChildrenApart(m, c.id) }),
  /** A child named in a pair kept apart: the class's staff and the leadership. */
  'student.play-groups-apart': rule({ load: loadStudents, sees: (m, s) => worksWithStudent(m, s) }),
  /**
   * A child's own play group: its custody holders, the class's staff and the leadership. A § 23
   * parent is told to ask, a suspended guardian that she is; a refused read is logged.
   */
  'student.play-groups': rule({
    load: loadStudents,
    sees: (m, s) => canReadStudent(m, s) || hasInformationRightOf(m, s.id) || isSuspendedGuardianOf(m, s.id),
    may: (m, s) => mayReadPlayGroupsOf(m, s),
    denied: (m, s) =>
      new AppError(
        hasInformationRightOf(m, s.id)
          ? 'information_right_only'
          : isSuspendedGuardianOf(m, s.id)
            ? 'guardian_suspended'
            : 'forbidden',
      ),
    deniedRead: { action: 'play-group.read-refused', studentOf: (s) => s.id },
  }),
  /** Declining (or offering) to host the child's play group: its custody holders. */
  'student.play-group-hosting': rule({
    load: loadStudents,
    sees: (m, s) => canReadStudent(m, s) || hasInformationRightOf(m, s.id) || isSuspendedGuardianOf(m, s.id),
    may: (m, s) => mayChangePlayGroupHosting(m, s.id),
    denied: (m, s) =>
      new AppError(
        hasInformationRightOf(m, s.id)
          ? 'information_right_only'
          : isSuspendedGuardianOf(m, s.id)
            ? 'guardian_suspended'
            : 'forbidden',
      ),
  }),
  /** Writing a class letter: the class's staff and the leadership; to anyone else the class does not exist here. */
  'class.write-letters': rule({ load: loadLetterClasses, sees: (m, c) => mayWriteClassLetters(m, c.id) }),
  /** A class's letters: its staff, the leadership, its students and its children's custody holders. */
  'class.read-letters': rule({ load: loadLetterClasses, sees: (m, c) => mayReadClassLetters(m, c) }),
  /** One class letter: published ones for the class's readers, drafts and scheduled ones for its staff. */
  'class-letter.read': rule({ load: loadClassLetters, sees: (m, l) => mayReadClassLetter(m, l) }),
  /** Editing or cancelling a letter: the class's staff and the leadership; a home reading it is refused. */
  'class-letter.edit': rule({
    load: loadClassLetters,
    sees: (m, l) => mayReadClassLetter(m, l),
    may: (m, l) => mayWriteClassLetters(m, l.classId),
  }),
  /** A login's own sessions (loaded for the caller only). */
  'session.end': rule({ load: loadOwnSessions, sees: () => true }),
  /** A class's parent representatives: its custody holders, staff, representatives and the leadership. */
  'class.representatives': rule({ load: loadClassesWithCustody, sees: (m, c) => mayReadClassRepresentatives(m, c) }),
  /** Recording an election or ending a seat: the contact teacher and the leadership; the class's others are refused. */
  'class.record-representatives': rule({
    load: loadClassesWithCustody,
    sees: (m, c) => mayReadClassRepresentatives(m, c),
    may: (m, c) => mayRecordClassRepresentatives(m, c.id),
  }),
};

export type Permission = keyof typeof RULES;
export const PERMISSIONS = Object.keys(RULES) as Permission[];

/**
 * Throws unless the caller holds `permission` on every id: not_found for an id that does not
 * exist or that they may not see, the rule's `denied` error for one they see but may not act on.
 * The rows are loaded in one query; memberships once per school.
 */
export async function requireAccessTo(
  ctx: SignedInContext,
  permission: Permission,
  ids: readonly string[],
  schoolId?: string,
): Promise<void> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const access = RULES[permission] as AccessRule<{ id: string; schoolId: string | null }>;
  const rows = await access.load(ctx.db, { userId: ctx.actor.userId, schoolId }, wanted, ctx.clock.now());
  for (const id of wanted) {
    // A user may be a person at several schools; any one of their rows for the id may grant it.
    let refusal: AppError | null = null;
    let granted = false;
    for (const row of rows.filter((r) => r.id === id)) {
      const m = row.schoolId ? await ctx.membership(row.schoolId) : EMPTY_MEMBERSHIP('', ctx.actor.userId);
      if (!access.sees(m, row, ctx.actor)) continue;
      if (!access.may || access.may(m, row, ctx.actor)) {
        granted = true;
        break;
      }
      refusal ??= access.denied?.(m, row) ?? new AppError('forbidden');
    }
    if (!granted) {
      const refusedRead = access.deniedRead;
      const row = rows.find((r) => r.id === id && r.schoolId);
      if (refusedRead && row?.schoolId)
        await recordAudit(ctx, {
          schoolId: row.schoolId,
          action: refusedRead.action,
          studentId: refusedRead.studentOf(row),
          subject: 'refused',
        });
      throw refusal ?? new AppError('not_found');
    }
  }
}
