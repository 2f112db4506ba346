import type { Locale } from '../../../shared/errors.js';
import { renderHtmlMail } from './html.js';
import type { RenderedMail } from './magic-link.js';

/**
 * What people are told about new messages, in the app and by e-mail.
 *
 * The e-mail never carries the message body, not even an excerpt: messages are often about a
 * child (health, well-being, conflicts at home), and e-mail leaves the school's hands — it is
 * forwarded, read in shared family mailboxes and kept by mail providers, and reading it is not
 * logged. The mail says who wrote and about what (the subject line, which the sender writes to
 * be seen in lists), and links to the thread, where access follows custody and reads are logged.
 */

export interface MessageAbout {
  /** The thread's subject. */
  subject: string;
  /** The author's name, as the directory writes it. */
  sender: string;
  urgent: boolean;
  /** The thread in the web app. */
  url: string;
}

/** A class letter in a guardian's digest: named as a letter from its class, never counted as a message. */
export interface LetterAbout {
  title: string;
  /** The class it is from, e.g. "3.A". */
  className: string;
  /** The letter in the web app. */
  url: string;
}

const COPY = {
  da: {
    title: (m: Pick<MessageAbout, 'subject' | 'urgent'>) => `${m.urgent ? 'Haster' : 'Ny besked'}: ${m.subject}`,
    from: (sender: string) => `Fra ${sender}`,
    greeting: (name: string) => `Hej ${name}`,
    explain: (m: MessageAbout) =>
      m.urgent
        ? `${m.sender} har sendt dig en besked, som skolen har markeret som hastende: "${m.subject}".`
        : `${m.sender} har sendt dig en ny besked: "${m.subject}".`,
    private: 'Af hensyn til jeres privatliv står selve beskeden kun i Samspil.',
    action: 'Læs beskeden i Samspil',
    why: 'Du får denne e-mail, fordi du har valgt at få besked med det samme, eller fordi beskeden haster. Du kan ændre det under Profil → Notifikationer.',
    digestSubject: (parts: string[]) => `Dagens oversigt: ${parts.join(' og ')}`,
    newMessages: (count: number) => (count === 1 ? '1 ny besked' : `${count} nye beskeder`),
    newLetters: (count: number, className: string | null) =>
      `${count === 1 ? '1 nyt ugebrev' : `${count} nye ugebreve`}${className ? ` fra ${className}` : ''}`,
    digestExplain: (count: number) =>
      count === 1
        ? 'Du har 1 ulæst besked fra i dag i Samspil:'
        : `Du har ${count} ulæste beskeder fra i dag i Samspil:`,
    lettersExplain: (newLetters: string) => `Du har ${newLetters} i Samspil, som du ikke har læst endnu:`,
    digestItem: (subject: string, sender: string) => `${subject} — fra ${sender}`,
    digestAction: 'Åbn dine beskeder',
    lettersAction: 'Åbn Samspil',
    digestWhy:
      'Du får én oversigt om dagen kl. 17, når der er nyt. Du kan i stedet få besked med det samme under Profil → Notifikationer. Beskeder, der haster, får du altid med det samme.',
    signature: 'Venlig hilsen\nSamspil',
  },
  en: {
    title: (m: Pick<MessageAbout, 'subject' | 'urgent'>) => `${m.urgent ? 'Urgent' : 'New message'}: ${m.subject}`,
    from: (sender: string) => `From ${sender}`,
    greeting: (name: string) => `Hello ${name}`,
    explain: (m: MessageAbout) =>
      m.urgent
        ? `${m.sender} has sent you a message that the school has marked as urgent: "${m.subject}".`
        : `${m.sender} has sent you a new message: "${m.subject}".`,
    private: 'To protect your privacy, the message itself is only in Samspil.',
    action: 'Read the message in Samspil',
    why: 'You get this e-mail because you chose to be told at once, or because the message is urgent. You can change this under Profile → Notifications.',
    digestSubject: (parts: string[]) => `Today's summary: ${parts.join(' and ')}`,
    newMessages: (count: number) => (count === 1 ? '1 new message' : `${count} new messages`),
    newLetters: (count: number, className: string | null) =>
      `${count === 1 ? '1 new class letter' : `${count} new class letters`}${className ? ` from ${className}` : ''}`,
    digestExplain: (count: number) =>
      count === 1
        ? 'You have 1 unread message from today in Samspil:'
        : `You have ${count} unread messages from today in Samspil:`,
    lettersExplain: (newLetters: string) => `You have ${newLetters} in Samspil that you have not read yet:`,
    digestItem: (subject: string, sender: string) => `${subject} — from ${sender}`,
    digestAction: 'Open your messages',
    lettersAction: 'Open Samspil',
    digestWhy:
      'You get one summary a day at 17:00 when there is something new. You can choose to be told at once instead under Profile → Notifications. Urgent messages always reach you at once.',
    signature: 'Kind regards\nSamspil',
  },
} as const satisfies Record<Locale, unknown>;

/** The in-app notification of a new message, in the reader's language. */
export function messageNotice(
  locale: Locale,
  m: Pick<MessageAbout, 'subject' | 'sender' | 'urgent'>,
): { title: string; body: string } {
  const copy = COPY[locale];
  return { title: copy.title(m), body: copy.from(m.sender) };
}

/** The e-mail about one new message: subject, sender and a link; never the body. */
export function messageMail(input: { locale: Locale; name: string; message: MessageAbout }): RenderedMail {
  const copy = COPY[input.locale];
  const subject = copy.title(input.message);
  const text =
    [
      copy.greeting(input.name),
      copy.explain(input.message),
      copy.private,
      input.message.url,
      copy.why,
      copy.signature,
    ].join('\n\n') + '\n';
  const html = renderHtmlMail({
    locale: input.locale,
    title: subject,
    paragraphs: [copy.greeting(input.name), copy.explain(input.message), copy.private],
    action: { label: copy.action, url: input.message.url },
    footer: [copy.why, ...copy.signature.split('\n')],
  });
  return { subject, text, html };
}

/**
 * The daily digest: the unread messages, each linking to its thread, and apart from them the
 * class letters not yet read, each linking to the letter and named as letters ("1 nyt ugebrev fra
 * 3.A"), so a letter to the whole class is never counted as a message to the reader. The button
 * opens the inbox when there are messages, else the home with the class's news.
 */
export function digestMail(input: {
  locale: Locale;
  name: string;
  messages: MessageAbout[];
  letters: LetterAbout[];
  inboxUrl: string;
  /** Where the home's class letters are, for a digest of letters only. */
  lettersUrl: string;
}): RenderedMail {
  const copy = COPY[input.locale];
  const { letters } = input;
  const classes = new Set(letters.map((l) => l.className));
  const newLetters = copy.newLetters(letters.length, classes.size === 1 ? [...classes][0]! : null);
  const subject = copy.digestSubject([
    ...(input.messages.length > 0 ? [copy.newMessages(input.messages.length)] : []),
    ...(letters.length > 0 ? [newLetters] : []),
  ]);
  const sections = [
    ...(input.messages.length > 0
      ? [
          {
            lead: copy.digestExplain(input.messages.length),
            links: input.messages.map((m) => ({ text: copy.digestItem(m.subject, m.sender), url: m.url })),
          },
        ]
      : []),
    ...(letters.length > 0
      ? [
          {
            lead: copy.lettersExplain(newLetters),
            links: letters.map((l) => ({ text: copy.digestItem(l.title, l.className), url: l.url })),
          },
        ]
      : []),
  ];
  // The privacy line is about messages: a letter goes to the whole class.
  const notes = input.messages.length > 0 ? [copy.private] : [];
  const action =
    input.messages.length > 0
      ? { label: copy.digestAction, url: input.inboxUrl }
      : { label: copy.lettersAction, url: input.lettersUrl };
  const text =
    [
      copy.greeting(input.name),
      ...sections.flatMap((section) => [section.lead, section.links.map((i) => `- ${i.text}\n  ${i.url}`).join('\n')]),
      ...notes,
      copy.digestWhy,
      copy.signature,
    ].join('\n\n') + '\n';
  const html = renderHtmlMail({
    locale: input.locale,
    title: subject,
    paragraphs: [copy.greeting(input.name)],
    sections,
    action,
    footer: [...notes, copy.digestWhy, ...copy.signature.split('\n')],
  });
  return { subject, text, html };
}
