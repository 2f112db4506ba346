import type { Locale } from '../../../shared/errors.js';
import { renderHtmlMail } from './html.js';
import type { RenderedMail } from './magic-link.js';

export interface ConferenceTimeMailInput {
  locale: Locale;
  name: string;
  round: string;
  /** The child's first name. */
  child: string;
  /** The meeting: ISO day and local clock times ("14:20"). */
  date: string;
  from: string;
  to: string;
  room: string | null;
  /** How the home meets: at the school, by phone (the teacher calls), or on video at the round's link. */
  format: 'in_person' | 'phone' | 'video';
  videoLink: string | null;
  /** Where the guardian sees, changes or cancels the time. */
  appUrl: string;
  /** The time was moved by the school after it was first given. */
  moved: boolean;
}

/** "mandag 18. januar kl. 14.20–14.40" / "Monday 18 January, 14:20–14:40". */
function when(input: ConferenceTimeMailInput): string {
  const day = new Intl.DateTimeFormat(input.locale === 'da' ? 'da-DK' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${input.date}T12:00:00Z`));
  return input.locale === 'da'
    ? `${day} kl. ${input.from.replace(':', '.')}–${input.to.replace(':', '.')}`
    : `${day}, ${input.from}–${input.to}`;
}

const COPY = {
  da: {
    subject: (child: string) => `Jeres tid til skole-hjem-samtale om ${child}`,
    movedSubject: (child: string) => `Ny tid til skole-hjem-samtale om ${child}`,
    greeting: (name: string) => `Hej ${name}`,
    time: (round: string, child: string, at: string, room: string | null) =>
      `Samtalen om ${child} (${round}) er ${at}${room ? `, ${room}` : ''}.`,
    moved: 'Skolen har flyttet samtalen. Den gamle tid gælder ikke længere.',
    phone: 'Det er en telefonsamtale: læreren ringer til jer.',
    video: (link: string) => `Det er et videomøde: ${link}`,
    calendar:
      'Tiden ligger i den vedhæftede kalenderfil (samtale.ics): åbn den, så kommer den i jeres kalender. Kan I ikke komme, kan I skifte eller aflyse tiden i Samspil.',
    action: 'Se tiden i Samspil',
    why: 'Du får denne e-mail, fordi du har forældremyndighed over barnet, og skolen har dig registreret med e-mail som den måde, du vil kontaktes på.',
    signature: 'Venlig hilsen\nSamspil',
  },
  en: {
    subject: (child: string) => `Your time for the school-home conference about ${child}`,
    movedSubject: (child: string) => `New time for the school-home conference about ${child}`,
    greeting: (name: string) => `Hello ${name}`,
    time: (round: string, child: string, at: string, room: string | null) =>
      `The conference about ${child} (${round}) is on ${at}${room ? `, ${room}` : ''}.`,
    moved: 'The school has moved the meeting. The old time no longer applies.',
    phone: 'It is a phone call: the teacher calls you.',
    video: (link: string) => `It is a video meeting: ${link}`,
    calendar:
      'The time is in the attached calendar file (samtale.ics): open it to add it to your calendar. If you cannot come, you can change or cancel the time in Samspil.',
    action: 'See the time in Samspil',
    why: 'You get this e-mail because you have custody of the child and the school has e-mail on record as the way you want to be contacted.',
    signature: 'Kind regards\nSamspil',
  },
} as const satisfies Record<Locale, unknown>;

/** A home's conference time by e-mail, in the guardian's language; the caller attaches the calendar file. */
export function conferenceTimeMail(input: ConferenceTimeMailInput): RenderedMail {
  const copy = COPY[input.locale];
  const subject = input.moved ? copy.movedSubject(input.child) : copy.subject(input.child);
  const how =
    input.format === 'phone'
      ? [copy.phone]
      : input.format === 'video' && input.videoLink
        ? [copy.video(input.videoLink)]
        : [];
  const lead = [
    copy.time(input.round, input.child, when(input), input.format === 'in_person' ? input.room : null),
    ...how,
    ...(input.moved ? [copy.moved] : []),
  ];
  const text =
    [copy.greeting(input.name), ...lead, copy.calendar, input.appUrl, copy.why, copy.signature].join('\n\n') + '\n';
  const html = renderHtmlMail({
    locale: input.locale,
    title: subject,
    paragraphs: [copy.greeting(input.name), ...lead, copy.calendar],
    action: { label: copy.action, url: input.appUrl },
    footer: [copy.why, ...copy.signature.split('\n')],
  });
  return { subject, text, html };
}
