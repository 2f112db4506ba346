import { defineRoute } from '../http/route.js';
import { atSchool } from '../policies/policy.js';
import { isStaff, mayWriteMessages, mayWriteToClass } from '../policies/rules.js';
import { requireAccessTo } from '../policies/access.js';
import { ZOk } from '../../shared/api/common.schema.js';
import { ZDraftParams, ZDraftResult, ZSaveDraft } from '../../shared/api/draft.schema.js';
import { discardDraft, getDraft, saveDraft } from './draft.service.js';

const url = '/api/schools/:schoolId/drafts/:targetKind/:targetId';

/**
 * A writer's own draft (keyed by their person, so nobody can name another's) for a target they
 * may write to: a child (a new thread), a thread (a reply), a class, or the school (messages to
 * colleagues or to parents). A target they may not write to answers as missing.
 */
const policy = atSchool(
  ZDraftParams,
  'a writer of messages at the school, for a target they may write to',
  async (m, { schoolId, targetKind, targetId }, ctx) => {
    if (!mayWriteMessages(m)) return false;
    switch (targetKind) {
      case 'new-thread':
        await requireAccessTo(ctx, 'student.draft', [targetId], schoolId);
        return true;
      case 'reply':
        await requireAccessTo(ctx, 'thread.reply', [targetId], schoolId);
        return true;
      case 'class-message':
        return mayWriteToClass(m, targetId);
      case 'staff-thread':
      case 'parents-message':
        return targetId === schoolId && isStaff(m);
    }
  },
);

export const draftRoutes = [
  defineRoute({
    method: 'GET',
    url,
    summary:
      "The caller's own draft for a composer target (new-thread: a student id; reply: a thread id; class-message: a class id), or null.",
    tags: ['drafts'],
    params: ZDraftParams,
    response: ZDraftResult,
    policy,
    handler: (ctx, { params }) => getDraft(ctx, params),
  }),
  defineRoute({
    method: 'PUT',
    url,
    summary:
      "Saves the caller's draft (subject, body, own pending attachment ids) as they type; empty text and no attachments removes it. " +
      'The client removes the draft after a successful send.',
    tags: ['drafts'],
    params: ZDraftParams,
    body: ZSaveDraft,
    response: ZDraftResult,
    // The composer saves as the writer types (debounced); the limit only stops a runaway client.
    rateLimit: { max: 600, timeWindow: '1 minute' },
    policy,
    handler: (ctx, { params, body }) => saveDraft(ctx, params, body),
  }),
  defineRoute({
    method: 'DELETE',
    url,
    summary: "Removes the caller's draft (discarded, or sent). Its pending uploads stay until removed or cleaned up.",
    tags: ['drafts'],
    params: ZDraftParams,
    response: ZOk,
    policy,
    handler: (ctx, { params }) => discardDraft(ctx, params),
  }),
];
