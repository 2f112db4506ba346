import type { Locale } from '../../shared/errors.js';
import { renderHtmlMail } from '../notify/templates/html.js';
import type { RenderedMail } from '../notify/templates/magic-link.js';

/** When an event is, as the notices and e-mails say it. */
export interface EventWhen {
  date: string;
  /** The last day of an event of several days; null: one day. */
  endDate: string | null;
  from: string;
  to: string;
}

const dayText = (locale: Locale, date: string) =>
  new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));

/**
 * "torsdag 10. december kl. 16.00–18.00" / "Thursday 10 December, 16:00–18:00"; an event of
 * several days from its first day's start to its last day's end: "mandag 7. juni kl. 9.00 til
 * onsdag 9. juni kl. 14.00" / "Monday 7 June, 09:00 to Wednesday 9 June, 14:00".
 */
export function eventWhenText(locale: Locale, p: EventWhen): string {
  const clock = (hhmm: string) => (locale === 'da' ? hhmm.replace(':', '.') : hhmm);
  const at = (date: string, time: string) =>
    locale === 'da' ? `${dayText(locale, date)} kl. ${clock(time)}` : `${dayText(locale, date)}, ${clock(time)}`;
  if (p.endDate !== null)
    return locale === 'da'
      ? `${at(p.date, p.from)} til ${at(p.endDate, p.to)}`
      : `${at(p.date, p.from)} to ${at(p.endDate, p.to)}`;
  return `${at(p.date, p.from)}–${clock(p.to)}`;
}

/** The notice that an event the home is coming to or helps at has a new day, time or place. */
export function eventChangedNotice(locale: Locale, p: EventWhen & { title: string; place: string }) {
  const when = eventWhenText(locale, p);
  return locale === 'da'
    ? {
        title: `Ændret: ${p.title}`,
        body: `Arrangementet er nu ${when}, ${p.place}. Tjek, at I stadig kan komme, og ret jeres svar i Samspil, hvis ikke.`,
      }
    : {
        title: `Changed: ${p.title}`,
        body: `The event is now on ${when}, ${p.place}. Check that you can still come, and change your answer in Samspil if not.`,
      };
}

/** The notice that an event the home is coming to or helps at is cancelled, with the organiser's reason. */
export function eventCancelledNotice(locale: Locale, p: { title: string; date: string; reason: string | null }) {
  const day = dayText(locale, p.date);
  return locale === 'da'
    ? {
        title: `Aflyst: ${p.title}`,
        body: `Arrangementet ${day} er aflyst.${p.reason ? ` Begrundelse: ${p.reason}` : ''}`,
      }
    : {
        title: `Cancelled: ${p.title}`,
        body: `The event on ${day} has been cancelled.${p.reason ? ` Reason: ${p.reason}` : ''}`,
      };
}

const COPY = {
  da: {
    greeting: (name: string) => `Hej ${name}`,
    changed: (title: string) => `Arrangementet »${title}« er ændret.`,
    now: (when: string, place: string) => `Det er nu ${when}, ${place}.`,
    changedAction: 'Tjek, at I stadig kan komme, og ret jeres svar i Samspil, hvis ikke. Kalenderfilen er vedhæftet.',
    cancelled: (title: string, day: string) => `Arrangementet »${title}« ${day} er aflyst.`,
    reason: (reason: string) => `Begrundelse: ${reason}`,
    cancelledAction: 'Jeres tilmelding og opgaver bortfalder. Kalenderfilen er vedhæftet, så aftalen kan fjernes.',
    action: 'Se arrangementet i Samspil',
    why: 'Du får denne e-mail, fordi jeres familie har meldt sig til arrangementet eller taget en opgave.',
    signature: 'Venlig hilsen\nSamspil',
  },
  en: {
    greeting: (name: string) => `Hello ${name}`,
    changed: (title: string) => `The event "${title}" has changed.`,
    now: (when: string, place: string) => `It is now on ${when}, ${place}.`,
    changedAction:
      'Check that you can still come, and change your answer in Samspil if not. The calendar file is attached.',
    cancelled: (title: string, day: string) => `The event "${title}" on ${day} has been cancelled.`,
    reason: (reason: string) => `Reason: ${reason}`,
    cancelledAction:
      'Your sign-up and tasks no longer apply. The calendar file is attached, so the entry can be removed.',
    action: 'See the event in Samspil',
    why: 'You get this e-mail because your family signed up for the event or took a task.',
    signature: 'Kind regards\nSamspil',
  },
} as const satisfies Record<Locale, unknown>;

/** The e-mail to one custody holder that an event changed its day, time or place, or was cancelled, in their language. */
export function eventChangeMail(
  input: EventWhen & {
    locale: Locale;
    name: string;
    title: string;
    place: string;
    /** Set when the event was cancelled: the organiser's reason, or null without one. */
    cancelled: { reason: string | null } | null;
    appUrl: string;
  },
): RenderedMail {
  const copy = COPY[input.locale];
  const notice = input.cancelled
    ? eventCancelledNotice(input.locale, { ...input, reason: input.cancelled.reason })
    : eventChangedNotice(input.locale, input);
  const paragraphs = input.cancelled
    ? [
        copy.greeting(input.name),
        copy.cancelled(input.title, dayText(input.locale, input.date)),
        ...(input.cancelled.reason ? [copy.reason(input.cancelled.reason)] : []),
        copy.cancelledAction,
      ]
    : [
        copy.greeting(input.name),
        copy.changed(input.title),
        copy.now(eventWhenText(input.locale, input), input.place),
        copy.changedAction,
      ];
  const text = [...paragraphs, input.appUrl, copy.why, copy.signature].join('\n\n') + '\n';
  const html = renderHtmlMail({
    locale: input.locale,
    title: notice.title,
    paragraphs,
    action: { label: copy.action, url: input.appUrl },
    footer: [copy.why, ...copy.signature.split('\n')],
  });
  return { subject: notice.title, text, html };
}
