import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectShouting } from './shouting.js';

describe('detectShouting', () => {
  it('hears a message in capitals', () => {
    expect(detectShouting('JEG ER MEGET VRED OVER AT INGEN HAR SVARET')).toEqual({
      shouting: true,
      reasons: ['capitals'],
    });
    expect(detectShouting('WHY HAS NOBODY ANSWERED MY MESSAGE')).toEqual({ shouting: true, reasons: ['capitals'] });
  });

  it('hears one sentence in capitals inside a calm message', () => {
    const text =
      'Jeg har skrevet flere gange om turen i næste uge. HVORFOR HAR INGEN SVARET MIG? Vi vil gerne vide, hvad vi skal pakke.';
    expect(detectShouting(text).reasons).toEqual(['capitals']);
  });

  it('hears piles of exclamation marks', () => {
    expect(detectShouting('Hvorfor har ingen svaret mig!!!')).toEqual({ shouting: true, reasons: ['exclamations'] });
    expect(detectShouting('Svar nu!!?!').reasons).toEqual(['exclamations']);
    expect(
      detectShouting('Det er ikke i orden! I skal svare! Jeg venter! Nu! Hvorfor sker der ingenting!').reasons,
    ).toEqual(['exclamations']);
    expect(detectShouting('SVAR MIG NU ELLER JEG KLAGER!!!')).toEqual({
      shouting: true,
      reasons: ['capitals', 'exclamations'],
    });
  });

  it('lets a friendly message, acronyms, headings and short greetings pass', () => {
    for (const text of [
      'Tak for i dag! Vi ses i morgen.',
      'Hej! Tak! Vi ses! God weekend!',
      'Vi har et møde med PPR og SFO om hans ADHD i næste uge.',
      'Husk: AULA, PPR, SFO, ADHD, OCD.',
      'HEJ ANNE',
      'VORES MISSION\nVi vil skabe et godt samarbejde mellem skole og hjem for alle elever.',
      'Vi skal til LEGO House med 3.A og 5.B på fredag.',
      '',
    ]) {
      expect(detectShouting(text), text).toEqual({ shouting: false, reasons: [] });
    }
  });

  it('adding "!!!" never quiets a text, and always makes it shout', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat(), (text, at) => {
        const before = detectShouting(text);
        const appended = detectShouting(`${text}!!!`);
        expect(appended.shouting).toBe(true);
        for (const reason of before.reasons) expect(appended.reasons).toContain(reason);
        const position = at % (text.length + 1);
        expect(detectShouting(`${text.slice(0, position)}!!!${text.slice(position)}`).shouting).toBe(true);
      }),
    );
  });

  it('text in lower case never shouts in capitals', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(detectShouting(text.toLowerCase()).reasons).not.toContain('capitals');
      }),
    );
  });
});
