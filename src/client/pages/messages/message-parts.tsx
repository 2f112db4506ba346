import Linkify from 'linkify-react';
import { find as findLinks, type Opts } from 'linkifyjs';
import type { ComponentProps, ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MESSAGE_BODY_MAX, type TMessage, type TThreadSummary } from '../../../shared/api/messaging.schema.js';
import { Frame, TextAreaField, useFieldIds } from '../../ui/field.js';
import { formatDateTime, formatDueDay, formatNumber } from '../../ui/format.js';
import type { ApiError } from '../../api/api-error.js';
import { ActionError } from '../../ui/errors.js';

/**
 * Where a thread's reply promise stands, in a few words, said as who promises what: staff read
 * their task ("Svar senest torsdag 26. november"), the guardian the school's promise ("Skolen
 * svarer senest torsdag 26. november"), "Besvaret".
 */
export function PromiseState({
  thread,
}: {
  thread: Pick<TThreadSummary, 'promiseStatus' | 'replyDueAt' | 'counterparts'>;
}) {
  const { t, i18n } = useTranslation();
  const date = thread.replyDueAt ? formatDueDay(thread.replyDueAt, i18n.language) : '';
  // A reply is owed only to the home (guardians, a student writing themself), so a staff reader has
  // the home across the thread and the home has only staff.
  const forGuardian = !thread.counterparts.some((person) => person.role !== 'staff');
  switch (thread.promiseStatus) {
    case 'fulfilled':
      return <span className="badge badge--answered">{t('messages.promise.fulfilled')}</span>;
    case 'open':
      return (
        <span className="badge badge--open">
          {t(forGuardian ? 'messages.promise.openForGuardian' : 'messages.promise.open', { date })}
        </span>
      );
    case 'broken':
      return <span className="badge badge--late">{t('messages.promise.broken', { date })}</span>;
    case 'none':
      return null;
  }
}

/** A message body with a live count against the shared limit, so nobody is surprised when sending. */
export function MessageBodyField({
  value,
  label,
  error,
  ...area
}: { value: string; label: string; error?: string } & Omit<ComponentProps<'textarea'>, 'value'>) {
  const { t, i18n } = useTranslation();
  const counter = t('messages.compose.counter', {
    chars: formatNumber(value.length, i18n.language),
    max: formatNumber(MESSAGE_BODY_MAX, i18n.language),
  });
  return (
    <TextAreaField
      label={label}
      hint={counter}
      error={error}
      value={value}
      maxLength={MESSAGE_BODY_MAX}
      rows={8}
      {...area}
    />
  );
}

/**
 * Which found links become links: web addresses (http, https, or a bare domain, opened as https)
 * and e-mail addresses (mailto). Anything else a writer types stays text; phone numbers are found
 * by `findPhoneNumbers`, since linkify knows no `tel:` with a `+`.
 */
export function isSafeMessageLink(value: string, type: string): boolean {
  if (type === 'email') return true;
  if (type !== 'url') return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'http' || scheme === 'https';
}

/**
 * A phone number as people write it in a Danish message: `tel:` and up to 15 digits
 * (`tel:+4512345678`), or a Danish number of eight digits that starts with 2–9, written
 * together, in pairs or as 4 + 4, with or without +45 before it. It stands alone: no letter,
 * digit or joining sign (`-./,:@`) next to it, no digit one space away (an account number, a
 * longer number in pairs) and no "kr", "DKK" or "%" after it (an amount), so dates, CPR numbers
 * (010203-1234) and amounts (12.345.678 kr) stay text.
 */
const PHONE_NUMBER =
  /(?<![\p{L}\p{N}_+\-./,:@]|\p{N} |kr\.? ?|dkk ?)(?:tel:\+?\d{3,15}|(?:\+45 ?)?[2-9]\d(?:\d{6}|(?: \d{2}){3}|\d{2} \d{4}))(?![\p{L}\p{N}_\-/@]|[.,:]\p{N}| \p{N}| ?(?:kr\b|dkk\b|%))/giu;

/** The phone numbers in a text, each with where it stands and its `tel:` address (digits only, `+` kept). */
export function findPhoneNumbers(text: string): Array<{ start: number; end: number; href: string }> {
  return Array.from(text.matchAll(PHONE_NUMBER), (match) => {
    const written = match[0].replace(/^tel:/i, '');
    const digits = written.replace(/[^\d+]/g, '');
    return { start: match.index, end: match.index + match[0].length, href: `tel:${digits}` };
  });
}

const LINK_REL = 'noopener noreferrer';

const LINK_OPTIONS: Opts = {
  defaultProtocol: 'https',
  rel: LINK_REL,
  validate: (value, type) => isSafeMessageLink(value, type),
  // The phone numbers are links already.
  ignoreTags: ['a'],
};

/** The text with its phone numbers as `tel:` links; a number inside a web or e-mail address stays part of it. */
function withPhoneLinks(body: string): ReactNode[] {
  const links = findLinks(body);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const phone of findPhoneNumbers(body)) {
    if (links.some((link) => link.start < phone.end && phone.start < link.end)) continue;
    if (phone.start > at) parts.push(body.slice(at, phone.start));
    parts.push(
      <a key={phone.start} href={phone.href} rel={LINK_REL}>
        {body.slice(phone.start, phone.end)}
      </a>,
    );
    at = phone.end;
  }
  if (at < body.length) parts.push(body.slice(at));
  return parts;
}

/**
 * Plain text exactly as written: rendered as text (never HTML), with its line breaks kept, and its
 * web and e-mail addresses (linkify finds them) and phone numbers as links, rendered by React as
 * elements.
 */
export function MessageText({ body }: { body: string }) {
  return (
    <p className="message__body">
      <Linkify options={LINK_OPTIONS}>{withPhoneLinks(body)}</Linkify>
    </p>
  );
}

/**
 * What a composer's subject or body says when it is in error: the server's verdict as worded, the
 * field's own "write a …" when it is empty, and otherwise that it holds a character that cannot be sent.
 */
export function composeFieldProblem(error: FieldError | undefined, missing: string, t: TFunction): string | undefined {
  if (!error) return undefined;
  if (error.type === 'server' && error.message) return error.message;
  return error.type === 'too_small' ? missing : t('messages.compose.textInvalid');
}

/** The child a thread is about and who is on the other side, as the first facts of a thread. */
export function ThreadParties({
  thread,
  others,
}: {
  thread: Pick<TThreadSummary, 'student' | 'group' | 'counterparts'>;
  others: string;
}) {
  const { t } = useTranslation();
  // Staff see a group message's guardians among the counterparts; a guardian, who is one of
  // them, sees whom it was sent to ("Forældre i 3. årgang"), never the other families.
  const sentTo =
    thread.group && !thread.counterparts.some((person) => person.role === 'guardian') ? thread.group : null;
  return (
    <>
      {sentTo ? (
        <>
          <dt>{t('parentsMessage.sentTo')}</dt>
          <dd>{sentTo}</dd>
        </>
      ) : null}
      {thread.student ? (
        <>
          <dt>{t('messages.inbox.child')}</dt>
          <dd>{thread.student.name}</dd>
        </>
      ) : null}
      {others ? (
        <>
          <dt>{t('messages.inbox.with')}</dt>
          <dd>{others}</dd>
        </>
      ) : null}
    </>
  );
}

/** Staff only: marks the message urgent (illness, safety). The hint says what it does, so it is used sparingly. */
export function UrgentField({
  id,
  checked,
  onChange,
}: {
  id: string;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  const { t } = useTranslation();
  const hint = t('staffMessages.urgent.hint');
  const { ids, control } = useFieldIds(id, hint, undefined);
  return (
    <Frame {...ids} label={t('staffMessages.urgent.label')} hint={hint} variant="check">
      <input type="checkbox" {...control} checked={checked} onChange={(event) => onChange(event.target.checked)} />
    </Frame>
  );
}

/** "Haster" on an urgent message or thread. */
export function UrgentBadge() {
  const { t } = useTranslation();
  return <span className="badge badge--late">{t('staffMessages.urgent.badge')}</span>;
}

/** Under a guardian's own message: whether the school has read it yet. */
export function ReadByStaff({ message }: { message: Pick<TMessage, 'readByStaffAt'> }) {
  const { t, i18n } = useTranslation();
  if (message.readByStaffAt === undefined) return null;
  return (
    <p className="message__read field__hint">
      {message.readByStaffAt
        ? t('staffMessages.readByStaff.read', { date: formatDateTime(message.readByStaffAt, i18n.language) })
        : t('staffMessages.readByStaff.notRead')}
    </p>
  );
}

/**
 * The end of every composer: what went wrong with the last send, and the send button, held while
 * a send is under way or an attachment is still uploading.
 */
export function SendButton({
  error,
  busy,
  waiting = false,
}: {
  error: ApiError | null;
  busy: boolean;
  waiting?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ActionError error={error} />
      <p>
        <button type="submit" className="button" disabled={busy || waiting}>
          {busy ? t('messages.compose.sending') : t('messages.compose.send')}
        </button>
      </p>
    </>
  );
}
