import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface GoalView {
  id: string;
  text: string;
  schoolSupport: string;
  homeSupport: string;
  studentSupport: string;
  review: 'reached' | 'partly' | 'continue' | null;
}

/** One goal with how school, home and student support it, and its review once made. */
export function GoalCard({ goal, children }: { goal: GoalView; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <li className="card">
      {goal.review ? (
        <p className="card__meta">
          <span className={goal.review === 'reached' ? 'badge badge--answered' : 'badge'}>
            {t(`studentPlan.review.${goal.review}`)}
          </span>
        </p>
      ) : null}
      <p className="card__title">{goal.text}</p>
      <dl className="facts facts--stacked">
        {goal.schoolSupport ? (
          <>
            <dt>{t('studentPlan.support.school')}</dt>
            <dd>{goal.schoolSupport}</dd>
          </>
        ) : null}
        {goal.homeSupport ? (
          <>
            <dt>{t('studentPlan.support.home')}</dt>
            <dd>{goal.homeSupport}</dd>
          </>
        ) : null}
        {goal.studentSupport ? (
          <>
            <dt>{t('studentPlan.support.student')}</dt>
            <dd>{goal.studentSupport}</dd>
          </>
        ) : null}
      </dl>
      {children}
    </li>
  );
}
