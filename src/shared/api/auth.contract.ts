import { defineContract } from './contract.js';
import {
  ZAuthProviders,
  ZDevMailList,
  ZDevMailQuery,
  ZMagicLinkRequest,
  ZMagicLinkVerifyRequest,
  ZSessionList,
  ZSessionParams,
  ZSignInRequest,
  ZSignInResponse,
  ZSignOutEverywhereResponse,
} from './auth.schema.js';
import { ZOk } from './common.schema.js';

/** The auth routes (auth.routes.ts): method, path and schemas, shared by the server and the client. */
export const authContracts = {
  signIn: defineContract({
    method: 'POST',
    url: '/api/auth/sign-in',
    body: ZSignInRequest,
    response: ZSignInResponse,
  }),
  signOut: defineContract({
    method: 'POST',
    url: '/api/auth/sign-out',
    response: ZOk,
  }),
  signOutEverywhere: defineContract({
    method: 'POST',
    url: '/api/auth/sign-out-everywhere',
    response: ZSignOutEverywhereResponse,
  }),
  sessions: defineContract({
    method: 'GET',
    url: '/api/auth/sessions',
    response: ZSessionList,
  }),
  endSession: defineContract({
    method: 'DELETE',
    url: '/api/auth/sessions/:sessionId',
    params: ZSessionParams,
    response: ZOk,
  }),
  requestMagicLink: defineContract({
    method: 'POST',
    url: '/api/auth/magic-link',
    body: ZMagicLinkRequest,
    response: ZOk,
    status: 202,
  }),
  verifyMagicLink: defineContract({
    method: 'POST',
    url: '/api/auth/magic-link/verify',
    body: ZMagicLinkVerifyRequest,
    response: ZSignInResponse,
  }),
};

/** The oidc routes (oidc.routes.ts): method, path and schemas, shared by the server and the client. */
export const oidcContracts = {
  providers: defineContract({
    method: 'GET',
    url: '/api/auth/providers',
    response: ZAuthProviders,
  }),
  start: defineContract({
    method: 'GET',
    url: '/api/auth/oidc/start',
    produces: 'text/html',
  }),
  callback: defineContract({
    method: 'GET',
    url: '/api/auth/oidc/callback',
    produces: 'text/html',
  }),
};

/** The devMail routes (dev-mail.routes.ts): method, path and schemas, shared by the server and the client. */
export const devMailContracts = {
  list: defineContract({
    method: 'GET',
    url: '/api/dev/mail',
    query: ZDevMailQuery,
    response: ZDevMailList,
  }),
};
