import { defineRoute } from '../http/route.js';
import { devMailContracts } from '../../shared/api/auth.contract.js';
import { loopbackOnly } from '../policies/policy.js';
import { type TDevMail } from '../../shared/api/auth.schema.js';
import { listKeptMails } from './dev-mail.service.js';

const presentMail = (row: Awaited<ReturnType<typeof listKeptMails>>[number]): TDevMail => ({
  id: row.id,
  to: row.to_address,
  subject: row.subject,
  text: row.text_body,
  createdAt: row.created_at.toISOString(),
});

export const devMailRoutes = [
  defineRoute({
    ...devMailContracts.list,
    summary:
      'The last 50 mails kept in the outbox, or the last 50 to one address (development installations without SMTP only).',
    tags: ['development'],
    hidden: true,
    policy: loopbackOnly('development page, from this machine only'),
    async handler(ctx, { query }) {
      return { mails: (await listKeptMails(ctx, query.to)).map(presentMail) };
    },
  }),
];
