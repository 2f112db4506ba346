import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { directoryContracts } from '../../../shared/api/directory.contract.js';
import type { TClassDetail } from '../../../shared/api/directory.schema.js';
import { paths } from '../../app/paths.js';
import { useSession } from '../../app/session.js';
import { useApiQuery } from '../../app/query.js';
import { Loaded } from '../../ui/errors.js';
import { TableWrap } from '../../ui/table-wrap.js';
import { Page, Section } from '../../ui/page.js';
import { GuardianNeeds } from './guardian-needs.js';
import { ClassRepresentativesSection } from '../class-representatives/class-representatives-section.js';

function Staff({ detail }: { detail: TClassDetail }) {
  const { t } = useTranslation();
  if (detail.staff.length === 0) return <p>{t('class.noStaff')}</p>;
  return (
    <ul className="plain-list">
      {detail.staff.map((member) => (
        <li key={`${member.name}-${member.role}`}>
          <strong>{member.name}</strong> · {t(`roles.${member.role}`)}
          {member.email ? (
            <>
              {' · '}
              <a href={`mailto:${member.email}`}>{member.email}</a>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The way to write to all the class's parents, for its staff and the leadership (who may write to every class). */
function WriteToParents({ schoolId, classId, className }: { schoolId: string; classId: string; className: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const classes = useApiQuery(directoryContracts.classes, { params: { schoolId } });
  const runsSchool =
    me?.schools.some((s) => s.id === schoolId && (s.roles.includes('leader') || s.roles.includes('administrator'))) ??
    false;
  const teaches = classes.status === 'ok' && classes.data.classes.some((c) => c.id === classId && c.staffRole !== null);
  if (!runsSchool && !teaches) return null;
  return (
    <p>
      <Link className="button" to={paths.classMessage(schoolId, classId)}>
        {t('messages.group.write', { className })}
      </Link>{' '}
      <Link className="button button--secondary" to={paths.classLetters(schoolId, classId)}>
        {t('classLetters.link')}
      </Link>
    </p>
  );
}

/** A class with its staff and students; staff see each home's language, interpreter need and channel. */
export function ClassPage() {
  const { t } = useTranslation();
  const { schoolId = '', classId = '' } = useParams();
  const detail = useApiQuery(directoryContracts.class, { params: { schoolId, classId } });
  return (
    <Loaded result={detail} title={t('class.loadingTitle')}>
      {(data) => (
        <Page title={t('staff.className', { className: data.name })} wide>
          <WriteToParents schoolId={schoolId} classId={classId} className={data.name} />
          <nav aria-label={t('class.lifeNav', { className: data.name })}>
            <ul className="link-list">
              <li>
                <Link to={paths.classParentMeetings(schoolId, classId)}>
                  {t('parentMeetings.allOfClass', { className: data.name })}
                </Link>
              </li>
              <li>
                <Link to={paths.playGroups(schoolId, classId)}>
                  {t('playGroups.home.link', { className: data.name })}
                </Link>
              </li>
            </ul>
          </nav>
          <Section title={t('class.staff')} id="staff">
            <Staff detail={data} />
          </Section>
          <ClassRepresentativesSection schoolId={schoolId} classId={classId} />
          <Section title={t('class.students', { count: data.students.length })} id="students">
            {data.students.length === 0 ? (
              <p>{t('class.noStudents')}</p>
            ) : (
              <TableWrap label={t('class.studentsCaption', { className: data.name })}>
                <table>
                  <caption className="visually-hidden">{t('class.studentsCaption', { className: data.name })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('class.student')}</th>
                      <th scope="col">{t('class.guardians')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.students.map((student) => (
                      <tr key={student.id}>
                        <th scope="row">
                          <Link to={paths.student(schoolId, student.id)}>{student.name}</Link>
                        </th>
                        <td>
                          {student.guardians.length === 0 ? <span>{t('class.noGuardians')}</span> : null}
                          <ul className="plain-list">
                            {student.guardians.map((guardian) => (
                              <li key={guardian.id}>
                                {guardian.name} <GuardianNeeds guardian={guardian} />
                              </li>
                            ))}
                          </ul>
                          {student.hasInformationRightParent ? (
                            <p className="field__hint">{t('class.informationRightParent')}</p>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </Section>
        </Page>
      )}
    </Loaded>
  );
}
