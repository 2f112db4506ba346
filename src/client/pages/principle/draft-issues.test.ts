import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import da from '../../i18n/da.json';
import en from '../../i18n/en.json';
import { ZPrinciple, ZQuietHours } from '../../../shared/principle/principle.schema.js';
import { draftIssueText } from './draft-issues.js';

async function translator(lng: 'da' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    resources: { da: { translation: da }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

const issuesOf = (
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: unknown[] } } },
  value: unknown,
) => (schema.safeParse(value).error?.issues ?? []) as Parameters<typeof draftIssueText>[1][];

describe('draftIssueText', () => {
  it("turns the shared model's checks into plain Danish and English", async () => {
    const [tDa, tEn] = await Promise.all([translator('da'), translator('en')]);
    const [sameTimes] = issuesOf(ZQuietHours, { from: '18:00', to: '18:00', weekends: false });
    expect(draftIssueText(tDa, sameTimes!)).toBe('Fritiden skal starte og slutte på forskellige tidspunkter.');
    expect(draftIssueText(tEn, sameTimes!)).toBe('Quiet hours must start and end at different times.');

    const [badTime] = issuesOf(ZQuietHours, { from: '25:00', to: '07:00', weekends: false });
    expect(draftIssueText(tDa, badTime!)).toBe('Skriv et klokkeslæt som TT:MM.');

    const tooMany = issuesOf(ZPrinciple.shape.conferences, {
      perYear: 9,
      commitment: 'firm',
      needsBasedRounds: 0,
      extraWhenNeeded: false,
      invitationLeadDays: 21,
      studentPlan: null,
      studentsTakePart: true,
      allPartiesAddTopics: true,
      concreteAgreements: true,
      testResults: 'central',
    });
    expect(tooMany.map((issue) => draftIssueText(tDa, issue))).toEqual(['Tallet må højst være 6.']);
  });
});
