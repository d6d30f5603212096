import { checkIdentifier } from '../catalog/identifiers.js';
import { loginRoles } from '../catalog/roles.js';
import type { Context } from '../context.js';
import { InUseError, NotFoundError, RolecallError, ValidationError } from '../errors.js';
import type { ConfiguredRole } from '../generated/prisma/client.js';
import { requireAdmin } from '../policy/capabilities.js';
import { verifyLogin } from '../pools/managed.js';
import { passwordContext } from '../pools/targets.js';
import { type ServerTls, tlsOf } from '../pools/tls.js';
import { forgetReads, viewerTarget } from '../scope/viewer-connections.js';

export interface LoginRole {
  rolname: string;
  isSuperuser: boolean;
  validUntil: Date | null;
  configuredRole: ConfiguredRole | null;
}

/** The server's LOGIN roles, live from the catalog (read as the viewer's role), each marked configured or not. */
export async function listLoginRoles(context: Context, databaseId: string): Promise<LoginRole[]> {
  const target = await viewerTarget(context, databaseId);
  const rows = await context.pools.withClient(target, loginRoles);
  const database = await context.metadata.database.findUniqueOrThrow({ where: { id: databaseId } });
  const configured = await context.metadata.configuredRole.findMany({ where: { serverId: database.serverId } });
  const byName = new Map(configured.map((role) => [role.rolname, role]));
  return rows.map((row) => ({
    rolname: row.rolname,
    isSuperuser: row.rolsuper,
    validUntil: row.rolvaliduntil,
    configuredRole: byName.get(row.rolname) ?? null,
  }));
}

/**
 * Stores (or replaces) a role's password, encrypted, after proving it by a real login to the database.
 * The password is never returned, logged or written to an event.
 */
export interface ConfigureRoleInput {
  databaseId: string;
  /** The login role to store a password for. */
  role: string;
  password: string;
}

export async function configureRole(context: Context, input: ConfigureRoleInput): Promise<ConfiguredRole> {
  const { databaseId, role: rolnameInput, password } = input;
  const admin = requireAdmin(context.viewer);
  const rolname = checkIdentifier(rolnameInput, 'role');
  // No password can be proven by an empty one (and `pg` refuses to even try): say so instead of failing oddly.
  if (password.length === 0) throw new ValidationError('password', 'password must not be empty.');
  const database = await context.metadata.database.findUnique({ where: { id: databaseId }, include: { server: true } });
  if (!database) throw new NotFoundError('database');
  const { server } = database;
  const tls = tlsOf(server);
  await verifyLogin({ host: server.host, port: server.port, database: database.name, role: rolname, password, tls });

  const encryptedPassword = context.secrets.seal(password, passwordContext(server.id, rolname));
  const role = await context.metadata.$transaction(async (tx) => {
    const saved = await tx.configuredRole.upsert({
      where: { serverId_rolname: { serverId: server.id, rolname } },
      create: { serverId: server.id, rolname, encryptedPassword },
      update: { encryptedPassword, verifiedAt: new Date() },
    });
    await context.events.record(tx, {
      kind: 'role.configured',
      actorId: admin.user.id,
      serverId: server.id,
      databaseId,
      payload: { role: rolname },
    });
    return saved;
  });
  await context.pools.forgetRole(server.host, server.port, rolname);
  forgetReads(context);
  return role;
}

export interface RoleOnServer {
  serverId: string;
  host: string;
  port: number;
  /** A database to prove the new password on. */
  database: string;
  rolname: string;
  tls: ServerTls;
}

/**
 * Rolecall itself has just changed a role's password on the server (ALTER ROLE … PASSWORD committed), so a stored
 * one is now certainly wrong: the new one replaces it even when a login with it fails for now (VALID UNTIL passed,
 * pg_hba.conf, a connection limit), instead of keeping a stale password that can never work again. Returns why that
 * login failed, as warnings for the caller; nothing when the role is not configured or the login worked.
 */
export async function followPasswordChange(context: Context, role: RoleOnServer, password: string): Promise<string[]> {
  const where = { serverId: role.serverId, rolname: role.rolname };
  const encryptedPassword = context.secrets.seal(password, passwordContext(role.serverId, role.rolname));
  const { count } = await context.metadata.configuredRole.updateMany({ where, data: { encryptedPassword } });
  if (count === 0) return [];
  await context.pools.forgetRole(role.host, role.port, role.rolname);
  forgetReads(context);
  try {
    const { host, port, database, tls } = role;
    await verifyLogin({ host, port, database, role: role.rolname, password, tls });
  } catch (error) {
    // Only a typed error's message: a driver's raw one is not known to be free of what was sent.
    const reason = error instanceof RolecallError ? error.message : 'the login failed';
    return [
      `Rolecall stored the new password of ${role.rolname} but cannot log in with it yet (${reason}); collaborators through it cannot connect until that is fixed.`,
    ];
  }
  await context.metadata.configuredRole.updateMany({ where, data: { verifiedAt: new Date() } });
  return [];
}

/** Deletes only the stored password; the role stays on the server. Refused while collaborators work through it. */
export async function removeConfiguredRole(context: Context, configuredRoleId: string): Promise<string> {
  const admin = requireAdmin(context.viewer);
  const role = await context.metadata.configuredRole.findUnique({
    where: { id: configuredRoleId },
    include: { server: true, collaborators: { include: { user: true, database: true } } },
  });
  if (!role) throw new NotFoundError('configured role');
  if (role.collaborators.length > 0) {
    const usedBy = role.collaborators.map(
      (collaborator) => `${collaborator.user.username} on ${collaborator.database.name}`,
    );
    throw new InUseError(
      `${role.rolname} is how ${usedBy.length} collaborator(s) reach their database; change their role or remove them first.`,
      usedBy,
    );
  }
  await context.metadata.$transaction(async (tx) => {
    await tx.invitation.deleteMany({ where: { configuredRoleId } });
    await tx.configuredRole.delete({ where: { id: configuredRoleId } });
    await context.events.record(tx, {
      kind: 'role.unconfigured',
      actorId: admin.user.id,
      serverId: role.serverId,
      payload: { role: role.rolname },
    });
  });
  await context.pools.forgetRole(role.server.host, role.server.port, role.rolname);
  forgetReads(context);
  return configuredRoleId;
}
