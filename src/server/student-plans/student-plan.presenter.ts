import { className } from '../../shared/api/directory.schema.js';
import type {
  TConferenceStudentPlan,
  TMessageBook,
  TStudentPlan,
  TStudentPlanPage,
} from '../../shared/api/student-plan.schema.js';
import type { EntryRow, PlanGoalRow, PlanRow, PlanStudentRow, findPlanParts } from './student-plan.repository.js';

const fullName = (row: { given_name: string; family_name: string }) => `${row.given_name} ${row.family_name}`.trim();

type Parts = Awaited<ReturnType<typeof findPlanParts>>;

export function presentStudent(s: PlanStudentRow) {
  return { id: s.id, name: fullName(s), className: className(s.grade, s.letter) };
}

/**
 * A plan as its reader may see it: staff see the colleagues' input and which guardians have read
 * it; the home and the student see the plan and whether they themselves confirmed it.
 */
export function presentPlan(
  plan: PlanRow,
  parts: Parts,
  reader: { staff: boolean; userId: string; personId: string | null },
): TStudentPlan {
  return {
    id: plan.id,
    schoolYear: plan.school_year,
    status: plan.status,
    publishedAt: plan.published_at ? plan.published_at.toISOString() : null,
    subjects: parts.subjects.map((s) => ({ subject: s.subject, status: s.status, by: fullName(s) })),
    goals: parts.goals.map((g) => ({
      ...presentGoal(g),
      carriedOver: g.carried_from !== null,
      comments: parts.comments
        .filter((c) => c.goal_id === g.id)
        .map((c) => ({
          id: c.id,
          by: c.written_by_role,
          text: c.text,
          createdAt: c.created_at.toISOString(),
          own: c.user_id === reader.userId,
        })),
    })),
    input: reader.staff
      ? parts.comments
          .filter((c) => c.goal_id === null)
          .map((c) => ({ text: c.text, by: c.author ?? '', createdAt: c.created_at.toISOString() }))
      : [],
    readBy: reader.staff ? parts.reads.map((r) => ({ name: fullName(r), at: r.read_at.toISOString() })) : [],
    readByMe: parts.reads.some((r) => r.person_id === reader.personId),
  };
}

export function presentGoal(g: PlanGoalRow) {
  return {
    id: g.id,
    kind: g.kind,
    text: g.text,
    schoolSupport: g.school_support,
    homeSupport: g.home_support,
    studentSupport: g.student_support,
    review: g.review,
  };
}

export function presentPlanPage(input: {
  student: PlanStudentRow;
  form: TStudentPlanPage['form'];
  plansBy: string | null;
  plan: TStudentPlan | null;
  carriedOver: TStudentPlanPage['carriedOver'];
  messageBook: { entries: number; lastWrittenAt: Date | null };
  abilities: TStudentPlanPage['abilities'];
}): TStudentPlanPage {
  return {
    student: { ...presentStudent(input.student), grade: input.student.grade },
    form: input.form,
    plansBy: input.plansBy,
    plan: input.plan,
    carriedOver: input.carriedOver,
    messageBook:
      input.messageBook.entries > 0 && input.messageBook.lastWrittenAt
        ? { entries: input.messageBook.entries, lastWrittenAt: input.messageBook.lastWrittenAt.toISOString() }
        : null,
    abilities: input.abilities,
  };
}

export function presentMessageBook(input: {
  student: PlanStudentRow;
  form: TMessageBook['form'];
  entries: EntryRow[];
  reads: Array<{ entry_id: string; person_id: string; given_name: string; family_name: string; read_at: Date }>;
  reader: { staff: boolean; personId: string | null };
  abilities: TMessageBook['abilities'];
}): TMessageBook {
  return {
    student: presentStudent(input.student),
    form: input.form,
    entries: input.entries.map((e) => {
      const reads = input.reads.filter((r) => r.entry_id === e.id);
      return {
        id: e.id,
        progress: e.progress,
        wellBeing: e.well_being,
        by: e.author,
        createdAt: e.created_at.toISOString(),
        readBy: input.reader.staff ? reads.map((r) => ({ name: fullName(r), at: r.read_at.toISOString() })) : [],
        readByMe: reads.some((r) => r.person_id === input.reader.personId),
      };
    }),
    abilities: input.abilities,
  };
}

export function presentConferencePlan(
  input: { form: 'student_plan'; plan: PlanRow; goals: PlanGoalRow[] } | { form: 'message_book'; entries: EntryRow[] },
): TConferenceStudentPlan {
  if (input.form === 'student_plan')
    return {
      form: 'student_plan',
      publishedAt: input.plan.published_at ? input.plan.published_at.toISOString() : null,
      goals: input.goals.map(presentGoal),
      entries: [],
    };
  return {
    form: 'message_book',
    publishedAt: input.entries[0] ? input.entries[0].created_at.toISOString() : null,
    goals: [],
    entries: input.entries.map((e) => ({
      id: e.id,
      progress: e.progress,
      wellBeing: e.well_being,
      createdAt: e.created_at.toISOString(),
    })),
  };
}
