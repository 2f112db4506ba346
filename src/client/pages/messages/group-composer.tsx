import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  THREAD_SUBJECT_MAX,
  ZCreateGroupMessage,
  type TCreateGroupMessage,
  type TThreadDetail,
} from '../../../shared/api/messaging.schema.js';
import type { DraftTarget } from '../../api/drafts.api.js';
import { paths } from '../../app/paths.js';
import { TextField } from '../../ui/field.js';
import { composeProblems, MessageBodyField, UrgentField, type ComposeProblems, SendButton } from './message-parts.js';
import { useOnceSend } from './use-once-send.js';
import { WritingAdvice } from './writing-advice.js';
import { ComposerAttachments, ComposerDraftStatus, useComposerDraft } from './attachment-composer.js';

export interface GroupComposerProps {
  /** Prefix of the fields' ids, unique on the page. */
  idPrefix: string;
  schoolId: string;
  /** The class or the child written about, when there is one: the writing advice then knows its readers. */
  classId?: string;
  studentId?: string;
  draftTarget: DraftTarget;
  /** Who receives it, shown above the fields (and, on the parents page, chosen there). */
  recipients: ReactNode;
  /** The body a one-click "call or meet" request puts in, addressed to the group; without it, no such offer. */
  callRequestBody?: string;
  /** Sends to the group; answers with the new group thread, which the writer is taken to. */
  send: (input: TCreateGroupMessage, idempotencyKey: string) => Promise<TThreadDetail>;
}

/**
 * The composer of a message from staff to guardians (one child's parents, a class, a grade or
 * the whole school): subject, body with writing advice, attachments and a draft, urgent, and one
 * send per attempt however often it is clicked. The pages decide the audience and how it is sent.
 */
export function GroupComposer({
  idPrefix,
  schoolId,
  classId,
  studentId,
  draftTarget,
  recipients,
  callRequestBody,
  send: sendToGroup,
}: GroupComposerProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [urgent, setUrgent] = useState(false);
  const [problems, setProblems] = useState<ComposeProblems>({});
  const draft = useComposerDraft(draftTarget, {
    subject,
    body,
    setText: (text) => (setSubject(text.subject), setBody(text.body)),
  });
  const send = useOnceSend(async (key: string, input: TCreateGroupMessage) => {
    const thread = await sendToGroup(input, key);
    draft.sent();
    void navigate(paths.thread(thread.id), { state: { sent: true } });
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZCreateGroupMessage.safeParse({
      subject,
      body,
      urgent: urgent || undefined,
      attachmentIds: draft.attachmentIds,
    });
    if (!parsed.success) {
      setProblems(composeProblems(parsed.error, t));
      return;
    }
    setProblems({});
    void send.run(parsed.data);
  };
  const requestMeeting =
    callRequestBody === undefined
      ? undefined
      : () => {
          setSubject(t('messages.callRequest.subject'));
          setBody(callRequestBody);
        };
  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      {recipients}
      <TextField
        id={`${idPrefix}-subject`}
        label={t('messages.compose.subject')}
        value={subject}
        maxLength={THREAD_SUBJECT_MAX}
        error={problems.subject}
        onChange={(event) => setSubject(event.target.value)}
      />
      <MessageBodyField
        id={`${idPrefix}-body`}
        label={t('messages.compose.body')}
        value={body}
        error={problems.body}
        onChange={(event) => setBody(event.target.value)}
      />
      <WritingAdvice draft={{ text: body, subject, classId, studentId, schoolId }} onRequestCall={requestMeeting} />
      <ComposerAttachments id={`${idPrefix}-attachments`} draft={draft} />
      <UrgentField id={`${idPrefix}-urgent`} checked={urgent} onChange={setUrgent} />
      <SendButton error={send.error} busy={send.busy} waiting={draft.uploading} />
      <ComposerDraftStatus draft={draft} />
    </form>
  );
}
