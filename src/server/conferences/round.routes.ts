import { defineRoute } from '../http/route.js';
import { conferenceContracts } from '../../shared/api/conference.contract.js';
import { ZSchoolParams } from '../../shared/api/common.schema.js';
import {
  ZCreateRound,
  ZInterpreterTimesParams,
  ZInvitationParams,
  ZPlanMeetingParams,
  ZRoundParams,
} from '../../shared/api/conference.schema.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../shared/api/messaging.schema.js';
import { allOf, atSchool, requireAccess } from '../policies/policy.js';
import { isMemberOfSchool, mayListRounds, mayPlanConferences } from '../policies/rules.js';
import { createRound, listRounds, readRound } from './round.service.js';
import {
  bookTime,
  cancelBooking,
  listFreeTimes,
  listMyInvitations,
  listRoundInvitations,
  openRound,
  setJointMeeting,
} from './invitation.service.js';
import { readBookingCalendar } from '../calendar/calendar-feed.service.js';
import {
  createInterpreter,
  listInterpreters,
  listRoundInterpreters,
  listPlanMoves,
  moveMeeting,
  publishPlan,
  readPlan,
  setAvailability,
  setInterpreterTimes,
  startPlan,
} from './plan.service.js';

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
      // A round started from a concern: the concern is one its planner follows up.
      requireAccess('concern.follow-up', { params: ZSchoolParams, body: ZCreateRound }, ({ body }) =>
        body.concernId ? [body.concernId] : [],
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

export const invitationRoutes = [
  defineRoute({
    ...conferenceContracts.openRound,
    summary:
      "Sends the round's invitations, which opens it for booking: one per household of each child in its classes, to the custody holders (not suspended) who live there, each with a notice in their language, and an e-mail to those whose directory record says e-mail (or who have no login); a home that has not booked four days on is reminded, unless the round begins first. A parent with the right to information only is not invited (§ 23). For those who plan all the round's classes; a round already opened is 409 round_not_draft.",
    tags: ['conferences'],
    policy: requireAccess('conference-round.open', { params: ZRoundParams }, ({ params }) => params.roundId),
    handler: (ctx, { params }) => openRound(ctx, params.schoolId, params.roundId),
  }),
  defineRoute({
    ...conferenceContracts.roundInvitations,
    summary:
      "The round's invitations for its staff: each home, whether it can be reached digitally (else call or write), and the time it booked. Audit-logged per child.",
    tags: ['conferences'],
    policy: requireAccess('conference-round.read', { params: ZRoundParams }, ({ params }) => params.roundId),
    handler: (ctx, { params }) => listRoundInvitations(ctx, params.schoolId, params.roundId),
  }),
  defineRoute({
    ...conferenceContracts.myInvitations,
    summary: "The caller's own invitations at the school as a custody holder, with the times booked.",
    tags: ['conferences'],
    policy: atSchool(ZSchoolParams, 'member of the school (their own invitations)', (m) => isMemberOfSchool(m)),
    handler: (ctx, { params }) => listMyInvitations(ctx, params.schoolId),
  }),
  defineRoute({
    ...conferenceContracts.freeTimes,
    summary: "The free times of the invitation's class in the round, for the guardians it was sent to.",
    tags: ['conferences'],
    policy: requireAccess(
      'conference-invitation.book',
      { params: ZInvitationParams },
      ({ params }) => params.invitationId,
    ),
    handler: (ctx, { params }) => listFreeTimes(ctx, params.schoolId, params.invitationId),
  }),
  defineRoute({
    ...conferenceContracts.book,
    summary:
      'Books a time for the invitation, or moves its booking there. Of two guardians taking the last time at once exactly one wins; the other gets 409 conference_time_taken with the next free times (details.nextFree). A time not in the round is 422.',
    tags: ['conferences'],
    policy: requireAccess(
      'conference-invitation.book',
      { params: ZInvitationParams },
      ({ params }) => params.invitationId,
    ),
    handler: (ctx, { params, body }) => bookTime(ctx, params.schoolId, params.invitationId, body),
  }),
  defineRoute({
    ...conferenceContracts.cancelBooking,
    summary: "Cancels the invitation's booking; the time is free for others at once.",
    tags: ['conferences'],
    policy: requireAccess(
      'conference-invitation.book',
      { params: ZInvitationParams },
      ({ params }) => params.invitationId,
    ),
    handler: (ctx, { params }) => cancelBooking(ctx, params.schoolId, params.invitationId),
  }),
  defineRoute({
    ...conferenceContracts.jointMeeting,
    summary:
      "This home asks (or no longer asks) for one joint meeting with the child's other home (separated parents each have their own invitation). When both ask, the other home's booked time is offered first (`joint`) and booking it joins that meeting; the database lets one meeting hold a class's time and be joined by one other home.",
    tags: ['conferences'],
    policy: requireAccess(
      'conference-invitation.book',
      { params: ZInvitationParams },
      ({ params }) => params.invitationId,
    ),
    handler: (ctx, { params, body }) => setJointMeeting(ctx, params.schoolId, params.invitationId, body),
  }),
  defineRoute({
    ...conferenceContracts.bookingCalendar,
    summary:
      "The invitation's booked meeting as an iCalendar file (text/calendar, Europe/Copenhagen times), the same event (UID and SEQUENCE) as in the guardian's calendar feed. For its custody holders, the staff of the class and the leadership; 404 when nothing is booked. Logged in the child's log.",
    tags: ['conferences'],
    policy: requireAccess(
      'conference-invitation.calendar',
      { params: ZInvitationParams },
      ({ params }) => params.invitationId,
    ),
    handler: async (ctx, { params }, { reply }) =>
      reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="samtale.ics"')
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(await readBookingCalendar(ctx, params.schoolId, params.invitationId)),
  }),
];

/** Automatic planning (issue 10, point 3) and the school's interpreters. */
export const planRoutes = [
  defineRoute({
    ...conferenceContracts.setAvailability,
    summary:
      "The afternoons (or parts of them) that suit the home, for a planned round while it is open; replaces the earlier marks, an empty list takes them back. For the invitation's custody holders. A time outside the round's afternoons is 422 conference_time_outside_round; a self-booking round is 422 round_not_planned.",
    tags: ['conferences'],
    policy: requireAccess(
      'conference-invitation.book',
      { params: ZInvitationParams },
      ({ params }) => params.invitationId,
    ),
    handler: (ctx, { params, body }) => setAvailability(ctx, params.schoolId, params.invitationId, body),
  }),
  defineRoute({
    ...conferenceContracts.plan,
    summary:
      "The round's plan for its staff: the state and progress of the scheduler's job, the figures (placed, household waiting, extra days), each meeting with its time or the reason it has none, and the times it could move to. Audit-logged per child.",
    tags: ['conferences'],
    policy: requireAccess('conference-round.read', { params: ZRoundParams }, ({ params }) => params.roundId),
    handler: (ctx, { params }) => readPlan(ctx, params.schoolId, params.roundId),
  }),
  defineRoute({
    ...conferenceContracts.startPlan,
    summary:
      "\"Planlæg\": queues the scheduler for a planned, open round as a background job and sets the round's status to 'planning'. Pressing again while it runs changes nothing. For those who plan all the round's classes.",
    tags: ['conferences'],
    policy: requireAccess('conference-round.open', { params: ZRoundParams }, ({ params }) => params.roundId),
    handler: (ctx, { params }) => startPlan(ctx, params.schoolId, params.roundId),
  }),
  defineRoute({
    ...conferenceContracts.planMoves,
    summary:
      "The times one meeting of a finished, unpublished plan could move to without breaking a hard rule (at most 12, each checked against the whole timetable); empty while the plan runs or once it is published. For those who plan the round's classes.",
    tags: ['conferences'],
    policy: requireAccess('conference-round.open', { params: ZPlanMeetingParams }, ({ params }) => params.roundId),
    handler: (ctx, { params }) => listPlanMoves(ctx, params.schoolId, params.roundId, params.invitationId),
  }),
  defineRoute({
    ...conferenceContracts.moveMeeting,
    summary:
      'Moves one meeting of the plan to another time (or places one the scheduler could not). Every hard rule is checked; a move that breaks one is 422 conference_move_breaks_rule and changes nothing. On a published plan the booking moves too.',
    tags: ['conferences'],
    policy: requireAccess('conference-round.open', { params: ZPlanMeetingParams }, ({ params }) => params.roundId),
    handler: (ctx, { params, body }) => moveMeeting(ctx, params.schoolId, params.roundId, params.invitationId, body),
  }),
  defineRoute({
    ...conferenceContracts.publishPlan,
    summary:
      "Publishes the plan: each placed meeting becomes the invitation's booking, the round is 'published', and each home is told its time in its language.",
    tags: ['conferences'],
    policy: requireAccess('conference-round.open', { params: ZRoundParams }, ({ params }) => params.roundId),
    handler: (ctx, { params }) => publishPlan(ctx, params.schoolId, params.roundId),
  }),
  defineRoute({
    ...conferenceContracts.interpreters,
    summary: "The school's interpreters and their languages, for its staff.",
    tags: ['conferences'],
    policy: atSchool(ZSchoolParams, 'staff of the school', (m) => mayListRounds(m)),
    handler: (ctx, { params }) => listInterpreters(ctx, params.schoolId),
  }),
  defineRoute({
    ...conferenceContracts.createInterpreter,
    summary: 'Adds an interpreter to the school list, with the languages they speak.',
    tags: ['conferences'],
    policy: atSchool(ZSchoolParams, 'leadership or a contact teacher', (m) => mayPlanConferences(m)),
    handler: (ctx, { params, body }) => createInterpreter(ctx, params.schoolId, body),
  }),
  defineRoute({
    ...conferenceContracts.roundInterpreters,
    summary: "The school's interpreters with their free times in the round.",
    tags: ['conferences'],
    policy: requireAccess('conference-round.read', { params: ZRoundParams }, ({ params }) => params.roundId),
    handler: (ctx, { params }) => listRoundInterpreters(ctx, params.schoolId, params.roundId),
  }),
  defineRoute({
    ...conferenceContracts.setInterpreterTimes,
    summary: "An interpreter's free times in the round, inside its afternoons (422 conference_time_outside_round).",
    tags: ['conferences'],
    policy: requireAccess('conference-round.open', { params: ZInterpreterTimesParams }, ({ params }) => params.roundId),
    handler: (ctx, { params, body }) =>
      setInterpreterTimes(ctx, params.schoolId, params.roundId, params.interpreterId, body),
  }),
];
