import * as client from 'openid-client';
import type { AppDeps } from '../deps.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { AuthUser } from './sign-in.service.js';
import { findUserByEmail, findUserByOidcIdentity, linkOidcIdentity } from './user.repository.js';

type OidcSettings = NonNullable<Config['oidc']>;

/** What the browser keeps between leaving for the login service and coming back. */
export interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
}

const SCOPE = 'openid email profile';
const DISCOVERY_TIMEOUT_SECONDS = 10;

export const oidcCallbackUrl = (config: Config) => `${config.publicUrl}/api/auth/oidc/callback`;

/** The login service, if this installation has one, as the sign-in page shows it. */
export const oidcProvider = (config: Config) => (config.oidc ? { name: config.oidc.name } : null);

function settingsOf(deps: AppDeps): OidcSettings {
  if (!deps.config.oidc) throw new AppError('oidc_not_configured');
  return deps.config.oidc;
}

/** Plain http is accepted only for a login service on this machine (development and tests). */
function isLocalHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

const discovered = new Map<string, Promise<client.Configuration>>();

/** The login service's metadata, discovered once per process and discovered again after a failure. */
function clientConfiguration(settings: OidcSettings): Promise<client.Configuration> {
  const cacheKey = JSON.stringify([settings.issuer, settings.clientId, settings.clientSecret]);
  let configuration = discovered.get(cacheKey);
  if (!configuration) {
    const issuer = new URL(settings.issuer);
    configuration = client.discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
      timeout: DISCOVERY_TIMEOUT_SECONDS,
      ...(isLocalHttp(issuer) ? { execute: [client.allowInsecureRequests] } : {}),
    });
    configuration.catch(() => discovered.delete(cacheKey));
    discovered.set(cacheKey, configuration);
  }
  return configuration;
}

/** Where to send the browser to sign in, and the secrets that tie its return to this request (PKCE, state, nonce). */
export async function beginOidcSignIn(deps: AppDeps): Promise<{ redirectTo: URL; flow: OidcFlow }> {
  const configuration = await clientConfiguration(settingsOf(deps));
  const flow: OidcFlow = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
  };
  const redirectTo = client.buildAuthorizationUrl(configuration, {
    redirect_uri: oidcCallbackUrl(deps.config),
    scope: SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
  });
  return { redirectTo, flow };
}

/**
 * Finishes a sign-in at the login service: exchanges the code, checks state, nonce and the ID
 * token, and finds the user by their identity there or, the first time, by a verified e-mail
 * address (which then links the identity). Fails with `oidc_failed` or `oidc_no_account`.
 */
export async function completeOidcSignIn(
  deps: AppDeps,
  callbackSearch: string,
  flow: OidcFlow | undefined,
): Promise<AuthUser> {
  const configuration = await clientConfiguration(settingsOf(deps));
  if (!flow) throw new AppError('oidc_failed');
  const currentUrl = new URL(oidcCallbackUrl(deps.config));
  currentUrl.search = callbackSearch;
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
    });
  } catch (error) {
    throw new AppError('oidc_failed', { details: error instanceof Error ? error.message : String(error) });
  }
  const claims = tokens.claims();
  if (!claims) throw new AppError('oidc_failed');
  const issuer = configuration.serverMetadata().issuer;

  const known = await findUserByOidcIdentity(deps.db, issuer, claims.sub);
  if (known) return known;

  const email = await verifiedEmail(configuration, tokens.access_token, claims);
  const byEmail = email ? await findUserByEmail(deps.db, email) : undefined;
  // An account already linked to another identity is not taken over by a matching address.
  if (!byEmail || !(await linkOidcIdentity(deps.db, byEmail.id, issuer, claims.sub)))
    throw new AppError('oidc_no_account');
  return byEmail;
}

/**
 * The e-mail address the login service vouches for. Many services put it only in UserInfo and
 * not in the ID token, so that is asked when the token lacks it.
 */
async function verifiedEmail(
  configuration: client.Configuration,
  accessToken: string,
  claims: client.IDToken,
): Promise<string | null> {
  let source: Readonly<Record<string, unknown>> = claims;
  if (claims.email === undefined && configuration.serverMetadata().userinfo_endpoint) {
    try {
      source = await client.fetchUserInfo(configuration, accessToken, claims.sub);
    } catch (error) {
      throw new AppError('oidc_failed', { details: error instanceof Error ? error.message : String(error) });
    }
  }
  return typeof source.email === 'string' && source.email_verified === true ? source.email : null;
}
