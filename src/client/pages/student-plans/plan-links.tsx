import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { principleContracts } from '../../../shared/api/principle.contract.js';
import { studentPlanContracts } from '../../../shared/api/student-plan.contract.js';
import { paths } from '../../app/paths.js';
import { useApiQuery } from '../../app/query.js';
import { formatDate } from '../../ui/format.js';
import { LoadedPart, Loading } from '../../ui/errors.js';

/**
 * Links to a student's plan or message book, for the home, the student and the class's staff: the
 * form the adopted principle chose, or both while it chooses none (or none is adopted yet).
 */
export function StudentPlanLinks({ schoolId, studentId }: { schoolId: string; studentId: string }) {
  const { t } = useTranslation();
  const adopted = useApiQuery(principleContracts.adopted, { params: { schoolId } });
  if (adopted.status === 'loading') return <Loading />;
  const form = adopted.status === 'ok' ? adopted.data.principle.conferences.studentPlan?.form : undefined;
  const plan = <Link to={paths.studentPlan(schoolId, studentId)}>{t('studentPlan.link')}</Link>;
  const book = <Link to={paths.messageBook(schoolId, studentId)}>{t('studentPlan.bookLink')}</Link>;
  return (
    <p className="card__links">
      {form === 'student_plan' ? (
        plan
      ) : form === 'message_book' ? (
        book
      ) : (
        <>
          {plan}
          {' · '}
          {book}
        </>
      )}
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
