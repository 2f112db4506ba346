import { inTransaction, type SignedInContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { enqueueJob } from '../jobs/job-queue.js';
import type { ClaimedJob } from '../jobs/job-kinds.js';
import type { PlanPlacement, PlanUnplaced } from '../db/schema.js';
import type {
  TAvailability,
  TMoveMeeting,
  TPlan,
  TPlanMoves,
  TRoundInterpreters,
  TInterpreters,
  TCreateInterpreter,
} from '../../shared/api/conference.schema.js';
import { ZConferenceInstance, type TConferenceInstance } from '../../domain/conference-scheduling/instance.schema.js';
import { scheduleConferencesOffThread } from '../../domain/conference-scheduling/schedule-in-parallel.js';
import { buildPlanInstance, moveInPlan, planFigures, possibleMoves, readableReason } from './plan-instance.js';
import {
  findInterpreters,
  findPlan,
  findMarkedInvitations,
  findPlanRows,
  findRoundInvitationChildren,
  insertInterpreter,
  queuePlan,
  replaceAvailability,
  replaceInterpreterTimes,
  setRoundStatusTo,
  updatePlan,
} from './plan.repository.js';
import {
  cancelActiveBooking,
  findInvitationForBooking,
  findMeetingsOfPeople,
  findRoundInvitations,
  insertBooking,
  lockPeople,
  lockRound,
} from './invitation.repository.js';
import { overlaps } from '../../domain/conferences/slots.js';
import { tellHomesTheirTime } from './invitation-notify.service.js';
import { findInvitationToTell } from './invitation-notify.repository.js';
import { chooseFormat } from './invitation.service.js';
import { findRounds } from './round.repository.js';
import { className } from '../../shared/api/directory.schema.js';

/**
 * Automatic planning of a conference round (issue 10, point 3): the homes mark the afternoons
 * that suit them, the leader presses "Planlæg" and the scheduler runs as a background job, the
 * leader moves meetings by hand (every hard rule checked by validate-schedule) and publishes the
 * plan as the round's bookings, the same ones self-booking makes.
 */

/** The scheduler's time budget in the background job (the command line's default). */
export const PLAN_BUDGET_MS = 5_000;

const languageOf = (ctx: { locale: string }): 'da' | 'en' => (ctx.locale === 'en' ? 'en' : 'da');

/** Each time must lie inside one of the round's afternoons. */
function insideRound(days: ReadonlyArray<{ date: string; from: string; to: string }>, times: TAvailability['times']) {
  return times.every((time) => days.some((d) => d.date === time.date && d.from <= time.from && time.to <= d.to));
}

/**
 * A guardian marks the afternoons (or parts of them) that suit the home, for a planned round
 * that is open (the route's policy: the invitation's custody holders).
 */
export async function setAvailability(
  ctx: SignedInContext,
  schoolId: string,
  invitationId: string,
  input: TAvailability,
): Promise<TAvailability> {
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('not_found');
  const personId = m.personId;
  return inTransaction(ctx, async (tx) => {
    const invitation = await findInvitationForBooking(tx.db, schoolId, invitationId);
    if (!invitation) throw new AppError('not_found');
    if (invitation.filling !== 'planned') throw new AppError('round_not_planned');
    const locked = await lockRound(tx.db, schoolId, invitation.round_id);
    if (!locked || (locked.status !== 'open' && locked.status !== 'planning'))
      throw new AppError('round_not_collecting');
    if (!insideRound(invitation.days, input.times))
      throw new AppError('conference_time_outside_round', { field: 'times' });
    await chooseFormat(tx.db, schoolId, invitation, input.format);
    const times = [...input.times].sort((a, b) => a.date.localeCompare(b.date));
    await replaceAvailability(tx.db, schoolId, invitationId, times, personId, tx.clock.now());
    return { times, ...(input.format ? { format: input.format } : {}) };
  });
}

/** The plan as its staff read it: progress, figures, and every meeting with its time or the reason it has none. */
export async function readPlan(ctx: SignedInContext, schoolId: string, roundId: string): Promise<TPlan> {
  const [plan, { invitations, guardians }, interpreters, marked] = await Promise.all([
    findPlan(ctx.db, schoolId, roundId),
    findRoundInvitations(ctx.db, schoolId, roundId),
    findInterpreters(ctx.db, schoolId),
    findMarkedInvitations(ctx.db, schoolId, roundId),
  ]);
  // The plan names children and their families: each child's log shows that it was seen.
  await recordAudit(
    ctx,
    [...new Set(invitations.map((i) => i.student_id))].map((studentId) => ({
      schoolId,
      action: 'conference.invitations' as const,
      studentId,
    })),
  );
  const language = languageOf(ctx);
  const placements = plan?.placements ?? [];
  const unplaced = plan?.unplaced ?? [];
  const now = ctx.clock.now().getTime();
  const progress = (() => {
    if (!plan) return 0;
    if (plan.state === 'done') return 100;
    if (plan.state !== 'running' || !plan.started_at || !plan.ends_by) return 0;
    const span = plan.ends_by.getTime() - plan.started_at.getTime();
    return Math.max(0, Math.min(99, Math.round(((now - plan.started_at.getTime()) / Math.max(1, span)) * 100)));
  })();
  return {
    state: plan?.state ?? 'none',
    progress,
    figures: plan?.state === 'done' ? plan.figures : null,
    marked: marked.length,
    invitations: invitations.length,
    publishedAt: plan?.published_at?.toISOString() ?? null,
    meetings:
      plan?.state === 'done'
        ? sortPlanMeetings(invitations, placements).map((i) => {
            const placed = placements.find((p) => p.invitationId === i.id);
            const missing = unplaced.find((u) => u.invitationId === i.id);
            const interpreter = placed?.interpreterId
              ? interpreters.find((candidate) => candidate.id === placed.interpreterId)
              : undefined;
            return {
              invitationId: i.id,
              student: { name: `${i.given_name} ${i.family_name}`.trim(), className: className(i.grade, i.letter) },
              guardians: guardians
                .filter((g) => g.invitation_id === i.id)
                .map((g) => ({ name: `${g.given_name} ${g.family_name}`.trim() })),
              time: placed ? { date: placed.date, from: placed.from, to: placed.to } : null,
              interpreter: interpreter ? { name: interpreter.name } : null,
              reason: placed ? null : (missing?.reason[language] ?? null),
            };
          })
        : [],
  };
}

/**
 * The plan's meetings as the leader reads them: those without a time first (they need the
 * leader), then by day and time, then by class and name.
 */
function sortPlanMeetings<
  I extends { id: string; given_name: string; family_name: string; grade: number; letter: string },
>(invitations: readonly I[], placements: readonly PlanPlacement[]): I[] {
  const at = new Map(placements.map((p) => [p.invitationId, `${p.date}T${p.from}`]));
  const key = (i: I) =>
    `${at.get(i.id) ?? ''}|${String(i.grade).padStart(2, '0')}${i.letter}|${i.given_name} ${i.family_name}`;
  return [...invitations].sort((a, b) => key(a).localeCompare(key(b), 'da'));
}

/**
 * The leader presses "Planlæg" (the route's policy: those who plan all the round's classes): the
 * plan is queued as a background job, and the round's status goes to 'planning'. Pressing again
 * while it runs changes nothing; after a result it plans anew (moves by hand are dropped).
 */
export async function startPlan(ctx: SignedInContext, schoolId: string, roundId: string): Promise<TPlan> {
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('not_found');
  const personId = m.personId;
  await inTransaction(ctx, async (tx) => {
    const round = await lockRound(tx.db, schoolId, roundId);
    if (!round) throw new AppError('not_found');
    const { rounds } = await findRounds(tx.db, schoolId, { ids: [roundId] });
    if (rounds[0]?.filling !== 'planned') throw new AppError('round_not_planned');
    if (round.status === 'published') throw new AppError('round_published');
    if (round.status !== 'open' && round.status !== 'planning') throw new AppError('round_not_collecting');
    const plan = await findPlan(tx.db, schoolId, roundId);
    if (plan && (plan.state === 'queued' || plan.state === 'running')) return;
    const at = tx.clock.now();
    await queuePlan(tx.db, schoolId, roundId, personId, at);
    await setRoundStatusTo(tx.db, schoolId, roundId, 'planning');
    await enqueueJob(tx.db, {
      kind: 'conference-plan',
      schoolId,
      payload: { roundId },
      runAt: at,
      dedupeKey: null,
      createdAt: at,
    });
  });
  return readPlan(ctx, schoolId, roundId);
}

/**
 * The background job: builds the scheduler's instance from the round's rows, runs the scheduler
 * within its budget, and stores the placements, the meetings it could not place (with the reason
 * a person can act on, in both languages) and the figures. Progress is the share of the budget used.
 */
export async function handlePlanRound(deps: AppDeps, job: ClaimedJob<'conference-plan'>): Promise<void> {
  const schoolId = job.schoolId;
  if (!schoolId) return;
  const { roundId } = job.payload;
  const plan = await findPlan(deps.db, schoolId, roundId);
  if (!plan || plan.state === 'done') return;
  const startedAt = deps.clock.now();
  await updatePlan(deps.db, schoolId, roundId, {
    state: 'running',
    startedAt,
    endsBy: new Date(startedAt.getTime() + PLAN_BUDGET_MS),
  });
  try {
    await planAndStore(deps, schoolId, roundId, plan.requested_at);
  } catch (error) {
    // The page says so and the leader may press "Planlæg" again; the job is not retried.
    deps.log.error({ err: error, schoolId, roundId }, 'planning a conference round failed');
    await updatePlan(deps.db, schoolId, roundId, { state: 'failed', finishedAt: deps.clock.now() });
  }
}

async function planAndStore(deps: AppDeps, schoolId: string, roundId: string, requestedAt: Date): Promise<void> {
  const rows = await findPlanRows(deps.db, schoolId, roundId);
  if (!rows) return;
  const { instance, noTimes } = buildPlanInstance(rows);
  // The search runs on worker threads (two, the machine's cores), so the server goes on answering
  // requests, the page's progress polls among them, while it plans.
  const result = await scheduleConferencesOffThread(instance, {
    seed: 1,
    threads: 2,
    deadline: Date.now() + PLAN_BUDGET_MS,
  });
  const placements: PlanPlacement[] = result.schedule.assignments.map((a) => {
    const meeting = instance.meetings.find((m) => m.id === a.meeting);
    const [h = 0, min = 0] = a.start.split(':').map(Number);
    const end = h * 60 + min + (meeting?.minutes ?? 0);
    return {
      invitationId: a.meeting,
      date: a.date,
      from: a.start,
      to: `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`,
      interpreterId: a.interpreter ?? null,
    };
  });
  const unplaced: PlanUnplaced[] = [
    ...noTimes,
    ...result.reasons.map((r) => ({ invitationId: r.meeting, reason: readableReason(r.reason) })),
  ];
  await inTransaction(deps, async (tx) => {
    const current = await findPlan(tx.db, schoolId, roundId);
    // A newer "Planlæg" queued meanwhile wins; its own job stores its result.
    if (!current || current.requested_at.getTime() !== requestedAt.getTime()) return;
    await updatePlan(tx.db, schoolId, roundId, {
      state: 'done',
      finishedAt: tx.clock.now(),
      instance,
      placements,
      unplaced,
      figures: planFigures(instance, placements, unplaced),
    });
  });
}

/** The round's plan, ready to change: locked round, a finished plan, its instance. */
async function readyPlan(db: Db, schoolId: string, roundId: string) {
  const round = await lockRound(db, schoolId, roundId);
  if (!round) throw new AppError('not_found');
  const plan = await findPlan(db, schoolId, roundId);
  if (!plan || plan.state !== 'done') throw new AppError('plan_not_ready');
  const instance = ZConferenceInstance.safeParse(plan.instance);
  if (!instance.success) throw new AppError('plan_not_ready');
  return { round, plan, instance: instance.data as TConferenceInstance };
}

/** How many other times are offered for one meeting, each checked against every rule. */
const MOVES_OFFERED = 12;

/**
 * The times one meeting of a finished plan could move to without breaking a hard rule, asked for
 * when the leader opens the meeting's move: checking every time of every meeting on each read of
 * the plan cost seconds on a class's round and would cost minutes on a whole school's.
 */
export async function listPlanMoves(
  ctx: SignedInContext,
  schoolId: string,
  roundId: string,
  invitationId: string,
): Promise<TPlanMoves> {
  const plan = await findPlan(ctx.db, schoolId, roundId);
  if (!plan || plan.state !== 'done' || plan.published_at) return { moves: [] };
  const instance = ZConferenceInstance.safeParse(plan.instance);
  if (!instance.success) return { moves: [] };
  const known =
    instance.data.meetings.some((meeting) => meeting.id === invitationId) ||
    plan.unplaced.some((u) => u.invitationId === invitationId);
  if (!known) throw new AppError('not_found');
  return { moves: possibleMoves(instance.data, plan.placements, plan.unplaced, invitationId, MOVES_OFFERED) };
}

/**
 * The leader moves a meeting to another time (or places one the scheduler could not): refused
 * with 422 when it breaks a hard rule, nothing changed. On a published plan the booking moves too,
 * in the same unit of work, with the round's row locked as booking locks it.
 */
export async function moveMeeting(
  ctx: SignedInContext,
  schoolId: string,
  roundId: string,
  invitationId: string,
  input: TMoveMeeting,
): Promise<TPlan> {
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('not_found');
  const personId = m.personId;
  await inTransaction(ctx, async (tx) => {
    const { round, plan, instance } = await readyPlan(tx.db, schoolId, roundId);
    if (!instance.meetings.some((meeting) => meeting.id === invitationId)) {
      const known = plan.unplaced.some((u) => u.invitationId === invitationId);
      throw known ? new AppError('conference_move_breaks_rule', { field: 'from' }) : new AppError('not_found');
    }
    const moved = moveInPlan(instance, plan.placements, plan.unplaced, invitationId, input);
    if (!moved) throw new AppError('conference_move_breaks_rule', { field: 'from' });
    await updatePlan(tx.db, schoolId, roundId, {
      placements: moved.placements,
      unplaced: moved.unplaced,
      figures: planFigures(instance, moved.placements, moved.unplaced),
    });
    if (plan.published_at) {
      const placement = moved.placements.find((p) => p.invitationId === invitationId)!;
      const invitation = await findInvitationForBooking(tx.db, schoolId, invitationId);
      if (!invitation) throw new AppError('not_found');
      await cancelActiveBooking(tx.db, schoolId, invitationId, tx.clock.now());
      await insertBooking(tx.db, {
        schoolId,
        roundId,
        invitationId,
        classId: invitation.class_id,
        date: placement.date,
        from: placement.from,
        to: placement.to,
        bookedBy: personId,
        at: tx.clock.now(),
      });
      // The home was told its time when the plan went out: it is told the new one, in its language.
      const child = (await findInvitationToTell(tx.db, schoolId, invitationId))?.child ?? '';
      const { date, from, to } = placement;
      await tellHomesTheirTime(
        tx.db,
        schoolId,
        round.name,
        [{ invitationId, child, date, from, to }],
        tx.clock.now(),
        true,
      );
    }
  });
  return readPlan(ctx, schoolId, roundId);
}

/**
 * Publishes the plan: every placement becomes the invitation's booking (the tables self-booking
 * uses, so the calendar feed and the invitations list show them), the round is 'published', and
 * every home is told its time (`tellHomesTheirTime`).
 */
export async function publishPlan(ctx: SignedInContext, schoolId: string, roundId: string) {
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('not_found');
  const personId = m.personId;
  return inTransaction(ctx, async (tx) => {
    const { round, plan, instance } = await readyPlan(tx.db, schoolId, roundId);
    if (round.status === 'published' || plan.published_at) throw new AppError('round_published');
    const at = tx.clock.now();
    const invitations = await findRoundInvitationChildren(tx.db, schoolId, roundId);
    await refuseClashesElsewhere(tx.db, schoolId, roundId, plan.placements, instance, invitations);
    const told: Array<{ invitationId: string; child: string; date: string; from: string; to: string }> = [];
    for (const placement of plan.placements) {
      const invitation = invitations.find((i) => i.id === placement.invitationId);
      if (!invitation) continue;
      await cancelActiveBooking(tx.db, schoolId, invitation.id, at);
      await insertBooking(tx.db, {
        schoolId,
        roundId,
        invitationId: invitation.id,
        classId: invitation.class_id,
        date: placement.date,
        from: placement.from,
        to: placement.to,
        bookedBy: personId,
        at,
      });
      const { date, from, to } = placement;
      told.push({ invitationId: invitation.id, child: invitation.given_name, date, from, to });
    }
    await tellHomesTheirTime(tx.db, schoolId, round.name, told, at, false);
    await updatePlan(tx.db, schoolId, roundId, { publishedAt: at });
    await setRoundStatusTo(tx.db, schoolId, roundId, 'published');
    return { published: told.length };
  });
}

/**
 * The plan kept its staff out of the meetings they held in other rounds when it was made; a home
 * may have booked one of them since. Publishing then would put a person in two meetings at once:
 * it is refused with the children whose meetings clash, so the leader moves them or plans again.
 * The people's rows are locked first, as a booking locks them, so no booking slips in meanwhile.
 */
async function refuseClashesElsewhere(
  db: Db,
  schoolId: string,
  roundId: string,
  placements: readonly PlanPlacement[],
  instance: TConferenceInstance,
  invitations: ReadonlyArray<{ id: string; given_name: string }>,
): Promise<void> {
  const staffOf = new Map(instance.meetings.map((meeting) => [meeting.id, meeting.staff]));
  const people = [...new Set(instance.meetings.flatMap((meeting) => meeting.staff))].filter(
    (id) => !id.startsWith('class:'),
  );
  await lockPeople(db, schoolId, people);
  const busy = await findMeetingsOfPeople(db, schoolId, people, { roundId });
  const clashing = placements.filter((placement) => {
    const staff = staffOf.get(placement.invitationId) ?? [];
    return busy.some((meeting) => staff.includes(meeting.personId) && overlaps(placement, meeting));
  });
  if (clashing.length === 0) return;
  const children = clashing.map((p) => invitations.find((i) => i.id === p.invitationId)?.given_name ?? '');
  throw new AppError('plan_staff_busy_elsewhere', { params: { children: [...new Set(children)].join(', ') } });
}

// ---------------------------------------------------------------- interpreters

export async function listInterpreters(ctx: SignedInContext, schoolId: string): Promise<TInterpreters> {
  const interpreters = await findInterpreters(ctx.db, schoolId);
  return { interpreters: interpreters.map(({ id, name, languages }) => ({ id, name, languages })) };
}

export async function createInterpreter(ctx: SignedInContext, schoolId: string, input: TCreateInterpreter) {
  const id = await inTransaction(ctx, (tx) =>
    insertInterpreter(tx.db, { schoolId, name: input.name, languages: input.languages, at: tx.clock.now() }),
  );
  return { id, name: input.name, languages: input.languages };
}

export async function listRoundInterpreters(
  ctx: SignedInContext,
  schoolId: string,
  roundId: string,
): Promise<TRoundInterpreters> {
  const interpreters = await findInterpreters(ctx.db, schoolId, roundId);
  return { interpreters: interpreters.map(({ id, name, languages, times }) => ({ id, name, languages, times })) };
}

/** An interpreter's free times in a round, inside its afternoons. */
export async function setInterpreterTimes(
  ctx: SignedInContext,
  schoolId: string,
  roundId: string,
  interpreterId: string,
  input: TAvailability,
): Promise<TAvailability> {
  return inTransaction(ctx, async (tx) => {
    const round = await lockRound(tx.db, schoolId, roundId);
    if (!round) throw new AppError('not_found');
    const known = (await findInterpreters(tx.db, schoolId)).some((i) => i.id === interpreterId);
    if (!known) throw new AppError('not_found');
    const { days } = await findRounds(tx.db, schoolId, { ids: [roundId] });
    const afternoons = days.map((d) => ({ date: d.date, from: d.starts_at, to: d.ends_at }));
    if (!insideRound(afternoons, input.times)) throw new AppError('conference_time_outside_round', { field: 'times' });
    const times = [...input.times].sort((a, b) => a.date.localeCompare(b.date));
    await replaceInterpreterTimes(tx.db, schoolId, roundId, interpreterId, times);
    return { times };
  });
}
