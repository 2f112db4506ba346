import type { Locale } from '../../../shared/errors.js';
import type { TAgreementOwner } from '../../../shared/api/conference.schema.js';
import { formatDueDate } from '../../../domain/calendar/working-days.js';
import { renderHtmlMail } from './html.js';
import type { RenderedMail } from './magic-link.js';

export interface ConferenceSummaryInput {
  locale: Locale;
  name: string;
  child: string;
  /** The notes shared with the home, oldest first. */
  notes: string[];
  agreements: Array<{ owner: TAgreementOwner; text: string; dueOn: string }>;
  /** The conference page in the web app. */
  appUrl: string;
}

const COPY = {
  da: {
    subject: (child: string) => `Opsummering af skole-hjem-samtalen om ${child}`,
    greeting: (name: string) => `Hej ${name}`,
    intro: (child: string) => `Tak for samtalen om ${child}. Her er det, vi skrev ned, og det, vi aftalte.`,
    notes: 'Noter fra samtalen',
    agreements: 'Aftaler',
    none: 'Ingen aftaler denne gang.',
    owner: { school: 'Skolen', home: 'Hjemmet', student: 'Eleven' },
    due: (day: string) => `senest ${day}`,
    action: 'Se samtalen i Samspil',
    why: 'Du får denne e-mail, fordi du var inviteret til samtalen.',
    signature: 'Venlig hilsen\nSamspil',
  },
  en: {
    subject: (child: string) => `Summary of the school-home conference about ${child}`,
    greeting: (name: string) => `Hello ${name}`,
    intro: (child: string) => `Thank you for the conference about ${child}. Here is what we wrote down and agreed.`,
    notes: 'Notes from the conference',
    agreements: 'Agreements',
    none: 'No agreements this time.',
    owner: { school: 'The school', home: 'The home', student: 'The student' },
    due: (day: string) => `by ${day}`,
    action: 'See the conference in Samspil',
    why: 'You get this e-mail because you were invited to the conference.',
    signature: 'Kind regards\nSamspil',
  },
} as const satisfies Record<Locale, unknown>;

/** The written summary after a held conference, in the guardian's language: shared notes and agreements. */
export function conferenceSummaryMail(input: ConferenceSummaryInput): RenderedMail {
  const copy = COPY[input.locale];
  const agreementLines = input.agreements.map(
    (a) =>
      `${copy.owner[a.owner]}: ${a.text} (${copy.due(formatDueDate(new Date(`${a.dueOn}T12:00:00Z`), input.locale))})`,
  );
  const paragraphs = [
    copy.greeting(input.name),
    copy.intro(input.child),
    ...(input.notes.length > 0 ? [`${copy.notes}:`, ...input.notes] : []),
    `${copy.agreements}:`,
    ...(agreementLines.length > 0 ? agreementLines : [copy.none]),
  ];
  const subject = copy.subject(input.child);
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
