import { defineRoute } from '../http/route.js';
import { testResultContracts } from '../../shared/api/test-result.contract.js';
import { ZSchoolParams } from '../../shared/api/common.schema.js';
import { ZStudentParams } from '../../shared/api/directory.schema.js';
import { ZConferenceParams } from '../../shared/api/conference.schema.js';
import { ZTestResultParams } from '../../shared/api/test-result.schema.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../shared/api/messaging.schema.js';
import { atSchool, loggingRefusals, requireAccess } from '../policies/policy.js';
import { mayListUnsentTestResults } from '../policies/rules.js';
import {
  listConferenceTestResults,
  listStudentTestResults,
  listUnsentTestResults,
  logRefusedTestResultRead,
  readTestResult,
  recordTestResult,
  sendTestResult,
} from './test-result.service.js';

export const testResultRoutes = [
  defineRoute({
    ...testResultContracts.record,
    summary:
      "Records a student's test result in words a parent understands (folkeskoleloven § 13): the class's staff and the leadership.",
    tags: ['test-results'],
    policy: requireAccess('student.record-test-result', { params: ZStudentParams }, ({ params }) => params.studentId),
    handler: (ctx, { params, body, headers }) =>
      recordTestResult(ctx, params.schoolId, params.studentId, body, headers[IDEMPOTENCY_KEY_HEADER] || null),
  }),
  defineRoute({
    ...testResultContracts.ofStudent,
    summary:
      "A student's test results: all with read states for the class's staff, those told in writing for the custody holders and (from grade 7) the student. Audit-logged.",
    tags: ['test-results'],
    policy: requireAccess('student.test-results', { params: ZStudentParams }, ({ params }) => params.studentId),
    handler: (ctx, { params }) => listStudentTestResults(ctx, params.schoolId, params.studentId),
  }),
  defineRoute({
    ...testResultContracts.unsent,
    summary: 'Test results not yet sent to the home: recorded by the caller or of their classes. Audit-logged.',
    tags: ['test-results'],
    policy: atSchool(ZSchoolParams, 'staff of the school', (m) => mayListUnsentTestResults(m)),
    handler: (ctx, { params }) => listUnsentTestResults(ctx, params.schoolId),
  }),
  defineRoute({
    ...testResultContracts.read,
    summary: "One test result; a custody holder's read marks it read. Audit-logged, a refused read too.",
    tags: ['test-results'],
    policy: loggingRefusals(
      requireAccess('test-result.read', { params: ZTestResultParams }, ({ params }) => params.testResultId),
      (ctx, input) => {
        const params = ZTestResultParams.parse(input.params);
        return logRefusedTestResultRead(ctx, params.schoolId, params.testResultId);
      },
    ),
    handler: (ctx, { params }) => readTestResult(ctx, params.schoolId, params.testResultId),
  }),
  defineRoute({
    ...testResultContracts.send,
    summary:
      'Tells every custody holder the result in writing, in their language (notice, e-mail where the directory says e-mail). A second send tells no one again.',
    tags: ['test-results'],
    policy: requireAccess('test-result.send', { params: ZTestResultParams }, ({ params }) => params.testResultId),
    handler: (ctx, { params }) => sendTestResult(ctx, params.schoolId, params.testResultId),
  }),
  defineRoute({
    ...testResultContracts.ofConference,
    summary: "The student's test results of the last two years, for the conference page. Audit-logged.",
    tags: ['test-results'],
    policy: requireAccess('conference.read', { params: ZConferenceParams }, ({ params }) => params.invitationId),
    handler: (ctx, { params }) => listConferenceTestResults(ctx, params.schoolId, params.invitationId),
  }),
];
