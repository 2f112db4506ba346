import type { Locale } from '../../../shared/errors.js';
import { renderHtmlMail } from './html.js';
import type { RenderedMail } from './magic-link.js';

export interface PromiseReminderInput {
  locale: Locale;
  name: string;
  subject: string;
  /** The due day as written for the reader, e.g. "torsdag 26. november". */
  dueDay: string;
  /** The thread in the web app, so one click opens what needs an answer. */
  appUrl: string;
}

const COPY = {
  da: {
    title: (subject: string) => `Husk at svare: ${subject}`,
    body: (dueDay: string) => `Svar senest ${dueDay}.`,
    due: (dueDay: string) => `svar senest ${dueDay}`,
    greeting: (name: string) => `Hej ${name}`,
    explain: (subject: string, dueDay: string) =>
      `En forælder venter på svar i tråden "${subject}". Skolen har lovet at svare senest ${dueDay}.`,
    action: 'Åbn Samspil',
    why: 'Du får denne e-mail, fordi du er med i tråden, og svarfristen i skolens principper snart er nået.',
    signature: 'Venlig hilsen\nSamspil',
  },
  en: {
    title: (subject: string) => `Remember to reply: ${subject}`,
    body: (dueDay: string) => `Reply by ${dueDay}.`,
    due: (dueDay: string) => `reply by ${dueDay}`,
    greeting: (name: string) => `Hello ${name}`,
    explain: (subject: string, dueDay: string) =>
      `A parent is waiting for a reply in the thread "${subject}". The school has promised to reply by ${dueDay}.`,
    action: 'Open Samspil',
    why: "You get this e-mail because you take part in the thread and the reply time in the school's principles is nearly up.",
    signature: 'Kind regards\nSamspil',
  },
} as const satisfies Record<Locale, unknown>;

/** The in-app notification's title and body for a promise about to fall due, in the reader's language. */
export function promiseReminderNotice(
  locale: Locale,
  subject: string,
  dueDay: string,
): { title: string; body: string } {
  const copy = COPY[locale];
  return { title: copy.title(subject), body: copy.body(dueDay) };
}

/** The reminder mail: the thread's subject is the guardian's text, so the HTML escapes it. */
export function promiseReminderMail(input: PromiseReminderInput): RenderedMail {
  const copy = COPY[input.locale];
  const subject = `${copy.title(input.subject)} — ${copy.due(input.dueDay)}`;
  const text =
    [copy.greeting(input.name), copy.explain(input.subject, input.dueDay), input.appUrl, copy.why, copy.signature].join(
      '\n\n',
    ) + '\n';
  const html = renderHtmlMail({
    locale: input.locale,
    title: subject,
    paragraphs: [copy.greeting(input.name), copy.explain(input.subject, input.dueDay)],
    action: { label: copy.action, url: input.appUrl },
    footer: [copy.why, ...copy.signature.split('\n')],
  });
  return { subject, text, html };
}
