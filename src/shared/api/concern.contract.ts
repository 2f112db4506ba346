import { defineContract } from './contract.js';
import { ZSchoolParams } from './common.schema.js';
import { ZStudentParams } from './directory.schema.js';
import { ZSendHeaders } from './messaging.schema.js';
import {
  ZCloseConcern,
  ZConcern,
  ZConcernList,
  ZConcernListQuery,
  ZConcernParams,
  ZRecordConcernContact,
  ZRegisterConcern,
  ZStudentConcerns,
} from './concern.schema.js';

/** The concern routes (concern.routes.ts): method, path and schemas, shared by the server and the client. */
export const concernContracts = {
  register: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/students/:studentId/concerns',
    params: ZStudentParams,
    body: ZRegisterConcern,
    headers: ZSendHeaders,
    response: ZConcern,
    status: 201,
  }),
  ofStudent: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/students/:studentId/concerns',
    params: ZStudentParams,
    response: ZStudentConcerns,
  }),
  list: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/concerns',
    params: ZSchoolParams,
    query: ZConcernListQuery,
    response: ZConcernList,
  }),
  read: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/concerns/:concernId',
    params: ZConcernParams,
    response: ZConcern,
  }),
  recordContact: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/concerns/:concernId/contacts',
    params: ZConcernParams,
    body: ZRecordConcernContact,
    response: ZConcern,
    status: 201,
  }),
  close: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/concerns/:concernId/close',
    params: ZConcernParams,
    body: ZCloseConcern,
    response: ZConcern,
  }),
};
