import type { Locale } from '../../shared/errors.js';
import type { TAttachment } from '../../shared/api/attachment.schema.js';
import {
  messagingText,
  type TMessage,
  type TParticipantRole,
  type TPromiseStatus,
  type TSnippetPart,
  type TThreadSummary,
  type TUrgentUse,
} from '../../shared/api/messaging.schema.js';
import { formatDueDate } from '../../domain/calendar/working-days.js';
import {
  SNIPPET_MARK_START,
  SNIPPET_MARK_STOP,
  type MessageRow,
  type ParticipantRow,
  type PartyRow,
  type ThreadRow,
  type UrgentUseRow,
} from './thread-read.repository.js';

/** Who reads: their person at the thread's school and the side they read from. */
export interface Reader {
  personId: string | null;
  /** `staff` also for the leadership reading a thread they are not in. */
  side: TParticipantRole;
  locale: Locale;
  now: Date;
}

const personName = (p: { given_name: string; family_name: string }) => `${p.given_name} ${p.family_name}`.trim();

export function promiseStatus(
  thread: Pick<ThreadRow, 'reply_due_at' | 'promise_fulfilled_at'>,
  now: Date,
): TPromiseStatus {
  if (!thread.reply_due_at) return 'none';
  if (thread.promise_fulfilled_at) return 'fulfilled';
  return now.getTime() > thread.reply_due_at.getTime() ? 'broken' : 'open';
}

/** The promise in words while an answer is owed: the home (guardian or student) is told what to expect, staff when to answer. */
function replyDueText(thread: ThreadRow, status: TPromiseStatus, reader: Reader): string | null {
  if (!thread.reply_due_at || (status !== 'open' && status !== 'broken')) return null;
  const date = formatDueDate(thread.reply_due_at, reader.locale);
  return messagingText(reader.side === 'staff' ? 'replyDueForStaff' : 'replyDueForGuardian', reader.locale, {
    date,
  });
}

/**
 * The guardians of a group message as one entry, "Forældre i 3.A", "Forældre i 3. årgang" or
 * "Forældre på Demo Skole": the families are not shown to each other, and staff see who read it
 * on the readers list instead.
 */
function groupGuardians(thread: ThreadRow, locale: Locale) {
  const name = thread.class_id
    ? messagingText('classGuardians', locale, { class: `${thread.class_grade ?? ''}.${thread.class_letter ?? ''}` })
    : thread.grade !== null
      ? messagingText('gradeGuardians', locale, { grade: String(thread.grade) })
      : messagingText('schoolGuardians', locale, { school: thread.school_name });
  return { name, role: 'guardian' as const };
}

/** The people of a thread as the reader may see them: a group message's guardians only as their group. */
export function presentParticipants(thread: ThreadRow, participants: PartyRow[], locale: Locale) {
  if (thread.kind !== 'group') return participants.map(presentParticipant);
  return [...participants.filter((p) => p.role === 'staff').map(presentParticipant), groupGuardians(thread, locale)];
}

/** The other side: staff for a guardian, the guardians for staff; in a thread between staff, the other colleagues. */
function counterpartsOf(thread: ThreadRow, participants: PartyRow[], reader: Reader) {
  if (thread.kind === 'direct' && participants.every((p) => p.role === 'staff'))
    return participants.filter((p) => p.person_id !== reader.personId).map(presentParticipant);
  return presentParticipants(thread, participants, reader.locale).filter((p) => p.role !== reader.side);
}

export function presentThreadSummary(
  thread: ThreadRow,
  participants: PartyRow[],
  unreadCount: number,
  reader: Reader,
): TThreadSummary {
  const status = promiseStatus(thread, reader.now);
  return {
    id: thread.id,
    schoolId: thread.school_id,
    kind: thread.kind,
    subject: thread.subject,
    student:
      thread.student_id && thread.student_given_name !== null
        ? { id: thread.student_id, name: `${thread.student_given_name} ${thread.student_family_name ?? ''}`.trim() }
        : null,
    createdAt: thread.created_at.toISOString(),
    lastMessageAt: thread.last_message_at.toISOString(),
    replyDueAt: thread.reply_due_at?.toISOString() ?? null,
    replyDueText: replyDueText(thread, status, reader),
    promiseStatus: status,
    promiseFulfilledAt: thread.promise_fulfilled_at?.toISOString() ?? null,
    unreadCount,
    counterparts: counterpartsOf(thread, participants, reader),
    group: thread.kind === 'group' ? groupGuardians(thread, reader.locale).name : null,
    parentThreadId: thread.parent_thread_id,
    urgent: thread.urgent,
  };
}

/** How much of the newest message the inbox shows; the query reads one character more to know it was cut. */
const PREVIEW_CHARACTERS = 160;

/** The inbox's preview line: who wrote the newest message and its first words, cut at a word. */
export function presentPreview(row: {
  preview_author_given_name: string | null;
  preview_author_family_name: string | null;
  preview_text: string | null;
}): { author: string; text: string } | null {
  if (row.preview_text === null || row.preview_author_given_name === null) return null;
  // The query reads one character more than is shown: a longer text was cut, at a word.
  const cut =
    row.preview_text.length > PREVIEW_CHARACTERS
      ? `${row.preview_text
          .slice(0, PREVIEW_CHARACTERS)
          .replace(/\s+\S*$/, '')
          .trim()}…`
      : row.preview_text.trim();
  return { author: `${row.preview_author_given_name} ${row.preview_author_family_name ?? ''}`.trim(), text: cut };
}

/**
 * When the school first read a message: the earliest read mark of a staff participant at or
 * after the message was written. A read mark moves on with every visit, so this is the earliest
 * read still on record, which is what the guardian needs: that someone at school has seen it.
 */
export function readByStaffAt(message: Pick<MessageRow, 'created_at'>, participants: ParticipantRow[]): Date | null {
  const reads = participants.flatMap((p) =>
    p.role === 'staff' && p.last_read_at && p.last_read_at.getTime() >= message.created_at.getTime()
      ? [p.last_read_at.getTime()]
      : [],
  );
  return reads.length > 0 ? new Date(Math.min(...reads)) : null;
}

/** `attachments`: the message's files as attachments/ presents them. */
export function presentMessage(
  message: MessageRow,
  participants: ParticipantRow[],
  reader: Reader,
  attachments: TAttachment[] = [],
): TMessage {
  const authorRole = participants.find((p) => p.person_id === message.author_id)?.role ?? 'staff';
  // An acknowledgement without words of its own reads in the reader's language.
  const body =
    message.kind === 'acknowledgement' && message.body === ''
      ? messagingText('acknowledgementDefault', reader.locale)
      : message.body;
  return {
    id: message.id,
    kind: message.kind,
    body,
    author: {
      name: `${message.author_given_name} ${message.author_family_name}`.trim(),
      role: authorRole,
      isReader: message.author_id === reader.personId,
    },
    createdAt: message.created_at.toISOString(),
    urgent: message.urgent,
    attachments,
    // Only the home (a guardian, a student) learns, of their own messages only, whether the school has read them.
    ...(reader.side !== 'staff' && authorRole === reader.side && message.author_id === reader.personId
      ? { readByStaffAt: readByStaffAt(message, participants)?.toISOString() ?? null }
      : {}),
  };
}

export const presentParticipant = (p: PartyRow) => ({ name: personName(p), role: p.role });
export const presentName = (p: PartyRow) => ({ name: personName(p) });

/**
 * A search snippet as plain-text pieces, the matched words as pieces of their own, so a client
 * renders it as text and never as markup. Runs of white space (line breaks, and what the
 * database left where it dropped markup-like text) become one space.
 */
export function presentSnippet(snippet: string): TSnippetPart[] {
  const parts: TSnippetPart[] = [];
  let match = false;
  for (const piece of snippet
    .replace(/\s+/g, ' ')
    .trim()
    .split(new RegExp(`([${SNIPPET_MARK_START}${SNIPPET_MARK_STOP}])`))) {
    if (piece === SNIPPET_MARK_START) match = true;
    else if (piece === SNIPPET_MARK_STOP) match = false;
    else if (piece !== '') {
      const last = parts.at(-1);
      if (last && last.match === match) last.text += piece;
      else parts.push({ text: piece, match });
    }
  }
  return parts;
}

/** A colleague as the staff list shows them: name, roles (school and class), and their classes. */
/** One urgent use for the leadership: the recipients as a group or the child, never the guardians one by one. */
export function presentUrgentUse(row: UrgentUseRow, locale: Locale): TUrgentUse {
  const { thread } = row;
  return {
    messageId: row.message_id,
    threadId: thread.id,
    sentAt: row.created_at.toISOString(),
    author: { name: `${row.author_given_name} ${row.author_family_name}`.trim() },
    subject: thread.subject,
    group: thread.kind === 'group' ? groupGuardians(thread, locale).name : null,
    student:
      thread.student_id && thread.student_given_name !== null
        ? { id: thread.student_id, name: `${thread.student_given_name} ${thread.student_family_name ?? ''}`.trim() }
        : null,
  };
}
