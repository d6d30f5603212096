import { escapeHtml, type MailMessage } from './mailer.js';

export interface VerificationMail {
  to: string;
  username: string;
  verifyUrl: string;
  expiresAt: Date;
}

/** The address-proof e-mail: which account asks, the link, when it stops working, and what to do if unexpected. */
export function verificationMessage(mail: VerificationMail): MailMessage {
  const text = [
    `The Rolecall account "${mail.username}" asked to prove that this e-mail address is theirs.`,
    '',
    'If that is your account, sign in to Rolecall and open this link:',
    mail.verifyUrl,
    '',
    `The link works once and expires at ${mail.expiresAt.toISOString()}.`,
    'If this is not your account, ignore this e-mail: the address stays unproven.',
  ].join('\n');
  const html = `<p>The Rolecall account "${escapeHtml(mail.username)}" asked to prove that this e-mail address is theirs.</p>
<p>If that is your account, sign in to Rolecall and <a href="${escapeHtml(mail.verifyUrl)}">prove the address</a>.</p>
<p>The link works once and expires at ${escapeHtml(mail.expiresAt.toISOString())}. If this is not your account, ignore this e-mail.</p>`;
  return { to: mail.to, subject: 'Prove your e-mail address for Rolecall', text, html };
}
