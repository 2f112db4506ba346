import { defineRoute } from '../http/route.js';
import { draftContracts } from '../../shared/api/draft.contract.js';
import { atSchool } from '../policies/policy.js';
import { isStaff, mayWriteMessages, mayWriteToClass } from '../policies/rules.js';
import { requireAccessTo } from '../policies/access.js';
import { ZDraftParams } from '../../shared/api/draft.schema.js';
import { discardDraft, getDraft, saveDraft } from './draft.service.js';

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
    ...draftContracts.get,
    summary:
      "The caller's own draft for a composer target (new-thread: a student id; reply: a thread id; class-message: a class id), or null.",
    tags: ['drafts'],
    policy,
    handler: (ctx, { params }) => getDraft(ctx, params),
  }),
  defineRoute({
    ...draftContracts.save,
    summary:
      "Saves the caller's draft (subject, body, own pending attachment ids) as they type; empty text and no attachments removes it. " +
      'The client removes the draft after a successful send.',
    tags: ['drafts'],
    // The composer saves as the writer types (debounced); the limit only stops a runaway client.
    rateLimit: { max: 600, timeWindow: '1 minute' },
    policy,
    handler: (ctx, { params, body }) => saveDraft(ctx, params, body),
  }),
  defineRoute({
    ...draftContracts.discard,
    summary: "Removes the caller's draft (discarded, or sent). Its pending uploads stay until removed or cleaned up.",
    tags: ['drafts'],
    policy,
    handler: (ctx, { params }) => discardDraft(ctx, params),
  }),
];
