import { defineContract } from './contract.js';
import { ZSchoolParams } from './common.schema.js';
import {
  ZBook,
  ZCreateRound,
  ZFreeTimes,
  ZInvitationParams,
  ZJointMeeting,
  ZMyInvitations,
  ZRound,
  ZRoundInvitations,
  ZRoundList,
  ZRoundOpened,
  ZRoundParams,
  ZRoundTime,
} from './conference.schema.js';
import { ZOk } from './common.schema.js';
import { ZSendHeaders } from './messaging.schema.js';

/** The conference routes (conferences/round.routes.ts): method, path and schemas, shared by the server and the client. */
export const conferenceContracts = {
  createRound: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/conference-rounds',
    params: ZSchoolParams,
    body: ZCreateRound,
    headers: ZSendHeaders,
    response: ZRound,
    status: 201,
  }),
  rounds: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/conference-rounds',
    params: ZSchoolParams,
    response: ZRoundList,
  }),
  round: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/conference-rounds/:roundId',
    params: ZRoundParams,
    response: ZRound,
  }),
  openRound: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/conference-rounds/:roundId/open',
    params: ZRoundParams,
    response: ZRoundOpened,
  }),
  roundInvitations: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/conference-rounds/:roundId/invitations',
    params: ZRoundParams,
    response: ZRoundInvitations,
  }),
  myInvitations: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/conference-invitations',
    params: ZSchoolParams,
    response: ZMyInvitations,
  }),
  freeTimes: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/conference-invitations/:invitationId/times',
    params: ZInvitationParams,
    response: ZFreeTimes,
  }),
  book: defineContract({
    method: 'PUT',
    url: '/api/schools/:schoolId/conference-invitations/:invitationId/booking',
    params: ZInvitationParams,
    body: ZBook,
    response: ZRoundTime,
  }),
  jointMeeting: defineContract({
    method: 'PUT',
    url: '/api/schools/:schoolId/conference-invitations/:invitationId/joint-meeting',
    params: ZInvitationParams,
    body: ZJointMeeting,
    response: ZJointMeeting,
  }),
  /** The booked meeting as an iCalendar file (text/calendar), the same event as in the calendar feed. */
  bookingCalendar: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/conference-invitations/:invitationId/booking.ics',
    params: ZInvitationParams,
    produces: 'text/calendar',
  }),
  cancelBooking: defineContract({
    method: 'DELETE',
    url: '/api/schools/:schoolId/conference-invitations/:invitationId/booking',
    params: ZInvitationParams,
    response: ZOk,
  }),
};
