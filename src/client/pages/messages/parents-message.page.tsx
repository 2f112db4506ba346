import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { directoryContracts } from '../../../shared/api/directory.contract.js';
import type { TClassSummary } from '../../../shared/api/directory.schema.js';
import type { TCreateGroupMessage } from '../../../shared/api/messaging.schema.js';
import { messagingApi } from '../../api/messaging.api.js';
import { useSession } from '../../app/session.js';
import { useApiQuery } from '../../app/query.js';
import { Loaded } from '../../ui/errors.js';
import { SelectField } from '../../ui/field.js';
import { Notice } from '../../ui/notice.js';
import { Page } from '../../ui/page.js';
import { GroupComposer } from './group-composer.js';

/** Whom the leadership writes to; the select's value is the audience as text ("school", "grade:3", "class:<id>"). */
type Audience = { kind: 'school' } | { kind: 'grade'; grade: number } | { kind: 'class'; klass: TClassSummary };

const audienceValue = (a: Audience) =>
  a.kind === 'school' ? 'school' : a.kind === 'grade' ? `grade:${a.grade}` : `class:${a.klass.id}`;

function ParentsComposer({
  schoolId,
  schoolName,
  classes,
}: {
  schoolId: string;
  schoolName: string;
  classes: TClassSummary[];
}) {
  const { t } = useTranslation();
  const { me } = useSession();
  const grades = [...new Set(classes.map((c) => c.grade))].sort((a, b) => a - b);
  const audiences: Audience[] = [
    { kind: 'school' },
    ...grades.map((grade) => ({ kind: 'grade' as const, grade })),
    ...classes.map((klass) => ({ kind: 'class' as const, klass })),
  ];
  const [chosen, setChosen] = useState('school');
  const audience = audiences.find((a) => audienceValue(a) === chosen) ?? audiences[0]!;

  const label = (a: Audience) =>
    a.kind === 'school'
      ? t('parentsMessage.wholeSchool', { school: schoolName })
      : a.kind === 'grade'
        ? t('parentsMessage.grade', { grade: a.grade })
        : t('parentsMessage.class', { className: a.klass.name });
  const greeting =
    audience.kind === 'school'
      ? t('parentsMessage.greetingSchool', { school: schoolName })
      : audience.kind === 'grade'
        ? t('parentsMessage.greetingGrade', { grade: audience.grade })
        : t('parentsMessage.greetingClass', { className: audience.klass.name });
  const replies =
    audience.kind === 'school'
      ? t('parentsMessage.repliesSchool')
      : audience.kind === 'grade'
        ? t('parentsMessage.repliesGrade')
        : t('parentsMessage.repliesClass');
  const send = (input: TCreateGroupMessage, key: string) =>
    audience.kind === 'school'
      ? messagingApi.writeToSchool(schoolId, input, key)
      : audience.kind === 'grade'
        ? messagingApi.writeToGrade(schoolId, audience.grade, input, key)
        : messagingApi.writeToClass(schoolId, audience.klass.id, input, key);
  const options = (kind: Audience['kind']) =>
    audiences
      .filter((a) => a.kind === kind)
      .map((a) => (
        <option key={audienceValue(a)} value={audienceValue(a)}>
          {label(a)}
        </option>
      ));

  return (
    <GroupComposer
      idPrefix="parents"
      schoolId={schoolId}
      classId={audience.kind === 'class' ? audience.klass.id : undefined}
      // One draft for the page whatever the audience, so choosing another keeps what is written.
      draftTarget={{ schoolId, kind: 'parents-message', targetId: schoolId }}
      recipients={
        <div className="panel panel--quiet stack">
          <SelectField
            id="parents-audience"
            label={t('parentsMessage.audience')}
            hint={t('parentsMessage.audienceHint')}
            value={chosen}
            onChange={(event) => setChosen(event.target.value)}
          >
            {options('school')}
            {grades.length > 0 ? <optgroup label={t('parentsMessage.grades')}>{options('grade')}</optgroup> : null}
            {classes.length > 0 ? <optgroup label={t('parentsMessage.classes')}>{options('class')}</optgroup> : null}
          </SelectField>
          <p className="field__hint" aria-live="polite">
            {replies}
          </p>
        </div>
      }
      callRequestBody={t('parentsMessage.callBody', { greeting, name: me?.name ?? '' })}
      send={send}
    />
  );
}

/**
 * The leadership writes one message to the parents of the whole school, a grade (årgang) or a
 * class. Each parent answers privately; the recipients are shown as their group.
 */
export function ParentsMessagePage() {
  const { t } = useTranslation();
  const { schoolId = '' } = useParams();
  const { me } = useSession();
  const school = me?.schools.find((s) => s.id === schoolId);
  const runsSchool = school ? school.roles.includes('leader') || school.roles.includes('administrator') : false;
  const classes = useApiQuery(directoryContracts.classes, { params: { schoolId } });
  return (
    <Loaded result={classes} title={t('parentsMessage.title')}>
      {(data) => (
        <Page title={t('parentsMessage.title')}>
          {school && runsSchool ? (
            <>
              <p>{t('parentsMessage.lead')}</p>
              <ParentsComposer schoolId={schoolId} schoolName={school.name} classes={data.classes} />
            </>
          ) : (
            <Notice kind="info">
              <p>{t('parentsMessage.notLeadership')}</p>
            </Notice>
          )}
        </Page>
      )}
    </Loaded>
  );
}
