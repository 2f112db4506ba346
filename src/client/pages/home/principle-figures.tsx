import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TAnswerTimeCell, TKeptCell, TPrincipleFigures } from '../../../shared/api/figures.schema.js';
import { figuresContracts } from '../../../shared/api/figures.contract.js';
import { paths } from '../../app/paths.js';
import { useApiQuery } from '../../app/query.js';
import { LoadedPart } from '../../ui/errors.js';
import { formatNumber } from '../../ui/format.js';
import { TableWrap } from '../../ui/table-wrap.js';
import { EventFigures } from '../events/event-figures.js';

/** A share in whole percent ("92 %" / "92%"), or a dash when nothing was counted. */
function useShare() {
  const { i18n } = useTranslation();
  return (cell: TKeptCell) =>
    cell.share === null ? '–' : formatNumber(cell.share, i18n.language, { style: 'percent', maximumFractionDigits: 0 });
}

function useHours() {
  const { t, i18n } = useTranslation();
  return (cell: TAnswerTimeCell) =>
    cell.medianWorkingHours === null
      ? '–'
      : t('figures.messages.hours', {
          count: cell.medianWorkingHours,
          hours: formatNumber(cell.medianWorkingHours, i18n.language, { maximumFractionDigits: 1 }),
        });
}

/** A month as people name it: "november 2026" / "November 2026". */
function useMonth() {
  const { i18n } = useTranslation();
  return (month: string) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'da-DK', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${month}-01T00:00:00Z`));
}

/** A cell the board may not see reads "for få" (too few), with its meaning for screen readers. */
function TooFew() {
  const { t } = useTranslation();
  return <abbr title={t('figures.tooFewMeaning')}>{t('figures.tooFew')}</abbr>;
}

/**
 * A kept-of-counted figure for the whole school: its share, and in words how many of how many
 * (`of`, given the numbers written in the reader's language), or only its name where the board
 * sees "for få".
 */
function KeptFigure({
  cell,
  of,
  name,
}: {
  cell: TKeptCell | null;
  of: (numbers: { kept: string; counted: string }) => string;
  name: string;
}) {
  const { i18n } = useTranslation();
  const share = useShare();
  return (
    <li className="figure">
      <span className="figure__value">{cell ? share(cell) : <TooFew />}</span>
      <span className="figure__label">
        {cell
          ? of({ kept: formatNumber(cell.kept, i18n.language), counted: formatNumber(cell.counted, i18n.language) })
          : name}
      </span>
    </li>
  );
}

/** One kept-of-counted figure by class, month or group: its share and what it counted, "for få" where hidden. */
function KeptTable({
  caption,
  rowHeader,
  shareHeader,
  countedHeader,
  rows,
}: {
  caption: string;
  rowHeader: string;
  shareHeader: string;
  countedHeader: string;
  rows: Array<{ key: string; name: ReactNode; cell: TKeptCell | null }>;
}) {
  const share = useShare();
  return (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            <th scope="col" className="numeric">
              {shareHeader}
            </th>
            <th scope="col" className="numeric">
              {countedHeader}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.name}</th>
              <td className="numeric">{row.cell ? share(row.cell) : <TooFew />}</td>
              <td className="numeric">{row.cell ? row.cell.counted : <TooFew />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** The messaging figures broken down by month or by class: one row each, "for få" where hidden. */
function MessageFigureTable({
  caption,
  rowHeader,
  rows,
}: {
  caption: string;
  rowHeader: string;
  rows: Array<{ key: string; name: ReactNode; within: TKeptCell | null; time: TAnswerTimeCell | null }>;
}) {
  const { t } = useTranslation();
  const share = useShare();
  const hours = useHours();
  return (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            <th scope="col" className="numeric">
              {t('figures.columns.within')}
            </th>
            <th scope="col" className="numeric">
              {t('figures.columns.counted')}
            </th>
            <th scope="col" className="numeric">
              {t('figures.columns.medianTime')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.name}</th>
              <td className="numeric">{row.within ? share(row.within) : <TooFew />}</td>
              <td className="numeric">{row.within ? row.within.counted : <TooFew />}</td>
              <td className="numeric">{row.time ? hours(row.time) : <TooFew />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/**
 * The messaging figures of the principle: what it promises (an answer within N working days) and
 * how well the school keeps it this school year, overall, per month and per class. The board sees
 * the same with groups under five hidden; the leadership may open the broken promises behind them.
 */
export function MessageFigures({ figures, schoolId }: { figures: TPrincipleFigures; schoolId: string }) {
  const { t, i18n } = useTranslation();
  const monthName = useMonth();
  const m = figures.messages;
  const within = m.repliesWithinPromise;
  const time = m.timeToAnswer;
  const leadership = figures.audience === 'leadership';
  // Months up to now that counted something, newest first: a school year's future months say nothing yet.
  const months = within.months
    .map((row, i) => ({ month: row.month, within: row.cell, time: time.months[i]?.cell ?? null }))
    .filter((row) => row.within === null || row.within.counted > 0 || (row.time?.answered ?? 0) > 0)
    .reverse();
  const classes = within.classes.map((row, i) => ({ ...row, time: time.classes[i]?.cell ?? null }));
  return (
    <div className="stack">
      <p>
        {m.promisedWorkingDays === null
          ? t('figures.messages.noPromise')
          : t('figures.messages.promise', { count: m.promisedWorkingDays })}
      </p>
      <ul className="figures">
        <KeptFigure
          cell={within.school}
          of={(numbers) => t('figures.messages.withinOf', numbers)}
          name={t('figures.messages.within')}
        />
        <li className="figure">
          <span className="figure__value">
            {!time.school ? (
              <TooFew />
            ) : time.school.medianWorkingHours === null ? (
              '–'
            ) : (
              formatNumber(time.school.medianWorkingHours, i18n.language, { maximumFractionDigits: 1 })
            )}
          </span>
          <span className="figure__label">{t('figures.messages.medianHours')}</span>
        </li>
        <li className="figure">
          <span className="figure__value">{formatNumber(m.brokenPromises, i18n.language)}</span>
          <span className="figure__label">
            {leadership ? (
              <Link to={paths.brokenPromises(schoolId)}>{t('figures.messages.brokenNow')}</Link>
            ) : (
              t('figures.messages.brokenNow')
            )}
          </span>
        </li>
        <li className="figure">
          <span className="figure__value">{formatNumber(m.urgentMessages, i18n.language)}</span>
          <span className="figure__label">
            {leadership ? (
              <Link to={paths.urgentMessages(schoolId)}>{t('figures.messages.urgent')}</Link>
            ) : (
              t('figures.messages.urgent')
            )}
          </span>
        </li>
      </ul>
      <p className="definition">{t('figures.messages.definition')}</p>
      {months.length > 0 ? (
        <MessageFigureTable
          caption={t('figures.messages.byMonth')}
          rowHeader={t('figures.columns.month')}
          rows={months.map((row) => ({
            key: row.month,
            name: monthName(row.month),
            within: row.within,
            time: row.time,
          }))}
        />
      ) : null}
      {classes.length > 0 ? (
        <details className="details">
          <summary>{t('figures.messages.byClass')}</summary>
          <MessageFigureTable
            caption={t('figures.messages.byClass')}
            rowHeader={t('figures.columns.class')}
            rows={classes.map((row) => ({
              key: row.classId,
              name: leadership ? <Link to={paths.class(schoolId, row.classId)}>{row.name}</Link> : row.name,
              within: row.cell,
              time: row.time,
            }))}
          />
        </details>
      ) : null}
    </div>
  );
}

/**
 * The conference figures of the principle: invitations sent at least the lead time before the
 * meeting this school year, overall and per class, and the homes that cannot be reached digitally.
 */
function ConferenceFigures({ figures, schoolId }: { figures: TPrincipleFigures; schoolId: string }) {
  const { t, i18n } = useTranslation();
  const c = figures.conferences;
  const inTime = c.invitationsInGoodTime;
  const leadership = figures.audience === 'leadership';
  const classes = inTime.classes.filter((row) => row.cell === null || row.cell.counted > 0);
  return (
    <div className="stack">
      <p>
        {c.invitationLeadDays === null
          ? t('figures.conferences.noLeadTime')
          : t('figures.conferences.leadTime', { count: c.invitationLeadDays })}
      </p>
      <ul className="figures">
        <KeptFigure
          cell={inTime.school}
          of={(numbers) => t('figures.conferences.inTimeOf', numbers)}
          name={t('figures.conferences.inTime')}
        />
        <li className="figure">
          <span className="figure__value">
            {c.householdsNotReached === null ? <TooFew /> : formatNumber(c.householdsNotReached, i18n.language)}
          </span>
          <span className="figure__label">{t('figures.conferences.notReached')}</span>
        </li>
      </ul>
      <p className="definition">{t('figures.conferences.definition')}</p>
      <HeldAndAgreements figures={figures} schoolId={schoolId} />
      {classes.length > 0 ? (
        <details className="details">
          <summary>{t('figures.conferences.byClass')}</summary>
          <KeptTable
            caption={t('figures.conferences.byClass')}
            rowHeader={t('figures.columns.class')}
            shareHeader={t('figures.conferences.inTimeColumn')}
            countedHeader={t('figures.columns.counted')}
            rows={classes.map((row) => ({
              key: row.classId,
              name: leadership ? <Link to={paths.class(schoolId, row.classId)}>{row.name}</Link> : row.name,
              cell: row.cell,
            }))}
          />
        </details>
      ) : null}
    </div>
  );
}

/**
 * "Plans in good time" (issue 11): of the held conferences, those whose student plan (or, where
 * the principle chose it, message-book entry) went home at least the principle's lead time
 * before; overall and per class, "for få" for the board where a group is under five.
 */
function PlanFigures({ figures, schoolId }: { figures: TPrincipleFigures; schoolId: string }) {
  const { t } = useTranslation();
  const c = figures.conferences;
  const leadership = figures.audience === 'leadership';
  const classes = c.plansInGoodTime.classes.filter((row) => row.cell === null || row.cell.counted > 0);
  return (
    <div className="stack">
      <p>
        {c.plansLeadDays === null
          ? t('studentPlan.figures.noLeadTime')
          : t('studentPlan.figures.leadTime', { count: c.plansLeadDays })}
      </p>
      <ul className="figures">
        <KeptFigure
          cell={c.plansInGoodTime.school}
          of={(numbers) => t('studentPlan.figures.inTimeOf', numbers)}
          name={t('studentPlan.figures.inTime')}
        />
      </ul>
      <p className="definition">{t('studentPlan.figures.definition')}</p>
      {classes.length > 0 ? (
        <details className="details">
          <summary>{t('studentPlan.figures.byClass')}</summary>
          <KeptTable
            caption={t('studentPlan.figures.byClass')}
            rowHeader={t('figures.columns.class')}
            shareHeader={t('studentPlan.figures.inTimeColumn')}
            countedHeader={t('studentPlan.figures.counted')}
            rows={classes.map((row) => ({
              key: row.classId,
              name: leadership ? <Link to={paths.class(schoolId, row.classId)}>{row.name}</Link> : row.name,
              cell: row.cell,
            }))}
          />
        </details>
      ) : null}
    </div>
  );
}

/**
 * The homes the collaboration reaches: of the school's households, those where a guardian read a
 * message or the home booked or held a conference this school year, with the equity view (by
 * language, one home or two) and, for the leader, class by class.
 */
function HomeFigures({ figures, schoolId }: { figures: TPrincipleFigures; schoolId: string }) {
  const { t } = useTranslation();
  const reached = figures.homes.householdsReached;
  const leadership = figures.audience === 'leadership';
  const classes = reached.classes.filter((row) => row.cell === null || row.cell.counted > 0);
  const equity = figures.homes.equity.filter((row) => row.cell === null || row.cell.counted > 0);
  return (
    <div className="stack">
      <ul className="figures">
        <KeptFigure
          cell={reached.school}
          of={(numbers) => t('figures.homes.reachedOf', numbers)}
          name={t('figures.homes.reached')}
        />
      </ul>
      <p className="definition">{t('figures.homes.definition')}</p>
      {equity.length > 0 ? (
        <KeptTable
          caption={t('figures.homes.equity')}
          rowHeader={t('figures.homes.group')}
          shareHeader={t('figures.homes.reachedColumn')}
          countedHeader={t('figures.homes.homesColumn')}
          rows={equity.map((row) => ({ key: row.group, name: t(`figures.homes.groups.${row.group}`), cell: row.cell }))}
        />
      ) : null}
      {classes.length > 0 ? (
        <details className="details">
          <summary>{t('figures.homes.byClass')}</summary>
          <KeptTable
            caption={t('figures.homes.byClass')}
            rowHeader={t('figures.columns.class')}
            shareHeader={t('figures.homes.reachedColumn')}
            countedHeader={t('figures.homes.homesColumn')}
            rows={classes.map((row) => ({
              key: row.classId,
              name: leadership ? <Link to={paths.class(schoolId, row.classId)}>{row.name}</Link> : row.name,
              cell: row.cell,
            }))}
          />
        </details>
      ) : null}
    </div>
  );
}

/** Conferences held against the principle's number, and agreements followed up, open and overdue. */
function HeldAndAgreements({ figures, schoolId }: { figures: TPrincipleFigures; schoolId: string }) {
  const { t, i18n } = useTranslation();
  const share = useShare();
  const c = figures.conferences;
  const held = c.conferencesHeld;
  const followed = c.agreementsFollowedUp;
  const leadership = figures.audience === 'leadership';
  const number = (value: number | null) => (value === null ? <TooFew /> : formatNumber(value, i18n.language));
  const classes = held.classes.filter((row) => row.cell === null || row.cell.counted > 0);
  return (
    <>
      <ul className="figures">
        <KeptFigure
          cell={held.school}
          of={(numbers) => t('figures.conferences.heldOf', { ...numbers, count: c.perYear ?? 1 })}
          name={t('figures.conferences.held')}
        />
        <KeptFigure
          cell={followed.school}
          of={(numbers) => t('figures.conferences.followedOf', numbers)}
          name={t('figures.conferences.followed')}
        />
        <li className="figure">
          <span className="figure__value">{number(c.openAgreements)}</span>
          <span className="figure__label">{t('figures.conferences.openAgreements')}</span>
        </li>
        <li className="figure">
          <span className="figure__value">{number(c.overdueAgreements)}</span>
          <span className="figure__label">{t('figures.conferences.overdueAgreements')}</span>
        </li>
      </ul>
      <p className="definition">{t('figures.conferences.heldDefinition')}</p>
      {classes.length > 0 ? (
        <details className="details">
          <summary>{t('figures.conferences.heldByClass')}</summary>
          <TableWrap label={t('figures.conferences.heldByClass')}>
            <table>
              <caption>{t('figures.conferences.heldByClass')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('figures.columns.class')}</th>
                  <th scope="col" className="numeric">
                    {t('figures.conferences.heldColumn')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('figures.conferences.followedColumn')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {classes.map((row) => {
                  const agreements = followed.classes.find((f) => f.classId === row.classId)?.cell;
                  return (
                    <tr key={row.classId}>
                      <th scope="row">
                        {leadership ? <Link to={paths.class(schoolId, row.classId)}>{row.name}</Link> : row.name}
                      </th>
                      <td className="numeric">{row.cell ? share(row.cell) : <TooFew />}</td>
                      <td className="numeric">{agreements ? share(agreements) : <TooFew />}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        </details>
      ) : null}
    </>
  );
}

/** Concerns met early (early dialogue): the share kept, the overdue ones now, and by class. */
function ConcernFigures({ figures, schoolId }: { figures: TPrincipleFigures; schoolId: string }) {
  const { t, i18n } = useTranslation();
  const c = figures.concerns;
  const leadership = figures.audience === 'leadership';
  const classes = c.metEarly.classes.filter((row) => row.cell === null || row.cell.counted > 0);
  return (
    <div className="stack">
      <ul className="figures">
        <KeptFigure
          cell={c.metEarly.school}
          of={(numbers) => t('concerns.figures.metEarlyOf', numbers)}
          name={t('concerns.figures.metEarly')}
        />
        <li className="figure">
          <span className="figure__value">
            {c.overdue === null ? <TooFew /> : formatNumber(c.overdue, i18n.language)}
          </span>
          <span className="figure__label">{t('concerns.figures.overdue')}</span>
        </li>
      </ul>
      <p className="definition">
        {c.contactWithinWorkingDays === null
          ? t('concerns.figures.definitionNone')
          : t('concerns.figures.definition', { count: c.contactWithinWorkingDays })}
      </p>
      {classes.length > 0 ? (
        <details className="details">
          <summary>{t('concerns.figures.byClass')}</summary>
          <KeptTable
            caption={t('concerns.figures.byClass')}
            rowHeader={t('figures.columns.class')}
            shareHeader={t('concerns.figures.keptColumn')}
            countedHeader={t('concerns.figures.countedColumn')}
            rows={classes.map((row) => ({
              key: row.classId,
              name: leadership ? <Link to={paths.class(schoolId, row.classId)}>{row.name}</Link> : row.name,
              cell: row.cell,
            }))}
          />
        </details>
      ) : null}
    </div>
  );
}

/** Class letters on cadence (issue 12): the share of ended cadence periods with a letter, and by class. */
function ClassLetterFigures({ figures, schoolId }: { figures: TPrincipleFigures; schoolId: string }) {
  const { t } = useTranslation();
  const c = figures.classLetters;
  const leadership = figures.audience === 'leadership';
  const classes = c.onCadence.classes.filter((row) => row.cell === null || row.cell.counted > 0);
  return (
    <div className="stack">
      <ul className="figures">
        <KeptFigure
          cell={c.onCadence.school}
          of={(numbers) => t('classLetters.figures.onCadenceOf', numbers)}
          name={t('classLetters.figures.onCadence')}
        />
      </ul>
      <p className="definition">{t('classLetters.figures.definition')}</p>
      {classes.length > 0 ? (
        <details className="details">
          <summary>{t('classLetters.figures.byClass')}</summary>
          <KeptTable
            caption={t('classLetters.figures.byClass')}
            rowHeader={t('figures.columns.class')}
            shareHeader={t('classLetters.figures.keptColumn')}
            countedHeader={t('classLetters.figures.countedColumn')}
            rows={classes.map((row) => ({
              key: row.classId,
              name: leadership ? <Link to={paths.classLetters(schoolId, row.classId)}>{row.name}</Link> : row.name,
              cell: row.cell,
            }))}
          />
        </details>
      ) : null}
    </div>
  );
}

/**
 * The principle's figures for the school year, as the leader's and the board's home shows them
 * (specs/principle-figures.md); each feature adds its figure here.
 */
/**
 * Test results in writing (folkeskoleloven § 13): of the results whose last day has passed, those
 * told to every custody holder within the principle's working days, and the median working days
 * from the test to the letter; by class for the leader, "for få" for the board under five.
 */
function TestResultFigures({ figures, schoolId }: { figures: TPrincipleFigures; schoolId: string }) {
  const { t, i18n } = useTranslation();
  const r = figures.testResults;
  const leadership = figures.audience === 'leadership';
  const median = r.timeToTell.school;
  const classes = r.inWriting.classes.filter((row) => row.cell === null || row.cell.counted > 0);
  return (
    <div className="stack">
      <p>{t('testResults.figures.target', { count: r.workingDays })}</p>
      <ul className="figures">
        <KeptFigure
          cell={r.inWriting.school}
          of={(numbers) => t('testResults.figures.inWritingOf', numbers)}
          name={t('testResults.figures.inWriting')}
        />
        <li className="figure">
          <span className="figure__value">
            {median === null ? (
              <TooFew />
            ) : median.medianWorkingDays === null ? (
              '–'
            ) : (
              formatNumber(median.medianWorkingDays, i18n.language, { maximumFractionDigits: 1 })
            )}
          </span>
          <span className="figure__label">{t('testResults.figures.median')}</span>
        </li>
      </ul>
      <p className="definition">{t('testResults.figures.definition')}</p>
      {classes.length > 0 ? (
        <details className="details">
          <summary>{t('testResults.figures.byClass')}</summary>
          <KeptTable
            caption={t('testResults.figures.byClass')}
            rowHeader={t('figures.columns.class')}
            shareHeader={t('testResults.figures.inWritingColumn')}
            countedHeader={t('figures.columns.counted')}
            rows={classes.map((row) => ({
              key: row.classId,
              name: leadership ? <Link to={paths.class(schoolId, row.classId)}>{row.name}</Link> : row.name,
              cell: row.cell,
            }))}
          />
        </details>
      ) : null}
    </div>
  );
}

/**
 * Parent meetings: held against the principle's number a year, and the share of invited homes
 * represented; by class for the leader (linked to the class's meetings), "for få" for the board.
 */
function ParentMeetingFigures({ figures, schoolId }: { figures: TPrincipleFigures; schoolId: string }) {
  const { t } = useTranslation();
  const p = figures.parentMeetings;
  const leadership = figures.audience === 'leadership';
  const name = (row: { classId: string; name: string }) =>
    leadership ? <Link to={paths.classParentMeetings(schoolId, row.classId)}>{row.name}</Link> : row.name;
  return (
    <div className="stack">
      <ul className="figures">
        <KeptFigure
          cell={p.held.school}
          of={(numbers) => t('parentMeetings.figures.heldOf', numbers)}
          name={t('parentMeetings.figures.held')}
        />
        <KeptFigure
          cell={p.attendance.school}
          of={(numbers) => t('parentMeetings.figures.attendanceOf', numbers)}
          name={t('parentMeetings.figures.attendance')}
        />
      </ul>
      <p className="definition">
        {p.perYear === null
          ? t('parentMeetings.figures.definitionNone')
          : t('parentMeetings.figures.definition', { count: p.perYear })}
      </p>
      <details className="details">
        <summary>{t('parentMeetings.figures.byClass')}</summary>
        <KeptTable
          caption={t('parentMeetings.figures.byClass')}
          rowHeader={t('figures.columns.class')}
          shareHeader={t('parentMeetings.figures.heldColumn')}
          countedHeader={t('parentMeetings.figures.countedColumn')}
          rows={p.held.classes.map((row) => ({ key: row.classId, name: name(row), cell: row.cell }))}
        />
        <KeptTable
          caption={t('parentMeetings.figures.attendanceByClass')}
          rowHeader={t('figures.columns.class')}
          shareHeader={t('parentMeetings.figures.attendanceColumn')}
          countedHeader={t('parentMeetings.figures.invitedColumn')}
          rows={p.attendance.classes
            .filter((row) => row.cell === null || row.cell.counted > 0)
            .map((row) => ({ key: row.classId, name: name(row), cell: row.cell }))}
        />
      </details>
    </div>
  );
}

export function PrincipleFigures({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const figures = useApiQuery(figuresContracts.read, { params: { schoolId } });
  return (
    <LoadedPart result={figures}>
      {(data) => (
        <div className="stack">
          <p className="lead">
            {t('figures.lead')}{' '}
            {t('figures.schoolYear', {
              from: data.schoolYear.startYear,
              to: String((data.schoolYear.startYear + 1) % 100).padStart(2, '0'),
            })}
          </p>
          <h3>{t('figures.messages.title')}</h3>
          <MessageFigures figures={data} schoolId={schoolId} />
          <h3>{t('figures.conferences.title')}</h3>
          <ConferenceFigures figures={data} schoolId={schoolId} />
          <h3>{t('studentPlan.figures.title')}</h3>
          <PlanFigures figures={data} schoolId={schoolId} />
          <h3>{t('figures.homes.title')}</h3>
          <HomeFigures figures={data} schoolId={schoolId} />
          <h3>{t('testResults.figures.title')}</h3>
          <TestResultFigures figures={data} schoolId={schoolId} />
          <h3>{t('concerns.figures.title')}</h3>
          <ConcernFigures figures={data} schoolId={schoolId} />
          <h3>{t('parentMeetings.figures.title')}</h3>
          <ParentMeetingFigures figures={data} schoolId={schoolId} />
          <h3>{t('events.figures.title')}</h3>
          <EventFigures figures={data} schoolId={schoolId} />
          <h3>{t('classLetters.figures.title')}</h3>
          <ClassLetterFigures figures={data} schoolId={schoolId} />
        </div>
      )}
    </LoadedPart>
  );
}
