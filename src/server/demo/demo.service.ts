import type { Db } from '../db/database.js';
import { hashPassword } from '../auth/password.js';
import { adoptPreset } from '../principle/principle.service.js';
import { importDirectoryRows } from '../directory-import/directory-import.service.js';
import type { TImportResult } from '../../shared/api/import.schema.js';
import { buildDemoDirectory, DEMO_ACCOUNTS, DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, DEMO_SCHOOL, DEMO_SEED, type DemoDirectory } from './demo-directory.js';
import {
  countSchools,
  deleteSchoolAndItsRows,
  deleteUnattachedUsersOfDomain,
  findPersonIdByExternalId,
  findChildrenWithContactTeacher,
  findInformationRightParents,
  findSchoolBySlug,
  hasInformationRequests,
  hasPrincipleVersion,
  insertAuditEntries,
  insertInformationRequest,
  insertSchool,
  setPasswordHash,
} from './demo.repository.js';

/** The principle the demo school's board has adopted: Balleskolen's (seed 002). */
export const DEMO_PRESET_ID = 'seed-002';
/** The leader's id in the demo directory; they record the board's adoption. */
const DEMO_LEADER_ID = 'm001';

export interface DemoOutcome {
  schoolId: string;
  /** False when the demo school was already there and was left as it was. */
  created: boolean;
  accounts: DemoDirectory['accounts'];
  import: TImportResult | null;
}

/** The Danish school year starts in August: in November 2026 it is the school year 2026/27. */
export const schoolYearOf = (now: Date) => (now.getUTCMonth() >= 7 ? now.getUTCFullYear() : now.getUTCFullYear() - 1);

// argon2 is slow on purpose; every demo account shares one hash, made once per process.
let demoPasswordHash: Promise<string> | undefined;
const passwordHash = () => (demoPasswordHash ??= hashPassword(DEMO_PASSWORD));

/**
 * Puts the demo directory into a school through the CSV import's own use case (so the demo also
 * exercises the import), then sets what a CSV file does not carry: the demo accounts' password
 * and the board's adopted principle. Running it again changes nothing.
 */
export async function applyDemoDirectory(db: Db, schoolId: string, options: { now: Date; seed?: number }): Promise<TImportResult> {
  const schoolYear = schoolYearOf(options.now);
  const directory = buildDemoDirectory({ seed: options.seed ?? DEMO_SEED, schoolYear });
  const result = await importDirectoryRows(
    db,
    { headers: directory.headers, rows: directory.rows, encoding: 'utf-8', delimiter: ',' },
    { schoolId, fileName: 'demo-skole.csv', dryRun: false, byName: 'Demo-generatoren', now: options.now, locale: 'da' },
  );
  await setPasswordHash(db, Object.values(DEMO_ACCOUNTS), await passwordHash());
  if (!(await hasPrincipleVersion(db, schoolId))) {
    await adoptPreset(db, {
      schoolId,
      presetId: DEMO_PRESET_ID,
      adoptedOn: `${schoolYear}-03-12`,
      adoptedBy: `Skolebestyrelsen, møde 12. marts ${schoolYear}`,
      recordedBy: (await findPersonIdByExternalId(db, schoolId, DEMO_LEADER_ID)) ?? null,
      now: options.now,
    });
  }
  if (!(await hasInformationRequests(db, schoolId))) await addDemoActivity(db, schoolId, options.now);
  return result;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A little of the daily work, so a fresh demo shows the features in use: parents with a right to
 * information only (§ 23) have asked — one answered, one waiting for the contact teacher — and the
 * demo guardian's children's audit log shows their contact teachers' reads.
 */
async function addDemoActivity(db: Db, schoolId: string, now: Date): Promise<void> {
  const [answered, waiting] = await findInformationRightParents(db, schoolId, 2);
  const audit: Parameters<typeof insertAuditEntries>[1] = [];
  if (answered?.teacherId) {
    const at = new Date(now.getTime() - 6 * DAY_MS);
    const teacherName = `${answered.teacherGiven} ${answered.teacherFamily}`;
    await insertInformationRequest(db, {
      schoolId,
      studentId: answered.studentId,
      personId: answered.personId,
      message: `Hvordan går det med ${answered.studentName} fagligt og socialt? Jeg vil gerne have en kort status før jul.`,
      createdAt: new Date(now.getTime() - 8 * DAY_MS),
      answer: { response: `${answered.studentName} trives i klassen, arbejder godt i dansk og matematik og er en aktiv del af fællesskabet i frikvartererne. Kontakt mig gerne, hvis du vil høre mere.`, at, by: answered.teacherId },
    });
    audit.push({ schoolId, at, actorUserId: answered.teacherUserId, actorName: teacherName, actorRole: 'contact_teacher', action: 'information-request.answer', studentId: answered.studentId, subject: 'information request' });
  }
  if (waiting) {
    await insertInformationRequest(db, {
      schoolId,
      studentId: waiting.studentId,
      personId: waiting.personId,
      message: `Må jeg få en orientering om ${waiting.studentName}s fravær og trivsel i dette skoleår?`,
      createdAt: new Date(now.getTime() - 1 * DAY_MS),
    });
  }
  for (const [i, child] of (await findChildrenWithContactTeacher(db, schoolId, DEMO_ACCOUNTS.guardian)).entries()) {
    audit.push({ schoolId, at: new Date(now.getTime() - (i + 2) * DAY_MS), actorUserId: child.teacherUserId, actorName: `${child.teacherGiven} ${child.teacherFamily}`, actorRole: 'contact_teacher', action: 'student.read', studentId: child.studentId, subject: 'profile' });
  }
  await insertAuditEntries(db, audit);
}

/**
 * Creates "Demo Skole" unless it exists. With `reset` an existing demo school is deleted first,
 * with every row of it and the demo's own logins, and built again from the seed.
 */
export async function ensureDemoSchool(db: Db, options: { now: Date; reset?: boolean; seed?: number }): Promise<DemoOutcome> {
  const accounts = buildDemoDirectory({ seed: options.seed ?? DEMO_SEED, schoolYear: schoolYearOf(options.now) }).accounts;
  const existing = await findSchoolBySlug(db, DEMO_SCHOOL.slug);
  if (existing && !options.reset) return { schoolId: existing.id, created: false, accounts, import: null };
  if (existing) {
    await deleteSchoolAndItsRows(db, existing.id);
    await deleteUnattachedUsersOfDomain(db, DEMO_EMAIL_DOMAIN);
  }
  const schoolId = await insertSchool(db, DEMO_SCHOOL);
  try {
    const result = await applyDemoDirectory(db, schoolId, options);
    return { schoolId, created: true, accounts, import: result };
  } catch (error) {
    // A half-built demo school would be taken for a finished one next time.
    await deleteSchoolAndItsRows(db, schoolId);
    throw error;
  }
}

/** A database without any school gets the demo school, so a fresh install has something to show. */
export async function ensureDemoSchoolIfEmpty(db: Db, now: Date): Promise<DemoOutcome | null> {
  return (await countSchools(db)) === 0 ? ensureDemoSchool(db, { now }) : null;
}
