import { defineRoute } from '../http/route.js';
import { parentMeetingContracts } from '../../shared/api/parent-meeting.contract.js';
import { ZSchoolParams } from '../../shared/api/common.schema.js';
import { ZClassParams } from '../../shared/api/directory.schema.js';
import { ZAgendaItemParams, ZParentMeetingParams } from '../../shared/api/parent-meeting.schema.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../shared/api/messaging.schema.js';
import { atSchool, requireAccess } from '../policies/policy.js';
import { isMemberOfSchool } from '../policies/rules.js';
import {
  addAgendaItem,
  answerParentMeeting,
  changeAgendaItem,
  inviteToParentMeeting,
  listClassParentMeetings,
  listMyParentMeetings,
  planParentMeeting,
  publishMinutes,
  readParentMeeting,
  readParentMeetingCalendar,
  rescheduleParentMeeting,
  takeParentMeetingAttendance,
} from './parent-meeting.service.js';

const meeting = ({ params }: { params: { meetingId: string } }) => params.meetingId;

export const parentMeetingRoutes = [
  defineRoute({
    ...parentMeetingContracts.ofClass,
    summary:
      "A class's parent meetings this school year and the count held against the principle: for its staff, the leadership, its class parent representatives and its homes (those still planned for their planners only).",
    tags: ['parent-meetings'],
    policy: requireAccess('class.parent-meetings', { params: ZClassParams }, ({ params }) => params.classId),
    handler: (ctx, { params }) => listClassParentMeetings(ctx, params.schoolId, params.classId),
  }),
  defineRoute({
    ...parentMeetingContracts.plan,
    summary:
      'Plans a parent meeting for a class (time and place): its staff, the leadership, and its class parent representatives where the principle lets them help. An idempotency key makes a double click one meeting.',
    tags: ['parent-meetings'],
    policy: requireAccess('class.plan-parent-meeting', { params: ZClassParams }, ({ params }) => params.classId),
    handler: (ctx, { params, body, headers }) =>
      planParentMeeting(ctx, params.schoolId, params.classId, body, headers[IDEMPOTENCY_KEY_HEADER] || null),
  }),
  defineRoute({
    ...parentMeetingContracts.mine,
    summary:
      "The caller's parent meetings for the home page: the classes they plan for (held this year against the principle, what to do now), and their home's coming meetings and recent minutes.",
    tags: ['parent-meetings'],
    policy: atSchool(
      ZSchoolParams,
      'any member of the school but a suspended guardian',
      (m) => isMemberOfSchool(m) && !m.suspended,
    ),
    handler: (ctx, { params }) => listMyParentMeetings(ctx, params.schoolId),
  }),
  defineRoute({
    ...parentMeetingContracts.read,
    summary:
      "One parent meeting: agenda, answers, attendance and minutes as the reader may see them; staff see each home with its children's first names (logged in the children's audit log).",
    tags: ['parent-meetings'],
    policy: requireAccess('parent-meeting.read', { params: ZParentMeetingParams }, meeting),
    handler: (ctx, { params }) => readParentMeeting(ctx, params.schoolId, params.meetingId),
  }),
  defineRoute({
    ...parentMeetingContracts.reschedule,
    summary: 'A new time or place while the meeting is planned: its planners.',
    tags: ['parent-meetings'],
    policy: requireAccess('parent-meeting.plan', { params: ZParentMeetingParams }, meeting),
    handler: (ctx, { params, body }) => rescheduleParentMeeting(ctx, params.schoolId, params.meetingId, body),
  }),
  defineRoute({
    ...parentMeetingContracts.addAgendaItem,
    summary:
      "Adds an agenda item while the meeting is planned: a topic of the well-being action plan (where the principle puts them on the agenda) or the planner's own words.",
    tags: ['parent-meetings'],
    policy: requireAccess('parent-meeting.plan', { params: ZParentMeetingParams }, meeting),
    handler: (ctx, { params, body }) => addAgendaItem(ctx, params.schoolId, params.meetingId, body),
  }),
  defineRoute({
    ...parentMeetingContracts.editAgendaItem,
    summary: "Changes an agenda item's words while the meeting is planned: its planners.",
    tags: ['parent-meetings'],
    policy: requireAccess('parent-meeting.plan', { params: ZAgendaItemParams }, meeting),
    handler: (ctx, { params, body }) =>
      changeAgendaItem(ctx, params.schoolId, params.meetingId, params.itemId, body.title),
  }),
  defineRoute({
    ...parentMeetingContracts.removeAgendaItem,
    summary: 'Removes an agenda item while the meeting is planned: its planners.',
    tags: ['parent-meetings'],
    policy: requireAccess('parent-meeting.plan', { params: ZAgendaItemParams }, meeting),
    handler: (ctx, { params }) => changeAgendaItem(ctx, params.schoolId, params.meetingId, params.itemId, null),
  }),
  defineRoute({
    ...parentMeetingContracts.invite,
    summary:
      'Invites every custody home of the class in one unit of work: a notice to each custody holder in their language, an e-mail with the calendar file where the directory says e-mail. A second send tells no one again.',
    tags: ['parent-meetings'],
    policy: requireAccess('parent-meeting.run', { params: ZParentMeetingParams }, meeting),
    handler: (ctx, { params }) => inviteToParentMeeting(ctx, params.schoolId, params.meetingId),
  }),
  defineRoute({
    ...parentMeetingContracts.answer,
    summary:
      "A home's answer (coming with how many, or not), changeable until the meeting begins: a custody holder of a child in the class. A meeting of another class does not exist for them (404).",
    tags: ['parent-meetings'],
    policy: requireAccess('parent-meeting.answer', { params: ZParentMeetingParams }, meeting),
    handler: (ctx, { params, body }) => answerParentMeeting(ctx, params.schoolId, params.meetingId, body),
  }),
  defineRoute({
    ...parentMeetingContracts.attendance,
    summary:
      'Attendance at the meeting, each invited home represented or not, once it has begun; marks the meeting held. The class staff and the leadership.',
    tags: ['parent-meetings'],
    policy: requireAccess('parent-meeting.run', { params: ZParentMeetingParams }, meeting),
    handler: (ctx, { params, body }) => takeParentMeetingAttendance(ctx, params.schoolId, params.meetingId, body),
  }),
  defineRoute({
    ...parentMeetingContracts.minutes,
    summary:
      "Publishes the minutes to the class's custody holders (a notice each, in their language) once attendance is taken. Published minutes stand.",
    tags: ['parent-meetings'],
    policy: requireAccess('parent-meeting.run', { params: ZParentMeetingParams }, meeting),
    handler: (ctx, { params, body }) => publishMinutes(ctx, params.schoolId, params.meetingId, body.minutes),
  }),
  defineRoute({
    ...parentMeetingContracts.calendar,
    summary:
      'The meeting as an iCalendar file (text/calendar, Europe/Copenhagen times, a stable UID with SEQUENCE), for whoever may read the meeting.',
    tags: ['parent-meetings'],
    policy: requireAccess('parent-meeting.read', { params: ZParentMeetingParams }, meeting),
    handler: async (ctx, { params }, { reply }) =>
      reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="foraeldremoede.ics"')
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(await readParentMeetingCalendar(ctx, params.schoolId, params.meetingId)),
  }),
];
