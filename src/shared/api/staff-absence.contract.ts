import { defineContract } from './contract.js';
import { ZOk, ZSchoolParams } from './common.schema.js';
import {
  ZCreateStaffAbsence,
  ZMessageRouting,
  ZMessageRoutingParams,
  ZStaffAbsence,
  ZStaffAbsenceList,
  ZStaffAbsenceParams,
} from './staff-absence.schema.js';

/** The staffAbsence routes (staff-absence.routes.ts): method, path and schemas, shared by the server and the client. */
export const staffAbsenceContracts = {
  list: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/staff-absences',
    params: ZSchoolParams,
    response: ZStaffAbsenceList,
  }),
  create: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/staff-absences',
    params: ZSchoolParams,
    body: ZCreateStaffAbsence,
    response: ZStaffAbsence,
    status: 201,
  }),
  remove: defineContract({
    method: 'DELETE',
    url: '/api/schools/:schoolId/staff-absences/:absenceId',
    params: ZStaffAbsenceParams,
    response: ZOk,
  }),
  messageRouting: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/students/:studentId/message-routing',
    params: ZMessageRoutingParams,
    response: ZMessageRouting,
  }),
};
