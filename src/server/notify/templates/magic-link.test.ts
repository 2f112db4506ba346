import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html.js';
import { magicLinkMail } from './magic-link.js';

const link = 'https://samspil.example/login/link?token=abc_DEF-123';

describe('the sign-in link mail', () => {
  it('is written in Danish for a Danish reader, with the link in the text part', () => {
    const mail = magicLinkMail({ locale: 'da', name: 'Mette', link, minutes: 15 });
    expect(mail.subject).toBe('Dit link til at logge ind på Samspil');
    expect(mail.text).toContain('Hej Mette');
    expect(mail.text).toContain('15 minutter');
    expect(mail.text).toContain(link);
    expect(mail.html).toContain('<html lang="da">');
  });

  it('is written in English for an English reader', () => {
    const mail = magicLinkMail({ locale: 'en', name: 'Ali', link, minutes: 15 });
    expect(mail.subject).toBe('Your link to sign in to Samspil');
    expect(mail.text).toContain('Hello Ali');
    expect(mail.text).toContain('15 minutes');
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).toContain(`href="${link}"`);
  });

  it('escapes what it inserts into the HTML part', () => {
    const mail = magicLinkMail({
      locale: 'da',
      name: '<script>alert("x")</script> & Co',
      link: `${link}&x="y"`,
      minutes: 15,
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(mail.html).toContain('&amp;x=&quot;y&quot;');
    expect(mail.text).toContain('<script>alert("x")</script> & Co');
  });

  it('escapes every HTML-special character', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
