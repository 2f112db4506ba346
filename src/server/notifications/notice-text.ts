import { z } from 'zod';
import type { Locale } from '../../shared/errors.js';
import { formatDueDate } from '../../domain/calendar/working-days.js';
import { danishPossessive } from '../../shared/possessive.js';
import { messageNotice } from '../notify/templates/message-notification.js';
import { promiseReminderNotice } from '../notify/templates/promise-reminder.js';
import { conferenceReminderNotice } from '../notify/templates/conference-invitation.js';
import { parentMeetingInvitationNotice, parentMeetingMinutesNotice } from '../parent-meetings/parent-meeting-mail.js';
import { eventCancelledNotice, eventChangedNotice } from '../events/event-mail.js';

/** "Invitation to a school-home conference about Emma", with the round and its first day. */
function conferenceInvitationNotice(
  locale: Locale,
  p: { round: string; child: string; firstDay: string },
): { title: string; body: string } {
  const day = new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${p.firstDay}T12:00:00Z`));
  return locale === 'da'
    ? {
        title: `Invitation til skole-hjem-samtale om ${p.child}`,
        body: `${p.round}. Første samtaler ${day}. Vælg en tid i Samspil.`,
      }
    : {
        title: `Invitation to a school-home conference about ${p.child}`,
        body: `${p.round}. The first meetings are on ${day}. Choose a time in Samspil.`,
      };
}

/** "tirsdag 12. januar kl. 14.00–14.15" / "Tuesday 12 January, 14:00–14:15". */
function meetingTime(locale: Locale, p: { date: string; from: string; to: string }): string {
  const day = new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${p.date}T12:00:00Z`));
  return locale === 'da'
    ? `${day} kl. ${p.from.replace(':', '.')}–${p.to.replace(':', '.')}`
    : `${day}, ${p.from}–${p.to}`;
}

/** "Your school-home conference about Emma: Tuesday 12 January 14:00–14:15", once a planned round is published. */
function conferenceTimeNotice(
  locale: Locale,
  p: { round: string; child: string; date: string; from: string; to: string },
): { title: string; body: string } {
  const at = meetingTime(locale, p);
  return locale === 'da'
    ? { title: `Jeres tid til skole-hjem-samtale om ${p.child}`, body: `${p.round}: ${at}. Se tiden i Samspil.` }
    : { title: `Your school-home conference about ${p.child}`, body: `${p.round}: ${at}. See the time in Samspil.` };
}

/** "A new time for the conference about Emma": the leader moved a published meeting. */
function conferenceMovedNotice(
  locale: Locale,
  p: { round: string; child: string; date: string; from: string; to: string },
): { title: string; body: string } {
  const at = meetingTime(locale, p);
  return locale === 'da'
    ? {
        title: `Ny tid til skole-hjem-samtale om ${p.child}`,
        body: `${p.round}: samtalen er flyttet til ${at}. Den gamle tid gælder ikke længere.`,
      }
    : {
        title: `New time for the school-home conference about ${p.child}`,
        body: `${p.round}: the meeting has moved to ${at}. The old time no longer applies.`,
      };
}

/** "Agreement about Emma due tomorrow", with what was agreed. */
function agreementReminderNotice(
  locale: Locale,
  p: { text: string; child: string; dueOn: string },
): { title: string; body: string } {
  const day = formatDueDate(new Date(`${p.dueOn}T12:00:00Z`), locale);
  return locale === 'da'
    ? { title: `Husk aftalen om ${p.child}: senest ${day}`, body: p.text }
    : { title: `Remember the agreement about ${p.child}: by ${day}`, body: p.text };
}

/** "Remember your agreement: by Friday", to the student whose agreement it is. */
function ownAgreementReminderNotice(
  locale: Locale,
  p: { text: string; dueOn: string },
): { title: string; body: string } {
  const day = formatDueDate(new Date(`${p.dueOn}T12:00:00Z`), locale);
  return locale === 'da'
    ? { title: `Husk din aftale fra samtalen: senest ${day}`, body: p.text }
    : { title: `Remember your agreement from the conference: by ${day}`, body: p.text };
}

/** "Emma's student plan is ready" / "New in Emma's message book": the school wrote home (issue 11). */
function studentPlanNotice(
  locale: Locale,
  p: { child: string; form: 'student_plan' | 'message_book' },
): { title: string; body: string } {
  if (p.form === 'student_plan')
    return locale === 'da'
      ? {
          title: `${danishPossessive(p.child)} elevplan er klar`,
          body: 'Læs den sammen med jeres barn før skole-hjem-samtalen, og bekræft, at I har læst den.',
        }
      : {
          title: `${p.child}'s student plan is ready`,
          body: 'Read it with your child before the school-home conference, and confirm that you have read it.',
        };
  return locale === 'da'
    ? {
        title: `Nyt i ${danishPossessive(p.child)} meddelelsesbog`,
        body: 'Skolen har skrevet om faglig udvikling og trivsel.',
      }
    : { title: `New in ${p.child}'s message book`, body: 'The school has written about progress and well-being.' };
}

/** "A test result for Emma in writing: Dansk, læsning", to each custody holder (§ 13). */
function testResultNotice(locale: Locale, p: { child: string; test: string }): { title: string; body: string } {
  return locale === 'da'
    ? {
        title: `Testresultat for ${p.child}: ${p.test}`,
        body: `Skolen har sendt jer resultatet skriftligt, med hvad det betyder, og hvad der sker nu. Læs det under ${p.child} i Samspil.`,
      }
    : {
        title: `Test result for ${p.child}: ${p.test}`,
        body: `The school has sent you the result in writing, with what it means and what happens next. Read it under ${p.child} in Samspil.`,
      };
}

/** "Not yet sent to the home": a recorded result the parents have not been told in writing. */
function testResultReminderNotice(
  locale: Locale,
  p: { child: string; test: string; tellBy: string },
): { title: string; body: string } {
  const day = formatDueDate(new Date(`${p.tellBy}T12:00:00Z`), locale);
  return locale === 'da'
    ? {
        title: `Ikke sendt til hjemmet: ${p.test} for ${p.child}`,
        body: `Forældrene skal have testresultatet skriftligt senest ${day}. Send det fra elevens testresultater.`,
      }
    : {
        title: `Not yet sent to the home: ${p.test} for ${p.child}`,
        body: `The parents must have the test result in writing by ${day}. Send it from the student's test results.`,
      };
}

const CONCERN_KIND_WORDS = {
  da: { academic: 'fagligt', well_being: 'trivsel', behaviour: 'adfærd' },
  en: { academic: 'academic', well_being: 'well-being', behaviour: 'behaviour' },
} as const;

/** "New concern about Emma (well-being): contact the home by Monday 7 December", to the child's contact teacher. */
function concernRegisteredNotice(
  locale: Locale,
  p: { child: string; kind: 'academic' | 'well_being' | 'behaviour'; dueOn: string | null },
): { title: string; body: string } {
  const kind = CONCERN_KIND_WORDS[locale][p.kind];
  const day = p.dueOn ? formatDueDate(new Date(`${p.dueOn}T12:00:00Z`), locale) : null;
  return locale === 'da'
    ? {
        title: `Ny bekymring om ${p.child} (${kind})`,
        body: day
          ? `Kontakt hjemmet pr. telefon eller møde senest ${day}. Se bekymringen under eleven i Samspil.`
          : 'Kontakt hjemmet pr. telefon eller møde. Se bekymringen under eleven i Samspil.',
      }
    : {
        title: `New concern about ${p.child} (${kind})`,
        body: day
          ? `Contact the home by phone or at a meeting by ${day}. See the concern under the student in Samspil.`
          : 'Contact the home by phone or at a meeting. See the concern under the student in Samspil.',
      };
}

/**
 * What each kind of in-app notification says, from the parameters it keeps: a notification is
 * stored with its kind and parameters and written in the reader's language when listed, so
 * switching language changes the list too. The text written when it was made stays beside them,
 * for rows from before parameters were kept.
 */
/** "Tomorrow: Juleklip i 3.A at 17.00, in the gym", to the households coming to an event. */
function eventReminderNotice(
  locale: Locale,
  p: { title: string; date: string; from: string; place: string },
): { title: string; body: string } {
  const day = new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${p.date}T12:00:00Z`));
  return locale === 'da'
    ? {
        title: `Husk: ${p.title}`,
        body: `I har meldt jer til ${day} kl. ${p.from.replace(':', '.')}, ${p.place}. Se arrangementet i Samspil.`,
      }
    : {
        title: `Reminder: ${p.title}`,
        body: `You are signed up for ${day} at ${p.from}, ${p.place}. See the event in Samspil.`,
      };
}

/** "3 places in volunteer tasks are still open", to the organiser the morning before. */
function eventSlotsOpenNotice(
  locale: Locale,
  p: { title: string; date: string; open: number },
): { title: string; body: string } {
  return locale === 'da'
    ? {
        title: `Opgaver mangler folk: ${p.title}`,
        body: `${p.open} ${p.open === 1 ? 'plads' : 'pladser'} i de frivillige opgaver er ikke taget endnu. Spørg forældrene, eller ret opgaverne.`,
      }
    : {
        title: `Tasks need people: ${p.title}`,
        body: `${p.open} ${p.open === 1 ? 'place' : 'places'} in the volunteer tasks ${p.open === 1 ? 'is' : 'are'} not taken yet. Ask the parents, or change the tasks.`,
      };
}

const NOTICES = {
  message: {
    params: z.object({ subject: z.string(), sender: z.string(), urgent: z.boolean() }),
    render: (locale: Locale, p: { subject: string; sender: string; urgent: boolean }) => messageNotice(locale, p),
  },
  'conference-invitation': {
    params: z.object({ round: z.string(), child: z.string(), firstDay: z.iso.date() }),
    render: (locale: Locale, p: { round: string; child: string; firstDay: string }) =>
      conferenceInvitationNotice(locale, p),
  },
  'conference-reminder': {
    params: z.object({ round: z.string(), child: z.string(), firstDay: z.iso.date() }),
    render: (locale: Locale, p: { round: string; child: string; firstDay: string }) =>
      conferenceReminderNotice(locale, p),
  },
  'conference-time': {
    params: z.object({
      round: z.string(),
      child: z.string(),
      date: z.iso.date(),
      from: z.string(),
      to: z.string(),
    }),
    render: (locale: Locale, p: { round: string; child: string; date: string; from: string; to: string }) =>
      conferenceTimeNotice(locale, p),
  },
  'conference-moved': {
    params: z.object({
      round: z.string(),
      child: z.string(),
      date: z.iso.date(),
      from: z.string(),
      to: z.string(),
    }),
    render: (locale: Locale, p: { round: string; child: string; date: string; from: string; to: string }) =>
      conferenceMovedNotice(locale, p),
  },
  'conference-agreement-reminder': {
    params: z.object({ text: z.string(), child: z.string(), dueOn: z.iso.date() }),
    render: (locale: Locale, p: { text: string; child: string; dueOn: string }) => agreementReminderNotice(locale, p),
  },
  'conference-own-agreement-reminder': {
    params: z.object({ text: z.string(), dueOn: z.iso.date() }),
    render: (locale: Locale, p: { text: string; dueOn: string }) => ownAgreementReminderNotice(locale, p),
  },
  'student-plan': {
    params: z.object({ child: z.string(), form: z.enum(['student_plan', 'message_book']) }),
    render: (locale: Locale, p: { child: string; form: 'student_plan' | 'message_book' }) =>
      studentPlanNotice(locale, p),
  },
  'test-result': {
    params: z.object({ child: z.string(), test: z.string() }),
    render: (locale: Locale, p: { child: string; test: string }) => testResultNotice(locale, p),
  },
  'test-result-reminder': {
    params: z.object({ child: z.string(), test: z.string(), tellBy: z.iso.date() }),
    render: (locale: Locale, p: { child: string; test: string; tellBy: string }) => testResultReminderNotice(locale, p),
  },
  'promise-reminder': {
    params: z.object({ subject: z.string(), dueAt: z.iso.datetime() }),
    render: (locale: Locale, p: { subject: string; dueAt: string }) =>
      promiseReminderNotice(locale, p.subject, formatDueDate(new Date(p.dueAt), locale)),
  },
  'concern-registered': {
    params: z.object({
      child: z.string(),
      kind: z.enum(['academic', 'well_being', 'behaviour']),
      dueOn: z.iso.date().nullable(),
    }),
    render: (
      locale: Locale,
      p: { child: string; kind: 'academic' | 'well_being' | 'behaviour'; dueOn: string | null },
    ) => concernRegisteredNotice(locale, p),
  },
  'parent-meeting-invitation': {
    params: z.object({
      className: z.string(),
      date: z.iso.date(),
      from: z.string(),
      to: z.string(),
      place: z.string(),
    }),
    render: (locale: Locale, p: { className: string; date: string; from: string; to: string; place: string }) =>
      parentMeetingInvitationNotice(locale, p),
  },
  'parent-meeting-minutes': {
    params: z.object({ className: z.string(), date: z.iso.date() }),
    render: (locale: Locale, p: { className: string; date: string }) => parentMeetingMinutesNotice(locale, p),
  },
  'event-reminder': {
    params: z.object({ title: z.string(), date: z.iso.date(), from: z.string(), place: z.string() }),
    render: (locale: Locale, p: { title: string; date: string; from: string; place: string }) =>
      eventReminderNotice(locale, p),
  },
  'event-slots-open': {
    params: z.object({ title: z.string(), date: z.iso.date(), open: z.number().int() }),
    render: (locale: Locale, p: { title: string; date: string; open: number }) => eventSlotsOpenNotice(locale, p),
  },
  'event-changed': {
    params: z.object({
      title: z.string(),
      date: z.iso.date(),
      endDate: z.iso.date().nullable(),
      from: z.string(),
      to: z.string(),
      place: z.string(),
    }),
    render: (
      locale: Locale,
      p: { title: string; date: string; endDate: string | null; from: string; to: string; place: string },
    ) => eventChangedNotice(locale, p),
  },
  'event-cancelled': {
    params: z.object({ title: z.string(), date: z.iso.date(), reason: z.string().nullable() }),
    render: (locale: Locale, p: { title: string; date: string; reason: string | null }) =>
      eventCancelledNotice(locale, p),
  },
  'class-letter': {
    params: z.object({ className: z.string(), title: z.string() }),
    render: (locale: Locale, p: { className: string; title: string }) =>
      locale === 'da'
        ? { title: `Nyt brev fra ${p.className}: ${p.title}`, body: `Læs brevet fra ${p.className} i Samspil.` }
        : {
            title: `New letter from ${p.className}: ${p.title}`,
            body: `Read the letter from ${p.className} in Samspil.`,
          },
  },
} as const;

export type NoticeKind = keyof typeof NOTICES;
export type NoticeParams<K extends NoticeKind> = z.infer<(typeof NOTICES)[K]['params']>;

/** A new notice of a kind: its parameters, and its text in the recipient's language at the time. */
export function notice<K extends NoticeKind>(
  kind: K,
  params: NoticeParams<K>,
  locale: Locale,
): { kind: K; params: NoticeParams<K>; title: string; body: string } {
  const render = NOTICES[kind].render as (locale: Locale, p: NoticeParams<K>) => { title: string; body: string };
  return { kind, params, ...render(locale, params) };
}

/** A stored notification's text in the reader's language; as written when its parameters are missing. */
export function noticeText(
  row: { kind: string; params: unknown; title: string; body: string },
  locale: Locale,
): { title: string; body: string } {
  if (!(row.kind in NOTICES)) return { title: row.title, body: row.body };
  const kind = row.kind as NoticeKind;
  const parsed = NOTICES[kind].params.safeParse(row.params);
  if (!parsed.success) return { title: row.title, body: row.body };
  return notice(kind, parsed.data as NoticeParams<typeof kind>, locale);
}
