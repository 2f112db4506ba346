import type { SignedInContext } from '../context.js';
import { findAdoptedPrinciple } from '../principle/principle.service.js';
import { isMemberOfSchool, isStaff, mayReadClassRoster, worksWithStudent } from '../policies/rules.js';
import { findClassAtUserSchools } from '../directory/class.repository.js';
import { findStudentAtUserSchools, someReaderNeedsPlainLanguage } from '../directory/student.repository.js';
import { adviseOnMessage, type SensitiveTopic } from '../../domain/writing-advice/index.js';
import type { TSensitiveTopic, TWritingAdvice, TWritingAdviceRequest } from '../../shared/api/messaging.schema.js';

// The API's list of topics is the domain's list; the compiler holds them together.
export const SAME_TOPICS: [SensitiveTopic, TSensitiveTopic] extends [TSensitiveTopic, SensitiveTopic] ? true : never =
  true;

/**
 * Advice on a draft (LIX, sensitive topics, shouting) for the composer. The route's policy has
 * left in only a student, class and school the writer may write about (an other is dropped, as
 * if not given). Staff are told to write easier for readers who need plain language, which is
 * looked up only for the class's staff and the leadership, who see families' language needs
 * anyway. A school whose adopted principle does not ask for sensitive matters to be taken in
 * person gets no advice to call or meet.
 */
export async function adviseOnDraft(ctx: SignedInContext, input: TWritingAdviceRequest): Promise<TWritingAdvice> {
  const { userId } = ctx.actor;
  const student = input.studentId
    ? await findStudentAtUserSchools(ctx.db, userId, input.studentId, input.schoolId)
    : undefined;
  const klass = input.classId
    ? await findClassAtUserSchools(ctx.db, userId, input.classId, input.schoolId ?? student?.schoolId)
    : undefined;
  const schoolId = input.schoolId ?? student?.schoolId ?? klass?.schoolId;
  const m = schoolId ? await ctx.membership(schoolId) : null;
  const member = m !== null && schoolId !== undefined && isMemberOfSchool(m);

  let readerNeedsPlainLanguage = false;
  if (member && student && input.studentId && worksWithStudent(m, student)) {
    readerNeedsPlainLanguage = await someReaderNeedsPlainLanguage(ctx.db, schoolId, { studentId: input.studentId });
  } else if (member && klass && input.classId && mayReadClassRoster(m, input.classId)) {
    readerNeedsPlainLanguage = await someReaderNeedsPlainLanguage(ctx.db, schoolId, { classId: input.classId });
  }

  const advice = adviseOnMessage({
    text: input.text,
    subject: input.subject,
    sender: member && isStaff(m) ? 'staff' : 'guardian',
    readerNeedsPlainLanguage,
  });
  const principle = member ? await findAdoptedPrinciple(ctx.db, schoolId) : null;
  const inPersonNotAsked = principle?.principle.communication.sensitiveMattersInPerson === false;
  return {
    ...advice,
    hints: advice.hints.filter((hint) => !(inPersonNotAsked && hint.code === 'consider_call_or_meeting')),
  };
}
