import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { directoryContracts } from '../../../shared/api/directory.contract.js';
import type { TMeChild } from '../../../shared/api/directory.schema.js';
import { THREAD_SUBJECT_MAX, ZCreateThread, type TCreateThread } from '../../../shared/api/messaging.schema.js';
import { messagingApi } from '../../api/messaging.api.js';
import { paths } from '../../app/paths.js';
import { useSession } from '../../app/session.js';
import { useApiQuery } from '../../app/query.js';
import { SelectField, TextField } from '../../ui/field.js';
import { Notice } from '../../ui/notice.js';
import { Page } from '../../ui/page.js';
import { composeProblems, MessageBodyField, type ComposeProblems, SendButton } from './message-parts.js';
import { useOnceSend } from './use-once-send.js';
import { WritingAdvice } from './writing-advice.js';
import { RecipientAbsence } from './recipient-absence.js';
import { ComposerAttachments, ComposerDraftStatus, useComposerDraft } from './attachment-composer.js';

/** Who will read the message and when the school promises an answer; quiet when the profile is not the reader's to see. */
function Recipient({ child }: { child: TMeChild }) {
  const { t } = useTranslation();
  const profile = useApiQuery(directoryContracts.student, {
    params: { schoolId: child.schoolId, studentId: child.id },
  });
  if (profile.status !== 'ok') return null;
  const teacher = profile.data.contactTeacher;
  const promise = profile.data.responsePromise;
  return (
    <div className="panel panel--quiet">
      <p>{teacher ? t('messages.compose.to', { name: teacher.name }) : t('messages.compose.toSchool')}</p>
      {promise ? <p>{t('child.replyPromise', { count: promise.replyWithinWorkingDays })}</p> : null}
      <p className="field__hint">{t('child.sensitiveAdvice')}</p>
    </div>
  );
}

function Composer({ choices, initialChildId }: { choices: TMeChild[]; initialChildId: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const [studentId, setStudentId] = useState(initialChildId);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [problems, setProblems] = useState<ComposeProblems>({});
  const child = choices.find((c) => c.id === studentId) ?? choices[0]!;
  const draft = useComposerDraft(
    { schoolId: child.schoolId, kind: 'new-thread', targetId: child.id },
    { subject, body, setText: (text) => (setSubject(text.subject), setBody(text.body)) },
  );
  const send = useOnceSend(async (key: string, input: TCreateThread) => {
    const thread = await messagingApi.create(input, key);
    draft.sent();
    // Where an absent teacher's message went, or the later date, is said once more after sending.
    void navigate(paths.thread(thread.id), { state: { sent: true, notices: thread.absenceNotices ?? [] } });
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZCreateThread.safeParse({ studentId: child.id, subject, body, attachmentIds: draft.attachmentIds });
    if (!parsed.success) {
      setProblems(composeProblems(parsed.error, t));
      return;
    }
    setProblems({});
    void send.run(parsed.data);
  };

  const requestCall = () => {
    setSubject(t('messages.callRequest.subject'));
    setBody(t('messages.callRequest.guardianBody', { child: child.givenName, name: me?.name ?? '' }));
  };

  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      {choices.length > 1 ? (
        <SelectField
          id="compose-child"
          label={t('messages.compose.child')}
          value={child.id}
          onChange={(event) => setStudentId(event.target.value)}
        >
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.class ? t('messages.compose.childInClass', { name: c.name, className: c.class.name }) : c.name}
            </option>
          ))}
        </SelectField>
      ) : (
        <p>{t('messages.compose.about', { name: child.name })}</p>
      )}
      <Recipient key={child.id} child={child} />
      <RecipientAbsence key={`absence-${child.id}`} child={child} />
      <TextField
        id="compose-subject"
        label={t('messages.compose.subject')}
        value={subject}
        maxLength={THREAD_SUBJECT_MAX}
        error={problems.subject}
        onChange={(event) => setSubject(event.target.value)}
      />
      <MessageBodyField
        id="compose-body"
        label={t('messages.compose.body')}
        value={body}
        error={problems.body}
        onChange={(event) => setBody(event.target.value)}
      />
      <WritingAdvice draft={{ text: body, subject, studentId: child.id }} onRequestCall={requestCall} />
      <ComposerAttachments id="compose-attachments" draft={draft} />
      <SendButton error={send.error} busy={send.busy} waiting={draft.uploading} />
      <ComposerDraftStatus draft={draft} />
    </form>
  );
}

/** A guardian writes to their child's contact teacher, and is told when to expect the answer. */
export function ComposePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [params] = useSearchParams();
  const children = me?.children ?? [];
  const wanted = params.get('studentId');
  const initial = children.find((c) => c.id === wanted) ?? children[0];
  return (
    <Page title={t('messages.compose.title')}>
      {initial ? (
        <Composer choices={children} initialChildId={initial.id} />
      ) : (
        <Notice kind="info">
          <p>{t('messages.compose.noChildren')}</p>
          <p>
            <Link to={paths.inbox()}>{t('messages.thread.back')}</Link>
          </p>
        </Notice>
      )}
    </Page>
  );
}
