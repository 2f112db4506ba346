import { describe, expect, it } from 'vitest';
import { ZPrinciple, ASPECT_IDS } from '../../shared/principle/principle.schema.js';
import { ZPrinciplePresetsResponse } from '../../shared/api/principle.schema.js';
import {
  findPreset,
  GUIDEPOST_ASPECTS,
  PRINCIPLE_PRESETS,
  principleForSchool,
  SCHOOL_NAME_PLACEHOLDER,
} from './presets.js';
import { classUpdateCadenceFor, regularConferenceRounds, studentInvolvementFor } from './rules.js';

const preset = (id: string) => {
  const found = findPreset(id);
  if (!found) throw new Error(`no preset ${id}`);
  return found.principle;
};

describe('PRINCIPLE_PRESETS', () => {
  it('has one preset per seed school, with the ids other code depends on', () => {
    expect(PRINCIPLE_PRESETS.map((p) => p.id)).toEqual(['seed-000', 'seed-001', 'seed-002']);
    expect(findPreset('seed-002')?.name.da).toBe('Princip for skole-hjem-samarbejde på Balleskolen');
    expect(findPreset('seed-999')).toBeUndefined();
  });

  it('validates every preset against the model unchanged, and the API shape with the aspects', () => {
    for (const p of PRINCIPLE_PRESETS) expect(ZPrinciple.parse(p.principle), p.id).toEqual(p.principle);
    expect(() =>
      ZPrinciplePresetsResponse.parse({ presets: PRINCIPLE_PRESETS, aspects: GUIDEPOST_ASPECTS }),
    ).not.toThrow();
  });

  it('gives every preset a name, source and note in Danish and English', () => {
    for (const p of PRINCIPLE_PRESETS) {
      for (const field of [p.name, p.source, p.note]) {
        expect(field.da.length, p.id).toBeGreaterThan(0);
        expect(field.en.length, p.id).toBeGreaterThan(0);
      }
    }
  });

  it('seed 000: at least one conference a year, student plans and invitations in good time, the board supervises', () => {
    const p = preset('seed-000');
    expect(p.conferences).toMatchObject({
      perYear: 1,
      commitment: 'at_least',
      needsBasedRounds: 0,
      extraWhenNeeded: true,
      concreteAgreements: true,
    });
    expect(p.conferences.studentPlan).toEqual({ form: 'student_plan', leadDays: 7 });
    expect(p.conferences.invitationLeadDays).toBe(21);
    expect(p.oversight.boardSupervises).toBe(true);
    expect(p.parentMeetings).toBeNull();
    expect(p.communication.responseTime).toBeNull();
    expect(p.texts.nextSteps?.da).toContain('Skolebestyrelsen fører tilsyn med, hvordan skolen efterlever princippet.');
    expect(findPreset('seed-000')?.note.da).toContain('i tilpas god tid');
    expect(findPreset('seed-000')?.note.da).toContain('skolens eget valg');
  });

  it('seed 001: two parent meetings and two conferences, involvement grows with age, youngest written to most often', () => {
    const p = preset('seed-001');
    expect(p.conferences).toMatchObject({
      perYear: 2,
      commitment: 'firm',
      studentsTakePart: true,
      allPartiesAddTopics: true,
      testResults: 'included_not_central',
    });
    expect(p.parentMeetings).toEqual({
      perYear: 2,
      commitment: 'firm',
      wellBeingPlanTopics: true,
      representativesHelpPlan: true,
    });
    expect([0, 3, 4, 6, 7, 9].map((g) => classUpdateCadenceFor(p, g))).toEqual([
      'weekly',
      'weekly',
      'fortnightly',
      'fortnightly',
      'monthly',
      'monthly',
    ]);
    expect([1, 5, 8].map((g) => studentInvolvementFor(p, g))).toEqual(['present', 'contributes', 'co_leads']);
    expect(findPreset('seed-001')?.note.da).toContain('skolens eget valg');
  });

  it('seed 002 (Balleskolen): contact teacher as hub, reply within 3 working days as a target, sensitive matters in person, one needs-based round, early contact', () => {
    const p = preset('seed-002');
    expect(p.communication).toMatchObject({
      contactTeacherIsHub: true,
      responseTime: { workingDays: 3, isTarget: true },
      sensitiveMattersInPerson: true,
    });
    expect(p.communication.quietHours).toEqual({ from: '18:00', to: '07:00', weekends: true });
    expect(p.conferences).toMatchObject({
      perYear: 2,
      needsBasedRounds: 1,
      commitment: 'target',
      studentsTakePart: true,
    });
    expect(regularConferenceRounds(p)).toBe(1);
    expect(p.parentMeetings).toMatchObject({ perYear: 2, commitment: 'target' });
    expect(p.earlyDialogue).toEqual({
      contactWithinWorkingDays: 2,
      channels: ['phone', 'meeting'],
      concernKinds: ['academic', 'well_being', 'behaviour'],
    });
    expect(p.conferences.studentPlan?.form).toBe('message_book');
    expect(p.texts.studentRole?.da).toContain('støttes i gradvist at tage ansvar for egen udvikling');
    expect(findPreset('seed-002')?.note.da).toContain('arbejdsdage');
  });
});

describe('GUIDEPOST_ASPECTS (seed 004)', () => {
  it('holds the five aspects in the document order with their Danish titles', () => {
    expect(GUIDEPOST_ASPECTS.map((a) => a.id)).toEqual([...ASPECT_IDS]);
    expect(GUIDEPOST_ASPECTS.map((a) => a.title.da)).toEqual([
      'Kommunikation',
      'Tydelig rollefordeling',
      'Inddragelse og samarbejde',
      'Forældrenes perspektiv',
      'Det strategiske blik',
    ]);
  });

  it('gives every aspect three "det betyder, at" statements and three "det kan vi se, når" indicators, each translated', () => {
    for (const aspect of GUIDEPOST_ASPECTS) {
      expect(aspect.meansThat).toHaveLength(3);
      expect(aspect.seenWhen).toHaveLength(3);
      for (const s of [...aspect.meansThat, ...aspect.seenWhen]) expect(s.text.en, s.id).toBeTruthy();
    }
  });

  it('quotes the document word for word', () => {
    const communication = GUIDEPOST_ASPECTS[0];
    expect(communication?.seenWhen[0]?.text.da).toBe(
      'vi skriver, ringer eller mødes afhængigt af situationen og modtageren.',
    );
    expect(GUIDEPOST_ASPECTS[4]?.seenWhen[1]?.text.da).toBe(
      'vi ved, hvornår vi skal skrive, ringe eller mødes med forældrene.',
    );
    expect(GUIDEPOST_ASPECTS[3]?.meansThat[1]?.text.da).toBe(
      'vi er åbne og nysgerrige - også i forhold til det, der er svært.',
    );
  });

  it('starts every preset with all five aspects, none adopted yet', () => {
    for (const p of PRINCIPLE_PRESETS) {
      expect(p.principle.aspects.map((a) => a.id)).toEqual([...ASPECT_IDS]);
      expect(p.principle.aspects.every((a) => !a.adopted)).toBe(true);
    }
  });
});

describe('presets are templates: the school that takes one is named in it', () => {
  const texts = (p: unknown) => JSON.stringify((p as { texts: unknown }).texts);

  it('names no seed school in its texts, only the placeholder where the seed named itself', () => {
    for (const p of PRINCIPLE_PRESETS) expect(texts(p.principle), p.id).not.toContain('Balleskolen');
    expect(preset('seed-002').texts.purpose.da).toContain(`På ${SCHOOL_NAME_PLACEHOLDER} bygger samarbejdet`);
    expect(preset('seed-002').texts.studentRole?.en).toContain(`every student at ${SCHOOL_NAME_PLACEHOLDER} to thrive`);
  });

  it("fills in the school's name in Danish and English, and changes nothing else", () => {
    const demo = principleForSchool(preset('seed-002'), 'Demo Skole');
    expect(demo.texts.purpose.da).toContain('På Demo Skole bygger samarbejdet');
    expect(demo.texts.purpose.en).toContain('At Demo Skole the collaboration');
    expect(demo.texts.studentRole?.da).toContain('alle elever på Demo Skole kan trives');
    expect(texts(demo)).not.toContain(SCHOOL_NAME_PLACEHOLDER);
    expect(ZPrinciple.parse(demo)).toEqual(demo);
    expect({ ...demo, texts: null }).toEqual({ ...preset('seed-002'), texts: null });
    for (const id of ['seed-000', 'seed-001']) expect(principleForSchool(preset(id), 'Demo Skole')).toEqual(preset(id));
  });

  it('takes the name literally, even with the characters a replacement pattern would read', () => {
    expect(principleForSchool(preset('seed-002'), 'Skolen $& $1').texts.purpose.da).toContain('På Skolen $& $1 bygger');
  });
});

describe('preset immutability', () => {
  it('refuses edits, so one school adapting a preset cannot change it for the next', () => {
    const p = findPreset('seed-002')!.principle;
    expect(() => {
      (p.communication as { contactTeacherIsHub: boolean }).contactTeacherIsHub = false;
    }).toThrow(TypeError);
    expect(() => {
      (GUIDEPOST_ASPECTS[0] as { id: string }).id = 'x';
    }).toThrow(TypeError);
    expect(structuredClone(p).communication.contactTeacherIsHub).toBe(true);
  });
});
