import { defineContract } from './contract.js';
import { ZAuditPage, ZAuditPaging, ZAuditQuery } from './audit.schema.js';
import { ZSchoolParams } from './common.schema.js';
import { ZStudentParams } from './directory.schema.js';

/** The audit routes (audit.routes.ts): method, path and schemas, shared by the server and the client. */
export const auditContracts = {
  search: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/audit-log',
    params: ZSchoolParams,
    query: ZAuditQuery,
    response: ZAuditPage,
  }),
  ofStudent: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/students/:studentId/audit-log',
    params: ZStudentParams,
    query: ZAuditPaging,
    response: ZAuditPage,
  }),
};
