import type { Locale } from '../../../shared/errors.js';
import { renderHtmlMail } from './html.js';
import type { RenderedMail } from './magic-link.js';

export interface ConferenceInvitationMailInput {
  locale: Locale;
  name: string;
  round: string;
  /** The child's first name. */
  child: string;
  /** The round's first day, ISO "2027-01-19". */
  firstDay: string;
  /** Where the guardian books: the child's conference on the home page. */
  appUrl: string;
}

/** "tirsdag 19. januar" / "Tuesday 19 January". */
function dayName(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

const COPY = {
  da: {
    invitation: (child: string) => `Invitation til skole-hjem-samtale om ${child}`,
    reminder: (child: string) => `Husk at vælge en tid til samtalen om ${child}`,
    greeting: (name: string) => `Hej ${name}`,
    invited: (round: string, child: string, day: string) =>
      `I er inviteret til skole-hjem-samtale om ${child} (${round}). De første samtaler er ${day}.`,
    notYet: (round: string, child: string, day: string) =>
      `I har endnu ikke valgt en tid til samtalen om ${child} (${round}). De første samtaler er ${day}.`,
    choose:
      'Vælg den tid, der passer jer, i Samspil. Har I flere børn med i runden, kan I få samtalerne lige efter hinanden.',
    action: 'Vælg en tid',
    why: 'Du får denne e-mail, fordi du har forældremyndighed over barnet, og skolen har dig registreret med e-mail som den måde, du vil kontaktes på.',
    signature: 'Venlig hilsen\nSamspil',
  },
  en: {
    invitation: (child: string) => `Invitation to a school-home conference about ${child}`,
    reminder: (child: string) => `Remember to choose a time for the conference about ${child}`,
    greeting: (name: string) => `Hello ${name}`,
    invited: (round: string, child: string, day: string) =>
      `You are invited to a school-home conference about ${child} (${round}). The first meetings are on ${day}.`,
    notYet: (round: string, child: string, day: string) =>
      `You have not chosen a time for the conference about ${child} (${round}) yet. The first meetings are on ${day}.`,
    choose:
      'Choose the time that suits you in Samspil. If you have more children in the round, you can have their meetings back to back.',
    action: 'Choose a time',
    why: 'You get this e-mail because you have custody of the child and the school has e-mail on record as the way you want to be contacted.',
    signature: 'Kind regards\nSamspil',
  },
} as const satisfies Record<Locale, unknown>;

function conferenceMail(input: ConferenceInvitationMailInput, kind: 'invitation' | 'reminder'): RenderedMail {
  const copy = COPY[input.locale];
  const day = dayName(input.firstDay, input.locale);
  const subject = kind === 'invitation' ? copy.invitation(input.child) : copy.reminder(input.child);
  const lead =
    kind === 'invitation' ? copy.invited(input.round, input.child, day) : copy.notYet(input.round, input.child, day);
  const text =
    [copy.greeting(input.name), lead, copy.choose, input.appUrl, copy.why, copy.signature].join('\n\n') + '\n';
  const html = renderHtmlMail({
    locale: input.locale,
    title: subject,
    paragraphs: [copy.greeting(input.name), lead, copy.choose],
    action: { label: copy.action, url: input.appUrl },
    footer: [copy.why, ...copy.signature.split('\n')],
  });
  return { subject, text, html };
}

/** The invitation by e-mail, in the guardian's language: the round, the child and a link to book. */
export const conferenceInvitationMail = (input: ConferenceInvitationMailInput) => conferenceMail(input, 'invitation');

/** The reminder to a home that has not booked yet. */
export const conferenceReminderMail = (input: ConferenceInvitationMailInput) => conferenceMail(input, 'reminder');

/** The reminder's in-app notice. */
export function conferenceReminderNotice(locale: Locale, p: { round: string; child: string; firstDay: string }) {
  const copy = COPY[locale];
  return { title: copy.reminder(p.child), body: copy.notYet(p.round, p.child, dayName(p.firstDay, locale)) };
}
