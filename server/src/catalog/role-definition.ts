import { type RoleExtras, settingLiterals } from './role-settings.js';
import type { PgRole } from './roles.js';
import type { ServerFeatures } from './server.js';
import * as sql from './statements.js';

/** The role is a member of `group`, with the options any of its grants there confers. */
export interface GroupMembership extends sql.MembershipOptions {
  group: string;
}

export interface RoleDefinitionParts {
  role: PgRole;
  extras: RoleExtras;
  memberOf: readonly GroupMembership[];
  features: ServerFeatures;
}

/**
 * The statements that make a role as it is (pgAdmin's SQL tab, pg_dumpall's role part): CREATE ROLE with every
 * attribute, its settings (those for every database first), its comment, and the memberships it holds, in the order
 * they must run. Never the password: only pg_authid holds it, and Rolecall never reads it. A membership is one GRANT
 * with the options of all its grantors' grants together (what the role holds through them), without GRANTED BY: whoever
 * runs it becomes its grantor.
 */
export function roleDefinition({ role, extras, memberOf, features }: RoleDefinitionParts): string[] {
  const settings = extras.settings.map((setting) =>
    sql.setRoleSetting(
      role.rolname,
      setting.datname,
      setting.name,
      settingLiterals(setting.name, setting.value) ?? [setting.value],
    ),
  );
  const comment = extras.comment === null ? [] : [sql.commentOnRole(role.rolname, extras.comment)];
  const groups = [...memberOf].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  const grants = groups.map(({ group, ...options }) => sql.grantMembership(group, role.rolname, options, features));
  return [createStatement(role, extras.validUntil), ...settings, ...comment, ...grants].map((each) => each.shown);
}

function createStatement(role: PgRole, validUntil: string | null): sql.Statement {
  return sql.defineRole(
    role.rolname,
    role.rolsuper,
    {
      login: role.rolcanlogin,
      inherit: role.rolinherit,
      createRole: role.rolcreaterole,
      createDb: role.rolcreatedb,
      replication: role.rolreplication,
      bypassRls: role.rolbypassrls,
      connectionLimit: role.rolconnlimit,
    },
    validUntil,
  );
}
