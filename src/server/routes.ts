import type { RouteDefinition } from './http/route.js';
import { healthRoutes } from './health/health.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { oidcRoutes } from './auth/oidc.routes.js';
import { devMailRoutes } from './notify/dev-mail.routes.js';
import { devClockRoutes } from './dev-clock/dev-clock.routes.js';
import { meRoutes } from './directory/me.routes.js';
import { directoryRoutes } from './directory/directory.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { informationRequestRoutes } from './information-requests/information-request.routes.js';
import { directoryImportRoutes } from './directory-import/directory-import.routes.js';
import { principleRoutes } from './principle/principle.routes.js';
import { messagingRoutes } from './messaging/messaging.routes.js';
import { schoolCalendarRoutes } from './school-calendar/school-calendar.routes.js';
import { notificationRoutes } from './notifications/notification.routes.js';
import { attachmentRoutes } from './attachments/attachment.routes.js';
import { draftRoutes } from './drafts/draft.routes.js';
import { staffAbsenceRoutes } from './staff-absence/staff-absence.routes.js';
import { figuresRoutes } from './figures/figures.routes.js';
import { invitationRoutes, planRoutes, roundRoutes } from './conferences/round.routes.js';
import { meetingRoutes } from './conferences/meeting.routes.js';
import { calendarFeedRoutes } from './calendar/calendar-feed.routes.js';
import { studentPlanRoutes } from './student-plans/student-plan.routes.js';
import { testResultRoutes } from './test-results/test-result.routes.js';
import { parentMeetingRoutes } from './parent-meetings/parent-meeting.routes.js';
import { concernRoutes } from './concerns/concern.routes.js';
import { classRepresentativeRoutes } from './class-representatives/class-representative.routes.js';
import { eventRoutes } from './events/event.routes.js';
import { playGroupRoutes } from './play-groups/play-group.routes.js';
import { classLetterRoutes } from './class-letters/class-letter.routes.js';

/**
 * The route table: every HTTP route of the API, each with its policy. The authorization matrix
 * test is generated from this list, so a route added here without an expectation fails the tests.
 */
export const allRoutes: RouteDefinition[] = [
  ...healthRoutes,
  ...authRoutes,
  ...oidcRoutes,
  ...devMailRoutes,
  ...devClockRoutes,
  ...meRoutes,
  ...directoryRoutes,
  ...auditRoutes,
  ...informationRequestRoutes,
  ...directoryImportRoutes,
  ...principleRoutes,
  ...messagingRoutes,
  ...schoolCalendarRoutes,
  ...notificationRoutes,
  ...attachmentRoutes,
  ...draftRoutes,
  ...figuresRoutes,
  ...staffAbsenceRoutes,
  ...roundRoutes,
  ...invitationRoutes,
  ...planRoutes,
  ...meetingRoutes,
  ...calendarFeedRoutes,
  ...studentPlanRoutes,
  ...testResultRoutes,
  ...parentMeetingRoutes,
  ...concernRoutes,
  ...classRepresentativeRoutes,
  ...eventRoutes,
  ...playGroupRoutes,
  ...classLetterRoutes,
];
