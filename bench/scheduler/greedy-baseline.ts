import { formatClockTime } from '../../src/domain/conference-scheduling/clock.js';
import type {
  TConferenceInstance,
  TConferenceSchedule,
} from '../../src/domain/conference-scheduling/instance.schema.js';
import { buildModel } from '../../src/domain/conference-scheduling/model.js';
import { ScheduleState } from '../../src/domain/conference-scheduling/schedule-state.js';

/**
 * The simple baseline a booking tool would use: households in file order, each meeting at the
 * earliest start (first day first) where everyone, and an interpreter if needed, is free.
 */
export function scheduleGreedy(instance: TConferenceInstance): TConferenceSchedule {
  const model = buildModel(instance);
  const state = new ScheduleState(model);
  const schedule: TConferenceSchedule = { assignments: [], unscheduled: [] };
  for (const meetings of model.householdMeetings) {
    for (const meeting of meetings) {
      const data = model.meetings[meeting];
      if (!data) continue;
      const interpreters = data.needsInterpreter ? data.interpreterCandidates : [-1];
      let booked = false;
      for (let day = 0; day < model.days.length && !booked; day++) {
        for (let start = 0; start + data.minutes <= 24 * 60 && !booked; start += 5) {
          for (const interpreter of interpreters) {
            if (state.fits(meeting, day, start, interpreter)) {
              state.book({ meeting, day, start, interpreter });
              schedule.assignments.push({
                meeting: data.id,
                date: model.days[day] as string,
                start: formatClockTime(start),
                ...(interpreter >= 0 ? { interpreter: model.entities[interpreter]?.id as string } : {}),
              });
              booked = true;
              break;
            }
          }
        }
      }
      if (!booked) schedule.unscheduled.push({ meeting: data.id, reason: 'no free time found by the greedy baseline' });
    }
  }
  return schedule;
}
