import type { AppDeps } from '../deps.js';
import type { ClaimedJob } from '../jobs/job-kinds.js';
import { calendarText } from '../calendar/calendar-ics.js';
import { className } from '../../shared/api/directory.schema.js';
import type { Locale } from '../../shared/errors.js';
import { WELL_BEING_TOPIC_TITLES, type WellBeingTopic } from '../../domain/parent-meetings/parent-meetings.js';
import { parentMeetingInvitationMail } from './parent-meeting-mail.js';
import {
  findAgenda,
  findClassGuardians,
  findParentMeeting,
  type AgendaItemRow,
  type ParentMeetingRow,
} from './parent-meeting.repository.js';
import { toldByEmail } from '../notify/told-by-email.js';

const SUMMARY: Record<Locale, (c: string) => string> = {
  da: (c) => `Forældremøde i ${c}`,
  en: (c) => `Parent meeting of ${c}`,
};

/** An agenda item in a language: a well-being topic in the reader's, the planners' own words as written. */
export function agendaTitle(item: Pick<AgendaItemRow, 'title' | 'topic'>, locale: Locale): string {
  return item.topic && item.topic in WELL_BEING_TOPIC_TITLES
    ? WELL_BEING_TOPIC_TITLES[item.topic as WellBeingTopic][locale]
    : item.title;
}

/**
 * The meeting as an iCalendar file (ical-generator through calendar-ics.ts, Copenhagen times, a
 * stable UID and the meeting's SEQUENCE), for the download in the app and the e-mail.
 */
export function parentMeetingCalendarText(
  meeting: ParentMeetingRow,
  agenda: readonly AgendaItemRow[],
  locale: Locale,
  now: Date,
): string {
  return calendarText(
    [
      {
        uid: `parent-meeting-${meeting.id}@samspil`,
        sequence: meeting.sequence,
        date: meeting.date,
        from: meeting.starts_at,
        to: meeting.ends_at,
        summary: SUMMARY[locale](className(meeting.grade, meeting.letter)),
        location: meeting.place,
        description: agenda.map((a) => `– ${agendaTitle(a, locale)}`).join('\n') || null,
        tentative: false,
      },
    ],
    locale,
    now,
  );
}

/** One custody holder's invitation e-mail with the meeting's calendar file, in their language; nothing if no longer a custody holder of the class. */
export async function handleParentMeetingEmail(deps: AppDeps, job: ClaimedJob<'parent-meeting-email'>): Promise<void> {
  if (!job.schoolId) throw new Error('a parent meeting e-mail without a school');
  const schoolId = job.schoolId;
  const meeting = await findParentMeeting(deps.db, schoolId, job.payload.meetingId);
  if (!meeting || meeting.held_at) return;
  const [guardians, agenda] = await Promise.all([
    findClassGuardians(deps.db, schoolId, meeting.class_id),
    findAgenda(deps.db, schoolId, [meeting.id]),
  ]);
  const g = guardians.find((row) => row.person_id === job.payload.personId);
  if (!g || !toldByEmail(g) || !g.email) return;
  const mail = parentMeetingInvitationMail({
    locale: g.locale,
    name: g.given_name,
    className: className(meeting.grade, meeting.letter),
    date: meeting.date,
    from: meeting.starts_at,
    to: meeting.ends_at,
    place: meeting.place,
    agenda: agenda.map((a) => agendaTitle(a, g.locale)),
    appUrl: `${deps.config.publicUrl}/schools/${schoolId}/parent-meetings/${meeting.id}`,
  });
  await deps.mailer.send({
    schoolId,
    to: g.email,
    ...mail,
    attachments: [
      {
        filename: 'foraeldremoede.ics',
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        content: parentMeetingCalendarText(meeting, agenda, g.locale, deps.clock.now()),
      },
    ],
  });
}
