import { defineRoute } from '../http/route.js';
import { directoryContracts } from '../../shared/api/directory.contract.js';
import { ZSchoolParams } from '../../shared/api/common.schema.js';
import { ZClassParams, ZStudentParams } from '../../shared/api/directory.schema.js';
import { isMemberOfSchool, mayListClasses, mayReadClassRoster, mayReadSchoolOverview } from '../policies/rules.js';
import { allOf, atSchool, requireAccess } from '../policies/policy.js';
import { listClasses, readClassRoster, readSchoolOverview, readStudentProfile } from './directory.service.js';

export const directoryRoutes = [
  defineRoute({
    ...directoryContracts.student,
    summary: "A child's profile: class, contact teacher, guardians and the school's reply promise. Audit-logged.",
    tags: ['directory'],
    policy: allOf(
      atSchool(ZStudentParams, 'member of the school', (m) => isMemberOfSchool(m)),
      requireAccess('student.read', { params: ZStudentParams }, ({ params }) => params.studentId),
    ),
    handler: (ctx, { params }) => readStudentProfile(ctx, params.schoolId, params.studentId),
  }),
  defineRoute({
    ...directoryContracts.classes,
    summary: 'The classes the reader has to do with, with size and contact teacher.',
    tags: ['directory'],
    policy: atSchool(ZSchoolParams, 'member of the school', (m) => mayListClasses(m)),
    handler: (ctx, { params }) => listClasses(ctx, params.schoolId),
  }),
  defineRoute({
    ...directoryContracts.class,
    summary: "A class's students with their custody holders and the needs that decide how to reach them. Audit-logged.",
    tags: ['directory'],
    policy: atSchool(ZClassParams, 'staff of the class, or leadership', (m, { classId }) =>
      mayReadClassRoster(m, classId),
    ),
    handler: (ctx, { params }) => readClassRoster(ctx, params.schoolId, params.classId),
  }),
  defineRoute({
    ...directoryContracts.overview,
    summary: 'The school in figures: in full for the leadership, aggregates only for the board.',
    tags: ['directory'],
    policy: atSchool(ZSchoolParams, 'leadership or board member', (m) => mayReadSchoolOverview(m)),
    handler: (ctx, { params }) => readSchoolOverview(ctx, params.schoolId),
  }),
];
