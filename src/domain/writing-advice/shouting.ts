import { splitSentences } from './readability.js';

/** Read as shouting online: long stretches in capitals, or a pile of exclamation marks. */

export type ShoutingReason = 'capitals' | 'exclamations';

export interface ShoutingResult {
  shouting: boolean;
  reasons: ShoutingReason[];
}

/**
 * Acronyms a school writes in capitals without raising its voice. Words of one or two letters
 * ("EU", "TV", the B of 5.B) never count.
 */
const ACRONYMS = new Set([
  'ADHD',
  'ADD',
  'OCD',
  'DCD',
  'PPR',
  'SFO',
  'SFH',
  'AULA',
  'UNI',
  'PLC',
  'AKT',
  'SSP',
  'UUV',
  'KUU',
  'BUPL',
  'DLF',
  'FOA',
  'BUF',
  'CPR',
  'NEMID',
  'MITID',
  'SMS',
  'PDF',
  'GPS',
  'USA',
  'DGI',
  'DBU',
  'FDF',
  'KFUM',
  'KFUK',
  'LEGO',
  'IKEA',
  'NATO',
  'UNICEF',
  'DSB',
  'ASF',
  'FVU',
  'FSA',
  'STX',
  'HHX',
  'HTX',
  'EUD',
  'EUX',
  'TEACCH',
  'ICT',
  'SENCO',
  'PTA',
]);

const MIN_WORD_LETTERS = 3;
/** Below this many letters a few capitals are a greeting or a name ("HEJ ANNE"), not a tone. */
const MIN_LETTERS = 12;
/** A sentence in capitals inside a longer text shouts from three words on; a two-word heading ("VORES MISSION") does not. */
const MIN_SENTENCE_WORDS = 3;
const CAPITALS_SHARE = 0.5;
const MANY_EXCLAMATIONS = 5;
/** Three exclamation marks in a row, allowing the "?" and "1" that often sit between them. */
const EXCLAMATION_RUN = /!(?:[?1]*!){2,}/u;

function capitalsShare(text: string): { words: number; letters: number; share: number } {
  const counted = (text.normalize('NFC').match(/\p{L}+/gu) ?? []).filter(
    (word) => Array.from(word).length >= MIN_WORD_LETTERS && !ACRONYMS.has(word.toUpperCase()),
  );
  const letters = counted.reduce((sum, word) => sum + Array.from(word).length, 0);
  const capitals = counted.reduce((sum, word) => sum + (word.match(/\p{Lu}/gu)?.length ?? 0), 0);
  return { words: counted.length, letters, share: letters === 0 ? 0 : capitals / letters };
}

const shoutsInCapitals = (text: string, minWords: number) => {
  const { words, letters, share } = capitalsShare(text);
  return words >= minWords && letters >= MIN_LETTERS && share >= CAPITALS_SHARE;
};

/** Whether a text shouts, and why: the whole text or one sentence mostly in capitals, or many exclamation marks. */
export function detectShouting(text: string): ShoutingResult {
  const reasons: ShoutingReason[] = [];
  const sentences = splitSentences(text);
  if (shoutsInCapitals(text, 1) || sentences.some((sentence) => shoutsInCapitals(sentence, MIN_SENTENCE_WORDS)))
    reasons.push('capitals');
  const exclamations = text.match(/!/g)?.length ?? 0;
  // One cheerful "Tak!" per sentence is friendly; most sentences ending in "!" is not.
  if (EXCLAMATION_RUN.test(text) || (exclamations >= MANY_EXCLAMATIONS && exclamations * 2 > sentences.length))
    reasons.push('exclamations');
  return { shouting: reasons.length > 0, reasons };
}
