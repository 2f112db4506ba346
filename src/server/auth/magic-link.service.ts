import type { AppDeps } from '../deps.js';
import { AppError } from '../errors.js';
import { magicLinkMail } from '../notify/templates/magic-link.js';
import { hashToken, newToken } from './session.service.js';
import { forgetFailedSignIns, type AuthUser } from './sign-in.service.js';
import {
  consumeMagicLink,
  countLinksOfLockedUser,
  insertMagicLink,
  retireOpenMagicLinks,
} from './magic-link.repository.js';
import { inTransaction } from '../context.js';
import { findUserByEmail, findUserById } from './user.repository.js';

export const MAGIC_LINK_MINUTES = 15;
const MAGIC_LINK_MS = MAGIC_LINK_MINUTES * 60_000;
/** At most this many links per account within the link lifetime, so nobody can flood a mailbox. */
const MAX_LINKS_PER_LIFETIME = 3;

/**
 * Where the web client receives the token; the page asks before it signs in, so mail scanners that
 * follow links use nothing up. The token travels in the fragment, which a browser never sends: no
 * access log (ours, a proxy's) and no Referer ever holds it.
 */
export const magicLinkUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/login/link#token=${encodeURIComponent(token)}`;

/**
 * Mails a single-use sign-in link to the account with this address. Nothing tells the caller
 * whether such an account exists: an unknown address is silently ignored. The link's lifetime
 * counts from `requestedAt`, the moment it was asked for, even if the work runs later.
 */
export async function requestMagicLink(deps: AppDeps, email: string, requestedAt: Date): Promise<void> {
  const user = await findUserByEmail(deps.db, email);
  if (!user) return;
  const token = newToken();
  // The user's row is locked while counting, so simultaneous requests cannot all slip under the limit.
  const stored = await inTransaction(deps, async (tx) => {
    const recent = await countLinksOfLockedUser(tx.db, user.id, new Date(requestedAt.getTime() - MAGIC_LINK_MS));
    if (recent >= MAX_LINKS_PER_LIFETIME) return false;
    await insertMagicLink(tx.db, {
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: requestedAt,
      expiresAt: new Date(requestedAt.getTime() + MAGIC_LINK_MS),
    });
    return true;
  });
  if (!stored) return;
  const mail = magicLinkMail({
    locale: user.locale,
    name: user.name,
    link: magicLinkUrl(deps.config.publicUrl, token),
    minutes: MAGIC_LINK_MINUTES,
  });
  await deps.mailer.send({ to: user.email, ...mail });
}

/**
 * Uses a sign-in link once, from `client` (its IP address); an unknown, used or expired token
 * fails with `magic_link_invalid`. No password throttle stands in its way: the link is the way in
 * while a stranger's guesses lock or slow password sign-in.
 */
export async function signInWithMagicLink(deps: AppDeps, token: string, client: string): Promise<AuthUser> {
  const now = deps.clock.now();
  const userId = await consumeMagicLink(deps.db, hashToken(token), now);
  const user = userId ? await findUserById(deps.db, userId) : undefined;
  if (!user) throw new AppError('magic_link_invalid');
  await retireOpenMagicLinks(deps.db, user.id, now);
  await forgetFailedSignIns(deps, user.email, client);
  return user;
}
