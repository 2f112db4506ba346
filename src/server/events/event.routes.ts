import { defineRoute } from '../http/route.js';
import { eventContracts } from '../../shared/api/event.contract.js';
import { ZSchoolParams } from '../../shared/api/common.schema.js';
import { ZClassParams } from '../../shared/api/directory.schema.js';
import { ZEventParams, ZEventSlotParams } from '../../shared/api/event.schema.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../shared/api/messaging.schema.js';
import { atSchool, requireAccess } from '../policies/policy.js';
import { mayListEvents, mayOrganiseSchoolEvents } from '../policies/rules.js';
import {
  answerEvent,
  cancelEvent,
  changeEvent,
  createClassEvent,
  createSchoolEvent,
  eventCalendar,
  listEvents,
  readEvent,
  releaseSlot,
  takeSlot,
} from './event.service.js';

export const eventRoutes = [
  defineRoute({
    ...eventContracts.list,
    summary:
      "The caller's events from today on (the school's, their classes' and their children's classes'), with the home's own answer, the head-count and open volunteer places.",
    tags: ['events'],
    policy: atSchool(ZSchoolParams, 'members of the school, not a suspended guardian', (m) => mayListEvents(m)),
    handler: (ctx, { params }) => listEvents(ctx, params.schoolId),
  }),
  defineRoute({
    ...eventContracts.createForSchool,
    summary:
      'Creates an event of the whole school (the leadership), with sign-up and volunteer slots; an idempotency key makes a double click one event.',
    tags: ['events'],
    policy: atSchool(ZSchoolParams, 'the leadership', (m) => mayOrganiseSchoolEvents(m)),
    handler: (ctx, { params, body, headers }) =>
      createSchoolEvent(ctx, params.schoolId, body, headers[IDEMPOTENCY_KEY_HEADER] || null),
  }),
  defineRoute({
    ...eventContracts.createForClass,
    summary:
      'Creates an event of a class: its staff, its class parent representatives and the leadership; an idempotency key makes a double click one event.',
    tags: ['events'],
    policy: requireAccess('class.organise-events', { params: ZClassParams }, ({ params }) => params.classId),
    handler: (ctx, { params, body, headers }) =>
      createClassEvent(ctx, params.schoolId, params.classId, body, headers[IDEMPOTENCY_KEY_HEADER] || null),
  }),
  defineRoute({
    ...eventContracts.read,
    summary:
      "One event: organisers see every household's answer and who took which slot; a home sees its own answer and slots.",
    tags: ['events'],
    policy: requireAccess('event.read', { params: ZEventParams }, ({ params }) => params.eventId),
    handler: (ctx, { params }) => readEvent(ctx, params.schoolId, params.eventId),
  }),
  defineRoute({
    ...eventContracts.answer,
    summary:
      "A home's answer (custody holders of a child the event is for): coming with so many adults and children, or not; within the deadline and the capacity.",
    tags: ['events'],
    policy: requireAccess('event.answer', { params: ZEventParams }, ({ params }) => params.eventId),
    handler: (ctx, { params, body }) => answerEvent(ctx, params.schoolId, params.eventId, body),
  }),
  defineRoute({
    ...eventContracts.takeSlot,
    summary:
      'A home takes a place in a volunteer slot; of two taking the last place at once exactly one gets it, the other is told (409 event_slot_full).',
    tags: ['events'],
    policy: requireAccess('event-slot.take', { params: ZEventSlotParams }, ({ params }) => params.slotId),
    handler: (ctx, { params }) => takeSlot(ctx, params.schoolId, params.slotId),
  }),
  defineRoute({
    ...eventContracts.releaseSlot,
    summary: 'A home gives back its place in a volunteer slot; without one nothing changes.',
    tags: ['events'],
    policy: requireAccess('event-slot.take', { params: ZEventSlotParams }, ({ params }) => params.slotId),
    handler: (ctx, { params }) => releaseSlot(ctx, params.schoolId, params.slotId),
  }),
  defineRoute({
    ...eventContracts.calendar,
    summary: 'The event as an iCalendar file (text/calendar, Europe/Copenhagen), the same UID as in the calendar feed.',
    tags: ['events'],
    policy: requireAccess('event.read', { params: ZEventParams }, ({ params }) => params.eventId),
    handler: async (ctx, { params }, { reply }) =>
      reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="arrangement.ics"')
        .header('x-content-type-options', 'nosniff')
        .send(await eventCalendar(ctx, params.schoolId, params.eventId)),
  }),
  defineRoute({
    ...eventContracts.change,
    summary:
      "Changes an event (whoever may create it): what, when (one day or several), where, the well-being mark, the deadline, the capacity (not below the people coming) and the volunteer slots (a taken slot is neither removed nor renamed: 409 event_slot_taken). A new day, time or place tells the homes coming or helping; the calendar file's SEQUENCE goes up.",
    tags: ['events'],
    policy: requireAccess('event.organise', { params: ZEventParams }, ({ params }) => params.eventId),
    handler: (ctx, { params, body }) => changeEvent(ctx, params.schoolId, params.eventId, body),
  }),
  defineRoute({
    ...eventContracts.cancel,
    summary:
      'Cancels an event (whoever may create it), with an optional reason: it stays, marked cancelled, closed to answers and volunteers; its reminder is dropped, the homes coming or helping are told, and its calendar entry says STATUS:CANCELLED.',
    tags: ['events'],
    policy: requireAccess('event.organise', { params: ZEventParams }, ({ params }) => params.eventId),
    handler: (ctx, { params, body }) => cancelEvent(ctx, params.schoolId, params.eventId, body),
  }),
];
