import { recordAudit } from '../audit/audit.service.js';
import { findConcernForRound, linkConcernToRound } from '../concerns/concern.repository.js';
import { inTransaction, type SignedInContext } from '../context.js';
import { AppError } from '../errors.js';
import { findAdoptedPrinciple } from '../principle/principle.service.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../shared/api/messaging.schema.js';
import type { TCreateRound, TRound, TRoundList } from '../../shared/api/conference.schema.js';
import { runsTheSchool } from '../policies/rules.js';
import type { Db } from '../db/database.js';
import {
  countStudentsInClasses,
  findClassesWithoutContactTeacher,
  findClassGrades,
  findRoundIdByKey,
  findRounds,
  insertRoundOnce,
  isSchoolStaff,
} from './round.repository.js';
import { presentRound } from './round.presenter.js';

/** Thrown inside the create's unit of work to undo it when a concurrent create with the same key won. */
class DuplicateRound extends Error {}

/**
 * The rounds of `ids` (or the reader's), presented with the adopted principle's lead times. The
 * students a needs-based round is for are named: each child's log shows that the list was seen.
 */
async function presentRounds(
  ctx: SignedInContext,
  schoolId: string,
  filter: Parameters<typeof findRounds>[2],
): Promise<TRound[]> {
  const [{ rounds, classes, days, students }, adopted] = await Promise.all([
    findRounds(ctx.db, schoolId, filter),
    findAdoptedPrinciple(ctx.db, schoolId),
  ]);
  await recordAudit(
    ctx,
    [...new Set(students.map((s) => s.student_id))].map((studentId) => ({
      schoolId,
      action: 'conference.round-students' as const,
      studentId,
    })),
  );
  const rules = adopted?.principle.conferences ?? null;
  return rounds.map((round) => presentRound(round, classes, days, students, rules, ctx.locale));
}

/**
 * A leader, or a contact teacher for their own classes (the route's policy), creates a conference
 * round. A needs-based round needs a principle that allows one and names the students of its
 * classes it is for (from a concern: the concern's child among them); every grade of the round's classes
 * needs a meeting length; rooms are for the round's classes. The principle's lead times are not
 * a wall: a round that breaks them is made and says so (`warnings`). One unit of work; a retried
 * create with the same idempotency key answers with the round it made.
 */
export async function createRound(
  ctx: SignedInContext,
  schoolId: string,
  input: TCreateRound & { idempotencyKey?: string | undefined },
): Promise<TRound> {
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('not_found');
  const createdBy = m.personId;
  const key = input.idempotencyKey || null;
  const earlier = async () => (key ? findRoundIdByKey(ctx.db, schoolId, createdBy, key) : undefined);
  const before = await earlier();
  if (before) return readRound(ctx, schoolId, before);

  const adopted = await findAdoptedPrinciple(ctx.db, schoolId);
  if (input.kind === 'needs_based' && !(adopted && adopted.principle.conferences.needsBasedRounds > 0))
    throw new AppError('round_needs_based_not_allowed', { field: 'kind' });
  const grades = await findClassGrades(ctx.db, schoolId, input.classIds);
  if (grades.size !== input.classIds.length) throw new AppError('not_found');
  for (const grade of [...new Set(grades.values())].sort((a, b) => a - b)) {
    if (input.minutesByGrade[String(grade)] === undefined)
      throw new AppError('round_minutes_missing', { field: 'minutesByGrade', params: { grade } });
  }
  if (Object.keys(input.rooms).some((classId) => !grades.has(classId)))
    throw new AppError('round_room_unknown_class', { field: 'rooms' });
  await requireContactTeachers(ctx.db, schoolId, input.classIds);
  // A needs-based round started from a concern holds a conference for the concern's child.
  const concern = input.concernId ? await findConcernForRound(ctx.db, schoolId, input.concernId) : null;
  if (concern === undefined) throw new AppError('not_found');
  if (concern && !input.classIds.includes(concern.class_id))
    throw new AppError('round_concern_class_missing', { field: 'classIds' });
  // The same answer for an unknown id, another school's student and one outside the round's classes.
  if (
    input.studentIds.length > 0 &&
    (await countStudentsInClasses(ctx.db, schoolId, input.studentIds, input.classIds)) !== input.studentIds.length
  )
    throw new AppError('round_student_not_in_classes', { field: 'studentIds' });
  if (concern && !input.studentIds.includes(concern.student_id))
    throw new AppError('round_concern_student_missing', { field: 'studentIds' });
  if (
    input.alsoTakingPart.includes('counsellor') &&
    input.counsellorId &&
    !(await isSchoolStaff(ctx.db, schoolId, input.counsellorId))
  )
    throw new AppError('round_counsellor_not_staff', { field: 'counsellorId' });
  // Only the grades of the round's classes are kept.
  const minutesByGrade = Object.fromEntries(
    [...new Set(grades.values())].map((grade) => [String(grade), input.minutesByGrade[String(grade)]!]),
  );
  const days = [...input.days].sort((a, b) => a.date.localeCompare(b.date));

  let roundId: string;
  try {
    roundId = await inTransaction(ctx, async (tx) => {
      const id = await insertRoundOnce(tx.db, {
        ...input,
        days,
        minutesByGrade,
        schoolId,
        createdBy,
        at: tx.clock.now(),
        idempotencyKey: key,
      });
      if (id === null) throw new DuplicateRound();
      if (input.concernId) await linkConcernToRound(tx.db, schoolId, input.concernId, id);
      return id;
    });
  } catch (error) {
    if (!(error instanceof DuplicateRound)) throw error;
    const winner = await earlier();
    if (!winner) throw new AppError('idempotency_key_reused', { field: IDEMPOTENCY_KEY_HEADER });
    roundId = winner;
  }
  return readRound(ctx, schoolId, roundId);
}

/**
 * A round's meetings are held by each class's contact teacher: a class without one has no staff
 * time at all, so the round is refused, naming the classes, before anything is written or sent.
 */
export async function requireContactTeachers(db: Db, schoolId: string, classIds: readonly string[]): Promise<void> {
  const without = await findClassesWithoutContactTeacher(db, schoolId, classIds);
  if (without.length > 0)
    throw new AppError('round_class_without_teacher', { field: 'classIds', params: { classes: without.join(', ') } });
}

/** The rounds the reader plans or takes part in: all of the school's for the leadership, their classes' for staff. */
export async function listRounds(ctx: SignedInContext, schoolId: string): Promise<TRoundList> {
  const m = await ctx.membership(schoolId);
  const filter = runsTheSchool(m) ? {} : { classIds: [...m.classRoles.keys()] };
  return { rounds: await presentRounds(ctx, schoolId, filter) };
}

/** One round (the route's policy, `conference-round.read`, has decided the reader may see it). */
export async function readRound(ctx: SignedInContext, schoolId: string, roundId: string): Promise<TRound> {
  const [round] = await presentRounds(ctx, schoolId, { ids: [roundId] });
  if (!round) throw new AppError('not_found');
  return round;
}
