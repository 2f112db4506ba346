import { defineContract } from './contract.js';
import { ZSchoolParams } from './common.schema.js';
import { ZClassParams } from './directory.schema.js';
import { ZSendHeaders } from './messaging.schema.js';
import {
  ZAddAgendaItem,
  ZAgendaItemParams,
  ZClassParentMeetings,
  ZEditAgendaItem,
  ZMyParentMeetings,
  ZParentMeeting,
  ZParentMeetingAnswer,
  ZParentMeetingAttendance,
  ZParentMeetingMinutes,
  ZParentMeetingParams,
  ZParentMeetingTime,
} from './parent-meeting.schema.js';

/** The parent-meeting routes (parent-meetings/parent-meeting.routes.ts), shared by the server and the client. */
export const parentMeetingContracts = {
  ofClass: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/classes/:classId/parent-meetings',
    params: ZClassParams,
    response: ZClassParentMeetings,
  }),
  plan: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/classes/:classId/parent-meetings',
    params: ZClassParams,
    body: ZParentMeetingTime,
    headers: ZSendHeaders,
    response: ZParentMeeting,
    status: 201,
  }),
  mine: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/parent-meetings/mine',
    params: ZSchoolParams,
    response: ZMyParentMeetings,
  }),
  read: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/parent-meetings/:meetingId',
    params: ZParentMeetingParams,
    response: ZParentMeeting,
  }),
  reschedule: defineContract({
    method: 'PUT',
    url: '/api/schools/:schoolId/parent-meetings/:meetingId',
    params: ZParentMeetingParams,
    body: ZParentMeetingTime,
    response: ZParentMeeting,
  }),
  addAgendaItem: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/parent-meetings/:meetingId/agenda',
    params: ZParentMeetingParams,
    body: ZAddAgendaItem,
    response: ZParentMeeting,
    status: 201,
  }),
  editAgendaItem: defineContract({
    method: 'PUT',
    url: '/api/schools/:schoolId/parent-meetings/:meetingId/agenda/:itemId',
    params: ZAgendaItemParams,
    body: ZEditAgendaItem,
    response: ZParentMeeting,
  }),
  removeAgendaItem: defineContract({
    method: 'DELETE',
    url: '/api/schools/:schoolId/parent-meetings/:meetingId/agenda/:itemId',
    params: ZAgendaItemParams,
    response: ZParentMeeting,
  }),
  invite: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/parent-meetings/:meetingId/invite',
    params: ZParentMeetingParams,
    response: ZParentMeeting,
  }),
  answer: defineContract({
    method: 'PUT',
    url: '/api/schools/:schoolId/parent-meetings/:meetingId/answer',
    params: ZParentMeetingParams,
    body: ZParentMeetingAnswer,
    response: ZParentMeeting,
  }),
  attendance: defineContract({
    method: 'PUT',
    url: '/api/schools/:schoolId/parent-meetings/:meetingId/attendance',
    params: ZParentMeetingParams,
    body: ZParentMeetingAttendance,
    response: ZParentMeeting,
  }),
  minutes: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/parent-meetings/:meetingId/minutes',
    params: ZParentMeetingParams,
    body: ZParentMeetingMinutes,
    response: ZParentMeeting,
  }),
  calendar: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/parent-meetings/:meetingId/meeting.ics',
    params: ZParentMeetingParams,
    produces: 'text/calendar',
  }),
};
