import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  THREAD_SUBJECT_MAX,
  ZCreateStaffThread,
  type TColleague,
  type TCreateStaffThread,
} from '../../../shared/api/messaging.schema.js';
import { messagingContracts } from '../../../shared/api/messaging.contract.js';
import { messagingApi } from '../../api/messaging.api.js';
import { paths } from '../../app/paths.js';
import { useSession } from '../../app/session.js';
import { useApiQuery } from '../../app/query.js';
import { Loaded } from '../../ui/errors.js';
import { TextField } from '../../ui/field.js';
import { Notice } from '../../ui/notice.js';
import { Page } from '../../ui/page.js';
import { composeProblems, MessageBodyField, type ComposeProblems, SendButton } from './message-parts.js';
import { staffSchoolsOf } from './staff-schools.js';
import { useOnceSend } from './use-once-send.js';
import { WritingAdvice } from './writing-advice.js';
import { ComposerAttachments, ComposerDraftStatus, useComposerDraft } from './attachment-composer.js';

/** The colleagues to choose from, each with their roles and classes so namesakes can be told apart. */
function RecipientChoice({
  colleagues,
  chosen,
  error,
  onToggle,
}: {
  colleagues: TColleague[];
  chosen: ReadonlySet<string>;
  error?: string;
  onToggle(id: string): void;
}) {
  const { t } = useTranslation();
  const describe = (c: TColleague) => [...c.roles.map((role) => t(`roles.${role}`)), ...c.classes].join(', ');
  return (
    <fieldset
      className="choice-group"
      id="colleague-recipients"
      tabIndex={-1}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? 'colleague-recipients-hint colleague-recipients-error' : 'colleague-recipients-hint'}
    >
      <legend>{t('staffMessages.toColleagues.recipients')}</legend>
      <p className="field__hint" id="colleague-recipients-hint">
        {t('staffMessages.toColleagues.recipientsHint')}
      </p>
      {error ? (
        <p className="field__error" id="colleague-recipients-error">
          {error}
        </p>
      ) : null}
      {colleagues.map((c) => (
        <label key={c.id} className="choice">
          <input type="checkbox" checked={chosen.has(c.id)} onChange={() => onToggle(c.id)} />
          <span>{t('staffMessages.toColleagues.colleague', { name: c.name, roles: describe(c) })}</span>
        </label>
      ))}
    </fieldset>
  );
}

function ColleagueComposer({ schoolId, colleagues }: { schoolId: string; colleagues: TColleague[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [problems, setProblems] = useState<ComposeProblems & { recipientIds?: string }>({});
  const draft = useComposerDraft(
    { schoolId, kind: 'staff-thread', targetId: schoolId },
    { subject, body, setText: (text) => (setSubject(text.subject), setBody(text.body)) },
  );
  const send = useOnceSend(async (key: string, input: TCreateStaffThread) => {
    const thread = await messagingApi.writeToStaff(schoolId, input, key);
    draft.sent();
    void navigate(paths.thread(thread.id), { state: { sent: true } });
  });
  const toggle = (id: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZCreateStaffThread.safeParse({
      recipientIds: [...chosen],
      subject,
      body,
      attachmentIds: draft.attachmentIds,
    });
    if (!parsed.success) {
      const recipientsMissing = parsed.error.issues.some((issue) => issue.path[0] === 'recipientIds');
      setProblems({
        ...composeProblems(parsed.error, t),
        recipientIds: recipientsMissing ? t('staffMessages.toColleagues.recipientsMissing') : undefined,
      });
      return;
    }
    setProblems({});
    void send.run(parsed.data);
  };
  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <RecipientChoice colleagues={colleagues} chosen={chosen} error={problems.recipientIds} onToggle={toggle} />
      <TextField
        id="colleague-subject"
        label={t('messages.compose.subject')}
        value={subject}
        maxLength={THREAD_SUBJECT_MAX}
        error={problems.subject}
        onChange={(event) => setSubject(event.target.value)}
      />
      <MessageBodyField
        id="colleague-body"
        label={t('messages.compose.body')}
        value={body}
        error={problems.body}
        onChange={(event) => setBody(event.target.value)}
      />
      <WritingAdvice draft={{ text: body, subject, schoolId }} />
      <ComposerAttachments id="colleague-attachments" draft={draft} />
      <SendButton error={send.error} busy={send.busy} waiting={draft.uploading} />
      <ComposerDraftStatus draft={draft} />
    </form>
  );
}

function Colleagues({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const colleagues = useApiQuery(messagingContracts.colleagues, { params: { schoolId } });
  return (
    <Loaded result={colleagues} title={t('staffMessages.toColleagues.title')}>
      {(data) => (
        <Page title={t('staffMessages.toColleagues.title')}>
          <p>
            <Link to={paths.inbox()}>{t('messages.thread.back')}</Link>
          </p>
          {data.staff.length === 0 ? (
            <p>{t('staffMessages.toColleagues.noColleagues')}</p>
          ) : (
            <ColleagueComposer schoolId={schoolId} colleagues={data.staff} />
          )}
        </Page>
      )}
    </Loaded>
  );
}

/** A staff member writes to one or more colleagues at their school; no reply is promised between staff. */
export function ColleagueMessagePage() {
  const { t } = useTranslation();
  const { schoolId = '' } = useParams();
  const { me } = useSession();
  if (!staffSchoolsOf(me).some((school) => school.id === schoolId)) {
    return (
      <Page title={t('staffMessages.toColleagues.title')}>
        <Notice kind="info">
          <p>{t('staffMessages.toColleagues.notStaff')}</p>
        </Notice>
      </Page>
    );
  }
  return <Colleagues schoolId={schoolId} />;
}
