import { builder } from '../builder.js';
import { ForbiddenError, InUseError, NotFoundError, UnauthenticatedError, ValidationError } from '../errors.js';
import type { LoginRole as LoginRoleShape } from '../operations/role-configuration.js';
import { configureRole, listLoginRoles, removeConfiguredRole } from '../operations/role-configuration.js';
import {
  type RoleOffer as RoleOfferShape,
  refusalMessage,
  roleOffers,
  setRoleAssignable,
} from '../operations/role-offers.js';
import { Database } from './database.js';
import { AS_VIEWER_ROLE, POSTGRES_ERRORS } from './errors.js';
import { localId, Removed } from './ids.js';
import { listConnection, matcher } from './lists.js';

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
  t.connection({
    type: LoginRole,
    description:
      "The server's LOGIN roles by name, read live as the viewer's role, each marked configured or not, a page at a time: `search` keeps those whose name contains it (in any case), `configured` only those Rolecall stores a password for (true) or only the others (false).",
    errors: { types: AS_VIEWER_ROLE },
    args: { search: t.arg.string(), configured: t.arg.boolean() },
    resolve: async (database, args, context) => {
      const matches = matcher(args.search);
      const wanted = (role: LoginRoleShape) =>
        matches(role.rolname) && (args.configured == null || (role.configuredRole !== null) === args.configured);
      return listConnection(args, (await listLoginRoles(context, database.id)).filter(wanted));
    },
  }),
);

const RoleRefusal = builder.enumType('RoleRefusal', {
  description: 'Why the viewer may not give a configured role to collaborators of a database.',
  values: {
    SERVER_WIDE_POWER: { description: 'It has superuser, CREATEROLE, BYPASSRLS or REPLICATION: admins only.' },
    NOT_SETTABLE: { description: "The viewer's role cannot SET ROLE to it, and no admin marked it assignable here." },
  },
});

const RoleOffer = builder.objectRef<RoleOfferShape>('RoleOffer').implement({
  description: 'A configured role of the server, and whether the viewer may give it to collaborators of this database.',
  fields: (t) => ({
    configuredRole: t.field({ type: ConfiguredRole, resolve: (offer) => offer.configuredRole }),
    mayGive: t.boolean({ resolve: (offer) => offer.refusal === null }),
    refusal: t.field({ type: RoleRefusal, nullable: true, resolve: (offer) => offer.refusal }),
    refusalMessage: t.string({
      nullable: true,
      description: 'The refusal in words, for people.',
      resolve: (offer) => (offer.refusal ? refusalMessage(offer.refusal, offer.configuredRole.rolname) : null),
    }),
    markedAssignable: t.boolean({
      description: "An admin marked it as one this database's managers may give.",
      resolve: (offer) => offer.markedAssignable,
    }),
  }),
});

builder.objectField(Database, 'roleOffers', (t) =>
  t.connection({
    type: RoleOffer,
    description:
      "The server's configured roles, each with whether the viewer may give it here and why not (admins: any; managers: roles their own role may SET ROLE to or an admin marked assignable, never superuser, CREATEROLE, BYPASSRLS or REPLICATION roles). Empty for those who do not manage collaborators.",
    errors: { types: AS_VIEWER_ROLE },
    resolve: async (database, args, context) => listConnection(args, await roleOffers(context, database)),
  }),
);

builder.objectField(Database, 'configuredRoles', (t) =>
  t.field({
    type: [ConfiguredRole],
    description: 'The configured roles the viewer may give collaborators here: the roleOffers they may give.',
    resolve: async (database, _args, context) =>
      (await roleOffers(context, database))
        .filter((offer) => offer.refusal === null)
        .map((offer) => offer.configuredRole),
  }),
);

builder.mutationFields((t) => ({
  configureRole: t.field({
    type: ConfiguredRole,
    description: "Admins store a role's password after a real login proves it; again to replace it after it changed.",
    errors: { types: [UnauthenticatedError, ForbiddenError, NotFoundError, ValidationError, ...POSTGRES_ERRORS] },
    args: {
      databaseId: t.arg.id({ required: true }),
      role: t.arg.string({ required: true }),
      password: t.arg.string({ required: true }),
    },
    resolve: (_root, args, context) =>
      configureRole(context, {
        databaseId: localId(String(args.databaseId), 'Database'),
        role: args.role,
        password: args.password,
      }),
  }),
  setRoleAssignable: t.field({
    type: RoleOffer,
    description:
      "Admins mark a configured role as one this database's managers may give (or take the mark back); never a role with superuser, CREATEROLE, BYPASSRLS or REPLICATION.",
    errors: { types: [...AS_VIEWER_ROLE, ValidationError] },
    args: {
      databaseId: t.arg.id({ required: true }),
      configuredRoleId: t.arg.id({ required: true }),
      assignable: t.arg.boolean({ required: true }),
    },
    resolve: (_root, args, context) =>
      setRoleAssignable(context, {
        databaseId: localId(String(args.databaseId), 'Database'),
        configuredRoleId: localId(String(args.configuredRoleId), 'ConfiguredRole'),
        assignable: args.assignable,
      }),
  }),
  removeConfiguredRole: t.field({
    type: Removed,
    description: 'Deletes only the stored password; the role stays on the server. Refused while collaborators use it.',
    errors: { types: [UnauthenticatedError, ForbiddenError, NotFoundError, InUseError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, context) => {
      await removeConfiguredRole(context, localId(String(id), 'ConfiguredRole'));
      return { id: String(id) };
    },
  }),
}));
