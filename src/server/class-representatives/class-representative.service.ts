import { inTransaction, type SignedInContext } from '../context.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findClass } from '../directory/class.repository.js';
import { mayRecordClassRepresentatives, mayWriteToClassAsRepresentative } from '../policies/rules.js';
import { localDate } from '../../domain/calendar/working-days.js';
import {
  electionProblem,
  MAX_REPRESENTATIVES_PER_CLASS,
  schoolYearNameOf,
} from '../../domain/class-representatives/representatives.js';
import type {
  TClassRepresentatives,
  TMyRepresentativeSeats,
  TRecordElection,
} from '../../shared/api/class-representative.schema.js';
import {
  endSeat,
  findCustodyGuardiansOfClass,
  findSeats,
  findSeatsOfPerson,
  lockClass,
  upsertSeat,
} from './class-representative.repository.js';
import { presentClassRepresentatives, presentMySeats } from './class-representative.presenter.js';

/**
 * Class parent representatives (kontaktforældre, issue 12): elected per class per school year.
 * The school year is the one today (the injected clock, Copenhagen's calendar) falls in.
 */

const today = (ctx: Pick<SignedInContext, 'clock'>) => localDate(ctx.clock.now());

/**
 * The class's representatives of the school year in progress, by name (the route's policy,
 * `class.representatives`). Those who record elections also get who can be elected: the class's
 * custody holders without a seat, by name only.
 */
export async function readClassRepresentatives(
  ctx: SignedInContext,
  schoolId: string,
  classId: string,
): Promise<TClassRepresentatives> {
  const m = await ctx.membership(schoolId);
  const c = await findClass(ctx.db, schoolId, classId);
  if (!c) throw new AppError('not_found');
  const schoolYear = schoolYearNameOf(today(ctx));
  const mayRecord = mayRecordClassRepresentatives(m, classId);
  const [seats, guardians] = await Promise.all([
    findSeats(ctx.db, schoolId, classId, schoolYear),
    mayRecord ? findCustodyGuardiansOfClass(ctx.db, schoolId, classId) : Promise.resolve(null),
  ]);
  const seated = new Set(seats.map((s) => s.person_id));
  return presentClassRepresentatives(c, {
    schoolYear,
    seats,
    candidates: guardians?.filter((g) => !seated.has(g.person_id) && !g.address_protected) ?? null,
    mayRecord,
    mayWrite: mayWriteToClassAsRepresentative(m, classId),
    maxSeats: MAX_REPRESENTATIVES_PER_CLASS,
  });
}

/**
 * The contact teacher or the leadership records who the class's parents elected (the route's
 * policy, `class.record-representatives`). One unit of work: the class is locked so two
 * elections at once keep the seat limit; the seat and its audit row commit together. Electing
 * someone already seated with the same day changes nothing; a seat ended earlier in the year
 * holds again.
 */
export async function recordElection(
  ctx: SignedInContext,
  schoolId: string,
  classId: string,
  input: TRecordElection,
): Promise<TClassRepresentatives> {
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('forbidden');
  const electedBy = m.personId;
  const day = today(ctx);
  const schoolYear = schoolYearNameOf(day);
  await inTransaction(ctx, async (tx) => {
    if (!(await lockClass(tx.db, schoolId, classId))) throw new AppError('not_found');
    const [guardians, seats] = await Promise.all([
      findCustodyGuardiansOfClass(tx.db, schoolId, classId),
      findSeats(tx.db, schoolId, classId, schoolYear),
    ]);
    const person = guardians.find((g) => g.person_id === input.personId);
    const problem = electionProblem({
      isCustodyGuardianInClass: person !== undefined,
      nameProtected: person?.address_protected ?? false,
      alreadySeated: seats.some((s) => s.person_id === input.personId),
      seatsTaken: seats.length,
      electedOn: input.electedOn,
      today: day,
    });
    if (problem === 'representatives_full')
      throw new AppError(problem, { field: 'personId', params: { max: MAX_REPRESENTATIVES_PER_CLASS } });
    if (problem)
      throw new AppError(problem, {
        field:
          problem === 'representative_not_guardian' || problem === 'representative_protected'
            ? 'personId'
            : 'electedOn',
      });
    const changed = await upsertSeat(tx.db, {
      schoolId,
      classId,
      personId: input.personId,
      schoolYear,
      electedOn: input.electedOn,
      electedBy,
    });
    if (changed) {
      await recordAudit(tx, {
        schoolId,
        action: 'class-representative.elect',
        subject: `${person!.given_name} ${person!.family_name} (${schoolYear})`,
      });
    }
  });
  return readClassRepresentatives(ctx, schoolId, classId);
}

/**
 * The contact teacher or the leadership ends a seat before its school year does (a parent steps
 * down, or the family moves). The seat stays in the history with the day it ended.
 */
export async function endRepresentativeSeat(
  ctx: SignedInContext,
  schoolId: string,
  classId: string,
  personId: string,
): Promise<TClassRepresentatives> {
  const day = today(ctx);
  const schoolYear = schoolYearNameOf(day);
  await inTransaction(ctx, async (tx) => {
    if (!(await lockClass(tx.db, schoolId, classId))) throw new AppError('not_found');
    const seat = (await findSeats(tx.db, schoolId, classId, schoolYear)).find((s) => s.person_id === personId);
    if (!seat || !(await endSeat(tx.db, { schoolId, classId, personId, schoolYear, endedOn: day })))
      throw new AppError('representative_no_seat');
    await recordAudit(tx, {
      schoolId,
      action: 'class-representative.end',
      subject: `${seat.given_name} ${seat.family_name} (${schoolYear})`,
    });
  });
  return readClassRepresentatives(ctx, schoolId, classId);
}

/** The caller's own seats in the school year in progress, for their home page. */
export async function readMySeats(ctx: SignedInContext, schoolId: string): Promise<TMyRepresentativeSeats> {
  const m = await ctx.membership(schoolId);
  const schoolYear = schoolYearNameOf(today(ctx));
  if (!m.personId || m.suspended) return presentMySeats(schoolYear, []);
  return presentMySeats(schoolYear, await findSeatsOfPerson(ctx.db, schoolId, m.personId, schoolYear));
}
