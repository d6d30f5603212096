import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.js';
import {
  ConflictError,
  ForbiddenError,
  InvitationUnusableError,
  NotFoundError,
  TooManyAttemptsError,
  UnauthenticatedError,
  ValidationError,
  WrongUserError,
} from '../errors.js';
import {
  acceptInvitation,
  acceptMyInvitation,
  type DetailedInvitation,
  databaseInvitationsWhere,
  declineInvitation,
  declineInvitationLink,
  type InvitationSent,
  invitationOfLink,
  inviteCollaborator,
  myInvitationsWhere,
  resendInvitation,
  revokeInvitation,
} from '../operations/invitations.js';
import { SecretUnreadableError } from '../secrets/cipher.js';
import { Collaborator } from './collaborator.js';
import { Access, Database } from './database.js';
import { AS_VIEWER_ROLE, POSTGRES_ERRORS } from './errors.js';
import { localId } from './ids.js';
import { listConnection } from './lists.js';

export const InvitationStatus = builder.enumType('InvitationStatus', {
  values: {
    PENDING: { description: 'Sent, not answered yet, not expired.' },
    ACCEPTED: { description: 'The invitee became a collaborator.' },
    REVOKED: { description: 'Withdrawn by an admin or manager.' },
    EXPIRED: { description: 'Not answered in time; re-sending makes it pending again.' },
    DECLINED: { description: 'The invitee said no.' },
  },
});

const InvitationDeliveryEnum = builder.enumType('InvitationDelivery', {
  values: {
    EMAIL: { description: 'E-mailed through SMTP_URL.' },
    LINK: { description: 'No SMTP configured: `acceptUrl` is the link to hand over.' },
    EMAIL_FAILED: { description: 'The SMTP server refused or was unreachable; re-send later.' },
  },
});

export const Invitation = builder.prismaNode('Invitation', {
  id: { field: 'id' },
  description:
    'An e-mail address invited to collaborate on a database through a configured role. Its token is never shown here.',
  fields: (t) => ({
    email: t.exposeString('email'),
    status: t.expose('status', { type: InvitationStatus }),
    access: t.expose('access', { type: Access }),
    role: t.relation('configuredRole', { description: 'The configured role the invitee will work through.' }),
    databaseId: t.id({ resolve: (invitation) => encodeGlobalID('Database', invitation.databaseId) }),
    databaseName: t.string({
      select: { database: { select: { name: true } } },
      resolve: (invitation) => invitation.database.name,
    }),
    invitedBy: t.relation('invitedBy', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the invitation was first sent.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    respondedAt: t.expose('respondedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the invitee accepted or declined.',
    }),
  }),
});

/**
 * What an invitation link is for, shown to whoever opened it (signed in or not) before they answer. Plain values, not
 * the Invitation and User types: a link holder sees who invited them and where, never those accounts.
 */
const InvitationLinkRef = builder.objectRef<DetailedInvitation>('InvitationLink').implement({
  fields: (t) => ({
    email: t.exposeString('email', { description: 'The address invited.' }),
    database: t.string({ resolve: (invitation) => invitation.database.name }),
    server: t.string({
      description: 'host:port of its PostgreSQL server.',
      resolve: (invitation) => `${invitation.database.server.host}:${invitation.database.server.port}`,
    }),
    role: t.string({
      description: 'The PostgreSQL role the invitee will work through.',
      resolve: (invitation) => invitation.configuredRole.rolname,
    }),
    access: t.expose('access', { type: Access }),
    invitedBy: t.string({
      nullable: true,
      description: "The inviter's display name, else username (null once that account is gone).",
      resolve: (invitation) => invitation.invitedBy?.displayName ?? invitation.invitedBy?.username ?? null,
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});

builder.queryField('invitationLink', (t) =>
  t.field({
    type: InvitationLinkRef,
    description: 'What a pending invitation link is for; the link itself is the credential (no sign-in needed).',
    errors: { types: [InvitationUnusableError] },
    args: { token: t.arg.string({ required: true }) },
    resolve: (_root, { token }, context) => invitationOfLink(context, token),
  }),
);

const InvitationSentRef = builder.objectRef<InvitationSent>('InvitationSent').implement({
  description: 'An invitation just (re-)sent, and how it reached the invitee.',
  fields: (t) => ({
    invitation: t.field({ type: Invitation, resolve: (sent) => sent.invitation }),
    delivery: t.field({ type: InvitationDeliveryEnum, resolve: (sent) => sent.delivery }),
    acceptUrl: t.string({
      nullable: true,
      description:
        "Only when no SMTP is configured: the accept link (on PUBLIC_URL, else the server's own address) to hand to the invitee. Not shown again.",
      resolve: (sent) => sent.acceptUrl,
    }),
  }),
});

builder.objectField(Database, 'invitations', (t) =>
  t.prismaField({
    type: ['Invitation'],
    description: 'Invitations to this database (pending ones by default), oldest first, with who invited and when.',
    args: { statuses: t.arg({ type: [InvitationStatus], defaultValue: ['PENDING'] }) },
    resolve: async (query, database, args, context) => {
      const where = await databaseInvitationsWhere(context, database.id, args.statuses ?? ['PENDING']);
      if (!where) return [];
      return context.metadata.invitation.findMany({ ...query, where, orderBy: { createdAt: 'asc' } });
    },
  }),
);

builder.queryField('myInvitations', (t) =>
  t.connection({
    type: Invitation,
    description:
      "The signed-in user's pending invitations (addressed to their e-mail, once proven; none until then), newest first.",
    errors: { types: [UnauthenticatedError] },
    resolve: async (_root, args, context) =>
      listConnection(
        args,
        await context.metadata.invitation.findMany({
          where: await myInvitationsWhere(context),
          orderBy: { createdAt: 'desc' },
        }),
      ),
  }),
);

/** Accepting makes the person a collaborator: their account, the invitation, and a login as its role to prove it. */
const ACCEPTING_ERRORS = [
  UnauthenticatedError,
  NotFoundError,
  ValidationError,
  ConflictError,
  InvitationUnusableError,
  TooManyAttemptsError,
  SecretUnreadableError,
  ...POSTGRES_ERRORS,
];

const InviteCollaboratorInput = builder.inputType('InviteCollaboratorInput', {
  fields: (t) => ({
    databaseId: t.id({ required: true }),
    email: t.string({ required: true }),
    configuredRoleId: t.id({ required: true }),
    access: t.field({ type: Access, defaultValue: 'MEMBER' }),
  }),
});

const NewAccountInput = builder.inputType('NewAccountInput', {
  fields: (t) => ({
    username: t.string({ required: true }),
    password: t.string({ required: true }),
    displayName: t.string(),
  }),
});

builder.mutationFields((t) => ({
  inviteCollaborator: t.field({
    type: InvitationSentRef,
    description:
      'Admins, and managers of the database, invite an e-mail address through a configured role that still logs in.',
    errors: { types: [...AS_VIEWER_ROLE, ValidationError, ConflictError] },
    args: { input: t.arg({ type: InviteCollaboratorInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inviteCollaborator(context, {
        databaseId: localId(String(input.databaseId), 'Database'),
        email: input.email,
        configuredRoleId: localId(String(input.configuredRoleId), 'ConfiguredRole'),
        access: input.access ?? 'MEMBER',
      }),
  }),
  resendInvitation: t.field({
    type: InvitationSentRef,
    description: 'A new link (the old one stops working) and a new expiry; an expired invitation becomes pending.',
    errors: { types: [...AS_VIEWER_ROLE, ValidationError, ConflictError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, context) => resendInvitation(context, localId(String(id), 'Invitation')),
  }),
  revokeInvitation: t.field({
    type: Invitation,
    errors: { types: [UnauthenticatedError, ForbiddenError, NotFoundError, ConflictError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, context) => revokeInvitation(context, localId(String(id), 'Invitation')),
  }),
  declineInvitationLink: t.field({
    type: Invitation,
    description:
      'Declines through the link itself (signed in or not): the invitation closes and its link opens nothing.',
    errors: { types: [InvitationUnusableError] },
    args: { token: t.arg.string({ required: true }) },
    resolve: (_root, { token }, context) => declineInvitationLink(context, token),
  }),
  acceptInvitation: t.field({
    type: Collaborator,
    description:
      'Follows an invitation link. With `newAccount`: creates the account (standard user, the invited address), signs it in and makes it a collaborator, in one step. Without: accepts as the signed-in user, whose e-mail must be the invited one. A link that went out by e-mail proves the address; a link handed over by the inviter does not.',
    errors: { types: [...ACCEPTING_ERRORS, WrongUserError] },
    args: {
      token: t.arg.string({ required: true }),
      newAccount: t.arg({ type: NewAccountInput }),
    },
    resolve: (_root, args, context) => acceptInvitation(context, args.token, args.newAccount ?? null),
  }),
  acceptMyInvitation: t.field({
    type: Collaborator,
    description: "Accepts one of `myInvitations` (invitations to the viewer's proven address).",
    errors: { types: ACCEPTING_ERRORS },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, context) => acceptMyInvitation(context, localId(String(id), 'Invitation')),
  }),
  declineInvitation: t.field({
    type: Invitation,
    description: 'Declines one of `myInvitations`.',
    errors: { types: [UnauthenticatedError, NotFoundError, InvitationUnusableError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, context) => declineInvitation(context, localId(String(id), 'Invitation')),
  }),
}));
