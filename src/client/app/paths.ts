/** The app's addresses in one place, so links and routes cannot drift apart. */
export const paths = {
  publicPrinciple: (slug: string) => `/p/${encodeURIComponent(slug)}`,
  class: (schoolId: string, classId: string) => `/schools/${schoolId}/classes/${classId}`,
  student: (schoolId: string, studentId: string) => `/schools/${schoolId}/students/${studentId}`,
  principle: (schoolId: string) => `/schools/${schoolId}/principle`,
  principleVersions: (schoolId: string) => `/schools/${schoolId}/principle/versions`,
  principleDraft: (schoolId: string) => `/schools/${schoolId}/principle/draft`,
  import: (schoolId: string) => `/schools/${schoolId}/import`,
  auditLog: (schoolId: string) => `/schools/${schoolId}/audit-log`,
  /** The school's own closed days; a school year other than the current one by the year it starts in. */
  closedDays: (schoolId: string, schoolYear?: number) =>
    schoolYear === undefined
      ? `/schools/${schoolId}/closed-days`
      : `/schools/${schoolId}/closed-days?year=${schoolYear}`,
  /** The profile's absence section, where staff register absences (the leadership anyone's). */
  staffAbsence: () => '/profile#absence',
  /** A student's written test results (§ 13). */
  testResults: (schoolId: string, studentId: string) => `/schools/${schoolId}/students/${studentId}/test-results`,
  /** A student's concerns (early dialogue): for the student's staff team and the leadership. */
  studentConcerns: (schoolId: string, studentId: string) => `/schools/${schoolId}/students/${studentId}/concerns`,
  studentAuditLog: (schoolId: string, studentId: string) => `/schools/${schoolId}/students/${studentId}/audit-log`,
  /** The school's conference rounds, a new round, one round. */
  conferenceRounds: (schoolId: string) => `/schools/${schoolId}/conference-rounds`,
  newConferenceRound: (schoolId: string) => `/schools/${schoolId}/conference-rounds/new`,
  conferenceRound: (schoolId: string, roundId: string) => `/schools/${schoolId}/conference-rounds/${roundId}`,
  /** One school-home conference (an invitation): preparation, notes and agreements. */
  conference: (schoolId: string, invitationId: string) => `/schools/${schoolId}/conferences/${invitationId}`,
  /** A student's plan (elevplan) and message book (meddelelsesbog), issue 11. */
  studentPlan: (schoolId: string, studentId: string) => `/schools/${schoolId}/students/${studentId}/student-plan`,
  messageBook: (schoolId: string, studentId: string) => `/schools/${schoolId}/students/${studentId}/message-book`,
  informationRequests: (schoolId: string) => `/schools/${schoolId}/information-requests`,
  brokenPromises: (schoolId: string) => `/schools/${schoolId}/broken-promises`,
  classMessage: (schoolId: string, classId: string) => `/schools/${schoolId}/classes/${classId}/messages/new`,
  /** The leadership writes to the parents of the whole school, a grade or a class. */
  parentsMessage: (schoolId: string) => `/schools/${schoolId}/parents/messages/new`,
  guardiansMessage: (schoolId: string, studentId: string) => `/schools/${schoolId}/students/${studentId}/messages/new`,
  colleagueMessage: (schoolId: string) => `/schools/${schoolId}/messages/new`,
  urgentMessages: (schoolId: string) => `/schools/${schoolId}/urgent-messages`,
  notifications: () => '/notifications',
  notificationSettings: () => '/profile#notification-settings',
  inbox: () => '/messages',
  thread: (threadId: string) => `/messages/${threadId}`,
  /** A thread opened at one of its messages (the thread page gives each message the id `message-<id>`). */
  threadMessage: (threadId: string, messageId: string) => `/messages/${threadId}#message-${messageId}`,
  messageSearch: (q?: string) => (q ? `/messages/search?q=${encodeURIComponent(q)}` : '/messages/search'),
  /** A class's play groups, for its representatives, staff and the leadership. */
  playGroups: (schoolId: string, classId: string) => `/schools/${schoolId}/classes/${classId}/play-groups`,
  /** A class's letters and posts (issue 12), and one letter. */
  classLetters: (schoolId: string, classId: string) => `/schools/${schoolId}/classes/${classId}/letters`,
  classLetter: (schoolId: string, letterId: string) => `/schools/${schoolId}/class-letters/${letterId}`,
  newMessage: (studentId?: string) =>
    studentId ? `/messages/new?studentId=${encodeURIComponent(studentId)}` : '/messages/new',
  /** A class's parent meetings (forældremøder), and one meeting. */
  classParentMeetings: (schoolId: string, classId: string) => `/schools/${schoolId}/classes/${classId}/parent-meetings`,
  parentMeeting: (schoolId: string, meetingId: string) => `/schools/${schoolId}/parent-meetings/${meetingId}`,
  /** The school's and the reader's classes' events, and one event with its sign-up and volunteer slots (issue 12). */
  events: (schoolId: string) => `/schools/${schoolId}/events`,
  event: (schoolId: string, eventId: string) => `/schools/${schoolId}/events/${eventId}`,
};
