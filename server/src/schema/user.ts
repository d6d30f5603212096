import { builder } from '../builder.js';
import {
  ConflictError,
  ForbiddenError,
  LastAdminError,
  NotFoundError,
  TooManyAttemptsError,
  UnauthenticatedError,
  ValidationError,
} from '../errors.js';
import { mailerFor } from '../mail/mailer.js';
import {
  EmailNotSentError,
  type EmailVerificationSent,
  requestEmailVerification,
  VerificationUnusableError,
  verifyEmail,
} from '../operations/email-verification.js';
import { createUser, updateUser } from '../operations/users.js';
import { requireAdmin } from '../policy/capabilities.js';
import { ErrorInterface } from './errors.js';
import { localId } from './ids.js';
import { listConnection } from './lists.js';

export const User = builder.prismaNode('User', {
  id: { field: 'id' },
  fields: (t) => ({
    username: t.exposeString('username'),
    email: t.exposeString('email'),
    emailVerified: t.boolean({
      description:
        'The address is proven (a token e-mailed to it was used, or an admin set it); only then do invitations to it reach this account.',
      resolve: (user) => user.emailVerifiedAt !== null,
    }),
    emailVerifiedAt: t.expose('emailVerifiedAt', { type: 'DateTime', nullable: true }),
    displayName: t.exposeString('displayName', { nullable: true }),
    isAdmin: t.exposeBoolean('isAdmin'),
    isActive: t.exposeBoolean('isActive'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.objectType(EmailNotSentError, {
  name: 'EmailNotSentError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ reason: t.exposeString('reason', { description: 'SMTP_NOT_CONFIGURED or SMTP_FAILED.' }) }),
});
builder.objectType(VerificationUnusableError, {
  name: 'VerificationUnusableError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    state: t.exposeString('state', {
      description:
        'UNKNOWN, USED, EXPIRED, ADDRESS_CHANGED (sent to an address the account no longer has) or OTHER_ACCOUNT.',
    }),
  }),
});

const EmailVerificationSentRef = builder.objectRef<EmailVerificationSent>('EmailVerificationSent').implement({
  description: 'A verification link went out by e-mail to the address; it is never shown here.',
  fields: (t) => ({
    email: t.exposeString('email'),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  canSendEmail: t.boolean({
    description:
      'SMTP is configured: invitations and verification links go out by e-mail. Without it no address can be proven by e-mail, only by an admin setting it.',
    resolve: (_root, _args, context) => mailerFor(context.config) !== null,
  }),
  viewer: t.prismaField({
    type: 'User',
    nullable: true,
    description: 'The signed-in user, or null.',
    resolve: (query, _root, _args, context) => {
      if (!context.viewer) return null;
      // Fields of the user only: the row the request authenticated with (read with its credential) answers them.
      if (!('include' in query) && !('select' in query)) return context.viewer.user;
      return context.metadata.user.findUnique({ ...query, where: { id: context.viewer.user.id } });
    },
  }),
  users: t.connection({
    type: User,
    description: 'Every Rolecall user (admins only), by username.',
    errors: { types: [UnauthenticatedError, ForbiddenError] },
    resolve: async (_root, args, context) => {
      requireAdmin(context.viewer);
      return listConnection(args, await context.metadata.user.findMany({ orderBy: { username: 'asc' } }));
    },
  }),
}));

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    username: t.string({ required: true }),
    email: t.string({ required: true }),
    password: t.string({ required: true }),
    displayName: t.string(),
    isAdmin: t.boolean({ defaultValue: false }),
  }),
});

const UpdateUserInput = builder.inputType('UpdateUserInput', {
  fields: (t) => ({
    email: t.string(),
    displayName: t.string(),
    isAdmin: t.boolean(),
    isActive: t.boolean({ description: 'false deactivates: the user can no longer sign in and their sessions end.' }),
    password: t.string({ description: 'Sets a new password and ends their sessions.' }),
  }),
});

builder.mutationFields((t) => ({
  requestEmailVerification: t.field({
    type: EmailVerificationSentRef,
    description:
      'E-mails the signed-in user a one-time link (valid 24 h, one request a minute) that proves their address; earlier links stop working. Without SMTP: EmailNotSentError, never the link.',
    errors: { types: [UnauthenticatedError, ConflictError, TooManyAttemptsError, EmailNotSentError] },
    resolve: (_root, _args, context) => requestEmailVerification(context),
  }),
  verifyEmail: t.field({
    type: User,
    description:
      'Follows a verification link, signed in as the account that asked for it: its address, if unchanged since, becomes proven.',
    errors: { types: [UnauthenticatedError, VerificationUnusableError] },
    args: { token: t.arg.string({ required: true }) },
    resolve: (_root, { token }, context) => verifyEmail(context, token),
  }),
  createUser: t.field({
    type: User,
    description: 'Admins create users (standard unless isAdmin); the address an admin types counts as proven.',
    errors: { types: [UnauthenticatedError, ForbiddenError, ValidationError, ConflictError, TooManyAttemptsError] },
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: (_root, { input }, context) => createUser(context, input),
  }),
  updateUser: t.field({
    type: User,
    description:
      'Admins change e-mail (which then counts as proven), name, admin flag, password, or deactivate; the last active admin stays.',
    errors: {
      types: [
        UnauthenticatedError,
        ForbiddenError,
        NotFoundError,
        ValidationError,
        ConflictError,
        TooManyAttemptsError,
        LastAdminError,
      ],
    },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateUserInput, required: true }) },
    resolve: (_root, { id, input }, context) => updateUser(context, localId(String(id), 'User'), input),
  }),
}));
