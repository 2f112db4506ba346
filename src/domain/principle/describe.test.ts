import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Locale } from '../../shared/errors.js';
import type { TPrinciple } from '../../shared/principle/principle.schema.js';
import { ZPrincipleDescription } from '../../shared/api/principle.schema.js';
import { describePrinciple } from './describe.js';
import { findPreset } from './presets.js';
import { arbPrinciple } from './principle.arbitrary.js';

const seed = (id: string): TPrinciple => structuredClone(findPreset(id)!.principle);
const sentencesOf = (p: TPrinciple, locale: Locale, section: string) =>
  describePrinciple(p, locale).rules.find((r) => r.id === section)?.sentences ?? [];

describe('describePrinciple', () => {
  it("words Balleskolen's promises the way a parent reads them", () => {
    const p = seed('seed-002');
    expect(sentencesOf(p, 'da', 'communication')).toContain(
      'Vi tilstræber at svare på beskeder fra forældre senest 3 arbejdsdage efter, at vi har modtaget dem.',
    );
    expect(sentencesOf(p, 'da', 'conferences')[0]).toBe(
      'Skolen tilstræber at holde 2 skole-hjem-samtaler om året; den ene runde kan være behovssamtaler.',
    );
    expect(sentencesOf(p, 'da', 'early_dialogue')).toEqual([
      'Opstår der faglige, trivselsmæssige eller adfærdsmæssige udfordringer, kontakter skolen hjemmet pr. telefon eller ved et møde senest 2 arbejdsdage efter, at bekymringen er registreret.',
    ]);
    expect(sentencesOf(p, 'da', 'communication')).toContain(
      'Medarbejderne får ikke notifikationer mellem kl. 18.00 og kl. 07.00 eller i weekenden.',
    );
    expect(sentencesOf(p, 'en', 'communication')).toContain(
      'We aim to reply to messages from parents within 3 working days of receiving them.',
    );
    expect(sentencesOf(p, 'en', 'conferences')[0]).toBe(
      'The school aims to hold 2 school-home conferences a year; one of the two rounds may be needs-based conferences.',
    );
  });

  it('words a firm promise without "tilstræber"', () => {
    const p = seed('seed-002');
    p.communication.responseTime = { workingDays: 3, isTarget: false };
    p.conferences.commitment = 'firm';
    expect(sentencesOf(p, 'da', 'communication')).toContain(
      'Vi svarer på beskeder fra forældre senest 3 arbejdsdage efter, at vi har modtaget dem.',
    );
    expect(sentencesOf(p, 'da', 'conferences')[0]).toBe(
      'Skolen holder 2 skole-hjem-samtaler om året; den ene runde kan være behovssamtaler.',
    );
    p.communication.responseTime = { workingDays: 1, isTarget: false };
    expect(sentencesOf(p, 'da', 'communication')).toContain(
      'Vi svarer på beskeder fra forældre senest 1 arbejdsdag efter, at vi har modtaget dem.',
    );
    expect(sentencesOf(p, 'en', 'communication')).toContain(
      'We reply to messages from parents within 1 working day of receiving them.',
    );
  });

  it('says "at least" for seed 000 and leaves out what the principle does not cover', () => {
    const d = describePrinciple(seed('seed-000'), 'da');
    expect(d.rules.find((r) => r.id === 'conferences')?.sentences[0]).toBe(
      'Skolen holder mindst 1 skole-hjem-samtale om året.',
    );
    expect(d.rules.map((r) => r.id)).toEqual(['conferences', 'communication', 'oversight']);
    expect(d.rules.find((r) => r.id === 'oversight')?.sentences).toEqual([
      'Skolebestyrelsen fører tilsyn med, hvordan skolen efterlever princippet, og får 1 rapport om året fra ledelsen.',
    ]);
    expect(d.prose.map((s) => s.id)).toEqual([
      'purpose',
      'goals',
      'schoolResponsibilities',
      'parentResponsibilities',
      'nextSteps',
    ]);
  });

  it('renders class updates and student involvement by grade band, youngest first', () => {
    const p = seed('seed-001');
    expect(sentencesOf(p, 'da', 'class_updates')).toEqual([
      'I 0.–3. klasse skriver klassen hjem hver uge.',
      'I 4.–6. klasse skriver klassen hjem hver anden uge.',
      'I 7.–9. klasse skriver klassen hjem hver måned.',
    ]);
    expect(sentencesOf(p, 'en', 'student_involvement')[0]).toBe(
      "Students' involvement in the conferences grows with age.",
    );
    expect(sentencesOf(p, 'da', 'student_involvement')).toContain(
      'I 7.–9. klasse fremlægger eleven selv sine mål og er medansvarlig for samtalen.',
    );
    p.classUpdates.bands = [{ fromGrade: 4, toGrade: 4, cadence: 'weekly' }];
    expect(sentencesOf(p, 'en', 'class_updates')).toEqual(['In grade 4, the class writes home every week.']);
    expect(sentencesOf(p, 'da', 'parent_meetings')).toEqual([
      'Hver klasse holder 2 forældremøder om året.',
      'Emner fra skolens trivselshandleplan tages op på forældremøderne.',
      'Klassens kontaktforældre kan være med til at planlægge og holde møderne.',
    ]);
    expect(sentencesOf(p, 'da', 'conferences')).toContain(
      'Testresultater drøftes, men de er ikke omdrejningspunktet for samtalen.',
    );
  });

  it("keeps the board's prose as paragraphs and lists, in English where written and Danish otherwise", () => {
    const p = seed('seed-001');
    const en = describePrinciple(p, 'en');
    const responsibilities = en.prose.find((s) => s.id === 'schoolResponsibilities');
    expect(responsibilities?.lang).toBe('en');
    expect(responsibilities?.blocks[1]).toEqual({
      kind: 'list',
      items: expect.arrayContaining(['AULA', 'Class parent representatives']),
    });
    p.texts.purpose = { da: 'Kun på dansk.' };
    const purpose = describePrinciple(p, 'en').prose.find((s) => s.id === 'purpose');
    expect(purpose).toEqual({
      id: 'purpose',
      heading: 'Purpose',
      lang: 'da',
      blocks: [{ kind: 'paragraph', text: 'Kun på dansk.' }],
    });
  });

  it('shows only the guideposts the school has adopted, with their headings', () => {
    const p = seed('seed-002');
    expect(describePrinciple(p, 'da').aspects).toEqual([]);
    p.aspects[0]!.adopted = true;
    const [aspect, ...rest] = describePrinciple(p, 'da').aspects;
    expect(rest).toEqual([]);
    expect(aspect).toMatchObject({
      id: 'communication',
      lang: 'da',
      title: 'Kommunikation',
      meansThatHeading: 'Det betyder, at:',
      seenWhenHeading: 'Det kan vi se, når:',
    });
    expect(aspect?.seenWhen).toContain('vi skriver, ringer eller mødes afhængigt af situationen og modtageren.');
    expect(describePrinciple(p, 'en').aspects[0]).toMatchObject({
      lang: 'en',
      title: 'Communication',
      seenWhenHeading: 'We can see it when:',
    });
    p.aspects[0]!.intro = { da: 'Egen tekst.' };
    expect(describePrinciple(p, 'en').aspects[0]).toMatchObject({
      lang: 'da',
      title: 'Kommunikation',
      seenWhenHeading: 'Det kan vi se, når:',
    });
  });

  it('renders every valid principle in both languages without placeholders, matching the API shape', () => {
    fc.assert(
      fc.property(arbPrinciple, fc.constantFrom<Locale>('da', 'en'), (p, locale) => {
        const d = describePrinciple(p, locale);
        ZPrincipleDescription.parse(d);
        const ours = [...d.rules.flatMap((r) => [r.heading, ...r.sentences]), ...d.prose.map((s) => s.heading)];
        for (const s of ours) expect(s).not.toMatch(/\{|\}|undefined|NaN|null|\[object|\s\s|\s[.,;]/);
      }),
    );
  });

  it('mentions every number of the principle in the section it belongs to', () => {
    fc.assert(
      fc.property(arbPrinciple, fc.constantFrom<Locale>('da', 'en'), (p, locale) => {
        const text = (id: string) => sentencesOf(p, locale, id).join(' ');
        const has = (id: string, n: number | string) =>
          expect(text(id), `${id} should mention ${n}`).toMatch(new RegExp(`(^|\\D)${n}(\\D|$)`));
        has('conferences', p.conferences.perYear);
        has('conferences', p.conferences.invitationLeadDays);
        if (p.conferences.needsBasedRounds > 1) has('conferences', p.conferences.needsBasedRounds);
        if (p.conferences.needsBasedRounds === 1)
          expect(text('conferences')).toMatch(locale === 'da' ? /ene runde|én af runderne/ : /one of the/);
        if (p.conferences.studentPlan) has('conferences', p.conferences.studentPlan.leadDays);
        if (p.parentMeetings) has('parent_meetings', p.parentMeetings.perYear);
        else expect(text('parent_meetings')).toBe('');
        if (p.communication.responseTime) has('communication', p.communication.responseTime.workingDays);
        if (p.communication.quietHours) {
          const time = (t: string) => (locale === 'da' ? t.replace(':', '.') : t);
          has('communication', time(p.communication.quietHours.from));
          has('communication', time(p.communication.quietHours.to));
        }
        if (p.earlyDialogue) has('early_dialogue', p.earlyDialogue.contactWithinWorkingDays);
        else expect(text('early_dialogue')).toBe('');
        for (const band of p.classUpdates.bands) {
          has('class_updates', band.fromGrade);
          has('class_updates', band.toGrade);
        }
        for (const band of p.studentInvolvement.bands) has('student_involvement', band.toGrade);
        has('oversight', p.oversight.reportsPerYear);
      }),
    );
  });
});
