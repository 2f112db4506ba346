import { z } from 'zod';
import { ZUuid } from './common.schema.js';

/**
 * The principle's figures (specs/principle-figures.md): what the principle promises beside how
 * well the school keeps it, for a school year, per month, grade and class. A cell is null where
 * the board would see fewer than five people behind it ("for få").
 */

export const ZFiguresQuery = z.object({
  /** The school year by the year it starts in (2026 for 2026/27); the current one by default. */
  schoolYear: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type TFiguresQuery = z.infer<typeof ZFiguresQuery>;

/** Kept of counted: e.g. replies given within the promise, of those that fell due. */
export const ZKeptCell = z.object({
  counted: z.number().int().min(0),
  kept: z.number().int().min(0),
  /** kept / counted, null when nothing was counted. */
  share: z.number().min(0).max(1).nullable(),
});
export type TKeptCell = z.infer<typeof ZKeptCell>;

/** The median time from a guardian's message to the school's first answer. */
export const ZAnswerTimeCell = z.object({
  answered: z.number().int().min(0),
  medianWorkingHours: z.number().min(0).nullable(),
});
export type TAnswerTimeCell = z.infer<typeof ZAnswerTimeCell>;

/** The median working days from a test to the home being told its result in writing (§ 13). */
export const ZTellTimeCell = z.object({
  told: z.number().int().min(0),
  medianWorkingDays: z.number().min(0).nullable(),
});
export type TTellTimeCell = z.infer<typeof ZTellTimeCell>;

/** One figure over the school year: the whole school, each month, each grade and each class. */
function figureOf<T extends z.ZodType>(cell: T) {
  return z.object({
    school: cell.nullable(),
    months: z.array(z.object({ month: z.string().describe('YYYY-MM'), cell: cell.nullable() })),
    grades: z.array(z.object({ grade: z.number().int(), cell: cell.nullable() })),
    classes: z.array(z.object({ classId: ZUuid, name: z.string(), cell: cell.nullable() })),
  });
}

/** The groups of the equity view: homes that read Danish or not, children with one home or two. */
export const ZEquityGroup = z.enum(['danish', 'otherLanguage', 'oneHome', 'twoHomes']);
export type TEquityGroup = z.infer<typeof ZEquityGroup>;

/** Events held, well-being events among them, and the different households that took part; null for the board under five. */
export const ZEventsHeldCell = z.object({
  events: z.number().int().min(0),
  wellBeing: z.number().int().min(0),
  households: z.number().int().min(0).nullable(),
});

export const ZPrincipleFigures = z.object({
  schoolYear: z.object({ startYear: z.number().int(), from: z.iso.date(), to: z.iso.date() }),
  /** `leadership` sees every cell; the `board` sees aggregates, small groups hidden. */
  audience: z.enum(['leadership', 'board']),
  messages: z.object({
    /** The reply the principle in force promises, in working days; null when it promises none. */
    promisedWorkingDays: z.number().int().nullable(),
    repliesWithinPromise: figureOf(ZKeptCell),
    timeToAnswer: figureOf(ZAnswerTimeCell),
    /** Promises running now, and those of them already past their due time. */
    openPromises: z.number().int().min(0),
    brokenPromises: z.number().int().min(0),
    /** Messages marked urgent this school year. */
    urgentMessages: z.number().int().min(0),
  }),
  conferences: z.object({
    /** The principle's lead time for invitations, in calendar days. */
    invitationLeadDays: z.number().int().nullable(),
    invitationsInGoodTime: figureOf(ZKeptCell),
    /** Homes invited this school year whose guardians have neither a login nor an e-mail address; null for the board under five. */
    householdsNotReached: z.number().int().min(0).nullable(),
    /** The principle's number of conferences a student has a year; null when it sets none. */
    perYear: z.number().int().nullable(),
    /** Students in the rounds' classes, and those with the principle's number of held conferences. */
    conferencesHeld: figureOf(ZKeptCell),
    /** Agreements due in the period, and those marked done by their due day. */
    agreementsFollowedUp: figureOf(ZKeptCell),
    /** Agreements open now, and those of them past their due day; null for the board under five. */
    openAgreements: z.number().int().min(0).nullable(),
    overdueAgreements: z.number().int().min(0).nullable(),
    /** The principle's lead time for the student plan (or message book), in calendar days; null when it sets none. */
    plansLeadDays: z.number().int().nullable(),
    /** Held conferences, and those whose plan (or message-book entry) was published at least the lead time before. */
    plansInGoodTime: figureOf(ZKeptCell),
  }),
  homes: z.object({
    /** The school's households, and those reached in the period: a message read, a conference booked or held. */
    householdsReached: figureOf(ZKeptCell),
    /** The school year's share for homes by language and by children with one home or two. */
    equity: z.array(z.object({ group: ZEquityGroup, cell: ZKeptCell.nullable() })),
  }),
  /** Test results in writing (folkeskoleloven § 13). */
  testResults: z.object({
    /** The working days the principle in force gives to tell the home (10 by default). */
    workingDays: z.number().int(),
    /** Results whose last day fell in the period, and those told to every custody holder by then. */
    inWriting: figureOf(ZKeptCell),
    /** Results told in the period, and the median working days from the test. */
    timeToTell: figureOf(ZTellTimeCell),
  }),
  /** Early dialogue on concerns (issue 11, point 4). */
  concerns: z.object({
    /** The principle's working days to contact the home; null when it sets no early-dialogue rule. */
    contactWithinWorkingDays: z.number().int().nullable(),
    /** Concerns whose deadline fell in the period (or already contacted), and those contacted by phone or meeting in time. */
    metEarly: figureOf(ZKeptCell),
    /** Concerns past their deadline now without a contact with the home; null for the board under five. */
    overdue: z.number().int().min(0).nullable(),
  }),
  /** Parent meetings (issue 12, point 2). */
  parentMeetings: z.object({
    /** The principle's number of parent meetings a class holds a year; null when it sets none. */
    perYear: z.number().int().nullable(),
    /** The year: each class's meetings due by the principle and those held (up to the number); a month: meetings due then and held. */
    held: figureOf(ZKeptCell),
    /** Homes invited to the meetings held, and those represented. */
    attendance: figureOf(ZKeptCell),
  }),
  /** Events held this school year (issue 12): the day has passed; well-being events counted apart. */
  events: z.object({
    /** Every event of the school and its classes. */
    school: ZEventsHeldCell,
    /** The events of the whole school (not of one class). */
    schoolWide: ZEventsHeldCell,
    /** Per class, for the leadership; empty for the board, which sees aggregates only. */
    classes: z.array(z.object({ classId: ZUuid, name: z.string(), cell: ZEventsHeldCell })),
  }),
  /** Class letters (issue 12). */
  classLetters: z.object({
    /** Each class's cadence periods (week, fortnight or month by grade) that ended, and those with a published letter; the board sees fewer than five classes as "for få". */
    onCadence: figureOf(ZKeptCell),
  }),
});
export type TPrincipleFigures = z.infer<typeof ZPrincipleFigures>;
