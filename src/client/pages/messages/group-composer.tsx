import { useCallback, useEffect, type ReactNode } from 'react';
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
import { showServerProblems, useSchemaForm } from '../../ui/form.js';
import { composeFieldProblem, MessageBodyField, UrgentField, SendButton } from './message-parts.js';
import { useOnceSend } from './use-once-send.js';
import { WritingAdvice } from './writing-advice.js';
import { ComposerAttachments, ComposerDraftStatus, useComposerDraft } from './attachment-composer.js';

/** The fields the writer fills in; the attachments come from the draft's uploads. */
const ZGroupMessageForm = ZCreateGroupMessage.pick({ subject: true, body: true, urgent: true });

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
 * The fields are checked by the shared schema the server checks the message with.
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
  const form = useSchemaForm(ZGroupMessageForm, { subject: '', body: '', urgent: false });
  const { getValues, setValue, clearErrors, setError } = form;
  const [subject, body, urgent = false] = form.watch(['subject', 'body', 'urgent']);
  const setText = useCallback(
    (text: { subject: string; body: string }) => {
      setValue('subject', text.subject);
      setValue('body', text.body);
      clearErrors();
    },
    [setValue, clearErrors],
  );
  // A draft that arrives after the writer began leaves what they typed alone.
  const restoreText = useCallback(
    (text: { subject: string; body: string }) => {
      if (getValues('subject') === '') setValue('subject', text.subject);
      if (getValues('body') === '') setValue('body', text.body);
    },
    [getValues, setValue],
  );
  const draft = useComposerDraft(draftTarget, { subject, body, setText, restoreText });
  const send = useOnceSend(async (key: string, input: TCreateGroupMessage) => {
    const thread = await sendToGroup(input, key);
    draft.sent();
    void navigate(paths.thread(thread.id), { state: { sent: true } });
  });
  // The server's verdict on a field shows at the field, as the schema's would.
  useEffect(() => {
    if (send.error) showServerProblems(setError, send.error, t('errors.checkField'));
  }, [send.error, setError, t]);
  const onSubmit = form.handleSubmit((values) =>
    send.run({ ...values, urgent: values.urgent || undefined, attachmentIds: draft.attachmentIds }),
  );
  const requestMeeting =
    callRequestBody === undefined
      ? undefined
      : () => {
          setValue('subject', t('messages.callRequest.subject'), { shouldDirty: true });
          setValue('body', callRequestBody, { shouldDirty: true });
        };
  const { errors } = form.formState;
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="stack">
      {recipients}
      <TextField
        id={`${idPrefix}-subject`}
        label={t('messages.compose.subject')}
        maxLength={THREAD_SUBJECT_MAX}
        error={composeFieldProblem(errors.subject, t('messages.compose.subjectMissing'), t)}
        {...form.register('subject')}
      />
      <MessageBodyField
        id={`${idPrefix}-body`}
        label={t('messages.compose.body')}
        value={body}
        error={composeFieldProblem(errors.body, t('messages.compose.bodyMissing'), t)}
        {...form.register('body')}
      />
      <WritingAdvice draft={{ text: body, subject, classId, studentId, schoolId }} onRequestCall={requestMeeting} />
      <ComposerAttachments id={`${idPrefix}-attachments`} draft={draft} />
      <UrgentField
        id={`${idPrefix}-urgent`}
        checked={urgent}
        onChange={(checked) => setValue('urgent', checked, { shouldDirty: true })}
      />
      <SendButton error={send.error} busy={send.busy} waiting={draft.uploading} />
      <ComposerDraftStatus draft={draft} />
    </form>
  );
}
