import { defineRoute } from '../http/route.js';
import { meContracts } from '../../shared/api/directory.contract.js';
import { ownData } from '../policies/policy.js';
import { readMe, updatePreferences } from './me.service.js';

export const meRoutes = [
  defineRoute({
    ...meContracts.me,
    summary: 'The signed-in user: schools with roles and abilities, and the children they follow.',
    tags: ['me'],
    policy: ownData('the caller themself'),
    handler: (ctx) => readMe(ctx),
  }),
  defineRoute({
    ...meContracts.setPreferences,
    summary: "Saves the user's language. The client also sets the samspil_lang cookie for this device.",
    tags: ['me'],
    policy: ownData("the caller's own preferences"),
    handler: (ctx, { body }) => updatePreferences(ctx, body),
  }),
];
