import type { RequestContext } from '../http/route.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findAdoptedPrinciple } from '../principle/principle.service.js';
import type { Db } from '../db/database.js';
import {
  canReadClass,
  canReadStudent,
  hasCustodyOf,
  hasInformationRightOf,
  maySeeSchoolDetails,
} from '../policies/rules.js';
import {
  className,
  type TClassDetail,
  type TClassList,
  type TSchoolOverview,
  type TStudentProfile,
} from '../../shared/api/directory.schema.js';
import {
  countFamilyReach,
  countSchoolFigures,
  findClass,
  findClassesOfSchool,
  findClassIdsOfStudents,
  findClassStaff,
  findCurrentPrincipleVersions,
  findGuardiansOfStudents,
  findSchool,
  findStudent,
  findStudentsOfClass,
} from './directory.repository.js';
import {
  presentClassDetail,
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
 * One child's profile as the reader may see it. A parent with the right to information only is
 * told to ask instead (§ 23) and a suspended guardian that access is suspended; anyone else
 * without access gets "not found", so an id reveals nothing. Every successful read is audit-logged.
 */
export async function readStudentProfile(
  ctx: RequestContext,
  schoolId: string,
  studentId: string,
): Promise<TStudentProfile> {
  const m = await ctx.membership(schoolId);
  const student = await findStudent(ctx.deps.db, schoolId, studentId);
  if (!student) throw new AppError('not_found');
  if (!canReadStudent(m, { id: student.id, classId: student.class_id })) {
    if (hasInformationRightOf(m, student.id)) throw new AppError('information_right_only');
    if (m.suspended) throw new AppError('guardian_suspended');
    throw new AppError('not_found');
  }
  const [staff, guardians, replyWithinWorkingDays] = await Promise.all([
    findClassStaff(ctx.deps.db, schoolId, [student.class_id]),
    findGuardiansOfStudents(ctx.deps.db, schoolId, [student.id]),
    findReplyWithinWorkingDays(ctx.deps.db, schoolId),
  ]);
  await recordAudit(ctx, { schoolId, action: 'student.read', studentId: student.id, subject: 'profile' });
  return presentStudentProfile(m, schoolId, student, staff, guardians, replyWithinWorkingDays);
}

/**
 * The classes the reader has to do with: staff their own classes, the leadership every class,
 * custody holders their children's, a student their own. Names and sizes only, so no audit row.
 */
export async function listClasses(ctx: RequestContext, schoolId: string): Promise<TClassList> {
  const m = await ctx.membership(schoolId);
  const custodyChildren = [...m.guardianOf.keys()].filter((id) => hasCustodyOf(m, id));
  const [classes, childClasses] = await Promise.all([
    findClassesOfSchool(ctx.deps.db, schoolId),
    findClassIdsOfStudents(ctx.deps.db, schoolId, custodyChildren),
  ]);
  const guardianClassIds = new Set(childClasses.map((c) => c.class_id));
  return {
    classes: classes
      .filter((c) => canReadClass(m, c.id, guardianClassIds))
      .map((c) =>
        presentClassSummary(
          c,
          m,
          childClasses.filter((child) => child.class_id === c.id).map((child) => child.id),
        ),
      ),
  };
}

/**
 * A class's roster for its staff and the leadership (the route's policy, mayReadClassRoster). It logs one audit row per student rather
 * than one for the class: a guardian's view of who read their child's data is a search by
 * student, and a row naming only the class would not say which children were in it that day.
 */
export async function readClassRoster(ctx: RequestContext, schoolId: string, classId: string): Promise<TClassDetail> {
  const klass = await findClass(ctx.deps.db, schoolId, classId);
  if (!klass) throw new AppError('not_found');
  const [staff, students] = await Promise.all([
    findClassStaff(ctx.deps.db, schoolId, [classId]),
    findStudentsOfClass(ctx.deps.db, schoolId, classId),
  ]);
  const guardians = await findGuardiansOfStudents(
    ctx.deps.db,
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
export async function readSchoolOverview(ctx: RequestContext, schoolId: string): Promise<TSchoolOverview> {
  const m = await ctx.membership(schoolId);
  const db = ctx.deps.db;
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
