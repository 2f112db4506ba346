import { defineRoute } from '../http/route.js';
import { atSchool as atSchoolOf, publicAccess, type GuardedPolicy } from '../policies/policy.js';
import { mayEditPrinciple, mayReadAdoptedPrinciple, mayReadPrincipleDrafts } from '../policies/rules.js';
import type { Membership } from '../policies/membership.js';
import { ZOk, ZSchoolParams } from '../../shared/api/common.schema.js';
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
} from '../../shared/api/principle.schema.js';
import {
  adoptDraft,
  createDraft,
  discardDraft,
  getAdoptedPrinciple,
  getDraft,
  getPublicPrinciple,
  listPresets,
  listPrincipleVersions,
  saveDraft,
} from './principle.service.js';

const tags = ['principle'];

/** A rule on the caller's membership of the school in the path. */
const atSchool = (rule: string, check: (m: Membership) => boolean): GuardedPolicy =>
  atSchoolOf(ZSchoolParams, rule, (m) => check(m));

export const principleRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/principle-presets',
    summary:
      "Presets derived from the seed schools' principles, and Vejle's five guideposts (seed 004). A preset is a template: `{school}` in its texts becomes the school's name when a school starts a draft from it.",
    tags,
    response: ZPrinciplePresetsResponse,
    policy: publicAccess(),
    async handler() {
      return listPresets();
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/schools/:schoolId/principle',
    summary: 'The principle the school board has adopted and the school works by.',
    tags,
    params: ZSchoolParams,
    response: ZAdoptedPrinciple,
    policy: atSchool('member of the school, not suspended', mayReadAdoptedPrinciple),
    async handler(ctx, { params }) {
      return getAdoptedPrinciple(ctx.db, params.schoolId);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/public/schools/:slug/principle',
    summary: "The adopted principle in plain language, for the school's website to link to. Never shows a draft.",
    tags,
    params: ZPublicPrincipleParams,
    query: ZPublicPrincipleQuery,
    response: ZPublicPrincipleResponse,
    policy: publicAccess(),
    async handler(ctx, { params, query }) {
      return getPublicPrinciple(ctx.db, params.slug, query.lang ?? ctx.locale);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/schools/:schoolId/principle/versions',
    summary: 'Every version of the principle, newest first: who adopted it, when, and who recorded it.',
    tags,
    params: ZSchoolParams,
    response: ZPrincipleVersionsResponse,
    policy: atSchool('leadership or school board', mayReadPrincipleDrafts),
    async handler(ctx, { params }) {
      return listPrincipleVersions(ctx.db, params.schoolId);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/schools/:schoolId/principle/draft',
    summary:
      'Starts the draft of a new version, from a preset, an earlier version, or the adopted one. A request without a body counts as `{}`.',
    tags,
    params: ZSchoolParams,
    body: ZCreateDraftBody,
    response: ZPrincipleDraft,
    status: 201,
    policy: atSchool('school leader', mayEditPrinciple),
    async handler(ctx, { params, body }) {
      return createDraft(ctx, params.schoolId, body);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/schools/:schoolId/principle/draft',
    summary: 'The draft of the next version of the principle.',
    tags,
    params: ZSchoolParams,
    response: ZPrincipleDraft,
    policy: atSchool('leadership or school board', mayReadPrincipleDrafts),
    async handler(ctx, { params }) {
      return getDraft(ctx.db, params.schoolId);
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/schools/:schoolId/principle/draft',
    summary: 'Saves the whole draft; it is validated in full, so a saved draft can always be adopted.',
    tags,
    params: ZSchoolParams,
    body: ZSaveDraftBody,
    response: ZPrincipleDraft,
    policy: atSchool('school leader', mayEditPrinciple),
    async handler(ctx, { params, body }) {
      return saveDraft(ctx, params.schoolId, body.principle);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/schools/:schoolId/principle/draft/adopt',
    summary:
      "Records the school board's adoption of the draft: it becomes the adopted version and the previous one is superseded.",
    tags,
    params: ZSchoolParams,
    body: ZAdoptDraftBody,
    response: ZAdoptedPrinciple,
    policy: atSchool('school leader', mayEditPrinciple),
    async handler(ctx, { params, body }) {
      const membership = await ctx.membership(params.schoolId);
      return adoptDraft(ctx, params.schoolId, { ...body, recordedBy: membership.personId });
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/schools/:schoolId/principle/draft',
    summary: 'Discards the draft.',
    tags,
    params: ZSchoolParams,
    response: ZOk,
    policy: atSchool('school leader', mayEditPrinciple),
    async handler(ctx, { params }) {
      await discardDraft(ctx.db, params.schoolId);
      return { ok: true as const };
    },
  }),
];
