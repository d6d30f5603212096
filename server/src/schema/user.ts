import { builder } from '../builder.js';
import { createUser, updateUser } from '../operations/users.js';
import { requireAdmin } from '../policy/capabilities.js';
import { EXPECTED_ERRORS } from './errors.js';
import { localId } from './ids.js';

export const User = builder.prismaNode('User', {
  id: { field: 'id' },
  fields: (t) => ({
    username: t.exposeString('username'),
    email: t.exposeString('email'),
    displayName: t.exposeString('displayName', { nullable: true }),
    isAdmin: t.exposeBoolean('isAdmin'),
    isActive: t.exposeBoolean('isActive'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  viewer: t.prismaField({
    type: 'User',
    nullable: true,
    description: 'The signed-in user, or null.',
    resolve: (query, _root, _args, context) =>
      context.viewer ? context.metadata.user.findUnique({ ...query, where: { id: context.viewer.user.id } }) : null,
  }),
  users: t.prismaField({
    type: ['User'],
    description: 'Every Rolecall user (admins only).',
    errors: { types: EXPECTED_ERRORS },
    resolve: (query, _root, _args, context) => {
      requireAdmin(context.viewer);
      return context.metadata.user.findMany({ ...query, orderBy: { username: 'asc' } });
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
  createUser: t.field({
    type: User,
    description: 'Admins create users (standard unless isAdmin).',
    errors: { types: EXPECTED_ERRORS },
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: (_root, { input }, context) => createUser(context, input),
  }),
  updateUser: t.field({
    type: User,
    description: 'Admins change e-mail, name, admin flag, password, or deactivate; the last active admin stays.',
    errors: { types: EXPECTED_ERRORS },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateUserInput, required: true }) },
    resolve: (_root, { id, input }, context) => updateUser(context, localId(String(id), 'User'), input),
  }),
}));
