import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adviseOnMessage, lix, lixBand } from './index.js';

const staff = { sender: 'staff' as const, readerNeedsPlainLanguage: false };
const guardian = { sender: 'guardian' as const, readerNeedsPlainLanguage: false };
// 15 words, LIX 75 (see readability.test.ts).
const HARD =
  'Forældrene informeres om, hvordan og hvornår kontaktlæreren kan kontaktes, og hvilken svartid der kan forventes.';
// 14 words, 2 sentences, 5 long: 7 + 500/14 ≈ 42.7.
const MEDIUM = 'Vi holder forældremøde på torsdag. Vi taler om trivsel og om lejrskolen i foråret.';
const EASY = 'Vi ses i morgen. Husk madpakke og regntøj.';

describe('adviseOnMessage', () => {
  it('gives the rounded LIX and its band', () => {
    expect(adviseOnMessage({ ...staff, text: MEDIUM })).toEqual({ lix: 43, band: 'medium', hints: [] });
    expect(adviseOnMessage({ ...staff, text: EASY })).toEqual({ lix: 29, band: 'easy', hints: [] });
  });

  it('asks staff to write easier when the text is hard, or not easy for a reader who needs plain language', () => {
    expect(adviseOnMessage({ ...staff, text: HARD }).hints).toEqual([{ code: 'write_easier' }]);
    expect(adviseOnMessage({ ...staff, text: MEDIUM, readerNeedsPlainLanguage: true }).hints).toEqual([
      { code: 'write_easier' },
    ]);
    expect(adviseOnMessage({ ...staff, text: EASY, readerNeedsPlainLanguage: true }).hints).toEqual([]);
  });

  it('does not judge the readability of a few words, nor of a guardian’s message', () => {
    expect(adviseOnMessage({ ...staff, text: 'Forældremødet aflyses.' })).toEqual({
      lix: 102,
      band: 'hard',
      hints: [],
    });
    expect(adviseOnMessage({ ...guardian, text: HARD }).hints).toEqual([]);
  });

  it('suggests a call or a meeting for a sensitive matter, from either side, naming the topics', () => {
    expect(adviseOnMessage({ ...guardian, text: 'Vores søn bliver mobbet, og han vil ikke i skole.' }).hints).toEqual([
      { code: 'consider_call_or_meeting', topics: ['bullying', 'absence'] },
    ]);
    expect(adviseOnMessage({ ...staff, text: 'We are worried about her mental health.' }).hints).toEqual([
      { code: 'consider_call_or_meeting', topics: ['wellbeing'] },
    ]);
  });

  it('reads the subject for topics and tone too', () => {
    expect(
      adviseOnMessage({ ...guardian, subject: 'Skilsmisse', text: 'Kan vi tale sammen i næste uge?' }).hints,
    ).toEqual([{ code: 'consider_call_or_meeting', topics: ['family_conflict'] }]);
    expect(
      adviseOnMessage({ ...guardian, subject: 'SVAR NU ELLER JEG KLAGER', text: 'Jeg venter på svar.' }).hints,
    ).toEqual([{ code: 'tone_shouting' }]);
  });

  it('puts every hint that applies in a fixed order', () => {
    const text =
      'VORES SØN BLIVER MOBBET HVER DAG OG INGEN GØR NOGET!!! Forældrene informeres om, hvordan og hvornår kontaktlæreren kan kontaktes, og hvilken svartid der kan forventes.';
    expect(adviseOnMessage({ ...staff, text }).hints.map((hint) => hint.code)).toEqual([
      'consider_call_or_meeting',
      'tone_shouting',
      'write_easier',
    ]);
  });

  it('always advises, never refuses: any text gets a LIX, its band and at most one hint of each kind', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.option(fc.string({ maxLength: 60 }), { nil: undefined }),
        fc.boolean(),
        fc.constantFrom('staff' as const, 'guardian' as const),
        (text, subject, plain, sender) => {
          const advice = adviseOnMessage({ text, subject, readerNeedsPlainLanguage: plain, sender });
          expect(advice.lix).toBe(Math.round(lix(text)));
          expect(advice.band).toBe(lixBand(advice.lix));
          const codes = advice.hints.map((hint) => hint.code);
          expect(new Set(codes).size).toBe(codes.length);
        },
      ),
    );
  });
});
