import { Component, lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { MagicLinkPage } from '../pages/auth/magic-link.page.js';
import { SignInPage } from '../pages/auth/sign-in.page.js';
import { HomePage } from '../pages/home/home.page.js';
import { LoadError, Loading, NotFoundPage, ServerErrorPage } from '../ui/errors.js';
import { Page } from '../ui/page.js';
import { Layout } from './layout.js';
import { QueryProvider } from './query-provider.js';
import { SessionProvider, useSession } from './session.js';

// Pages most visitors never open load on demand, so a parent on a phone downloads only what they use.
const BrokenPromisesPage = lazy(() =>
  import('../pages/messages/broken-promises.page.js').then((m) => ({ default: m.BrokenPromisesPage })),
);
const ClassMessagePage = lazy(() =>
  import('../pages/messages/class-message.page.js').then((m) => ({ default: m.ClassMessagePage })),
);
const ColleagueMessagePage = lazy(() =>
  import('../pages/messages/colleague-message.page.js').then((m) => ({ default: m.ColleagueMessagePage })),
);
const ParentsMessagePage = lazy(() =>
  import('../pages/messages/parents-message.page.js').then((m) => ({ default: m.ParentsMessagePage })),
);
const GuardiansMessagePage = lazy(() =>
  import('../pages/messages/guardians-message.page.js').then((m) => ({ default: m.GuardiansMessagePage })),
);
const UrgentMessagesPage = lazy(() =>
  import('../pages/messages/urgent-messages.page.js').then((m) => ({ default: m.UrgentMessagesPage })),
);
const ComposePage = lazy(() => import('../pages/messages/compose.page.js').then((m) => ({ default: m.ComposePage })));
const InboxPage = lazy(() => import('../pages/messages/inbox.page.js').then((m) => ({ default: m.InboxPage })));
const MessageSearchPage = lazy(() =>
  import('../pages/messages/search.page.js').then((m) => ({ default: m.MessageSearchPage })),
);
const ThreadPage = lazy(() => import('../pages/messages/thread.page.js').then((m) => ({ default: m.ThreadPage })));
const AuditLogPage = lazy(() => import('../pages/audit/audit-log.page.js').then((m) => ({ default: m.AuditLogPage })));
const StudentAuditLogPage = lazy(() =>
  import('../pages/audit/student-audit-log.page.js').then((m) => ({ default: m.StudentAuditLogPage })),
);
const ClassRepresentativesPage = lazy(() =>
  import('../pages/class-representatives/class-representatives.page.js').then((m) => ({
    default: m.ClassRepresentativesPage,
  })),
);
const ClassPage = lazy(() => import('../pages/classes/class.page.js').then((m) => ({ default: m.ClassPage })));
const StudentPage = lazy(() => import('../pages/classes/student.page.js').then((m) => ({ default: m.StudentPage })));
const StudentConcernsPage = lazy(() =>
  import('../pages/concerns/student-concerns.page.js').then((m) => ({ default: m.StudentConcernsPage })),
);
const DevMailPage = lazy(() => import('../pages/dev/dev-mail.page.js').then((m) => ({ default: m.DevMailPage })));
const ImportPage = lazy(() => import('../pages/import/import.page.js').then((m) => ({ default: m.ImportPage })));
const InformationRequestsPage = lazy(() =>
  import('../pages/information-requests/information-requests.page.js').then((m) => ({
    default: m.InformationRequestsPage,
  })),
);
const PrincipleDraftPage = lazy(() =>
  import('../pages/principle/principle-draft.page.js').then((m) => ({ default: m.PrincipleDraftPage })),
);
const PrinciplePage = lazy(() =>
  import('../pages/principle/principle.page.js').then((m) => ({ default: m.PrinciplePage })),
);
const PrincipleVersionsPage = lazy(() =>
  import('../pages/principle/principle-versions.page.js').then((m) => ({ default: m.PrincipleVersionsPage })),
);
const PublicPrinciplePage = lazy(() =>
  import('../pages/principle/public-principle.page.js').then((m) => ({ default: m.PublicPrinciplePage })),
);
const NotificationsPage = lazy(() =>
  import('../pages/notifications/notifications.page.js').then((m) => ({ default: m.NotificationsPage })),
);
const ClosedDaysPage = lazy(() =>
  import('../pages/office/closed-days.page.js').then((m) => ({ default: m.ClosedDaysPage })),
);
const RoundsPage = lazy(() => import('../pages/conferences/rounds.page.js').then((m) => ({ default: m.RoundsPage })));
const NewRoundPage = lazy(() =>
  import('../pages/conferences/new-round.page.js').then((m) => ({ default: m.NewRoundPage })),
);
const ConferencePage = lazy(() =>
  import('../pages/conferences/conference.page.js').then((m) => ({ default: m.ConferencePage })),
);
const StudentPlanPage = lazy(() =>
  import('../pages/student-plans/student-plan.page.js').then((m) => ({ default: m.StudentPlanPage })),
);
const MessageBookPage = lazy(() =>
  import('../pages/student-plans/message-book.page.js').then((m) => ({ default: m.MessageBookPage })),
);
const RoundPage = lazy(() => import('../pages/conferences/round.page.js').then((m) => ({ default: m.RoundPage })));
const ClassParentMeetingsPage = lazy(() =>
  import('../pages/parent-meetings/parent-meetings.page.js').then((m) => ({ default: m.ClassParentMeetingsPage })),
);
const ParentMeetingPage = lazy(() =>
  import('../pages/parent-meetings/parent-meetings.page.js').then((m) => ({ default: m.ParentMeetingPage })),
);
const EventsPage = lazy(() => import('../pages/events/events.page.js').then((m) => ({ default: m.EventsPage })));
const EventPage = lazy(() => import('../pages/events/event.page.js').then((m) => ({ default: m.EventPage })));
const TestResultsPage = lazy(() =>
  import('../pages/test-results/test-results.page.js').then((m) => ({ default: m.TestResultsPage })),
);
const PlayGroupsPage = lazy(() =>
  import('../pages/play-groups/play-groups.page.js').then((m) => ({ default: m.PlayGroupsPage })),
);
const ClassLettersPage = lazy(() =>
  import('../pages/class-letters/class-letters.page.js').then((m) => ({ default: m.ClassLettersPage })),
);
const ClassLetterPage = lazy(() =>
  import('../pages/class-letters/class-letter.page.js').then((m) => ({ default: m.ClassLetterPage })),
);
const ProfilePage = lazy(() => import('../pages/profile/profile.page.js').then((m) => ({ default: m.ProfilePage })));

function PageLoading() {
  const { t } = useTranslation();
  return (
    <Page title={t('common.loadingTitle')}>
      <Loading />
    </Page>
  );
}

/** Pages behind sign-in: a signed-out visitor is sent to sign in and brought back afterwards. */
function RequireSignIn() {
  const { t } = useTranslation();
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <PageLoading />;
  if (state.status === 'signed-out')
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (state.status === 'failed') return <LoadError error={state.error} title={t('common.loadingTitle')} />;
  return <Outlet />;
}

/** A fault while drawing a page shows the calm error page instead of a blank screen. */
class RenderErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <ServerErrorPage requestId={null} /> : this.props.children;
  }
}

/** Each page gets a fresh error boundary, so leaving a failed page recovers the app. */
function PageFrame() {
  const location = useLocation();
  return (
    <RenderErrorBoundary key={location.pathname}>
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </RenderErrorBoundary>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <QueryProvider>
        <SessionProvider>
          <Routes>
            <Route element={<Layout />}>
              <Route element={<PageFrame />}>
                <Route path="login" element={<SignInPage />} />
                <Route path="login/link" element={<MagicLinkPage />} />
                <Route path="p/:slug" element={<PublicPrinciplePage />} />
                <Route path="dev/mail" element={<DevMailPage />} />
                <Route element={<RequireSignIn />}>
                  <Route index element={<HomePage />} />
                  <Route path="profile" element={<ProfilePage />} />
                  <Route path="notifications" element={<NotificationsPage />} />
                  <Route path="messages" element={<InboxPage />} />
                  <Route path="messages/new" element={<ComposePage />} />
                  <Route path="messages/search" element={<MessageSearchPage />} />
                  <Route path="messages/:threadId" element={<ThreadPage />} />
                  <Route path="schools/:schoolId">
                    <Route path="classes/:classId" element={<ClassPage />} />
                    <Route path="classes/:classId/parent-meetings" element={<ClassParentMeetingsPage />} />
                    <Route path="parent-meetings/:meetingId" element={<ParentMeetingPage />} />
                    <Route path="classes/:classId/messages/new" element={<ClassMessagePage />} />
                    <Route path="classes/:classId/representatives" element={<ClassRepresentativesPage />} />
                    <Route path="classes/:classId/letters" element={<ClassLettersPage />} />
                    <Route path="class-letters/:letterId" element={<ClassLetterPage />} />
                    <Route path="students/:studentId" element={<StudentPage />} />
                    <Route path="students/:studentId/messages/new" element={<GuardiansMessagePage />} />
                    <Route path="students/:studentId/concerns" element={<StudentConcernsPage />} />
                    <Route path="messages/new" element={<ColleagueMessagePage />} />
                    <Route path="parents/messages/new" element={<ParentsMessagePage />} />
                    <Route path="urgent-messages" element={<UrgentMessagesPage />} />
                    <Route path="students/:studentId/audit-log" element={<StudentAuditLogPage />} />
                    <Route path="principle" element={<PrinciplePage />} />
                    <Route path="principle/versions" element={<PrincipleVersionsPage />} />
                    <Route path="principle/draft" element={<PrincipleDraftPage />} />
                    <Route path="import" element={<ImportPage />} />
                    <Route path="audit-log" element={<AuditLogPage />} />
                    <Route path="information-requests" element={<InformationRequestsPage />} />
                    <Route path="broken-promises" element={<BrokenPromisesPage />} />
                    <Route path="closed-days" element={<ClosedDaysPage />} />
                    <Route path="conference-rounds" element={<RoundsPage />} />
                    <Route path="conference-rounds/new" element={<NewRoundPage />} />
                    <Route path="conference-rounds/:roundId" element={<RoundPage />} />
                    <Route path="conferences/:invitationId" element={<ConferencePage />} />
                    <Route path="students/:studentId/student-plan" element={<StudentPlanPage />} />
                    <Route path="students/:studentId/message-book" element={<MessageBookPage />} />
                    <Route path="students/:studentId/test-results" element={<TestResultsPage />} />
                    <Route path="events" element={<EventsPage />} />
                    <Route path="events/:eventId" element={<EventPage />} />
                    <Route path="classes/:classId/play-groups" element={<PlayGroupsPage />} />
                  </Route>
                </Route>
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Route>
          </Routes>
        </SessionProvider>
      </QueryProvider>
    </BrowserRouter>
  );
}
