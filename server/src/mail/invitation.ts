import type { Access } from '../generated/prisma/enums.js';
import { escapeHtml, type MailMessage } from './mailer.js';

export interface InvitationMail {
  to: string;
  acceptUrl: string;
  database: string;
  server: string;
  role: string;
  access: Access;
  invitedBy: string;
  expiresAt: Date;
}

/** The invitation e-mail: who invites whom to what, the accept link, and when it stops working. */
export function invitationMessage(mail: InvitationMail): MailMessage {
  const what = `the PostgreSQL database "${mail.database}" on ${mail.server}`;
  const how = `as role ${mail.role} (${mail.access === 'MANAGER' ? 'manager' : 'member'})`;
  const text = [
    `${mail.invitedBy} invited you to collaborate on ${what} in Rolecall, ${how}.`,
    '',
    'Accept the invitation (and create your account, if you have none yet):',
    mail.acceptUrl,
    '',
    `The link works once and expires at ${mail.expiresAt.toISOString()}.`,
    'If you did not expect this invitation, ignore this e-mail.',
  ].join('\n');
  const html = `<p>${escapeHtml(mail.invitedBy)} invited you to collaborate on ${escapeHtml(what)} in Rolecall, ${escapeHtml(how)}.</p>
<p><a href="${escapeHtml(mail.acceptUrl)}">Accept the invitation</a></p>
<p>The link works once and expires at ${escapeHtml(mail.expiresAt.toISOString())}.</p>`;
  return { to: mail.to, subject: `Invitation to collaborate on ${mail.database}`, text, html };
}
