import { z } from 'zod';
import { text, ZUuid } from './common.schema.js';
import { ZRole } from './directory.schema.js';
import { ZAttachment, ZAttachmentIds } from './attachment.schema.js';
import type { Locale } from '../errors.js';

/** Longest message body, in characters; the composer's counter and the API share it. */
export const MESSAGE_BODY_MAX = 20_000;
/** Longest thread subject, in characters. */
export const THREAD_SUBJECT_MAX = 200;
/** Longest `idempotency-key` header a client may send. */
export const IDEMPOTENCY_KEY_MAX = 200;

/**
 * The header that makes a send safe to retry: the same key from the same author stores one
 * message and answers with the same thread, however often the request arrives.
 */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** The headers a send reads: its idempotency key, any text up to IDEMPOTENCY_KEY_MAX characters (blank is none). */
export const ZSendHeaders = z.looseObject({
  [IDEMPOTENCY_KEY_HEADER]: text({ max: IDEMPOTENCY_KEY_MAX }).optional(),
});
export type TSendHeaders = z.infer<typeof ZSendHeaders>;

/** Texts of the messaging area that are not errors, Danish first. `{date}` is a formatted day. */
export const MESSAGING_TEXTS = {
  /** Shown to the guardian who wrote: the school's promise (svartid, seed 002). */
  replyDueForGuardian: { da: 'Skolen svarer senest {date}', en: 'The school replies by {date}' },
  /** Shown to staff and the leadership: when the answer is owed. */
  replyDueForStaff: { da: 'Svar senest {date}', en: 'Reply by {date}' },
  /** An acknowledgement sent without words of its own. */
  acknowledgementDefault: { da: 'Modtaget – jeg vender tilbage.', en: 'Received – I will get back to you.' },
  /** The guardians of a group message, named as a group and never one by one. `{class}` is e.g. "3.A". */
  classGuardians: { da: 'Forældre i {class}', en: 'Parents in {class}' },
  /** The guardians of a whole grade (årgang), e.g. 3.A and 3.B. `{grade}` is e.g. "3". */
  gradeGuardians: { da: 'Forældre i {grade}. årgang', en: 'Parents in grade {grade}' },
  /** The guardians of the whole school. `{school}` is the school's name. */
  schoolGuardians: { da: 'Forældre på {school}', en: 'Parents at {school}' },
} as const satisfies Record<string, Record<Locale, string>>;

export function messagingText(
  key: keyof typeof MESSAGING_TEXTS,
  locale: Locale,
  params: Record<string, string> = {},
): string {
  return MESSAGING_TEXTS[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
}

const ZIsoDateTime = z.iso.datetime().describe('ISO 8601 moment (UTC).');

/** Plain text; HTML is not interpreted but kept as typed, and clients escape it when shown. */
export const ZMessageBody = text({ min: 1, max: MESSAGE_BODY_MAX, lines: true });
export const ZThreadSubject = text({ min: 1, max: THREAD_SUBJECT_MAX });

export const ZThreadParams = z.object({ threadId: ZUuid });

/**
 * Urgent (illness, safety): announced at once, past digests and quiet hours. Only staff may mark
 * a message urgent; a guardian's `true` is refused, and every use is audit-logged.
 */
export const ZUrgent = z.boolean().optional();

/** A message from staff to the guardians of a class (the custody holders, not suspended). */
export const ZCreateGroupMessage = z.object({
  subject: ZThreadSubject,
  body: ZMessageBody,
  urgent: ZUrgent,
  /** The author's own pending uploads, sent with the message. */
  attachmentIds: ZAttachmentIds.optional(),
});
export type TCreateGroupMessage = z.infer<typeof ZCreateGroupMessage>;

export const ZClassMessageParams = z.object({ schoolId: ZUuid, classId: ZUuid });
/** A grade (årgang) as the school's classes number it: 0 (børnehaveklasse) to 10. */
export const ZGradeMessageParams = z.object({ schoolId: ZUuid, grade: z.coerce.number().int().min(0).max(10) });

/** Who of a thread's guardians has read its newest message: for the staff in the thread. */
export const ZThreadReaders = z.object({
  read: z.array(z.object({ name: z.string() })),
  notRead: z.array(z.object({ name: z.string() })),
});
export type TThreadReaders = z.infer<typeof ZThreadReaders>;

/** A guardian writes to the school about their child; the child's contact teacher receives it. */
export const ZCreateThread = z.object({
  studentId: ZUuid,
  subject: ZThreadSubject,
  body: ZMessageBody,
  /** Staff only: a guardian sending `true` is refused (urgent_staff_only). */
  urgent: ZUrgent,
  /** The author's own pending uploads, sent with the message. */
  attachmentIds: ZAttachmentIds.optional(),
});
export type TCreateThread = z.infer<typeof ZCreateThread>;

/** Staff write to a child's guardians (the custody holders, not suspended); no reply is owed to staff. */
export const ZCreateStudentThread = z.object({
  subject: ZThreadSubject,
  body: ZMessageBody,
  urgent: ZUrgent,
  attachmentIds: ZAttachmentIds.optional(),
});
export type TCreateStudentThread = z.infer<typeof ZCreateStudentThread>;

export const ZStudentThreadParams = z.object({ schoolId: ZUuid, studentId: ZUuid });

/** A student writes to their contact teacher themself, from the grade the school's principle sets. */
export const ZCreateOwnThread = z.object({
  subject: ZThreadSubject,
  body: ZMessageBody,
  attachmentIds: ZAttachmentIds.optional(),
});
export type TCreateOwnThread = z.infer<typeof ZCreateOwnThread>;

/** Most colleagues one message between staff goes to. */
export const STAFF_RECIPIENTS_MAX = 50;

/** A message between staff of one school, optionally about a child the writer works with. */
export const ZCreateStaffThread = z.object({
  /** Staff of the school, as listed by GET /api/schools/:schoolId/staff. */
  recipientIds: z.array(ZUuid).min(1).max(STAFF_RECIPIENTS_MAX),
  subject: ZThreadSubject,
  body: ZMessageBody,
  studentId: ZUuid.optional(),
  attachmentIds: ZAttachmentIds.optional(),
});
export type TCreateStaffThread = z.infer<typeof ZCreateStaffThread>;

/** A colleague the writer may choose as a recipient: name and roles only. */
export const ZColleague = z.object({
  id: ZUuid,
  name: z.string(),
  /** School roles (leader, administrator, teacher, pedagogue) and class roles (contact_teacher, …). */
  roles: z.array(ZRole),
  /** The classes they work with, e.g. "3.A". */
  classes: z.array(z.string()),
});
export type TColleague = z.infer<typeof ZColleague>;
export const ZColleagueList = z.object({ staff: z.array(ZColleague) });
export type TColleagueList = z.infer<typeof ZColleagueList>;

/** One use of "urgent", for the leadership: who, when, about what, to whom; never guardians' names or addresses. */
export const ZUrgentUse = z.object({
  messageId: ZUuid,
  threadId: ZUuid,
  sentAt: ZIsoDateTime,
  author: z.object({ name: z.string() }),
  subject: z.string(),
  /** A class message's guardians as their group, "Forældre i 3.A". */
  group: z.string().nullable(),
  /** The child the thread is about. */
  student: z.object({ id: ZUuid, name: z.string() }).nullable(),
});
export type TUrgentUse = z.infer<typeof ZUrgentUse>;
export const ZUrgentUseList = z.object({ uses: z.array(ZUrgentUse) });
export type TUrgentUseList = z.infer<typeof ZUrgentUseList>;

export const ZPostMessage = z.object({
  body: ZMessageBody,
  /** Staff only: a guardian sending `true` is refused (urgent_staff_only). */
  urgent: ZUrgent,
  /** The author's own pending uploads, sent with the message. */
  attachmentIds: ZAttachmentIds.optional(),
});
export type TPostMessage = z.infer<typeof ZPostMessage>;

/** A short "received" that keeps the promise, e.g. "Modtaget – jeg ringer til dig i morgen". */
export const ZAcknowledge = z.object({ body: ZMessageBody.optional() });
export type TAcknowledge = z.infer<typeof ZAcknowledge>;

export const ZThreadKind = z.enum(['direct', 'group']);
/** A student takes part in their own conversations with their contact teacher (from the principle's grade). */
export const ZParticipantRole = z.enum(['guardian', 'staff', 'student']);
export type TParticipantRole = z.infer<typeof ZParticipantRole>;

/**
 * none: no answer is owed: the school's principle sets no response time, or staff wrote last (a
 * class message, a thread staff started, a thread between staff); open: an answer is owed and not yet late;
 * broken: the answer is late; fulfilled: staff answered or acknowledged.
 */
export const ZPromiseStatus = z.enum(['none', 'open', 'broken', 'fulfilled']);
export type TPromiseStatus = z.infer<typeof ZPromiseStatus>;

const ZPersonRef = z.object({ name: z.string(), role: ZParticipantRole });

/** A thread as its list row shows it to the reader. */
export const ZThreadSummary = z.object({
  id: ZUuid,
  schoolId: ZUuid,
  kind: ZThreadKind,
  subject: z.string(),
  /** The child the thread is about. */
  student: z.object({ id: ZUuid, name: z.string() }).nullable(),
  createdAt: ZIsoDateTime,
  lastMessageAt: ZIsoDateTime,
  /** The promise: the end of the last working day by which staff answer (Copenhagen time). Null when the principle sets no response time. */
  replyDueAt: ZIsoDateTime.nullable(),
  /** The promise in words, in the reader's language, as who promises what: "Skolen svarer senest torsdag 26. november" to the guardian, "Svar senest …" to staff. */
  replyDueText: z.string().nullable(),
  promiseStatus: ZPromiseStatus,
  promiseFulfilledAt: ZIsoDateTime.nullable(),
  /** Messages from others that the reader has not opened yet. */
  unreadCount: z.number().int().nonnegative(),
  /** The other party: staff for a guardian, the guardians for staff. A group message's guardians are one entry, "Forældre i 3.A". */
  counterparts: z.array(ZPersonRef),
  /**
   * A group message's recipients as their group, for every reader: "Forældre i 3.A", "Forældre i
   * 3. årgang" or "Forældre på Demo Skole". Null for any other thread.
   */
  group: z.string().nullable(),
  /** A guardian's private reply to a group message: the group message it answers. */
  parentThreadId: ZUuid.nullable(),
  /** Staff marked a message in the thread urgent (illness, safety). */
  urgent: z.boolean(),
});
export type TThreadSummary = z.infer<typeof ZThreadSummary>;

/** A thread in the inbox: its summary and a preview of its newest message. */
export const ZInboxThread = ZThreadSummary.extend({
  /** Who wrote the newest message and its first words, on one line; null in a thread without messages. */
  preview: z.object({ author: z.string(), text: z.string() }).nullable(),
});
export type TInboxThread = z.infer<typeof ZInboxThread>;

export const ZThreadList = z.object({
  threads: z.array(ZInboxThread),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type TThreadList = z.infer<typeof ZThreadList>;

export const THREAD_PAGE_DEFAULT = 50;
export const THREAD_PAGE_MAX = 100;
export const ZInboxShow = z.enum(['all', 'unread', 'awaiting-reply']);
export type TInboxShow = z.infer<typeof ZInboxShow>;

/** The inbox a page at a time, optionally only unread threads, threads awaiting a reply, or those about a child or a class. */
export const ZThreadListQuery = z.object({
  show: ZInboxShow.default('all'),
  studentId: ZUuid.optional(),
  classId: ZUuid.optional(),
  limit: z.coerce.number().int().min(1).max(THREAD_PAGE_MAX).default(THREAD_PAGE_DEFAULT),
  /** The `nextCursor` of the previous page. */
  before: text({ max: 200, trim: false }).optional(),
});
export type TThreadListQuery = z.infer<typeof ZThreadListQuery>;
/** Longest search text, in characters. */
export const THREAD_SEARCH_MAX = 200;

/** Search in one's own threads: words as in a web search ("madpakke", "klassen -lejrskole", "\"sidste uge\""). */
export const ZThreadSearchQuery = z.object({ q: text({ min: 1, max: THREAD_SEARCH_MAX }) });
export type TThreadSearchQuery = z.infer<typeof ZThreadSearchQuery>;

/** A piece of a snippet: plain text, `match` where it matched the search. Never HTML. */
export const ZSnippetPart = z.object({ text: z.string(), match: z.boolean() });
export type TSnippetPart = z.infer<typeof ZSnippetPart>;

export const ZThreadSearchHit = ZThreadSummary.extend({
  /** The best matching message; null when only the subject matches. */
  matchedMessageId: ZUuid.nullable(),
  /** A short excerpt of that message (or of the subject), in pieces, the matching words marked. */
  snippet: z.array(ZSnippetPart),
});
export type TThreadSearchHit = z.infer<typeof ZThreadSearchHit>;

/** The caller's threads that match, best match first. */
export const ZThreadSearchResult = z.object({ threads: z.array(ZThreadSearchHit) });
export type TThreadSearchResult = z.infer<typeof ZThreadSearchResult>;

export const ZMessage = z.object({
  id: ZUuid,
  kind: z.enum(['message', 'acknowledgement']),
  /** Plain text exactly as written. */
  body: z.string(),
  author: ZPersonRef.extend({ isReader: z.boolean() }),
  createdAt: ZIsoDateTime,
  /** Marked urgent by staff (illness, safety). */
  urgent: z.boolean(),
  /** Files sent with the message, downloaded from /api/attachments/:id. */
  attachments: z.array(ZAttachment),
  /**
   * Only on a guardian's own messages, to that guardian: when the school first read it (the
   * earliest read by a staff participant at or after it was written), null while unread.
   */
  readByStaffAt: ZIsoDateTime.nullable().optional(),
});
export type TMessage = z.infer<typeof ZMessage>;

/** A thread with its messages, oldest first, and what the reader may do in it. */
export const ZThreadDetail = ZThreadSummary.extend({
  participants: z.array(ZPersonRef),
  messages: z.array(ZMessage),
  abilities: z.object({ reply: z.boolean(), acknowledge: z.boolean() }),
  /** In the answer to a guardian's new thread: one sentence per absent recipient, saying who got it instead or when to expect the answer (src/server/staff-absence). */
  absenceNotices: z.array(z.string()).optional(),
});
export type TThreadDetail = z.infer<typeof ZThreadDetail>;

/** A promise the school did not keep, for the leadership. */
export const ZBrokenPromise = z.object({
  threadId: ZUuid,
  subject: z.string(),
  student: z.object({ id: ZUuid, name: z.string() }).nullable(),
  /** The guardians waiting for an answer. */
  guardians: z.array(z.object({ name: z.string() })),
  /** The staff in the thread, who owed the answer. */
  owedBy: z.array(z.object({ name: z.string() })),
  replyDueAt: ZIsoDateTime,
  /** Working days of the school's calendar since the day the answer was due, up to today; 0 while only weekends, holidays or closed days have passed. */
  workingDaysLate: z.number().int().nonnegative(),
});
export type TBrokenPromise = z.infer<typeof ZBrokenPromise>;

export const ZBrokenPromiseList = z.object({ promises: z.array(ZBrokenPromise) });
export type TBrokenPromiseList = z.infer<typeof ZBrokenPromiseList>;

/** Topics that make a message better handled by phone or in a meeting (src/domain/writing-advice). */
export const SENSITIVE_TOPICS = [
  'bullying',
  'wellbeing',
  'diagnosis',
  'violence',
  'family_conflict',
  'grade_dispute',
  'absence',
  'self_harm',
  'substance',
  'sexuality_abuse',
] as const;
export const ZSensitiveTopic = z.enum(SENSITIVE_TOPICS);
export type TSensitiveTopic = z.infer<typeof ZSensitiveTopic>;

/**
 * A draft the composer asks advice on. The student, class or school say who will read it, which
 * tunes the advice; each is used only where the writer may see it, and ignored otherwise.
 */
export const ZWritingAdviceRequest = z.object({
  text: text({ max: MESSAGE_BODY_MAX, lines: true, trim: false }),
  subject: text({ max: THREAD_SUBJECT_MAX, trim: false }).optional(),
  /** The child the message is about: its custody holders read it. */
  studentId: ZUuid.optional(),
  /** The class written to: its guardians read it. */
  classId: ZUuid.optional(),
  /** The school written at, when neither a student nor a class is given. */
  schoolId: ZUuid.optional(),
});
export type TWritingAdviceRequest = z.infer<typeof ZWritingAdviceRequest>;

/** Codes only: the client holds the Danish and English wording. Advice never blocks sending. */
export const ZAdviceHint = z.object({
  code: z.enum(['write_easier', 'consider_call_or_meeting', 'tone_shouting']),
  /** With consider_call_or_meeting: the topics that make the message sensitive. */
  topics: z.array(ZSensitiveTopic).optional(),
});
export type TAdviceHint = z.infer<typeof ZAdviceHint>;

export const ZWritingAdvice = z.object({
  /** LIX, the Danish readability index, of the text, rounded. */
  lix: z.number(),
  band: z.enum(['easy', 'medium', 'hard']),
  hints: z.array(ZAdviceHint),
});
export type TWritingAdvice = z.infer<typeof ZWritingAdvice>;
