import { checkSettingName, roleComment, roleSettingsIn, settingLiterals } from '../../catalog/role-settings.js';
import * as sql from '../../catalog/statements.js';
import type { Context } from '../../context.js';
import { ValidationError } from '../../errors.js';
import type { RoleCommentChange, RoleSettingChange } from '../../events/payloads.js';
import { requireViewer } from '../../policy/capabilities.js';
import { catalogFor } from '../../scope/viewer-connections.js';
import { applyChange, type ChangeMode, type PermissionChange } from './change.js';
import { existingRole } from './roles.js';

/**
 * Role settings and comments are PostgreSQL's to allow: ALTER ROLE … SET and COMMENT ON ROLE run as the viewer's role,
 * which needs CREATEROLE (and ADMIN OPTION on the role, 16+), or superuser for superuser-only parameters and roles.
 */

export interface RoleSettingInput {
  databaseId: string;
  role: string;
  /** The parameter: work_mem, or a custom dotted one (myapp.tenant). */
  name: string;
  /** Only in the connected database (ALTER ROLE … IN DATABASE); else in every one. */
  inDatabase: boolean;
}

/** Where the setting applies: the connected database's name, or null for every database. */
async function settingDatabase(context: Context, input: RoleSettingInput): Promise<string | null> {
  return input.inDatabase ? (await catalogFor(context, input.databaseId).database()).datname : null;
}

/** The one entry that differs between two readings of a role's settings, or null when none does. */
function settingChanged(
  before: Map<string, string>,
  after: Map<string, string>,
  database: string | null,
): RoleSettingChange | null {
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const [was, is] = [before.get(name) ?? null, after.get(name) ?? null];
    if (was !== is) return { name, database, before: was, after: is };
  }
  return null;
}

/**
 * Runs a statement that changes one setting of a role; the event says what PostgreSQL kept before and after, and a
 * statement that leaves it as it was (a RESET of what is not set, the value it already has) is a NothingChanged.
 */
async function changeSetting(
  context: Context,
  input: RoleSettingInput,
  mode: ChangeMode,
  statement: (role: string, database: string | null) => sql.Statement,
): Promise<PermissionChange> {
  const role = await existingRole(context, input.databaseId, input.role);
  checkSettingName(input.name);
  const database = await settingDatabase(context, input);
  let before = new Map<string, string>();
  return applyChange(context, {
    databaseId: input.databaseId,
    kind: 'role.altered',
    touches: { roles: true },
    statements: [statement(role.rolname, database)],
    payload: { name: role.rolname },
    describeBefore: async (client) => {
      before = await roleSettingsIn(client, role.rolname, database);
      return {};
    },
    describeAfter: async (client) => {
      const setting = settingChanged(before, await roleSettingsIn(client, role.rolname, database), database);
      return setting ? { setting } : {};
    },
    changed: (_, after) => after.setting !== undefined,
    ...mode,
  });
}

function literalsOf(name: string, value: string): string[] {
  const literals = settingLiterals(name, value);
  if (literals === null)
    throw new ValidationError(
      'value',
      `${name} is a list: give its elements separated by commas, double-quoting one that holds a comma or space.`,
    );
  return literals;
}

/** ALTER ROLE r [IN DATABASE d] SET name = 'value': the value always a literal, so it is never read as SQL. */
export async function setRoleSetting(
  context: Context,
  input: RoleSettingInput & { value: string },
  mode: ChangeMode,
): Promise<PermissionChange> {
  requireViewer(context.viewer);
  return changeSetting(context, input, mode, (role, database) =>
    sql.setRoleSetting(role, database, input.name, literalsOf(input.name, input.value)),
  );
}

/** ALTER ROLE r [IN DATABASE d] RESET name. */
export async function resetRoleSetting(
  context: Context,
  input: RoleSettingInput,
  mode: ChangeMode,
): Promise<PermissionChange> {
  requireViewer(context.viewer);
  return changeSetting(context, input, mode, (role, database) => sql.resetRoleSetting(role, database, input.name));
}

export interface RoleCommentInput {
  databaseId: string;
  role: string;
  /** Null (or empty, as PostgreSQL takes it) removes the comment. */
  comment: string | null;
}

/** COMMENT ON ROLE r IS 'comment' (or IS NULL). */
export async function setRoleComment(
  context: Context,
  input: RoleCommentInput,
  mode: ChangeMode,
): Promise<PermissionChange> {
  requireViewer(context.viewer);
  const role = await existingRole(context, input.databaseId, input.role);
  let before: string | null = null;
  return applyChange(context, {
    databaseId: input.databaseId,
    kind: 'role.altered',
    touches: { roles: true },
    statements: [sql.commentOnRole(role.rolname, input.comment)],
    payload: { name: role.rolname },
    describeBefore: async (client) => {
      before = await roleComment(client, role.rolname);
      return {};
    },
    describeAfter: async (client): Promise<{ comment: RoleCommentChange }> => ({
      comment: { before, after: await roleComment(client, role.rolname) },
    }),
    changed: (_, after) => after.comment?.before !== after.comment?.after,
    ...mode,
  });
}
