import type { SignedInContext } from '../context.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findAdoptedPrinciple } from '../principle/principle.service.js';
import type { Db } from '../db/database.js';
import { canReadClass, hasCustodyOf, maySeeSchoolDetails, seesOwnConversationsOf } from '../policies/rules.js';
import { findOwnConversations } from '../messaging/thread-read.repository.js';
import {
  className,
  type TClassDetail,
  type TClassList,
  type TSchoolOverview,
  type TStudentProfile,
} from '../../shared/api/directory.schema.js';
import type { TColleagueList } from '../../shared/api/messaging.schema.js';
import {
  countFamilyReach,
  countSchoolFigures,
  findCurrentPrincipleVersions,
  findSchool,
} from './directory.repository.js';
import { findClass, findClassesOfSchool, findClassStaff } from './class.repository.js';
import {
  findClassIdsOfStudents,
  findGuardiansOfStudents,
  findStudent,
  findStudentsOfClass,
} from './student.repository.js';
import { findStaff } from './staff.repository.js';
import {
  presentClassDetail,
  presentColleague,
  presentClassSummary,
  presentSchoolOverview,
  presentStudentProfile,
} from './directory.presenter.js';

/** The reply the school promises guardians in its adopted principle, if it has adopted one that promises one. */
export async function findReplyWithinWorkingDays(db: Db, schoolId: string): Promise<number | null> {
  const adopted = await findAdoptedPrinciple(db, schoolId);
  return adopted?.principle.communication.responseTime?.workingDays ?? null;
}

/**
 * One child's profile as the reader may see it (the route's policy, `student.read`, has decided
 * that they may). Every read is audit-logged.
 */
export async function readStudentProfile(
  ctx: SignedInContext,
  schoolId: string,
  studentId: string,
): Promise<TStudentProfile> {
  const m = await ctx.membership(schoolId);
  const student = await findStudent(ctx.db, schoolId, studentId);
  if (!student) throw new AppError('not_found');
  const [staff, guardians, adopted] = await Promise.all([
    findClassStaff(ctx.db, schoolId, [student.class_id]),
    findGuardiansOfStudents(ctx.db, schoolId, [student.id]),
    findAdoptedPrinciple(ctx.db, schoolId),
  ]);
  const studentMessages = adopted?.principle.communication.studentMessages ?? null;
  const own =
    studentMessages && seesOwnConversationsOf(m, student.id)
      ? { rule: studentMessages, threads: await findOwnConversations(ctx.db, schoolId, student.id) }
      : null;
  await recordAudit(ctx, { schoolId, action: 'student.read', studentId: student.id });
  const replyWithinWorkingDays = adopted?.principle.communication.responseTime?.workingDays ?? null;
  return presentStudentProfile(m, schoolId, student, staff, guardians, replyWithinWorkingDays, own);
}

/**
 * The classes the reader has to do with: staff their own classes, the leadership every class,
 * custody holders their children's, a student their own. Names and sizes only, so no audit row.
 */
export async function listClasses(ctx: SignedInContext, schoolId: string): Promise<TClassList> {
  const m = await ctx.membership(schoolId);
  const custodyChildren = [...m.guardianOf.keys()].filter((id) => hasCustodyOf(m, id));
  const [classes, childClasses] = await Promise.all([
    findClassesOfSchool(ctx.db, schoolId),
    findClassIdsOfStudents(ctx.db, schoolId, custodyChildren),
  ]);
  const guardianClassIds = new Set(childClasses.values());
  const childrenIn = (classId: string) =>
    [...childClasses].filter(([, childClassId]) => childClassId === classId).map(([studentId]) => studentId);
  return {
    classes: classes
      .filter((c) => canReadClass(m, c.id, guardianClassIds))
      .map((c) => presentClassSummary(c, m, childrenIn(c.id))),
  };
}

/**
 * A class's roster for its staff and the leadership (the route's policy, mayReadClassRoster). It logs one audit row per student rather
 * than one for the class: a guardian's view of who read their child's data is a search by
 * student, and a row naming only the class would not say which children were in it that day.
 */
export async function readClassRoster(ctx: SignedInContext, schoolId: string, classId: string): Promise<TClassDetail> {
  const klass = await findClass(ctx.db, schoolId, classId);
  if (!klass) throw new AppError('not_found');
  const [staff, students] = await Promise.all([
    findClassStaff(ctx.db, schoolId, [classId]),
    findStudentsOfClass(ctx.db, schoolId, classId),
  ]);
  const guardians = await findGuardiansOfStudents(
    ctx.db,
    schoolId,
    students.map((s) => s.id),
  );
  const subject = `class ${className(klass.grade, klass.letter)}`;
  await recordAudit(
    ctx,
    students.map((s) => ({ schoolId, action: 'class.students.read', studentId: s.id, subject })),
  );
  return presentClassDetail(klass, staff, students, guardians);
}

/**
 * The school in figures. The board supervises through aggregates only; the leadership also sees
 * the figures that point at classes and families.
 */
export async function readSchoolOverview(ctx: SignedInContext, schoolId: string): Promise<TSchoolOverview> {
  const m = await ctx.membership(schoolId);
  const db = ctx.db;
  const details = maySeeSchoolDetails(m);
  const [school, figures, versions, replyWithinWorkingDays, reach, classes] = await Promise.all([
    findSchool(db, schoolId),
    countSchoolFigures(db, schoolId),
    findCurrentPrincipleVersions(db, schoolId),
    findReplyWithinWorkingDays(db, schoolId),
    details ? countFamilyReach(db, schoolId) : null,
    details ? findClassesOfSchool(db, schoolId) : null,
  ]);
  if (!school) throw new AppError('not_found');
  return presentSchoolOverview(
    school,
    figures,
    versions,
    replyWithinWorkingDays,
    reach && classes ? { reach, classes } : null,
  );
}

/** The caller's colleagues at the school, to choose recipients from: names and roles only. */
export async function listColleagues(ctx: SignedInContext, schoolId: string): Promise<TColleagueList> {
  const m = await ctx.membership(schoolId);
  const staff = (await findStaff(ctx.db, schoolId)).filter((p) => p.id !== m.personId);
  return { staff: staff.map(presentColleague) };
}
