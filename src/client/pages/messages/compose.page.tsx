import { useCallback, useEffect } from 'react';
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
import { LoadedPart } from '../../ui/errors.js';
import { showServerProblems, useSchemaForm } from '../../ui/form.js';
import { Page } from '../../ui/page.js';
import { composeFieldProblem, MessageBodyField, SendButton } from './message-parts.js';
import { useOnceSend } from './use-once-send.js';
import { WritingAdvice } from './writing-advice.js';
import { RecipientAbsence } from './recipient-absence.js';
import { ComposerAttachments, ComposerDraftStatus, useComposerDraft } from './attachment-composer.js';

/** Who will read the message and when the school promises an answer; quiet when the profile is not the reader's to see. */
function Recipient({ child, asStudent }: { child: TMeChild; asStudent: boolean }) {
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
      <p className="field__hint">{t(asStudent ? 'student.writeAdvice' : 'child.sensitiveAdvice')}</p>
    </div>
  );
}

/**
 * Who writes: a guardian about one of their children (choosing among them), or a student to their
 * own contact teacher (the principle's grade has been checked before the form is shown).
 */
type Writer = { kind: 'guardian'; choices: TMeChild[]; initialChildId: string } | { kind: 'student'; self: TMeChild };

/**
 * The fields the writer fills in, checked by the shared schema the server checks a guardian's
 * message with (a student's own message has the same subject and body); the attachments come
 * from the draft's uploads.
 */
const ZComposeForm = ZCreateThread.pick({ studentId: true, subject: true, body: true });

function Composer({ writer }: { writer: Writer }) {
  const choices = writer.kind === 'guardian' ? writer.choices : [writer.self];
  const initialChildId = writer.kind === 'guardian' ? writer.initialChildId : writer.self.id;
  const asStudent = writer.kind === 'student';
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const form = useSchemaForm(ZComposeForm, { studentId: initialChildId, subject: '', body: '' });
  const { getValues, setValue, clearErrors, setError } = form;
  const [studentId, subject, body] = form.watch(['studentId', 'subject', 'body']);
  const child = choices.find((c) => c.id === studentId) ?? choices[0]!;
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
    { schoolId: child.schoolId, kind: 'new-thread', targetId: child.id },
    { subject, body, setText, restoreText },
  );
  const send = useOnceSend(async (key: string, input: TCreateThread) => {
    const { studentId: own, urgent: _urgent, ...text } = input;
    const thread = asStudent
      ? await messagingApi.writeAsStudent(child.schoolId, own, text, key)
      : await messagingApi.create(input, key);
    draft.sent();
    // Where an absent teacher's message went, or the later date, is said once more after sending.
    void navigate(paths.thread(thread.id), { state: { sent: true, notices: thread.absenceNotices ?? [] } });
  });
  // The server's verdict on a field shows at the field, as the schema's would.
  useEffect(() => {
    if (send.error) showServerProblems(setError, send.error, t('errors.checkField'));
  }, [send.error, setError, t]);
  // The child is one the writer may choose (a student only writes about themself), whatever the form holds.
  const onSubmit = form.handleSubmit((values) =>
    send.run({ ...values, studentId: child.id, attachmentIds: draft.attachmentIds }),
  );

  const requestCall = () => {
    setValue('subject', t('messages.callRequest.subject'), { shouldDirty: true });
    setValue('body', t('messages.callRequest.guardianBody', { child: child.givenName, name: me?.name ?? '' }), {
      shouldDirty: true,
    });
  };

  const { errors } = form.formState;
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="stack">
      {asStudent ? null : choices.length > 1 ? (
        <SelectField id="compose-child" label={t('messages.compose.child')} {...form.register('studentId')}>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.class ? t('messages.compose.childInClass', { name: c.name, className: c.class.name }) : c.name}
            </option>
          ))}
        </SelectField>
      ) : (
        <p>{t('messages.compose.about', { name: child.name })}</p>
      )}
      <Recipient key={child.id} child={child} asStudent={asStudent} />
      <RecipientAbsence key={`absence-${child.id}`} child={child} />
      <TextField
        id="compose-subject"
        label={t('messages.compose.subject')}
        maxLength={THREAD_SUBJECT_MAX}
        error={composeFieldProblem(errors.subject, t('messages.compose.subjectMissing'), t)}
        {...form.register('subject')}
      />
      <MessageBodyField
        id="compose-body"
        label={t('messages.compose.body')}
        value={body}
        error={composeFieldProblem(errors.body, t('messages.compose.bodyMissing'), t)}
        {...form.register('body')}
      />
      <WritingAdvice
        draft={{ text: body, subject, studentId: child.id }}
        onRequestCall={asStudent ? undefined : requestCall}
      />
      <ComposerAttachments id="compose-attachments" draft={draft} />
      <SendButton error={send.error} busy={send.busy} waiting={draft.uploading} />
      <ComposerDraftStatus draft={draft} />
    </form>
  );
}

/**
 * A student writes to their own contact teacher, where the school's principle lets their grade;
 * below it they are told from which grade, and to talk to the teacher at school meanwhile.
 */
function StudentComposer({ schoolId, studentId }: { schoolId: string; studentId: string }) {
  const { t } = useTranslation();
  const profile = useApiQuery(directoryContracts.student, { params: { schoolId, studentId } });
  return (
    <LoadedPart result={profile}>
      {(self) =>
        self.ownMessages?.mayWrite ? (
          <Composer
            writer={{
              kind: 'student',
              self: { ...self, relation: 'custody', class: self.class },
            }}
          />
        ) : (
          <Notice kind="info">
            <p>
              {self.ownMessages
                ? t('student.writeFromGrade', { grade: self.ownMessages.fromGrade })
                : t('student.writeNotHere')}
            </p>
            <p>
              <Link to="/">{t('student.backHome')}</Link>
            </p>
          </Notice>
        )
      }
    </LoadedPart>
  );
}

/**
 * A guardian writes to their child's contact teacher, and is told when to expect the answer; a
 * student (with `?as=student`, or having no children) writes to their own.
 */
export function ComposePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [params] = useSearchParams();
  const children = me?.children ?? [];
  const wanted = params.get('studentId');
  const initial = children.find((c) => c.id === wanted) ?? children[0];
  const ownSchool = me?.schools.find((s) => s.studentId !== null);
  if (ownSchool?.studentId && (params.get('as') === 'student' || !initial))
    return (
      <Page title={t('student.composeTitle')}>
        <StudentComposer schoolId={ownSchool.id} studentId={ownSchool.studentId} />
      </Page>
    );
  return (
    <Page title={t('messages.compose.title')}>
      {initial ? (
        <Composer writer={{ kind: 'guardian', choices: children, initialChildId: initial.id }} />
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
