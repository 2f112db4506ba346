import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TConference } from '../../../shared/api/conference.schema.js';
import { paths } from '../../app/paths.js';
import { Section } from '../../ui/page.js';
import { GoalCard } from './goal-card.js';

/**
 * The student's plan on the conference page (issue 11, point 6): the published plan's goals with
 * how school, home and student support them, or the latest message-book entries, so the parties
 * add their topics with it in view. Nothing is shown while nothing went home.
 */
export function ConferencePlan({ schoolId, conference }: { schoolId: string; conference: TConference }) {
  const { t, i18n } = useTranslation();
  const plan = conference.studentPlan;
  if (!plan) return null;
  const day = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'da-DK', { dateStyle: 'long' }).format(new Date(iso));
  const link =
    plan.form === 'student_plan'
      ? paths.studentPlan(schoolId, conference.student.id)
      : paths.messageBook(schoolId, conference.student.id);
  return (
    <Section title={t(`studentPlan.conference.title.${plan.form}`)} id="conference-student-plan">
      {plan.publishedAt ? <p>{t(`studentPlan.conference.sent.${plan.form}`, { day: day(plan.publishedAt) })}</p> : null}
      {plan.form === 'student_plan' ? (
        (['academic', 'social'] as const).map((kind) => {
          const goals = plan.goals.filter((g) => g.kind === kind);
          if (goals.length === 0) return null;
          return (
            <div key={kind} className="stack-sm">
              <h3>{t(`studentPlan.goals.${kind}`)}</h3>
              <ul className="card-list">
                {goals.map((goal) => (
                  <GoalCard key={goal.id} goal={goal} />
                ))}
              </ul>
            </div>
          );
        })
      ) : (
        <ul className="card-list">
          {plan.entries.map((entry) => (
            <li key={entry.id} className="card">
              <p className="card__meta">{day(entry.createdAt)}</p>
              <h3 className="card__title">{t('studentPlan.book.progress')}</h3>
              <p className="pre-line">{entry.progress}</p>
              <h3 className="card__title">{t('studentPlan.book.wellBeing')}</h3>
              <p className="pre-line">{entry.wellBeing}</p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={link}>{t(`studentPlan.conference.open.${plan.form}`)}</Link>
      </p>
    </Section>
  );
}
