import { defineContract } from './contract.js';
import { ZOk } from './common.schema.js';
import { ZDraftParams, ZDraftResult, ZSaveDraft } from './draft.schema.js';

/** The draft routes (draft.routes.ts): method, path and schemas, shared by the server and the client. */
export const draftContracts = {
  get: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/drafts/:targetKind/:targetId',
    params: ZDraftParams,
    response: ZDraftResult,
  }),
  save: defineContract({
    method: 'PUT',
    url: '/api/schools/:schoolId/drafts/:targetKind/:targetId',
    params: ZDraftParams,
    body: ZSaveDraft,
    response: ZDraftResult,
  }),
  discard: defineContract({
    method: 'DELETE',
    url: '/api/schools/:schoolId/drafts/:targetKind/:targetId',
    params: ZDraftParams,
    response: ZOk,
  }),
};
