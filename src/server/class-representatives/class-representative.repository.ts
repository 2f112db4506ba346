import type { Db } from '../db/database.js';

/** SQL of the class parent representatives (kontaktforældre): seats per class and school year. */

export interface SeatRow {
  person_id: string;
  given_name: string;
  family_name: string;
  elected_on: string | null;
}

/** The seats of a class in a school year that hold (not ended), by name. */
export async function findSeats(db: Db, schoolId: string, classId: string, schoolYear: string): Promise<SeatRow[]> {
  return db
    .selectFrom('class_representatives as cr')
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'cr.school_id').onRef('p.id', '=', 'cr.person_id'))
    .select(['cr.person_id', 'p.given_name', 'p.family_name', 'cr.elected_on'])
    .where('cr.school_id', '=', schoolId)
    .where('cr.class_id', '=', classId)
    .where('cr.school_year', '=', schoolYear)
    .where('cr.ended_on', 'is', null)
    .orderBy('p.given_name')
    .orderBy('p.family_name')
    .orderBy('cr.person_id')
    .execute();
}

export interface CandidateRow {
  person_id: string;
  given_name: string;
  family_name: string;
  /** Name and address protection: such a parent is never offered or elected (see `electionProblem`). */
  address_protected: boolean;
}

/**
 * The custody holders of the class's children who are not suspended: who can be elected. A
 * parent with the right to information only (§ 23) takes no part in the class's life through us.
 */
export async function findCustodyGuardiansOfClass(db: Db, schoolId: string, classId: string): Promise<CandidateRow[]> {
  return db
    .selectFrom('guardianships as g')
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'g.school_id').onRef('s.id', '=', 'g.student_id'))
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'g.school_id').onRef('p.id', '=', 'g.person_id'))
    .select(['p.id as person_id', 'p.given_name', 'p.family_name', 'p.address_protected'])
    .distinct()
    .where('g.school_id', '=', schoolId)
    .where('s.class_id', '=', classId)
    .where('g.kind', '=', 'custody')
    .where('p.suspended', '=', false)
    .orderBy('p.given_name')
    .orderBy('p.family_name')
    .orderBy('p.id')
    .execute();
}

/** Two elections in one class wait for each other, so the seat limit holds. */
export async function lockClass(db: Db, schoolId: string, classId: string): Promise<boolean> {
  const row = await db
    .selectFrom('classes')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('id', '=', classId)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Seats the person for the school year; a seat of theirs ended earlier in the year holds again,
 * with the new election day. Answers whether anything changed.
 */
export async function upsertSeat(
  db: Db,
  seat: {
    schoolId: string;
    classId: string;
    personId: string;
    schoolYear: string;
    electedOn: string;
    electedBy: string;
  },
): Promise<boolean> {
  const result = await db
    .insertInto('class_representatives')
    .values({
      school_id: seat.schoolId,
      class_id: seat.classId,
      person_id: seat.personId,
      school_year: seat.schoolYear,
      elected_on: seat.electedOn,
      elected_by: seat.electedBy,
    })
    .onConflict((oc) =>
      oc
        .columns(['school_id', 'class_id', 'school_year', 'person_id'])
        .doUpdateSet({ elected_on: seat.electedOn, elected_by: seat.electedBy, ended_on: null })
        .where((eb) =>
          eb.or([
            eb('class_representatives.ended_on', 'is not', null),
            eb('class_representatives.elected_on', 'is distinct from', seat.electedOn),
          ]),
        ),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Ends a holding seat on `endedOn`; false when the person holds no seat in the class this year. */
export async function endSeat(
  db: Db,
  seat: { schoolId: string; classId: string; personId: string; schoolYear: string; endedOn: string },
): Promise<boolean> {
  const result = await db
    .updateTable('class_representatives')
    .set({ ended_on: seat.endedOn })
    .where('school_id', '=', seat.schoolId)
    .where('class_id', '=', seat.classId)
    .where('person_id', '=', seat.personId)
    .where('school_year', '=', seat.schoolYear)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface MySeatRow {
  class_id: string;
  grade: number;
  letter: string;
  elected_on: string | null;
}

/** The person's holding seats of the school year, in grade order. */
export async function findSeatsOfPerson(
  db: Db,
  schoolId: string,
  personId: string,
  schoolYear: string,
): Promise<MySeatRow[]> {
  return db
    .selectFrom('class_representatives as cr')
    .innerJoin('classes as c', (j) => j.onRef('c.school_id', '=', 'cr.school_id').onRef('c.id', '=', 'cr.class_id'))
    .select(['cr.class_id', 'c.grade', 'c.letter', 'cr.elected_on'])
    .where('cr.school_id', '=', schoolId)
    .where('cr.person_id', '=', personId)
    .where('cr.school_year', '=', schoolYear)
    .where('cr.ended_on', 'is', null)
    .orderBy('c.grade')
    .orderBy('c.letter')
    .execute();
}
