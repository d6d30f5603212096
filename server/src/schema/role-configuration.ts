import { builder } from '../builder.js';
import { assignableRolesWhere } from '../operations/collaborators.js';
import type { LoginRole as LoginRoleShape } from '../operations/role-configuration.js';
import { configureRole, listLoginRoles, removeConfiguredRole } from '../operations/role-configuration.js';
import { requireViewer } from '../policy/capabilities.js';
import { Database } from './database.js';
import { EXPECTED_ERRORS } from './errors.js';
import { localId, Removed } from './ids.js';

export const ConfiguredRole = builder.prismaNode('ConfiguredRole', {
  id: { field: 'id' },
  description:
    'A LOGIN role whose password Rolecall stores (encrypted, never returned) so collaborators can work through it.',
  fields: (t) => ({
    rolname: t.exposeString('rolname'),
    server: t.relation('server'),
    verifiedAt: t.expose('verifiedAt', { type: 'DateTime', description: 'When the stored password last logged in.' }),
  }),
});

const LoginRole = builder.objectRef<LoginRoleShape>('LoginRole').implement({
  description: 'A LOGIN role on the server, live from pg_roles.',
  fields: (t) => ({
    rolname: t.exposeString('rolname'),
    isSuperuser: t.exposeBoolean('isSuperuser'),
    validUntil: t.expose('validUntil', { type: 'DateTime', nullable: true }),
    isConfigured: t.boolean({ resolve: (role) => role.configuredRole !== null }),
    configuredRole: t.field({ type: ConfiguredRole, nullable: true, resolve: (role) => role.configuredRole }),
  }),
});

builder.objectField(Database, 'loginRoles', (t) =>
  t.field({
    type: [LoginRole],
    description: "The server's LOGIN roles, read live as the viewer's role, each marked configured or not.",
    errors: { types: EXPECTED_ERRORS },
    resolve: (database, _args, context) => listLoginRoles(context, database.id),
  }),
);

builder.objectField(Database, 'configuredRoles', (t) =>
  t.prismaField({
    type: ['ConfiguredRole'],
    description:
      "Roles with a stored password that the viewer may give collaborators here: admins any of the server's, managers those already in use on this database.",
    resolve: (query, database, _args, context) =>
      context.metadata.configuredRole.findMany({
        ...query,
        where: assignableRolesWhere(requireViewer(context.viewer), database),
        orderBy: { rolname: 'asc' },
      }),
  }),
);

builder.mutationFields((t) => ({
  configureRole: t.field({
    type: ConfiguredRole,
    description: "Admins store a role's password after a real login proves it; again to replace it after it changed.",
    errors: { types: EXPECTED_ERRORS },
    args: {
      databaseId: t.arg.id({ required: true }),
      role: t.arg.string({ required: true }),
      password: t.arg.string({ required: true }),
    },
    resolve: (_root, args, context) =>
      configureRole(context, localId(String(args.databaseId), 'Database'), args.role, args.password),
  }),
  removeConfiguredRole: t.field({
    type: Removed,
    description: 'Deletes only the stored password; the role stays on the server. Refused while collaborators use it.',
    errors: { types: EXPECTED_ERRORS },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, context) => {
      await removeConfiguredRole(context, localId(String(id), 'ConfiguredRole'));
      return { id: String(id) };
    },
  }),
}));
