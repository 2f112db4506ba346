import { formatDay, formatInterval, GRID_MINUTES, roundUpToGrid, type Language } from './clock.js';
import { householdEntity, intersectIntervals, type Interval, type ModelMeeting } from './model.js';
import type { ScheduleState } from './schedule-state.js';

/** Why a meeting is not in the timetable, in words a secretary can act on, in Danish and English. */
export type UnscheduledReason = Record<Language, string>;

/**
 * Explains an unplaced meeting by the first obstacle a person could remove: a language no
 * interpreter speaks, a meeting longer than a staff member may work without a break, two people
 * who are never free at the same time (with their free times), common time that is too short,
 * no interpreter in the common time, or common time that other meetings have taken (naming who
 * is fully booked).
 */
export function explainUnscheduled(state: ScheduleState, meeting: number): UnscheduledReason {
  const { model } = state;
  const data = model.meetings[meeting] as ModelMeeting;
  const household = householdEntity(model, data.household);
  const language = model.instance.households[data.household]?.language ?? '';
  const name = (entity: number) => ({ da: nameOf(state, entity, 'da'), en: nameOf(state, entity, 'en') });
  const householdName = name(household);

  if (data.needsInterpreter && data.interpreterCandidates.length === 0) {
    return {
      da: `Ingen tolk i runden taler "${language}", og ${householdName.da} har brug for tolk. Find en tolk, der taler sproget, eller aftal samtalen uden tolk.`,
      en: `No interpreter in the round speaks "${language}", and ${householdName.en} needs one. Find an interpreter who speaks it, or agree on the meeting without one.`,
    };
  }
  for (const staff of data.staff) {
    const person = model.entities[staff];
    if (person && data.minutes > person.maxRunMinutes) {
      return {
        da: `Samtalen varer ${data.minutes} minutter, men ${name(staff).da} må højst have ${person.maxRunMinutes} minutter i træk uden pause. Gør samtalen kortere, eller del den i to.`,
        en: `The meeting lasts ${data.minutes} minutes, but ${name(staff).en} may work at most ${person.maxRunMinutes} minutes in a row without a break. Make it shorter, or split it in two.`,
      };
    }
  }

  const people = [...data.staff, household];
  const windowsOf = (entity: number) => model.entities[entity]?.windows ?? [];
  for (let a = 0; a < people.length; a++) {
    for (let b = a + 1; b < people.length; b++) {
      const first = people[a] as number;
      const second = people[b] as number;
      const shared = model.days.map((_, day) =>
        intersectIntervals(windowsOf(first)[day] ?? [], windowsOf(second)[day] ?? []),
      );
      if (shared.every((intervals) => intervals.length === 0)) {
        const [x, y] = [name(first), name(second)];
        return {
          da: `${x.da} og ${y.da} har ingen fælles ledig tid: ${describeFree(state, first, windowsOf(first), 'da')}; ${describeFree(state, second, windowsOf(second), 'da')}. Bed en af dem om flere mulige tider.`,
          en: `${x.en} and ${y.en} share no free time: ${describeFree(state, first, windowsOf(first), 'en')}; ${describeFree(state, second, windowsOf(second), 'en')}. Ask one of them for more possible times.`,
        };
      }
    }
  }

  const common = model.days.map((_, day) =>
    people.reduce<Interval[]>(
      (acc, entity) => intersectIntervals(acc, windowsOf(entity)[day] ?? []),
      windowsOf(household)[day] ?? [],
    ),
  );
  const together = {
    da: joinNames(
      people.map((entity) => name(entity).da),
      'da',
    ),
    en: joinNames(
      people.map((entity) => name(entity).en),
      'en',
    ),
  };
  const commonText = { da: describeWindows(state, common, 'da'), en: describeWindows(state, common, 'en') };
  const longEnough = common.map((intervals) =>
    intervals.filter((interval) => interval.end - roundUpToGrid(interval.start) >= data.minutes),
  );
  if (longEnough.every((intervals) => intervals.length === 0)) {
    return {
      da: `${together.da} er kun ledige samtidig ${commonText.da}, og det er kortere end samtalens ${data.minutes} minutter. Bed om flere mulige tider.`,
      en: `${together.en} are only free at the same time ${commonText.en}, which is shorter than the meeting's ${data.minutes} minutes. Ask for more possible times.`,
    };
  }

  if (data.needsInterpreter) {
    const withInterpreter = data.interpreterCandidates.some((interpreter) =>
      longEnough.some((intervals, day) =>
        intersectIntervals(intervals, windowsOf(interpreter)[day] ?? []).some(
          (interval) => interval.end - roundUpToGrid(interval.start) >= data.minutes,
        ),
      ),
    );
    if (!withInterpreter) {
      const interpreters = (lang: Language) =>
        data.interpreterCandidates
          .slice(0, 3)
          .map((interpreter) => describeFree(state, interpreter, windowsOf(interpreter), lang))
          .join('; ');
      return {
        da: `Ingen tolk, der taler "${language}", er ledig, når ${together.da} kan (${commonText.da}): ${interpreters('da')}. Book en tolk i det tidsrum, eller bed ${householdName.da} om andre tider.`,
        en: `No interpreter who speaks "${language}" is free when ${together.en} can meet (${commonText.en}): ${interpreters('en')}. Book an interpreter for that time, or ask ${householdName.en} for other times.`,
      };
    }
  }

  const blocked = new Map<number, number>();
  let interpreterBlocked = 0;
  longEnough.forEach((intervals, day) => {
    for (const interval of intervals) {
      for (let start = roundUpToGrid(interval.start); start + data.minutes <= interval.end; start += GRID_MINUTES) {
        const end = start + data.minutes;
        for (const entity of people) {
          if (!state.canBook(entity, day, start, end, data.room)) blocked.set(entity, (blocked.get(entity) ?? 0) + 1);
        }
        if (
          data.needsInterpreter &&
          !data.interpreterCandidates.some((entity) => state.canBook(entity, day, start, end, data.room))
        ) {
          interpreterBlocked++;
        }
      }
    }
  });
  let busiest = -1;
  let most = 0;
  for (const [entity, count] of blocked) {
    if (count > most) {
      busiest = entity;
      most = count;
    }
  }
  if (interpreterBlocked > most) {
    return {
      da: `${together.da} kan ${commonText.da}, men tolkene, der taler "${language}", er optaget i de tider. Book mere tolketid, eller bed ${householdName.da} om flere mulige tider.`,
      en: `${together.en} can meet ${commonText.en}, but the interpreters who speak "${language}" are booked at those times. Book more interpreter time, or ask ${householdName.en} for more possible times.`,
    };
  }
  if (busiest < 0) {
    return {
      da: `Samtalen kunne ikke placeres sammen med rundens andre samtaler, selv om ${together.da} kan ${commonText.da}. Prøv at planlægge igen med længere tid.`,
      en: `The meeting could not be fitted in with the round's other meetings although ${together.en} can meet ${commonText.en}. Try planning again with more time.`,
    };
  }
  const others = countBookingsWithin(state, busiest, longEnough);
  const busy = name(busiest);
  if (busiest === household) {
    return {
      da: `${householdName.da} har kun ${commonText.da} fælles med ${joinNames(
        data.staff.map((entity) => name(entity).da),
        'da',
      )} og har allerede ${others} andre samtaler i det tidsrum. Bed ${householdName.da} om flere mulige tider.`,
      en: `${householdName.en} shares only ${commonText.en} with ${joinNames(
        data.staff.map((entity) => name(entity).en),
        'en',
      )} and already has ${others} other meetings then. Ask ${householdName.en} for more possible times.`,
    };
  }
  return {
    da: `${together.da} kan ${commonText.da}, men ${busy.da} er optaget i de tider (${others} andre samtaler, pauser og gåtid). Giv ${busy.da} mere tid, fx en ekstra eftermiddag, eller bed ${householdName.da} om flere mulige tider.`,
    en: `${together.en} can meet ${commonText.en}, but ${busy.en} is booked at those times (${others} other meetings, breaks and walking time). Give ${busy.en} more time, e.g. another afternoon, or ask ${householdName.en} for more possible times.`,
  };
}

function nameOf(state: ScheduleState, entity: number, language: Language): string {
  const person = state.model.entities[entity];
  if (!person) return '?';
  const base =
    person.kind === 'staff'
      ? person.id
      : person.kind === 'household'
        ? `${language === 'da' ? 'husstand' : 'household'} ${person.id}`
        : `${language === 'da' ? 'tolk' : 'interpreter'} ${person.id}`;
  return person.label ? `${person.label} (${base})` : base;
}

function joinNames(names: string[], language: Language): string {
  if (names.length <= 1) return names.join('');
  const and = language === 'da' ? ' og ' : ' and ';
  return `${names.slice(0, -1).join(', ')}${and}${names[names.length - 1]}`;
}

function describeWindows(state: ScheduleState, perDay: readonly (readonly Interval[])[], language: Language): string {
  const parts: string[] = [];
  perDay.forEach((intervals, day) => {
    if (intervals.length === 0) return;
    const date = state.model.days[day] ?? '';
    parts.push(
      `${formatDay(date, language)} ${joinNames(
        intervals.map((interval) => formatInterval(interval.start, interval.end)),
        language,
      )}`,
    );
  });
  if (parts.length === 0) return language === 'da' ? 'ingen tider' : 'no times';
  return joinNames(parts, language);
}

function describeFree(
  state: ScheduleState,
  entity: number,
  perDay: readonly (readonly Interval[])[],
  language: Language,
): string {
  const count = perDay.reduce((sum, intervals) => sum + intervals.length, 0);
  const who = nameOf(state, entity, language);
  if (count === 0)
    return language === 'da' ? `${who} har ingen ledige tider i runden` : `${who} has no free time in the round`;
  const when = describeWindows(state, perDay, language);
  if (language === 'da') return count === 1 ? `${who} er kun ledig ${when}` : `${who} er ledig ${when}`;
  return count === 1 ? `${who} is free only ${when}` : `${who} is free ${when}`;
}

function countBookingsWithin(state: ScheduleState, entity: number, perDay: readonly (readonly Interval[])[]): number {
  let count = 0;
  perDay.forEach((intervals, day) => {
    for (const booking of state.bookingsOf(entity, day)) {
      if (intervals.some((interval) => booking.start < interval.end && interval.start < booking.end)) count++;
    }
  });
  return count;
}
