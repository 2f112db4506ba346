import type { RequestContext } from '../http/route.js';
import { AppError } from '../errors.js';
import { findAdoptedPrinciple } from '../principle/principle.service.js';
import { isMemberOfSchool, isStaff, mayReadClassRoster, worksWithStudent } from '../policies/rules.js';
import { adviseOnMessage, type SensitiveTopic } from '../../domain/writing-advice/index.js';
import type { TSensitiveTopic, TWritingAdvice, TWritingAdviceRequest } from '../../shared/api/messaging.schema.js';
import {
  findClassAmongUserSchools,
  findStudentAmongUserSchools,
  someReaderNeedsPlainLanguage,
} from './messaging.repository.js';

// The API's list of topics is the domain's list; the compiler holds them together.
const sameTopics: [SensitiveTopic, TSensitiveTopic] extends [TSensitiveTopic, SensitiveTopic] ? true : never = true;
void sameTopics;

/**
 * Advice on a draft (LIX, sensitive topics, shouting) for the composer. Staff are told to write
 * easier for readers who need plain language; whether they do is looked up only for the class's
 * staff and the leadership, who see families' language needs anyway, and a student or class the
 * writer may not see is ignored without a sign. A school whose adopted principle does not ask for
 * sensitive matters to be taken in person gets no advice to call or meet.
 */
export async function adviseOnDraft(ctx: RequestContext, input: TWritingAdviceRequest): Promise<TWritingAdvice> {
  if (!ctx.actor) throw new AppError('not_signed_in');
  const { db } = ctx.deps;
  const student = input.studentId
    ? await findStudentAmongUserSchools(db, ctx.actor.userId, input.studentId, input.schoolId)
    : undefined;
  const klass = input.classId
    ? await findClassAmongUserSchools(db, ctx.actor.userId, input.classId, input.schoolId ?? student?.schoolId)
    : undefined;
  const schoolId = input.schoolId ?? student?.schoolId ?? klass?.schoolId;
  const m = schoolId ? await ctx.membership(schoolId) : null;
  const member = m !== null && schoolId !== undefined && isMemberOfSchool(m);

  let readerNeedsPlainLanguage = false;
  if (member && student && worksWithStudent(m, student)) {
    readerNeedsPlainLanguage = await someReaderNeedsPlainLanguage(db, schoolId, { studentId: input.studentId! });
  } else if (member && klass && input.classId && mayReadClassRoster(m, input.classId)) {
    readerNeedsPlainLanguage = await someReaderNeedsPlainLanguage(db, schoolId, { classId: input.classId });
  }

  const advice = adviseOnMessage({
    text: input.text,
    subject: input.subject,
    sender: member && isStaff(m) ? 'staff' : 'guardian',
    readerNeedsPlainLanguage,
  });
  const principle = member ? await findAdoptedPrinciple(db, schoolId) : null;
  const inPersonNotAsked = principle?.principle.communication.sensitiveMattersInPerson === false;
  return {
    ...advice,
    hints: advice.hints.filter((hint) => !(inPersonNotAsked && hint.code === 'consider_call_or_meeting')),
  };
}
