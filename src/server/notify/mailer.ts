import type { Transporter } from 'nodemailer';
import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import type { MailAttachment } from '../db/schema.js';
import { insertOutboxMail, markOutboxMailFailed, markOutboxMailSent } from './mail-outbox.repository.js';

export interface OutgoingMail {
  schoolId?: string | null;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Files sent with it, e.g. a meeting's calendar file. */
  attachments?: readonly MailAttachment[];
}

export interface Mailer {
  /** Records the mail in the outbox and, when SMTP is configured, delivers it. */
  send(mail: OutgoingMail): Promise<void>;
  /** True when mail is delivered over SMTP; false when it is only kept for the development mail page. */
  readonly delivers: boolean;
}

/**
 * Every mail is written to `mail_outbox` first, so nothing is lost if delivery fails; with SMTP
 * settings it is then sent through nodemailer and marked sent (or the error kept for a retry).
 */
export function createMailer(options: { db: Db; clock: Clock; smtpUrl?: string; from: string }): Mailer {
  // nodemailer loads with the first mail to deliver, not when the server starts.
  let transport: Promise<Transporter> | undefined;
  const smtpUrl = options.smtpUrl;
  const transporter = (url: string) =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(url)));
  return {
    delivers: Boolean(smtpUrl),
    async send(mail) {
      const id = await insertOutboxMail(options.db, {
        schoolId: mail.schoolId ?? null,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? null,
        attachments: mail.attachments ?? [],
        createdAt: options.clock.now(),
      });
      if (!smtpUrl) return;
      try {
        await (
          await transporter(smtpUrl)
        ).sendMail({
          from: options.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          attachments: (mail.attachments ?? []).map((file) => ({
            filename: file.filename,
            contentType: file.contentType,
            content: file.content,
          })),
        });
        await markOutboxMailSent(options.db, id, options.clock.now());
      } catch (error) {
        await markOutboxMailFailed(options.db, id, String(error));
        throw error;
      }
    },
  };
}
