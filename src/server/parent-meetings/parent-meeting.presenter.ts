import { className } from '../../shared/api/directory.schema.js';
import type { TParentMeeting, TParentMeetingSummary, TWellBeingTopic } from '../../shared/api/parent-meeting.schema.js';
import { stageOf, WELL_BEING_TOPICS } from '../../domain/parent-meetings/parent-meetings.js';
import type {
  AgendaItemRow,
  ClassGuardianRow,
  MeetingHouseholdRow,
  ParentMeetingRow,
} from './parent-meeting.repository.js';

/** What the reader may see of and do with a meeting, decided by the service. */
export interface MeetingView {
  /** Staff of the class or the leadership: every home, and the running of the meeting. */
  staff: boolean;
  mayPlan: boolean;
  mayAnswer: boolean;
  /** The meeting has begun. */
  begun: boolean;
  ownHousehold: string | null;
  personId: string | null;
  /** The principle puts the well-being action plan's topics on the agenda. */
  topicsOffered: boolean;
  guardians: readonly ClassGuardianRow[];
}

const fullName = (given: string, family: string) => `${given} ${family}`.trim();

function countsOf(households: readonly MeetingHouseholdRow[]) {
  return {
    invited: households.length,
    coming: households.filter((h) => h.coming === true).length,
    people: households.reduce((sum, h) => sum + (h.coming ? h.people_coming : 0), 0),
    notComing: households.filter((h) => h.coming === false).length,
    represented: households.filter((h) => h.represented === true).length,
  };
}

function base(r: ParentMeetingRow) {
  return {
    id: r.id,
    class: { id: r.class_id, name: className(r.grade, r.letter), grade: r.grade },
    date: r.date,
    from: r.starts_at,
    to: r.ends_at,
    place: r.place,
    stage: stageOf({ invitedAt: r.invited_at, heldAt: r.held_at, minutesPublishedAt: r.minutes_published_at }),
  };
}

function ownAnswer(households: readonly MeetingHouseholdRow[], meetingId: string, own: string | null) {
  const h = own ? households.find((x) => x.meeting_id === meetingId && x.household_key === own) : undefined;
  return h && h.coming !== null ? { coming: h.coming, people: h.people_coming } : null;
}

/** A meeting in a list: no home is named. */
export function presentSummary(
  r: ParentMeetingRow,
  households: readonly MeetingHouseholdRow[],
  own: string | null,
): TParentMeetingSummary {
  const mine = households.filter((h) => h.meeting_id === r.id);
  return { ...base(r), ownAnswer: ownAnswer(mine, r.id, own), counts: countsOf(mine) };
}

/**
 * A meeting as its reader may see it: the homes with their children's first names for staff only;
 * a guardian their own answer; the minutes once published.
 */
export function presentParentMeeting(
  r: ParentMeetingRow,
  agenda: readonly AgendaItemRow[],
  households: readonly MeetingHouseholdRow[],
  view: MeetingView,
): TParentMeeting {
  const picked = new Set(agenda.map((a) => a.topic));
  return {
    ...base(r),
    agenda: agenda.map((a) => ({
      id: a.id,
      title: a.title,
      topic: (a.topic as TWellBeingTopic | null) ?? null,
      addedBy: { name: fullName(a.given_name, a.family_name) },
      mayEdit: view.mayPlan,
    })),
    topicsOffered: view.mayPlan && view.topicsOffered ? WELL_BEING_TOPICS.filter((t) => !picked.has(t)) : [],
    invitedAt: r.invited_at?.toISOString() ?? null,
    minutes: r.minutes_published_at ? r.minutes : null,
    minutesPublishedAt: r.minutes_published_at?.toISOString() ?? null,
    counts: countsOf(households),
    households: view.staff
      ? households
          .map((h) => ({
            household: h.household_key,
            children: [...new Set(view.guardians.filter((g) => g.household === h.household_key).map((g) => g.child))],
            coming: h.coming,
            people: h.people_coming,
            represented: h.represented,
          }))
          .sort((a, b) => (a.children[0] ?? '').localeCompare(b.children[0] ?? '', 'da'))
      : null,
    ownAnswer: ownAnswer(households, r.id, view.ownHousehold),
    abilities: {
      plan: view.mayPlan,
      run: view.staff,
      answer: view.mayAnswer,
      takeAttendance: view.staff && view.begun && r.invited_at !== null && r.minutes_published_at === null,
    },
  };
}
