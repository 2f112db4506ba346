import { defineRoute, signedIn, type Policy } from '../http/route.js';
import { ZMe, ZPreferences, ZUpdatePreferences } from '../../shared/api/directory.schema.js';
import { readMe, updatePreferences } from './me.service.js';

const anySignedInUser: Policy<any, any, any> = signedIn('signed in');

export const meRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/me',
    summary: 'The signed-in user: schools with roles and abilities, and the children they follow.',
    tags: ['me'],
    response: ZMe,
    policy: anySignedInUser,
    handler: (ctx) => readMe(ctx),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/me/preferences',
    summary: "Saves the user's language. The client also sets the samspil_lang cookie for this device.",
    tags: ['me'],
    body: ZUpdatePreferences,
    response: ZPreferences,
    policy: anySignedInUser,
    handler: (ctx, { body }) => updatePreferences(ctx, body),
  }),
];
