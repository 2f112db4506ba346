import { describe, expect, it } from 'vitest';
import { digestMail, messageMail, messageNotice } from './message-notification.js';

const about = {
  subject: '<b>Emma</b> & turen',
  sender: 'Birgitte Lund',
  urgent: false,
  url: 'https://samspil.example/messages/1',
};

describe('message notification texts', () => {
  it('names subject, sender and link in the reader’s language, as text and escaped HTML', () => {
    const da = messageMail({ locale: 'da', name: 'Mette', message: about });
    expect(da.subject).toBe('Ny besked: <b>Emma</b> & turen');
    expect(da.text).toContain('Hej Mette');
    expect(da.text).toContain('Birgitte Lund har sendt dig en ny besked');
    expect(da.text).toContain(about.url);
    expect(da.html).toContain('&lt;b&gt;Emma&lt;/b&gt; &amp; turen');
    expect(da.html).not.toContain('<b>Emma</b>');
    expect(da.html).toContain('lang="da"');
    const en = messageMail({ locale: 'en', name: 'Sara', message: { ...about, urgent: true } });
    expect(en.subject).toBe('Urgent: <b>Emma</b> & turen');
    expect(en.text).toContain('marked as urgent');
    expect(messageNotice('en', about)).toEqual({
      title: 'New message: <b>Emma</b> & turen',
      body: 'From Birgitte Lund',
    });
  });

  it('lists a digest’s messages each with its link, counted in the right grammatical number', () => {
    const one = digestMail({
      locale: 'da',
      name: 'Mette',
      messages: [about],
      inboxUrl: 'https://samspil.example/messages',
    });
    expect(one.subject).toBe('Dagens oversigt: 1 ny besked');
    const two = digestMail({
      locale: 'da',
      name: 'Mette',
      messages: [about, { ...about, subject: 'Madpakker', url: 'https://samspil.example/messages/2' }],
      inboxUrl: 'https://samspil.example/messages',
    });
    expect(two.subject).toBe('Dagens oversigt: 2 nye beskeder');
    expect(two.text).toContain('- Madpakker — fra Birgitte Lund\n  https://samspil.example/messages/2');
    expect(two.html).toContain(
      '<a href="https://samspil.example/messages/2" style="color:#1d4ed8">Madpakker — fra Birgitte Lund</a>',
    );
  });
});
