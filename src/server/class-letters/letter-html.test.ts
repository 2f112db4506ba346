import { describe, expect, it } from 'vitest';
import { LETTER_EXCERPT_MAX, letterExcerpt, letterText, sanitizeLetterHtml } from './letter-html.js';

const image = '0b7c1f5e-3c1e-4a53-9a0e-2f9a3c1e4a53';
const clean = (dirty: string) => sanitizeLetterHtml(dirty, new Set([image]));

describe("a class letter's rich text", () => {
  it('keeps the small safe set of tags', () => {
    const dirty =
      '<h2>Uge 50</h2><p><strong>Fed</strong> og <em>kursiv</em></p><ul><li>Et</li></ul><ol><li>To</li></ol>';
    expect(clean(dirty).html).toBe(dirty);
  });

  it('removes scripts with their text, event handlers and javascript links', () => {
    const { html } = clean(
      '<p onclick="steal()">Hej<script>alert(1)</script></p><img src=x onerror="alert(2)"><a href="javascript:alert(3)">klik</a><style>p{}</style>',
    );
    expect(html).toBe('<p>Hej</p>klik');
    expect(html).not.toMatch(/script|onerror|onclick|javascript|alert/i);
  });

  it('opens links without access to our page and keeps only web and mail addresses', () => {
    expect(clean('<a href="https://skole.dk" target="_blank">Skolen</a>').html).toBe(
      '<a href="https://skole.dk" rel="noopener noreferrer">Skolen</a>',
    );
    expect(clean('<a href="mailto:a@b.dk">Skriv</a>').html).toContain('href="mailto:a@b.dk"');
    expect(clean('<a href="data:text/html,x">x</a>').html).toBe('x');
  });

  it("keeps images only of the letter's own attachments", () => {
    const own = `<img src="/api/attachments/${image}" alt="Klassen på tur" />`;
    expect(clean(own)).toEqual({ html: own, images: [image] });
    expect(clean('<img src="https://tracker.example/pixel.gif">').html).toBe('');
    expect(clean('<img src="/api/attachments/11111111-1111-4111-8111-111111111111">').html).toBe('');
  });

  it('reads the words without markup', () => {
    expect(letterText('<h2>Uge 50</h2><p>Vi har <strong>læst</strong>.</p><ul><li>Husk madpakke</li></ul>')).toBe(
      'Uge 50 Vi har læst. Husk madpakke',
    );
    // Plain text, not HTML: the list shows it as text.
    expect(letterText('<p>Mor &amp; far &lt;3 &quot;tak&quot;</p>')).toBe('Mor & far <3 "tak"');
  });

  it('gives a list the start of the words, cut between words', () => {
    expect(letterExcerpt('<p>Kort brev.</p>')).toBe('Kort brev.');
    expect(letterExcerpt('<h2>Tur til skoven</h2><p>Vi samlede blade.</p><h3>Husk!</h3><p>Tøj.</p>')).toBe(
      'Tur til skoven – Vi samlede blade. Husk! Tøj.',
    );
    const long = `<p>${'Vi har arbejdet med brøker og læst højt hver dag, '.repeat(8)}</p>`;
    const excerpt = letterExcerpt(long);
    expect(excerpt.length).toBeLessThanOrEqual(LETTER_EXCERPT_MAX);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(letterText(long).startsWith(excerpt.slice(0, -1))).toBe(true);
    // Whole words only: the text goes on with a space where the excerpt stops.
    expect(letterText(long)[excerpt.length - 1]).toMatch(/[\s,]/);
  });
});
