import { defineContract } from './contract.js';
import { ZClosedDays, ZClosedDaysParams, ZClosedDaysQuery, ZPutClosedDays } from './school-calendar.schema.js';

/** The schoolCalendar routes (school-calendar.routes.ts): method, path and schemas, shared by the server and the client. */
export const schoolCalendarContracts = {
  closedDays: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/closed-days',
    params: ZClosedDaysParams,
    query: ZClosedDaysQuery,
    response: ZClosedDays,
  }),
  saveClosedDays: defineContract({
    method: 'PUT',
    url: '/api/schools/:schoolId/closed-days',
    params: ZClosedDaysParams,
    body: ZPutClosedDays,
    response: ZClosedDays,
  }),
};
