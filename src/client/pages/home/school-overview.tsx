import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { directoryContracts } from '../../../shared/api/directory.contract.js';
import type { TSchoolOverview } from '../../../shared/api/directory.schema.js';
import { paths } from '../../app/paths.js';
import { useApiQuery } from '../../app/query.js';
import { LoadedPart } from '../../ui/errors.js';
import { formatDate, formatNumber } from '../../ui/format.js';
import { TableWrap } from '../../ui/table-wrap.js';

function Figures({ items }: { items: Array<{ label: string; value: number; to?: string }> }) {
  const { i18n } = useTranslation();
  return (
    <ul className="figures">
      {items.map((item) => (
        <li key={item.label} className="figure">
          <span className="figure__value">{formatNumber(item.value, i18n.language)}</span>
          <span className="figure__label">{item.to ? <Link to={item.to}>{item.label}</Link> : item.label}</span>
        </li>
      ))}
    </ul>
  );
}

function PrincipleStatus({ overview, schoolId }: { overview: TSchoolOverview; schoolId: string }) {
  const { t, i18n } = useTranslation();
  const p = overview.principle;
  return (
    <div className="panel panel--quiet">
      <h3>{t('overview.principle.title')}</h3>
      {p.status === 'adopted' && p.version !== null ? (
        <p>
          {t('overview.principle.adopted', {
            version: p.version,
            date: p.adoptedOn ? formatDate(p.adoptedOn, i18n.language) : '',
          })}
        </p>
      ) : (
        <p>{t('overview.principle.none')}</p>
      )}
      {p.replyWithinWorkingDays !== null ? (
        <p>{t('overview.principle.promise', { count: p.replyWithinWorkingDays })}</p>
      ) : null}
      {p.draftInProgress ? <p>{t('overview.principle.draftInProgress')}</p> : null}
      <p>
        <Link to={paths.principle(schoolId)}>{t('overview.principle.read')}</Link>
      </p>
    </div>
  );
}

/** The school in figures. The board sees aggregates only; the leadership also sees what needs attention. */
export function SchoolOverview({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const overview = useApiQuery(directoryContracts.overview, { params: { schoolId } });
  return (
    <LoadedPart result={overview}>
      {(data) => (
        <div className="stack">
          <Figures
            items={[
              { label: t('overview.figures.classes'), value: data.figures.classes },
              { label: t('overview.figures.students'), value: data.figures.students },
              { label: t('overview.figures.guardians'), value: data.figures.guardians },
              { label: t('overview.figures.staff'), value: data.figures.staff },
            ]}
          />
          {data.grades.length > 0 ? (
            <TableWrap label={t('overview.grades.caption')}>
              <table>
                <caption>{t('overview.grades.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('overview.grades.grade')}</th>
                    <th scope="col" className="numeric">
                      {t('overview.grades.classes')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('overview.grades.students')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.grades.map((grade) => (
                    <tr key={grade.grade}>
                      <th scope="row">
                        {grade.grade === 0
                          ? t('overview.grades.kindergarten')
                          : t('overview.grades.gradeN', { grade: grade.grade })}
                      </th>
                      <td className="numeric">{grade.classes}</td>
                      <td className="numeric">{grade.students}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : null}
          <PrincipleStatus overview={data} schoolId={schoolId} />
          {data.leadership ? (
            <>
              <h3>{t('overview.attention.title')}</h3>
              <Figures
                items={[
                  {
                    label: t('overview.attention.openInformationRequests'),
                    value: data.leadership.openInformationRequests,
                    to: paths.informationRequests(schoolId),
                  },
                  {
                    label: t('overview.attention.classesWithoutContactTeacher'),
                    value: data.leadership.classesWithoutContactTeacher,
                  },
                  {
                    label: t('overview.attention.guardiansNeedingInterpreter'),
                    value: data.leadership.guardiansNeedingInterpreter,
                  },
                  {
                    label: t('overview.attention.guardiansWithoutAccount'),
                    value: data.leadership.guardiansWithoutAccount,
                  },
                  { label: t('overview.attention.suspendedGuardians'), value: data.leadership.suspendedGuardians },
                ]}
              />
              <TableWrap label={t('overview.classes.caption')}>
                <table>
                  <caption>{t('overview.classes.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('overview.classes.class')}</th>
                      <th scope="col">{t('overview.classes.contactTeacher')}</th>
                      <th scope="col" className="numeric">
                        {t('overview.classes.students')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.leadership.classes.map((klass) => (
                      <tr key={klass.id}>
                        <th scope="row">
                          <Link to={paths.class(schoolId, klass.id)}>{klass.name}</Link>
                        </th>
                        <td>{klass.contactTeacher?.name ?? t('overview.classes.none')}</td>
                        <td className="numeric">{klass.studentCount}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </>
          ) : null}
        </div>
      )}
    </LoadedPart>
  );
}
