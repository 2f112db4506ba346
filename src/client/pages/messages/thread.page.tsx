import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { messagingContracts } from '../../../shared/api/messaging.contract.js';
import { notificationContracts } from '../../../shared/api/notification.contract.js';
import { z } from 'zod';
import {
  ZAcknowledge,
  ZPostMessage,
  type TAcknowledge,
  type TMessage,
  type TPostMessage,
  type TThreadDetail,
} from '../../../shared/api/messaging.schema.js';
import { messagingApi } from '../../api/messaging.api.js';
import { paths } from '../../app/paths.js';
import { useSession } from '../../app/session.js';
import { useApiQuery, useInvalidate } from '../../app/query.js';
import { ActionError, Loaded } from '../../ui/errors.js';
import { TextField } from '../../ui/field.js';
import { formatDateTime } from '../../ui/format.js';
import { problemText, showServerProblems, useSchemaForm } from '../../ui/form.js';
import { Notice } from '../../ui/notice.js';
import { Page, Section } from '../../ui/page.js';
import {
  composeFieldProblem,
  MessageBodyField,
  MessageText,
  PromiseState,
  ReadByStaff,
  ThreadParties,
  UrgentBadge,
  UrgentField,
} from './message-parts.js';
import { ThreadReaders } from './thread-readers.js';
import { useOnceSend } from './use-once-send.js';
import { WritingAdvice } from './writing-advice.js';
import { ComposerAttachments, ComposerDraftStatus, useComposerDraft } from './attachment-composer.js';
import { AttachmentLinks } from './attachment-links.js';

/** Short enough for "Modtaget – jeg ringer i morgen"; a longer answer belongs in a reply. */
const ACKNOWLEDGEMENT_MAX = 300;

function MessageItem({ message }: { message: TMessage }) {
  const { t, i18n } = useTranslation();
  const mine = message.author.isReader;
  return (
    <li className={mine ? 'message message--mine' : 'message'}>
      {/* The id is the target of a search hit's link; tabIndex lets the page move focus there. */}
      <article
        id={`message-${message.id}`}
        tabIndex={-1}
        aria-label={t('messages.thread.messageFrom', { name: message.author.name })}
      >
        <p className="message__meta">
          <strong>{mine ? t('messages.thread.you') : message.author.name}</strong>
          {' · '}
          <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, i18n.language)}</time>
          {message.kind === 'acknowledgement' ? (
            <span className="badge badge--answered">{t('messages.thread.acknowledgement')}</span>
          ) : null}
          {message.urgent ? <UrgentBadge /> : null}
        </p>
        <MessageText body={message.body} />
        <AttachmentLinks attachments={message.attachments} />
        <ReadByStaff message={message} />
      </article>
    </li>
  );
}

/** The reply's fields, checked by the shared schema the server checks a message with; the attachments come from the draft. */
const ZReplyForm = ZPostMessage.pick({ body: true, urgent: true });

function ReplyForm({ thread, onSent }: { thread: TThreadDetail; onSent(detail: TThreadDetail): void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const form = useSchemaForm(ZReplyForm, { body: '', urgent: false });
  const { getValues, setValue, clearErrors, setError } = form;
  const [body, urgent = false] = form.watch(['body', 'urgent']);
  // Staff (and the leadership answering) may mark an answer to a home urgent; guardians may not.
  const mayMarkUrgent =
    thread.abilities.acknowledge && thread.participants.some((person) => person.role === 'guardian');
  const setText = useCallback(
    (text: { body: string }) => {
      setValue('body', text.body);
      clearErrors('body');
    },
    [setValue, clearErrors],
  );
  // A draft that arrives after the writer began leaves what they typed alone.
  const restoreText = useCallback(
    (text: { body: string }) => {
      if (getValues('body') === '') setValue('body', text.body);
    },
    [getValues, setValue],
  );
  const draft = useComposerDraft(
    { schoolId: thread.schoolId, kind: 'reply', targetId: thread.id },
    { body, setText, restoreText },
  );
  const send = useOnceSend(async (key: string, input: TPostMessage) => {
    const { body: text, urgent: asUrgent, attachmentIds } = input;
    const detail = await messagingApi.reply(thread.id, text, key, {
      ...(asUrgent ? { urgent: true } : {}),
      attachmentIds,
    });
    draft.sent();
    form.reset({ body: '', urgent: false });
    onSent(detail);
  });
  // The server's verdict on the text shows at the field, as the schema's would.
  useEffect(() => {
    if (send.error) showServerProblems(setError, send.error, t('errors.checkField'));
  }, [send.error, setError, t]);
  const onSubmit = form.handleSubmit((values) =>
    send.run({
      body: values.body,
      urgent: (mayMarkUrgent && values.urgent) || undefined,
      attachmentIds: draft.attachmentIds,
    }),
  );
  // A staff participant may acknowledge; the request for a call is then worded from the school's side.
  const requestCall = () => {
    const child = thread.student?.name ?? '';
    const name = me?.name ?? '';
    setValue(
      'body',
      thread.abilities.acknowledge
        ? t('messages.callRequest.staffBody', { child, name })
        : t('messages.callRequest.guardianBody', { child, name }),
      { shouldDirty: true },
    );
  };
  const { errors } = form.formState;
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="stack">
      <MessageBodyField
        id="reply-body"
        label={t('messages.thread.replyLabel')}
        value={body}
        rows={5}
        error={composeFieldProblem(errors.body, t('messages.compose.bodyMissing'), t)}
        {...form.register('body')}
      />
      <WritingAdvice draft={{ text: body, studentId: thread.student?.id }} onRequestCall={requestCall} />
      <ComposerAttachments id="reply-attachments" draft={draft} />
      {mayMarkUrgent ? (
        <UrgentField
          id="reply-urgent"
          checked={urgent}
          onChange={(checked) => setValue('urgent', checked, { shouldDirty: true })}
        />
      ) : null}
      <ActionError error={send.error} />
      <p>
        <button type="submit" className="button" disabled={send.busy || draft.uploading}>
          {send.busy ? t('messages.compose.sending') : t('messages.thread.send')}
        </button>
      </p>
      <ComposerDraftStatus draft={draft} />
    </form>
  );
}

/**
 * The acknowledgement's note, checked by the shared schema: a note left empty (or only spaces) is
 * no note, and the acknowledgement goes without one.
 */
const ZAcknowledgeForm = ZAcknowledge.extend({
  body: z
    .string()
    .transform((value) => (value.trim() === '' ? undefined : value))
    .pipe(ZAcknowledge.shape.body),
});

function AcknowledgeForm({ thread, onSent }: { thread: TThreadDetail; onSent(detail: TThreadDetail): void }) {
  const { t } = useTranslation();
  const form = useSchemaForm(ZAcknowledgeForm, { body: '' });
  const { setError } = form;
  const send = useOnceSend(async (key: string, input: TAcknowledge) => {
    const detail = await messagingApi.acknowledge(thread.id, input.body ? { body: input.body } : {}, key);
    form.reset({ body: '' });
    onSent(detail);
  });
  useEffect(() => {
    if (send.error) showServerProblems(setError, send.error, t('errors.checkField'));
  }, [send.error, setError, t]);
  const onSubmit = form.handleSubmit((values) => send.run(values));
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="stack panel panel--quiet">
      <p>{t('messages.thread.acknowledgeExplanation')}</p>
      <TextField
        id="acknowledge-text"
        label={t('messages.thread.acknowledgeLabel')}
        hint={t('messages.thread.acknowledgeHint')}
        maxLength={ACKNOWLEDGEMENT_MAX}
        error={problemText(form.formState.errors.body, t('messages.compose.textInvalid'))}
        {...form.register('body')}
      />
      <ActionError error={send.error} />
      <p>
        <button type="submit" className="button button--secondary" disabled={send.busy}>
          {t('messages.thread.acknowledge')}
        </button>
      </p>
    </form>
  );
}

/**
 * Opened from a search hit (`#message-<id>`): the page only exists once loaded, so the browser's
 * own jump to the anchor has nothing to find; scroll there and move focus so it is also announced.
 */
function useScrollToMessage(hash: string) {
  useEffect(() => {
    if (!hash.startsWith('#message-')) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [hash]);
}

function ThreadView({ initial }: { initial: TThreadDetail }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const [thread, setThread] = useState(initial);
  const arrival = location.state as { sent?: boolean; notices?: string[] } | null;
  const [status, setStatus] = useState<string | null>(arrival?.sent ? t('messages.thread.sentNew') : null);
  const [notices, setNotices] = useState<string[]>(arrival?.notices ?? []);
  const onSent = (detail: TThreadDetail) => {
    // A guardian's answer to a class message starts a private thread with the staff.
    if (detail.id !== thread.id) {
      void navigate(paths.thread(detail.id), { state: { sent: true } });
      return;
    }
    setThread(detail);
    setStatus(t('messages.thread.sent'));
    setNotices([]);
  };
  const isStaff =
    thread.abilities.acknowledge ||
    thread.messages.some((message) => message.author.isReader && message.author.role === 'staff');
  const others = thread.counterparts.map((person) => person.name).join(', ');
  const promiseOpen = thread.promiseStatus === 'open' || thread.promiseStatus === 'broken';
  useScrollToMessage(location.hash);
  return (
    <Page title={thread.subject}>
      <p>
        <Link to={paths.inbox()}>{t('messages.thread.back')}</Link>
      </p>
      <div aria-live="polite">
        {status ? (
          <Notice kind="success" live={false}>
            <p>{status}</p>
            {notices.map((notice) => (
              <p key={notice}>{notice}</p>
            ))}
          </Notice>
        ) : null}
      </div>
      <dl className="facts">
        <ThreadParties thread={thread} others={others} />
        <dt>{t('messages.thread.state')}</dt>
        <dd>
          {/* The promise is said once: in words while it is open, else as its state. */}
          {thread.promiseStatus === 'open' && thread.replyDueText ? (
            <p className="promise">{thread.replyDueText}</p>
          ) : (
            <PromiseState thread={thread} />
          )}
          {thread.promiseStatus === 'none' ? t('messages.promise.none') : null}
        </dd>
      </dl>
      {thread.parentThreadId ? (
        <p>
          <Link to={paths.thread(thread.parentThreadId)}>{t('messages.group.original')}</Link>
        </p>
      ) : null}
      <Section title={t('messages.thread.messages', { count: thread.messages.length })} id="messages">
        <ol className="messages">
          {thread.messages.map((message) => (
            <MessageItem key={message.id} message={message} />
          ))}
        </ol>
        {isStaff && thread.participants.some((person) => person.role === 'guardian') ? (
          <ThreadReaders threadId={thread.id} />
        ) : null}
      </Section>
      {thread.abilities.acknowledge && promiseOpen ? (
        <Section title={t('messages.thread.acknowledgeTitle')} id="acknowledge">
          <AcknowledgeForm thread={thread} onSent={onSent} />
        </Section>
      ) : null}
      {thread.abilities.reply ? (
        <Section title={t('messages.thread.replyTitle')} id="reply">
          {thread.kind === 'group' && !isStaff ? (
            <p className="field__hint">{t('messages.group.replyPrivately')}</p>
          ) : null}
          <ReplyForm thread={thread} onSent={onSent} />
        </Section>
      ) : null}
    </Page>
  );
}

/** One thread: its messages in order, the promise, and the reader's way to answer. */
export function ThreadPage() {
  const { t } = useTranslation();
  const { threadId = '' } = useParams();
  // Opened again, a thread loads afresh (and is marked read): ThreadView keeps its own copy.
  const thread = useApiQuery(messagingContracts.thread, { params: { threadId } }, { gcTime: 0 });
  const invalidate = useInvalidate();
  const loaded = thread.status === 'ok';
  // Reading a thread marks its notifications read: the header's count follows.
  useEffect(() => {
    if (loaded) void invalidate(notificationContracts.list);
  }, [loaded, threadId, invalidate]);
  return (
    <Loaded result={thread} title={t('messages.thread.loadingTitle')}>
      {(data) => <ThreadView key={data.id} initial={data} />}
    </Loaded>
  );
}
