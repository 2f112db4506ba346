import loadHighs from 'highs';
import { formatClockTime, parseClockTime } from '../../src/domain/conference-scheduling/clock.js';
import type {
  TConferenceInstance,
  TConferenceSchedule,
} from '../../src/domain/conference-scheduling/instance.schema.js';

/**
 * An exact reference for small rounds: a time-indexed mixed-integer model solved by HiGHS, one
 * stage per measure, each stage keeping the optimum of the ones before (lexicographic):
 *   1. most meetings placed, 2. fewest household days, 3. least household waiting,
 *   4. least staff time between first and last meeting that is not in meetings.
 * Stages 1–3 are the spec's measures 2–4 exactly (walking is counted once per extra room a
 * household visits on a day, which is exact when its meetings in one room follow each other).
 * Stage 4 counts required breaks as idle (so it is not measure 5 exactly); the stage-4 schedule
 * is measured with the spec's measure like every other schedule.
 * Hard rules modelled: availability, no overlap, interpreters by language, walking time between
 * rooms, and the break rule (a run of meetings longer than maxConsecutiveMinutes needs a gap of
 * breakMinutes inside it). Times must lie on the 5-minute grid (the generator's do).
 */

export interface ExactStage {
  name: string;
  status: string;
  value: number;
  seconds: number;
}

export interface ExactResult {
  stages: ExactStage[];
  schedule: TConferenceSchedule | null;
  variables: number;
  constraints: number;
}

interface Variable {
  name: string;
  meeting: number;
  day: number;
  start: number;
  end: number;
  interpreter: number;
}

const SLOT = 5;

export async function solveExactly(instance: TConferenceInstance, secondsPerStage: number): Promise<ExactResult> {
  const highs = await loadHighs();
  const days = instance.days;
  const transfer = instance.transferMinutes;
  const staffIndex = new Map(instance.staff.map((member, index) => [member.id, index]));
  const householdIndex = new Map(instance.households.map((household, index) => [household.id, index]));
  const windows = (available: readonly { date: string; from: string; to: string }[], day: number) =>
    available
      .filter((window) => window.date === days[day])
      .map((window) => [parseClockTime(window.from), parseClockTime(window.to)] as const);
  const inside = (spans: readonly (readonly [number, number])[], start: number, end: number) =>
    spans.some(([from, to]) => from <= start && end <= to);

  // People: staff s → "s<s>", interpreters → "i<i>", households → "h<h>".
  const variables: Variable[] = [];
  const byPersonDay = new Map<string, Variable[]>();
  const personDay = (person: string, day: number) => `${person}_${day}`;
  const attend = (person: string, variable: Variable) => {
    const key = personDay(person, variable.day);
    byPersonDay.set(key, [...(byPersonDay.get(key) ?? []), variable]);
  };
  const rooms: (string | null)[] = [];
  const peopleOf = new Map<Variable, string[]>();

  instance.meetings.forEach((meeting, m) => {
    const household = householdIndex.get(meeting.household) as number;
    const householdData = instance.households[household]!;
    const staff = meeting.staff.map((id) => staffIndex.get(id) as number);
    rooms[m] = meeting.format === 'in-person' ? (instance.staff[staff[0]!]?.room ?? null) : null;
    if (staff.some((s) => (instance.staff[s]?.maxConsecutiveMinutes ?? Infinity) < meeting.minutes)) return;
    const interpreters = householdData.needsInterpreter
      ? instance.interpreters.flatMap((interpreter, i) =>
          interpreter.languages.includes(householdData.language ?? '') ? [i] : [],
        )
      : [-1];
    for (let day = 0; day < days.length; day++) {
      const householdWindows = windows(householdData.available, day);
      const staffWindows = staff.map((s) => windows(instance.staff[s]!.available, day));
      for (const [from, to] of householdWindows) {
        for (let start = Math.ceil(from / SLOT) * SLOT; start + meeting.minutes <= to; start += SLOT) {
          const end = start + meeting.minutes;
          if (!staffWindows.every((spans) => inside(spans, start, end))) continue;
          for (const interpreter of interpreters) {
            if (interpreter >= 0 && !inside(windows(instance.interpreters[interpreter]!.available, day), start, end))
              continue;
            const variable: Variable = { name: `x${variables.length}`, meeting: m, day, start, end, interpreter };
            variables.push(variable);
            const people = [
              `h${household}`,
              ...staff.map((s) => `s${s}`),
              ...(interpreter >= 0 ? [`i${interpreter}`] : []),
            ];
            peopleOf.set(variable, people);
            for (const person of people) attend(person, variable);
          }
        }
      }
    }
  });

  const rows: string[] = [];
  const objectiveTerms = { days: [] as string[], waiting: [] as string[], staff: [] as string[] };
  const extraColumns: { name: string; lower: number; upper: number; binary: boolean }[] = [];
  const sum = (terms: string[]) => {
    const lines: string[] = [];
    for (let i = 0; i < terms.length; i += 12) lines.push(terms.slice(i, i + 12).join(' '));
    return lines.join('\n   ');
  };
  const row = (terms: string[], sense: string, rhs: number) => {
    const cleaned = terms.map((term, index) => (index === 0 && term.startsWith('+ ') ? term.slice(2) : term));
    rows.push(` r${rows.length}: ${sum(cleaned)} ${sense} ${rhs}`);
  };

  const byMeeting = new Map<number, Variable[]>();
  for (const variable of variables)
    byMeeting.set(variable.meeting, [...(byMeeting.get(variable.meeting) ?? []), variable]);
  for (const list of byMeeting.values())
    if (list.length > 1)
      row(
        list.map((v) => `+ ${v.name}`),
        '<=',
        1,
      );

  for (const [key, list] of byPersonDay) {
    const person = key.split('_')[0] as string;
    const coverage = new Map<number, Variable[]>();
    for (const variable of list) {
      for (let slot = variable.start / SLOT; slot < variable.end / SLOT; slot++)
        coverage.set(slot, [...(coverage.get(slot) ?? []), variable]);
    }
    for (const covering of coverage.values()) {
      if (new Set(covering.map((v) => v.meeting)).size > 1)
        row(
          covering.map((v) => `+ ${v.name}`),
          '<=',
          1,
        );
    }
    if (transfer > 0) {
      for (const a of list) {
        const roomA = rooms[a.meeting];
        if (!roomA) continue;
        const conflicting = list.filter(
          (b) =>
            b.meeting > a.meeting &&
            rooms[b.meeting] &&
            rooms[b.meeting] !== roomA &&
            b.start < a.end + transfer &&
            a.start < b.end + transfer &&
            !(b.start < a.end && a.start < b.end),
        );
        // One row per other meeting: its start options exclude each other, so together with `a` they sum to at most 1.
        const perMeeting = new Map<number, Variable[]>();
        for (const b of conflicting) perMeeting.set(b.meeting, [...(perMeeting.get(b.meeting) ?? []), b]);
        for (const group of perMeeting.values()) row([`+ ${a.name}`, ...group.map((b) => `+ ${b.name}`)], '<=', 1);
      }
    }
    if (person.startsWith('s') && coverage.size > 0) {
      const member = instance.staff[Number(person.slice(1))]!;
      const slots = [...coverage.keys()].sort((a, b) => a - b);
      const first = slots[0]!;
      const last = slots[slots.length - 1]!;
      const busy = (slot: number) => `b_${key}_${slot}`;
      for (let slot = first; slot <= last; slot++) {
        extraColumns.push({ name: busy(slot), lower: 0, upper: 1, binary: false });
        row([...(coverage.get(slot) ?? []).map((v) => `+ ${v.name}`), `- ${busy(slot)}`], '=', 0);
      }
      const limit = member.maxConsecutiveMinutes;
      const pause = member.breakMinutes ?? 0;
      if (limit !== undefined && pause > 0) {
        const pauseSlots = Math.ceil(pause / SLOT);
        const rest = (slot: number) => `q_${key}_${slot}`;
        for (let slot = first; slot + pauseSlots - 1 <= last; slot++) {
          extraColumns.push({ name: rest(slot), lower: 0, upper: 1, binary: true });
          const terms = [`+ ${pauseSlots} ${rest(slot)}`];
          for (let k = slot; k < slot + pauseSlots; k++) terms.push(`+ ${busy(k)}`);
          row(terms, '<=', pauseSlots);
        }
        const limitSlots = limit / SLOT;
        for (let from = first; from <= last; from++) {
          for (let to = from + limitSlots; to <= last; to++) {
            const rests: string[] = [];
            for (let slot = from + 1; slot + pauseSlots - 1 < to; slot++) rests.push(`- ${rest(slot)}`);
            row([`+ ${busy(from)}`, `+ ${busy(to)}`, ...rests], '<=', 1);
          }
        }
      }
      if (new Set(list.map((v) => v.meeting)).size > 1) {
        // Slot s lies inside the day's span when some meeting is at or before it (a) and some at or after it (z).
        const [started, pending, inside] = [
          (u: number) => `a_${key}_${u}`,
          (u: number) => `e_${key}_${u}`,
          (u: number) => `n_${key}_${u}`,
        ];
        for (let slot = first; slot <= last; slot++) {
          extraColumns.push(
            { name: started(slot), lower: 0, upper: 1, binary: false },
            { name: pending(slot), lower: 0, upper: 1, binary: false },
            { name: inside(slot), lower: 0, upper: 1, binary: false },
          );
          row([`+ ${started(slot)}`, `- ${busy(slot)}`], '>=', 0);
          row([`+ ${pending(slot)}`, `- ${busy(slot)}`], '>=', 0);
          if (slot > first) row([`+ ${started(slot)}`, `- ${started(slot - 1)}`], '>=', 0);
          if (slot < last) row([`+ ${pending(slot)}`, `- ${pending(slot + 1)}`], '>=', 0);
          row([`+ ${inside(slot)}`, `- ${started(slot)}`, `- ${pending(slot)}`], '>=', -1);
          objectiveTerms.staff.push(`+ ${SLOT} ${inside(slot)}`, `- ${SLOT} ${busy(slot)}`);
        }
      }
    }
  }

  // Household days, spans and rooms.
  const BIG = 24 * 60;
  instance.households.forEach((_, h) => {
    const daysUsed: string[] = [];
    for (let day = 0; day < days.length; day++) {
      const list = byPersonDay.get(personDay(`h${h}`, day)) ?? [];
      if (list.length === 0) continue;
      const used = `y_h${h}_${day}`;
      extraColumns.push({ name: used, lower: 0, upper: 1, binary: false });
      daysUsed.push(used);
      // Per meeting rather than per start: the stronger form lets the LP bound see whole meetings.
      const perMeeting = new Map<number, Variable[]>();
      for (const variable of list)
        perMeeting.set(variable.meeting, [...(perMeeting.get(variable.meeting) ?? []), variable]);
      for (const group of perMeeting.values()) row([`+ ${used}`, ...group.map((v) => `- ${v.name}`)], '>=', 0);
      if (new Set(list.map((v) => v.meeting)).size < 2) continue;
      const [first, last, span] = [`F_h${h}_${day}`, `L_h${h}_${day}`, `S_h${h}_${day}`];
      extraColumns.push(
        { name: first, lower: 0, upper: BIG, binary: false },
        { name: last, lower: 0, upper: BIG, binary: false },
      );
      extraColumns.push({ name: span, lower: 0, upper: BIG, binary: false });
      for (const variable of list) {
        row([`+ ${first}`, `+ ${BIG - variable.start} ${variable.name}`], '<=', BIG);
        row([`+ ${last}`, `- ${variable.end} ${variable.name}`], '>=', 0);
      }
      row([`+ ${span}`, `- ${last}`, `+ ${first}`], '>=', 0);
      // Waiting of the household on this day, never below zero: that bound is what lets HiGHS prove a zero optimal.
      const waiting = `W_h${h}_${day}`;
      extraColumns.push({ name: waiting, lower: 0, upper: BIG, binary: false });
      objectiveTerms.waiting.push(`+ ${waiting}`);
      const terms = [`+ ${waiting}`, `- ${span}`, ...list.map((v) => `+ ${v.end - v.start} ${v.name}`)];
      const roomsUsed = [...new Set(list.map((v) => rooms[v.meeting]).filter((room): room is string => room !== null))];
      if (roomsUsed.length > 1 && transfer > 0) {
        roomsUsed.forEach((room, r) => {
          const visited = `w_h${h}_${day}_${r}`;
          extraColumns.push({ name: visited, lower: 0, upper: 1, binary: false });
          row([`+ ${visited}`, ...list.filter((v) => rooms[v.meeting] === room).map((v) => `- ${v.name}`)], '<=', 0);
          terms.push(`+ ${transfer} ${visited}`);
        });
        terms.push(`- ${transfer} ${used}`);
      }
      row(terms, '>=', 0);
    }
    if (daysUsed.length > 0) {
      const any = `z_h${h}`;
      extraColumns.push({ name: any, lower: 0, upper: 1, binary: false });
      row([`+ ${any}`, ...daysUsed.map((used) => `- ${used}`)], '<=', 0);
      objectiveTerms.days.push(...daysUsed.map((used) => `+ ${used}`), `- ${any}`);
    }
  });
  const placedTerms = variables.map((v) => `+ ${v.name}`);
  const stages: ExactStage[] = [];
  const fixed: string[] = [];
  let solution: Record<string, { Primal?: number }> | null = null;
  const plan: { name: string; sense: 'Maximize' | 'Minimize'; terms: string[] }[] = [
    { name: 'placed', sense: 'Maximize', terms: placedTerms },
    { name: 'household days', sense: 'Minimize', terms: objectiveTerms.days },
    { name: 'household waiting', sense: 'Minimize', terms: objectiveTerms.waiting },
    { name: 'staff span idle', sense: 'Minimize', terms: objectiveTerms.staff },
  ];
  for (const stage of plan) {
    const started = performance.now();
    const objective = stage.terms.length > 0 ? stage.terms : ['+ 0 x0'];
    const model = [
      stage.sense,
      ` obj: ${sum(objective.map((term, index) => (index === 0 && term.startsWith('+ ') ? term.slice(2) : term)))}`,
      'Subject To',
      ...rows,
      ...fixed,
      'Bounds',
      ...extraColumns
        .filter((column) => !column.binary)
        .map((column) => ` ${column.lower} <= ${column.name} <= ${column.upper}`),
      'Binary',
      ...chunk([
        ...variables.map((v) => v.name),
        ...extraColumns.filter((column) => column.binary).map((column) => column.name),
      ]),
      'End',
    ].join('\n');
    const result = highs.solve(model, { output_flag: false, time_limit: secondsPerStage, mip_rel_gap: 0 });
    const seconds = (performance.now() - started) / 1000;
    const hasSolution =
      result.Status === 'Optimal' || (result.Status === 'Time limit reached' && Number.isFinite(result.ObjectiveValue));
    stages.push({
      name: stage.name,
      status: result.Status,
      value: hasSolution ? Math.round(result.ObjectiveValue) : Number.NaN,
      seconds,
    });
    if (!hasSolution) break;
    solution = result.Columns as Record<string, { Primal?: number }>;
    const bound = Math.round(result.ObjectiveValue);
    fixed.push(
      ` f${fixed.length}: ${sum(objective.map((term, index) => (index === 0 && term.startsWith('+ ') ? term.slice(2) : term)))} ${stage.sense === 'Maximize' ? '>=' : '<='} ${bound}`,
    );
    if (result.Status !== 'Optimal') break;
  }

  const schedule: TConferenceSchedule | null = solution
    ? {
        assignments: variables
          .filter((v) => (solution?.[v.name]?.Primal ?? 0) > 0.5)
          .map((v) => ({
            meeting: instance.meetings[v.meeting]!.id,
            date: days[v.day]!,
            start: formatClockTime(v.start),
            ...(v.interpreter >= 0 ? { interpreter: instance.interpreters[v.interpreter]!.id } : {}),
          })),
        unscheduled: [],
      }
    : null;
  if (schedule) {
    const placed = new Set(schedule.assignments.map((assignment) => assignment.meeting));
    schedule.unscheduled = instance.meetings
      .filter((meeting) => !placed.has(meeting.id))
      .map((meeting) => ({ meeting: meeting.id, reason: 'not placed in the exact model' }));
  }
  return { stages, schedule, variables: variables.length + extraColumns.length, constraints: rows.length };
}

function chunk(names: string[]): string[] {
  const lines: string[] = [];
  for (let i = 0; i < names.length; i += 20) lines.push(` ${names.slice(i, i + 20).join(' ')}`);
  return lines;
}
