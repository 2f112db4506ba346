import { preparationBand } from '../conferences/preparation.js';

/**
 * Folkeskoleloven § 13: "Eleverne og forældrene skal regelmæssigt underrettes om lærernes …
 * syn på elevernes udbytte af skolegangen. Forældrene skal underrettes skriftligt om
 * resultaterne af test." The parents are told in writing; the student is told too, and from the
 * grade in which students present their own goals at the conference (seed 000: students take
 * part more as they grow older; `preparation.ts`: own goals from grade 7) they read their own
 * written results in the app. Younger students hear them from their teacher and their parents.
 */
export const studentReadsOwnTestResults = (grade: number) => preparationBand(grade) === 'goals';
