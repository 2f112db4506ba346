/**
 * The student plan's own rules (issue 11, point 1; seed 000: "individuelle faglige og sociale mål"):
 * 1–3 academic and 1–3 social goals, each saying how school, home and student support it. Goals
 * not reached carry over to the next plan; a goal is reviewed at the next conference.
 */
export type GoalKind = 'academic' | 'social';
export type GoalReview = 'reached' | 'partly' | 'continue';
export const GOALS_PER_KIND = { min: 1, max: 3 } as const;
export const GOAL_KINDS: readonly GoalKind[] = ['academic', 'social'];

export interface GoalDraft {
  kind: GoalKind;
  text: string;
  schoolSupport: string;
  homeSupport: string;
  studentSupport: string;
  /** The earlier plan's goal it carries on, if any. */
  carriedFrom?: string | null;
}

export type GoalProblem =
  | { code: 'student_plan_goal_text'; index: number }
  | { code: 'student_plan_too_many_goals'; kind: GoalKind }
  | { code: 'student_plan_goals_missing'; kind: GoalKind };

/**
 * What is wrong with a plan's goals, first problem first: a goal without text, more than three of a
 * kind, and (when it is to be published) none of a kind.
 */
export function goalProblems(goals: readonly GoalDraft[], forPublishing: boolean): GoalProblem[] {
  const problems: GoalProblem[] = [];
  goals.forEach((g, index) => {
    if (g.text.trim() === '') problems.push({ code: 'student_plan_goal_text', index });
  });
  for (const kind of GOAL_KINDS) {
    const n = goals.filter((g) => g.kind === kind).length;
    if (n > GOALS_PER_KIND.max) problems.push({ code: 'student_plan_too_many_goals', kind });
    if (forPublishing && n < GOALS_PER_KIND.min) problems.push({ code: 'student_plan_goals_missing', kind });
  }
  return problems;
}

/** A goal as it stood in the earlier plan. */
export interface EarlierGoal extends Omit<GoalDraft, 'carriedFrom'> {
  id: string;
  position: number;
  review: GoalReview | null;
}

/**
 * The goals a new plan starts from: the earlier plan's goals not marked reached, in their order,
 * at most three of a kind, each pointing back at the goal it carries on.
 */
export function carriedOverGoals(earlier: readonly EarlierGoal[]): GoalDraft[] {
  const open = [...earlier]
    .filter((g) => g.review !== 'reached')
    .sort((a, b) => (a.kind === b.kind ? a.position - b.position : a.kind < b.kind ? -1 : 1));
  return GOAL_KINDS.flatMap((kind) =>
    open
      .filter((g) => g.kind === kind)
      .slice(0, GOALS_PER_KIND.max)
      .map((g) => ({
        kind,
        text: g.text,
        schoolSupport: g.schoolSupport,
        homeSupport: g.homeSupport,
        studentSupport: g.studentSupport,
        carriedFrom: g.id,
      })),
  );
}
