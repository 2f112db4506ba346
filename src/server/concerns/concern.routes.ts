import { defineRoute } from '../http/route.js';
import { concernContracts } from '../../shared/api/concern.contract.js';
import { ZSchoolParams } from '../../shared/api/common.schema.js';
import { ZStudentParams } from '../../shared/api/directory.schema.js';
import { ZConcernParams } from '../../shared/api/concern.schema.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../shared/api/messaging.schema.js';
import { mayListConcerns } from '../policies/rules.js';
import { atSchool, requireAccess } from '../policies/policy.js';
import {
  closeConcern,
  listConcerns,
  listStudentConcerns,
  readConcern,
  recordConcernContact,
  registerConcern,
} from './concern.service.js';

const studentConcerns = requireAccess('student.concerns', { params: ZStudentParams }, ({ params }) => params.studentId);
const followUp = requireAccess('concern.follow-up', { params: ZConcernParams }, ({ params }) => params.concernId);

export const concernRoutes = [
  defineRoute({
    ...concernContracts.register,
    summary:
      "A member of the child's staff team or the leadership registers a concern (a kind the principle lists; short and factual). The child's contact teachers get a notice with the day the home should be contacted by. Send an `idempotency-key` header to make retries safe.",
    tags: ['concerns'],
    policy: studentConcerns,
    handler: (ctx, { params, body, headers }) =>
      registerConcern(ctx, params.schoolId, params.studentId, {
        ...body,
        idempotencyKey: headers[IDEMPOTENCY_KEY_HEADER],
      }),
  }),
  defineRoute({
    ...concernContracts.ofStudent,
    summary:
      "A child's concerns with their contacts and deadlines, and what the principle in force asks. For the child's staff team and the leadership only; every read is audit-logged, and so is a refused one.",
    tags: ['concerns'],
    policy: studentConcerns,
    handler: (ctx, { params }) => listStudentConcerns(ctx, params.schoolId, params.studentId),
  }),
  defineRoute({
    ...concernContracts.list,
    summary:
      "The concerns a member of staff follows up (their classes' children; the whole school for the leadership), overdue first; `show=awaiting-contact` keeps those whose home has not been contacted.",
    tags: ['concerns'],
    policy: atSchool(ZSchoolParams, 'staff of the school', (m) => mayListConcerns(m)),
    handler: (ctx, { params, query }) => listConcerns(ctx, params.schoolId, query),
  }),
  defineRoute({
    ...concernContracts.read,
    summary: "One concern: the child's staff team and the leadership. Audit-logged; a refused read is logged too.",
    tags: ['concerns'],
    policy: followUp,
    handler: (ctx, { params }) => readConcern(ctx, params.schoolId, params.concernId),
  }),
  defineRoute({
    ...concernContracts.recordContact,
    summary:
      'Records a contact with the home: the day (not before the concern, not after today), by phone or at a meeting as the principle names, and what was agreed.',
    tags: ['concerns'],
    policy: followUp,
    handler: (ctx, { params, body }) => recordConcernContact(ctx, params.schoolId, params.concernId, body),
  }),
  defineRoute({
    ...concernContracts.close,
    summary: 'Closes a concern with a note.',
    tags: ['concerns'],
    policy: followUp,
    handler: (ctx, { params, body }) => closeConcern(ctx, params.schoolId, params.concernId, body),
  }),
];
