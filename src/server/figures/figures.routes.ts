import { defineRoute } from '../http/route.js';
import { ZSchoolParams } from '../../shared/api/common.schema.js';
import { figuresContracts } from '../../shared/api/figures.contract.js';
import { mayReadPrincipleFigures } from '../policies/rules.js';
import { atSchool } from '../policies/policy.js';
import { readPrincipleFigures } from './figures.service.js';

export const figuresRoutes = [
  defineRoute({
    ...figuresContracts.read,
    summary:
      'How well the school keeps its principle, for a school year: every cell for the leadership, aggregates with groups under five hidden for the board.',
    tags: ['figures'],
    policy: atSchool(ZSchoolParams, 'leadership or board member', (m) => mayReadPrincipleFigures(m)),
    handler: (ctx, { params, query }) => readPrincipleFigures(ctx, params.schoolId, query),
  }),
];
