import { defineRoute } from '../http/route.js';
import { studentPlanContracts } from '../../shared/api/student-plan.contract.js';
import { ZSchoolParams } from '../../shared/api/common.schema.js';
import { ZStudentParams } from '../../shared/api/directory.schema.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../shared/api/messaging.schema.js';
import type { Permission } from '../policies/access.js';
import { atSchool, requireAccess } from '../policies/policy.js';
import { isStaff } from '../policies/rules.js';
import {
  addMessageBookEntry,
  addStudentPlanInput,
  commentOnStudentPlan,
  confirmMessageBookRead,
  confirmStudentPlanRead,
  listDueStudentPlans,
  publishStudentPlan,
  readMessageBook,
  readStudentPlan,
  reviewStudentPlanGoal,
  saveStudentPlan,
} from './student-plan.service.js';

const onStudent = (permission: Permission) =>
  requireAccess(permission, { params: ZStudentParams }, ({ params }) => params.studentId);

/** The student plan (elevplan) and the message book (meddelelsesbog), issue 11 points 1, 2 and 6. */
export const studentPlanRoutes = [
  defineRoute({
    ...studentPlanContracts.plan,
    summary:
      "This school year's student plan: status per subject, academic and social goals with how school, home and student support them, and the day the next conference round asks for it. Staff see the draft and colleagues' input; custody holders and the student the published plan. A § 23 parent is told to ask (information request). Every read, and every refused read, is audit-logged.",
    tags: ['student-plans'],
    policy: onStudent('student-plan.read'),
    handler: (ctx, { params }) => readStudentPlan(ctx, params.schoolId, params.studentId),
  }),
  defineRoute({
    ...studentPlanContracts.save,
    summary:
      'Saves the draft: subjects and goals (at most 3 of each kind, each with a text: 422 student_plan_too_many_goals, student_plan_goal_text). A published plan is 409. For the contact teacher and the leadership; other class staff are refused (403).',
    tags: ['student-plans'],
    policy: onStudent('student-plan.draft'),
    handler: (ctx, { params, body }) => saveStudentPlan(ctx, params.schoolId, params.studentId, body),
  }),
  defineRoute({
    ...studentPlanContracts.addInput,
    summary:
      "A colleague's input to the draft: their subject's status, or a comment (subject null). For the class's staff.",
    tags: ['student-plans'],
    policy: onStudent('student-plan.contribute'),
    handler: (ctx, { params, body }) => addStudentPlanInput(ctx, params.schoolId, params.studentId, body),
  }),
  defineRoute({
    ...studentPlanContracts.publish,
    summary:
      'Sends the plan home: needs one to three goals of each kind (422 student_plan_goals_missing). Tells each custody holder in the app in their language and by e-mail where the directory says so, in the same unit of work. A second call changes nothing.',
    tags: ['student-plans'],
    policy: onStudent('student-plan.draft'),
    handler: (ctx, { params }) => publishStudentPlan(ctx, params.schoolId, params.studentId),
  }),
  defineRoute({
    ...studentPlanContracts.confirmRead,
    summary:
      '"Vi har læst planen": recorded per custody holder. Before it is published: 409 student_plan_not_published.',
    tags: ['student-plans'],
    policy: onStudent('student-plan.confirm-read'),
    handler: (ctx, { params }) => confirmStudentPlanRead(ctx, params.schoolId, params.studentId),
  }),
  defineRoute({
    ...studentPlanContracts.comment,
    summary: "The student's comment on one of their own goals of the published plan (another goal: 404).",
    tags: ['student-plans'],
    policy: onStudent('student-plan.comment'),
    handler: (ctx, { params, body }) => commentOnStudentPlan(ctx, params.schoolId, params.studentId, body),
  }),
  defineRoute({
    ...studentPlanContracts.review,
    summary:
      'Reviews a goal of a published plan at the conference: reached, partly or continue. Goals not reached carry over to the next plan. For the class staff.',
    tags: ['student-plans'],
    policy: onStudent('student-plan.contribute'),
    handler: (ctx, { params, body }) => reviewStudentPlanGoal(ctx, params.schoolId, params.studentId, body),
  }),
  defineRoute({
    ...studentPlanContracts.due,
    summary:
      "The contact teacher's plans to send before the next conference round's day: students without a published plan, soonest first. Empty for others.",
    tags: ['student-plans'],
    policy: atSchool(ZSchoolParams, 'staff of the school (their own classes)', (m) => isStaff(m)),
    handler: (ctx, { params }) => listDueStudentPlans(ctx, params.schoolId),
  }),
  defineRoute({
    ...studentPlanContracts.messageBook,
    summary:
      "The student's message book: dated written assessments of progress and well-being, newest first. Read like the plan; audit-logged.",
    tags: ['student-plans'],
    policy: onStudent('student-plan.read'),
    handler: (ctx, { params }) => readMessageBook(ctx, params.schoolId, params.studentId),
  }),
  defineRoute({
    ...studentPlanContracts.addEntry,
    summary:
      'A new message-book entry by the class staff; the home is told in the same unit of work. Send an `idempotency-key` header to make retries safe. Where the principle chose the student plan: 409 message_book_other_form.',
    tags: ['student-plans'],
    policy: onStudent('student-plan.contribute'),
    handler: (ctx, { params, body, headers }) =>
      addMessageBookEntry(ctx, params.schoolId, params.studentId, {
        ...body,
        idempotencyKey: headers[IDEMPOTENCY_KEY_HEADER],
      }),
  }),
  defineRoute({
    ...studentPlanContracts.confirmBookRead,
    summary: 'A custody holder confirms reading the message book (every entry so far).',
    tags: ['student-plans'],
    policy: onStudent('student-plan.confirm-read'),
    handler: (ctx, { params }) => confirmMessageBookRead(ctx, params.schoolId, params.studentId),
  }),
];
