import { defineRoute } from '../http/route.js';
import { conferenceContracts } from '../../shared/api/conference.contract.js';
import { ZSchoolParams } from '../../shared/api/common.schema.js';
import { ZCreateRound, ZRoundParams } from '../../shared/api/conference.schema.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../shared/api/messaging.schema.js';
import { allOf, atSchool, requireAccess } from '../policies/policy.js';
import { mayListRounds, mayPlanConferences } from '../policies/rules.js';
import { createRound, listRounds, readRound } from './round.service.js';

export const roundRoutes = [
  defineRoute({
    ...conferenceContracts.createRound,
    summary:
      "A leader, or a contact teacher for their own classes, creates a conference round: classes, afternoons, meeting length per grade, who takes part, formats and rooms, the day invitations go out and the day student plans are shared. The principle's lead times are checked; a round that breaks them is made and carries `warnings`. A needs-based round needs a principle that allows one (422 round_needs_based_not_allowed). Send an `idempotency-key` header to make retries safe.",
    tags: ['conferences'],
    policy: allOf(
      atSchool(ZSchoolParams, 'leadership or a contact teacher', (m) => mayPlanConferences(m)),
      requireAccess(
        'class.plan-conferences',
        { params: ZSchoolParams, body: ZCreateRound },
        ({ body }) => body.classIds,
      ),
    ),
    handler: (ctx, { params, body, headers }) =>
      createRound(ctx, params.schoolId, { ...body, idempotencyKey: headers[IDEMPOTENCY_KEY_HEADER] }),
  }),
  defineRoute({
    ...conferenceContracts.rounds,
    summary: "The school's conference rounds, newest first: all of them for the leadership, their classes' for staff.",
    tags: ['conferences'],
    policy: atSchool(ZSchoolParams, 'staff of the school', (m) => mayListRounds(m)),
    handler: (ctx, { params }) => listRounds(ctx, params.schoolId),
  }),
  defineRoute({
    ...conferenceContracts.round,
    summary:
      'One conference round with the lead times of the principle it breaks, for the leadership and the staff of its classes.',
    tags: ['conferences'],
    policy: requireAccess('conference-round.read', { params: ZRoundParams }, ({ params }) => params.roundId),
    handler: (ctx, { params }) => readRound(ctx, params.schoolId, params.roundId),
  }),
];
