import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { THREAD_SUBJECT_MAX, ZCreateStudentThread, type TCreateStudentThread } from '../../../shared/api/messaging.schema.js';
import { messagingApi } from '../../api/messaging.api.js';
import { directoryApi } from '../../api/school.api.js';
import { paths } from '../../app/paths.js';
import { useApi } from '../../app/use-api.js';
import { ActionError, Loaded } from '../../ui/errors.js';
import { TextField } from '../../ui/field.js';
import { Page } from '../../ui/page.js';
import { composeProblems, MessageBodyField, UrgentField, type ComposeProblems } from './message-parts.js';
import { useOnceSend } from './use-once-send.js';
import { WritingAdvice } from './writing-advice.js';
import { ComposerAttachments, useComposerDraft } from './attachment-composer.js';

function GuardiansComposer({ schoolId, studentId, childName }: { schoolId: string; studentId: string; childName: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [urgent, setUrgent] = useState(false);
  const [problems, setProblems] = useState<ComposeProblems>({});
  const draft = useComposerDraft({ schoolId, kind: 'new-thread', targetId: studentId }, { subject, body, setText: (text) => (setSubject(text.subject), setBody(text.body)) });
  const send = useOnceSend(async (key: string, input: TCreateStudentThread) => {
    const thread = await messagingApi.writeToGuardians(schoolId, studentId, input, key);
    draft.sent();
    navigate(paths.thread(thread.id), { state: { sent: true } });
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZCreateStudentThread.safeParse({ subject, body, urgent: urgent || undefined, attachmentIds: draft.attachmentIds });
    if (!parsed.success) {
      setProblems(composeProblems(parsed.error, t));
      return;
    }
    setProblems({});
    void send.run(parsed.data);
  };
  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <div className="panel panel--quiet">
        <p>{t('staffMessages.toGuardians.to', { name: childName })}</p>
        <p className="field__hint">{t('staffMessages.toGuardians.hint')}</p>
      </div>
      <TextField id="guardians-subject" label={t('messages.compose.subject')} value={subject} maxLength={THREAD_SUBJECT_MAX} error={problems.subject} onChange={(event) => setSubject(event.target.value)} />
      <MessageBodyField id="guardians-body" label={t('messages.compose.body')} value={body} error={problems.body} onChange={(event) => setBody(event.target.value)} />
      <WritingAdvice draft={{ text: body, subject, studentId }} />
      <ComposerAttachments id="guardians-attachments" draft={draft} />
      <UrgentField id="guardians-urgent" checked={urgent} onChange={setUrgent} />
      <ActionError error={send.error} />
      <p>
        <button type="submit" className="button" disabled={send.busy || draft.uploading}>
          {send.busy ? t('messages.compose.sending') : t('messages.compose.send')}
        </button>
      </p>
    </form>
  );
}

/** The child's class staff (or the leadership) write to the child's custody holders; they answer in the thread. */
export function GuardiansMessagePage() {
  const { t } = useTranslation();
  const { schoolId = '', studentId = '' } = useParams();
  const profile = useApi(() => directoryApi.student(schoolId, studentId), [schoolId, studentId]);
  return (
    <Loaded result={profile} title={t('staffMessages.toGuardians.loadingTitle')}>
      {(data) => (
        <Page title={t('staffMessages.toGuardians.title', { name: data.givenName })}>
          <p>
            <Link to={paths.student(schoolId, studentId)}>{t('staffMessages.toGuardians.back', { name: data.givenName })}</Link>
          </p>
          <GuardiansComposer schoolId={schoolId} studentId={studentId} childName={data.name} />
        </Page>
      )}
    </Loaded>
  );
}
