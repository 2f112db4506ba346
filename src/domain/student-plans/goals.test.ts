import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { carriedOverGoals, goalProblems, GOALS_PER_KIND, type EarlierGoal, type GoalDraft } from './goals.js';

const goal = (kind: 'academic' | 'social', text = 'Læse en kapitelbog'): GoalDraft => ({
  kind,
  text,
  schoolSupport: 'Læsebånd',
  homeSupport: 'Læse højt',
  studentSupport: 'Læse 20 minutter',
});

describe('student plan goals', () => {
  it('accepts one to three goals of each kind for publishing', () => {
    expect(goalProblems([goal('academic'), goal('social')], true)).toEqual([]);
  });

  it('refuses a goal without text, a fourth goal of a kind, and publishing without one of each kind', () => {
    expect(goalProblems([goal('academic', '  ')], false)).toEqual([{ code: 'student_plan_goal_text', index: 0 }]);
    expect(
      goalProblems(
        [1, 2, 3, 4].map(() => goal('social')),
        false,
      ),
    ).toEqual([{ code: 'student_plan_too_many_goals', kind: 'social' }]);
    expect(goalProblems([goal('academic')], true)).toEqual([{ code: 'student_plan_goals_missing', kind: 'social' }]);
    // A draft may be saved half done.
    expect(goalProblems([goal('academic')], false)).toEqual([]);
  });

  it('finds a problem exactly when a kind has more than three goals or a goal has no text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.constantFrom('academic' as const, 'social' as const), blank: fc.boolean() }), {
          maxLength: 8,
        }),
        (spec) => {
          const goals = spec.map((s) => goal(s.kind, s.blank ? ' ' : 'Mål'));
          const tooMany = (['academic', 'social'] as const).some(
            (k) => goals.filter((g) => g.kind === k).length > GOALS_PER_KIND.max,
          );
          const blank = spec.some((s) => s.blank);
          expect(goalProblems(goals, false).length > 0).toBe(tooMany || blank);
        },
      ),
    );
  });

  it('carries over the goals not reached, at most three of a kind, pointing back at each', () => {
    const earlier: EarlierGoal[] = [
      { ...goal('academic', 'A1'), id: 'a1', position: 1, review: 'reached' },
      { ...goal('academic', 'A2'), id: 'a2', position: 2, review: 'partly' },
      { ...goal('social', 'S1'), id: 's1', position: 1, review: null },
    ];
    expect(carriedOverGoals(earlier).map((g) => [g.kind, g.text, g.carriedFrom])).toEqual([
      ['academic', 'A2', 'a2'],
      ['social', 'S1', 's1'],
    ]);
  });

  it('never carries a reached goal and never more than three of a kind', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom('academic' as const, 'social' as const),
            review: fc.constantFrom('reached' as const, 'partly' as const, 'continue' as const, null),
          }),
          { maxLength: 10 },
        ),
        (spec) => {
          const earlier = spec.map((s, i) => ({
            ...goal(s.kind, `G${i}`),
            id: `g${i}`,
            position: i + 1,
            review: s.review,
          }));
          const carried = carriedOverGoals(earlier);
          for (const c of carried) expect(earlier.find((e) => e.id === c.carriedFrom)?.review).not.toBe('reached');
          expect(goalProblems(carried, false)).toEqual([]);
        },
      ),
    );
  });
});
