import { defineRoute } from '../http/route.js';
import { classRepresentativeContracts } from '../../shared/api/class-representative.contract.js';
import { ZSchoolParams } from '../../shared/api/common.schema.js';
import { ZClassParams } from '../../shared/api/directory.schema.js';
import { ZRepresentativeParams } from '../../shared/api/class-representative.schema.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../shared/api/messaging.schema.js';
import { atSchool, requireAccess } from '../policies/policy.js';
import { mayReadOwnRepresentativeSeats, mayWriteToClassAsRepresentative } from '../policies/rules.js';
import { sendRepresentativeMessage } from '../messaging/message-send.service.js';
import {
  endRepresentativeSeat,
  readClassRepresentatives,
  readMySeats,
  recordElection,
} from './class-representative.service.js';

export const classRepresentativeRoutes = [
  defineRoute({
    ...classRepresentativeContracts.ofClass,
    summary:
      "The class's parent representatives (kontaktforældre) of the school year in progress, by name: for the class's custody holders, its staff, its representatives and the leadership. Those who record elections also get who can be elected.",
    tags: ['class-representatives'],
    policy: requireAccess('class.representatives', { params: ZClassParams }, ({ params }) => params.classId),
    handler: (ctx, { params }) => readClassRepresentatives(ctx, params.schoolId, params.classId),
  }),
  defineRoute({
    ...classRepresentativeContracts.elect,
    summary:
      "The contact teacher or the leadership records who the class's parents elected for this school year: a custody holder of a child in the class, elected on a day of this school year, at most four seats. Audit-logged; recording the same again changes nothing.",
    tags: ['class-representatives'],
    policy: requireAccess('class.record-representatives', { params: ZClassParams }, ({ params }) => params.classId),
    handler: (ctx, { params, body }) => recordElection(ctx, params.schoolId, params.classId, body),
  }),
  defineRoute({
    ...classRepresentativeContracts.end,
    summary:
      "The contact teacher or the leadership ends a representative's seat before the school year does; 404 representative_no_seat for anyone without a seat. Audit-logged.",
    tags: ['class-representatives'],
    policy: requireAccess(
      'class.record-representatives',
      { params: ZRepresentativeParams },
      ({ params }) => params.classId,
    ),
    handler: (ctx, { params }) => endRepresentativeSeat(ctx, params.schoolId, params.classId, params.personId),
  }),
  defineRoute({
    ...classRepresentativeContracts.mine,
    summary: "The caller's own seats as class parent representative in the school year in progress.",
    tags: ['class-representatives'],
    policy: atSchool(ZSchoolParams, 'member of the school', (m) => mayReadOwnRepresentativeSeats(m)),
    handler: (ctx, { params }) => readMySeats(ctx, params.schoolId),
  }),
  defineRoute({
    ...classRepresentativeContracts.write,
    summary:
      'A class parent representative writes to the custody holders of the class in one thread, shown as "Forældre i 3.A"; they never see who received it nor any address, and each answer goes privately to them, with no reply promise of the school. Safe to retry with an Idempotency-Key.',
    tags: ['class-representatives'],
    policy: atSchool(ZClassParams, 'a class parent representative of the class this school year', (m, params) =>
      mayWriteToClassAsRepresentative(m, params.classId),
    ),
    handler: (ctx, { params, body, headers }) =>
      sendRepresentativeMessage(ctx, params.schoolId, params.classId, {
        ...body,
        idempotencyKey: headers[IDEMPOTENCY_KEY_HEADER] || null,
      }),
  }),
];
