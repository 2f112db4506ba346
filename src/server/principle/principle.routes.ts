import { defineRoute } from '../http/route.js';
import { principleContracts } from '../../shared/api/principle.contract.js';
import { atSchool as atSchoolOf, publicAccess, type GuardedPolicy } from '../policies/policy.js';
import { mayEditPrinciple, mayReadAdoptedPrinciple, mayReadPrincipleDrafts } from '../policies/rules.js';
import type { Membership } from '../policies/membership.js';
import { ZSchoolParams } from '../../shared/api/common.schema.js';
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
    ...principleContracts.presets,
    summary:
      "Presets derived from the seed schools' principles, and Vejle's five guideposts (seed 004). A preset is a template: `{school}` in its texts becomes the school's name when a school starts a draft from it.",
    tags,
    policy: publicAccess(),
    async handler() {
      return listPresets();
    },
  }),
  defineRoute({
    ...principleContracts.adopted,
    summary: 'The principle the school board has adopted and the school works by.',
    tags,
    policy: atSchool('member of the school, not suspended', mayReadAdoptedPrinciple),
    async handler(ctx, { params }) {
      return getAdoptedPrinciple(ctx.db, params.schoolId);
    },
  }),
  defineRoute({
    ...principleContracts.public,
    summary: "The adopted principle in plain language, for the school's website to link to. Never shows a draft.",
    tags,
    policy: publicAccess(),
    async handler(ctx, { params, query }) {
      return getPublicPrinciple(ctx.db, params.slug, query.lang ?? ctx.locale);
    },
  }),
  defineRoute({
    ...principleContracts.versions,
    summary: 'Every version of the principle, newest first: who adopted it, when, and who recorded it.',
    tags,
    policy: atSchool('leadership or school board', mayReadPrincipleDrafts),
    async handler(ctx, { params }) {
      return listPrincipleVersions(ctx.db, params.schoolId);
    },
  }),
  defineRoute({
    ...principleContracts.createDraft,
    summary:
      'Starts the draft of a new version, from a preset, an earlier version, or the adopted one. A request without a body counts as `{}`.',
    tags,
    policy: atSchool('school leader', mayEditPrinciple),
    async handler(ctx, { params, body }) {
      return createDraft(ctx, params.schoolId, body);
    },
  }),
  defineRoute({
    ...principleContracts.draft,
    summary: 'The draft of the next version of the principle.',
    tags,
    policy: atSchool('leadership or school board', mayReadPrincipleDrafts),
    async handler(ctx, { params }) {
      return getDraft(ctx.db, params.schoolId);
    },
  }),
  defineRoute({
    ...principleContracts.saveDraft,
    summary: 'Saves the whole draft; it is validated in full, so a saved draft can always be adopted.',
    tags,
    policy: atSchool('school leader', mayEditPrinciple),
    async handler(ctx, { params, body }) {
      return saveDraft(ctx, params.schoolId, body.principle);
    },
  }),
  defineRoute({
    ...principleContracts.adoptDraft,
    summary:
      "Records the school board's adoption of the draft: it becomes the adopted version and the previous one is superseded.",
    tags,
    policy: atSchool('school leader', mayEditPrinciple),
    async handler(ctx, { params, body }) {
      const membership = await ctx.membership(params.schoolId);
      return adoptDraft(ctx, params.schoolId, { ...body, recordedBy: membership.personId });
    },
  }),
  defineRoute({
    ...principleContracts.deleteDraft,
    summary: 'Discards the draft.',
    tags,
    policy: atSchool('school leader', mayEditPrinciple),
    async handler(ctx, { params }) {
      await discardDraft(ctx.db, params.schoolId);
      return { ok: true as const };
    },
  }),
];
