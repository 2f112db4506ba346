import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { conferenceContracts } from '../../../shared/api/conference.contract.js';
import type { TAgreement } from '../../../shared/api/conference.schema.js';
import { api } from '../../api/http.js';
import { useAction } from '../../app/query.js';
import { ActionError } from '../../ui/errors.js';

/** Today's date on the reader's clock, read once when the component mounts. */
export function useToday(): string {
  const [today] = useState(() => new Date().toISOString().slice(0, 10));
  return today;
}

/** "fredag 15. januar" / "Friday 15 January". */
export function dueDayText(date: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'da-DK', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/**
 * Agreements from conferences: who (school, home, student), what, by when, whether done or
 * overdue (against `today`), and a button for those who may mark one done.
 */
export function AgreementList({
  schoolId,
  agreements,
  today,
  showChild = false,
  goals = [],
}: {
  schoolId: string;
  agreements: readonly TAgreement[];
  today: string;
  showChild?: boolean;
  /** The student plan's goals (issue 11): an agreement attached to one names it. */
  goals?: ReadonlyArray<{ id: string; text: string }>;
}) {
  const { t, i18n } = useTranslation();
  const done = useAction(
    (agreementId: string) => api(conferenceContracts.markAgreementDone, { params: { schoolId, agreementId } }),
    { invalidates: [conferenceContracts.conference, conferenceContracts.myAgreements] },
  );
  return (
    <div className="stack-sm">
      <ActionError error={done.error} />
      <ul className="card-list">
        {agreements.map((a) => {
          const overdue = a.doneAt === null && a.dueOn < today;
          return (
            <li key={a.id} className="card agreement">
              <p className="card__meta">
                <span className="badge">{t(`conference.owner.${a.owner}`)}</span>
                {showChild ? <span>{` ${a.student.name}`}</span> : null}
              </p>
              <p className="card__title">{a.text}</p>
              {a.goalId && goals.some((g) => g.id === a.goalId) ? (
                <p className="card__meta">
                  {t('studentPlan.conference.forGoal', { goal: goals.find((g) => g.id === a.goalId)?.text ?? '' })}
                </p>
              ) : null}
              <p className="card__meta">
                {t('conference.dueOn', { day: dueDayText(a.dueOn, i18n.language) })}
                {a.doneAt ? (
                  <span className="badge badge--answered agreement__state">{t('conference.done')}</span>
                ) : null}
                {overdue ? <span className="badge badge--late agreement__state">{t('conference.overdue')}</span> : null}
              </p>
              {a.mayMarkDone ? (
                <p>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    disabled={done.busy}
                    onClick={() => void done.run(a.id)}
                  >
                    {t('conference.markDone')}
                    <span className="visually-hidden">{`: ${a.text}`}</span>
                  </button>
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
