import type { Locale } from '../../shared/errors.js';
import { renderHtmlMail } from '../notify/templates/html.js';
import type { RenderedMail } from '../notify/templates/magic-link.js';

/** "torsdag 10. december kl. 19.00–21.00" / "Thursday 10 December, 19:00–21:00". */
export function meetingTimeText(locale: Locale, p: { date: string; from: string; to: string }): string {
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

interface MeetingNoticeParams {
  className: string;
  date: string;
  from: string;
  to: string;
  place: string;
}

/** The notice in the app: "Invitation to the parent meeting of 3.A", with when, where and what to do. */
export function parentMeetingInvitationNotice(locale: Locale, p: MeetingNoticeParams) {
  const at = meetingTimeText(locale, p);
  return locale === 'da'
    ? {
        title: `Invitation til forældremøde i ${p.className}`,
        body: `${at}, ${p.place}. Svar i Samspil, om I kommer.`,
      }
    : {
        title: `Invitation to the parent meeting of ${p.className}`,
        body: `${at}, ${p.place}. Answer in Samspil whether you are coming.`,
      };
}

/** The notice that the minutes are out. */
export function parentMeetingMinutesNotice(locale: Locale, p: { className: string; date: string }) {
  const day = new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${p.date}T12:00:00Z`));
  return locale === 'da'
    ? { title: `Referat af forældremødet i ${p.className}`, body: `Referatet af mødet ${day} kan læses i Samspil.` }
    : {
        title: `Minutes of the parent meeting of ${p.className}`,
        body: `The minutes of the meeting on ${day} can be read in Samspil.`,
      };
}

const COPY = {
  da: {
    subject: (c: string) => `Invitation til forældremøde i ${c}`,
    greeting: (name: string) => `Hej ${name}`,
    intro: (c: string, at: string, place: string) => `Vi inviterer til forældremøde i ${c} ${at}, ${place}.`,
    agenda: 'Dagsorden',
    answer: 'Svar gerne i Samspil, om I kommer, og hvor mange I bliver. Mødet er vedhæftet som kalenderfil.',
    action: 'Svar i Samspil',
    why: 'Du får denne e-mail, fordi du har forældremyndighed over et barn i klassen.',
    signature: 'Venlig hilsen\nSamspil',
  },
  en: {
    subject: (c: string) => `Invitation to the parent meeting of ${c}`,
    greeting: (name: string) => `Hello ${name}`,
    intro: (c: string, at: string, place: string) =>
      `You are invited to the parent meeting of ${c} on ${at}, ${place}.`,
    agenda: 'Agenda',
    answer:
      'Please answer in Samspil whether you are coming and how many you will be. The meeting is attached as a calendar file.',
    action: 'Answer in Samspil',
    why: 'You get this e-mail because you have custody of a child in the class.',
    signature: 'Kind regards\nSamspil',
  },
} as const satisfies Record<Locale, unknown>;

/** The invitation by e-mail to one custody holder, in their language, with the agenda. */
export function parentMeetingInvitationMail(input: {
  locale: Locale;
  name: string;
  className: string;
  date: string;
  from: string;
  to: string;
  place: string;
  agenda: readonly string[];
  appUrl: string;
}): RenderedMail {
  const copy = COPY[input.locale];
  const paragraphs = [
    copy.greeting(input.name),
    copy.intro(input.className, meetingTimeText(input.locale, input), input.place),
    ...(input.agenda.length > 0 ? [`${copy.agenda}:\n${input.agenda.map((a) => `– ${a}`).join('\n')}`] : []),
    copy.answer,
  ];
  const subject = copy.subject(input.className);
  const text = [...paragraphs, input.appUrl, copy.why, copy.signature].join('\n\n') + '\n';
  const html = renderHtmlMail({
    locale: input.locale,
    title: subject,
    paragraphs,
    action: { label: copy.action, url: input.appUrl },
    footer: [copy.why, ...copy.signature.split('\n')],
  });
  return { subject, text, html };
}
