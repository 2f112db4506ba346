/**
 * How a student prepares for their conference, by grade (seed 000: students take part, more as
 * they grow older): in grades 0–2 with smileys, filled in with a grown-up; in 3–6 with short
 * prompts; from grade 7 with their own goals, which they present at the meeting.
 */
export type PreparationBand = 'smileys' | 'prompts' | 'goals';

export function preparationBand(grade: number): PreparationBand {
  if (grade <= 2) return 'smileys';
  if (grade <= 6) return 'prompts';
  return 'goals';
}

/** What the smileys ask about, in the order shown. */
export const SMILEY_TOPICS = ['school', 'friends', 'reading'] as const;
/** The short prompts of grades 3–6, in the order shown. */
export const PREPARATION_PROMPTS = ['proud', 'hard', 'better'] as const;
