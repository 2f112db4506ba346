import { defineRoute } from '../http/route.js';
import { allOf, atSchool, requireAccess } from '../policies/policy.js';
import { isStaff, mayRegisterAbsenceOf, mayWriteAboutStudent } from '../policies/rules.js';
import { ZOk, ZSchoolParams } from '../../shared/api/common.schema.js';
import {
  ZCreateStaffAbsence,
  ZMessageRouting,
  ZMessageRoutingParams,
  ZStaffAbsence,
  ZStaffAbsenceList,
  ZStaffAbsenceParams,
  type TCreateStaffAbsence,
} from '../../shared/api/staff-absence.schema.js';
import {
  createStaffAbsence,
  deleteStaffAbsence,
  getMessageRouting,
  listStaffAbsences,
} from './staff-absence.service.js';

export const staffAbsenceRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/schools/:schoolId/staff-absences',
    summary:
      "Absences that have not ended: a staff member's own, everyone's for the leadership; with whom the caller may register for and the colleagues who can be substitutes.",
    tags: ['staff-absence'],
    params: ZSchoolParams,
    response: ZStaffAbsenceList,
    policy: atSchool(ZSchoolParams, 'staff of the school', (m) => isStaff(m)),
    handler: (ctx, { params }) => listStaffAbsences(ctx, params.schoolId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/schools/:schoolId/staff-absences',
    summary:
      "Registers an absence (both days included, Copenhagen dates): staff their own, the leadership anyone's. Guardian messages to the absent person go to the substitute, or the guardian is told the later date.",
    tags: ['staff-absence'],
    params: ZSchoolParams,
    body: ZCreateStaffAbsence,
    response: ZStaffAbsence,
    status: 201,
    policy: atSchool(
      ZSchoolParams,
      "staff of the school; another person's absence: the leadership",
      (m, _p, _ctx, input) => mayRegisterAbsenceOf(m, (input.body as TCreateStaffAbsence).personId),
    ),
    handler: (ctx, { params, body }) => createStaffAbsence(ctx, params.schoolId, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/schools/:schoolId/staff-absences/:absenceId',
    summary: "Removes an absence: the person's own, or anyone's for the leadership; a colleague's answers 404.",
    tags: ['staff-absence'],
    params: ZStaffAbsenceParams,
    response: ZOk,
    policy: allOf(
      atSchool(ZStaffAbsenceParams, 'staff of the school', (m) => isStaff(m)),
      requireAccess('staff-absence.remove', { params: ZStaffAbsenceParams }, ({ params }) => params.absenceId),
    ),
    async handler(ctx, { params }) {
      await deleteStaffAbsence(ctx, params.schoolId, params.absenceId);
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/schools/:schoolId/students/:studentId/message-routing',
    summary:
      "For the guardian's composer: who a message about the child reaches if sent now, a notice for each absent recipient, and the promise.",
    tags: ['staff-absence'],
    params: ZMessageRoutingParams,
    response: ZMessageRouting,
    policy: atSchool(ZMessageRoutingParams, 'guardian who may write about the student', (m, params) =>
      mayWriteAboutStudent(m, params.studentId),
    ),
    handler: (ctx, { params }) => getMessageRouting(ctx, params.schoolId, params.studentId),
  }),
];
