import type { Transporter } from 'nodemailer';
import type { Config } from '../config.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * One SMTP transport per SMTP_URL; nodemailer connects per message, so nothing stays open between mails. It is
 * loaded with the first mail: most starts send none, and loading it is part of every start otherwise.
 */
const transports = new Map<string, Promise<Transporter>>();

function transportFor(smtpUrl: string): Promise<Transporter> {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    // nodemailer's own logger would print the SMTP conversation, message bodies (and links) included: keep it off.
    transport = import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({ url: smtpUrl, logger: false, debug: false }),
    );
    transports.set(smtpUrl, transport);
  }
  return transport;
}

/** Real SMTP when `SMTP_URL` is configured; null means there is no way to send mail. */
export function mailerFor(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer | null {
  const { smtpUrl, mailFrom } = config;
  if (!smtpUrl) return null;
  return {
    async send(message) {
      await (await transportFor(smtpUrl)).sendMail({ from: mailFrom, ...message });
    },
  };
}
