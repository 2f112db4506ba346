import { randomInt } from 'node:crypto';
import type { Db } from '../db/database.js';
import { inTransaction, type SignedInContext } from '../context.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Membership } from '../policies/membership.js';
import { hasCustodyOf, mayKeepChildrenApart, runsTheSchool } from '../policies/rules.js';
import { className } from '../../shared/api/directory.schema.js';
import type {
  TApartPair,
  TApartPairList,
  TClassPlayGroups,
  TCreateApartPair,
  TGeneratePlayGroups,
  TOrganisedPlayGroups,
  TStudentPlayGroups,
} from '../../shared/api/play-group.schema.js';
import { localDate } from '../../domain/calendar/working-days.js';
import { generatePlayGroups as generateRounds, PlayGroupsError } from '../../domain/play-groups/index.js';
import { assignHosts, chooseHost } from '../../domain/play-groups/host-rotation.js';
import {
  deleteApartPair,
  deleteHostDecline,
  deleteRoundsAfter,
  findApartPairs,
  findClass,
  findClassChildren,
  findHosting,
  findMembers,
  findPlan,
  findPlannedClasses,
  findStudent,
  insertApartPair,
  insertHostDecline,
  insertRound,
  lockPlan,
  setGroupHost,
  storePlan,
  type ChildRow,
  type HostingRow,
  type MemberRow,
} from './play-group.repository.js';
import { firstNames, groupRounds, hostOf, presentApartPair } from './play-group.presenter.js';

type UnitOfWork = Pick<SignedInContext, 'db' | 'clock'>;

const ERROR_OF: Record<
  PlayGroupsError['code'],
  'play_groups_too_few_children' | 'play_groups_apart_impossible' | 'play_groups_invalid'
> = {
  'too-few-children': 'play_groups_too_few_children',
  'apart-impossible': 'play_groups_apart_impossible',
  'invalid-input': 'play_groups_invalid',
};

const today = (ctx: { clock: { now(): Date } }) => localDate(ctx.clock.now());

/** A home may host when no custody holder declined and one can be named (not suspended, not protected). */
const mayHostOf = (hosting: readonly HostingRow[]) => {
  const ok = new Set(hosting.filter((h) => !h.declined && h.family.length > 0).map((h) => h.student_id));
  return (childId: string) => ok.has(childId);
};

/** How often each home has hosted in the rounds given, and in which (0-based) it last did. */
function hostHistory(members: readonly MemberRow[]) {
  const days = [...new Set(members.map((r) => r.meets_on))].sort();
  const count = new Map<string, number>();
  const lastRound = new Map<string, number>();
  for (const r of members.filter((m) => m.hosts)) {
    count.set(r.student_id, (count.get(r.student_id) ?? 0) + 1);
    lastRound.set(r.student_id, Math.max(lastRound.get(r.student_id) ?? -1, days.indexOf(r.meets_on)));
  }
  return { count, lastRound, rounds: days.length };
}

/** The pairs of the class's children (today's) that were in one group, once per round they were. */
function metPairs(members: readonly MemberRow[], inClass: ReadonlySet<string>): [string, string][] {
  const groups = new Map<string, string[]>();
  for (const m of members)
    if (inClass.has(m.student_id)) groups.set(m.group_id, [...(groups.get(m.group_id) ?? []), m.student_id]);
  return [...groups.values()].flatMap((group) =>
    group.flatMap((a, i) => group.slice(i + 1).map((b) => [a, b] as [string, string])),
  );
}

export interface GeneratedRounds {
  /** Each round's day and groups of child ids, in date order. */
  rounds: { meetsOn: string; groups: string[][] }[];
}

/**
 * Generates a class's rounds inside its caller's unit of work (a representative's request, or the
 * demo school): the class's children, its pairs kept apart and who met whom in the rounds up to
 * today go to the generator, the rounds after today are replaced, those before are kept, and each
 * group gets its host in turn.
 */
export async function storePlayGroups(
  tx: UnitOfWork,
  r: {
    schoolId: string;
    classId: string;
    generatedBy: string;
    idempotencyKey: string | null;
    seed?: number;
  } & TGeneratePlayGroups,
): Promise<{ children: number; rounds: number }> {
  const now = tx.clock.now();
  const day = localDate(now);
  const dates = [...r.dates].sort();
  if (new Set(dates).size !== dates.length) throw new AppError('play_group_dates_repeat', { field: 'dates' });
  if (dates.some((d) => d <= day)) throw new AppError('play_group_dates_not_future', { field: 'dates' });
  await lockPlan(tx.db, r.schoolId, r.classId);
  const [children, pairs, members] = await Promise.all([
    findClassChildren(tx.db, r.schoolId, r.classId),
    findApartPairs(tx.db, r.schoolId, r.classId),
    findMembers(tx.db, r.schoolId, r.classId),
  ]);
  // The rounds up to today stay: their meetings count, so the new rounds spread away from them.
  const kept = members.filter((m) => m.meets_on <= day);
  const seed = r.seed ?? randomInt(1, 2 ** 31 - 1);
  let generated: string[][][];
  try {
    generated = generateRounds({
      children: children.map((c) => ({ id: c.id })),
      groupSize: r.groupSize,
      rounds: dates.length,
      apart: pairs.map((p) => [p.student_a, p.student_b] as [string, string]),
      met: metPairs(kept, new Set(children.map((c) => c.id))),
      seed,
    }).rounds;
  } catch (error) {
    if (error instanceof PlayGroupsError) throw new AppError(ERROR_OF[error.code], { field: 'groupSize' });
    throw error;
  }
  await storePlan(tx.db, { ...r, seed, generatedAt: now });
  await deleteRoundsAfter(tx.db, r.schoolId, r.classId, day);
  const hosting = await findHosting(
    tx.db,
    r.schoolId,
    children.map((c) => c.id),
  );
  const hosts = assignHosts(generated, mayHostOf(hosting), hostHistory(kept));
  for (const [i, round] of generated.entries())
    await insertRound(
      tx.db,
      r.schoolId,
      r.classId,
      dates[i]!,
      round.map((children, g) => ({ children, host: hosts[i]![g] ?? null })),
    );
  return { children: children.length, rounds: dates.length };
}

/**
 * A class's representatives, its staff or the leadership generate its play groups (the route's
 * policy, `class.play-groups`). A retry with the same idempotency key changes nothing; a bad
 * choice (too few children, pairs that cannot be kept apart) changes nothing and says why.
 */
export async function generateClassPlayGroups(
  ctx: SignedInContext,
  schoolId: string,
  classId: string,
  input: TGeneratePlayGroups,
  idempotencyKey: string | null,
): Promise<TClassPlayGroups> {
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('forbidden');
  const generatedBy = m.personId;
  return inTransaction(ctx, async (tx) => {
    const plan = await lockPlan(tx.db, schoolId, classId);
    const retry =
      idempotencyKey !== null && plan?.idempotency_key === idempotencyKey && plan.generated_by === generatedBy;
    if (!retry) {
      const done = await storePlayGroups(tx, { ...input, schoolId, classId, generatedBy, idempotencyKey });
      const cls = await findClass(tx.db, schoolId, classId);
      await recordAudit(tx, {
        schoolId,
        action: 'play-group.generate',
        subject: `${cls ? className(cls.grade, cls.letter) : ''}: ${done.rounds} × ${input.groupSize}`,
      });
    }
    return readClassPlayGroupsIn(tx, m, schoolId, classId);
  });
}

async function readClassPlayGroupsIn(
  tx: SignedInContext,
  m: Membership,
  schoolId: string,
  classId: string,
): Promise<TClassPlayGroups> {
  const cls = await findClass(tx.db, schoolId, classId);
  if (!cls) throw new AppError('not_found');
  const [children, plan, members] = await Promise.all([
    findClassChildren(tx.db, schoolId, classId),
    findPlan(tx.db, schoolId, classId),
    findMembers(tx.db, schoolId, classId),
  ]);
  const hosting = await findHosting(tx.db, schoolId, [
    ...new Set(members.filter((r) => r.hosts).map((r) => r.student_id)),
  ]);
  const names = firstNames(children);
  const day = today(tx);
  await recordAudit(
    tx,
    [...new Set(members.map((r) => r.student_id))].map((studentId) => ({
      schoolId,
      action: 'play-group.list' as const,
      studentId,
    })),
  );
  return {
    class: { id: cls.id, name: className(cls.grade, cls.letter), grade: cls.grade },
    childCount: children.length,
    groupSize: plan?.group_size ?? null,
    generatedAt: plan?.generated_at.toISOString() ?? null,
    rounds: groupRounds(members).map((round) => ({
      id: round.id,
      meetsOn: round.meetsOn,
      past: round.meetsOn < day,
      groups: round.groups.map((g) => ({
        number: g.number,
        children: g.children.map((id) => ({ id, name: names.get(id) ?? '' })),
        host: hostOf(g.host, names, hosting),
      })),
    })),
    mayKeepApart: mayKeepChildrenApart(m, classId),
  };
}

/** A class's play groups for those who organise them (the route's policy). Each child listed is logged. */
export async function readClassPlayGroups(ctx: SignedInContext, schoolId: string, classId: string) {
  const m = await ctx.membership(schoolId);
  return inTransaction(ctx, (tx) => readClassPlayGroupsIn(tx, m, schoolId, classId));
}

/** The classes whose play groups the caller organises: as representative or staff, all planned ones for the leadership. */
export async function listOrganisedPlayGroups(ctx: SignedInContext, schoolId: string): Promise<TOrganisedPlayGroups> {
  const m = await ctx.membership(schoolId);
  const own = [...new Set([...(m.suspended ? [] : m.representativeOf), ...m.classRoles.keys()])];
  const rows = await findPlannedClasses(ctx.db, schoolId, runsTheSchool(m) ? 'all' : own, today(ctx));
  const more = runsTheSchool(m) && own.length > 0 ? await findPlannedClasses(ctx.db, schoolId, own, today(ctx)) : [];
  const byId = new Map([...more, ...rows].map((r) => [r.class_id, r]));
  return {
    classes: [...byId.values()]
      .sort((a, b) => a.grade - b.grade || a.letter.localeCompare(b.letter))
      .map((r) => ({
        class: { id: r.class_id, name: className(r.grade, r.letter), grade: r.grade },
        rounds: r.rounds,
        nextMeetsOn: r.next_meets_on,
      })),
  };
}

async function readStudentPlayGroupsIn(
  tx: SignedInContext,
  m: Membership,
  schoolId: string,
  studentId: string,
): Promise<TStudentPlayGroups> {
  const student = await findStudent(tx.db, schoolId, studentId);
  if (!student) throw new AppError('not_found');
  const [children, members] = await Promise.all([
    findClassChildren(tx.db, schoolId, student.class_id),
    findMembers(tx.db, schoolId, student.class_id),
  ]);
  const ownGroups = new Set(members.filter((r) => r.student_id === studentId).map((r) => r.group_id));
  const mine = members.filter((r) => ownGroups.has(r.group_id));
  const hostIds = [...new Set(mine.filter((r) => r.hosts).map((r) => r.student_id))];
  const [hosting, [own]] = await Promise.all([
    findHosting(tx.db, schoolId, hostIds),
    findHosting(tx.db, schoolId, [studentId]),
  ]);
  const names = firstNames(children);
  const day = today(tx);
  const others = [...new Set(mine.map((r) => r.student_id))].filter((id) => id !== studentId);
  await recordAudit(tx, [
    { schoolId, action: 'play-group.read', studentId },
    ...others.map((id) => ({ schoolId, action: 'play-group.list' as const, studentId: id })),
  ]);
  return {
    student: { id: student.id, name: `${student.given_name} ${student.family_name}`.trim() },
    class: { id: student.class_id, name: className(student.grade, student.letter), grade: student.grade },
    rounds: groupRounds(mine).map((round) => {
      const group = round.groups[0]!;
      const host = hostOf(group.host, names, hosting);
      return {
        meetsOn: round.meetsOn,
        past: round.meetsOn < day,
        with: group.children.filter((id) => id !== studentId).map((id) => names.get(id) ?? ''),
        host: host ? { ...host, ownHome: group.host === studentId } : null,
      };
    }),
    hostingDeclined: own?.declined ?? false,
    mayChangeHosting: hasCustodyOf(m, studentId),
  };
}

/**
 * A child's own play group in each round (the route's policy, `student.play-groups`): the day,
 * the other children by first name and whose home hosts; no one else's group. Logged in the
 * child's audit log, and in each child named.
 */
export async function readStudentPlayGroups(ctx: SignedInContext, schoolId: string, studentId: string) {
  const m = await ctx.membership(schoolId);
  return inTransaction(ctx, (tx) => readStudentPlayGroupsIn(tx, m, schoolId, studentId));
}

/**
 * Moves hosting away from a home that declined, in the rounds after today: each such group gets
 * the next home in turn, or none.
 */
async function reassignFutureHosts(tx: UnitOfWork, schoolId: string, classId: string, studentId: string) {
  const day = localDate(tx.clock.now());
  const members = await findMembers(tx.db, schoolId, classId);
  const children = [...new Set(members.map((r) => r.student_id))];
  const mayHost = mayHostOf(await findHosting(tx.db, schoolId, children));
  const groups = [
    ...new Set(members.filter((r) => r.hosts && r.student_id === studentId && r.meets_on > day).map((r) => r.group_id)),
  ];
  const { count, lastRound } = hostHistory(members.filter((r) => !groups.includes(r.group_id)));
  for (const groupId of groups) {
    const group = members.filter((r) => r.group_id === groupId).map((r) => r.student_id);
    const host = chooseHost(group, mayHost, count, lastRound);
    if (host) count.set(host, (count.get(host) ?? 0) + 1);
    await setGroupHost(tx.db, schoolId, groupId, host);
  }
}

/** Gives hosting to a home that offers it again, in the rounds after today whose group has no host. */
async function fillFutureHosts(tx: UnitOfWork, schoolId: string, classId: string, studentId: string) {
  const day = localDate(tx.clock.now());
  const members = await findMembers(tx.db, schoolId, classId);
  const hosted = new Set(members.filter((r) => r.hosts).map((r) => r.group_id));
  for (const r of members.filter((r) => r.student_id === studentId && r.meets_on > day && !hosted.has(r.group_id)))
    await setGroupHost(tx.db, schoolId, r.group_id, studentId);
}

/**
 * A custody holder declines (or offers again) that the child's home hosts (the route's policy,
 * `student.play-group-hosting`). Others only ever see who hosts, never that a home declined.
 */
export async function setPlayGroupHosting(
  ctx: SignedInContext,
  schoolId: string,
  studentId: string,
  declined: boolean,
): Promise<TStudentPlayGroups> {
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('forbidden');
  const personId = m.personId;
  return inTransaction(ctx, async (tx) => {
    const student = await findStudent(tx.db, schoolId, studentId);
    if (!student) throw new AppError('not_found');
    await lockPlan(tx.db, schoolId, student.class_id);
    await storeHosting(tx, { schoolId, studentId, classId: student.class_id, declined, by: personId });
    await recordAudit(tx, {
      schoolId,
      action: 'play-group.hosting',
      studentId,
      subject: declined ? 'declined' : 'offered',
    });
    return readStudentPlayGroupsIn(tx, m, schoolId, studentId);
  });
}

/** Records a home's answer on hosting inside its caller's unit of work (a guardian, or the demo school). */
export async function storeHosting(
  tx: UnitOfWork,
  r: { schoolId: string; studentId: string; classId: string; declined: boolean; by: string },
): Promise<void> {
  if (r.declined) {
    await insertHostDecline(tx.db, {
      schoolId: r.schoolId,
      studentId: r.studentId,
      declinedBy: r.by,
      declinedAt: tx.clock.now(),
    });
    await reassignFutureHosts(tx, r.schoolId, r.classId, r.studentId);
  } else {
    await deleteHostDecline(tx.db, r.schoolId, r.studentId);
    if (mayHostOf(await findHosting(tx.db, r.schoolId, [r.studentId]))(r.studentId))
      await fillFutureHosts(tx, r.schoolId, r.classId, r.studentId);
  }
}

/** The pairs a class keeps apart, with the staff's reasons and the class's children (the route's policy). Logged per child named. */
export async function listApartPairs(ctx: SignedInContext, schoolId: string, classId: string): Promise<TApartPairList> {
  const [children, pairs] = await Promise.all([
    findClassChildren(ctx.db, schoolId, classId),
    findApartPairs(ctx.db, schoolId, classId),
  ]);
  const full = fullNames(children);
  await recordAudit(
    ctx,
    [...new Set(pairs.flatMap((p) => [p.student_a, p.student_b]))].map((studentId) => ({
      schoolId,
      action: 'play-group.apart-pairs' as const,
      studentId,
    })),
  );
  return {
    pairs: pairs.map((p) => presentApartPair(p, full)),
    children: children.map((c) => ({ id: c.id, name: full.get(c.id) ?? '' })),
  };
}

const fullNames = (children: readonly ChildRow[]) =>
  new Map(children.map((c) => [c.id, `${c.given_name} ${c.family_name}`.trim()]));

/** Stores a pair kept apart inside its caller's unit of work (staff, or the demo school). */
export async function storeApartPair(
  tx: { db: Db; clock: { now(): Date } },
  r: { schoolId: string; classId: string; studentIds: readonly string[]; reason: string; createdBy: string },
): Promise<string> {
  const [a, b] = [...r.studentIds].sort() as [string, string];
  if (a === b) throw new AppError('play_group_apart_same_child', { field: 'studentIds' });
  const inClass = new Set((await findClassChildren(tx.db, r.schoolId, r.classId)).map((c) => c.id));
  if (!inClass.has(a) || !inClass.has(b)) throw new AppError('play_group_child_not_in_class', { field: 'studentIds' });
  const id = await insertApartPair(tx.db, { ...r, a, b, createdAt: tx.clock.now() });
  if (!id) throw new AppError('play_group_apart_pair_exists', { field: 'studentIds' });
  return id;
}

/**
 * The class's staff or the leadership keep two of its children apart (the route's policy checks
 * the class and both children); the reason is the staff's alone.
 */
export async function keepApart(
  ctx: SignedInContext,
  schoolId: string,
  classId: string,
  input: TCreateApartPair,
): Promise<TApartPair> {
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('forbidden');
  const createdBy = m.personId;
  return inTransaction(ctx, async (tx) => {
    const id = await storeApartPair(tx, {
      schoolId,
      classId,
      studentIds: input.studentIds,
      reason: input.reason,
      createdBy,
    });
    await recordAudit(
      tx,
      input.studentIds.map((studentId) => ({ schoolId, action: 'play-group.keep-apart' as const, studentId })),
    );
    const pair = (await findApartPairs(tx.db, schoolId, classId)).find((p) => p.id === id);
    if (!pair) throw new AppError('not_found');
    return presentApartPair(pair, fullNames(await findClassChildren(tx.db, schoolId, classId)));
  });
}

/** Stops keeping a pair apart (the route's policy, `class.play-groups-apart`); a pair of another class is not found. */
export async function removeApartPair(ctx: SignedInContext, schoolId: string, classId: string, pairId: string) {
  await inTransaction(ctx, async (tx) => {
    const pair = (await findApartPairs(tx.db, schoolId, classId)).find((p) => p.id === pairId);
    if (!pair || !(await deleteApartPair(tx.db, schoolId, classId, pairId))) throw new AppError('not_found');
    await recordAudit(tx, [
      { schoolId, action: 'play-group.keep-apart', studentId: pair.student_a, subject: 'removed' },
      { schoolId, action: 'play-group.keep-apart', studentId: pair.student_b, subject: 'removed' },
    ]);
  });
  return { ok: true as const };
}
