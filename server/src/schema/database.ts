import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../errors.js';
import type { Database as DatabaseRow } from '../generated/prisma/client.js';
import { connectDatabase, disconnectDatabase, testConnection } from '../operations/databases.js';
import {
  type DatabaseCapabilities,
  databaseCapabilities,
  requireViewer,
  visibleDatabases,
} from '../policy/capabilities.js';
import { SecretUnreadableError } from '../secrets/cipher.js';
import { POSTGRES_ERRORS } from './errors.js';
import { localId, Removed } from './ids.js';
import { listConnection } from './lists.js';

export const Access = builder.enumType('Access', {
  values: {
    MEMBER: { description: 'Works with the data through their role.' },
    MANAGER: { description: "Also manages this database's collaborators." },
  },
});

export const SslMode = builder.enumType('SslMode', {
  description: "How Rolecall's connections to a server use TLS (libpq's sslmode; there is no PREFER).",
  values: {
    DISABLE: { description: 'No TLS (what servers connected before TLS settings existed use).' },
    REQUIRE: { description: "TLS, without checking the server's certificate." },
    VERIFY_CA: {
      description: 'TLS; the certificate must be signed by the CA certificate given; its name is not checked.',
    },
    VERIFY_FULL: {
      description: 'TLS; the certificate must be signed by the CA given (or a CA Node trusts) and name the host.',
    },
  },
});

export const Server = builder.prismaNode('Server', {
  id: { field: 'id' },
  description: 'A PostgreSQL server (host and port); roles are server-wide.',
  fields: (t) => ({
    host: t.exposeString('host'),
    port: t.exposeInt('port'),
    isDemo: t.exposeBoolean('isDemo', { description: 'The embedded demo cluster started with Rolecall.' }),
    sslMode: t.field({ type: SslMode, resolve: (server) => server.sslMode }),
    hasCaCertificate: t.boolean({
      description: 'A CA certificate of its own is stored for VERIFY_CA / VERIFY_FULL.',
      resolve: (server) => server.caCertificate !== null,
    }),
  }),
});

const Capabilities = builder.objectRef<DatabaseCapabilities>('DatabaseCapabilities').implement({
  description: 'What the viewer may do with this database in Rolecall (what PostgreSQL allows is on each object).',
  fields: (t) => ({
    canView: t.exposeBoolean('canView'),
    canReadCatalog: t.exposeBoolean('canReadCatalog', {
      description: 'The viewer collaborates here, so has a role to read the catalog as.',
    }),
    canManageCollaborators: t.exposeBoolean('canManageCollaborators'),
    canConfigureRoles: t.exposeBoolean('canConfigureRoles'),
    canDisconnect: t.exposeBoolean('canDisconnect'),
    canLeave: t.exposeBoolean('canLeave'),
    canChangeOwnCollaboration: t.exposeBoolean('canChangeOwnCollaboration', {
      description: 'Admins only: a MANAGER changing their own role or access would be giving themselves power.',
    }),
  }),
});

export const Database = builder.prismaNode('Database', {
  id: { field: 'id' },
  description: 'A connected database. Only admins and its collaborators see it.',
  fields: (t) => ({
    name: t.exposeString('name'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    server: t.relation('server'),
    viewerAccess: t.field({
      type: Access,
      nullable: true,
      description: "The viewer's access level here, or null when not a collaborator.",
      resolve: (database, _args, context) => context.loaders.viewerAccess.load(database.id),
    }),
    viewerCapabilities: t.field({
      type: Capabilities,
      resolve: async (database, _args, context) => {
        const viewer = requireViewer(context.viewer);
        return databaseCapabilities(viewer.user, await context.loaders.viewerAccess.load(database.id));
      },
    }),
    collaborators: t.relation('collaborators', { query: { orderBy: { createdAt: 'asc' } } }),
    changesWatched: t.boolean({
      description:
        'Whether the drift watcher can read this database, so changes made outside Rolecall reach the live feed.',
      resolve: (database) => database.unwatchedReason === null,
    }),
    unwatchedReason: t.exposeString('unwatchedReason', {
      nullable: true,
      description: 'Why changes made outside Rolecall are not watched here (null while they are).',
    }),
  }),
});

/** Databases the viewer may see: all for admins, their collaborations for everyone else. */
export function visibleWhere(context: Context) {
  const viewer = requireViewer(context.viewer);
  if (visibleDatabases(viewer.user) === 'ALL') return {};
  return { collaborators: { some: { userId: viewer.user.id } } };
}

async function visibleDatabase(context: Context, databaseId: string): Promise<DatabaseRow> {
  const database = await context.metadata.database.findFirst({ where: { id: databaseId, ...visibleWhere(context) } });
  if (!database) throw new NotFoundError('database');
  return database;
}

builder.queryFields((t) => ({
  databases: t.connection({
    type: Database,
    description: 'The databases the viewer may see (admins: all), by name.',
    errors: { types: [UnauthenticatedError] },
    resolve: async (_root, args, context) =>
      listConnection(
        args,
        await context.metadata.database.findMany({ where: visibleWhere(context), orderBy: { name: 'asc' } }),
      ),
  }),
  database: t.prismaField({
    type: 'Database',
    errors: { types: [UnauthenticatedError, NotFoundError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_query, _root, { id }, context) => visibleDatabase(context, localId(String(id), 'Database')),
  }),
}));

const ConnectDatabaseInput = builder.inputType('ConnectDatabaseInput', {
  fields: (t) => ({
    host: t.string({ required: true }),
    port: t.int({ defaultValue: 5432 }),
    database: t.string({ required: true }),
    role: t.string({ required: true, description: 'The LOGIN role to connect as; it becomes configured.' }),
    password: t.string({ description: 'Omit when the role is already configured on that server.' }),
    sslMode: t.field({
      type: SslMode,
      description:
        "Omit to use the server's stored TLS settings (DISABLE for a new server). Given for a known server, it replaces the stored settings once `connectDatabase` logged in with them.",
    }),
    caCertificate: t.string({
      description:
        'PEM text of the CA certificate(s) to verify the server against (VERIFY_CA needs it; VERIFY_FULL without one trusts the CAs Node trusts).',
    }),
  }),
});

const ConnectionTest = builder.objectRef<{ currentUser: string }>('ConnectionTest').implement({
  fields: (t) => ({ currentUser: t.exposeString('currentUser', { description: 'Whom the server saw log in.' }) }),
});

builder.mutationFields((t) => ({
  connectDatabase: t.field({
    type: Database,
    description: 'Admins connect a database after a real login as the role; they become its collaborator through it.',
    errors: {
      types: [
        UnauthenticatedError,
        ForbiddenError,
        ValidationError,
        ConflictError,
        SecretUnreadableError,
        ...POSTGRES_ERRORS,
      ],
    },
    args: { input: t.arg({ type: ConnectDatabaseInput, required: true }) },
    resolve: (_root, { input }, context) => connectDatabase(context, { ...input, port: input.port ?? 5432 }),
  }),
  testConnection: t.field({
    type: ConnectionTest,
    description: 'Admins check that a connection works (a real login) before connecting; nothing is stored.',
    errors: {
      types: [UnauthenticatedError, ForbiddenError, ValidationError, SecretUnreadableError, ...POSTGRES_ERRORS],
    },
    args: { input: t.arg({ type: ConnectDatabaseInput, required: true }) },
    resolve: async (_root, { input }, context) => ({
      currentUser: await testConnection(context, { ...input, port: input.port ?? 5432 }),
    }),
  }),
  disconnectDatabase: t.field({
    type: Removed,
    description: "Removes Rolecall's metadata about a database; nothing changes on the server.",
    errors: { types: [UnauthenticatedError, ForbiddenError, NotFoundError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, context) => {
      await disconnectDatabase(context, localId(String(id), 'Database'));
      return { id: String(id) };
    },
  }),
}));
