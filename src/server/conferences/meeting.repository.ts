import type { Db } from '../db/database.js';
import type { TAgreementOwner, TPreparationBand } from '../../shared/api/conference.schema.js';

/** A conference (one invitation) with its round, child, class and active booking. */
export function findConference(db: Db, schoolId: string, invitationId: string) {
  return db
    .selectFrom('conference_invitations as i')
    .innerJoin('conference_rounds as r', (j) =>
      j.onRef('r.school_id', '=', 'i.school_id').onRef('r.id', '=', 'i.round_id'),
    )
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'i.school_id').onRef('s.id', '=', 'i.student_id'))
    .innerJoin('classes as c', (j) => j.onRef('c.school_id', '=', 'i.school_id').onRef('c.id', '=', 'i.class_id'))
    .leftJoin('conference_bookings as b', (j) =>
      j.onRef('b.school_id', '=', 'i.school_id').onRef('b.invitation_id', '=', 'i.id').on('b.cancelled_at', 'is', null),
    )
    .select([
      'i.id',
      'i.student_id',
      'i.class_id',
      'i.held_at',
      'r.id as round_id',
      'r.name as round_name',
      'r.status as round_status',
      's.given_name',
      's.family_name',
      'c.grade',
      'c.letter',
      'b.date',
      'b.starts_at',
      'b.ends_at',
    ])
    .where('i.school_id', '=', schoolId)
    .where('i.id', '=', invitationId)
    .executeTakeFirst();
}
export type ConferenceRow = NonNullable<Awaited<ReturnType<typeof findConference>>>;

export function findTopics(db: Db, schoolId: string, invitationId: string) {
  return db
    .selectFrom('conference_topics')
    .select(['id', 'raised_by', 'user_id', 'text'])
    .where('school_id', '=', schoolId)
    .where('invitation_id', '=', invitationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function findPreparation(db: Db, schoolId: string, invitationId: string) {
  return db
    .selectFrom('conference_preparations')
    .select(['band', 'answers'])
    .where('school_id', '=', schoolId)
    .where('invitation_id', '=', invitationId)
    .executeTakeFirst();
}

/** The conference's notes; the shared ones only unless `staffOnlyToo`. */
export function findNotes(db: Db, schoolId: string, invitationId: string, staffOnlyToo: boolean) {
  let query = db
    .selectFrom('conference_notes')
    .select(['id', 'text', 'shared', 'created_at'])
    .where('school_id', '=', schoolId)
    .where('invitation_id', '=', invitationId);
  if (!staffOnlyToo) query = query.where('shared', '=', true);
  return query.orderBy('created_at').orderBy('id').execute();
}

const agreementColumns = [
  'a.id',
  'a.owner',
  'a.text',
  'a.due_on',
  'a.done_at',
  'a.invitation_id',
  'a.student_id',
  's.given_name',
  's.family_name',
  's.class_id',
  'a.goal_id',
] as const;

function agreements(db: Db, schoolId: string) {
  return db
    .selectFrom('conference_agreements as a')
    .innerJoin('students as s', (j) => j.onRef('s.school_id', '=', 'a.school_id').onRef('s.id', '=', 'a.student_id'))
    .select(agreementColumns)
    .where('a.school_id', '=', schoolId);
}
export type AgreementRow = Awaited<ReturnType<ReturnType<typeof agreements>['execute']>>[number];

/** The agreements made at a conference. */
export function findAgreementsOfConference(db: Db, schoolId: string, invitationId: string) {
  return agreements(db, schoolId)
    .where('a.invitation_id', '=', invitationId)
    .orderBy('a.due_on')
    .orderBy('a.id')
    .execute();
}

/** The student's open agreements from their other conferences, whatever household or round. */
export function findOpenAgreementsOfStudent(db: Db, schoolId: string, studentId: string, besides: string) {
  return agreements(db, schoolId)
    .where('a.student_id', '=', studentId)
    .where('a.invitation_id', '!=', besides)
    .where('a.done_at', 'is', null)
    .orderBy('a.due_on')
    .orderBy('a.id')
    .execute();
}

/** Agreements of these students, the open ones only unless `withDone`. */
export function findAgreementsOfStudents(db: Db, schoolId: string, studentIds: readonly string[]) {
  if (studentIds.length === 0) return Promise.resolve([]);
  return agreements(db, schoolId)
    .where('a.student_id', 'in', [...studentIds])
    .orderBy('a.done_at', (o) => o.desc().nullsFirst())
    .orderBy('a.due_on')
    .orderBy('a.id')
    .execute();
}

/** Open agreements of the students in these classes. */
export function findOpenAgreementsOfClasses(db: Db, schoolId: string, classIds: readonly string[]) {
  if (classIds.length === 0) return Promise.resolve([]);
  return agreements(db, schoolId)
    .where('s.class_id', 'in', [...classIds])
    .where('a.done_at', 'is', null)
    .orderBy('a.due_on')
    .orderBy('a.id')
    .execute();
}

export function findAgreement(db: Db, schoolId: string, agreementId: string) {
  return agreements(db, schoolId).where('a.id', '=', agreementId).executeTakeFirst();
}

export async function insertTopic(
  db: Db,
  row: {
    schoolId: string;
    invitationId: string;
    raisedBy: 'guardian' | 'student' | 'staff';
    userId: string;
    text: string;
    at: Date;
  },
): Promise<void> {
  await db
    .insertInto('conference_topics')
    .values({
      school_id: row.schoolId,
      invitation_id: row.invitationId,
      raised_by: row.raisedBy,
      user_id: row.userId,
      text: row.text,
      created_at: row.at,
    })
    .execute();
}

export async function upsertPreparation(
  db: Db,
  row: { schoolId: string; invitationId: string; band: TPreparationBand; answers: unknown; userId: string; at: Date },
): Promise<void> {
  const answers = JSON.stringify(row.answers);
  await db
    .insertInto('conference_preparations')
    .values({
      school_id: row.schoolId,
      invitation_id: row.invitationId,
      band: row.band,
      answers,
      updated_by: row.userId,
      updated_at: row.at,
    })
    .onConflict((oc) =>
      oc
        .columns(['school_id', 'invitation_id'])
        .doUpdateSet({ band: row.band, answers, updated_by: row.userId, updated_at: row.at }),
    )
    .execute();
}

export async function insertNote(
  db: Db,
  row: { schoolId: string; invitationId: string; text: string; shared: boolean; personId: string; at: Date },
): Promise<void> {
  await db
    .insertInto('conference_notes')
    .values({
      school_id: row.schoolId,
      invitation_id: row.invitationId,
      text: row.text,
      shared: row.shared,
      written_by: row.personId,
      created_at: row.at,
    })
    .execute();
}

export async function insertAgreement(
  db: Db,
  row: {
    schoolId: string;
    invitationId: string;
    studentId: string;
    owner: TAgreementOwner;
    text: string;
    dueOn: string;
    personId: string;
    at: Date;
    /** The student plan's goal it attaches to. */
    goalId?: string | null;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('conference_agreements')
    .values({
      school_id: row.schoolId,
      invitation_id: row.invitationId,
      student_id: row.studentId,
      owner: row.owner,
      text: row.text,
      due_on: row.dueOn,
      created_by: row.personId,
      created_at: row.at,
      goal_id: row.goalId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Marks the conference held unless it already is; answers whether this call did it. */
export async function markConferenceHeld(
  db: Db,
  schoolId: string,
  invitationId: string,
  personId: string,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .updateTable('conference_invitations')
    .set({ held_at: at, held_by: personId })
    .where('school_id', '=', schoolId)
    .where('id', '=', invitationId)
    .where('held_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length > 0;
}

export async function markAgreementDone(
  db: Db,
  schoolId: string,
  agreementId: string,
  userId: string | null,
  at: Date,
) {
  await db
    .updateTable('conference_agreements')
    .set({ done_at: at, done_by: userId })
    .where('school_id', '=', schoolId)
    .where('id', '=', agreementId)
    .where('done_at', 'is', null)
    .execute();
}

/** The guardians the conference's invitation was sent to, with where and in which language they read. */
export function findConferenceGuardians(db: Db, schoolId: string, invitationId: string) {
  return db
    .selectFrom('conference_invitation_guardians as g')
    .innerJoin('people as p', (j) => j.onRef('p.school_id', '=', 'g.school_id').onRef('p.id', '=', 'g.person_id'))
    .leftJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.id', 'p.given_name', 'p.email as person_email', 'u.email as user_email', 'u.locale'])
    .where('g.school_id', '=', schoolId)
    .where('g.invitation_id', '=', invitationId)
    .where('p.suspended', '=', false)
    .execute();
}

/** The student as a person of the school (one with a login), with their language: their own agreements are theirs. */
export function findStudentPerson(db: Db, schoolId: string, studentId: string) {
  return db
    .selectFrom('people as p')
    .leftJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.id', 'u.locale'])
    .where('p.school_id', '=', schoolId)
    .where('p.student_id', '=', studentId)
    .execute();
}

/** A student's own conferences in rounds that have been sent out, newest round first. */
export function findConferencesOfStudent(db: Db, schoolId: string, studentId: string) {
  return db
    .selectFrom('conference_invitations as i')
    .innerJoin('conference_rounds as r', (j) =>
      j.onRef('r.school_id', '=', 'i.school_id').onRef('r.id', '=', 'i.round_id'),
    )
    .leftJoin('conference_bookings as b', (j) =>
      j.onRef('b.school_id', '=', 'i.school_id').onRef('b.invitation_id', '=', 'i.id').on('b.cancelled_at', 'is', null),
    )
    .select(['i.id', 'i.held_at', 'r.id as round_id', 'r.name as round_name', 'b.date', 'b.starts_at', 'b.ends_at'])
    .where('i.school_id', '=', schoolId)
    .where('i.student_id', '=', studentId)
    .where('r.status', '!=', 'draft')
    .orderBy('r.created_at', 'desc')
    .orderBy('i.id')
    .execute();
}

/** Many conferences' notes at once (the demo school's history). */
export async function insertNotes(
  db: Db,
  rows: ReadonlyArray<{
    schoolId: string;
    invitationId: string;
    text: string;
    shared: boolean;
    personId: string;
    at: Date;
  }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('conference_notes')
    .values(
      rows.map((r) => ({
        school_id: r.schoolId,
        invitation_id: r.invitationId,
        text: r.text,
        shared: r.shared,
        written_by: r.personId,
        created_at: r.at,
      })),
    )
    .execute();
}

/** Many agreements at once, some already done (the demo school's history). */
export async function insertAgreements(
  db: Db,
  rows: ReadonlyArray<{
    schoolId: string;
    invitationId: string;
    studentId: string;
    owner: TAgreementOwner;
    text: string;
    dueOn: string;
    personId: string;
    at: Date;
    doneAt: Date | null;
    goalId?: string | null;
  }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('conference_agreements')
    .values(
      rows.map((r) => ({
        school_id: r.schoolId,
        invitation_id: r.invitationId,
        student_id: r.studentId,
        owner: r.owner,
        text: r.text,
        due_on: r.dueOn,
        created_by: r.personId,
        created_at: r.at,
        done_at: r.doneAt,
        goal_id: r.goalId ?? null,
      })),
    )
    .execute();
}
