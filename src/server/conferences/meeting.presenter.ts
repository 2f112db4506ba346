import type { TAgreement, TConference, TPreparationBand } from '../../shared/api/conference.schema.js';
import { className } from '../../shared/api/directory.schema.js';
import type { AgreementRow, ConferenceRow } from './meeting.repository.js';

const fullName = (row: { given_name: string; family_name: string }) => `${row.given_name} ${row.family_name}`.trim();

/** An agreement; `mayMarkDone` says whether the reader may mark it done. */
export function presentAgreement(a: AgreementRow, mayMarkDone: boolean): TAgreement {
  return {
    id: a.id,
    owner: a.owner,
    text: a.text,
    dueOn: a.due_on,
    doneAt: a.done_at ? a.done_at.toISOString() : null,
    invitationId: a.invitation_id,
    student: { id: a.student_id, name: a.given_name },
    mayMarkDone: mayMarkDone && a.done_at === null,
    goalId: a.goal_id,
  };
}

/** A conference as its reader may see it; the caller has already left out what the reader may not read. */
export function presentConference(input: {
  conference: ConferenceRow;
  abilities: TConference['abilities'];
  topics: Array<{ id: string; raised_by: 'guardian' | 'student' | 'staff'; user_id: string; text: string }>;
  userId: string;
  band: TPreparationBand;
  answers: Record<string, unknown> | null;
  notes: Array<{ id: string; text: string; shared: boolean; created_at: Date }>;
  agreements: AgreementRow[];
  earlierAgreements: AgreementRow[];
  mayMarkDone(a: AgreementRow): boolean;
  /** The student's published plan or latest message-book entries (issue 11), as the student-plans area presents it. */
  studentPlan: TConference['studentPlan'];
}): TConference {
  const c = input.conference;
  return {
    id: c.id,
    round: { id: c.round_id, name: c.round_name, status: c.round_status },
    student: { id: c.student_id, name: fullName(c), className: className(c.grade, c.letter), grade: c.grade },
    booking: c.date && c.starts_at && c.ends_at ? { date: c.date, from: c.starts_at, to: c.ends_at } : null,
    heldAt: c.held_at ? c.held_at.toISOString() : null,
    abilities: input.abilities,
    topics: input.topics.map((t) => ({
      id: t.id,
      raisedBy: t.raised_by,
      text: t.text,
      own: t.user_id === input.userId,
    })),
    preparation: { band: input.band, answers: input.answers },
    notes: input.notes.map((n) => ({
      id: n.id,
      text: n.text,
      shared: n.shared,
      createdAt: n.created_at.toISOString(),
    })),
    agreements: input.agreements.map((a) => presentAgreement(a, input.mayMarkDone(a))),
    earlierAgreements: input.earlierAgreements.map((a) => presentAgreement(a, input.mayMarkDone(a))),
    studentPlan: input.studentPlan,
  };
}
