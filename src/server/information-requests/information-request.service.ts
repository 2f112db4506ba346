import type { RequestContext } from '../http/route.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { hasInformationRightOf, mayHandleInformationRequestOf, runsTheSchool } from '../policies/rules.js';
import type {
  TAnswerInformationRequest,
  TInformationRequest,
  TInformationRequestList,
  TInformationRequestStatus,
  TOwnInformationRequest,
  TOwnInformationRequestList,
} from '../../shared/api/information-request.schema.js';
import {
  findInformationRequest,
  findInformationRequests,
  findInformationRequestsOfPerson,
  insertInformationRequest,
  markInformationRequestHandled,
} from './information-request.repository.js';
import { presentInformationRequest, presentOwnInformationRequest } from './information-request.presenter.js';

/**
 * A parent with the right to information asks the school about their child (forældreansvarsloven
 * § 23). The route's policy has checked the right; the request is logged as it is made.
 */
export async function createInformationRequest(
  ctx: RequestContext,
  schoolId: string,
  studentId: string,
  message: string,
): Promise<TOwnInformationRequest> {
  const m = await ctx.membership(schoolId);
  if (!m.personId || !hasInformationRightOf(m, studentId)) throw new AppError('forbidden');
  const id = await insertInformationRequest(ctx.deps.db, {
    schoolId,
    studentId,
    personId: m.personId,
    message,
    createdAt: ctx.deps.clock.now(),
  });
  await recordAudit(ctx, { schoolId, action: 'information-request.create', studentId, subject: 'request' });
  const created = await findInformationRequest(ctx.deps.db, schoolId, id);
  if (!created) throw new AppError('not_found');
  return presentOwnInformationRequest(created);
}

/**
 * The requests a handler answers: a contact teacher those about the children of their classes,
 * the leadership all. Reading them shows the child's name and the parent's question, so each
 * child listed gets an audit row.
 */
export async function listInformationRequests(
  ctx: RequestContext,
  schoolId: string,
  status?: TInformationRequestStatus,
): Promise<TInformationRequestList> {
  const m = await ctx.membership(schoolId);
  const classIds = runsTheSchool(m)
    ? 'all'
    : [...m.classRoles].filter(([classId]) => mayHandleInformationRequestOf(m, classId)).map(([classId]) => classId);
  const rows = await findInformationRequests(ctx.deps.db, schoolId, { classIds, status });
  await recordAudit(
    ctx,
    [...new Set(rows.map((r) => r.student_id))].map((studentId) => ({
      schoolId,
      action: 'information-request.list',
      studentId,
      subject: 'requests',
    })),
  );
  return { requests: rows.map(presentInformationRequest) };
}

/**
 * The child's contact teacher or the leadership answers or declines. Answering discloses the
 * child's information to a parent without custody, so it is audit-logged as a disclosure.
 */
export async function answerInformationRequest(
  ctx: RequestContext,
  schoolId: string,
  requestId: string,
  answer: TAnswerInformationRequest,
): Promise<TInformationRequest> {
  const m = await ctx.membership(schoolId);
  const request = await findInformationRequest(ctx.deps.db, schoolId, requestId);
  if (!request || !mayHandleInformationRequestOf(m, request.class_id)) throw new AppError('not_found');
  if (request.status !== 'open') throw new AppError('information_request_handled');
  const handled = await markInformationRequestHandled(ctx.deps.db, schoolId, requestId, {
    status: answer.status,
    response: answer.response,
    handledAt: ctx.deps.clock.now(),
    handledBy: m.personId,
  });
  if (!handled) throw new AppError('information_request_handled');
  await recordAudit(ctx, {
    schoolId,
    action: 'information-request.answer',
    studentId: request.student_id,
    subject: answer.status,
  });
  const updated = await findInformationRequest(ctx.deps.db, schoolId, requestId);
  if (!updated) throw new AppError('not_found');
  return presentInformationRequest(updated);
}

/**
 * The parent's own requests and their answers, for the children they still hold the right to
 * information about: if the right is revoked or suspended, the answers go with it.
 */
export async function listOwnInformationRequests(
  ctx: RequestContext,
  schoolId: string,
): Promise<TOwnInformationRequestList> {
  const m = await ctx.membership(schoolId);
  if (!m.personId) return { requests: [] };
  const children = [...m.guardianOf.keys()].filter((studentId) => hasInformationRightOf(m, studentId));
  const rows = await findInformationRequestsOfPerson(ctx.deps.db, schoolId, m.personId, children);
  return { requests: rows.map(presentOwnInformationRequest) };
}
