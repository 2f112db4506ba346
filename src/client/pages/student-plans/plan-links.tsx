import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { studentPlanContracts } from '../../../shared/api/student-plan.contract.js';
import { paths } from '../../app/paths.js';
import { useApiQuery } from '../../app/query.js';
import { formatDate } from '../../ui/format.js';
import { LoadedPart } from '../../ui/errors.js';

/** Links to a student's plan and message book, for the home, the student and the class's staff. */
export function StudentPlanLinks({ schoolId, studentId }: { schoolId: string; studentId: string }) {
  const { t } = useTranslation();
  return (
    <p className="card__links">
      <Link to={paths.studentPlan(schoolId, studentId)}>{t('studentPlan.link')}</Link>
      {' · '}
      <Link to={paths.messageBook(schoolId, studentId)}>{t('studentPlan.bookLink')}</Link>
    </p>
  );
}

/** The contact teacher's plans to send before the next conference round ("send senest …"), soonest first. */
export function DueStudentPlans({ schoolId }: { schoolId: string }) {
  const { t, i18n } = useTranslation();
  const due = useApiQuery(studentPlanContracts.due, { params: { schoolId } });
  return (
    <LoadedPart result={due}>
      {(data) =>
        data.plans.length === 0 ? null : (
          <section className="stack-sm" aria-labelledby={`due-plans-${schoolId}`}>
            <h3 id={`due-plans-${schoolId}`}>{t('studentPlan.due.title')}</h3>
            <p>{t('studentPlan.due.lead')}</p>
            <ul className="card-list">
              {data.plans.map((plan) => (
                <li key={plan.student.id} className="card">
                  <p className="card__title">
                    <Link to={paths.studentPlan(schoolId, plan.student.id)}>
                      {`${plan.student.name} (${plan.student.className})`}
                    </Link>
                  </p>
                  <p className="card__meta">
                    <span className="badge">{t(`studentPlan.due.${plan.status}`)}</span>{' '}
                    {t('studentPlan.due.by', { day: formatDate(plan.plansBy, i18n.language) })}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        )
      }
    </LoadedPart>
  );
}
