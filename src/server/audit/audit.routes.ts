import { defineRoute } from '../http/route.js';
import { auditContracts } from '../../shared/api/audit.contract.js';
import { ZSchoolParams } from '../../shared/api/common.schema.js';
import { ZStudentParams } from '../../shared/api/directory.schema.js';
import { mayReadAuditOfStudent, maySearchAuditLog } from '../policies/rules.js';
import { atSchool } from '../policies/policy.js';
import { findAuditOfStudent, searchAuditLog } from './audit.service.js';

export const auditRoutes = [
  defineRoute({
    ...auditContracts.search,
    summary: "Searches the school's audit log, newest first, a page at a time.",
    tags: ['audit'],
    policy: atSchool(ZSchoolParams, 'leadership of the school', (m) => maySearchAuditLog(m)),
    handler: (ctx, { params, query }) => searchAuditLog(ctx, params.schoolId, query),
  }),
  defineRoute({
    ...auditContracts.ofStudent,
    summary: "Who has read or handled one child's data, newest first: for the custody holders and the leadership.",
    tags: ['audit'],
    policy: atSchool(ZStudentParams, 'custody holder of the student, or leadership', (m, { studentId }) =>
      mayReadAuditOfStudent(m, studentId),
    ),
    handler: (ctx, { params, query }) => findAuditOfStudent(ctx, params.schoolId, params.studentId, query),
  }),
];
