import { describe, expect, it } from 'vitest';
import { ASPECT_IDS, ZPrinciple, type TPrinciple } from '../../../shared/principle/principle.schema.js';
import { editableDraft, getIn, newStatementId, normalizeDraft, setIn, validateDraft } from './draft-model.js';

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

describe('setIn', () => {
  it('replaces one value and leaves the original and the untouched branches as they were', () => {
    const principle = validPrinciple();
    const changed = setIn(principle, ['communication', 'responseTime', 'workingDays'], 2);
    expect(getIn(changed, ['communication', 'responseTime', 'workingDays'])).toBe(2);
    expect(principle.communication.responseTime?.workingDays).toBe(3);
    expect(changed.conferences).toBe(principle.conferences);
    const renamed = setIn(principle, ['aspects', 1, 'adopted'], true);
    expect(renamed.aspects[1]!.adopted).toBe(true);
    expect(Array.isArray(renamed.aspects)).toBe(true);
    expect(renamed.aspects[0]).toBe(principle.aspects[0]);
  });
});

describe('editing a draft', () => {
  it('shows left-out prose sections as empty fields and turns them back into "says nothing" on save', () => {
    const editable = editableDraft(validPrinciple());
    expect(editable.texts.goals).toEqual({ da: '', en: '' });
    const normalized = normalizeDraft(editable);
    expect(normalized.texts.goals).toBeNull();
    expect(normalized.texts.purpose).toEqual({ da: 'Et godt samarbejde.' });
  });

  it('keeps a section the board wrote, without an empty English text', () => {
    const edited = setIn(editableDraft(validPrinciple()), ['texts', 'values'], { da: 'Tillid', en: '  ' });
    expect(normalizeDraft(edited).texts.values).toEqual({ da: 'Tillid' });
  });

  it('accepts a valid draft and reports problems by field path with the reader text', () => {
    expect(validateDraft(editableDraft(validPrinciple()), label).ok).toBe(true);
    let broken = setIn(editableDraft(validPrinciple()), ['communication', 'responseTime', 'workingDays'], 0);
    broken = setIn(broken, ['conferences', 'needsBasedRounds'], 2);
    broken = setIn(broken, ['texts', 'purpose', 'da'], '');
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
    const broken = setIn(
      validPrinciple(),
      ['classUpdates', 'bands'],
      [
        { fromGrade: 0, toGrade: 3, cadence: 'weekly' },
        { fromGrade: 2, toGrade: 6, cadence: 'monthly' },
      ],
    );
    const result = validateDraft(broken, label);
    expect(result.ok ? {} : result.errors).toEqual({
      'classUpdates.bands.1.fromGrade': 'custom@classUpdates.bands.1.fromGrade',
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
