/**
 * The bounds of a school's principle. One set of numbers for the Zod model, the server and the
 * client's form inputs (`min`/`max`/`maxLength`), so a limit never differs between them.
 */
export const PRINCIPLE_LIMITS = {
  /** Danish folkeskole grades: 0 (børnehaveklasse) to 9, and the optional 10th grade. */
  grade: { min: 0, max: 10 },
  conferencesPerYear: { min: 1, max: 6 },
  parentMeetingsPerYear: { min: 1, max: 6 },
  /** Danish working days (weekdays that are not public holidays). */
  responseWorkingDays: { min: 1, max: 20 },
  /** Calendar days between the invitation and the conference. */
  invitationLeadDays: { min: 1, max: 90 },
  /** Calendar days between the student plan (or message book update) and the conference. */
  studentPlanLeadDays: { min: 1, max: 60 },
  earlyContactWorkingDays: { min: 1, max: 20 },
  /** Working days from a recorded test result to telling the home in writing (folkeskoleloven § 13). */
  testResultWorkingDays: { min: 1, max: 30 },
  boardReportsPerYear: { min: 1, max: 4 },
  /** At most one band per grade. */
  gradeBandsMax: 11,
  proseMaxChars: 4000,
  titleMaxChars: 120,
  aspectIntroMaxChars: 1000,
  statementMaxChars: 400,
  statementsPerAspectMax: 12,
  statementIdMaxChars: 40,
  presetIdMaxChars: 40,
  /** "Skolebestyrelsen, møde 12. marts 2026". */
  adoptedByMaxChars: 200,
} as const;
