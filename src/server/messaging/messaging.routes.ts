import { defineRoute } from '../http/route.js';
import { messagingContracts } from '../../shared/api/messaging.contract.js';
import { allOf, atSchool, ownData, requireAccess, usedIfAllowed } from '../policies/policy.js';
import {
  mayReadBrokenPromises,
  mayReadUrgentUses,
  mayWriteToClass,
  mayWriteToGrade,
  mayWriteToSchool,
  mayWriteToStaff,
} from '../policies/rules.js';
import { findClassIdsOfGrade } from '../directory/class.repository.js';
import { listColleagues } from '../directory/directory.service.js';
import { ZSchoolParams } from '../../shared/api/common.schema.js';
import {
  IDEMPOTENCY_KEY_HEADER,
  ZClassMessageParams,
  ZCreateStaffThread,
  ZCreateThread,
  ZGradeMessageParams,
  ZStudentThreadParams,
  ZPostMessage,
  ZThreadListQuery,
  ZThreadParams,
  ZWritingAdviceRequest,
} from '../../shared/api/messaging.schema.js';
import {
  getThread,
  listBrokenPromises,
  listThreadReaders,
  listThreads,
  listUrgentUses,
  searchThreads,
} from './thread-read.service.js';
import {
  acknowledgeThread,
  createOwnThread,
  createStaffThread,
  createStudentThread,
  createThread,
  postMessage,
  sendClassMessage,
  sendGradeMessage,
  sendSchoolMessage,
} from './message-send.service.js';
import { adviseOnDraft } from './writing-advice.service.js';

const RETRY_NOTE =
  'Send an `idempotency-key` header to make retries safe: the same key from the same author stores one message.';

/** The send's idempotency key from its validated headers. */
const keyOf = (headers: { [IDEMPOTENCY_KEY_HEADER]?: string }) => headers[IDEMPOTENCY_KEY_HEADER];

const threadId = ({ params }: { params: { threadId: string } }) => params.threadId;

// Thread routes carry no school in the path: the thread's school is found among the caller's own
// schools by the policy (policies/access.ts), which answers 404 for a thread the caller may not see.
export const messagingRoutes = [
  defineRoute({
    ...messagingContracts.create,
    summary: `A guardian (custody or right to information) writes to the school about their child; the child's contact teacher receives it, and the answer is promised by replyDueAt. ${RETRY_NOTE}`,
    tags: ['messaging'],
    policy: requireAccess('student.write-about', { body: ZCreateThread }, ({ body }) => body.studentId),
    handler: (ctx, { body, headers }) => createThread(ctx, { ...body, idempotencyKey: keyOf(headers) }),
  }),
  defineRoute({
    ...messagingContracts.writeAsStudent,
    summary: `A student writes to their contact teacher themself, from the grade the school's principle sets (communication.studentMessages; below it 403 student_messages_not_allowed). It reaches the class's contact teachers (or an absent one's substitute) under the same reply promise as a guardian's message. ${RETRY_NOTE}`,
    tags: ['messaging'],
    policy: requireAccess(
      'student.write-to-school',
      { params: ZStudentThreadParams },
      ({ params }) => params.studentId,
    ),
    handler: (ctx, { params, body, headers }) =>
      createOwnThread(ctx, params.schoolId, params.studentId, { ...body, idempotencyKey: keyOf(headers) }),
  }),
  defineRoute({
    ...messagingContracts.threads,
    summary:
      "The caller's threads at all their schools, newest activity first, a page at a time, with unread counts, reply promises and a preview line; optionally only the unread, those awaiting a reply, or those about a child or a class.",
    tags: ['messaging'],
    // The caller's own threads; a child or class to narrow them to must be one the caller knows.
    policy: allOf(
      requireAccess('student.inbox-filter', { query: ZThreadListQuery }, ({ query }) => query.studentId),
      requireAccess('class.inbox-filter', { query: ZThreadListQuery }, ({ query }) => query.classId),
    ),
    handler: (ctx, { query }) => listThreads(ctx, query),
  }),
  defineRoute({
    ...messagingContracts.search,
    summary:
      "Search in the caller's own threads, their subjects and messages, in Danish (klassen finds klasse) with web-search syntax (-word, quoted phrases, or). Only the threads the caller may read, as in the thread list; best match first, each with a plain-text snippet in pieces, the matching words marked.",
    tags: ['messaging'],
    policy: ownData('the threads the caller takes part in'),
    handler: (ctx, { query }) => searchThreads(ctx, query.q),
  }),
  defineRoute({
    ...messagingContracts.thread,
    summary:
      "A thread with its messages, for its participants and the leadership of its school. Marks it read for a participant; staff reads of a child's thread are audit-logged.",
    tags: ['messaging'],
    policy: requireAccess('thread.read', { params: ZThreadParams }, threadId),
    handler: (ctx, { params }) => getThread(ctx, params.threadId),
  }),
  defineRoute({
    ...messagingContracts.reply,
    summary: `A participant writes in a thread, and so may the leadership of its school, who joins it as staff. A staff answer keeps the reply promise and may be marked urgent (guardians get 403 urgent_staff_only); a guardian's message starts one when none is open. A guardian's answer to a group message goes to the staff alone, in the guardian's own reply thread (parentThreadId = the group message), whose detail is returned. ${RETRY_NOTE}`,
    tags: ['messaging'],
    policy: allOf(
      requireAccess('thread.reply', { params: ZThreadParams }, threadId),
      requireAccess('thread.mark-urgent', { params: ZThreadParams, body: ZPostMessage }, ({ params, body }) =>
        body.urgent ? params.threadId : null,
      ),
    ),
    handler: (ctx, { params, body, headers }) =>
      postMessage(ctx, params.threadId, { ...body, idempotencyKey: keyOf(headers) }),
  }),
  defineRoute({
    ...messagingContracts.acknowledge,
    summary: `A staff participant, or the leadership (who then joins the thread), confirms receipt ("Modtaget – jeg ringer til dig"), which keeps the reply promise. ${RETRY_NOTE}`,
    tags: ['messaging'],
    policy: requireAccess('thread.acknowledge', { params: ZThreadParams }, threadId),
    handler: (ctx, { params, body, headers }) =>
      acknowledgeThread(ctx, params.threadId, { body: body.body, idempotencyKey: keyOf(headers) }),
  }),
  defineRoute({
    ...messagingContracts.brokenPromises,
    summary:
      'Threads whose promised answer is late, with who owed it and how many working days late it is. For the leadership.',
    tags: ['messaging'],
    policy: atSchool(ZSchoolParams, 'leadership', (m) => mayReadBrokenPromises(m)),
    handler: (ctx, { params }) => listBrokenPromises(ctx, params.schoolId),
  }),
  defineRoute({
    ...messagingContracts.writingAdvice,
    summary:
      'Advice on a draft before it is sent: its LIX (Danish readability index), and hints to write easier, to call or meet about a sensitive matter, or to soften a shouting tone. Never blocks sending.',
    tags: ['messaging'],
    // The composer asks as the writer types; the limit only stops a runaway client.
    rateLimit: { max: 600, timeWindow: '1 minute' },
    policy: allOf(
      usedIfAllowed('student.advise', ZWritingAdviceRequest, 'studentId'),
      usedIfAllowed('class.advise', ZWritingAdviceRequest, 'classId'),
      usedIfAllowed('school.advise', ZWritingAdviceRequest, 'schoolId'),
    ),
    handler: (ctx, { body }) => adviseOnDraft(ctx, body),
  }),
  defineRoute({
    ...messagingContracts.writeToClass,
    summary: `Staff of the class or the leadership write to the class's guardians in one thread, shown as "Forældre i 3.A": the custody holders receive it, not parents with the right to information only (§ 23) nor suspended guardians. Each guardian's answer is private to the staff. \`urgent\` (illness, safety) announces it at once and is audit-logged. ${RETRY_NOTE}`,
    tags: ['messaging'],
    policy: atSchool(ZClassMessageParams, 'staff of the class or leadership', (m, params) =>
      mayWriteToClass(m, params.classId),
    ),
    handler: (ctx, { params, body, headers }) =>
      sendClassMessage(ctx, params.schoolId, params.classId, { ...body, idempotencyKey: keyOf(headers) }),
  }),
  defineRoute({
    ...messagingContracts.writeToGrade,
    summary: `Staff of a class in the grade (årgang, 0–10) or the leadership write to the guardians of all its classes in one thread, shown as "Forældre i 3. årgang"; the grade's contact teachers are in it with the writer. The same rules as a class message: custody holders only (not § 23 parents nor suspended guardians), answers private to the staff, \`urgent\` audit-logged. A grade without classes at the school is 404 for the leadership and 403 for anyone else. ${RETRY_NOTE}`,
    tags: ['messaging'],
    policy: atSchool(ZGradeMessageParams, 'staff of a class in the grade or leadership', async (m, params, ctx) =>
      mayWriteToGrade(m, await findClassIdsOfGrade(ctx.db, params.schoolId, params.grade)),
    ),
    handler: (ctx, { params, body, headers }) =>
      sendGradeMessage(ctx, params.schoolId, params.grade, { ...body, idempotencyKey: keyOf(headers) }),
  }),
  defineRoute({
    ...messagingContracts.writeToSchool,
    summary: `The leadership writes to the guardians of the whole school in one thread, shown as "Forældre på <skolens navn>"; the school's leaders are in it with the writer and see the answers. The same rules as a class message: custody holders only (not § 23 parents nor suspended guardians), answers private to the staff, \`urgent\` audit-logged. ${RETRY_NOTE}`,
    tags: ['messaging'],
    policy: atSchool(ZSchoolParams, 'leadership', (m) => mayWriteToSchool(m)),
    handler: (ctx, { params, body, headers }) =>
      sendSchoolMessage(ctx, params.schoolId, { ...body, idempotencyKey: keyOf(headers) }),
  }),
  defineRoute({
    ...messagingContracts.readers,
    summary:
      "Who of the thread's guardians has read its newest message, by name. For the staff in the thread and the leadership of its school.",
    tags: ['messaging'],
    policy: requireAccess('thread.list-readers', { params: ZThreadParams }, threadId),
    handler: (ctx, { params }) => listThreadReaders(ctx, params.threadId),
  }),
  defineRoute({
    ...messagingContracts.writeToGuardians,
    summary: `The child's class staff or the leadership write to the child's guardians: the custody holders who are not suspended (not a parent with the right to information only, § 23). Linked to the child; no reply promise, since staff owe it, and a guardian's answer starts one. \`urgent\` (illness, safety) announces it at once and is audit-logged. ${RETRY_NOTE}`,
    tags: ['messaging'],
    policy: allOf(
      atSchool(ZStudentThreadParams, 'staff of the school', (m) => mayWriteToStaff(m)),
      requireAccess('student.write-to-guardians', { params: ZStudentThreadParams }, ({ params }) => params.studentId),
    ),
    handler: (ctx, { params, body, headers }) =>
      createStudentThread(ctx, params.schoolId, params.studentId, { ...body, idempotencyKey: keyOf(headers) }),
  }),
  defineRoute({
    ...messagingContracts.writeToStaff,
    summary: `A staff member writes to colleagues at the school (recipientIds from GET /api/schools/:schoolId/staff), optionally about a child they work with. Any recipient who is not staff of the school refuses the message (422 recipient_not_staff). No reply promise between staff. ${RETRY_NOTE}`,
    tags: ['messaging'],
    policy: allOf(
      atSchool(ZSchoolParams, 'staff of the school', (m) => mayWriteToStaff(m)),
      requireAccess(
        'student.discuss',
        { params: ZSchoolParams, body: ZCreateStaffThread },
        ({ body }) => body.studentId,
      ),
    ),
    handler: (ctx, { params, body, headers }) =>
      createStaffThread(ctx, params.schoolId, { ...body, idempotencyKey: keyOf(headers) }),
  }),
  defineRoute({
    ...messagingContracts.colleagues,
    summary: "The caller's colleagues at the school, to write to: names, roles and classes only, no contact details.",
    tags: ['messaging'],
    policy: atSchool(ZSchoolParams, 'staff of the school', (m) => mayWriteToStaff(m)),
    handler: (ctx, { params }) => listColleagues(ctx, params.schoolId),
  }),
  defineRoute({
    ...messagingContracts.urgentUses,
    summary:
      'Every message marked urgent at the school, newest first: who, when, the subject, and the recipients as a group ("Forældre i 3.A") or the child. Never guardians\' names or addresses. For the leadership.',
    tags: ['messaging'],
    policy: atSchool(ZSchoolParams, 'leadership', (m) => mayReadUrgentUses(m)),
    handler: (ctx, { params }) => listUrgentUses(ctx, params.schoolId),
  }),
];
