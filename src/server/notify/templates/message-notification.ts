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
    digestSubject: (count: number) =>
      count === 1 ? 'Dagens oversigt: 1 ny besked' : `Dagens oversigt: ${count} nye beskeder`,
    digestExplain: (count: number) =>
      count === 1
        ? 'Du har 1 ulæst besked fra i dag i Samspil:'
        : `Du har ${count} ulæste beskeder fra i dag i Samspil:`,
    digestItem: (subject: string, sender: string) => `${subject} — fra ${sender}`,
    digestAction: 'Åbn dine beskeder',
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
    digestSubject: (count: number) =>
      count === 1 ? "Today's summary: 1 new message" : `Today's summary: ${count} new messages`,
    digestExplain: (count: number) =>
      count === 1
        ? 'You have 1 unread message from today in Samspil:'
        : `You have ${count} unread messages from today in Samspil:`,
    digestItem: (subject: string, sender: string) => `${subject} — from ${sender}`,
    digestAction: 'Open your messages',
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

/** The daily digest: one line per unread message, each linking to its thread, and a link to the inbox. */
export function digestMail(input: {
  locale: Locale;
  name: string;
  messages: MessageAbout[];
  inboxUrl: string;
}): RenderedMail {
  const copy = COPY[input.locale];
  const count = input.messages.length;
  const subject = copy.digestSubject(count);
  const items = input.messages.map((m) => ({ text: copy.digestItem(m.subject, m.sender), url: m.url }));
  const text =
    [
      copy.greeting(input.name),
      copy.digestExplain(count),
      items.map((i) => `- ${i.text}\n  ${i.url}`).join('\n'),
      copy.private,
      copy.digestWhy,
      copy.signature,
    ].join('\n\n') + '\n';
  const html = renderHtmlMail({
    locale: input.locale,
    title: subject,
    paragraphs: [copy.greeting(input.name), copy.digestExplain(count)],
    links: items,
    action: { label: copy.digestAction, url: input.inboxUrl },
    footer: [copy.private, copy.digestWhy, ...copy.signature.split('\n')],
  });
  return { subject, text, html };
}
