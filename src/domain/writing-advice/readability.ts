/**
 * LIX, the Scandinavian readability index (Carl-Hugo Björnsson, "Läsbarhet", 1968):
 * words per sentence plus the percentage of long words (more than six letters).
 */

export type LixBand = 'easy' | 'medium' | 'hard';

/**
 * A number such as 8:30 or 1.000, or a word of letters and digits joined over inner hyphens,
 * apostrophes and full stops, so "skole-hjem-samarbejde" and "f.eks." are one word each.
 */
const WORD = /\p{N}+(?:[.,:]\p{N}+)*|[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
const LETTER = /\p{L}/gu;
const LONG_WORD_LETTERS = 6;

/**
 * Abbreviations that end in a full stop in the middle of a sentence ("f.eks.", "kl. 8"), so
 * their stop does not count as the end of one.
 */
const MID_SENTENCE_ABBREVIATIONS = new Set([
  'f.eks',
  'bl.a',
  'ca',
  'kl',
  'nr',
  'jf',
  'pga',
  'mht',
  'hhv',
  'inkl',
  'ekskl',
  'tlf',
  'ang',
  'vedr',
  'e.g',
  'i.e',
  'approx',
]);

/** A run of . ! ? : that is followed by a space, a closing quote or bracket, or the end. */
const TERMINATOR = /[.!?:]+(?=[\s"'”’»)\]]|$)/gu;

function endsSentence(text: string, run: string, index: number): boolean {
  if (/[!?:]/.test(run)) return true;
  const following = text.slice(index + run.length).trimStart();
  // Sentences begin with a capital, so "26. november", "kl. 8" and "osv. og" run on.
  if (following !== '' && /^[\p{Ll}\p{N}]/u.test(following)) return false;
  const before = /[\p{L}.]+$/u.exec(text.slice(0, index))?.[0].toLowerCase() ?? '';
  return !MID_SENTENCE_ABBREVIATIONS.has(before);
}

/**
 * The text cut into sentences. A line break also ends one, since messages carry greetings,
 * sign-offs and lists without full stops.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const line of text.normalize('NFC').split(/\r?\n/)) {
    let start = 0;
    for (const match of line.matchAll(TERMINATOR)) {
      if (!endsSentence(line, match[0], match.index)) continue;
      sentences.push(line.slice(start, match.index + match[0].length));
      start = match.index + match[0].length;
    }
    sentences.push(line.slice(start));
  }
  return sentences.map((s) => s.trim()).filter((s) => words(s).length > 0);
}

export function words(text: string): string[] {
  return text.normalize('NFC').match(WORD) ?? [];
}

const letterCount = (word: string) => word.match(LETTER)?.length ?? 0;

/** LIX of a text: 0 for a text without words. */
export function lix(text: string): number {
  const all = words(text);
  if (all.length === 0) return 0;
  const sentences = splitSentences(text).length;
  const long = all.filter((word) => letterCount(word) > LONG_WORD_LETTERS).length;
  return all.length / sentences + (100 * long) / all.length;
}

/**
 * The band a LIX value falls in, on the Danish reading of Björnsson's scale as libraries and
 * writing guides publish it: under 25 very easy and 25–34 easy (children's and popular
 * fiction), 35–44 medium (newspapers), 45–54 hard (non-fiction), 55 and up very hard
 * (official and academic prose). We fold the outer steps into three plain bands.
 */
export function lixBand(value: number): LixBand {
  if (value < 35) return 'easy';
  if (value < 45) return 'medium';
  return 'hard';
}
