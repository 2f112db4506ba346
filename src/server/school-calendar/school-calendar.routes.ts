import { defineRoute } from '../http/route.js';
import { schoolCalendarContracts } from '../../shared/api/school-calendar.contract.js';
import { atSchool } from '../policies/policy.js';
import { mayEditClosedDays, mayReadClosedDays } from '../policies/rules.js';
import { ZClosedDaysParams } from '../../shared/api/school-calendar.schema.js';
import { getClosedDays, putClosedDays } from './school-calendar.service.js';

export const schoolCalendarRoutes = [
  defineRoute({
    ...schoolCalendarContracts.closedDays,
    summary:
      "The school's own closed days of one school year (1 August–31 July), which reply promises skip like public holidays.",
    tags: ['school-calendar'],
    policy: atSchool(ZClosedDaysParams, 'member of the school', (m) => mayReadClosedDays(m)),
    handler: (ctx, { params, query }) => getClosedDays(ctx, params.schoolId, query.schoolYear),
  }),
  defineRoute({
    ...schoolCalendarContracts.saveClosedDays,
    summary: 'Replaces the closed days of one school year. Promises already made keep their date.',
    tags: ['school-calendar'],
    policy: atSchool(ZClosedDaysParams, 'leadership', (m) => mayEditClosedDays(m)),
    handler: (ctx, { params, body }) => putClosedDays(ctx, params.schoolId, body),
  }),
];
