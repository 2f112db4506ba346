import type { ConferenceModel, ModelEntity } from './model.js';

/**
 * The solver's bookkeeping: who is booked when, whether a booking would break a hard rule, and
 * the measure of the current timetable kept up to date booking by booking. The tests do not
 * trust it: `validate-schedule.ts` and `measure-schedule.ts` recompute everything from the
 * written schedule.
 */

interface Booking {
  start: number;
  end: number;
  /** -1 for phone and video meetings, which need no room and no walking. */
  room: number;
  meeting: number;
}

/** [unplaced, household days, household waiting, staff idle, interpreter idle]: compared in that order. */
export type Objective = [number, number, number, number, number];

const SLOT_MINUTES = 5;
const SLOTS_PER_DAY = (24 * 60) / SLOT_MINUTES + 1;

export function compareObjectives(a: Objective, b: Objective): number {
  for (let i = 0; i < a.length; i++) {
    const difference = (a[i] as number) - (b[i] as number);
    if (difference !== 0) return difference;
  }
  return 0;
}

export interface Placement {
  meeting: number;
  day: number;
  start: number;
  /** Entity index of the interpreter, -1 when none. */
  interpreter: number;
}

export class ScheduleState {
  readonly model: ConferenceModel;
  readonly dayOf: Int32Array;
  readonly startOf: Int32Array;
  readonly interpreterOf: Int32Array;
  private readonly bookings: Booking[][][];
  /**
   * Per entity, one byte per 5-minute slot of each day: 1 where a meeting is booked. A quick
   * first test that rejects most candidate times before the exact checks; starts are on the
   * grid, so two meetings overlap exactly when their slot ranges do.
   */
  private readonly busySlots: Uint8Array[];
  private readonly entityDayCost: Float64Array;
  private readonly householdDaysUsed: Int32Array;
  private readonly dayCount: number;
  private readonly householdBase: number;
  private unplaced: number;
  private householdDays = 0;
  private householdWaiting = 0;
  private staffIdle = 0;
  private interpreterIdle = 0;

  constructor(model: ConferenceModel) {
    this.model = model;
    this.dayCount = model.days.length;
    this.householdBase = model.staffCount + model.interpreterCount;
    const meetings = model.meetings.length;
    this.dayOf = new Int32Array(meetings).fill(-1);
    this.startOf = new Int32Array(meetings).fill(-1);
    this.interpreterOf = new Int32Array(meetings).fill(-1);
    this.bookings = model.entities.map(() => model.days.map(() => []));
    this.busySlots = model.entities.map(() => new Uint8Array(model.days.length * SLOTS_PER_DAY));
    this.entityDayCost = new Float64Array(model.entities.length * this.dayCount);
    this.householdDaysUsed = new Int32Array(model.householdCount);
    this.unplaced = meetings;
  }

  objective(): Objective {
    return [this.unplaced, this.householdDays, this.householdWaiting, this.staffIdle, this.interpreterIdle];
  }

  /** compareObjectives(this.objective(), other) without building the array: the solver asks this for every candidate. */
  compareTo(other: Objective): number {
    return (
      this.unplaced - other[0] ||
      this.householdDays - other[1] ||
      this.householdWaiting - other[2] ||
      this.staffIdle - other[3] ||
      this.interpreterIdle - other[4]
    );
  }

  isPlaced(meeting: number): boolean {
    return (this.dayOf[meeting] as number) >= 0;
  }

  /** The bookings of one person on one day, in time order. */
  bookingsOf(entity: number, day: number): readonly Readonly<Booking>[] {
    return this.bookings[entity]?.[day] ?? [];
  }

  /** Whether a person may be booked for [start, end) in `room` without breaking a hard rule. */
  canBook(entity: number, day: number, start: number, end: number, room: number): boolean {
    const slots = this.busySlots[entity] as Uint8Array;
    const offset = day * SLOTS_PER_DAY;
    for (
      let slot = offset + Math.floor(start / SLOT_MINUTES), last = offset + Math.ceil(end / SLOT_MINUTES);
      slot < last;
      slot++
    ) {
      if (slots[slot] === 1) return false;
    }
    const person = this.model.entities[entity] as ModelEntity;
    const windows = person.windows[day] ?? [];
    let inside = false;
    for (const window of windows) {
      if (window.start <= start && end <= window.end) {
        inside = true;
        break;
      }
    }
    if (!inside) return false;
    const list = this.bookings[entity]?.[day] ?? [];
    let position = 0;
    for (let high = list.length; position < high;) {
      const middle = (position + high) >>> 1;
      if ((list[middle] as Booking).start < start) position = middle + 1;
      else high = middle;
    }
    const previous = list[position - 1];
    const next = list[position];
    if (previous && previous.end > start) return false;
    if (next && next.start < end) return false;
    const transfer = this.model.transferMinutes;
    if (room >= 0 && transfer > 0) {
      for (let j = position - 1; j >= 0; j--) {
        const booking = list[j] as Booking;
        if (booking.room < 0) continue;
        if (booking.room !== room && start - booking.end < transfer) return false;
        break;
      }
      for (let j = position; j < list.length; j++) {
        const booking = list[j] as Booking;
        if (booking.room < 0) continue;
        if (booking.room !== room && booking.start - end < transfer) return false;
        break;
      }
    }
    if (person.maxRunMinutes !== Number.POSITIVE_INFINITY) {
      // Existing runs keep the rule, so only the run the new booking joins (or merges) can break it.
      let runStart = start;
      let runEnd = end;
      for (let j = position - 1; j >= 0; j--) {
        const booking = list[j] as Booking;
        if (runStart - booking.end >= person.breakMinutes) break;
        runStart = booking.start;
      }
      for (let j = position; j < list.length; j++) {
        const booking = list[j] as Booking;
        if (booking.start - runEnd >= person.breakMinutes) break;
        runEnd = booking.end;
      }
      if (runEnd - runStart > person.maxRunMinutes) return false;
    }
    return true;
  }

  /** Whether the meeting fits at `start` on `day` with this interpreter (-1 for none) for everyone involved. */
  fits(meeting: number, day: number, start: number, interpreter: number): boolean {
    const data = this.model.meetings[meeting];
    if (!data) return false;
    const end = start + data.minutes;
    if (data.needsInterpreter && interpreter < 0) return false;
    if (!this.canBook(this.householdBase + data.household, day, start, end, data.room)) return false;
    for (const staff of data.staff) if (!this.canBook(staff, day, start, end, data.room)) return false;
    return interpreter < 0 || this.canBook(interpreter, day, start, end, data.room);
  }

  book(placement: Placement): void {
    const { meeting, day, start, interpreter } = placement;
    const data = this.model.meetings[meeting];
    if (!data || this.isPlaced(meeting)) throw new Error(`meeting ${meeting} cannot be booked twice`);
    this.dayOf[meeting] = day;
    this.startOf[meeting] = start;
    this.interpreterOf[meeting] = interpreter;
    this.unplaced--;
    const booking: Booking = { start, end: start + data.minutes, room: data.room, meeting };
    this.insert(this.householdBase + data.household, day, booking);
    for (const staff of data.staff) this.insert(staff, day, booking);
    if (interpreter >= 0) this.insert(interpreter, day, booking);
  }

  private insert(entity: number, day: number, booking: Booking): void {
    const list = this.bookings[entity]?.[day] as Booking[];
    // Shifted by hand: splice allocates an array of the removed elements on every call.
    let position = list.length;
    list.push(booking);
    while (position > 0 && (list[position - 1] as Booking).start > booking.start) {
      list[position] = list[position - 1] as Booking;
      position--;
    }
    list[position] = booking;
    this.markSlots(entity, day, booking, 1);
    this.refresh(entity, day);
  }

  private markSlots(entity: number, day: number, booking: Booking, value: 0 | 1): void {
    const slots = this.busySlots[entity] as Uint8Array;
    const offset = day * SLOTS_PER_DAY;
    const last = Math.min(offset + SLOTS_PER_DAY, offset + Math.ceil(booking.end / SLOT_MINUTES));
    for (let slot = offset + Math.floor(booking.start / SLOT_MINUTES); slot < last; slot++) slots[slot] = value;
  }

  private remove(entity: number, day: number, meeting: number): void {
    const list = this.bookings[entity]?.[day] as Booking[];
    for (let position = 0; position < list.length; position++) {
      if ((list[position] as Booking).meeting === meeting) {
        this.markSlots(entity, day, list[position] as Booking, 0);
        for (let next = position + 1; next < list.length; next++) list[next - 1] = list[next] as Booking;
        list.pop();
        break;
      }
    }
    this.refresh(entity, day);
  }

  unbook(meeting: number): Placement {
    const day = this.dayOf[meeting] as number;
    if (day < 0) throw new Error(`meeting ${meeting} is not booked`);
    const placement: Placement = {
      meeting,
      day,
      start: this.startOf[meeting] as number,
      interpreter: this.interpreterOf[meeting] as number,
    };
    const data = this.model.meetings[meeting];
    if (data) {
      this.remove(this.householdBase + data.household, day, meeting);
      for (const staff of data.staff) this.remove(staff, day, meeting);
      if (placement.interpreter >= 0) this.remove(placement.interpreter, day, meeting);
    }
    this.dayOf[meeting] = -1;
    this.startOf[meeting] = -1;
    this.interpreterOf[meeting] = -1;
    this.unplaced++;
    return placement;
  }

  placementOf(meeting: number): Placement | null {
    const day = this.dayOf[meeting] as number;
    if (day < 0) return null;
    return { meeting, day, start: this.startOf[meeting] as number, interpreter: this.interpreterOf[meeting] as number };
  }

  private refresh(entity: number, day: number): void {
    const person = this.model.entities[entity] as ModelEntity;
    const list = this.bookings[entity]?.[day] as Booking[];
    const slot = entity * this.dayCount + day;
    const before = this.entityDayCost[slot] as number;
    const after = this.dayCost(person, list);
    this.entityDayCost[slot] = after;
    if (person.kind === 'household') {
      this.householdWaiting += after - before;
      const household = entity - this.householdBase;
      let used = 0;
      for (let d = 0; d < this.dayCount; d++) if ((this.bookings[entity]?.[d]?.length ?? 0) > 0) used++;
      const previous = this.householdDaysUsed[household] as number;
      this.householdDays += Math.max(0, used - 1) - Math.max(0, previous - 1);
      this.householdDaysUsed[household] = used;
    } else if (person.kind === 'staff') {
      this.staffIdle += after - before;
    } else {
      this.interpreterIdle += after - before;
    }
  }

  private dayCost(person: ModelEntity, list: readonly Booking[]): number {
    const first = list[0];
    const last = list[list.length - 1];
    if (!first || !last) return 0;
    let busy = 0;
    for (const booking of list) busy += booking.end - booking.start;
    const span = last.end - first.start;
    if (person.kind === 'household') {
      // Walking between two rooms is not waiting, but only the part of it no meeting (a phone call) covers.
      let walking = 0;
      let previousRoom = -1;
      let freeSincePreviousRoom = 0;
      let previousEnd = first.start;
      for (const booking of list) {
        freeSincePreviousRoom += booking.start - previousEnd;
        previousEnd = booking.end;
        if (booking.room < 0) continue;
        if (previousRoom >= 0 && booking.room !== previousRoom) {
          walking += Math.min(this.model.transferMinutes, freeSincePreviousRoom);
        }
        previousRoom = booking.room;
        freeSincePreviousRoom = 0;
      }
      return span - busy - walking;
    }
    if (person.kind === 'interpreter') return span - busy;
    let credit = 0;
    let runStart = first.start;
    let runEnd = first.end;
    for (let j = 1; j < list.length; j++) {
      const booking = list[j] as Booking;
      if (booking.start - runEnd >= person.breakMinutes) {
        if (runEnd - runStart + (booking.end - booking.start) > person.maxRunMinutes) credit += person.breakMinutes;
        runStart = booking.start;
      }
      runEnd = booking.end;
    }
    return span - busy - credit;
  }
}
