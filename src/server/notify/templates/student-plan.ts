import type { Locale } from '../../../shared/errors.js';
import { danishPossessive } from '../../../shared/possessive.js';
import { renderHtmlMail } from './html.js';
import type { RenderedMail } from './magic-link.js';

export interface StudentPlanMailInput {
  locale: Locale;
  name: string;
  child: string;
  form: 'student_plan' | 'message_book';
  /** The plan or the message book in the web app. */
  appUrl: string;
}

const COPY = {
  da: {
    subject: {
      student_plan: (c: string) => `${danishPossessive(c)} elevplan er klar`,
      message_book: (c: string) => `Nyt i ${danishPossessive(c)} meddelelsesbog`,
    },
    greeting: (name: string) => `Hej ${name}`,
    intro: {
      student_plan: (c: string) =>
        `${danishPossessive(c)} elevplan er sendt hjem. Den viser, hvordan det går i fagene, og ${danishPossessive(c)} faglige og sociale mål, og hvordan skolen, I og ${c} kan støtte dem. Læs den sammen med ${c} før skole-hjem-samtalen.`,
      message_book: (c: string) =>
        `Skolen har skrevet i ${danishPossessive(c)} meddelelsesbog om faglig udvikling og trivsel.`,
    },
    confirm: 'Bekræft i Samspil, at I har læst den.',
    action: 'Læs den i Samspil',
    why: 'Du får denne e-mail, fordi du har forældremyndighed over barnet.',
    signature: 'Venlig hilsen\nSamspil',
  },
  en: {
    subject: {
      student_plan: (c: string) => `${c}'s student plan is ready`,
      message_book: (c: string) => `New in ${c}'s message book`,
    },
    greeting: (name: string) => `Hello ${name}`,
    intro: {
      student_plan: (c: string) =>
        `${c}'s student plan has been sent home. It shows how things are going in each subject, ${c}'s academic and social goals, and how the school, you and ${c} can support them. Read it with ${c} before the school-home conference.`,
      message_book: (c: string) => `The school has written in ${c}'s message book about progress and well-being.`,
    },
    confirm: 'Confirm in Samspil that you have read it.',
    action: 'Read it in Samspil',
    why: 'You get this e-mail because you hold custody of the child.',
    signature: 'Kind regards\nSamspil',
  },
} as const satisfies Record<Locale, unknown>;

/** The e-mail telling a custody holder that the plan went home, or the message book has a new entry. Never the content itself. */
export function studentPlanMail(input: StudentPlanMailInput): RenderedMail {
  const copy = COPY[input.locale];
  const subject = copy.subject[input.form](input.child);
  const paragraphs = [copy.greeting(input.name), copy.intro[input.form](input.child), copy.confirm];
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
