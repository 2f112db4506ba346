import { defineRoute } from '../http/route.js';
import { atSchool } from '../directory/school-policy.js';
import { mayWriteMessages } from '../policies/rules.js';
import { ZOk } from '../../shared/api/common.schema.js';
import { ZDraftParams, ZDraftResult, ZSaveDraft } from '../../shared/api/draft.schema.js';
import { discardDraft, getDraft, saveDraft } from './draft.service.js';

const url = '/api/schools/:schoolId/drafts/:targetKind/:targetId';
const policy = atSchool(
  ZDraftParams,
  'guardian (not suspended) or staff of the school; each reaches only their own drafts',
  (m) => mayWriteMessages(m),
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
