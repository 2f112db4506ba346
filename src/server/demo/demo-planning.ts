import type { Db } from '../db/database.js';
import { sendInvitations } from '../conferences/invitation.service.js';
import { insertRoundOnce } from '../conferences/round.repository.js';
import { buildPlanInstance, planFigures, readableReason } from '../conferences/plan-instance.js';
import {
  findPlanRows,
  insertInterpreter,
  queuePlan,
  replaceAvailability,
  replaceInterpreterTimes,
  setRoundStatusTo,
  updatePlan,
} from '../conferences/plan.repository.js';
import { scheduleConferences } from '../../domain/conference-scheduling/schedule-conferences.js';
import type { PlanPlacement } from '../db/schema.js';
import { addDays, mondayOfWeek } from './demo-calendar.js';
import { findClassesByName } from './demo.repository.js';

export const DEMO_PLANNED_ROUND = 'Samtaler i 4.B, forår';

/** The school's interpreters, one per language the demo families speak besides Danish. */
const DEMO_INTERPRETERS = [
  { name: 'Amal Haddad', languages: ['ar'] },
  { name: 'Hodan Warsame', languages: ['so'] },
  { name: 'Olena Kovalenko', languages: ['uk'] },
  { name: 'Ayşe Demir', languages: ['tr'] },
  { name: 'Imran Qureshi', languages: ['ur'] },
];

/**
 * The demo's planned round (issue 10's demo): 4.B's spring round, filled by the scheduler. Its
 * invitations are sent through the leader's own "send" code, the homes have marked the afternoons
 * that suit them (one has marked none, so the result shows a reason a person can act on), the
 * school's interpreters have their times, and the plan is made — waiting for the leader to move a
 * meeting and publish. Runs inside the demo history's unit of work, with a small search budget.
 */
export async function addDemoPlannedRound(db: Db, schoolId: string, leaderId: string, now: Date, schoolYear: number) {
  const klass = (await findClassesByName(db, schoolId)).get('4.B');
  if (!klass) return;
  const april = mondayOfWeek(schoolYear + 1, 16);
  const days = [
    { date: addDays(april, 1), from: '14:00', to: '18:00' },
    { date: addDays(april, 3), from: '14:00', to: '18:00' },
  ];
  const roundId = await insertRoundOnce(db, {
    name: DEMO_PLANNED_ROUND,
    kind: 'regular',
    studentIds: [],
    filling: 'planned',
    classIds: [klass.id],
    days,
    minutesByGrade: { '4': 15 },
    alsoTakingPart: [],
    formats: ['in_person'],
    videoLink: null,
    counsellorId: null,
    rooms: { [klass.id]: 'Lokale 14' },
    inviteOn: addDays(april, 1 - 28),
    plansBy: addDays(april, 1 - 7),
    schoolId,
    createdBy: leaderId,
    at: now,
    idempotencyKey: null,
  });
  if (!roundId) return;
  const work = { db, clock: { now: () => now } };
  await sendInvitations(work, schoolId, roundId);

  for (const interpreter of DEMO_INTERPRETERS) {
    const id = await insertInterpreter(db, { schoolId, ...interpreter, at: now });
    await replaceInterpreterTimes(db, schoolId, roundId, id, days);
  }
  const invitations = await db
    .selectFrom('conference_invitations as i')
    .innerJoin('conference_invitation_guardians as ig', (j) =>
      j.onRef('ig.school_id', '=', 'i.school_id').onRef('ig.invitation_id', '=', 'i.id'),
    )
    .select(['i.id', 'ig.person_id'])
    .where('i.school_id', '=', schoolId)
    .where('i.round_id', '=', roundId)
    .orderBy('i.id')
    .orderBy('ig.person_id')
    .execute();
  const firstGuardian = new Map<string, string>();
  for (const row of invitations) if (!firstGuardian.has(row.id)) firstGuardian.set(row.id, row.person_id);
  // The homes' answers, in a fixed pattern: one afternoon, the other, both, or part of one; the last has not answered.
  const ids = [...firstGuardian.keys()];
  for (const [index, invitationId] of ids.entries()) {
    if (index === ids.length - 1) break;
    const [first, second] = days as [(typeof days)[0], (typeof days)[0]];
    const pattern = [[first], [second], [first, second], [{ ...first, from: '15:30' }], [{ ...second, to: '16:30' }]];
    await replaceAvailability(
      db,
      schoolId,
      invitationId,
      pattern[index % pattern.length]!,
      firstGuardian.get(invitationId)!,
      now,
    );
  }

  const rows = await findPlanRows(db, schoolId, roundId);
  if (!rows) return;
  const { instance, noTimes } = buildPlanInstance(rows);
  const result = scheduleConferences(instance, { seed: 1, maxIterations: 300 });
  const placements: PlanPlacement[] = result.schedule.assignments.map((a) => {
    const minutes = instance.meetings.find((m) => m.id === a.meeting)?.minutes ?? 0;
    const [h = 0, m = 0] = a.start.split(':').map(Number);
    const end = h * 60 + m + minutes;
    const to = `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
    return { invitationId: a.meeting, date: a.date, from: a.start, to, interpreterId: a.interpreter ?? null };
  });
  const unplaced = [
    ...noTimes,
    ...result.reasons.map((r) => ({ invitationId: r.meeting, reason: readableReason(r.reason) })),
  ];
  await queuePlan(db, schoolId, roundId, leaderId, now);
  await updatePlan(db, schoolId, roundId, {
    state: 'done',
    startedAt: now,
    endsBy: now,
    finishedAt: now,
    instance,
    placements,
    unplaced,
    figures: planFigures(instance, placements, unplaced),
  });
  await setRoundStatusTo(db, schoolId, roundId, 'planning');
}
