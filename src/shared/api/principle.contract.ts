import { defineContract } from './contract.js';
import { ZOk, ZSchoolParams } from './common.schema.js';
import {
  ZAdoptDraftBody,
  ZAdoptedPrinciple,
  ZCreateDraftBody,
  ZPrincipleDraft,
  ZPrinciplePresetsResponse,
  ZPrincipleVersionsResponse,
  ZPublicPrincipleParams,
  ZPublicPrincipleQuery,
  ZPublicPrincipleResponse,
  ZSaveDraftBody,
} from './principle.schema.js';

/** The principle routes (principle.routes.ts): method, path and schemas, shared by the server and the client. */
export const principleContracts = {
  presets: defineContract({
    method: 'GET',
    url: '/api/principle-presets',
    response: ZPrinciplePresetsResponse,
  }),
  adopted: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/principle',
    params: ZSchoolParams,
    response: ZAdoptedPrinciple,
  }),
  public: defineContract({
    method: 'GET',
    url: '/api/public/schools/:slug/principle',
    params: ZPublicPrincipleParams,
    query: ZPublicPrincipleQuery,
    response: ZPublicPrincipleResponse,
  }),
  versions: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/principle/versions',
    params: ZSchoolParams,
    response: ZPrincipleVersionsResponse,
  }),
  createDraft: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/principle/draft',
    params: ZSchoolParams,
    body: ZCreateDraftBody,
    response: ZPrincipleDraft,
    status: 201,
  }),
  draft: defineContract({
    method: 'GET',
    url: '/api/schools/:schoolId/principle/draft',
    params: ZSchoolParams,
    response: ZPrincipleDraft,
  }),
  saveDraft: defineContract({
    method: 'PUT',
    url: '/api/schools/:schoolId/principle/draft',
    params: ZSchoolParams,
    body: ZSaveDraftBody,
    response: ZPrincipleDraft,
  }),
  adoptDraft: defineContract({
    method: 'POST',
    url: '/api/schools/:schoolId/principle/draft/adopt',
    params: ZSchoolParams,
    body: ZAdoptDraftBody,
    response: ZAdoptedPrinciple,
  }),
  deleteDraft: defineContract({
    method: 'DELETE',
    url: '/api/schools/:schoolId/principle/draft',
    params: ZSchoolParams,
    response: ZOk,
  }),
};
