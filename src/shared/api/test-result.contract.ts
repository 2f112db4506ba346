import { defineContract } from './contract.js';
import { ZSchoolParams } from './common.schema.js';
import { ZStudentParams } from './directory.schema.js';
import { ZConferenceParams } from './conference.schema.js';
import { ZSendHeaders } from './messaging.schema.js';
import {
  ZRecordTestResult,
  ZTestResult,
  ZTestResultList,
  ZTestResultParams,
  ZUnsentTestResultList,
} from './test-result.schema.js';

/** The test-result routes (test-result.routes.ts): method, path and schemas, shared by the server and the client. */
export const testResultContracts = {
  record: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/students/:studentId/test-results',
    params: ZStudentParams,
    body: ZRecordTestResult,
    headers: ZSendHeaders,
    response: ZTestResult,
    status: 201,
  }),
  ofStudent: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/students/:studentId/test-results',
    params: ZStudentParams,
    response: ZTestResultList,
  }),
  read: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/test-results/:testResultId',
    params: ZTestResultParams,
    response: ZTestResult,
  }),
  send: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/test-results/:testResultId/send',
    params: ZTestResultParams,
    response: ZTestResult,
  }),
  unsent: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/test-results/unsent',
    params: ZSchoolParams,
    response: ZUnsentTestResultList,
  }),
  ofConference: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/conferences/:invitationId/test-results',
    params: ZConferenceParams,
    response: ZTestResultList,
  }),
};
