import { useTranslation } from 'react-i18next';
import type { TClassLetterCadence } from '../../../shared/api/class-letter.schema.js';
import { formatDueDay } from '../../ui/format.js';

/** "Næste ugebrev senest fredag 11. december", and whether the class is behind. */
export function CadenceLine({ cadence }: { cadence: TClassLetterCadence }) {
  const { t, i18n } = useTranslation();
  const day = formatDueDay(`${cadence.dueOn}T12:00:00Z`, i18n.language);
  return (
    <>
      <strong>{t('classLetters.cadence.nextDue', { kind: t(`classLetters.cadence.${cadence.cadence}`), day })}</strong>
      {cadence.thisPeriodDone ? ` · ${t('classLetters.cadence.done')}` : null}
      {cadence.missedInARow > 0 ? (
        <>
          {' '}
          <span className="badge badge--warning">
            {t('classLetters.cadence.behind', { count: cadence.missedInARow })}
          </span>
        </>
      ) : null}
    </>
  );
}
