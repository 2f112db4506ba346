import { z } from 'zod';
import { text, ZUuid } from './common.schema.js';
import { ZClassRef } from './directory.schema.js';

/** Longest name of a test, and longest of each written part of a result. */
export const TEST_NAME_MAX = 120;
export const TEST_RESULT_TEXT_MAX = 2000;

/** A national test (nationale test) in a subject, or a local test of the school's own. */
export const ZTestKind = z.enum(['national', 'local']);
export type TTestKind = z.infer<typeof ZTestKind>;

/**
 * A recorded test result, in the words a parent understands (folkeskoleloven § 13): which test
 * and when, the result, what it means and what happens next.
 */
export const ZRecordTestResult = z.object({
  kind: ZTestKind,
  /** "Dansk, læsning" for a national test; the school's own name for its test. */
  testName: text({ min: 1, max: TEST_NAME_MAX }),
  takenOn: z.iso.date(),
  result: text({ min: 1, max: TEST_RESULT_TEXT_MAX, lines: true }),
  meaning: text({ min: 1, max: TEST_RESULT_TEXT_MAX, lines: true }),
  nextSteps: text({ min: 1, max: TEST_RESULT_TEXT_MAX, lines: true }),
});
export type TRecordTestResult = z.infer<typeof ZRecordTestResult>;

export const ZTestResultParams = z.object({ schoolId: ZUuid, testResultId: ZUuid });

/** One custody holder told in writing: when it was delivered, and when they read it. */
export const ZTestResultDelivery = z.object({
  name: z.string(),
  deliveredAt: z.string().describe('ISO 8601 moment'),
  readAt: z.string().nullable(),
  emailed: z.boolean(),
  /** Neither a login nor an e-mail address: the school must give them the result on paper. */
  onPaper: z.boolean(),
});

export const ZTestResult = z.object({
  id: ZUuid,
  student: z.object({ id: ZUuid, name: z.string(), class: ZClassRef }),
  kind: ZTestKind,
  testName: z.string(),
  takenOn: z.iso.date(),
  result: z.string(),
  meaning: z.string(),
  nextSteps: z.string(),
  recordedAt: z.string().describe('ISO 8601 moment'),
  recordedBy: z.object({ name: z.string() }),
  /** When the home was told in writing; null while not yet sent. */
  sentAt: z.string().nullable(),
  /** Staff: each custody holder told and whether they have read it; null for the home and the student. */
  deliveries: z.array(ZTestResultDelivery).nullable(),
  /** A guardian: when they read it themself; null for everyone else. */
  readAt: z.string().nullable(),
  /** The caller may send it to the home (staff of the class, not yet sent). */
  maySend: z.boolean(),
});
export type TTestResult = z.infer<typeof ZTestResult>;

export const ZTestResultList = z.object({
  results: z.array(ZTestResult),
  /** The working days of the principle in force within which the home is told in writing. */
  inWritingWithinWorkingDays: z.number().int(),
});
export type TTestResultList = z.infer<typeof ZTestResultList>;

/** A result not yet told to the home, on a staff member's work list. */
export const ZUnsentTestResult = z.object({
  id: ZUuid,
  student: z.object({ id: ZUuid, name: z.string(), class: ZClassRef }),
  testName: z.string(),
  takenOn: z.iso.date(),
  recordedAt: z.string(),
  /** The last day on which telling the home keeps the principle. */
  tellBy: z.iso.date(),
});
export const ZUnsentTestResultList = z.object({ results: z.array(ZUnsentTestResult) });
export type TUnsentTestResultList = z.infer<typeof ZUnsentTestResultList>;
