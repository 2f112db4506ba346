import { lix, lixBand, words, type LixBand } from './readability.js';
import { detectSensitiveTopics, type SensitiveTopic } from './sensitive-topics.js';
import { detectShouting } from './shouting.js';

/**
 * Advice the composer shows before a message is sent (issue 4). Codes only: the client holds
 * the Danish and English wording. Advice never blocks sending.
 */

export type AdviceHintCode = 'write_easier' | 'consider_call_or_meeting' | 'tone_shouting';

export interface AdviceHint {
  code: AdviceHintCode;
  /** With consider_call_or_meeting: the topics that make the message sensitive. */
  topics?: SensitiveTopic[];
}

export interface Advice {
  /** LIX of the message body, rounded to a whole number as LIX is usually quoted. */
  lix: number;
  band: LixBand;
  hints: AdviceHint[];
}

export interface AdviceInput {
  text: string;
  subject?: string;
  /** The reader's first language is not Danish, or they asked for plain language. */
  readerNeedsPlainLanguage: boolean;
  sender: 'staff' | 'guardian';
}

/** LIX says little about a few words ("Forældremødet aflyses." scores 102). */
const MIN_WORDS_FOR_READABILITY = 10;

export function adviseOnMessage(input: AdviceInput): Advice {
  const subject = input.subject ?? '';
  const value = Math.round(lix(input.text));
  const band = lixBand(value);
  const hints: AdviceHint[] = [];

  const topics = detectSensitiveTopics(`${subject}\n${input.text}`).map((found) => found.topic);
  if (topics.length > 0) hints.push({ code: 'consider_call_or_meeting', topics });

  if (detectShouting(input.text).shouting || detectShouting(subject).shouting) hints.push({ code: 'tone_shouting' });

  // Staff owe guardians plain language; a guardian writing to professionals is not told to simplify.
  const tooHard = band === 'hard' || (band === 'medium' && input.readerNeedsPlainLanguage);
  if (input.sender === 'staff' && tooHard && words(input.text).length >= MIN_WORDS_FOR_READABILITY)
    hints.push({ code: 'write_easier' });

  return { lix: value, band, hints };
}
