import { z } from 'zod';
import {
  PLAY_GROUP_ROUNDS_MAX,
  PLAY_GROUP_SIZE_MAX,
  PLAY_GROUP_SIZE_MIN,
  type TGeneratePlayGroups,
} from '../../../shared/api/play-group.schema.js';

/** How often the rounds meet, in weeks. */
export const EVERY_WEEKS = [1, 2, 3, 4] as const;

/** The day `weeks` weeks after an ISO day. */
export function weeksAfter(isoDate: string, weeks: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + weeks * 7)).toISOString().slice(0, 10);
}

/**
 * The generation form as fields: group size, the first day, every how many weeks and how many
 * rounds, with the limits of the shared request schema.
 */
export const ZPlayGroupForm = z.object({
  groupSize: z.coerce.number().int().min(PLAY_GROUP_SIZE_MIN).max(PLAY_GROUP_SIZE_MAX),
  firstDate: z.iso.date(),
  everyWeeks: z.coerce.number().int().min(1).max(8),
  rounds: z.coerce.number().int().min(1).max(PLAY_GROUP_ROUNDS_MAX),
});

/** The request the form makes: one day per round, `everyWeeks` apart from the first. */
export function generateRequest(f: z.output<typeof ZPlayGroupForm>): TGeneratePlayGroups {
  return {
    groupSize: f.groupSize,
    dates: Array.from({ length: f.rounds }, (_, i) => weeksAfter(f.firstDate, i * f.everyWeeks)),
  };
}
