import type { AppDeps } from '../deps.js';
import type { ClaimedJob } from '../jobs/job-kinds.js';
import { insertNotifications } from '../notifications/notification.repository.js';
import { notice } from '../notifications/notice-text.js';
import { testResultMail } from '../notify/templates/test-result.js';
import { loadSchoolCalendar } from '../school-calendar/school-calendar.service.js';
import { localDate } from '../../domain/calendar/working-days.js';
import { writtenByDay } from '../../domain/test-results/test-results.js';
import { findTestResult } from './test-result.repository.js';
import { inWritingWithinWorkingDays } from './test-result.service.js';
import { findContactTeachers } from '../directory/class.repository.js';
import { toldByEmail } from '../notify/told-by-email.js';
import { findCustodyHoldersToTell } from '../directory/student.repository.js';

/** One custody holder's written result by e-mail, in their language; nothing if they no longer hold custody. */
export async function handleTestResultEmail(deps: AppDeps, job: ClaimedJob<'test-result-email'>): Promise<void> {
  if (!job.schoolId) throw new Error('a test result e-mail without a school');
  const schoolId = job.schoolId;
  const result = await findTestResult(deps.db, schoolId, job.payload.testResultId);
  if (!result) return;
  const guardian = (await findCustodyHoldersToTell(deps.db, schoolId, result.student_id)).find(
    (g) => g.person_id === job.payload.personId,
  );
  if (!guardian || !toldByEmail(guardian) || !guardian.email) return;
  const mail = testResultMail({
    locale: guardian.locale,
    name: guardian.given_name,
    child: result.student_given_name,
    kind: result.kind,
    testName: result.test_name,
    takenOn: result.taken_on,
    result: result.result,
    meaning: result.meaning,
    nextSteps: result.next_steps,
    appUrl: `${deps.config.publicUrl}/schools/${schoolId}/students/${result.student_id}/test-results`,
  });
  await deps.mailer.send({ schoolId, to: guardian.email, ...mail });
}

/**
 * A few working days after a result was recorded and still not told to the home: a notice for
 * whoever recorded it and the class's contact teachers, with the principle's last day. Nothing
 * once it has been sent.
 */
export async function handleTestResultReminder(deps: AppDeps, job: ClaimedJob<'test-result-reminder'>): Promise<void> {
  if (!job.schoolId) throw new Error('a test result reminder without a school');
  const schoolId = job.schoolId;
  const result = await findTestResult(deps.db, schoolId, job.payload.testResultId);
  if (!result || result.sent_at) return;
  const [contactTeachers, calendar, workingDays] = await Promise.all([
    findContactTeachers(deps.db, schoolId, [result.class_id]),
    loadSchoolCalendar(deps.db, schoolId),
    inWritingWithinWorkingDays(deps.db, schoolId),
  ]);
  const tellBy = writtenByDay(localDate(result.recorded_at), workingDays, calendar);
  const now = deps.clock.now();
  await insertNotifications(
    deps.db,
    [...new Set([result.recorded_by, ...contactTeachers])].map((personId) => ({
      schoolId,
      personId,
      threadId: null,
      createdAt: now,
      dedupeKey: `test-result-reminder:${result.id}`,
      ...notice('test-result-reminder', { child: result.student_given_name, test: result.test_name, tellBy }, 'da'),
    })),
  );
}
