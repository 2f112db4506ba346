import type { TConferenceRules } from '../../shared/principle/principle.schema.js';

/**
 * The principle's lead times for a conference round (seed 000: "Skolen indkalder i tilpas god
 * tid"; seeds 000–002: the student plan reaches the home before the conference). Calendar days
 * between two ISO dates, the later minus the earlier.
 */
export function daysBetween(earlier: string, later: string): number {
  return Math.round((Date.parse(`${later}T12:00:00Z`) - Date.parse(`${earlier}T12:00:00Z`)) / 86_400_000);
}

export type TLeadTimeWarning =
  | { code: 'invitation_late'; requiredDays: number; actualDays: number }
  | { code: 'plan_late'; requiredDays: number; actualDays: number }
  | { code: 'plan_date_missing'; requiredDays: number };

/**
 * What a round breaks of the principle's lead times: invitations must go out at least
 * `invitationLeadDays` before the first meeting, the student plan (or message book) must be shared
 * at least `studentPlan.leadDays` before it. A round that breaks them may still be made; the
 * warnings say how, and the figures count it.
 */
export function leadTimeWarnings(
  round: { firstDay: string; inviteOn: string; plansBy: string | null },
  rules: Pick<TConferenceRules, 'invitationLeadDays' | 'studentPlan'>,
): TLeadTimeWarning[] {
  const warnings: TLeadTimeWarning[] = [];
  const invitationDays = daysBetween(round.inviteOn, round.firstDay);
  if (invitationDays < rules.invitationLeadDays)
    warnings.push({ code: 'invitation_late', requiredDays: rules.invitationLeadDays, actualDays: invitationDays });
  if (rules.studentPlan) {
    if (round.plansBy === null) warnings.push({ code: 'plan_date_missing', requiredDays: rules.studentPlan.leadDays });
    else {
      const planDays = daysBetween(round.plansBy, round.firstDay);
      if (planDays < rules.studentPlan.leadDays)
        warnings.push({ code: 'plan_late', requiredDays: rules.studentPlan.leadDays, actualDays: planDays });
    }
  }
  return warnings;
}
