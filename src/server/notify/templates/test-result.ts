import type { Locale } from '../../../shared/errors.js';
import type { TTestKind } from '../../../shared/api/test-result.schema.js';
import { renderHtmlMail } from './html.js';
import type { RenderedMail } from './magic-link.js';

export interface TestResultMailInput {
  locale: Locale;
  name: string;
  child: string;
  kind: TTestKind;
  testName: string;
  /** ISO day the test was taken. */
  takenOn: string;
  result: string;
  meaning: string;
  nextSteps: string;
  /** The child's test results in the web app. */
  appUrl: string;
}

const COPY = {
  da: {
    subject: (child: string, test: string) => `Testresultat for ${child}: ${test}`,
    greeting: (name: string) => `Hej ${name}`,
    intro: (child: string, test: string, day: string, kind: TTestKind) =>
      `Her er ${child}s resultat af ${kind === 'national' ? 'den nationale test' : 'testen'} ${test}, taget ${day}. Skolen skal fortælle forældre testresultater skriftligt (folkeskoleloven § 13).`,
    result: 'Resultatet',
    meaning: 'Hvad det betyder',
    nextSteps: 'Det sker nu',
    action: 'Se testresultatet i Samspil',
    why: 'Du får denne e-mail, fordi du har forældremyndighed over barnet. Skriv til kontaktlæreren, hvis du har spørgsmål.',
    signature: 'Venlig hilsen\nSamspil',
  },
  en: {
    subject: (child: string, test: string) => `Test result for ${child}: ${test}`,
    greeting: (name: string) => `Hello ${name}`,
    intro: (child: string, test: string, day: string, kind: TTestKind) =>
      `Here is ${child}'s result in ${kind === 'national' ? 'the national test' : 'the test'} ${test}, taken on ${day}. The school tells parents test results in writing (Folkeskole Act § 13).`,
    result: 'The result',
    meaning: 'What it means',
    nextSteps: 'What happens next',
    action: 'See the test result in Samspil',
    why: 'You get this e-mail because you have custody of the child. Write to the contact teacher if you have questions.',
    signature: 'Kind regards\nSamspil',
  },
} as const satisfies Record<Locale, unknown>;

const dayText = (day: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));

/** A test result in writing to one custody holder, in their language: the result, what it means, what happens next. */
export function testResultMail(input: TestResultMailInput): RenderedMail {
  const copy = COPY[input.locale];
  const paragraphs = [
    copy.greeting(input.name),
    copy.intro(input.child, input.testName, dayText(input.takenOn, input.locale), input.kind),
    `${copy.result}: ${input.result}`,
    `${copy.meaning}: ${input.meaning}`,
    `${copy.nextSteps}: ${input.nextSteps}`,
  ];
  const subject = copy.subject(input.child, input.testName);
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
