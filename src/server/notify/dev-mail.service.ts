import type { AppDeps } from '../deps.js';
import { AppError } from '../errors.js';
import { listRecentOutboxMails } from './mail-outbox.repository.js';

const DEV_MAIL_LIMIT = 50;

/**
 * The newest mails the outbox kept instead of delivering (to one address, when given). They contain sign-in links, so they
 * are shown only on a development installation without SMTP; anywhere else the page does not exist.
 */
export async function listKeptMails(deps: AppDeps, to?: string) {
  if (deps.config.production || deps.config.smtpUrl) throw new AppError('not_found');
  return listRecentOutboxMails(deps.db, DEV_MAIL_LIMIT, to);
}
