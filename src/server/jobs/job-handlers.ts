import type { JobKind } from './job-kinds.js';
import type { JobHandler } from './job-runner.js';
import { handlePromiseReminder, handlePromiseReminderEmail } from '../messaging/promise-reminder.service.js';
import {
  handleDigest,
  handleDigestEmail,
  handleMessageEmail,
  handleMessageNotification,
} from '../notifications/message-notification.service.js';
import {
  handleConferenceInvitationEmail,
  handleConferenceReminder,
  handleConferenceReminderEmail,
  handleConferenceTimeEmail,
} from '../conferences/invitation-notify.service.js';
import { handleAgreementReminder, handleConferenceSummaryEmail } from '../conferences/meeting.service.js';
import { handleRemoveStaleAttachments } from '../attachments/attachment.service.js';
import { handlePlanRound } from '../conferences/plan.service.js';
import { handleStudentPlanEmail } from '../student-plans/student-plan.service.js';
import { handleTestResultEmail, handleTestResultReminder } from '../test-results/test-result-notify.service.js';
import { handleParentMeetingEmail } from '../parent-meetings/parent-meeting-notify.service.js';
import { handleEventChangeEmail, handleEventReminder } from '../events/event.service.js';
import { handlePublishClassLetter } from '../class-letters/class-letter.service.js';

/** The handler of every kind of background job the server runs; the compiler holds the list complete. */
export const JOB_HANDLERS: { readonly [K in JobKind]: JobHandler<K> } = {
  'promise-reminder': handlePromiseReminder,
  'promise-reminder-email': handlePromiseReminderEmail,
  'message-notification': handleMessageNotification,
  'message-email': handleMessageEmail,
  'notification-digest': handleDigest,
  'digest-email': handleDigestEmail,
  'conference-invitation-email': handleConferenceInvitationEmail,
  'conference-reminder': handleConferenceReminder,
  'conference-reminder-email': handleConferenceReminderEmail,
  'conference-time-email': handleConferenceTimeEmail,
  'conference-summary-email': handleConferenceSummaryEmail,
  'conference-agreement-reminder': handleAgreementReminder,
  'attachments.remove-stale': handleRemoveStaleAttachments,
  'conference-plan': handlePlanRound,
  'student-plan-email': handleStudentPlanEmail,
  'test-result-email': handleTestResultEmail,
  'test-result-reminder': handleTestResultReminder,
  'parent-meeting-email': handleParentMeetingEmail,
  'event-reminder': handleEventReminder,
  'event-change-email': handleEventChangeEmail,
  'class-letter-publish': handlePublishClassLetter,
};
