import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween, leadTimeWarnings } from './lead-times.js';

const day = (offset: number) => new Date(Date.UTC(2026, 10, 1) + offset * 86_400_000).toISOString().slice(0, 10);

describe('the principle’s lead times for a round', () => {
  it('counts calendar days across a month and a change of summer time', () => {
    expect(daysBetween('2026-10-20', '2026-11-10')).toBe(21);
    expect(daysBetween('2027-03-20', '2027-04-02')).toBe(13);
  });

  it('warns exactly when invitations go out later than the principle asks, by how much', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (lead, gap) => {
        const warnings = leadTimeWarnings(
          { firstDay: day(gap), inviteOn: day(0), plansBy: null },
          { invitationLeadDays: lead, studentPlan: null },
        );
        if (gap >= lead) expect(warnings).toEqual([]);
        else expect(warnings).toEqual([{ code: 'invitation_late', requiredDays: lead, actualDays: gap }]);
      }),
    );
  });

  it('asks for the plan date where the principle asks for a plan, and warns when it comes too late', () => {
    const rules = { invitationLeadDays: 21, studentPlan: { form: 'student_plan' as const, leadDays: 7 } };
    expect(leadTimeWarnings({ firstDay: day(30), inviteOn: day(0), plansBy: null }, rules)).toEqual([
      { code: 'plan_date_missing', requiredDays: 7 },
    ]);
    expect(leadTimeWarnings({ firstDay: day(30), inviteOn: day(0), plansBy: day(25) }, rules)).toEqual([
      { code: 'plan_late', requiredDays: 7, actualDays: 5 },
    ]);
    expect(leadTimeWarnings({ firstDay: day(30), inviteOn: day(9), plansBy: day(23) }, rules)).toEqual([]);
  });
});
