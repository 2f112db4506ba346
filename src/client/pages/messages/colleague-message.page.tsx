import { useCallback, useEffect, type Ref } from 'react';
import { useController } from 'react-hook-form';
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
import { showServerProblems, useSchemaForm } from '../../ui/form.js';
import { Notice } from '../../ui/notice.js';
import { Page } from '../../ui/page.js';
import { composeFieldProblem, MessageBodyField, SendButton } from './message-parts.js';
import { staffSchoolsOf } from './staff-schools.js';
import { useOnceSend } from './use-once-send.js';
import { WritingAdvice } from './writing-advice.js';
import { ComposerAttachments, ComposerDraftStatus, useComposerDraft } from './attachment-composer.js';

/** The fields the writer fills in; the attachments come from the draft's uploads. */
const ZColleagueMessageForm = ZCreateStaffThread.pick({ recipientIds: true, subject: true, body: true });

/** The colleagues to choose from, each with their roles and classes so namesakes can be told apart. */
function RecipientChoice({
  colleagues,
  chosen,
  error,
  onToggle,
  fieldsetRef,
}: {
  colleagues: TColleague[];
  chosen: readonly string[];
  error?: string;
  onToggle(id: string): void;
  /** The form focuses the group when nobody is chosen. */
  fieldsetRef: Ref<HTMLFieldSetElement>;
}) {
  const { t } = useTranslation();
  const describe = (c: TColleague) => [...c.roles.map((role) => t(`roles.${role}`)), ...c.classes].join(', ');
  return (
    <fieldset
      ref={fieldsetRef}
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
          <input type="checkbox" checked={chosen.includes(c.id)} onChange={() => onToggle(c.id)} />
          <span>{t('staffMessages.toColleagues.colleague', { name: c.name, roles: describe(c) })}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The message to colleagues, checked by the shared schema the server checks it with. */
function ColleagueComposer({ schoolId, colleagues }: { schoolId: string; colleagues: TColleague[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useSchemaForm(ZColleagueMessageForm, { recipientIds: [], subject: '', body: '' });
  const { control, getValues, setValue, clearErrors, setError } = form;
  const recipients = useController({ control, name: 'recipientIds' });
  const [subject, body] = form.watch(['subject', 'body']);
  const setText = useCallback(
    (text: { subject: string; body: string }) => {
      setValue('subject', text.subject);
      setValue('body', text.body);
      clearErrors(['subject', 'body']);
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
  const draft = useComposerDraft(
    { schoolId, kind: 'staff-thread', targetId: schoolId },
    { subject, body, setText, restoreText },
  );
  const send = useOnceSend(async (key: string, input: TCreateStaffThread) => {
    const thread = await messagingApi.writeToStaff(schoolId, input, key);
    draft.sent();
    void navigate(paths.thread(thread.id), { state: { sent: true } });
  });
  // The server's verdict on a field shows at the field, as the schema's would.
  useEffect(() => {
    if (send.error) showServerProblems(setError, send.error, t('errors.checkField'));
  }, [send.error, setError, t]);
  const chosen = recipients.field.value ?? [];
  const toggle = (id: string) =>
    recipients.field.onChange(chosen.includes(id) ? chosen.filter((other) => other !== id) : [...chosen, id]);
  const onSubmit = form.handleSubmit((values) => send.run({ ...values, attachmentIds: draft.attachmentIds }));
  const { errors } = form.formState;
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="stack">
      <RecipientChoice
        colleagues={colleagues}
        chosen={chosen}
        error={errors.recipientIds ? t('staffMessages.toColleagues.recipientsMissing') : undefined}
        onToggle={toggle}
        fieldsetRef={recipients.field.ref}
      />
      <TextField
        id="colleague-subject"
        label={t('messages.compose.subject')}
        maxLength={THREAD_SUBJECT_MAX}
        error={composeFieldProblem(errors.subject, t('messages.compose.subjectMissing'), t)}
        {...form.register('subject')}
      />
      <MessageBodyField
        id="colleague-body"
        label={t('messages.compose.body')}
        value={body}
        error={composeFieldProblem(errors.body, t('messages.compose.bodyMissing'), t)}
        {...form.register('body')}
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
