import { z } from 'zod';
import { text, ZLocale, ZUuid } from './common.schema.js';

/** RFC 5321 caps an address at 254 characters. */
export const MAX_EMAIL_LENGTH = 254;
/** Long enough for any passphrase, short enough that hashing it cannot be used to tie up the server. */
export const MAX_PASSWORD_LENGTH = 200;

/** Trimmed and lower-cased before the format check, so ' Mette@Skole.dk ' is accepted as mette@skole.dk. */
export const ZEmail = z.string().trim().toLowerCase().max(MAX_EMAIL_LENGTH).check(z.email());

export const ZSignInRequest = z.object({
  email: ZEmail,
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});
export type TSignInRequest = z.infer<typeof ZSignInRequest>;

/** The signed-in user as the sign-in answers return it. */
export const ZAuthUser = z.object({
  id: ZUuid,
  name: z.string(),
  email: z.string(),
  locale: ZLocale,
});
export type TAuthUser = z.infer<typeof ZAuthUser>;

export const ZSignInResponse = z.object({ user: ZAuthUser });
export type TSignInResponse = z.infer<typeof ZSignInResponse>;

export const ZSignOutEverywhereResponse = z.object({
  ok: z.literal(true),
  /** How many sessions were ended, the current one included. */
  ended: z.number().int().min(0),
});
export type TSignOutEverywhereResponse = z.infer<typeof ZSignOutEverywhereResponse>;

export const ZSessionMethod = z.enum(['password', 'magic-link', 'oidc']);
export type TSessionMethod = z.infer<typeof ZSessionMethod>;

export const ZSessionSummary = z.object({
  id: ZUuid,
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  method: ZSessionMethod,
  userAgent: z.string().nullable(),
  /** True for the session this request was made with. */
  current: z.boolean(),
});
export type TSessionSummary = z.infer<typeof ZSessionSummary>;

export const ZSessionList = z.object({ sessions: z.array(ZSessionSummary) });
export type TSessionList = z.infer<typeof ZSessionList>;

export const ZSessionParams = z.object({ sessionId: ZUuid });

export const ZMagicLinkRequest = z.object({ email: ZEmail });
export type TMagicLinkRequest = z.infer<typeof ZMagicLinkRequest>;

export const ZMagicLinkVerifyRequest = z.object({ token: z.string().min(1).max(200) });
export type TMagicLinkVerifyRequest = z.infer<typeof ZMagicLinkVerifyRequest>;

/** The ways this installation lets people sign in, for the sign-in page. */
export const ZAuthProviders = z.object({
  password: z.boolean(),
  magicLink: z.boolean(),
  /** The shared login service (OpenID Connect), with the name to show on its button; null when not set up. */
  oidc: z.object({ name: z.string() }).nullable(),
});
export type TAuthProviders = z.infer<typeof ZAuthProviders>;

/** Why an OpenID Connect sign-in came back to `/login?error=…`. */
export const ZOidcLoginError = z.enum(['oidc_failed', 'oidc_no_account']);
export type TOidcLoginError = z.infer<typeof ZOidcLoginError>;

/** A mail kept in the outbox, as the development mail page shows it. */
export const ZDevMail = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.iso.datetime(),
});
export type TDevMail = z.infer<typeof ZDevMail>;

export const ZDevMailList = z.object({ mails: z.array(ZDevMail) });
/** Only the mails to one address (a test that looks for its own among a school's many). */
export const ZDevMailQuery = z.object({ to: text({ min: 1, max: 254 }).toLowerCase().optional() });
export type TDevMailList = z.infer<typeof ZDevMailList>;
