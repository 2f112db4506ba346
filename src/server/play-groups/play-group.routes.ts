import { defineRoute } from '../http/route.js';
import { playGroupContracts } from '../../shared/api/play-group.contract.js';
import { ZSchoolParams } from '../../shared/api/common.schema.js';
import { ZClassParams, ZStudentParams } from '../../shared/api/directory.schema.js';
import { ZApartPairParams, ZCreateApartPair } from '../../shared/api/play-group.schema.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../shared/api/messaging.schema.js';
import { allOf, atSchool, requireAccess } from '../policies/policy.js';
import { mayListOrganisedPlayGroups } from '../policies/rules.js';
import {
  generateClassPlayGroups,
  keepApart,
  listApartPairs,
  listOrganisedPlayGroups,
  readClassPlayGroups,
  readStudentPlayGroups,
  removeApartPair,
  setPlayGroupHosting,
} from './play-group.service.js';

export const playGroupRoutes = [
  defineRoute({
    ...playGroupContracts.organised,
    summary: "The classes whose play groups the caller organises: a representative's, a teacher's, the leadership's.",
    tags: ['play-groups'],
    policy: atSchool(ZSchoolParams, 'class parent representatives and staff', (m) => mayListOrganisedPlayGroups(m)),
    handler: (ctx, { params }) => listOrganisedPlayGroups(ctx, params.schoolId),
  }),
  defineRoute({
    ...playGroupContracts.ofClass,
    summary:
      "A class's play groups, every round and group with its host: the class's parent representatives, its staff and the leadership. Audit-logged per child.",
    tags: ['play-groups'],
    policy: requireAccess('class.play-groups', { params: ZClassParams }, ({ params }) => params.classId),
    handler: (ctx, { params }) => readClassPlayGroups(ctx, params.schoolId, params.classId),
  }),
  defineRoute({
    ...playGroupContracts.generate,
    summary:
      'Generates rotating play groups for the dates given (the rounds after today are replaced, earlier ones kept), never putting a pair kept apart together, with hosts in turn. Idempotency key.',
    tags: ['play-groups'],
    policy: requireAccess('class.play-groups', { params: ZClassParams }, ({ params }) => params.classId),
    handler: (ctx, { params, body, headers }) =>
      generateClassPlayGroups(ctx, params.schoolId, params.classId, body, headers[IDEMPOTENCY_KEY_HEADER] || null),
  }),
  defineRoute({
    ...playGroupContracts.apartPairs,
    summary:
      "The pairs of children the class's staff keep apart, with the reasons: the class's staff and the leadership only.",
    tags: ['play-groups'],
    policy: requireAccess('class.play-groups-apart', { params: ZClassParams }, ({ params }) => params.classId),
    handler: (ctx, { params }) => listApartPairs(ctx, params.schoolId, params.classId),
  }),
  defineRoute({
    ...playGroupContracts.keepApart,
    summary: 'Keeps two children of the class out of one play group, with a reason for the staff only.',
    tags: ['play-groups'],
    policy: allOf(
      requireAccess('class.play-groups-apart', { params: ZClassParams }, ({ params }) => params.classId),
      requireAccess('student.play-groups-apart', { body: ZCreateApartPair }, ({ body }) => body.studentIds),
    ),
    handler: (ctx, { params, body }) => keepApart(ctx, params.schoolId, params.classId, body),
  }),
  defineRoute({
    ...playGroupContracts.removeApartPair,
    summary: 'Stops keeping a pair apart: the class’s staff and the leadership.',
    tags: ['play-groups'],
    policy: requireAccess('class.play-groups-apart', { params: ZApartPairParams }, ({ params }) => params.classId),
    handler: (ctx, { params }) => removeApartPair(ctx, params.schoolId, params.classId, params.pairId),
  }),
  defineRoute({
    ...playGroupContracts.ofStudent,
    summary:
      "A child's own play group in each round (day, the others by first name, whose home hosts), for its custody holders and the class's staff. Audit-logged, a refused read too.",
    tags: ['play-groups'],
    policy: requireAccess('student.play-groups', { params: ZStudentParams }, ({ params }) => params.studentId),
    handler: (ctx, { params }) => readStudentPlayGroups(ctx, params.schoolId, params.studentId),
  }),
  defineRoute({
    ...playGroupContracts.hosting,
    summary:
      "A custody holder declines (or offers again) that the child's home hosts; later rounds move to the next home, and no one else is told.",
    tags: ['play-groups'],
    policy: requireAccess('student.play-group-hosting', { params: ZStudentParams }, ({ params }) => params.studentId),
    handler: (ctx, { params, body }) => setPlayGroupHosting(ctx, params.schoolId, params.studentId, body.declined),
  }),
];
