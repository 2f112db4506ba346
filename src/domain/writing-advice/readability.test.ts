import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lix, lixBand, splitSentences, type LixBand } from './readability.js';

// Expected values worked out by hand: LIX = words / sentences + 100 · long words / words,
// a long word having more than six letters.
describe('lix', () => {
  it('a short practical message', () => {
    // 8 words, 2 sentences, long: madpakke, regntøj (morgen has six letters) → 8/2 + 100·2/8
    expect(lix('Vi ses i morgen. Husk madpakke og regntøj.')).toBeCloseTo(29, 10);
  });

  it('a sentence from Balleskolen’s principle (seed 002)', () => {
    // 15 words, 1 sentence, 9 long: Forældrene informeres hvordan hvornår kontaktlæreren kontaktes hvilken svartid forventes
    const text =
      'Forældrene informeres om, hvordan og hvornår kontaktlæreren kan kontaktes, og hvilken svartid der kan forventes.';
    expect(lix(text)).toBeCloseTo(15 + 60, 10);
  });

  it('English, with a time of day that is one word and no sentence end', () => {
    // 16 words (8:30 is one), 3 sentences, 1 long: clothes → 16/3 + 100/16
    expect(lix('The trip is on Friday. Bring a packed lunch and warm clothes. We leave at 8:30.')).toBeCloseTo(
      16 / 3 + 6.25,
      10,
    );
  });

  it('dates, times and abbreviations do not end sentences', () => {
    // Mødet er torsdag d. 26. november kl. 17. | Vi glæder os! → 11 words, 2 sentences, long: torsdag november
    expect(lix('Mødet er torsdag d. 26. november kl. 17. Vi glæder os!')).toBeCloseTo(11 / 2 + 200 / 11, 10);
    // Tag f.eks. en bog med. | Vi læser bl.a. eventyr. → 9 words, 2 sentences, long: eventyr
    expect(lix('Tag f.eks. en bog med. Vi læser bl.a. eventyr.')).toBeCloseTo(9 / 2 + 100 / 9, 10);
  });

  it('line breaks end greetings and sign-offs', () => {
    // Kære forældre | Husk madpakke i morgen | Mvh Anne → 8 words, 3 sentences, long: forældre madpakke
    expect(lix('Kære forældre\n\nHusk madpakke i morgen\n\nMvh Anne')).toBeCloseTo(8 / 3 + 25, 10);
  });

  it('question marks, exclamation marks and colons end sentences', () => {
    // Kommer du? | Ja! | Husk: | madpakke. → 5 words, 4 sentences, long: madpakke
    expect(lix('Kommer du? Ja! Husk: madpakke.')).toBeCloseTo(5 / 4 + 20, 10);
  });

  it('counts æ, ø and å as letters of the word', () => {
    // 3 words, 1 sentence, all long (9, 8 and 8 letters)
    expect(lix('Trætheden påvirker læringen.')).toBeCloseTo(103, 10);
    expect(lix('Trætheden påvirker læringen.'.normalize('NFD'))).toBeCloseTo(103, 10);
  });

  it('a hyphenated compound is one word', () => {
    // 3 words, 1 sentence, long: Skole-hjem-samarbejdet (20 letters), vigtigt
    expect(lix('Skole-hjem-samarbejdet er vigtigt.')).toBeCloseTo(3 + 200 / 3, 10);
  });

  it('is 0 for a text without words', () => {
    for (const text of ['', '   ', '\n\n', '!!! ... ?', '– —']) expect(lix(text), JSON.stringify(text)).toBe(0);
  });
});

describe('splitSentences', () => {
  it('keeps ordinals and abbreviations inside their sentence', () => {
    expect(splitSentences('Mødet er d. 26. november kl. 17. Vi glæder os!')).toEqual([
      'Mødet er d. 26. november kl. 17.',
      'Vi glæder os!',
    ]);
  });
});

describe('lixBand', () => {
  it('uses the Danish scale: under 35 easy, 35–44 medium, 45 and up hard', () => {
    expect([0, 24, 34, 34.99, 35, 44, 44.99, 45, 54, 80].map(lixBand)).toEqual([
      'easy',
      'easy',
      'easy',
      'easy',
      'medium',
      'medium',
      'medium',
      'hard',
      'hard',
      'hard',
    ]);
  });
});

const rank: Record<LixBand, number> = { easy: 0, medium: 1, hard: 2 };
const danishish = fc.string({ unit: fc.constantFrom(...'abcæøå ABCÆØÅ.,!?:-\n0123456789'.split('')), maxLength: 300 });

describe('lix properties', () => {
  it('is never negative and the same for the same text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), danishish), (text) => {
        const value = lix(text);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(Number.isFinite(value)).toBe(true);
        expect(lix(text)).toBe(value);
      }),
    );
  });

  it('does not change when the text is repeated on a new line', () => {
    fc.assert(
      fc.property(danishish, (text) => {
        expect(lix(`${text}\n${text}`)).toBeCloseTo(lix(text), 8);
      }),
    );
  });

  it('bands never get easier as LIX rises', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        (a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(rank[lixBand(low)]).toBeLessThanOrEqual(rank[lixBand(high)]);
        },
      ),
    );
  });
});
