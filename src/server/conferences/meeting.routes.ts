import { defineRoute } from '../http/route.js';
import { conferenceContracts } from '../../shared/api/conference.contract.js';
import { ZSchoolParams } from '../../shared/api/common.schema.js';
import { ZAgreementParams, ZConferenceParams, ZRoundParams } from '../../shared/api/conference.schema.js';
import { atSchool, requireAccess } from '../policies/policy.js';
import { isMemberOfSchool } from '../policies/rules.js';
import {
  addAgreement,
  addNote,
  addTopic,
  finishRound,
  listMyAgreements,
  listMyConferences,
  markAgreementAsDone,
  markHeld,
  prepareConference,
  readConference,
} from './meeting.service.js';

const conference = (permission: 'conference.read' | 'conference.prepare' | 'conference.record') =>
  requireAccess(permission, { params: ZConferenceParams }, ({ params }) => params.invitationId);

/** Preparing, holding and following up a conference (issue 10, points 4 and 5). */
export const meetingRoutes = [
  defineRoute({
    ...conferenceContracts.conference,
    summary:
      "One conference (an invitation): topics with the role that raised them, the student's preparation in the form of the grade, notes (staff-only ones for staff alone), agreements and the student's open agreements from earlier conferences. For the staff of the child's class, the leadership, the invited guardians and the student. Audit-logged.",
    tags: ['conferences'],
    policy: conference('conference.read'),
    handler: (ctx, { params }) => readConference(ctx, params.schoolId, params.invitationId),
  }),
  defineRoute({
    ...conferenceContracts.addTopic,
    summary: 'Adds a topic before the meeting, shown with the role of who raised it. Refused once held (409).',
    tags: ['conferences'],
    policy: conference('conference.read'),
    handler: (ctx, { params, body }) => addTopic(ctx, params.schoolId, params.invitationId, body),
  }),
  defineRoute({
    ...conferenceContracts.prepare,
    summary:
      "The student's preparation, in the form of the grade: smileys (0–2, with a grown-up), prompts (3–6) or goals (7–9); another form is 422 conference_preparation_band. For the student and the invited guardians.",
    tags: ['conferences'],
    policy: conference('conference.prepare'),
    handler: (ctx, { params, body }) => prepareConference(ctx, params.schoolId, params.invitationId, body),
  }),
  defineRoute({
    ...conferenceContracts.addNote,
    summary:
      "A note from the meeting, the school's own or shared with the home. For the class's staff and the leadership.",
    tags: ['conferences'],
    policy: conference('conference.record'),
    handler: (ctx, { params, body }) => addNote(ctx, params.schoolId, params.invitationId, body),
  }),
  defineRoute({
    ...conferenceContracts.addAgreement,
    summary:
      'An agreement: who (school, home, student), what, by when. Its owners are reminded the morning before. For the class staff and the leadership.',
    tags: ['conferences'],
    policy: conference('conference.record'),
    handler: (ctx, { params, body }) => addAgreement(ctx, params.schoolId, params.invitationId, body),
  }),
  defineRoute({
    ...conferenceContracts.markHeld,
    summary:
      'Marks the conference held and sends each invited guardian the written summary (shared notes and agreements) by e-mail in their language. Twice is 409 conference_already_held.',
    tags: ['conferences'],
    policy: conference('conference.record'),
    handler: (ctx, { params }) => markHeld(ctx, params.schoolId, params.invitationId),
  }),
  defineRoute({
    ...conferenceContracts.myConferences,
    summary: "A student's own conferences, where they prepare; empty for anyone else.",
    tags: ['conferences'],
    policy: atSchool(ZSchoolParams, 'member of the school (a student their own)', (m) => isMemberOfSchool(m)),
    handler: (ctx, { params }) => listMyConferences(ctx, params.schoolId),
  }),
  defineRoute({
    ...conferenceContracts.myAgreements,
    summary:
      "The agreements the caller follows: their children's (custody), a student's own, the open ones of a teacher's classes. Audit-logged per child.",
    tags: ['conferences'],
    policy: atSchool(ZSchoolParams, 'member of the school (their own agreements)', (m) => isMemberOfSchool(m)),
    handler: (ctx, { params }) => listMyAgreements(ctx, params.schoolId),
  }),
  defineRoute({
    ...conferenceContracts.markAgreementDone,
    summary: "Marks an agreement done: by its owner (the home's custody holders, the student) or the child's staff.",
    tags: ['conferences'],
    policy: requireAccess(
      'conference-agreement.mark-done',
      { params: ZAgreementParams },
      ({ params }) => params.agreementId,
    ),
    handler: (ctx, { params }) => markAgreementAsDone(ctx, params.schoolId, params.agreementId),
  }),
  defineRoute({
    ...conferenceContracts.finishRound,
    summary:
      'Finishes a round after its last day; before, or for a draft, it is 409 round_not_over. For those who plan all its classes.',
    tags: ['conferences'],
    policy: requireAccess('conference-round.finish', { params: ZRoundParams }, ({ params }) => params.roundId),
    handler: (ctx, { params }) => finishRound(ctx, params.schoolId, params.roundId),
  }),
];
