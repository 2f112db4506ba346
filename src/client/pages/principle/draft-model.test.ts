import { describe, expect, it } from 'vitest';
import { ASPECT_IDS, ZPrinciple, type TPrinciple } from '../../../shared/principle/principle.schema.js';
import {
  draftResolver,
  editableDraft,
  flatErrors,
  getIn,
  newStatementId,
  normalizeDraft,
  validateDraft,
} from './draft-model.js';

const statement = (id: string) => ({ id, text: { da: `Punkt ${id}` } });

/** A small principle that satisfies the shared model, built here so the client test needs only src/shared. */
function validPrinciple(): TPrinciple {
  return ZPrinciple.parse({
    schemaVersion: 1,
    texts: {
      purpose: { da: 'Et godt samarbejde.' },
      goals: null,
      values: null,
      schoolResponsibilities: null,
      parentResponsibilities: null,
      studentRole: null,
      nextSteps: null,
    },
    conferences: {
      perYear: 2,
      commitment: 'firm',
      needsBasedRounds: 1,
      extraWhenNeeded: true,
      invitationLeadDays: 21,
      studentPlan: { form: 'message_book', leadDays: 7 },
      studentsTakePart: true,
      allPartiesAddTopics: true,
      concreteAgreements: true,
      testResults: 'unspecified',
    },
    parentMeetings: { perYear: 2, commitment: 'target', wellBeingPlanTopics: true, representativesHelpPlan: false },
    communication: {
      contactTeacherIsHub: true,
      responseTime: { workingDays: 3, isTarget: true },
      sensitiveMattersInPerson: true,
      quietHours: null,
    },
    classUpdates: { bands: [{ fromGrade: 0, toGrade: 3, cadence: 'weekly' }] },
    earlyDialogue: null,
    studentInvolvement: { bands: [{ fromGrade: 0, toGrade: 9, level: 'present' }] },
    oversight: { boardSupervises: true, reportsPerYear: 1 },
    aspects: ASPECT_IDS.map((id) => ({
      id,
      adopted: false,
      title: { da: id },
      intro: { da: 'Indledning' },
      meansThat: [statement('a')],
      seenWhen: [statement('b')],
    })),
  });
}

const label = (issue: { code: string; path: PropertyKey[] }) => `${issue.code}@${issue.path.join('.')}`;

/** A changed copy of a principle, as the editor's fields would leave it. */
function edited(principle: TPrinciple, change: (copy: TPrinciple) => void): TPrinciple {
  const copy = structuredClone(principle);
  change(copy);
  return copy;
}

describe('editing a draft', () => {
  it('shows left-out prose sections as empty fields and turns them back into "says nothing" on save', () => {
    const editable = editableDraft(validPrinciple());
    expect(editable.texts.goals).toEqual({ da: '', en: '' });
    const normalized = normalizeDraft(editable);
    expect(normalized.texts.goals).toBeNull();
    expect(normalized.texts.purpose).toEqual({ da: 'Et godt samarbejde.' });
  });

  it('keeps a section the board wrote, without an empty English text', () => {
    const values = edited(editableDraft(validPrinciple()), (p) => (p.texts.values = { da: 'Tillid', en: '  ' }));
    expect(normalizeDraft(values).texts.values).toEqual({ da: 'Tillid' });
  });

  it('accepts a valid draft and reports problems by field path with the reader text', () => {
    expect(validateDraft(editableDraft(validPrinciple()), label).ok).toBe(true);
    const broken = edited(editableDraft(validPrinciple()), (p) => {
      p.communication.responseTime!.workingDays = 0;
      p.conferences.needsBasedRounds = 2;
      p.texts.purpose.da = '';
    });
    const result = validateDraft(broken, label);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors['communication.responseTime.workingDays']).toBe(
      'too_small@communication.responseTime.workingDays',
    );
    expect(result.errors['conferences.needsBasedRounds']).toBe('custom@conferences.needsBasedRounds');
    expect(result.errors['texts.purpose.da']).toBe('too_small@texts.purpose.da');
  });

  it('catches overlapping grade bands where the band is', () => {
    const broken = edited(validPrinciple(), (p) => {
      p.classUpdates.bands = [
        { fromGrade: 0, toGrade: 3, cadence: 'weekly' },
        { fromGrade: 2, toGrade: 6, cadence: 'monthly' },
      ];
    });
    const result = validateDraft(broken, label);
    expect(result.ok ? {} : result.errors).toEqual({
      'classUpdates.bands.1.fromGrade': 'custom@classUpdates.bands.1.fromGrade',
    });
  });
});

describe("the editor's resolver", () => {
  const options = { fields: {}, names: [] as string[], shouldUseNativeValidation: false };

  it('hands the normalized, parsed principle to the save when the model accepts the draft', async () => {
    const result = await draftResolver(label)(editableDraft(validPrinciple()), undefined, options);
    expect(result.errors).toEqual({});
    expect(result.values).toEqual(validPrinciple());
    expect((result.values as TPrinciple).texts.goals).toBeNull();
  });

  it('puts each problem on its field with the reader text, and lists them again by path', async () => {
    const broken = edited(editableDraft(validPrinciple()), (p) => {
      p.communication.responseTime!.workingDays = Number.NaN;
      p.texts.purpose.da = '';
      p.aspects[0]!.meansThat = [];
    });
    const result = await draftResolver(label)(broken, undefined, {
      ...options,
      names: ['aspects.0.meansThat.0.text.da'],
    });
    expect(result.values).toEqual({});
    expect(getIn(result.errors, ['communication', 'responseTime', 'workingDays', 'message'])).toBe(
      'invalid_type@communication.responseTime.workingDays',
    );
    // A list's own problem is its root problem in react-hook-form, and the list's in the summary.
    expect(getIn(result.errors, ['aspects', 0, 'meansThat', 'root', 'message'])).toBe('too_small@aspects.0.meansThat');
    expect(flatErrors(result.errors)).toEqual({
      'texts.purpose.da': 'too_small@texts.purpose.da',
      'communication.responseTime.workingDays': 'invalid_type@communication.responseTime.workingDays',
      'aspects.0.meansThat': 'too_small@aspects.0.meansThat',
    });
  });
});

describe('newStatementId', () => {
  it('gives an id no other statement in the list has, in the shape the model allows', () => {
    const list = [statement('ses-2'), statement('ses-3')];
    const id = newStatementId(list, 'ses');
    expect(list.map((s) => s.id)).not.toContain(id);
    expect(id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  });
});
