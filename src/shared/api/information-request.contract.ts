import { defineContract } from './contract.js';
import { ZSchoolParams } from './common.schema.js';
import { ZStudentParams } from './directory.schema.js';
import {
  ZAnswerInformationRequest,
  ZCreateInformationRequest,
  ZInformationRequest,
  ZInformationRequestList,
  ZInformationRequestParams,
  ZInformationRequestQuery,
  ZOwnInformationRequest,
  ZOwnInformationRequestList,
} from './information-request.schema.js';

/** The informationRequest routes (information-request.routes.ts): method, path and schemas, shared by the server and the client. */
export const informationRequestContracts = {
  create: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/students/:studentId/information-requests',
    params: ZStudentParams,
    body: ZCreateInformationRequest,
    response: ZOwnInformationRequest,
    status: 201,
  }),
  list: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/information-requests',
    params: ZSchoolParams,
    query: ZInformationRequestQuery,
    response: ZInformationRequestList,
  }),
  mine: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/information-requests/mine',
    params: ZSchoolParams,
    response: ZOwnInformationRequestList,
  }),
  answer: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/information-requests/:requestId/answer',
    params: ZInformationRequestParams,
    body: ZAnswerInformationRequest,
    response: ZInformationRequest,
  }),
};
