import { defineContract } from './contract.js';
import { ZSchoolParams } from './common.schema.js';
import { ZStudentParams } from './directory.schema.js';
import { ZSendHeaders } from './messaging.schema.js';
import {
  ZGoalReviewInput,
  ZMessageBook,
  ZMessageBookEntryInput,
  ZSaveStudentPlan,
  ZStudentPlanComment,
  ZStudentPlanInput,
  ZStudentPlanPage,
  ZStudentPlansDue,
} from './student-plan.schema.js';

const plan = '/api/schools/:schoolId/students/:studentId/student-plan';
const book = '/api/schools/:schoolId/students/:studentId/message-book';

/** The student plan and the message book (student-plan.routes.ts): method, path and schemas, shared by the server and the client. */
export const studentPlanContracts = {
  plan: defineContract({ method: 'GET', url: plan, params: ZStudentParams, response: ZStudentPlanPage }),
  save: defineContract({
    method: 'PUT',
    url: plan,
    params: ZStudentParams,
    body: ZSaveStudentPlan,
    response: ZStudentPlanPage,
  }),
  addInput: defineContract({
    method: 'POST',
    url: `${plan}/input`,
    params: ZStudentParams,
    body: ZStudentPlanInput,
    response: ZStudentPlanPage,
  }),
  publish: defineContract({
    method: 'POST',
    url: `${plan}/publish`,
    params: ZStudentParams,
    response: ZStudentPlanPage,
  }),
  confirmRead: defineContract({
    method: 'POST',
    url: `${plan}/read`,
    params: ZStudentParams,
    response: ZStudentPlanPage,
  }),
  comment: defineContract({
    method: 'POST',
    url: `${plan}/comments`,
    params: ZStudentParams,
    body: ZStudentPlanComment,
    response: ZStudentPlanPage,
  }),
  review: defineContract({
    method: 'POST',
    url: `${plan}/reviews`,
    params: ZStudentParams,
    body: ZGoalReviewInput,
    response: ZStudentPlanPage,
  }),
  due: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/student-plans/due',
    params: ZSchoolParams,
    response: ZStudentPlansDue,
  }),
  messageBook: defineContract({ method: 'GET', url: book, params: ZStudentParams, response: ZMessageBook }),
  addEntry: defineContract({
    method: 'POST',
    url: book,
    params: ZStudentParams,
    headers: ZSendHeaders,
    body: ZMessageBookEntryInput,
    response: ZMessageBook,
    status: 201,
  }),
  confirmBookRead: defineContract({
    method: 'POST',
    url: `${book}/read`,
    params: ZStudentParams,
    response: ZMessageBook,
  }),
};
