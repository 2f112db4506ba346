import { GRID_MINUTES, formatClockTime, roundUpToGrid, type Language } from './clock.js';
import type { TConferenceInstance, TConferenceSchedule } from './instance.schema.js';
import { buildModel, householdEntity, intersectIntervals, type ConferenceModel, type Interval } from './model.js';
import { createRandom, type Random } from '../random.js';
import { compareObjectives, ScheduleState, type Objective, type Placement } from './schedule-state.js';
import { explainUnscheduled, type UnscheduledReason } from './unscheduled-reasons.js';

/**
 * The conference scheduler. A constructive phase books each household's meetings as one block
 * on one day (hardest households first), then a large neighbourhood search removes groups of
 * related households and books them again in a shuffled order, keeping a change when the measure
 * (placed, household days, household waiting, staff idle, interpreter idle — in that order) is no
 * worse than late-acceptance allows. It never reads the clock: the caller says when to stop.
 */

export interface ScheduleOptions {
  /** Same seed, same instance and same number of iterations give the same schedule. */
  seed?: number;
  /** Asked between improvement iterations; return true to stop and take the best schedule so far. */
  shouldStop?: () => boolean;
  /** Upper bound on improvement iterations (0 = constructive phase only). */
  maxIterations?: number;
  /** Stop after this many iterations without a better schedule; defaults to a size-dependent value. */
  stagnationIterations?: number;
  /** Language of `reason` in the returned schedule; both are in `reasons`. */
  language?: Language;
  /** Told of every better schedule found (iteration 0 is the constructed one), e.g. to time progress. */
  onImprovement?: (objective: Objective, iteration: number) => void;
}

export interface ScheduleResult {
  schedule: TConferenceSchedule;
  /** The solver's own measure of the returned schedule. */
  objective: Objective;
  constructionObjective: Objective;
  iterations: number;
  /** Improvement iteration at which the returned schedule was found. */
  bestIteration: number;
  /** Meetings that cannot be placed even in an empty timetable. */
  unplaceableAlone: number;
  reasons: { meeting: string; reason: UnscheduledReason }[];
}

export function scheduleConferences(instance: TConferenceInstance, options: ScheduleOptions = {}): ScheduleResult {
  const model = buildModel(instance);
  const solver = new ConferenceSolver(model, options.seed ?? 1);
  const constructionObjective = solver.construct();
  options.onImprovement?.(constructionObjective, 0);
  const stagnation = options.stagnationIterations ?? Math.max(400, 12 * model.householdCount);
  const { iterations, bestIteration } = solver.improve({
    shouldStop: options.shouldStop ?? (() => false),
    maxIterations: options.maxIterations ?? Number.POSITIVE_INFINITY,
    stagnationIterations: stagnation,
    onImprovement: options.onImprovement ?? (() => undefined),
  });
  return finish(solver, constructionObjective, iterations, bestIteration, options.language ?? 'da');
}

function finish(
  solver: ConferenceSolver,
  constructionObjective: Objective,
  iterations: number,
  bestIteration: number,
  language: Language,
): ScheduleResult {
  const { state, model } = solver;
  const reasons = model.meetings
    .filter((meeting) => !state.isPlaced(meeting.index))
    .map((meeting) => ({ meeting: meeting.id, reason: explainUnscheduled(state, meeting.index) }));
  return {
    schedule: writeSchedule(state, reasons, language),
    objective: state.objective(),
    constructionObjective,
    iterations,
    bestIteration,
    unplaceableAlone: solver.unplaceableCount,
    reasons,
  };
}

/**
 * The scheduler in steps, for searching on several threads (`schedule-in-parallel.ts`): one
 * constructed timetable, then rounds of improvement that each start from a given timetable
 * with a seed of their own. Same instance, seeds and iteration limits give the same timetables.
 */
export class SchedulerSession {
  readonly constructionObjective: Objective;
  readonly stagnationIterations: number;
  private readonly solver: ConferenceSolver;

  constructor(instance: TConferenceInstance, seed: number) {
    const model = buildModel(instance);
    this.solver = new ConferenceSolver(model, seed);
    this.constructionObjective = this.solver.construct();
    this.stagnationIterations = Math.max(400, 12 * model.householdCount);
  }

  placements(): Placement[] {
    return this.solver.snapshot();
  }

  objective(): Objective {
    return this.solver.state.objective();
  }

  atLowerBound(): boolean {
    return this.solver.atLowerBound(this.objective());
  }

  /** Improves from `from` for at most `maxIterations` with a fresh random source; leaves the best timetable found. */
  improve(
    from: readonly Placement[],
    seed: number,
    maxIterations: number,
    shouldStop: () => boolean,
  ): { objective: Objective; iterations: number } {
    this.solver.restore(from);
    this.solver.reseed(seed);
    const { iterations } = this.solver.improve({
      shouldStop,
      maxIterations,
      stagnationIterations: Number.POSITIVE_INFINITY,
      onImprovement: () => undefined,
    });
    return { objective: this.objective(), iterations };
  }

  result(from: readonly Placement[], iterations: number, bestIteration: number, language: Language): ScheduleResult {
    this.solver.restore(from);
    return finish(this.solver, this.constructionObjective, iterations, bestIteration, language);
  }
}

function writeSchedule(
  state: ScheduleState,
  reasons: { meeting: string; reason: UnscheduledReason }[],
  language: Language,
): TConferenceSchedule {
  const { model } = state;
  const placed = model.meetings
    .filter((meeting) => state.isPlaced(meeting.index))
    .map((meeting) => state.placementOf(meeting.index) as Placement)
    .sort((a, b) => a.day - b.day || a.start - b.start || a.meeting - b.meeting);
  return {
    assignments: placed.map((placement) => {
      const interpreter = placement.interpreter >= 0 ? model.entities[placement.interpreter]?.id : undefined;
      return {
        meeting: model.meetings[placement.meeting]?.id ?? '',
        date: model.days[placement.day] ?? '',
        start: formatClockTime(placement.start),
        ...(interpreter ? { interpreter } : {}),
      };
    }),
    unscheduled: reasons.map(({ meeting, reason }) => ({ meeting, reason: reason[language] })),
  };
}

/** How hard a household is to place: fewer feasible blocks, an interpreter and more meetings make it harder. */
interface HouseholdDifficulty {
  household: number;
  key: number;
}

/**
 * Late acceptance: a change is also kept when it is no worse than the schedule this many
 * iterations ago, which lets the search leave a local optimum without accepting much worse.
 */
const LATE_ACCEPTANCE_LENGTH = 30;
const GRID = GRID_MINUTES;
/**
 * Orders of a household's meetings the search tries when it books the household again, drawn at
 * random from all of them (24 for four meetings). Most of a search's time went into trying every
 * order of the three- and four-child households; four drawn anew each time place more meetings
 * within the same CPU time (bench/README.md, "Hard rounds"). The constructive phase tries them all.
 */
const ORDERS_PER_REPAIR = 4;
/**
 * After this many iterations without a better timetable, the search goes back to the best one
 * (and forgets the late-acceptance history), as each round of the parallel search does. Without
 * it a search that found its best early could wander off for the rest of the budget and never
 * get to close that timetable's waiting; with it, on the hard rounds at 3 s of CPU, 13 of 18
 * runs ended with no household waiting against 6 (bench/README.md, "Hard rounds").
 */
const RESTART_ITERATIONS = 300;

class ConferenceSolver {
  readonly state: ScheduleState;
  readonly model: ConferenceModel;
  readonly placeable: boolean[];
  readonly unplaceableCount: number;
  /** Per household, the fewest days its meetings that fit alone can be spread over. */
  private readonly fewestDays: number[];
  private random: Random;
  private readonly difficulty: number[];
  private readonly householdOrder: number[];
  private readonly startsCache = new Map<number, number[]>();
  private readonly householdBase: number;
  /** The households with a placeable meeting left out, as `troubledHouseholds` last found them. */
  private lastUnplacedHouseholds: number[] = [];

  constructor(model: ConferenceModel, seed: number) {
    this.model = model;
    this.householdBase = householdEntity(model, 0);
    this.state = new ScheduleState(model);
    this.random = createRandom(seed);
    const placeableDays = model.meetings.map((meeting) => this.placeableDays(meeting.index));
    this.placeable = placeableDays.map((days) => days.length > 0);
    this.unplaceableCount = this.placeable.filter((ok) => !ok).length;
    this.fewestDays = model.householdMeetings.map((meetings) =>
      fewestDays(meetings.map((meeting) => placeableDays[meeting] ?? [])),
    );
    const difficulties = model.householdMeetings.map((_, household) => this.measureDifficulty(household));
    this.difficulty = difficulties.map((entry) => entry.key);
    this.householdOrder = [...difficulties]
      .sort((a, b) => a.key - b.key || a.household - b.household)
      .map((entry) => entry.household);
  }

  reseed(seed: number): void {
    this.random = createRandom(seed);
  }

  construct(): Objective {
    for (const household of this.householdOrder) this.placeHousehold(household, null);
    return this.state.objective();
  }

  improve(limits: {
    shouldStop: () => boolean;
    maxIterations: number;
    stagnationIterations: number;
    onImprovement: (objective: Objective, iteration: number) => void;
  }): {
    iterations: number;
    bestIteration: number;
  } {
    const { state } = this;
    let current = state.objective();
    let best = current;
    let bestPlacements = this.snapshot();
    let bestIteration = 0;
    const history: Objective[] = Array.from({ length: LATE_ACCEPTANCE_LENGTH }, () => current);
    let iteration = 0;
    let restartIteration = 0;
    while (iteration < limits.maxIterations && iteration - bestIteration < limits.stagnationIterations) {
      if (this.atLowerBound(best) || limits.shouldStop()) break;
      if (iteration - Math.max(bestIteration, restartIteration) >= RESTART_ITERATIONS) {
        restartIteration = iteration;
        if (compareObjectives(current, best) !== 0) {
          this.restore(bestPlacements);
          current = best;
          history.fill(best);
        }
      }
      iteration++;
      const { households, leadFirst: forceLead } = this.destroy();
      if (households.length === 0) break;
      const previous: Placement[] = [];
      for (const household of households) {
        for (const meeting of this.model.householdMeetings[household] ?? []) {
          if (state.isPlaced(meeting)) previous.push(state.unbook(meeting));
        }
      }
      const leadFirst = forceLead || this.random.chance(0.5);
      const order = households
        .map((household, index) => ({
          household,
          key: leadFirst && index === 0 ? -1 : (this.difficulty[household] ?? 0) * (0.6 + 0.8 * this.random.next()),
        }))
        .sort((a, b) => a.key - b.key)
        .map((entry) => entry.household);
      for (const household of order) this.placeHousehold(household, this.random);
      const candidate = state.objective();
      const slot = iteration % LATE_ACCEPTANCE_LENGTH;
      if (compareObjectives(candidate, current) <= 0 || compareObjectives(candidate, history[slot] as Objective) <= 0) {
        current = candidate;
        if (compareObjectives(current, best) < 0) {
          best = current;
          bestPlacements = this.snapshot();
          bestIteration = iteration;
          limits.onImprovement(best, iteration);
        }
      } else {
        for (const household of households) {
          for (const meeting of this.model.householdMeetings[household] ?? [])
            if (state.isPlaced(meeting)) state.unbook(meeting);
        }
        for (const placement of previous) state.book(placement);
      }
      history[slot] = current;
    }
    if (compareObjectives(state.objective(), best) !== 0) this.restore(bestPlacements);
    return { iterations: iteration, bestIteration };
  }

  atLowerBound(objective: Objective): boolean {
    return objective[0] === this.unplaceableCount && objective.slice(1).every((value) => value === 0);
  }

  snapshot(): Placement[] {
    const placements: Placement[] = [];
    for (const meeting of this.model.meetings) {
      const placement = this.state.placementOf(meeting.index);
      if (placement) placements.push(placement);
    }
    return placements;
  }

  restore(placements: readonly Placement[]): void {
    for (const meeting of this.model.meetings) if (this.state.isPlaced(meeting.index)) this.state.unbook(meeting.index);
    for (const placement of placements) this.state.book(placement);
  }

  /** The days on which the meeting fits in an empty timetable. */
  private placeableDays(meeting: number): number[] {
    const data = this.model.meetings[meeting];
    if (!data) return [];
    if (data.needsInterpreter && data.interpreterCandidates.length === 0) return [];
    const interpreters = data.needsInterpreter ? data.interpreterCandidates : [-1];
    const days: number[] = [];
    for (let day = 0; day < this.model.days.length; day++) {
      const fits = this.candidateStarts(meeting, day).some((start) =>
        interpreters.some((interpreter) => this.state.fits(meeting, day, start, interpreter)),
      );
      if (fits) days.push(day);
    }
    return days;
  }

  private measureDifficulty(household: number): HouseholdDifficulty {
    const meetings = (this.model.householdMeetings[household] ?? []).filter((meeting) => this.placeable[meeting]);
    if (meetings.length === 0) return { household, key: Number.POSITIVE_INFINITY };
    let blocks = 0;
    for (let day = 0; day < this.model.days.length; day++) {
      for (const start of this.candidateStarts(meetings[0] as number, day)) {
        // Only whole blocks count, so a chain is given up as soon as one of its meetings finds no time.
        const booked = this.bookChain(meetings, day, start, true, undefined, meetings.length);
        if (booked) {
          if (booked.length === meetings.length) blocks++;
          for (const placement of booked) this.state.unbook(placement.meeting);
        }
      }
    }
    const needsInterpreter = this.model.meetings[meetings[0] as number]?.needsInterpreter ?? false;
    const key = ((blocks + 1) * (needsInterpreter ? 0.5 : 1)) / meetings.length;
    return { household, key };
  }

  /** Grid starts where the meeting's household and staff are all free for its whole length, ignoring bookings. */
  private candidateStarts(meeting: number, day: number): number[] {
    const key = meeting * this.model.days.length + day;
    const cached = this.startsCache.get(key);
    if (cached) return cached;
    const data = this.model.meetings[meeting];
    if (!data) return [];
    let common: Interval[] = this.model.entities[householdEntity(this.model, data.household)]?.windows[day] ?? [];
    for (const staff of data.staff) common = intersectIntervals(common, this.model.entities[staff]?.windows[day] ?? []);
    const starts: number[] = [];
    for (const interval of common) {
      for (let start = roundUpToGrid(interval.start); start + data.minutes <= interval.end; start += GRID_MINUTES)
        starts.push(start);
    }
    this.startsCache.set(key, starts);
    return starts;
  }

  /**
   * Books the meetings in the given order: the first at `start`, each next one as early as it
   * fits after the previous one (back to back when possible). Returns null when the first does
   * not fit; meetings that fit nowhere later that day are left out of the chain. Returns null
   * too, with nothing booked, as soon as the chain cannot place `minimum` meetings: a chain that
   * places fewer than the best one found is worse whatever else it does.
   */
  private bookChain(
    order: readonly number[],
    day: number,
    start: number,
    strictBlock: boolean,
    free?: FreeStarts,
    minimum = 0,
  ): Placement[] | null {
    if (minimum >= order.length && strictBlock && free && order.length > 1) {
      // Two thirds of the chains tried are shorter than the best, mostly because the second
      // meeting finds no time right after the first; that is seen without booking anything.
      const second = free.get(order[1] as number)?.[day] ?? [];
      const earliest = Math.ceil((start + (this.model.meetings[order[0] as number]?.minutes ?? 0)) / GRID) * GRID;
      const at = firstAtLeast(second, earliest);
      if (at >= second.length || (second[at] as number) > earliest + this.model.transferMinutes) return null;
    }
    const booked: Placement[] = [];
    let previousEnd = start;
    let interpreter = -1;
    const household = this.model.meetings[order[0] as number]?.household ?? 0;
    const windows = this.model.entities[this.householdBase + household]?.windows[day] ?? [];
    const dayEnd = windows[windows.length - 1]?.end ?? 0;
    for (let position = 0; position < order.length; position++) {
      const meeting = order[position] as number;
      const minutes = this.model.meetings[meeting]?.minutes ?? 0;
      let placed: Placement | null = null;
      if (position === 0) {
        // A start from the free times fits as the timetable stands, which is how it stands here.
        placed = this.tryBook(meeting, day, start, interpreter, free !== undefined);
        if (!placed) return null;
      } else {
        const earliest = Math.ceil(previousEnd / GRID) * GRID;
        const latest = strictBlock ? earliest + this.model.transferMinutes : dayEnd - minutes;
        const starts = free?.get(meeting)?.[day];
        if (starts) {
          // Only the times where the meeting fitted before the chain began can fit now.
          for (let at = firstAtLeast(starts, earliest); at < starts.length && !placed; at++) {
            const time = starts[at] as number;
            if (time > latest) break;
            placed = this.tryBook(meeting, day, time, interpreter);
          }
        } else {
          for (let time = earliest; time <= latest && !placed; time += GRID)
            placed = this.tryBook(meeting, day, time, interpreter);
        }
      }
      if (placed) {
        booked.push(placed);
        previousEnd = placed.start + minutes;
        if (placed.interpreter >= 0) interpreter = placed.interpreter;
      } else if (booked.length + order.length - position - 1 < minimum) {
        for (const placement of booked) this.state.unbook(placement.meeting);
        return null;
      }
    }
    return booked;
  }

  /** Books the meeting at `start` if it fits; `known` says it is known to fit (with some interpreter, if it needs one). */
  private tryBook(
    meeting: number,
    day: number,
    start: number,
    preferredInterpreter: number,
    known = false,
  ): Placement | null {
    const data = this.model.meetings[meeting];
    if (!data) return null;
    if (!data.needsInterpreter) {
      if (!known && !this.state.fits(meeting, day, start, -1)) return null;
      const placement = { meeting, day, start, interpreter: -1 };
      this.state.book(placement);
      return placement;
    }
    const candidates =
      preferredInterpreter >= 0
        ? [preferredInterpreter, ...data.interpreterCandidates.filter((entity) => entity !== preferredInterpreter)]
        : data.interpreterCandidates;
    for (const interpreter of candidates) {
      if (this.state.fits(meeting, day, start, interpreter)) {
        const placement = { meeting, day, start, interpreter };
        this.state.book(placement);
        return placement;
      }
    }
    return null;
  }

  /**
   * Books a household's unplaced meetings: tries every day, order and start for the first
   * meeting and keeps the chain that leaves the best measure. Back-to-back chains are tried
   * first; chains with waiting only when no back-to-back chain places every meeting without
   * adding waiting. Meetings left over (no room on that day) go to another day the same way.
   */
  private placeHousehold(household: number, random: Random | null): void {
    let pending = (this.model.householdMeetings[household] ?? []).filter(
      (meeting) => this.placeable[meeting] && !this.state.isPlaced(meeting),
    );
    while (pending.length > 0) {
      const waitingBefore = this.state.objective()[2];
      const free = this.freeStarts(pending);
      let best = this.bestChain(pending, true, random, free);
      const backToBack = best && best.placements.length === pending.length && best.objective[2] === waitingBefore;
      if (!backToBack && pending.length > 1) {
        const relaxed = this.bestChain(pending, false, random, free);
        if (relaxed && (!best || compareObjectives(relaxed.objective, best.objective) < 0)) best = relaxed;
      }
      if (!best) return;
      for (const placement of best.placements) this.state.book(placement);
      const placed = new Set(best.placements.map((placement) => placement.meeting));
      pending = pending.filter((meeting) => !placed.has(meeting));
    }
  }

  private bestChain(
    pending: readonly number[],
    strictBlock: boolean,
    random: Random | null,
    free: FreeStarts,
  ): { placements: Placement[]; objective: Objective } | null {
    let best: Placement[] | null = null;
    let bestObjective: Objective | null = null;
    let ties = 0;
    let tried = orders(pending);
    if (random && tried.length > ORDERS_PER_REPAIR) tried = random.shuffle(tried).slice(0, ORDERS_PER_REPAIR);
    for (const order of tried) {
      const first = order[0] as number;
      for (let day = 0; day < this.model.days.length; day++) {
        for (const start of free.get(first)?.[day] ?? []) {
          const booked = this.bookChain(order, day, start, strictBlock, free, best?.length ?? 0);
          if (!booked) continue;
          const comparison = bestObjective ? this.state.compareTo(bestObjective) : -1;
          if (comparison < 0) {
            best = booked;
            bestObjective = this.state.objective();
            ties = 1;
          } else if (comparison === 0 && random) {
            ties++;
            if (random.int(ties) === 0) best = booked;
          }
          for (const placement of booked) this.state.unbook(placement.meeting);
        }
      }
    }
    return best && bestObjective ? { placements: best, objective: bestObjective } : null;
  }

  /**
   * The grid times at which each meeting fits now, with any of its interpreters. Booking more
   * only takes times away (every hard rule gets stricter), so a chain of the household's own
   * meetings need only try these: the same chains as trying every time, found much faster.
   */
  private freeStarts(meetings: readonly number[]): FreeStarts {
    const free: FreeStarts = new Map();
    for (const meeting of meetings) {
      const data = this.model.meetings[meeting];
      const interpreters = data?.needsInterpreter ? data.interpreterCandidates : [-1];
      const perDay: number[][] = [];
      for (let day = 0; day < this.model.days.length; day++) {
        const starts: number[] = [];
        for (const start of this.candidateStarts(meeting, day)) {
          if (interpreters.some((interpreter) => this.state.fits(meeting, day, start, interpreter))) starts.push(start);
        }
        perDay.push(starts);
      }
      free.set(meeting, perDay);
    }
    return free;
  }

  /**
   * Picks households to take out and book again: a troubled household with those competing for
   * its staff's time, a stretch of one person's day, or a random handful. The first household is
   * the one the move is about; the repair sometimes books it first.
   */
  private destroy(): { households: number[]; leadFirst: boolean } {
    const { random, model, state } = this;
    const chosen = new Set<number>();
    const operator = random.next();
    if (operator < 0.7) {
      const troubled = this.troubledHouseholds();
      if (troubled.length > 0 && random.chance(0.85)) {
        // Placed meetings come first in the measure, so households with one left out are picked more often.
        const unplaced = this.lastUnplacedHouseholds;
        const target = unplaced.length > 0 && random.chance(0.5) ? random.pick(unplaced) : random.pick(troubled);
        const households = this.makeRoom(target);
        if (households.length > 0) return { households, leadFirst: true };
      }
      const seed = troubled.length > 0 ? random.pick(troubled) : random.int(model.householdCount);
      const size = 2 + random.int(troubled.length > 0 ? 20 : 10);
      chosen.add(seed);
      for (const household of random.shuffle(this.competitors(seed))) {
        if (chosen.size >= size) break;
        chosen.add(household);
      }
    } else if (operator < 0.9) {
      const busiest = this.pickIdleEntityDay();
      if (busiest) {
        const list = state.bookingsOf(busiest.entity, busiest.day);
        const center = random.int(list.length);
        const reach = 1 + random.int(4);
        for (let j = Math.max(0, center - reach); j <= Math.min(list.length - 1, center + reach); j++) {
          const booking = list[j];
          if (booking) chosen.add(model.meetings[booking.meeting]?.household ?? 0);
        }
      }
    } else {
      const size = Math.min(model.householdCount, 2 + random.int(8));
      while (chosen.size < size) chosen.add(random.int(model.householdCount));
    }
    if (chosen.size === 0) chosen.add(random.int(model.householdCount));
    return { households: [...chosen], leadFirst: false };
  }

  /**
   * The targeted move for a troubled household (waiting, more than one day, or a meeting left
   * out): picks a day it can come and a time for its meetings as one block, and takes out every
   * household booked with its staff or its interpreters around that time, so that the household,
   * booked first, finds the block free and the others are booked again around it.
   */
  private makeRoom(household: number): number[] {
    const { model, state, random } = this;
    const meetings = (model.householdMeetings[household] ?? []).filter((meeting) => this.placeable[meeting]);
    if (meetings.length === 0) return [];
    const days: number[] = [];
    for (let day = 0; day < model.days.length; day++)
      if (meetings.every((meeting) => this.candidateStarts(meeting, day).length > 0)) days.push(day);
    if (days.length === 0) return [];
    const day = random.pick(days);
    const order = random.shuffle(meetings);
    const starts = this.candidateStarts(order[0] as number, day);
    const start = random.pick(starts);
    let length = 0;
    const people = new Set<number>();
    for (const meeting of order) {
      const data = model.meetings[meeting];
      if (!data) continue;
      length += data.minutes + model.transferMinutes;
      for (const staff of data.staff) people.add(staff);
      for (const interpreter of data.interpreterCandidates) people.add(interpreter);
    }
    const margin = 5 * random.int(7);
    const chosen = new Set<number>([household]);
    for (const person of people) {
      for (const booking of state.bookingsOf(person, day)) {
        if (booking.start < start + length + margin && start - margin < booking.end)
          chosen.add(model.meetings[booking.meeting]?.household ?? household);
      }
    }
    return [...chosen];
  }

  /**
   * Households with an unplaced meeting that could be placed, more days than their meetings
   * need, or time waiting. A household whose meetings cannot all be on one day is not troubled
   * for coming on two: no move can change that.
   */
  private troubledHouseholds(): number[] {
    const { model, state } = this;
    const troubled: number[] = [];
    this.lastUnplacedHouseholds = [];
    for (let household = 0; household < model.householdCount; household++) {
      const meetings = model.householdMeetings[household] ?? [];
      const entity = householdEntity(model, household);
      let days = 0;
      let waits = false;
      for (let day = 0; day < model.days.length; day++) {
        const list = state.bookingsOf(entity, day);
        if (list.length === 0) continue;
        days++;
        for (let j = 1; j < list.length; j++) {
          const gap = (list[j]?.start ?? 0) - (list[j - 1]?.end ?? 0);
          if (gap > model.transferMinutes || (gap > 0 && list[j]?.room === list[j - 1]?.room)) waits = true;
        }
      }
      const unplaced = meetings.some((meeting) => this.placeable[meeting] && !state.isPlaced(meeting));
      if (unplaced) this.lastUnplacedHouseholds.push(household);
      if (unplaced || days > Math.max(1, this.fewestDays[household] ?? 1) || waits) troubled.push(household);
    }
    return troubled;
  }

  /** Households booked with the same staff (or interpreters) on the days this household could come. */
  private competitors(household: number): number[] {
    const { model, state } = this;
    const entity = householdEntity(model, household);
    const people = new Set<number>();
    for (const meeting of model.householdMeetings[household] ?? []) {
      const data = model.meetings[meeting];
      if (!data) continue;
      for (const staff of data.staff) people.add(staff);
      for (const interpreter of data.interpreterCandidates) people.add(interpreter);
    }
    const related = new Set<number>();
    for (let day = 0; day < model.days.length; day++) {
      const windows = model.entities[entity]?.windows[day] ?? [];
      if (windows.length === 0) continue;
      for (const person of people) {
        for (const booking of state.bookingsOf(person, day)) {
          const overlaps = windows.some((window) => booking.start < window.end + 30 && window.start - 30 < booking.end);
          const other = model.meetings[booking.meeting]?.household ?? household;
          if (overlaps && other !== household) related.add(other);
        }
      }
    }
    return [...related];
  }

  private pickIdleEntityDay(): { entity: number; day: number } | null {
    const { model, state, random } = this;
    const candidates: { entity: number; day: number; weight: number }[] = [];
    let total = 0;
    const people = model.staffCount + model.interpreterCount;
    for (let entity = 0; entity < people; entity++) {
      for (let day = 0; day < model.days.length; day++) {
        const list = state.bookingsOf(entity, day);
        if (list.length === 0) continue;
        let busy = 0;
        for (const booking of list) busy += booking.end - booking.start;
        const weight = 5 + (list[list.length - 1]?.end ?? 0) - (list[0]?.start ?? 0) - busy;
        candidates.push({ entity, day, weight });
        total += weight;
      }
    }
    if (candidates.length === 0) return null;
    let target = random.next() * total;
    for (const candidate of candidates) {
      target -= candidate.weight;
      if (target < 0) return candidate;
    }
    return candidates[candidates.length - 1] ?? null;
  }
}

/** Per meeting and day, the sorted grid starts at which the meeting fits in the current timetable. */
type FreeStarts = Map<number, number[][]>;

/** Index of the first value at least `minimum` in a sorted list (the list's length when none is). */
function firstAtLeast(sorted: readonly number[], minimum: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < minimum) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The fewest days that hold every meeting, given the days each one can be on (meetings with none left out). */
function fewestDays(placeableDays: readonly (readonly number[])[]): number {
  const needed = placeableDays.filter((days) => days.length > 0);
  if (needed.length === 0) return 0;
  const days = [...new Set(needed.flat())];
  // 2^days subsets: fine for a round's few days; past a dozen, count one day as the old rule did.
  if (days.length > 12) return 1;
  let fewest = days.length;
  for (let mask = 1; mask < 1 << days.length; mask++) {
    const chosen = days.filter((_day, index) => mask & (1 << index));
    if (chosen.length < fewest && needed.every((options) => options.some((day) => chosen.includes(day))))
      fewest = chosen.length;
  }
  return fewest;
}

/** Orders in which a household's meetings may follow each other: all of them for up to four meetings. */
function orders(meetings: readonly number[]): number[][] {
  if (meetings.length <= 1) return [[...meetings]];
  if (meetings.length > 4) return [[...meetings], [...meetings].reverse()];
  const result: number[][] = [];
  const permute = (prefix: number[], rest: number[]) => {
    if (rest.length === 0) {
      result.push(prefix);
      return;
    }
    rest.forEach((meeting, index) =>
      permute([...prefix, meeting], [...rest.slice(0, index), ...rest.slice(index + 1)]),
    );
  };
  permute([], [...meetings]);
  return result;
}
