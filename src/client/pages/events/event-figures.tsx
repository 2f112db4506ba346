import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TPrincipleFigures } from '../../../shared/api/figures.schema.js';
import { paths } from '../../app/paths.js';
import { formatNumber } from '../../ui/format.js';
import { TableWrap } from '../../ui/table-wrap.js';

/** A count the board may not see reads "for få" (too few), with its meaning for screen readers. */
function Count({ value }: { value: number | null }) {
  const { t, i18n } = useTranslation();
  return value === null ? (
    <abbr title={t('figures.tooFewMeaning')}>{t('figures.tooFew')}</abbr>
  ) : (
    <>{formatNumber(value, i18n.language)}</>
  );
}

/**
 * "Events held" (issue 12): the events of this school year whose day has passed, well-being
 * events counted apart, and the households that took part; by class for the leadership, the
 * school's totals (households "for få" under five) for the board.
 */
export function EventFigures({ figures, schoolId }: { figures: TPrincipleFigures; schoolId: string }) {
  const { t } = useTranslation();
  const e = figures.events;
  const leadership = figures.audience === 'leadership';
  return (
    <div className="stack">
      <ul className="figures">
        <li className="figure">
          <span className="figure__value">
            <Count value={e.school.events} />
          </span>
          <span className="figure__label">{t('events.figures.held')}</span>
        </li>
        <li className="figure">
          <span className="figure__value">
            <Count value={e.school.wellBeing} />
          </span>
          <span className="figure__label">{t('events.figures.wellBeing')}</span>
        </li>
        <li className="figure">
          <span className="figure__value">
            <Count value={e.school.households} />
          </span>
          <span className="figure__label">{t('events.figures.households')}</span>
        </li>
      </ul>
      <p className="definition">{t('events.figures.definition')}</p>
      {leadership && e.classes.length > 0 ? (
        <details className="details">
          <summary>{t('events.figures.byClass')}</summary>
          <TableWrap label={t('events.figures.byClass')}>
            <table>
              <caption>{t('events.figures.byClass')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('figures.columns.class')}</th>
                  <th scope="col" className="numeric">
                    {t('events.figures.heldColumn')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('events.figures.wellBeingColumn')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('events.figures.householdsColumn')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[
                  { key: 'school', name: t('events.forSchool'), cell: e.schoolWide },
                  ...e.classes.map((row) => ({
                    key: row.classId,
                    name: <Link to={paths.class(schoolId, row.classId)}>{row.name}</Link>,
                    cell: row.cell,
                  })),
                ].map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.name}</th>
                    <td className="numeric">
                      <Count value={row.cell.events} />
                    </td>
                    <td className="numeric">
                      <Count value={row.cell.wellBeing} />
                    </td>
                    <td className="numeric">
                      <Count value={row.cell.households} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </details>
      ) : null}
    </div>
  );
}
