import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { THREAD_SUBJECT_MAX, ZCreateGroupMessage, type TCreateGroupMessage } from '../../../shared/api/messaging.schema.js';
import { messagingApi } from '../../api/messaging.api.js';
import { directoryApi } from '../../api/school.api.js';
import { paths } from '../../app/paths.js';
import { useSession } from '../../app/session.js';
import { useApi } from '../../app/use-api.js';
import { ActionError, Loaded } from '../../ui/errors.js';
import { TextField } from '../../ui/field.js';
import { Notice } from '../../ui/notice.js';
import { Page } from '../../ui/page.js';
import { composeProblems, MessageBodyField, UrgentField, type ComposeProblems } from './message-parts.js';
import { useOnceSend } from './use-once-send.js';
import { WritingAdvice } from './writing-advice.js';
import { ComposerAttachments, useComposerDraft } from './attachment-composer.js';


function ClassComposer({ schoolId, classId, className }: { schoolId: string; classId: string; className: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [urgent, setUrgent] = useState(false);
  const [problems, setProblems] = useState<ComposeProblems>({});
  const draft = useComposerDraft({ schoolId, kind: 'class-message', targetId: classId }, { subject, body, setText: (text) => (setSubject(text.subject), setBody(text.body)) });
  const send = useOnceSend(async (key: string, input: TCreateGroupMessage) => {
    const thread = await messagingApi.writeToClass(schoolId, classId, input, key);
    draft.sent();
    navigate(paths.thread(thread.id), { state: { sent: true } });
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZCreateGroupMessage.safeParse({ subject, body, urgent: urgent || undefined, attachmentIds: draft.attachmentIds });
    if (!parsed.success) {
      setProblems(composeProblems(parsed.error, t));
      return;
    }
    setProblems({});
    void send.run(parsed.data);
  };
  const requestMeeting = () => {
    setSubject(t('messages.callRequest.subject'));
    setBody(t('messages.callRequest.classBody', { className, name: me?.name ?? '' }));
  };
  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <div className="panel panel--quiet">
        <p>{t('messages.group.to', { className })}</p>
        <p className="field__hint">{t('messages.group.privateReplies')}</p>
      </div>
      <TextField id="class-subject" label={t('messages.compose.subject')} value={subject} maxLength={THREAD_SUBJECT_MAX} error={problems.subject} onChange={(event) => setSubject(event.target.value)} />
      <MessageBodyField id="class-body" label={t('messages.compose.body')} value={body} error={problems.body} onChange={(event) => setBody(event.target.value)} />
      <WritingAdvice draft={{ text: body, subject, classId, schoolId }} onRequestCall={requestMeeting} />
      <ComposerAttachments id="class-attachments" draft={draft} />
      <UrgentField id="class-urgent" checked={urgent} onChange={setUrgent} />
      <ActionError error={send.error} />
      <p>
        <button type="submit" className="button" disabled={send.busy || draft.uploading}>
          {send.busy ? t('messages.compose.sending') : t('messages.compose.send')}
        </button>
      </p>
    </form>
  );
}

/** The class's staff (or the leadership) write one message to all its parents; each parent answers privately. */
export function ClassMessagePage() {
  const { t } = useTranslation();
  const { schoolId = '', classId = '' } = useParams();
  const { me } = useSession();
  const classes = useApi(() => directoryApi.classes(schoolId), [schoolId]);
  const runsSchool = me?.schools.some((s) => s.id === schoolId && (s.roles.includes('leader') || s.roles.includes('administrator'))) ?? false;
  return (
    <Loaded result={classes} title={t('messages.group.loadingTitle')}>
      {(data) => {
        const klass = data.classes.find((c) => c.id === classId);
        if (!klass) {
          return (
            <Page title={t('messages.group.loadingTitle')}>
              <Notice kind="info">
                <p>{t('messages.group.notStaff')}</p>
              </Notice>
            </Page>
          );
        }
        return (
          <Page title={t('messages.group.title', { className: klass.name })}>
            <p>
              <Link to={paths.class(schoolId, classId)}>{t('messages.group.backToClass', { className: klass.name })}</Link>
            </p>
            {klass.staffRole || runsSchool ? (
              <ClassComposer schoolId={schoolId} classId={classId} className={klass.name} />
            ) : (
              <Notice kind="info">
                <p>{t('messages.group.notStaff')}</p>
              </Notice>
            )}
          </Page>
        );
      }}
    </Loaded>
  );
}
