import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { importContracts } from '../../../shared/api/import.contract.js';
import { schoolCalendarContracts } from '../../../shared/api/school-calendar.contract.js';
import { staffAbsenceContracts } from '../../../shared/api/staff-absence.contract.js';
import type { TStaffAbsence } from '../../../shared/api/staff-absence.schema.js';
import { paths } from '../../app/paths.js';
import { useApiQuery } from '../../app/query.js';
import { LoadedPart } from '../../ui/errors.js';
import { formatDate, formatDateTime } from '../../ui/format.js';
import { Section } from '../../ui/page.js';
import { copenhagenToday, groupClosedDays } from './closed-day-ranges.js';
import { useRangeText } from './range-text.js';

/** How many of the next closed-day runs and absences the home lists before its link to the rest. */
const SHOWN = 3;

function AbsenceLine({ absence }: { absence: TStaffAbsence }) {
  const { t, i18n } = useTranslation();
  const until = formatDate(absence.lastDay, i18n.language);
  return (
    <li>
      {absence.current
        ? t('office.absence.awayUntil', { name: absence.person.name, date: until })
        : t('office.absence.awayFrom', {
            name: absence.person.name,
            first: formatDate(absence.firstDay, i18n.language),
            last: until,
          })}
      {' · '}
      {absence.substitute
        ? t('office.absence.substitute', { name: absence.substitute.name })
        : t('office.absence.noSubstitute')}
    </li>
  );
}

/** Who of the staff is away today and who will be soon, and where to register a colleague's absence. */
function StaffAbsenceToday({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const list = useApiQuery(staffAbsenceContracts.list, { params: { schoolId } });
  return (
    <LoadedPart result={list}>
      {(data) => {
        const today = data.absences.filter((absence) => absence.current);
        const coming = data.absences.filter((absence) => !absence.current).slice(0, SHOWN);
        return (
          <div className="stack">
            {today.length === 0 ? (
              <p>{t('office.absence.noneToday')}</p>
            ) : (
              <ul className="plain-list" aria-label={t('office.absence.todayLabel')}>
                {today.map((absence) => (
                  <AbsenceLine key={absence.id} absence={absence} />
                ))}
              </ul>
            )}
            {coming.length > 0 ? (
              <>
                <h3>{t('office.absence.coming')}</h3>
                <ul className="plain-list">
                  {coming.map((absence) => (
                    <AbsenceLine key={absence.id} absence={absence} />
                  ))}
                </ul>
              </>
            ) : null}
            <p>
              <Link to={paths.staffAbsence()}>{t('office.absence.register')}</Link>
            </p>
          </div>
        );
      }}
    </LoadedPart>
  );
}

/** The school's next closed days this school year, and the way to the page that keeps them. */
function NextClosedDays({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const rangeText = useRangeText();
  const year = useApiQuery(schoolCalendarContracts.closedDays, { params: { schoolId }, query: {} });
  return (
    <LoadedPart result={year}>
      {(data) => {
        const today = copenhagenToday();
        const next = groupClosedDays(data.days).filter((range) => range.last >= today);
        return (
          <div className="stack">
            {next.length === 0 ? (
              <p>{t('office.closedDays.none', { label: data.label })}</p>
            ) : (
              <ul className="plain-list" aria-label={t('office.closedDays.nextLabel')}>
                {next.slice(0, SHOWN).map((range) => (
                  <li key={range.first}>
                    <strong>{range.label}</strong>: {rangeText(range)}
                  </li>
                ))}
              </ul>
            )}
            <p>
              <Link to={paths.closedDays(schoolId)}>{t('office.closedDays.manage', { label: data.label })}</Link>
            </p>
          </div>
        );
      }}
    </LoadedPart>
  );
}

/** When the directory was last imported, and by whom; a trial run changes nothing and is not counted. */
function LastImport({ schoolId }: { schoolId: string }) {
  const { t, i18n } = useTranslation();
  const runs = useApiQuery(importContracts.runs, { params: { schoolId } });
  return (
    <LoadedPart result={runs}>
      {(data) => {
        const last = data.runs.find((run) => !run.dryRun);
        return (
          <div className="stack">
            <p>
              {last
                ? t('office.import.last', {
                    at: formatDateTime(last.at, i18n.language),
                    name: last.byName,
                    file: last.fileName,
                    count: last.rows,
                  })
                : t('office.import.never')}
            </p>
            <p>
              <Link to={paths.import(schoolId)}>{t('home.links.import')}</Link>
            </p>
          </div>
        );
      }}
    </LoadedPart>
  );
}

/**
 * The school office's own part of the home: who is away today, the next closed days and the
 * directory's last import, the things an administrator keeps in order day to day.
 */
export function OfficeHome({ schoolId, importDirectory }: { schoolId: string; importDirectory: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Section title={t('office.absence.title')} id={`office-absence-${schoolId}`}>
        <StaffAbsenceToday schoolId={schoolId} />
      </Section>
      <Section title={t('office.closedDays.title')} id={`office-closed-days-${schoolId}`}>
        <NextClosedDays schoolId={schoolId} />
      </Section>
      {importDirectory ? (
        <Section title={t('office.import.title')} id={`office-import-${schoolId}`}>
          <LastImport schoolId={schoolId} />
        </Section>
      ) : null}
    </>
  );
}
