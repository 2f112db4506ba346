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
import { LoadedPart } from '../../ui/errors.js';
import { Page } from '../../ui/page.js';
import { composeProblems, MessageBodyField, type ComposeProblems, SendButton } from './message-parts.js';
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

function Composer({ writer }: { writer: Writer }) {
  const choices = writer.kind === 'guardian' ? writer.choices : [writer.self];
  const initialChildId = writer.kind === 'guardian' ? writer.initialChildId : writer.self.id;
  const asStudent = writer.kind === 'student';
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
    const { studentId: own, urgent: _urgent, ...text } = input;
    const thread = asStudent
      ? await messagingApi.writeAsStudent(child.schoolId, own, text, key)
      : await messagingApi.create(input, key);
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
      {asStudent ? null : choices.length > 1 ? (
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
      <Recipient key={child.id} child={child} asStudent={asStudent} />
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
