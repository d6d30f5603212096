import { builder } from '../builder.js';
import {
  ConflictError,
  InvalidCredentialsError,
  NotFoundError,
  SetupAlreadyDoneError,
  TooManyAttemptsError,
  UnauthenticatedError,
  ValidationError,
} from '../errors.js';
import type { CreatedApiToken } from '../operations/auth.js';
import {
  changeOwnPassword,
  createApiToken,
  isSetupRequired,
  login,
  logout,
  revokeApiToken,
  setup,
} from '../operations/auth.js';
import { requireViewer } from '../policy/capabilities.js';
import { localId } from './ids.js';
import { listConnection } from './lists.js';
import { User } from './user.js';

export const ApiToken = builder.prismaNode('ApiToken', {
  id: { field: 'id' },
  description: 'A bearer token for integrators and the CLI. Its secret is shown once, at creation.',
  fields: (t) => ({
    name: t.exposeString('name'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
  }),
});

const CreatedApiTokenRef = builder.objectRef<CreatedApiToken>('CreatedApiToken').implement({
  fields: (t) => ({
    token: t.exposeString('token', {
      description: 'The secret: send it as `Authorization: Bearer …`. Not shown again.',
    }),
    apiToken: t.field({ type: ApiToken, resolve: (created) => created.apiToken }),
  }),
});

builder.queryFields((t) => ({
  setupRequired: t.boolean({
    description: 'True until the first admin has been created.',
    resolve: (_root, _args, context) => isSetupRequired(context),
  }),
  apiTokens: t.connection({
    type: ApiToken,
    description: "The viewer's own API tokens, newest first.",
    errors: { types: [UnauthenticatedError] },
    resolve: async (_root, args, context) => {
      const viewer = requireViewer(context.viewer);
      const tokens = await context.metadata.apiToken.findMany({
        where: { userId: viewer.user.id },
        orderBy: { createdAt: 'desc' },
      });
      return listConnection(args, tokens);
    },
  }),
}));

const SetupInput = builder.inputType('SetupInput', {
  fields: (t) => ({
    username: t.string({ required: true }),
    email: t.string({ required: true }),
    password: t.string({ required: true }),
    displayName: t.string(),
  }),
});

builder.mutationFields((t) => ({
  setup: t.field({
    type: User,
    description: 'First run only: creates the first admin and signs them in.',
    errors: { types: [ValidationError, ConflictError, SetupAlreadyDoneError, TooManyAttemptsError] },
    args: { input: t.arg({ type: SetupInput, required: true }) },
    resolve: (_root, { input }, context) => setup(context, input),
  }),
  login: t.field({
    type: User,
    description: 'Signs in with username or e-mail; sets an httpOnly session cookie.',
    errors: { types: [InvalidCredentialsError, TooManyAttemptsError] },
    args: { login: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: (_root, args, context) => login(context, args.login, args.password),
  }),
  logout: t.boolean({
    description: 'Ends the current session.',
    resolve: (_root, _args, context) => logout(context),
  }),
  changePassword: t.field({
    type: User,
    description: "Changes the viewer's own password; other sessions end.",
    errors: { types: [UnauthenticatedError, ValidationError, InvalidCredentialsError, TooManyAttemptsError] },
    args: { currentPassword: t.arg.string({ required: true }), newPassword: t.arg.string({ required: true }) },
    resolve: (_root, args, context) => changeOwnPassword(context, args.currentPassword, args.newPassword),
  }),
  createApiToken: t.field({
    type: CreatedApiTokenRef,
    errors: { types: [UnauthenticatedError, ValidationError] },
    args: { name: t.arg.string({ required: true }), expiresInDays: t.arg.int() },
    resolve: (_root, args, context) => createApiToken(context, args.name, args.expiresInDays),
  }),
  revokeApiToken: t.field({
    type: ApiToken,
    errors: { types: [UnauthenticatedError, NotFoundError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, context) => revokeApiToken(context, localId(String(id), 'ApiToken')),
  }),
}));
