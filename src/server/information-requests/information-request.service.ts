import { inTransaction, type SignedInContext } from '../context.js';
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
  ctx: SignedInContext,
  schoolId: string,
  studentId: string,
  message: string,
): Promise<TOwnInformationRequest> {
  const m = await ctx.membership(schoolId);
  if (!m.personId) throw new AppError('forbidden');
  const personId = m.personId;
  const id = await inTransaction(ctx, async (tx) => {
    const created = await insertInformationRequest(tx.db, {
      schoolId,
      studentId,
      personId,
      message,
      createdAt: tx.clock.now(),
    });
    await recordAudit(tx, { schoolId, action: 'information-request.create', studentId });
    return created;
  });
  const created = await findInformationRequest(ctx.db, schoolId, id);
  if (!created) throw new AppError('not_found');
  return presentOwnInformationRequest(created);
}

/**
 * The requests a handler answers: a contact teacher those about the children of their classes,
 * the leadership all. Reading them shows the child's name and the parent's question, so each
 * child listed gets an audit row.
 */
export async function listInformationRequests(
  ctx: SignedInContext,
  schoolId: string,
  status?: TInformationRequestStatus,
): Promise<TInformationRequestList> {
  const m = await ctx.membership(schoolId);
  const classIds = runsTheSchool(m)
    ? 'all'
    : [...m.classRoles].filter(([classId]) => mayHandleInformationRequestOf(m, classId)).map(([classId]) => classId);
  const rows = await findInformationRequests(ctx.db, schoolId, { classIds, status });
  await recordAudit(
    ctx,
    [...new Set(rows.map((r) => r.student_id))].map((studentId) => ({
      schoolId,
      action: 'information-request.list',
      studentId,
    })),
  );
  return { requests: rows.map(presentInformationRequest) };
}

/**
 * The child's contact teacher or the leadership answers or declines (the route's policy,
 * `information-request.answer`). Answering discloses the child's information to a parent without
 * custody, so it is audit-logged as a disclosure, in the same unit of work.
 */
export async function answerInformationRequest(
  ctx: SignedInContext,
  schoolId: string,
  requestId: string,
  answer: TAnswerInformationRequest,
): Promise<TInformationRequest> {
  const m = await ctx.membership(schoolId);
  const request = await findInformationRequest(ctx.db, schoolId, requestId);
  if (!request) throw new AppError('not_found');
  if (request.status !== 'open') throw new AppError('information_request_handled');
  await inTransaction(ctx, async (tx) => {
    const handled = await markInformationRequestHandled(tx.db, schoolId, requestId, {
      status: answer.status,
      response: answer.response,
      handledAt: tx.clock.now(),
      handledBy: m.personId,
    });
    if (!handled) throw new AppError('information_request_handled');
    await recordAudit(tx, {
      schoolId,
      action: 'information-request.answer',
      studentId: request.student_id,
      subject: answer.status,
    });
  });
  const updated = await findInformationRequest(ctx.db, schoolId, requestId);
  if (!updated) throw new AppError('not_found');
  return presentInformationRequest(updated);
}

/**
 * The parent's own requests and their answers, for the children they still hold the right to
 * information about: if the right is revoked or suspended, the answers go with it.
 */
export async function listOwnInformationRequests(
  ctx: SignedInContext,
  schoolId: string,
): Promise<TOwnInformationRequestList> {
  const m = await ctx.membership(schoolId);
  if (!m.personId) return { requests: [] };
  const children = [...m.guardianOf.keys()].filter((studentId) => hasInformationRightOf(m, studentId));
  const rows = await findInformationRequestsOfPerson(ctx.db, schoolId, m.personId, children);
  return { requests: rows.map(presentOwnInformationRequest) };
}
