import { defineRoute } from '../http/route.js';
import { ownData } from '../policies/policy.js';
import { ZMe, ZPreferences, ZUpdatePreferences } from '../../shared/api/directory.schema.js';
import { readMe, updatePreferences } from './me.service.js';

export const meRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/me',
    summary: 'The signed-in user: schools with roles and abilities, and the children they follow.',
    tags: ['me'],
    response: ZMe,
    policy: ownData('the caller themself'),
    handler: (ctx) => readMe(ctx),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/me/preferences',
    summary: "Saves the user's language. The client also sets the samspil_lang cookie for this device.",
    tags: ['me'],
    body: ZUpdatePreferences,
    response: ZPreferences,
    policy: ownData("the caller's own preferences"),
    handler: (ctx, { body }) => updatePreferences(ctx, body),
  }),
];
