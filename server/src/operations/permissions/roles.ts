import { checkIdentifier } from '../../catalog/identifiers.js';
import type { RoleAttributes, Statement } from '../../catalog/statements.js';
import * as sql from '../../catalog/statements.js';
import type { Context } from '../../context.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { roleAttributesChanged } from '../../events/effects.js';
import { canSetRolePassword, databaseCapabilities, requireViewer } from '../../policy/capabilities.js';
import { verifyLogin } from '../../pools/managed.js';
import { passwordContext } from '../../pools/targets.js';
import { catalogFor, forgetReads, viewerConnection } from '../../scope/viewer-connections.js';
import { followPasswordChange } from '../role-configuration.js';
import { checkPassword } from '../validation.js';
import { applyChange, type ChangeMode, type PermissionChange } from './change.js';

export interface NewRole extends RoleAttributes {
  name: string;
  password?: string | null;
  /** Store the password in Rolecall (after a real login) so collaborators can be given this role at once. */
  configure?: boolean | null;
}

/** The role of that name on the database's server, or NotFoundError. */
export async function existingRole(context: Context, databaseId: string, name: string) {
  const role = await catalogFor(context, databaseId).roleByName(checkIdentifier(name, 'role'));
  if (!role) throw new NotFoundError('role');
  return role;
}

/** A LOGIN role gets CONNECT and CREATE on the database it is created from (as Mathesar does). */
function databaseAccess(database: string, role: string): Statement {
  return sql.grantPrivileges({ kind: 'DATABASE', name: database }, ['CONNECT', 'CREATE'], role, false);
}

export interface CreateRoleInput {
  databaseId: string;
  /** The role to create. */
  role: NewRole;
}

export async function createRole(
  context: Context,
  input: CreateRoleInput,
  mode: ChangeMode,
): Promise<PermissionChange> {
  const { databaseId, role: newRole } = input;
  const viewer = requireViewer(context.viewer);
  const name = checkIdentifier(newRole.name, 'name');
  if (newRole.configure && !databaseCapabilities(viewer.user, null).canConfigureRoles)
    throw new ForbiddenError('Only admins store role passwords; create the role, and ask an admin to configure it.');
  if (newRole.login && !newRole.password) throw new ValidationError('password', 'A LOGIN role needs a password.');
  if (newRole.password != null) checkPassword(newRole.password);
  if (newRole.configure && !newRole.login)
    throw new ValidationError('configure', 'Only LOGIN roles can be configured.');
  const catalog = catalogFor(context, databaseId);
  const database = await catalog.database();
  const statements = [sql.createRole(name, { ...newRole, login: newRole.login ?? false }, newRole.password)];
  if (newRole.login) statements.push(databaseAccess(database.datname, name));
  const undo = [
    sql.revokePrivileges({ kind: 'DATABASE', name: database.datname }, ['CONNECT', 'CREATE'], name),
    sql.dropRole(name),
  ];

  return applyChange(context, {
    databaseId,
    kind: 'role.created',
    statements,
    // The database's ACL too: a LOGIN role is given CONNECT on it.
    touches: { roles: true, databases: true },
    payload: { name, login: newRole.login ?? false },
    ...mode,
    afterCommit:
      newRole.configure && newRole.password
        ? () => storePassword(context, databaseId, name, newRole.password as string)
        : undefined,
    // A role created to be configured whose first login fails (an expired VALID UNTIL, pg_hba.conf …) is dropped
    // again, so the refusal leaves nothing behind; the feed tells both steps.
    undoAfterFailure: () => dropAgain(context, databaseId, name, undo),
  });
}

function dropAgain(context: Context, databaseId: string, name: string, undo: Statement[]) {
  return applyChange(context, {
    databaseId,
    kind: 'role.dropped',
    statements: undo,
    touches: { roles: true, databases: true },
    payload: { name },
    warnings: [`${name} was dropped again: its first login failed, so it could not be configured.`],
    dryRun: false,
    previewToken: null,
  });
}

/** Stores a role's password as configured, after proving it with a real login. */
async function storePassword(context: Context, databaseId: string, rolname: string, password: string): Promise<void> {
  const connection = await viewerConnection(context, databaseId);
  await verifyLogin({ ...connection.target, role: rolname, password });
  const encryptedPassword = context.secrets.seal(password, passwordContext(connection.serverId, rolname));
  await context.metadata.configuredRole.upsert({
    where: { serverId_rolname: { serverId: connection.serverId, rolname } },
    create: { serverId: connection.serverId, rolname, encryptedPassword },
    update: { encryptedPassword, verifiedAt: new Date() },
  });
  await context.pools.forgetRole(connection.target.host, connection.target.port, rolname);
  forgetReads(context);
}

export interface AlterRoleInput {
  databaseId: string;
  name: string;
  attributes: RoleAttributes;
}

export async function alterRole(context: Context, input: AlterRoleInput, mode: ChangeMode): Promise<PermissionChange> {
  const { databaseId, name, attributes } = input;
  requireViewer(context.viewer);
  const role = await existingRole(context, databaseId, name);
  if (attributes.validUntil && attributes.validUntilInfinity)
    throw new ValidationError('validUntilInfinity', 'Give a date in validUntil, or validUntilInfinity, not both.');
  if (!sql.changesAttributes(attributes)) throw new ValidationError('attributes', 'Nothing to change.');
  const statements = [sql.alterRole(role.rolname, attributes)];
  return applyChange(context, {
    databaseId,
    kind: 'role.altered',
    touches: { roles: true },
    statements,
    payload: { name: role.rolname },
    describeEffects: (effects) => ({ changes: roleAttributesChanged(effects, role.oid) }),
    ...mode,
  });
}

export interface RenameRoleInput {
  databaseId: string;
  name: string;
  newName: string;
}

export async function renameRole(
  context: Context,
  input: RenameRoleInput,
  mode: ChangeMode,
): Promise<PermissionChange> {
  const { databaseId, name, newName } = input;
  requireViewer(context.viewer);
  const role = await existingRole(context, databaseId, name);
  const target = checkIdentifier(newName, 'newName');
  const connection = await viewerConnection(context, databaseId);
  return applyChange(context, {
    databaseId,
    kind: 'role.renamed',
    touches: { roles: true },
    statements: [sql.renameRole(role.rolname, target)],
    payload: { name: role.rolname, newName: target },
    ...mode,
    // PostgreSQL clears an MD5 password on rename; a stored SCRAM password stays valid, so keep Rolecall's record in step.
    afterCommit: () => renameConfigured(context, connection.serverId, role.rolname, target),
  });
}

async function renameConfigured(context: Context, serverId: string, from: string, to: string): Promise<void> {
  const configured = await context.metadata.configuredRole.findUnique({
    where: { serverId_rolname: { serverId, rolname: from } },
  });
  if (!configured) return;
  const password = context.secrets.open(configured.encryptedPassword, passwordContext(serverId, from));
  await context.metadata.configuredRole.update({
    where: { id: configured.id },
    data: { rolname: to, encryptedPassword: context.secrets.seal(password, passwordContext(serverId, to)) },
  });
}

export interface SetRolePasswordInput {
  databaseId: string;
  name: string;
  password: string;
}

/** Changes the role's password on the server; if Rolecall stores it, the stored one follows. */
export async function setRolePassword(
  context: Context,
  input: SetRolePasswordInput,
  mode: ChangeMode,
): Promise<PermissionChange> {
  const { databaseId, name, password } = input;
  const viewer = requireViewer(context.viewer);
  const role = await existingRole(context, databaseId, name);
  checkPassword(password);
  const connection = await viewerConnection(context, databaseId);
  const configured = await context.metadata.configuredRole.findUnique({
    where: { serverId_rolname: { serverId: connection.serverId, rolname: role.rolname } },
  });
  if (!canSetRolePassword(viewer.user, { isConfigured: configured !== null }))
    throw new ForbiddenError(
      `Rolecall stores the password of ${role.rolname} for the collaborators who work through it: only admins change it.`,
    );
  return applyChange(context, {
    databaseId,
    kind: 'role.password_changed',
    touches: { roles: true },
    statements: [sql.alterRole(role.rolname, {}, password)],
    payload: { name: role.rolname },
    ...mode,
    afterCommit: configured
      ? async (warn) => {
          const { host, port, database, tls } = connection.target;
          const changed = { serverId: connection.serverId, host, port, database, rolname: role.rolname, tls };
          for (const warning of await followPasswordChange(context, changed, password)) warn(warning);
        }
      : undefined,
  });
}
