import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { directoryContracts } from '../../../shared/api/directory.contract.js';
import { paths } from '../../app/paths.js';
import { useSession } from '../../app/session.js';
import { useApiQuery } from '../../app/query.js';
import { Loaded } from '../../ui/errors.js';
import { formatDate } from '../../ui/format.js';
import { Page, Section } from '../../ui/page.js';
import { GuardianNeeds } from './guardian-needs.js';
import { StudentPlanLinks } from '../student-plans/plan-links.js';
import { staffSchoolsOf } from '../messages/staff-schools.js';

/** One student's record as staff and the leadership see it. Reading it is written to the audit log. */
export function StudentPage() {
  const { t, i18n } = useTranslation();
  const { schoolId = '', studentId = '' } = useParams();
  const { me } = useSession();
  const profile = useApiQuery(directoryContracts.student, { params: { schoolId, studentId } });
  const school = me?.schools.find((s) => s.id === schoolId);
  return (
    <Loaded result={profile} title={t('studentPage.loadingTitle')}>
      {(data) => (
        <Page title={data.name} lead={t('child.inClass', { className: data.class.name })}>
          <p className="field__hint">{t('studentPage.auditNotice')}</p>
          {staffSchoolsOf(me).some((s) => s.id === schoolId) ? (
            <p>
              <Link className="button" to={paths.guardiansMessage(schoolId, studentId)}>
                {t('staffMessages.toGuardians.action')}
              </Link>{' '}
              <Link className="button button--secondary" to={paths.testResults(schoolId, studentId)}>
                {t('testResults.title')}
              </Link>{' '}
              <Link className="button button--secondary" to={paths.studentConcerns(schoolId, studentId)}>
                {t('concerns.link')}
              </Link>
            </p>
          ) : null}
          <Section title={t('studentPage.facts')} id="facts">
            <dl className="facts">
              {data.birthDate ? (
                <>
                  <dt>{t('studentPage.birthDate')}</dt>
                  <dd>{formatDate(data.birthDate, i18n.language)}</dd>
                </>
              ) : null}
              <dt>{t('class.title')}</dt>
              <dd>
                <Link to={paths.class(schoolId, data.class.id)}>{data.class.name}</Link>
              </dd>
              <dt>{t('child.contactTeacher')}</dt>
              <dd>{data.contactTeacher?.name ?? t('child.noContactTeacher')}</dd>
            </dl>
          </Section>
          <Section title={t('class.guardians')} id="guardians">
            {data.guardians.length === 0 ? <p>{t('class.noGuardians')}</p> : null}
            <ul className="card-list">
              {data.guardians.map((guardian) => (
                <li key={guardian.id} className="card card--quiet">
                  <p className="card__title">
                    {guardian.name} <GuardianNeeds guardian={guardian} />
                  </p>
                  <p className="card__meta">{t(`guardian.relation.${guardian.relation}`)}</p>
                  <dl className="facts">
                    {guardian.email ? (
                      <>
                        <dt>{t('child.email')}</dt>
                        <dd>
                          <a href={`mailto:${guardian.email}`}>{guardian.email}</a>
                        </dd>
                      </>
                    ) : null}
                    {guardian.phone ? (
                      <>
                        <dt>{t('child.phone')}</dt>
                        <dd>
                          <a href={`tel:${guardian.phone.replace(/\s+/g, '')}`}>{guardian.phone}</a>
                        </dd>
                      </>
                    ) : null}
                    {guardian.address ? (
                      <>
                        <dt>{t('guardian.address')}</dt>
                        <dd>
                          {guardian.address.line}, {guardian.address.postalCode} {guardian.address.city}
                        </dd>
                      </>
                    ) : null}
                  </dl>
                </li>
              ))}
            </ul>
          </Section>
          <StudentPlanLinks schoolId={schoolId} studentId={studentId} />
          {school?.abilities.searchAuditLog ? (
            <p>
              <Link to={paths.studentAuditLog(schoolId, studentId)}>
                {t('child.whoHasRead', { name: data.givenName })}
              </Link>
            </p>
          ) : null}
        </Page>
      )}
    </Loaded>
  );
}
