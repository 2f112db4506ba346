import { defineRoute } from '../http/route.js';
import { staffAbsenceContracts } from '../../shared/api/staff-absence.contract.js';
import { allOf, atSchool, requireAccess } from '../policies/policy.js';
import { isStaff, mayRegisterAbsenceOf, mayWriteAboutStudent } from '../policies/rules.js';
import { ZSchoolParams } from '../../shared/api/common.schema.js';
import {
  ZMessageRoutingParams,
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
    ...staffAbsenceContracts.list,
    summary:
      "Absences that have not ended: a staff member's own, everyone's for the leadership; with whom the caller may register for and the colleagues who can be substitutes.",
    tags: ['staff-absence'],
    policy: atSchool(ZSchoolParams, 'staff of the school', (m) => isStaff(m)),
    handler: (ctx, { params }) => listStaffAbsences(ctx, params.schoolId),
  }),
  defineRoute({
    ...staffAbsenceContracts.create,
    summary:
      "Registers an absence (both days included, Copenhagen dates): staff their own, the leadership anyone's. Guardian messages to the absent person go to the substitute, or the guardian is told the later date.",
    tags: ['staff-absence'],
    policy: atSchool(
      ZSchoolParams,
      "staff of the school; another person's absence: the leadership",
      (m, _p, _ctx, input) => mayRegisterAbsenceOf(m, (input.body as TCreateStaffAbsence).personId),
    ),
    handler: (ctx, { params, body }) => createStaffAbsence(ctx, params.schoolId, body),
  }),
  defineRoute({
    ...staffAbsenceContracts.remove,
    summary: "Removes an absence: the person's own, or anyone's for the leadership; a colleague's answers 404.",
    tags: ['staff-absence'],
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
    ...staffAbsenceContracts.messageRouting,
    summary:
      "For the guardian's (or the student's own) composer: who a message about the child reaches if sent now, a notice for each absent recipient, and the promise.",
    tags: ['staff-absence'],
    policy: atSchool(
      ZMessageRoutingParams,
      'guardian who may write about the student, or the student',
      (m, params) => mayWriteAboutStudent(m, params.studentId) || m.studentId === params.studentId,
    ),
    handler: (ctx, { params }) => getMessageRouting(ctx, params.schoolId, params.studentId),
  }),
];
