import { z } from 'zod';
import { text, ZUuid } from './common.schema.js';
import { ZClassRef } from './directory.schema.js';

/** Limits shared by the forms and the server. */
export const EVENT_TITLE_MAX = 120;
export const EVENT_DESCRIPTION_MAX = 4000;
export const EVENT_PLACE_MAX = 200;
export const EVENT_SLOT_TITLE_MAX = 120;
/** Volunteer slots of one event, and households one slot may need. */
export const EVENT_SLOTS_MAX = 20;
export const EVENT_SLOT_NEEDED_MAX = 50;
/** People one household may bring, adults and children each. */
export const EVENT_PARTY_MAX = 20;
export const EVENT_CAPACITY_MAX = 5000;
/** Days one event may last, first and last day counted: a lejrskole is a week at most; more is a typed wrong year. */
export const EVENT_DAYS_MAX = 14;
export const EVENT_CANCEL_REASON_MAX = 500;

/** "HH:MM" on a 24-hour clock, Copenhagen time. */
const ZClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24-hour clock).');

/** A volunteer slot as the organiser writes it: "Bring a cake", needing 3 households. */
export const ZEventSlotInput = z.object({
  title: text({ min: 1, max: EVENT_SLOT_TITLE_MAX }),
  needed: z.number().int().min(1).max(EVENT_SLOT_NEEDED_MAX),
});

/** A new event: when and where, whether it is a well-being event, sign-up and volunteer slots. */
export const ZCreateEvent = z.object({
  title: text({ min: 1, max: EVENT_TITLE_MAX }),
  description: text({ max: EVENT_DESCRIPTION_MAX, lines: true }),
  /** The (first) day. */
  date: z.iso.date(),
  /** The last day of an event of several days (a lejrskole), after `date`; null or left out: one day. */
  endDate: z.iso.date().nullable().default(null),
  /** On the first day. */
  startsAt: ZClock,
  /** On the last day. */
  endsAt: ZClock,
  place: text({ min: 1, max: EVENT_PLACE_MAX }),
  /** A trivselsarrangement: counted apart in the figure "events held". */
  wellBeing: z.boolean(),
  signUp: z.boolean(),
  /** The last day households may answer (inclusive); null: until the day of the event. */
  signUpDeadline: z.iso.date().nullable(),
  /** The most people (adults and children) who may come; null: no limit. */
  capacity: z.number().int().min(1).max(EVENT_CAPACITY_MAX).nullable(),
  slots: z.array(ZEventSlotInput).max(EVENT_SLOTS_MAX),
});
export type TCreateEvent = z.output<typeof ZCreateEvent>;

/**
 * An organiser's change to an event: everything but the class and whether homes sign up, and the
 * volunteer slots as they should be — an existing slot by its id (renamed only while no home has
 * taken it), a new one without, a slot left out removed (only while no home has taken it).
 */
export const ZChangeEvent = ZCreateEvent.omit({ signUp: true, slots: true }).extend({
  slots: z
    .array(
      ZEventSlotInput.extend({
        /** The slot changed; null: a new slot. */
        id: ZUuid.nullable(),
      }),
    )
    .max(EVENT_SLOTS_MAX),
});
export type TChangeEvent = z.output<typeof ZChangeEvent>;

/** Cancelling an event, with the reason the homes are told (may be left empty). */
export const ZCancelEvent = z.object({
  reason: text({ max: EVENT_CANCEL_REASON_MAX, lines: true }),
});
export type TCancelEvent = z.infer<typeof ZCancelEvent>;

export const ZEventParams = z.object({ schoolId: ZUuid, eventId: ZUuid });
export const ZEventSlotParams = z.object({ schoolId: ZUuid, slotId: ZUuid });

/** A household's answer: coming with so many adults and children, or not coming. */
export const ZEventAnswer = z.object({
  attending: z.boolean(),
  adults: z.number().int().min(0).max(EVENT_PARTY_MAX),
  children: z.number().int().min(0).max(EVENT_PARTY_MAX),
});
export type TEventAnswer = z.infer<typeof ZEventAnswer>;

/** How many come: the households that said yes, and the adults and children they bring. */
export const ZHeadCount = z.object({
  households: z.number().int(),
  declined: z.number().int(),
  adults: z.number().int(),
  children: z.number().int(),
});
export type THeadCount = z.infer<typeof ZHeadCount>;

export const ZEventSlot = z.object({
  id: ZUuid,
  title: z.string(),
  needed: z.number().int(),
  taken: z.number().int(),
  /** The caller's household has taken it. */
  mine: z.boolean(),
  /** Organisers: the guardians who took it; null for everyone else. */
  takers: z.array(z.object({ name: z.string() })).nullable(),
});

/** One household's answer as the organisers see it. */
export const ZEventSignUp = z.object({
  name: z.string(),
  attending: z.boolean(),
  adults: z.number().int(),
  children: z.number().int(),
});

export const ZEvent = z.object({
  id: ZUuid,
  /** Null: an event of the whole school. */
  class: ZClassRef.nullable(),
  title: z.string(),
  description: z.string(),
  date: z.iso.date(),
  /** The last day of an event of several days; null: one day. */
  endDate: z.iso.date().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  wellBeing: z.boolean(),
  signUp: z.boolean(),
  signUpDeadline: z.iso.date().nullable(),
  capacity: z.number().int().nullable(),
  /** Set when the event is cancelled (it stays, closed to answers and volunteers), with the reason given. */
  cancelled: z.object({ at: z.iso.datetime(), reason: z.string().nullable() }).nullable(),
  /** Households may answer now (sign-up on, deadline not passed, the day not gone). */
  signUpOpen: z.boolean(),
  /** People still welcome under the capacity; null without one. */
  placesLeft: z.number().int().nullable(),
  organiser: z.object({ name: z.string() }),
  headCount: ZHeadCount,
  slots: z.array(ZEventSlot),
  /** The caller's household's answer; null when it has not answered or the caller answers for no household. */
  myAnswer: ZEventAnswer.nullable(),
  /** The caller answers for a household (a custody holder of a child the event is for). */
  mayAnswer: z.boolean(),
  /** The caller organises it: sees who answered and who took which slot. */
  mayOrganise: z.boolean(),
  /** The caller organises it and it may still be changed or cancelled (not cancelled, its last day not gone). */
  mayChange: z.boolean(),
  /** Organisers: every household's answer; null for everyone else. */
  signUps: z.array(ZEventSignUp).nullable(),
});
export type TEvent = z.infer<typeof ZEvent>;

/** An event in a list: what the home page and the list show. */
export const ZEventSummary = ZEvent.pick({
  id: true,
  class: true,
  title: true,
  date: true,
  endDate: true,
  startsAt: true,
  endsAt: true,
  place: true,
  wellBeing: true,
  signUp: true,
  signUpDeadline: true,
  signUpOpen: true,
  cancelled: true,
  headCount: true,
  myAnswer: true,
  mayAnswer: true,
  mayOrganise: true,
}).extend({
  /** Places in volunteer slots not yet taken. */
  openSlotPlaces: z.number().int(),
});
export type TEventSummary = z.infer<typeof ZEventSummary>;

export const ZEventList = z.object({
  events: z.array(ZEventSummary),
  /** The caller may create an event of the whole school (the leadership). */
  mayCreateSchoolEvent: z.boolean(),
  /** The classes the caller may create an event for (their staff, the class parent representatives, the leadership). */
  classesToOrganise: z.array(ZClassRef),
});
export type TEventList = z.infer<typeof ZEventList>;
