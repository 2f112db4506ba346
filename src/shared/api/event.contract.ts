import { defineContract } from './contract.js';
import { ZSchoolParams } from './common.schema.js';
import { ZClassParams } from './directory.schema.js';
import { ZSendHeaders } from './messaging.schema.js';
import {
  ZCancelEvent,
  ZChangeEvent,
  ZCreateEvent,
  ZEvent,
  ZEventAnswer,
  ZEventList,
  ZEventParams,
  ZEventSlotParams,
} from './event.schema.js';

/** The event routes (events/event.routes.ts): method, path and schemas, shared by the server and the client. */
export const eventContracts = {
  list: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/events',
    params: ZSchoolParams,
    response: ZEventList,
  }),
  createForSchool: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/events',
    params: ZSchoolParams,
    body: ZCreateEvent,
    headers: ZSendHeaders,
    response: ZEvent,
    status: 201,
  }),
  createForClass: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/classes/:classId/events',
    params: ZClassParams,
    body: ZCreateEvent,
    headers: ZSendHeaders,
    response: ZEvent,
    status: 201,
  }),
  read: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/events/:eventId',
    params: ZEventParams,
    response: ZEvent,
  }),
  change: defineContract({
    method: 'PUT',
    url: '/api/schools/:schoolId/events/:eventId',
    params: ZEventParams,
    body: ZChangeEvent,
    response: ZEvent,
  }),
  cancel: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/events/:eventId/cancel',
    params: ZEventParams,
    body: ZCancelEvent,
    response: ZEvent,
  }),
  answer: defineContract({
    method: 'PUT',
    url: '/api/schools/:schoolId/events/:eventId/answer',
    params: ZEventParams,
    body: ZEventAnswer,
    response: ZEvent,
  }),
  takeSlot: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/event-slots/:slotId/take',
    params: ZEventSlotParams,
    response: ZEvent,
  }),
  releaseSlot: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/event-slots/:slotId/release',
    params: ZEventSlotParams,
    response: ZEvent,
  }),
  calendar: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/events/:eventId/calendar',
    params: ZEventParams,
    produces: 'text/calendar',
  }),
};
