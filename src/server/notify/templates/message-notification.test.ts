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
      letters: [],
      inboxUrl: 'https://samspil.example/messages',
      lettersUrl: 'https://samspil.example/#class-letter-feed-1',
    });
    expect(one.subject).toBe('Dagens oversigt: 1 ny besked');
    expect(one.text).not.toMatch(/ugebrev/);
    const two = digestMail({
      locale: 'da',
      name: 'Mette',
      messages: [about, { ...about, subject: 'Madpakker', url: 'https://samspil.example/messages/2' }],
      letters: [],
      inboxUrl: 'https://samspil.example/messages',
      lettersUrl: 'https://samspil.example/#class-letter-feed-1',
    });
    expect(two.subject).toBe('Dagens oversigt: 2 nye beskeder');
    expect(two.text).toContain('- Madpakker — fra Birgitte Lund\n  https://samspil.example/messages/2');
    expect(two.html).toContain(
      '<a href="https://samspil.example/messages/2" style="color:#1d4ed8">Madpakker — fra Birgitte Lund</a>',
    );
  });

  const letter = (title: string, className: string, n: number) => ({
    title,
    className,
    url: `https://samspil.example/schools/1/class-letters/${n}`,
  });
  const lettersUrl = 'https://samspil.example/#class-letter-feed-1';
  const inboxUrl = 'https://samspil.example/messages';

  it('names class letters as letters from their class, never as messages, in text and HTML', () => {
    const da = digestMail({
      locale: 'da',
      name: 'Mette',
      messages: [],
      letters: [letter('Ugebrev uge 48', '3.A', 1)],
      inboxUrl,
      lettersUrl,
    });
    expect(da.subject).toBe('Dagens oversigt: 1 nyt ugebrev fra 3.A');
    expect(da.text).toBe(
      [
        'Hej Mette',
        'Du har 1 nyt ugebrev fra 3.A i Samspil, som du ikke har læst endnu:',
        '- Ugebrev uge 48 — fra 3.A\n  https://samspil.example/schools/1/class-letters/1',
        'Du får én oversigt om dagen kl. 17, når der er nyt. Du kan i stedet få besked med det samme under Profil → Notifikationer. Beskeder, der haster, får du altid med det samme.',
        'Venlig hilsen\nSamspil',
      ].join('\n\n') + '\n',
    );
    expect(da.text).not.toMatch(/besked(er)? fra i dag|ulæst/);
    expect(da.html).toContain(
      '<p style="margin:0 0 16px;">Du har 1 nyt ugebrev fra 3.A i Samspil, som du ikke har læst endnu:</p>',
    );
    expect(da.html).toContain(
      '<a href="https://samspil.example/schools/1/class-letters/1" style="color:#1d4ed8">Ugebrev uge 48 — fra 3.A</a>',
    );
    // A digest of letters only opens the home's news from the class, not the inbox.
    expect(da.html).toContain(`href="${lettersUrl}"`);
    expect(da.html).toContain('>Åbn Samspil</a>');
    expect(da.html).not.toContain(inboxUrl);

    const en = digestMail({
      locale: 'en',
      name: 'Sara',
      messages: [],
      letters: [letter('Week 48', '3.A', 1)],
      inboxUrl,
      lettersUrl,
    });
    expect(en.subject).toBe("Today's summary: 1 new class letter from 3.A");
    expect(en.text).toContain('You have 1 new class letter from 3.A in Samspil that you have not read yet:');
    expect(en.html).toContain('Week 48 — from 3.A</a>');
  });

  it('counts letters apart from messages, in the right grammatical number, from one class or several', () => {
    const two = digestMail({
      locale: 'da',
      name: 'Mette',
      messages: [about],
      letters: [letter('Ugebrev uge 48', '3.A', 1), letter('Månedsbrev', '5.B', 2)],
      inboxUrl,
      lettersUrl,
    });
    expect(two.subject).toBe('Dagens oversigt: 1 ny besked og 2 nye ugebreve');
    expect(two.text).toContain(
      'Du har 1 ulæst besked fra i dag i Samspil:\n\n- <b>Emma</b> & turen — fra Birgitte Lund',
    );
    expect(two.text).toContain(
      'Du har 2 nye ugebreve i Samspil, som du ikke har læst endnu:\n\n- Ugebrev uge 48 — fra 3.A\n  https://samspil.example/schools/1/class-letters/1\n- Månedsbrev — fra 5.B',
    );
    // Messages first, then the letters; the button opens the inbox.
    expect(two.html.indexOf('ulæst besked')).toBeLessThan(two.html.indexOf('nye ugebreve i Samspil'));
    expect(two.html).toContain('>Åbn dine beskeder</a>');
    expect(two.html).toContain('Af hensyn til jeres privatliv');

    const sameClass = digestMail({
      locale: 'en',
      name: 'Sara',
      messages: [about, about],
      letters: [letter('Week 47', '3.A', 1), letter('Week 48', '3.A', 2)],
      inboxUrl,
      lettersUrl,
    });
    expect(sameClass.subject).toBe("Today's summary: 2 new messages and 2 new class letters from 3.A");
    expect(sameClass.text).toContain('You have 2 new class letters from 3.A in Samspil that you have not read yet:');
  });
});
