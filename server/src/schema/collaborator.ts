import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.js';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../errors.js';
import { addCollaborator, leaveDatabase, removeCollaborator, updateCollaborator } from '../operations/collaborators.js';
import { Access, Database } from './database.js';
import { AS_VIEWER_ROLE } from './errors.js';
import { localId, Removed } from './ids.js';
import { listConnection, matcher } from './lists.js';

export const Collaborator = builder.prismaNode('Collaborator', {
  id: { field: 'id' },
  description: 'A user working on a database through one configured role.',
  fields: (t) => ({
    user: t.relation('user'),
    database: t.relation('database'),
    role: t.relation('configuredRole'),
    access: t.expose('access', { type: Access }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.objectField(Database, 'collaboratorsConnection', (t) =>
  t.connection({
    type: Collaborator,
    description:
      'Its collaborators, oldest first, a page at a time: `search` keeps those whose username or role contains it (in any case), `role` those who work through that role.',
    args: { search: t.arg.string(), role: t.arg.string() },
    resolve: async (database, args, context) => {
      const matches = matcher(args.search);
      const rows = await context.metadata.collaborator.findMany({
        where: { databaseId: database.id, ...(args.role == null ? {} : { configuredRole: { rolname: args.role } }) },
        include: { user: { select: { username: true } }, configuredRole: { select: { rolname: true } } },
        orderBy: { createdAt: 'asc' },
      });
      return listConnection(
        args,
        rows.filter((row) => matches(row.user.username) || matches(row.configuredRole.rolname)),
      );
    },
  }),
);

const AddCollaboratorInput = builder.inputType('AddCollaboratorInput', {
  fields: (t) => ({
    databaseId: t.id({ required: true }),
    userId: t.id({ required: true }),
    configuredRoleId: t.id({ required: true }),
    access: t.field({ type: Access, defaultValue: 'MEMBER' }),
  }),
});

const UpdateCollaboratorInput = builder.inputType('UpdateCollaboratorInput', {
  fields: (t) => ({
    configuredRoleId: t.id(),
    access: t.field({ type: Access }),
  }),
});

builder.mutationFields((t) => ({
  addCollaborator: t.field({
    type: Collaborator,
    description: 'Admins, and managers of the database, add a user through a configured role that still logs in.',
    errors: { types: [...AS_VIEWER_ROLE, ValidationError, ConflictError] },
    args: { input: t.arg({ type: AddCollaboratorInput, required: true }) },
    resolve: (_root, { input }, context) =>
      addCollaborator(context, {
        databaseId: localId(String(input.databaseId), 'Database'),
        userId: localId(String(input.userId), 'User'),
        configuredRoleId: localId(String(input.configuredRoleId), 'ConfiguredRole'),
        access: input.access ?? 'MEMBER',
      }),
  }),
  updateCollaborator: t.field({
    type: Collaborator,
    errors: { types: [...AS_VIEWER_ROLE, ValidationError] },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateCollaboratorInput, required: true }) },
    resolve: (_root, { id, input }, context) =>
      updateCollaborator(context, localId(String(id), 'Collaborator'), {
        configuredRoleId: input.configuredRoleId ? localId(String(input.configuredRoleId), 'ConfiguredRole') : null,
        access: input.access,
      }),
  }),
  removeCollaborator: t.field({
    type: Removed,
    description: 'Ends a collaboration; the user, the configured role and the server role stay.',
    errors: { types: [UnauthenticatedError, ForbiddenError, NotFoundError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, context) => {
      await removeCollaborator(context, localId(String(id), 'Collaborator'));
      return { id: String(id) };
    },
  }),
  leaveDatabase: t.field({
    type: Removed,
    description: 'The viewer stops collaborating on a database.',
    errors: { types: [UnauthenticatedError, NotFoundError] },
    args: { databaseId: t.arg.id({ required: true }) },
    resolve: async (_root, { databaseId }, context) => {
      const collaboratorId = await leaveDatabase(context, localId(String(databaseId), 'Database'));
      return { id: encodeGlobalID('Collaborator', collaboratorId) };
    },
  }),
}));
