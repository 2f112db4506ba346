import type { SignedInContext } from '../context.js';
import { className } from '../../shared/api/directory.schema.js';
import type { TEquityGroup, TFiguresQuery, TPrincipleFigures } from '../../shared/api/figures.schema.js';
import { localDate, startOfNextDay, shiftDate, type SchoolCalendar } from '../../domain/calendar/working-days.js';
import { keptWithinPromise, timeToAnswer, type KeptShare, type PromiseFact } from '../../domain/figures/replies.js';
import { schoolYear, schoolYearOf } from '../../domain/figures/school-year.js';
import { suppressSmall } from '../../domain/figures/suppression.js';
import { invitationsInGoodTime } from '../../domain/figures/invitations.js';
import { plansInGoodTime, type PlanFact } from '../../domain/figures/plans.js';
import { findPlanFacts } from './plans.repository.js';
import { findPublishedLetterMoments } from './class-letters.repository.js';
import { classLetterPeriods, lettersOnCadence } from '../../domain/figures/class-letters.js';
import { classUpdateCadenceFor } from '../../domain/principle/rules.js';
import { isWorkingDay } from '../../domain/calendar/working-days.js';
import { agreementsFollowedUp, conferencesHeld, type ConferenceTarget } from '../../domain/figures/conferences.js';
import { householdFacts, householdsReached, type HouseholdFact } from '../../domain/figures/households.js';
import { testResultsInWriting, timeToTell, type TestResultFact } from '../../domain/figures/test-results.js';
import { concernsMetEarly, type ConcernFact } from '../../domain/figures/concerns.js';
import { parentMeetingAttendance, parentMeetingsHeld } from '../../domain/figures/parent-meetings.js';
import { eventsHeld, eventsHeldForBoard, type EventFact } from '../../domain/figures/events.js';
import { findEventFacts } from './events.repository.js';
import { concernState, contactDueOn } from '../../domain/concerns/early-dialogue.js';
import { versionInForceOn } from '../../domain/principle/in-force.js';
import { regularConferenceRounds } from '../../domain/principle/rules.js';
import { findAdoptedHistory, findAdoptedPrinciple } from '../principle/principle.service.js';
import { loadSchoolCalendar } from '../school-calendar/school-calendar.service.js';
import { findReplyWithinWorkingDays } from '../directory/directory.service.js';
import { maySeeSchoolDetails } from '../policies/rules.js';
import {
  countOpenPromises,
  countUrgentMessages,
  findClassesForFigures,
  findAgreementFacts,
  findConcernFacts,
  findParentMeetingFacts,
  findConferenceHeldFacts,
  findGuardianReads,
  findHomeRows,
  findHouseholdConferenceEvents,
  findInvitationFacts,
  findReplyPromiseFacts,
  findTestResultFacts,
  type ReplyPromiseFactRow,
} from './figures.repository.js';

/**
 * "Plans in good time": each held conference against the plan lead time of the principle in force
 * on its day, with the day the student's plan of that school year was published, or where that
 * version chose the message book, the first entry of the school year.
 */
function planFacts(
  rows: Awaited<ReturnType<typeof findPlanFacts>>,
  inForce: (day: string) => { conferences: { studentPlan: { form: string; leadDays: number } | null } } | null,
): Array<PlanFact & { classId: string | null }> {
  const planOn = new Map(rows.plans.map((p) => [`${p.student_id}:${p.school_year}`, p.published_on]));
  const firstEntryOn = new Map<string, string>();
  for (const e of rows.entries) {
    const key = `${e.student_id}:${schoolYearOf(e.written_on)}`;
    const seen = firstEntryOn.get(key);
    if (!seen || e.written_on < seen) firstEntryOn.set(key, e.written_on);
  }
  return rows.held.map((row) => {
    const rule = inForce(row.meeting_day)?.conferences.studentPlan ?? null;
    const key = `${row.student_id}:${schoolYearOf(row.meeting_day)}`;
    return {
      meetingDay: row.meeting_day,
      publishedOn: (rule?.form === 'message_book' ? firstEntryOn.get(key) : planOn.get(key)) ?? null,
      about: row.student_id,
      classId: row.class_id,
      leadDays: rule?.leadDays ?? null,
    };
  });
}

/** Midnight in Copenhagen at the start of a date. */
const startOf = (date: string) => startOfNextDay(shiftDate(date, -1));

interface Fact extends PromiseFact {
  classId: string | null;
}

const toFact = (row: ReplyPromiseFactRow): Fact => ({
  openedAt: row.opened_at,
  dueAt: row.due_at,
  keptAt: row.kept_at,
  about: row.student_id ?? row.thread_id,
  classId: row.class_id,
});

/**
 * Counts one figure for the whole school, each month, each grade and each class. `compute` counts
 * the facts of a period; for the board a cell with fewer than five people behind it is hidden.
 */
function breakdown<F extends { classId: string | null }, C extends { people: number }, P>(
  facts: readonly F[],
  months: readonly string[],
  classes: ReadonlyArray<{ id: string; grade: number; letter: string }>,
  period: { from: Date; to: Date },
  compute: (facts: readonly F[], from: Date, to: Date) => C,
  present: (cell: C) => P,
  board: boolean,
) {
  const cell = (of: readonly F[], from = period.from, to = period.to) => {
    const counted = compute(of, from, to);
    return board ? suppressSmall(present(counted), counted.people) : present(counted);
  };
  const grades = [...new Set(classes.map((c) => c.grade))];
  return {
    school: cell(facts),
    months: months.map((month) => {
      const next = nextMonth(month);
      return { month, cell: cell(facts, startOf(`${month}-01`), startOf(`${next}-01`)) };
    }),
    grades: grades.map((grade) => {
      const ids = new Set(classes.filter((c) => c.grade === grade).map((c) => c.id));
      return { grade, cell: cell(facts.filter((f) => f.classId !== null && ids.has(f.classId))) };
    }),
    classes: classes.map((c) => ({
      classId: c.id,
      name: className(c.grade, c.letter),
      cell: cell(facts.filter((f) => f.classId === c.id)),
    })),
  };
}

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * The principle's figures for a school year, as the reader may see them: the leadership every
 * cell, the board aggregates with small groups hidden (the route's policy has decided that the
 * reader is one of them). The promise in force when a message arrived set its due time, so each
 * is measured against the principle of its day.
 */
export async function readPrincipleFigures(
  ctx: SignedInContext,
  schoolId: string,
  query: TFiguresQuery,
): Promise<TPrincipleFigures> {
  const now = ctx.clock.now();
  const year = schoolYear(query.schoolYear ?? schoolYearOf(localDate(now)));
  const from = startOf(year.from);
  const to = startOf(year.to);
  const board = !maySeeSchoolDetails(await ctx.membership(schoolId));
  const [
    rows,
    classes,
    calendar,
    promisedWorkingDays,
    open,
    urgentMessages,
    invitationRows,
    adopted,
    heldRows,
    agreementRows,
    history,
    homeRows,
    readRows,
    conferenceEventRows,
    testResultRows,
    concernRows,
    parentMeetingRows,
    eventRows,
  ] = await Promise.all([
    findReplyPromiseFacts(ctx.db, schoolId, from, to),
    findClassesForFigures(ctx.db, schoolId),
    loadSchoolCalendar(ctx.db, schoolId),
    findReplyWithinWorkingDays(ctx.db, schoolId),
    countOpenPromises(ctx.db, schoolId, now),
    countUrgentMessages(ctx.db, schoolId, from, to),
    findInvitationFacts(ctx.db, schoolId),
    findAdoptedPrinciple(ctx.db, schoolId),
    findConferenceHeldFacts(ctx.db, schoolId, year.from, year.to),
    findAgreementFacts(ctx.db, schoolId),
    findAdoptedHistory(ctx.db, schoolId),
    findHomeRows(ctx.db, schoolId),
    findGuardianReads(ctx.db, schoolId, from, to),
    findHouseholdConferenceEvents(ctx.db, schoolId, from, to),
    findTestResultFacts(ctx.db, schoolId),
    findConcernFacts(ctx.db, schoolId),
    findParentMeetingFacts(ctx.db, schoolId, year.from, year.to),
    findEventFacts(ctx.db, schoolId, year.from, year.to),
  ]);
  const today = localDate(now);
  // Each invitation against the lead time in force the day it went out; the year's number of
  // conferences against the version in force on its last day (today, while the year runs).
  const inForce = (day: string) => versionInForceOn(history, day)?.principle ?? null;
  // Class letters on cadence (issue 12): each class's periods by the cadence in force on their first day.
  const letterMoments = await findPublishedLetterMoments(ctx.db, schoolId, from, to);
  const letterPeriods = classLetterPeriods(
    classes.map((c) => ({
      id: c.id,
      grade: c.grade,
      publishedOn: letterMoments.filter((l) => l.class_id === c.id).map((l) => localDate(l.published_at)),
    })),
    {
      from: year.from,
      to: year.to,
      today,
      cadenceOn: (grade, day) => {
        const principle = inForce(day);
        return principle ? classUpdateCadenceFor(principle, grade) : null;
      },
      isSchoolDay: (date) => isWorkingDay(date, calendar),
    },
  );
  const invitationLeadDays = adopted?.principle.conferences.invitationLeadDays ?? null;
  const invitations = invitationRows.flatMap((row) => {
    const meetingDay = row.booked_on ?? row.first_day;
    const sentOn = localDate(row.created_at);
    return meetingDay
      ? [
          {
            sentOn,
            meetingDay,
            about: row.student_id,
            classId: row.class_id,
            reached: row.reached,
            leadDays: inForce(sentOn)?.conferences.invitationLeadDays ?? null,
          },
        ]
      : [];
  });
  const thisYear = invitations.filter((i) => i.meetingDay >= year.from && i.meetingDay < year.to);
  const notReached = thisYear.filter((i) => !i.reached);
  const facts = rows.map(toFact);
  const period = { from, to };
  const yearPrinciple = inForce(today < year.to ? today : shiftDate(year.to, -1));
  const perYear = yearPrinciple?.conferences.perYear ?? null;
  const target: ConferenceTarget | null = yearPrinciple
    ? { regular: regularConferenceRounds(yearPrinciple), needsBased: yearPrinciple.conferences.needsBasedRounds }
    : null;
  // One fact per student in a round: the afternoons of their rounds, the needs-based rounds they
  // were invited to, and the rounds held, by day.
  const students = new Map<
    string,
    {
      studentId: string;
      classId: string | null;
      roundDays: string[];
      needsBased: Set<string>;
      held: Array<{ round: string; day: string }>;
    }
  >();
  for (const row of heldRows.inRounds) {
    const fact = students.get(row.student_id) ?? {
      studentId: row.student_id,
      classId: row.class_id,
      roundDays: [],
      needsBased: new Set<string>(),
      held: [],
    };
    fact.roundDays.push(row.date);
    if (row.needs_based) fact.needsBased.add(row.round_id);
    students.set(row.student_id, fact);
  }
  for (const row of heldRows.held) students.get(row.student_id)?.held.push({ round: row.round_id, day: row.held_on });
  const agreements = agreementRows.map((row) => ({
    studentId: row.student_id,
    classId: row.class_id,
    dueOn: row.due_on,
    doneOn: row.done_on,
  }));
  const reads = new Map<string, Date[]>();
  for (const row of readRows) reads.set(row.person_id, [...(reads.get(row.person_id) ?? []), row.read_at]);
  const conferenceEvents = new Map<string, Date[]>();
  for (const row of conferenceEventRows)
    conferenceEvents.set(row.household, [...(conferenceEvents.get(row.household) ?? []), row.at]);
  const homes = householdFacts(
    homeRows.map((row) => ({
      household: row.household,
      personId: row.person_id,
      studentId: row.student_id,
      classId: row.class_id,
      language: row.language,
    })),
    reads,
    conferenceEvents,
  );
  const equityGroups: Array<[TEquityGroup, (f: HouseholdFact) => boolean]> = [
    ['danish', (f) => f.language === 'da'],
    ['otherLanguage', (f) => f.language === 'other'],
    ['oneHome', (f) => !f.twoHomes],
    ['twoHomes', (f) => f.twoHomes],
  ];
  // Each test result against the working days of the principle in force the day it was recorded.
  const testResultWorkingDays = (day: string) => inForce(day)?.conferences.testResultsInWritingWorkingDays ?? 10;
  const testResults = testResultRows.map((row): TestResultFact & { classId: string } => ({
    about: row.student_id,
    classId: row.class_id,
    takenOn: row.taken_on,
    recordedOn: localDate(row.recorded_at),
    sentOn: row.sent_at ? localDate(row.sent_at) : null,
    workingDays: testResultWorkingDays(localDate(row.recorded_at)),
  }));
  const agreementsNow = agreementsFollowedUp(agreements, year.from, year.to, today);
  const plans = planFacts(await findPlanFacts(ctx.db, schoolId), inForce);
  // Each concern against the early-dialogue rule of the principle in force the day it was registered.
  const concerns: Array<ConcernFact & { classId: string; closed: boolean }> = concernRows.concerns.map((row) => {
    const rules = inForce(row.registered_on)?.earlyDialogue ?? null;
    return {
      about: row.student_id,
      classId: row.class_id,
      closed: row.closed,
      dueOn: contactDueOn(row.registered_on, rules, calendar),
      channels: rules?.channels ?? [],
      contacts: concernRows.contacts
        .filter((k) => k.concern_id === row.id)
        .map((k) => ({ on: k.contacted_on, channel: k.channel })),
    };
  });
  // Every class counts for the principle's number of parent meetings, with or without a meeting.
  const meetingsPerYear = yearPrinciple?.parentMeetings?.perYear ?? null;
  const classMeetings = classes.map((c) => ({
    classId: c.id,
    meetings: parentMeetingRows
      .filter((r) => r.class_id === c.id)
      .map((r) => ({ date: r.date, held: r.held, invited: r.invited, represented: r.represented })),
  }));
  const overdueConcerns = concerns.filter(
    (c) =>
      concernState({ dueOn: c.dueOn, firstContactOn: c.contacts[0]?.on ?? null, closed: c.closed }, today) ===
      'overdue',
  ).length;
  const keptCell = ({ counted, kept, share }: KeptShare) => ({ counted, kept, share });
  return {
    schoolYear: { startYear: year.startYear, from: year.from, to: year.to },
    audience: board ? 'board' : 'leadership',
    messages: {
      promisedWorkingDays,
      repliesWithinPromise: breakdown(
        facts,
        year.months,
        classes,
        period,
        (of, start, end) => keptWithinPromise(of, start, end, now),
        ({ counted, kept, share }) => ({ counted, kept, share }),
        board,
      ),
      timeToAnswer: breakdown(
        facts,
        year.months,
        classes,
        period,
        (of, start, end) => timeToAnswer(of, start, end, calendar satisfies SchoolCalendar),
        ({ answered, medianWorkingHours }) => ({ answered, medianWorkingHours }),
        board,
      ),
      openPromises: open.open,
      brokenPromises: open.broken,
      urgentMessages,
    },
    conferences: {
      invitationLeadDays,
      invitationsInGoodTime: breakdown(
        invitations,
        year.months,
        classes,
        period,
        (of, start, end) => invitationsInGoodTime(of, localDate(start), localDate(end), today),
        ({ counted, kept, share }) => ({ counted, kept, share }),
        board,
      ),
      householdsNotReached: board ? suppressSmall(notReached.length, notReached.length) : notReached.length,
      perYear,
      // The year's cells against the principle's number; a month's, the students of its afternoons held in it.
      conferencesHeld: breakdown(
        [...students.values()],
        year.months,
        classes,
        period,
        (of, start, end) => {
          const [first, last] = [localDate(start), localDate(end)];
          const whole = start.getTime() === from.getTime() && end.getTime() === to.getTime();
          const inPeriod = (day: string) => day >= first && day < last;
          return conferencesHeld(
            of
              .filter((f) => f.roundDays.some(inPeriod))
              .map((f) => ({
                studentId: f.studentId,
                heldRounds: f.held.filter((h) => inPeriod(h.day)).map((h) => h.round),
                needsBasedRounds: [...f.needsBased],
              })),
            whole ? target : { regular: 1, needsBased: 0 },
          );
        },
        keptCell,
        board,
      ),
      agreementsFollowedUp: breakdown(
        agreements,
        year.months,
        classes,
        period,
        (of, start, end) => agreementsFollowedUp(of, localDate(start), localDate(end), today),
        keptCell,
        board,
      ),
      openAgreements: board ? suppressSmall(agreementsNow.open, agreementsNow.open) : agreementsNow.open,
      overdueAgreements: board ? suppressSmall(agreementsNow.overdue, agreementsNow.overdue) : agreementsNow.overdue,
      plansLeadDays: adopted?.principle.conferences.studentPlan?.leadDays ?? null,
      plansInGoodTime: breakdown(
        plans,
        year.months,
        classes,
        period,
        (of, start, end) => plansInGoodTime(of, localDate(start), localDate(end), today),
        keptCell,
        board,
      ),
    },
    homes: {
      householdsReached: breakdown(
        homes,
        year.months,
        classes,
        period,
        (of, start, end) => householdsReached(of, start, end),
        keptCell,
        board,
      ),
      equity: equityGroups.map(([group, belongs]) => {
        const counted = householdsReached(homes.filter(belongs), from, to);
        return { group, cell: board ? suppressSmall(keptCell(counted), counted.people) : keptCell(counted) };
      }),
    },
    testResults: {
      workingDays: testResultWorkingDays(today),
      inWriting: breakdown(
        testResults,
        year.months,
        classes,
        period,
        (of, start, end) => testResultsInWriting(of, localDate(start), localDate(end), today, calendar),
        keptCell,
        board,
      ),
      timeToTell: breakdown(
        testResults,
        year.months,
        classes,
        period,
        (of, start, end) => timeToTell(of, localDate(start), localDate(end), calendar),
        ({ told, medianWorkingDays }) => ({ told, medianWorkingDays }),
        board,
      ),
    },
    concerns: {
      contactWithinWorkingDays: yearPrinciple?.earlyDialogue?.contactWithinWorkingDays ?? null,
      metEarly: breakdown(
        concerns,
        year.months,
        classes,
        period,
        (of, start, end) => concernsMetEarly(of, localDate(start), localDate(end), today),
        keptCell,
        board,
      ),
      overdue: board ? suppressSmall(overdueConcerns, overdueConcerns) : overdueConcerns,
    },
    parentMeetings: {
      perYear: meetingsPerYear,
      held: breakdown(
        classMeetings,
        year.months,
        classes,
        period,
        (of, start, end) => {
          const whole = start.getTime() === from.getTime() && end.getTime() === to.getTime();
          return parentMeetingsHeld(of, localDate(start), localDate(end), today, whole ? meetingsPerYear : null);
        },
        keptCell,
        board,
      ),
      attendance: breakdown(
        classMeetings,
        year.months,
        classes,
        period,
        (of, start, end) => parentMeetingAttendance(of, localDate(start), localDate(end)),
        keptCell,
        board,
      ),
    },
    classLetters: {
      onCadence: breakdown(
        letterPeriods,
        year.months,
        classes,
        period,
        (of, start, end) => lettersOnCadence(of, localDate(start), localDate(end)),
        keptCell,
        board,
      ),
    },
    events: eventFigures(eventRows, classes, year, today, board),
  };
}

/** "Events held" for the school, its own events and (for the leadership) each class. */
function eventFigures(
  rows: Awaited<ReturnType<typeof findEventFacts>>,
  classes: ReadonlyArray<{ id: string; grade: number; letter: string }>,
  year: { from: string; to: string },
  today: string,
  board: boolean,
) {
  const facts: EventFact[] = rows.map((r) => ({
    classId: r.class_id,
    date: r.date,
    wellBeing: r.well_being,
    cancelled: r.cancelled,
    households: r.households,
  }));
  const cell = (of: readonly EventFact[]) => {
    const counted = eventsHeld(of, year.from, year.to, today);
    return board ? eventsHeldForBoard(counted) : counted;
  };
  return {
    school: cell(facts),
    schoolWide: cell(facts.filter((f) => f.classId === null)),
    classes: board
      ? []
      : classes.map((c) => ({
          classId: c.id,
          name: className(c.grade, c.letter),
          cell: cell(facts.filter((f) => f.classId === c.id)),
        })),
  };
}
