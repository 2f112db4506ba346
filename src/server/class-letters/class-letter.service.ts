import type { AppDeps } from '../deps.js';
import type { Db } from '../db/database.js';
import { createContext, inTransaction, type Context, type SignedInContext } from '../context.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { enqueueJobs } from '../jobs/job-queue.js';
import type { ClaimedJob, NewJob } from '../jobs/job-kinds.js';
import { insertNotifications } from '../notifications/notification.repository.js';
import { notice } from '../notifications/notice-text.js';
import type { Membership } from '../policies/membership.js';
import { hasCustodyOf, mayWriteClassLetters, runsTheSchool } from '../policies/rules.js';
import { findAdoptedPrinciple } from '../principle/principle.service.js';
import { loadSchoolCalendar } from '../school-calendar/school-calendar.service.js';
import { attachmentsOfClassLetters, setAttachmentsOfClassLetter } from '../attachments/attachment.service.js';
import { isWorkingDay, localDate, shiftDate } from '../../domain/calendar/working-days.js';
import { classUpdateCadenceFor } from '../../domain/principle/rules.js';
import { nextLetter } from '../../domain/class-letters/cadence.js';
import { className } from '../../shared/api/directory.schema.js';
import type {
  TClassLetter,
  TClassLetterCadence,
  TClassLetterFeed,
  TClassLetterList,
  TClassLettersDue,
  TWriteClassLetter,
} from '../../shared/api/class-letter.schema.js';
import { ZWriteClassLetter } from '../../shared/api/class-letter.schema.js';
import { letterText, sanitizeLetterHtml } from './letter-html.js';
import {
  cancelUnpublishedLetter,
  countHouseholdReads,
  findClass,
  findClasses,
  findClassesOfStudents,
  findCustodyHoldersOfClass,
  findLetter,
  findLetterByKey,
  findLetterMoments,
  findLettersOfClass,
  findOwnReads,
  findPublishedLettersOfClasses,
  findUnreadPublishedLetters,
  insertLetter,
  insertLetterRead,
  publishScheduledLetter,
  updateUnpublishedLetter,
  type LetterFields,
  type LetterRow,
} from './class-letter.repository.js';
import { presentClassLetter, presentClassLetterSummary, type LetterView } from './class-letter.presenter.js';

type UnitOfWork = Pick<Context, 'db' | 'clock'>;

/** How many letters a class's page and the home's feed show. */
const LETTERS_SHOWN = 50;
const FEED_SHOWN = 5;

/**
 * The text and state a save stores: the rich text cleaned (nothing left is refused, the letter
 * unchanged), and the moment to publish checked against the clock.
 */
function letterFields(input: TWriteClassLetter, now: Date): LetterFields & { attachmentIds: string[] } {
  const parsed = ZWriteClassLetter.parse(input);
  const { html } = sanitizeLetterHtml(parsed.bodyHtml, new Set(parsed.attachmentIds));
  if (letterText(html) === '' && !html.includes('<img'))
    throw new AppError('class_letter_body_empty', { field: 'bodyHtml' });
  let publishAt: Date | null = null;
  if (parsed.publish === 'scheduled') {
    if (!parsed.publishAt) throw new AppError('class_letter_publish_at_required', { field: 'publishAt' });
    publishAt = new Date(parsed.publishAt);
    if (publishAt.getTime() <= now.getTime())
      throw new AppError('class_letter_publish_at_past', { field: 'publishAt' });
  }
  return {
    title: parsed.title,
    bodyHtml: html,
    status: parsed.publish === 'now' ? 'published' : parsed.publish,
    publishAt,
    publishedAt: parsed.publish === 'now' ? now : null,
    attachmentIds: parsed.attachmentIds,
  };
}

/** The job that publishes a scheduled letter at its time; a letter moved since is left to its new time's job. */
function publishJob(schoolId: string, letterId: string, publishAt: Date, now: Date): NewJob<'class-letter-publish'> {
  return {
    schoolId,
    kind: 'class-letter-publish',
    payload: { letterId, publishAt: publishAt.toISOString() },
    runAt: publishAt,
    dedupeKey: `class-letter-publish:${letterId}:${publishAt.toISOString()}`,
    createdAt: now,
  };
}

/**
 * Tells the class's homes of a letter just published, inside its caller's unit of work: a notice
 * in each custody holder's language (not the suspended, not a § 23 parent). The daily digest
 * carries the letter to those who take their news by e-mail.
 */
async function tellTheClass(tx: UnitOfWork, schoolId: string, letterId: string): Promise<void> {
  const letter = await findLetter(tx.db, schoolId, letterId);
  if (!letter) throw new AppError('not_found');
  const holders = await findCustodyHoldersOfClass(tx.db, schoolId, letter.class_id);
  const now = tx.clock.now();
  await insertNotifications(
    tx.db,
    holders.map((g) => ({
      schoolId,
      personId: g.person_id,
      threadId: null,
      createdAt: now,
      dedupeKey: `class-letter:${letterId}`,
      ...notice('class-letter', { className: className(letter.grade, letter.letter), title: letter.title }, g.locale),
    })),
  );
}

/**
 * The class's staff (or the leadership) write a letter or post (the route's policy,
 * `class.write-letters`): kept as a draft, published now or scheduled. The letter, its images
 * and files, the homes' notices or the publishing job, and the audit row are one unit of work; an
 * idempotency key makes a double click one letter.
 */
export async function writeClassLetter(
  ctx: SignedInContext,
  schoolId: string,
  classId: string,
  input: TWriteClassLetter,
  idempotencyKey: string | null,
): Promise<TClassLetter> {
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('forbidden');
  const writtenBy = m.personId;
  const now = ctx.clock.now();
  const fields = letterFields(input, now);
  const id = await inTransaction(ctx, async (tx) => {
    const earlier = idempotencyKey ? await findLetterByKey(tx.db, schoolId, writtenBy, idempotencyKey) : undefined;
    if (earlier) {
      if (earlier.class_id !== classId) throw new AppError('idempotency_key_reused');
      return earlier.id;
    }
    const letterId = await insertLetter(tx.db, { ...fields, schoolId, classId, writtenBy, at: now, idempotencyKey });
    await setAttachmentsOfClassLetter(tx.db, schoolId, writtenBy, letterId, fields.attachmentIds);
    await afterSave(tx, schoolId, letterId, fields, now);
    await recordAudit(tx, { schoolId, action: 'class-letter.write', subject: fields.title });
    return letterId;
  });
  return readFor(ctx, m, schoolId, id);
}

async function afterSave(
  tx: UnitOfWork & Context,
  schoolId: string,
  letterId: string,
  fields: LetterFields,
  now: Date,
) {
  if (fields.status === 'published') {
    await tellTheClass(tx, schoolId, letterId);
    await recordAudit(tx, { schoolId, action: 'class-letter.publish', subject: fields.title });
  }
  if (fields.status === 'scheduled' && fields.publishAt) {
    await enqueueJobs(tx.db, [publishJob(schoolId, letterId, fields.publishAt, now)]);
  }
}

/**
 * A draft or scheduled letter changed before it is published (the route's policy,
 * `class-letter.edit`): its text, files, and whether it stays a draft, is published now or at
 * another time. A published or cancelled letter is refused (409), nothing changed.
 */
export async function editClassLetter(
  ctx: SignedInContext,
  schoolId: string,
  letterId: string,
  input: TWriteClassLetter,
): Promise<TClassLetter> {
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('forbidden');
  const editor = m.personId;
  const now = ctx.clock.now();
  const fields = letterFields(input, now);
  await inTransaction(ctx, async (tx) => {
    if (!(await updateUnpublishedLetter(tx.db, schoolId, letterId, { ...fields, at: now }))) {
      throw await notEditable(tx.db, schoolId, letterId);
    }
    await setAttachmentsOfClassLetter(tx.db, schoolId, editor, letterId, fields.attachmentIds);
    await afterSave(tx, schoolId, letterId, fields, now);
    await recordAudit(tx, { schoolId, action: 'class-letter.write', subject: fields.title });
  });
  return readFor(ctx, m, schoolId, letterId);
}

async function notEditable(db: Db, schoolId: string, letterId: string): Promise<AppError> {
  const letter = await findLetter(db, schoolId, letterId);
  if (!letter) return new AppError('not_found');
  return new AppError(letter.status === 'cancelled' ? 'class_letter_cancelled' : 'class_letter_published', {
    status: 409,
  });
}

/** A draft or scheduled letter cancelled (the route's policy, `class-letter.edit`); its job then publishes nothing. */
export async function cancelClassLetter(
  ctx: SignedInContext,
  schoolId: string,
  letterId: string,
): Promise<TClassLetter> {
  const m = await ctx.membership(schoolId);
  await inTransaction(ctx, async (tx) => {
    if (!(await cancelUnpublishedLetter(tx.db, schoolId, letterId, tx.clock.now()))) {
      throw await notEditable(tx.db, schoolId, letterId);
    }
    await recordAudit(tx, { schoolId, action: 'class-letter.cancel' });
  });
  return readFor(ctx, m, schoolId, letterId);
}

/** Publishes a scheduled letter at its time: the letter, the homes' notices and the audit row are one unit of work. */
export async function handlePublishClassLetter(deps: AppDeps, job: ClaimedJob<'class-letter-publish'>): Promise<void> {
  if (!job.schoolId) throw new Error('a class letter job without a school');
  const schoolId = job.schoolId;
  const ctx = createContext(deps, { actor: null, locale: 'da', requestId: `job:${job.id}` });
  await inTransaction(ctx, async (tx) => {
    const publishAt = new Date(job.payload.publishAt);
    if (!(await publishScheduledLetter(tx.db, schoolId, job.payload.letterId, publishAt, tx.clock.now()))) return;
    await tellTheClass(tx, schoolId, job.payload.letterId);
    await recordAudit(tx, { schoolId, action: 'class-letter.publish', subject: 'scheduled' });
  });
}

/**
 * What the reader may see of each letter beyond its row: staff the households' reads, a guardian
 * or a student their own read. A fixed number of set-based queries, however many letters: the
 * households' reads of the staff's letters, and the caller's own reads (only guardians and
 * students have any).
 */
async function viewsOf(ctx: Pick<Context, 'db'>, m: Membership, schoolId: string, rows: LetterRow[]) {
  const ids = rows.map((r) => r.id);
  const staffIds = new Set(rows.filter((r) => mayWriteClassLetters(m, r.class_id)).map((r) => r.id));
  const [reads, own] = await Promise.all([
    countHouseholdReads(ctx.db, schoolId, [...staffIds]),
    m.personId && (m.guardianOf.size > 0 || m.studentClassId)
      ? findOwnReads(ctx.db, schoolId, m.personId, ids)
      : Promise.resolve(new Map<string, Date>()),
  ]);
  return (r: LetterRow): LetterView => {
    const staff = staffIds.has(r.id);
    return {
      reads: staff ? (reads.get(r.id) ?? { households: 0, read: 0 }) : null,
      readAt: own.get(r.id) ?? null,
      mayEdit: staff && (r.status === 'draft' || r.status === 'scheduled'),
    };
  };
}

/** Letters in a list (a class's, the home's feed): the start of each one's words, no files. */
async function presentList(ctx: Pick<Context, 'db'>, m: Membership, schoolId: string, rows: LetterRow[]) {
  const view = await viewsOf(ctx, m, schoolId, rows);
  return rows.map((r) => presentClassLetterSummary(r, view(r)));
}

/** One whole letter as the reader sees it, with its text and its files. */
async function readFor(ctx: Context, m: Membership, schoolId: string, letterId: string): Promise<TClassLetter> {
  const row = await findLetter(ctx.db, schoolId, letterId);
  if (!row) throw new AppError('not_found');
  const [view, attachments] = await Promise.all([
    viewsOf(ctx, m, schoolId, [row]),
    attachmentsOfClassLetters(ctx.db, schoolId, [row.id]),
  ]);
  return presentClassLetter(row, { ...view(row), attachments: attachments.get(row.id) ?? [] });
}

/**
 * Whether the reader's opening marks the letter read: a custody holder of a child in the class
 * (for their household's count), or a student of the class (for their own "new" mark only; the
 * households' count never includes it).
 */
async function marksRead(db: Db, m: Membership, schoolId: string, classId: string): Promise<boolean> {
  if (!m.personId) return false;
  if (m.studentClassId === classId) return true;
  if (m.guardianOf.size === 0) return false;
  const holders = await findCustodyHoldersOfClass(db, schoolId, classId);
  return holders.some((h) => h.person_id === m.personId);
}

/**
 * One letter (the route's policy, `class-letter.read`): a custody holder's opening of a
 * published letter marks it read for their household, and a student's for themselves, in the
 * same unit of work as the answer.
 */
export async function readClassLetter(ctx: SignedInContext, schoolId: string, letterId: string): Promise<TClassLetter> {
  const m = await ctx.membership(schoolId);
  return inTransaction(ctx, async (tx) => {
    const row = await findLetter(tx.db, schoolId, letterId);
    if (!row) throw new AppError('not_found');
    if (row.status === 'published' && m.personId && (await marksRead(tx.db, m, schoolId, row.class_id))) {
      await insertLetterRead(tx.db, schoolId, letterId, m.personId, tx.clock.now());
    }
    return readFor(tx, m, schoolId, letterId);
  });
}

/** The principle's cadence and the school's calendar, for where classes stand. */
async function cadenceOf(db: Db, schoolId: string) {
  const [adopted, calendar] = await Promise.all([findAdoptedPrinciple(db, schoolId), loadSchoolCalendar(db, schoolId)]);
  return {
    cadenceFor: (grade: number) => (adopted ? classUpdateCadenceFor(adopted.principle, grade) : null),
    isSchoolDay: (date: string) => isWorkingDay(date, calendar),
  };
}

/** Where each class stands against the cadence today: its next due day and the periods missed in a row. */
async function standings(
  db: Db,
  schoolId: string,
  classes: Array<{ id: string; grade: number }>,
  now: Date,
): Promise<Map<string, { cadence: TClassLetterCadence | null; lastPublishedAt: Date | null }>> {
  const { cadenceFor, isSchoolDay } = await cadenceOf(db, schoolId);
  const today = localDate(now);
  // Half a year back is enough to see a run of missed months.
  const moments = await findLetterMoments(
    db,
    schoolId,
    classes.map((c) => c.id),
    new Date(now.getTime() - 200 * 86_400_000),
  );
  const result = new Map<string, { cadence: TClassLetterCadence | null; lastPublishedAt: Date | null }>();
  for (const c of classes) {
    const own = moments.filter((mo) => mo.class_id === c.id);
    const published = own.filter((mo) => mo.published).map((mo) => mo.at);
    const lastPublishedAt = published.length ? new Date(Math.max(...published.map((d) => d.getTime()))) : null;
    const cadence = cadenceFor(c.grade);
    result.set(c.id, {
      cadence: cadence
        ? nextLetter({
            today,
            cadence,
            letterOn: own.map((mo) => localDate(mo.at)).filter((d) => d <= shiftDate(today, 62)),
            isSchoolDay,
          })
        : null,
      lastPublishedAt,
    });
  }
  return result;
}

/**
 * A class's letters (the route's policy, `class.read-letters`): its staff and the leadership all
 * but the cancelled, with where the class stands against the cadence; the homes and the students
 * the published ones.
 */
export async function listClassLetters(
  ctx: SignedInContext,
  schoolId: string,
  classId: string,
): Promise<TClassLetterList> {
  const m = await ctx.membership(schoolId);
  const cls = await findClass(ctx.db, schoolId, classId);
  if (!cls) throw new AppError('not_found');
  const staff = mayWriteClassLetters(m, classId);
  const rows = await findLettersOfClass(ctx.db, schoolId, classId, { publishedOnly: !staff, limit: LETTERS_SHOWN });
  const standing = staff ? (await standings(ctx.db, schoolId, [cls], ctx.clock.now())).get(cls.id) : undefined;
  return {
    class: { id: cls.id, name: className(cls.grade, cls.letter), grade: cls.grade },
    cadence: standing?.cadence ?? null,
    letters: await presentList(ctx, m, schoolId, rows),
    mayWrite: staff,
  };
}

/**
 * The classes whose letters the caller keeps (the route's policy: staff): their own classes, and
 * for the leadership every class, each with its next due day and the periods missed in a row.
 */
export async function listLettersDue(ctx: SignedInContext, schoolId: string): Promise<TClassLettersDue> {
  const m = await ctx.membership(schoolId);
  const classes = await findClasses(ctx.db, schoolId, runsTheSchool(m) ? 'all' : [...m.classRoles.keys()]);
  const standing = await standings(ctx.db, schoolId, classes, ctx.clock.now());
  return {
    classes: classes.flatMap((c) => {
      const s = standing.get(c.id);
      if (!s?.cadence) return [];
      return [
        {
          class: { id: c.id, name: className(c.grade, c.letter), grade: c.grade },
          cadence: s.cadence,
          lastPublishedAt: s.lastPublishedAt?.toISOString() ?? null,
        },
      ];
    }),
  };
}

/**
 * The home's newest class letters (the route's policy: a member of the school): those of the
 * classes of the caller's children in custody, or of the student's own class.
 */
export async function classLetterFeed(ctx: SignedInContext, schoolId: string): Promise<TClassLetterFeed> {
  const m = await ctx.membership(schoolId);
  const custodyChildren = [...m.guardianOf.keys()].filter((id) => hasCustodyOf(m, id));
  const classIds = new Set<string>(m.studentClassId ? [m.studentClassId] : []);
  for (const classId of await findClassesOfStudents(ctx.db, schoolId, custodyChildren)) classIds.add(classId);
  const rows = await findPublishedLettersOfClasses(ctx.db, schoolId, [...classIds], FEED_SHOWN);
  return { letters: await presentList(ctx, m, schoolId, rows) };
}

/** Guardians with class letters for their digest in (since, until]: published to their children's classes, unread. */
export async function classLetterDigestRecipients(
  db: Db,
  schoolId: string,
  since: Date,
  until: Date,
): Promise<string[]> {
  return [...new Set((await findUnreadPublishedLetters(db, schoolId, since, until)).map((r) => r.person_id))];
}

/** One guardian's class letters for their digest: the class and title of each, and where to read it. */
export async function classLettersForDigest(
  db: Db,
  schoolId: string,
  personId: string,
  since: Date,
  until: Date,
): Promise<Array<{ letterId: string; title: string; className: string }>> {
  const rows = await findUnreadPublishedLetters(db, schoolId, since, until, personId);
  return rows.map((r) => ({ letterId: r.id, title: r.title, className: className(r.grade, r.letter) }));
}
