import type { AppDeps } from '../deps.js';
import type { Db } from '../db/database.js';
import { inTransaction, type SignedInContext } from '../context.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findAdoptedPrinciple } from '../principle/principle.service.js';
import { loadSchoolCalendar } from '../school-calendar/school-calendar.service.js';
import { claimAttachmentsForMessage } from '../attachments/attachment.service.js';
import { messageNotificationJob } from '../notifications/message-notification.service.js';
import { enqueueJob } from '../jobs/job-queue.js';
import { defaultRecipients, routeGuardianMessage } from '../staff-absence/staff-absence.service.js';
import { findClass, findClassIdsOfGrade, findContactTeachers } from '../directory/class.repository.js';
import { findLeaders, findStaff } from '../directory/staff.repository.js';
import {
  findCustodyChildrenIn,
  findCustodyGuardiansOf,
  findStudent,
  findStudentAtUserSchools,
  type StudentGroup,
} from '../directory/student.repository.js';
import type { ThreadParticipantRole } from '../db/schema.js';
import { replyDueAt } from '../../domain/calendar/working-days.js';
import {
  IDEMPOTENCY_KEY_HEADER,
  type TCreateGroupMessage,
  type TCreateOwnThread,
  type TCreateStaffThread,
  type TCreateStudentThread,
  type TCreateThread,
  type TThreadDetail,
} from '../../shared/api/messaging.schema.js';
import { schedulePromiseReminder } from './promise-reminder.service.js';
import { loadThread, threadDetail, type LoadedThread } from './thread-read.service.js';
import { findPrivateReplyThread, markThreadRead } from './thread-read.repository.js';
import {
  findSentByKey,
  insertMessageOnce,
  insertThread,
  joinThread,
  recordThreadActivity,
  type NewMessage,
  type NewThread,
  type PromiseChange,
  type SentMessageRow,
} from './message-send.repository.js';

/**
 * Sending messages. Every send is one unit of work: the thread and its participants, the
 * message, its attachment claims, its notification job, its promise reminder and its audit rows
 * commit together or not at all, and an idempotency key makes any send safe to retry (`sendOnce`).
 */

/** What storing a message needs: the unit of work's transaction and the clock. */
type UnitOfWork = Pick<AppDeps, 'db' | 'clock'>;

/** The idempotency key a route read from the request's headers; blank is none. */
export type IdempotencyKey = string | null | undefined;

/** Whom a group message goes to: the guardians of one class, of a grade (årgang), or of the whole school. */
export type GroupAudience = Exclude<StudentGroup, { studentId: string }>;

/** The audience a group thread was sent to, as stored on it. */
export function audienceOfThread(thread: { class_id: string | null; grade: number | null }): GroupAudience {
  if (thread.class_id) return { classId: thread.class_id };
  if (thread.grade !== null) return { grade: thread.grade };
  return { wholeSchool: true };
}

/**
 * The promise for a message arriving at `at`: the end of the Nth working day after it, N being
 * the response time of the school's adopted principle (seed 002: three days). Null when the
 * principle sets none or no principle is adopted.
 */
export async function promiseFor(db: Db, schoolId: string, at: Date): Promise<Date | null> {
  const adopted = await findAdoptedPrinciple(db, schoolId);
  const responseTime = adopted?.principle.communication.responseTime;
  if (!responseTime) return null;
  return replyDueAt(at, responseTime.workingDays, await loadSchoolCalendar(db, schoolId));
}

/**
 * Stores a message in a thread with what belongs to it: the author's pending uploads are claimed
 * and the recipients' notification is queued. Null when the author's idempotency key was used
 * before: the caller's unit of work must then be undone.
 */
async function storeMessage(
  tx: UnitOfWork,
  threadId: string,
  message: NewMessage,
  attachmentIds: readonly string[] = [],
): Promise<string | null> {
  const id = await insertMessageOnce(tx.db, threadId, message);
  if (id === null) return null;
  await claimAttachmentsForMessage(tx.db, message.schoolId, message.authorId, id, attachmentIds);
  await enqueueJob(
    tx.db,
    messageNotificationJob({ schoolId: message.schoolId, threadId, messageId: id, at: message.at }),
  );
  return id;
}

/**
 * Stores a new thread with its participants and first message; a thread with a promise gets its
 * reminder. Runs inside its caller's unit of work (a send, or the demo school's history). Null
 * when the idempotency key was used before.
 */
export async function storeNewThread(
  tx: UnitOfWork,
  thread: NewThread,
  participants: ReadonlyArray<{ personId: string; role: ThreadParticipantRole }>,
  message: Omit<NewMessage, 'schoolId' | 'at'>,
  attachmentIds?: readonly string[],
): Promise<string | null> {
  const threadId = await insertThread(tx.db, thread, participants);
  const stored = await storeMessage(
    tx,
    threadId,
    { ...message, schoolId: thread.schoolId, at: thread.at },
    attachmentIds,
  );
  if (stored === null) return null;
  if (thread.replyDueAt) await schedulePromiseReminder(tx, thread.schoolId, threadId);
  return threadId;
}

/**
 * Stores a message in an existing thread: the thread's activity moves on, its promise is kept,
 * started or left (a started one gets its reminder), and the author has read the thread. With
 * `join`, the author becomes a participant in that role first. Null when the key was used before.
 */
export async function storeReply(
  tx: UnitOfWork,
  threadId: string,
  message: NewMessage,
  promise: PromiseChange,
  options: { join?: ThreadParticipantRole; attachmentIds?: readonly string[] } = {},
): Promise<string | null> {
  const id = await storeMessage(tx, threadId, message, options.attachmentIds);
  if (id === null) return null;
  if (options.join) await joinThread(tx.db, message.schoolId, threadId, message.authorId, options.join, message.at);
  await recordThreadActivity(tx.db, message.schoolId, threadId, message, promise);
  await markThreadRead(tx.db, message.schoolId, threadId, message.authorId, message.at);
  if (promise.kind === 'start') await schedulePromiseReminder(tx, message.schoolId, threadId);
  return id;
}

/** Thrown inside a send's unit of work to undo it when a concurrent send with the same key won. */
class DuplicateSend extends Error {}

interface SendKey {
  schoolId: string;
  authorId: string;
  idempotencyKey: IdempotencyKey;
}

/**
 * The one way a send runs, for every kind of message. With an idempotency key, an earlier send
 * with that key answers instead of a new one, when it was the same send (`sameSend`); a key
 * reused for something else is refused. Otherwise `prepare` reads what the send needs and
 * `store` writes it in one unit of work; when a concurrent send with the same key wins, the
 * unique index refuses this one's message, its unit of work is undone, and the winner answers.
 */
async function sendOnce<P>(
  ctx: SignedInContext,
  key: SendKey,
  sameSend: (earlier: SentMessageRow) => boolean,
  prepare: () => Promise<P>,
  store: (tx: SignedInContext, prepared: P) => Promise<string | null>,
): Promise<{ threadId: string; prepared: P | null }> {
  const idempotencyKey = key.idempotencyKey || null;
  const earlier = async () => {
    if (!idempotencyKey) return null;
    const sent = await findSentByKey(ctx.db, key.schoolId, key.authorId, idempotencyKey);
    if (sent && !sameSend(sent)) throw new AppError('idempotency_key_reused', { field: IDEMPOTENCY_KEY_HEADER });
    return sent?.thread_id ?? null;
  };
  const before = await earlier();
  if (before) return { threadId: before, prepared: null };
  const prepared = await prepare();
  try {
    const threadId = await inTransaction(ctx, async (tx) => {
      const stored = await store(tx, prepared);
      if (stored === null) throw new DuplicateSend();
      return stored;
    });
    return { threadId, prepared };
  } catch (error) {
    if (!(error instanceof DuplicateSend)) throw error;
    const winner = await earlier();
    if (!winner) throw new Error('a send lost to a concurrent retry left no message behind');
    return { threadId: winner, prepared: null };
  }
}

/** Every urgent use is logged, with the child when the thread is about one, for the leadership to review. */
const recordUrgentUse = (tx: SignedInContext, schoolId: string, studentId: string | null) =>
  recordAudit(tx, { schoolId, action: 'message.urgent', studentId });

/** The author's person at the school; the route's policy has made sure there is one. */
async function authorAt(ctx: SignedInContext, schoolId: string) {
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('not_found');
  return { m, authorId: m.personId };
}

/**
 * The home writes to the school about a child: a new thread to the child's contact teachers (the
 * leaders when the class has none), or an absent one's substitute, under the principle's promise.
 * The writer is a guardian, or the student themself; the answer tells of any absence.
 */
async function startHomeThread(
  ctx: SignedInContext,
  home: { schoolId: string; studentId: string; classId: string; role: 'guardian' | 'student' },
  input: { subject: string; body: string; attachmentIds?: readonly string[]; idempotencyKey: IdempotencyKey },
): Promise<TThreadDetail> {
  const { schoolId, studentId } = home;
  const { m, authorId } = await authorAt(ctx, schoolId);
  const { threadId, prepared } = await sendOnce(
    ctx,
    { schoolId, authorId, idempotencyKey: input.idempotencyKey },
    (earlier) =>
      earlier.thread_kind === 'direct' &&
      earlier.student_id === studentId &&
      earlier.kind === 'message' &&
      earlier.body === input.body,
    async () => {
      const defaults = await defaultRecipients(ctx.db, schoolId, home.classId);
      if (defaults.ids.every((id) => id === authorId)) throw new AppError('thread_no_recipient');
      // An absent recipient's substitute receives it as well, or the promise counts from the first
      // return when nobody is at work to read it; the writer is told which (staff-absence).
      return routeGuardianMessage(ctx.db, schoolId, defaults, authorId, ctx.clock.now(), ctx.locale);
    },
    (tx, routing) =>
      storeNewThread(
        tx,
        {
          schoolId,
          kind: 'direct',
          studentId,
          subject: input.subject,
          createdBy: authorId,
          at: tx.clock.now(),
          replyDueAt: routing.replyDueAt,
        },
        [
          { personId: authorId, role: home.role },
          ...routing.staffIds.map((personId) => ({ personId, role: 'staff' as const })),
        ],
        { authorId, kind: 'message', body: input.body, idempotencyKey: input.idempotencyKey || null },
        input.attachmentIds,
      ),
  );
  const detail = await threadDetail(ctx, schoolId, threadId, m);
  return prepared ? { ...detail, absenceNotices: prepared.notices } : detail;
}

/**
 * A guardian writes to the school about their child (the route's policy, `student.write-about`:
 * a custody holder, or a parent with the right to information only, § 23). The school is the
 * child's.
 */
export async function createThread(
  ctx: SignedInContext,
  input: TCreateThread & { idempotencyKey: IdempotencyKey },
): Promise<TThreadDetail> {
  // This route is the guardians' way in; staff mark urgent on their own sends only.
  if (input.urgent) throw new AppError('urgent_staff_only', { field: 'urgent' });
  const student = await findStudentAtUserSchools(ctx.db, ctx.actor.userId, input.studentId);
  if (!student) throw new AppError('not_found');
  return startHomeThread(
    ctx,
    { schoolId: student.schoolId, studentId: input.studentId, classId: student.classId, role: 'guardian' },
    input,
  );
}

/**
 * A student writes to their contact teacher themself (the route's policy,
 * `student.write-to-school`: the student, from the grade the school's principle sets), as a
 * guardian's message goes and under the same promise. The student is a person of the school with
 * a login (the directory keeps one for every student who signs in).
 */
export async function createOwnThread(
  ctx: SignedInContext,
  schoolId: string,
  studentId: string,
  input: TCreateOwnThread & { idempotencyKey: IdempotencyKey },
): Promise<TThreadDetail> {
  const student = await findStudent(ctx.db, schoolId, studentId);
  if (!student) throw new AppError('not_found');
  return startHomeThread(ctx, { schoolId, studentId, classId: student.class_id, role: 'student' }, input);
}

/**
 * Adds a message to a thread the caller may write in. A staff answer keeps the promise (and an
 * answer about a child is audit-logged, for a § 23 parent may read it); a guardian's message
 * starts a promise when none is open. The leadership answering a thread it is not in joins it.
 */
async function addMessage(
  ctx: SignedInContext,
  loaded: LoadedThread,
  message: { kind: NewMessage['kind']; body: string; urgent?: boolean; attachmentIds?: readonly string[] },
  idempotencyKey: IdempotencyKey,
): Promise<TThreadDetail> {
  const { schoolId, thread, m, access } = loaded;
  const { authorId } = await authorAt(ctx, schoolId);
  const side = access.participantRole ?? 'staff';
  const urgent = message.urgent ?? false;
  const { threadId } = await sendOnce(
    ctx,
    { schoolId, authorId, idempotencyKey },
    (earlier) => earlier.thread_id === thread.id && earlier.kind === message.kind && earlier.body === message.body,
    async (): Promise<PromiseChange> => {
      // Between parents and their class parent representative the school owes no answer.
      if (thread.representative_id) return { kind: 'none' };
      if (side === 'staff') return { kind: 'fulfil' };
      if (thread.reply_due_at && !thread.promise_fulfilled_at) return { kind: 'none' };
      return { kind: 'start', replyDueAt: await promiseFor(ctx.db, schoolId, ctx.clock.now()) };
    },
    async (tx, promise) => {
      const stored = await storeReply(
        tx,
        thread.id,
        {
          schoolId,
          authorId,
          kind: message.kind,
          body: message.body,
          at: tx.clock.now(),
          idempotencyKey: idempotencyKey || null,
          urgent,
        },
        promise,
        { join: access.participantRole === null ? 'staff' : undefined, attachmentIds: message.attachmentIds },
      );
      if (stored === null) return null;
      if (thread.student_id && side === 'staff') {
        // An answer about a child discloses the child's matters; to a § 23 parent it must be logged.
        await recordAudit(tx, {
          schoolId,
          action: message.kind === 'acknowledgement' ? 'thread.acknowledge' : 'thread.reply',
          studentId: thread.student_id,
        });
      }
      if (urgent) await recordUrgentUse(tx, schoolId, thread.student_id);
      return thread.id;
    },
  );
  return threadDetail(ctx, schoolId, threadId, m);
}

/**
 * A participant writes in a thread, and so may the leadership, who joins it as staff with its
 * first message (the route's policy, `thread.reply`; marking it urgent, `thread.mark-urgent`).
 * A guardian's answer to a group message goes privately to its staff.
 */
export async function postMessage(
  ctx: SignedInContext,
  threadId: string,
  input: { body: string; urgent?: boolean; attachmentIds?: readonly string[]; idempotencyKey: IdempotencyKey },
): Promise<TThreadDetail> {
  const loaded = await loadThread(ctx, threadId);
  // The class parent representative who wrote a group message writes on in it; other guardians answer privately.
  const writtenByReader =
    loaded.thread.representative_id !== null && loaded.thread.representative_id === loaded.m.personId;
  if (loaded.thread.kind === 'group' && loaded.access.participantRole === 'guardian' && !writtenByReader) {
    return replyPrivately(ctx, loaded, input);
  }
  return addMessage(ctx, loaded, { kind: 'message', ...input }, input.idempotencyKey);
}

/**
 * A staff participant, or the leadership, confirms receipt ("modtaget – jeg ringer til dig"),
 * which keeps the promise too (the route's policy, `thread.acknowledge`).
 */
export async function acknowledgeThread(
  ctx: SignedInContext,
  threadId: string,
  input: { body?: string; idempotencyKey: IdempotencyKey },
): Promise<TThreadDetail> {
  const loaded = await loadThread(ctx, threadId);
  return addMessage(ctx, loaded, { kind: 'acknowledgement', body: input.body ?? '' }, input.idempotencyKey);
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown }).code === '23505';

/**
 * A guardian's answer to a group message goes to the staff alone: into the guardian's own reply
 * thread for that message, made on the first answer with the group message's staff in it, so no
 * other guardian ever sees it. It is a message like any other: it starts a promise. Answers with
 * the reply thread's detail, whose id is not the group message's.
 */
async function replyPrivately(
  ctx: SignedInContext,
  group: LoadedThread,
  input: { body: string; attachmentIds?: readonly string[]; idempotencyKey: IdempotencyKey },
): Promise<TThreadDetail> {
  const { schoolId, thread, participants, m } = group;
  const { authorId: guardianId } = await authorAt(ctx, schoolId);
  const representativeId = thread.representative_id;
  const continueIn = async (replyThreadId: string) =>
    addMessage(ctx, await loadThread(ctx, replyThreadId), { kind: 'message', ...input }, input.idempotencyKey);

  const existing = await findPrivateReplyThread(ctx.db, schoolId, thread.id, guardianId);
  if (existing) return continueIn(existing);
  try {
    const { threadId } = await sendOnce(
      ctx,
      { schoolId, authorId: guardianId, idempotencyKey: input.idempotencyKey },
      (earlier) => earlier.parent_thread_id === thread.id && earlier.kind === 'message' && earlier.body === input.body,
      async () => {
        // Only a custody holder of a child still in the audience (class, grade or school) answers;
        // the reply is about that child when there is one, and about no child when several are in it.
        const children = await findCustodyChildrenIn(ctx.db, schoolId, guardianId, audienceOfThread(thread));
        if (children.length === 0) throw new AppError('forbidden');
        // An answer to a class parent representative goes to them alone: about no child, and the school owes no reply.
        if (representativeId) return { children: [], replyDueAt: null };
        return { children, replyDueAt: await promiseFor(ctx.db, schoolId, ctx.clock.now()) };
      },
      (tx, { children, replyDueAt }) =>
        storeNewThread(
          tx,
          {
            schoolId,
            kind: 'direct',
            studentId: children.length === 1 ? children[0]! : null,
            subject: thread.subject,
            createdBy: guardianId,
            at: tx.clock.now(),
            replyDueAt,
            parentThreadId: thread.id,
            representativeId,
          },
          [
            { personId: guardianId, role: 'guardian' },
            ...(representativeId
              ? [{ personId: representativeId, role: 'guardian' as const }]
              : participants
                  .filter((p) => p.role === 'staff')
                  .map((p) => ({ personId: p.person_id, role: 'staff' as const }))),
          ],
          { authorId: guardianId, kind: 'message', body: input.body, idempotencyKey: input.idempotencyKey || null },
          input.attachmentIds,
        ),
    );
    return threadDetail(ctx, schoolId, threadId, m);
  } catch (error) {
    // Two first answers raced and the other made the reply thread: continue in it.
    if (!isUniqueViolation(error)) throw error;
  }
  const made = await findPrivateReplyThread(ctx.db, schoolId, thread.id, guardianId);
  if (!made) throw new AppError('idempotency_key_reused', { field: IDEMPOTENCY_KEY_HEADER });
  return continueIn(made);
}

/**
 * Who a group message reaches and which staff are in it with the writer: the staff who see the
 * private answers. Undefined when the class or grade does not exist at the school.
 *  - a class: its contact teachers, the hub of its collaboration with the homes;
 *  - a grade (årgang): the contact teachers of its classes;
 *  - the whole school: the school's leaders, who answer for what the school says to every family.
 */
async function staffOfAudience(db: Db, schoolId: string, audience: GroupAudience): Promise<string[] | undefined> {
  if ('classId' in audience) {
    return (await findClass(db, schoolId, audience.classId))
      ? findContactTeachers(db, schoolId, [audience.classId])
      : undefined;
  }
  if ('grade' in audience) {
    const classIds = await findClassIdsOfGrade(db, schoolId, audience.grade);
    return classIds.length > 0 ? findContactTeachers(db, schoolId, classIds) : undefined;
  }
  return findLeaders(db, schoolId);
}

const sameAudience = (a: GroupAudience, b: GroupAudience) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Staff write to all the guardians of a class, a grade or the whole school in one thread, shown
 * as "Forældre i 3.A", "Forældre i 3. årgang" or "Forældre på Demo Skole". It reaches the custody
 * holders of the audience's students, never a parent with the right to information only (§ 23:
 * nothing is pushed to them) nor a suspended guardian. The audience's staff (staffOfAudience) are
 * in the thread with the writer, so they see the answers, which each guardian sends privately.
 * The route's policy has decided that the writer may write to this audience.
 */
async function sendGroupMessage(
  ctx: SignedInContext,
  schoolId: string,
  audience: GroupAudience,
  input: TCreateGroupMessage & { idempotencyKey: IdempotencyKey },
): Promise<TThreadDetail> {
  const { m, authorId } = await authorAt(ctx, schoolId);
  const audienceStaff = await staffOfAudience(ctx.db, schoolId, audience);
  if (!audienceStaff) throw new AppError('not_found');
  const urgent = input.urgent ?? false;
  const { threadId } = await sendOnce(
    ctx,
    { schoolId, authorId, idempotencyKey: input.idempotencyKey },
    (earlier) =>
      earlier.thread_kind === 'group' &&
      sameAudience(audienceOfThread(earlier), audience) &&
      earlier.subject === input.subject &&
      earlier.body === input.body,
    async () => {
      const staff = [...new Set([authorId, ...audienceStaff])];
      const guardians = (await findCustodyGuardiansOf(ctx.db, schoolId, audience)).filter((id) => !staff.includes(id));
      if (guardians.length === 0) {
        throw new AppError('classId' in audience ? 'class_no_guardians' : 'group_no_guardians');
      }
      return { staff, guardians };
    },
    async (tx, { staff, guardians }) => {
      const stored = await storeNewThread(
        tx,
        {
          schoolId,
          kind: 'group',
          studentId: null,
          subject: input.subject,
          createdBy: authorId,
          at: tx.clock.now(),
          replyDueAt: null,
          classId: 'classId' in audience ? audience.classId : null,
          grade: 'grade' in audience ? audience.grade : null,
        },
        [
          ...staff.map((personId) => ({ personId, role: 'staff' as const })),
          ...guardians.map((personId) => ({ personId, role: 'guardian' as const })),
        ],
        { authorId, kind: 'message', body: input.body, idempotencyKey: input.idempotencyKey || null, urgent },
        input.attachmentIds,
      );
      if (stored !== null && urgent) await recordUrgentUse(tx, schoolId, null);
      return stored;
    },
  );
  return threadDetail(ctx, schoolId, threadId, m);
}

type GroupSend = TCreateGroupMessage & { idempotencyKey: IdempotencyKey };

/**
 * A class parent representative (kontaktforælder, issue 12) writes to all the custody holders of
 * the class in one thread, shown as "Forældre i 3.A" like a staff message: the route's policy
 * (`mayWriteToClassAsRepresentative`) has decided that the writer holds a seat this school year.
 * The representative never learns who received it nor anyone's address: the thread names its
 * guardians only as their class, and read receipts are for staff. No staff are in it; each
 * guardian's answer goes privately to the representative (`replyPrivately`), with no reply promise
 * of the school. Same idempotency as every send.
 */
export async function sendRepresentativeMessage(
  ctx: SignedInContext,
  schoolId: string,
  classId: string,
  input: { subject: string; body: string; idempotencyKey: IdempotencyKey },
): Promise<TThreadDetail> {
  const { m, authorId } = await authorAt(ctx, schoolId);
  if (!(await findClass(ctx.db, schoolId, classId))) throw new AppError('not_found');
  const { threadId } = await sendOnce(
    ctx,
    { schoolId, authorId, idempotencyKey: input.idempotencyKey },
    (earlier) =>
      earlier.thread_kind === 'group' &&
      sameAudience(audienceOfThread(earlier), { classId }) &&
      earlier.subject === input.subject &&
      earlier.body === input.body,
    async () => {
      const guardians = (await findCustodyGuardiansOf(ctx.db, schoolId, { classId })).filter((id) => id !== authorId);
      if (guardians.length === 0) throw new AppError('class_no_guardians');
      return guardians;
    },
    (tx, guardians) =>
      storeNewThread(
        tx,
        {
          schoolId,
          kind: 'group',
          studentId: null,
          subject: input.subject,
          createdBy: authorId,
          at: tx.clock.now(),
          replyDueAt: null,
          classId,
          representativeId: authorId,
        },
        [authorId, ...guardians].map((personId) => ({ personId, role: 'guardian' as const })),
        { authorId, kind: 'message', body: input.body, idempotencyKey: input.idempotencyKey || null },
      ),
  );
  return threadDetail(ctx, schoolId, threadId, m);
}

/** Staff of the class or the leadership write to the class's guardians ("Forældre i 3.A"). */
export const sendClassMessage = (ctx: SignedInContext, schoolId: string, classId: string, input: GroupSend) =>
  sendGroupMessage(ctx, schoolId, { classId }, input);

/** Staff of a class in the grade or the leadership write to the grade's guardians ("Forældre i 3. årgang"). */
export const sendGradeMessage = (ctx: SignedInContext, schoolId: string, grade: number, input: GroupSend) =>
  sendGroupMessage(ctx, schoolId, { grade }, input);

/** The leadership writes to the guardians of the whole school ("Forældre på Demo Skole"). */
export const sendSchoolMessage = (ctx: SignedInContext, schoolId: string, input: GroupSend) =>
  sendGroupMessage(ctx, schoolId, { wholeSchool: true }, input);

/** A staff-started thread about a child (or none) was sent with this key when it is the same thread. */
const sameStaffThread =
  (sent: { studentId: string | null; subject: string; body: string }) => (earlier: SentMessageRow) =>
    earlier.thread_kind === 'direct' &&
    earlier.student_id === sent.studentId &&
    earlier.subject === sent.subject &&
    earlier.body === sent.body &&
    earlier.kind === 'message';

/**
 * Staff start a thread with a child's guardians (the route's policy, `student.write-to-guardians`:
 * the child's class staff and the leadership): the writer and the child's custody holders who are
 * not suspended. A parent with the right to information only is not included (§ 23: nothing is
 * pushed to them). The school owes no answer to its own message, so no promise is set; a
 * guardian's answer starts one as always.
 */
export async function createStudentThread(
  ctx: SignedInContext,
  schoolId: string,
  studentId: string,
  input: TCreateStudentThread & { idempotencyKey: IdempotencyKey },
): Promise<TThreadDetail> {
  const { m, authorId } = await authorAt(ctx, schoolId);
  const urgent = input.urgent ?? false;
  const { threadId } = await sendOnce(
    ctx,
    { schoolId, authorId, idempotencyKey: input.idempotencyKey },
    sameStaffThread({ studentId, subject: input.subject, body: input.body }),
    async () => {
      const guardians = (await findCustodyGuardiansOf(ctx.db, schoolId, { studentId })).filter((id) => id !== authorId);
      if (guardians.length === 0) throw new AppError('student_no_guardians');
      return guardians;
    },
    async (tx, guardians) => {
      const stored = await storeNewThread(
        tx,
        {
          schoolId,
          kind: 'direct',
          studentId,
          subject: input.subject,
          createdBy: authorId,
          at: tx.clock.now(),
          replyDueAt: null,
        },
        [
          { personId: authorId, role: 'staff' },
          ...guardians.map((personId) => ({ personId, role: 'guardian' as const })),
        ],
        { authorId, kind: 'message', body: input.body, idempotencyKey: input.idempotencyKey || null, urgent },
        input.attachmentIds,
      );
      if (stored === null) return null;
      // Writing to the home about a child discloses the child's matters: logged like a reply.
      await recordAudit(tx, { schoolId, action: 'thread.start', studentId });
      if (urgent) await recordUrgentUse(tx, schoolId, studentId);
      return stored;
    },
  );
  return threadDetail(ctx, schoolId, threadId, m);
}

/**
 * A staff member writes to colleagues at the school, optionally about a child they work with
 * (the route's policy, `student.discuss`). Every recipient must be staff of the school; an
 * unknown or unauthorised one refuses the whole message. Staff owe each other no promise.
 */
export async function createStaffThread(
  ctx: SignedInContext,
  schoolId: string,
  input: TCreateStaffThread & { idempotencyKey: IdempotencyKey },
): Promise<TThreadDetail> {
  const { m, authorId } = await authorAt(ctx, schoolId);
  const studentId = input.studentId ?? null;
  const { threadId } = await sendOnce(
    ctx,
    { schoolId, authorId, idempotencyKey: input.idempotencyKey },
    sameStaffThread({ studentId, subject: input.subject, body: input.body }),
    async () => {
      const wanted = [...new Set(input.recipientIds)].filter((id) => id !== authorId);
      const recipients = await findStaff(ctx.db, schoolId, wanted);
      if (wanted.length === 0 || recipients.length !== wanted.length) {
        throw new AppError('recipient_not_staff', { field: 'recipientIds' });
      }
      return wanted;
    },
    async (tx, recipients) => {
      const stored = await storeNewThread(
        tx,
        {
          schoolId,
          kind: 'direct',
          studentId,
          subject: input.subject,
          createdBy: authorId,
          at: tx.clock.now(),
          replyDueAt: null,
        },
        [authorId, ...recipients].map((personId) => ({ personId, role: 'staff' as const })),
        { authorId, kind: 'message', body: input.body, idempotencyKey: input.idempotencyKey || null },
        input.attachmentIds,
      );
      if (stored !== null && studentId) {
        await recordAudit(tx, { schoolId, action: 'thread.start', studentId });
      }
      return stored;
    },
  );
  return threadDetail(ctx, schoolId, threadId, m);
}
