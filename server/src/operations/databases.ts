import { checkIdentifier } from '../catalog/identifiers.js';
import type { Context } from '../context.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { Database } from '../generated/prisma/client.js';
import { isUniqueViolation } from '../metadata/errors.js';
import { requireAdmin } from '../policy/capabilities.js';
import { verifyLogin } from '../pools/managed.js';
import { passwordContext } from '../pools/targets.js';
import { type TlsInput, tlsFor } from './server-tls.js';
import { checkHost, checkPort } from './validation.js';

export interface ConnectDatabaseInput extends TlsInput {
  host: string;
  port: number;
  database: string;
  role: string;
  /** May be omitted when the role is already configured on that server. */
  password?: string | null;
}

async function passwordFor(context: Context, input: ConnectDatabaseInput, host: string): Promise<string> {
  if (input.password) return input.password;
  const stored = await context.metadata.configuredRole.findFirst({
    where: { rolname: input.role, server: { host, port: input.port } },
  });
  if (!stored)
    throw new ValidationError('password', 'A password is needed: this role is not configured on that server yet.');
  return context.secrets.open(stored.encryptedPassword, passwordContext(stored.serverId, stored.rolname));
}

/** Checks that the connection works (a real login), without storing anything: the form's "Test connection". */
export async function testConnection(context: Context, input: ConnectDatabaseInput): Promise<string> {
  requireAdmin(context.viewer);
  const host = checkHost(input.host);
  const port = checkPort(input.port);
  const database = checkIdentifier(input.database, 'database');
  const role = checkIdentifier(input.role, 'role');
  const password = await passwordFor(context, input, host);
  const tls = await tlsFor(context, input, host, port);
  return verifyLogin({ host, port, database, role, password, tls });
}

/**
 * Admins connect a database after a real login as the given role; the admin becomes its collaborator
 * through that role, and the role becomes configured. TLS settings given for a server Rolecall already knows replace
 * its stored ones, since the login just proved them: every connection to that server uses them from then on.
 */
export async function connectDatabase(context: Context, input: ConnectDatabaseInput): Promise<Database> {
  const admin = requireAdmin(context.viewer);
  const host = checkHost(input.host);
  const port = checkPort(input.port);
  const name = checkIdentifier(input.database, 'database');
  const rolname = checkIdentifier(input.role, 'role');
  const password = await passwordFor(context, input, host);
  const tls = await tlsFor(context, input, host, port);
  await verifyLogin({ host, port, database: name, role: rolname, password, tls });

  try {
    return await context.metadata.$transaction(async (tx) => {
      const server = await tx.server.upsert({
        where: { host_port: { host, port } },
        create: { host, port, ...tls },
        update: tls,
      });
      const database = await tx.database.create({ data: { serverId: server.id, name } });
      const encryptedPassword = context.secrets.seal(password, passwordContext(server.id, rolname));
      const role = await tx.configuredRole.upsert({
        where: { serverId_rolname: { serverId: server.id, rolname } },
        create: { serverId: server.id, rolname, encryptedPassword },
        update: { encryptedPassword, verifiedAt: new Date() },
      });
      await tx.collaborator.create({
        data: { userId: admin.user.id, databaseId: database.id, configuredRoleId: role.id, access: 'MANAGER' },
      });
      const payload = { database: name, host, port, role: rolname, sslMode: tls.sslMode };
      await context.events.record(tx, {
        kind: 'database.connected',
        actorId: admin.user.id,
        serverId: server.id,
        databaseId: database.id,
        payload,
      });
      return database;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`${name} on ${host}:${port} is already connected.`);
    throw error;
  }
}

/**
 * Removes Rolecall's metadata about a database (its collaborators and invitations) and closes Rolecall's connections
 * to it; nothing changes on the server.
 */
export async function disconnectDatabase(context: Context, databaseId: string): Promise<string> {
  const admin = requireAdmin(context.viewer);
  const database = await context.metadata.database.findUnique({ where: { id: databaseId }, include: { server: true } });
  if (!database) throw new NotFoundError('database');
  await context.metadata.$transaction(async (tx) => {
    // Another admin may have disconnected it since it was read: that is still "no such database", not a crash.
    const { count } = await tx.database.deleteMany({ where: { id: databaseId } });
    if (count === 0) throw new NotFoundError('database');
    await context.events.record(tx, {
      kind: 'database.disconnected',
      actorId: admin.user.id,
      serverId: database.serverId,
      databaseId,
      payload: { database: database.name },
    });
  });
  await context.pools.forgetDatabase(database.server.host, database.server.port, database.name);
  return databaseId;
}
