import { defineRoute, signedIn, type Policy } from '../http/route.js';
import { atSchool } from '../directory/school-policy.js';
import { mayReadBrokenPromises, mayWriteToClass } from '../policies/rules.js';
import { ZSchoolParams } from '../../shared/api/common.schema.js';
import {
  ZAcknowledge,
  ZBrokenPromiseList,
  ZClassMessageParams,
  ZCreateGroupMessage,
  ZCreateThread,
  ZPostMessage,
  ZThreadDetail,
  ZThreadList,
  ZThreadParams,
  ZThreadReaders,
  ZThreadSearchQuery,
  ZThreadSearchResult,
  ZWritingAdvice,
  ZWritingAdviceRequest,
} from '../../shared/api/messaging.schema.js';
import {
  acknowledgeThread,
  createThread,
  getThread,
  idempotencyKeyOf,
  listBrokenPromises,
  listThreadReaders,
  listThreads,
  postMessage,
  searchThreads,
  sendClassMessage,
} from './messaging.service.js';
import { adviseOnDraft } from './writing-advice.service.js';

/** Needs a signed-in user; the use case applies the row-level rules. */
const signedInThen = (name: string): Policy<any, any, any> => signedIn(name);

const RETRY_NOTE = 'Send an `idempotency-key` header to make retries safe: the same key from the same author stores one message.';

// Thread routes carry no school in the path: the school is the child's or the thread's, found
// among the caller's own schools, and the row-level rules (policies/rules.ts) are applied in the
// use case, which answers 404 for anything the caller may not see.
export const messagingRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/threads',
    summary: `A guardian (custody or right to information) writes to the school about their child; the child's contact teacher receives it, and the answer is promised by replyDueAt. ${RETRY_NOTE}`,
    tags: ['messaging'],
    body: ZCreateThread,
    response: ZThreadDetail,
    status: 201,
    policy: signedInThen('guardian of the student (checked in the use case)'),
    handler: (ctx, { body }) => createThread(ctx, body, idempotencyKeyOf(ctx)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/threads',
    summary: "The caller's threads at all their schools, newest activity first, with unread counts and reply promises.",
    tags: ['messaging'],
    response: ZThreadList,
    policy: signedInThen('any signed-in user; each sees the threads they take part in'),
    handler: (ctx) => listThreads(ctx),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/threads/search',
    summary: "Search in the caller's own threads, their subjects and messages, in Danish (klassen finds klasse) with web-search syntax (-word, quoted phrases, or). Only the threads the caller may read, as in the thread list; best match first, each with a plain-text snippet in pieces, the matching words marked.",
    tags: ['messaging'],
    query: ZThreadSearchQuery,
    response: ZThreadSearchResult,
    policy: signedInThen('any signed-in user; each finds only the threads they take part in'),
    handler: (ctx, { query }) => searchThreads(ctx, query.q),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/threads/:threadId',
    summary: "A thread with its messages, for its participants and the leadership of its school. Marks it read for a participant; staff reads of a child's thread are audit-logged.",
    tags: ['messaging'],
    params: ZThreadParams,
    response: ZThreadDetail,
    policy: signedInThen('participant or leadership of the thread\'s school (checked in the use case)'),
    handler: (ctx, { params }) => getThread(ctx, params.threadId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/threads/:threadId/messages',
    summary: `A participant writes in a thread. A staff participant's answer keeps the reply promise; a guardian's message starts one when none is open. A guardian's answer to a group message goes to the staff alone, in the guardian's own reply thread (parentThreadId = the group message), whose detail is returned. ${RETRY_NOTE}`,
    tags: ['messaging'],
    params: ZThreadParams,
    body: ZPostMessage,
    response: ZThreadDetail,
    status: 201,
    policy: signedInThen('participant of the thread (checked in the use case)'),
    handler: (ctx, { params, body }) => postMessage(ctx, params.threadId, body.body, idempotencyKeyOf(ctx)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/threads/:threadId/acknowledge',
    summary: `A staff participant confirms receipt ("Modtaget – jeg ringer til dig"), which keeps the reply promise. ${RETRY_NOTE}`,
    tags: ['messaging'],
    params: ZThreadParams,
    body: ZAcknowledge,
    response: ZThreadDetail,
    status: 201,
    policy: signedInThen('staff participant of the thread (checked in the use case)'),
    handler: (ctx, { params, body }) => acknowledgeThread(ctx, params.threadId, body.body, idempotencyKeyOf(ctx)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/schools/:schoolId/broken-promises',
    summary: 'Threads whose promised answer is late, with who owed it and how many working days late it is. For the leadership.',
    tags: ['messaging'],
    params: ZSchoolParams,
    response: ZBrokenPromiseList,
    policy: atSchool(ZSchoolParams, 'leadership', (m) => mayReadBrokenPromises(m)),
    handler: (ctx, { params }) => listBrokenPromises(ctx, params.schoolId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/writing-advice',
    summary: 'Advice on a draft before it is sent: its LIX (Danish readability index), and hints to write easier, to call or meet about a sensitive matter, or to soften a shouting tone. Never blocks sending.',
    tags: ['messaging'],
    body: ZWritingAdviceRequest,
    response: ZWritingAdvice,
    // The composer asks as the writer types; the limit only stops a runaway client.
    rateLimit: { max: 600, timeWindow: '1 minute' },
    policy: signedInThen('any signed-in user; the student, class or school is used only where the writer may see it'),
    handler: (ctx, { body }) => adviseOnDraft(ctx, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/schools/:schoolId/classes/:classId/messages',
    summary: `Staff of the class or the leadership write to the class's guardians in one thread, shown as "Forældre i 3.A": the custody holders receive it, not parents with the right to information only (§ 23) nor suspended guardians. Each guardian's answer is private to the staff. ${RETRY_NOTE}`,
    tags: ['messaging'],
    params: ZClassMessageParams,
    body: ZCreateGroupMessage,
    response: ZThreadDetail,
    status: 201,
    policy: atSchool(ZClassMessageParams, "staff of the class or leadership", (m, params) => mayWriteToClass(m, params.classId)),
    handler: (ctx, { params, body }) => sendClassMessage(ctx, params.schoolId, params.classId, body, idempotencyKeyOf(ctx)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/threads/:threadId/readers',
    summary: "Who of the thread's guardians has read its newest message, by name. For the staff in the thread.",
    tags: ['messaging'],
    params: ZThreadParams,
    response: ZThreadReaders,
    policy: signedInThen('staff participant of the thread (checked in the use case)'),
    handler: (ctx, { params }) => listThreadReaders(ctx, params.threadId),
  }),
];
