import { defineRoute } from '../http/route.js';
import { informationRequestContracts } from '../../shared/api/information-request.contract.js';
import { AppError } from '../errors.js';
import { ZSchoolParams } from '../../shared/api/common.schema.js';
import { ZStudentParams } from '../../shared/api/directory.schema.js';
import { ZInformationRequestParams } from '../../shared/api/information-request.schema.js';
import {
  hasCustodyOf,
  mayHandleInformationRequests,
  mayReadOwnInformationRequests,
  mayRequestInformation,
} from '../policies/rules.js';
import { atSchool, requireAccess } from '../policies/policy.js';
import {
  answerInformationRequest,
  createInformationRequest,
  listInformationRequests,
  listOwnInformationRequests,
} from './information-request.service.js';

export const informationRequestRoutes = [
  defineRoute({
    ...informationRequestContracts.create,
    summary: 'A parent with the right to information only (§ 23) asks the school for information about their child.',
    tags: ['information-requests'],
    policy: atSchool(ZStudentParams, 'parent with the right to information about the student', (m, { studentId }) => {
      // A custody holder reads the child's data directly; say so rather than a bare refusal.
      if (hasCustodyOf(m, studentId)) throw new AppError('information_request_not_needed');
      return mayRequestInformation(m, studentId);
    }),
    handler: (ctx, { params, body }) => createInformationRequest(ctx, params.schoolId, params.studentId, body.message),
  }),
  defineRoute({
    ...informationRequestContracts.list,
    summary: "Requests to handle: the contact teacher's classes, or the whole school for the leadership. Oldest first.",
    tags: ['information-requests'],
    policy: atSchool(ZSchoolParams, 'contact teacher or leadership', (m) => mayHandleInformationRequests(m)),
    handler: (ctx, { params, query }) => listInformationRequests(ctx, params.schoolId, query.status),
  }),
  defineRoute({
    ...informationRequestContracts.mine,
    summary: "The signed-in parent's own requests and the school's answers.",
    tags: ['information-requests'],
    policy: atSchool(ZSchoolParams, 'parent with the right to information', (m) => mayReadOwnInformationRequests(m)),
    handler: (ctx, { params }) => listOwnInformationRequests(ctx, params.schoolId),
  }),
  defineRoute({
    ...informationRequestContracts.answer,
    summary: 'Answers or declines a request. A disclosure to a parent without custody: audit-logged.',
    tags: ['information-requests'],
    policy: requireAccess(
      'information-request.answer',
      { params: ZInformationRequestParams },
      ({ params }) => params.requestId,
    ),
    handler: (ctx, { params, body }) => answerInformationRequest(ctx, params.schoolId, params.requestId, body),
  }),
];
