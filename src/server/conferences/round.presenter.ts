import type { Locale } from '../../shared/errors.js';
import type { TConferenceRules } from '../../shared/principle/principle.schema.js';
import type { TRound } from '../../shared/api/conference.schema.js';
import { className } from '../../shared/api/directory.schema.js';
import { leadTimeWarnings, type TLeadTimeWarning } from '../../domain/conferences/lead-times.js';
import type { RoundClassRow, RoundDayRow, RoundRow, RoundStudentRow } from './round.repository.js';

const WARNING_TEXT: Record<TLeadTimeWarning['code'], Record<Locale, (w: TLeadTimeWarning) => string>> = {
  invitation_late: {
    da: (w) =>
      `Princippet siger, at invitationerne sendes mindst ${w.requiredDays} dage før første samtale. Her er der ${'actualDays' in w ? w.actualDays : 0}.`,
    en: (w) =>
      `The principle says invitations go out at least ${w.requiredDays} days before the first meeting. This round gives ${'actualDays' in w ? w.actualDays : 0}.`,
  },
  plan_late: {
    da: (w) =>
      `Princippet siger, at elevplanen deles mindst ${w.requiredDays} dage før første samtale. Her er der ${'actualDays' in w ? w.actualDays : 0}.`,
    en: (w) =>
      `The principle says the student plan is shared at least ${w.requiredDays} days before the first meeting. This round gives ${'actualDays' in w ? w.actualDays : 0}.`,
  },
  plan_date_missing: {
    da: (w) =>
      `Princippet beder om, at elevplanen deles mindst ${w.requiredDays} dage før første samtale. Angiv hvornår.`,
    en: (w) =>
      `The principle asks for the student plan to be shared at least ${w.requiredDays} days before the first meeting. Say when.`,
  },
};

/**
 * A round as its readers see it: its classes, the students a needs-based round is for, its
 * afternoons and offer, and the lead times of the school's adopted principle it breaks, in the
 * reader's language.
 */
export function presentRound(
  round: RoundRow,
  classes: RoundClassRow[],
  days: RoundDayRow[],
  students: RoundStudentRow[],
  rules: Pick<TConferenceRules, 'invitationLeadDays' | 'studentPlan'> | null,
  locale: Locale,
): TRound {
  const ownDays = days.filter((d) => d.round_id === round.id);
  const firstDay = ownDays[0]?.date ?? round.invite_on;
  const warnings = rules
    ? leadTimeWarnings({ firstDay, inviteOn: round.invite_on, plansBy: round.plans_by }, rules)
    : [];
  return {
    id: round.id,
    schoolId: round.school_id,
    name: round.name,
    kind: round.kind,
    filling: round.filling,
    status: round.status,
    classes: classes
      .filter((c) => c.round_id === round.id)
      .map((c) => ({ id: c.class_id, name: className(c.grade, c.letter), grade: c.grade, room: c.room })),
    days: ownDays.map((d) => ({ date: d.date, from: d.starts_at, to: d.ends_at })),
    minutesByGrade: round.minutes_by_grade,
    alsoTakingPart: round.also_taking_part,
    counsellor: round.counsellor_id
      ? {
          id: round.counsellor_id,
          name: `${round.counsellor_given_name ?? ''} ${round.counsellor_family_name ?? ''}`.trim(),
        }
      : null,
    students: students
      .filter((s) => s.round_id === round.id)
      .map((s) => ({
        id: s.student_id,
        name: `${s.given_name} ${s.family_name}`.trim(),
        className: className(s.grade, s.letter),
      })),
    formats: round.formats,
    videoLink: round.video_link,
    inviteOn: round.invite_on,
    plansBy: round.plans_by,
    firstDay,
    warnings: warnings.map((w) => ({
      code: w.code,
      requiredDays: w.requiredDays,
      actualDays: 'actualDays' in w ? w.actualDays : null,
      text: WARNING_TEXT[w.code][locale](w),
    })),
    createdAt: round.created_at.toISOString(),
    createdBy: { name: `${round.created_by_given_name} ${round.created_by_family_name}`.trim() },
  };
}
