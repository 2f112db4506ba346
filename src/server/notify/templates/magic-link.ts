import type { Locale } from '../../../shared/errors.js';
import { renderHtmlMail } from './html.js';

export interface MagicLinkMailInput {
  locale: Locale;
  name: string;
  link: string;
  minutes: number;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const COPY = {
  da: {
    subject: 'Dit link til at logge ind på Samspil',
    greeting: (name: string) => `Hej ${name}`,
    body: (minutes: number) =>
      `Brug linket herunder for at logge ind på Samspil. Det virker i ${minutes} minutter og kan kun bruges én gang.`,
    action: 'Log ind på Samspil',
    ignore:
      'Har du ikke bedt om at logge ind, kan du se bort fra denne e-mail. Ingen kan logge ind uden at have adgang til din e-mail.',
    signature: 'Venlig hilsen\nSamspil',
  },
  en: {
    subject: 'Your link to sign in to Samspil',
    greeting: (name: string) => `Hello ${name}`,
    body: (minutes: number) =>
      `Use the link below to sign in to Samspil. It works for ${minutes} minutes and can only be used once.`,
    action: 'Sign in to Samspil',
    ignore:
      'If you did not ask to sign in, you can ignore this e-mail. No one can sign in without access to your e-mail.',
    signature: 'Kind regards\nSamspil',
  },
} as const satisfies Record<Locale, unknown>;

/** The sign-in link mail, in the recipient's language, as plain text and as simple HTML. */
export function magicLinkMail(input: MagicLinkMailInput): RenderedMail {
  const copy = COPY[input.locale];
  const text =
    [copy.greeting(input.name), copy.body(input.minutes), input.link, copy.ignore, copy.signature].join('\n\n') + '\n';
  const html = renderHtmlMail({
    locale: input.locale,
    title: copy.subject,
    paragraphs: [copy.greeting(input.name), copy.body(input.minutes)],
    action: { label: copy.action, url: input.link },
    footer: [copy.ignore, ...copy.signature.split('\n')],
  });
  return { subject: copy.subject, text, html };
}
