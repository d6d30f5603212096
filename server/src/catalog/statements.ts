import { quoteIdent, quoteLiteral } from './identifiers.js';
import type { ObjectKind } from './privileges.js';
import { scramVerifier } from './scram.js';
import type { ServerFeatures } from './server.js';

/** A statement to run, and how it may be shown (dry runs, events): identical unless it carries a secret. */
export interface Statement {
  sql: string;
  shown: string;
}

const plain = (sql: string): Statement => ({ sql, shown: sql });

export interface RoleAttributes {
  login?: boolean | null;
  inherit?: boolean | null;
  createRole?: boolean | null;
  createDb?: boolean | null;
  replication?: boolean | null;
  bypassRls?: boolean | null;
  connectionLimit?: number | null;
  validUntil?: Date | null;
}

const FLAGS: [keyof RoleAttributes, string][] = [
  ['login', 'LOGIN'],
  ['inherit', 'INHERIT'],
  ['createRole', 'CREATEROLE'],
  ['createDb', 'CREATEDB'],
  ['replication', 'REPLICATION'],
  ['bypassRls', 'BYPASSRLS'],
];

function attributeClauses(attributes: RoleAttributes): string[] {
  const clauses: string[] = [];
  for (const [key, keyword] of FLAGS) {
    const value = attributes[key];
    if (typeof value === 'boolean') clauses.push(value ? keyword : `NO${keyword}`);
  }
  if (typeof attributes.connectionLimit === 'number')
    clauses.push(`CONNECTION LIMIT ${Math.trunc(attributes.connectionLimit)}`);
  if (attributes.validUntil) clauses.push(`VALID UNTIL ${quoteLiteral(attributes.validUntil.toISOString())}`);
  return clauses;
}

function withPassword(head: string, clauses: string[], password: string | null | undefined): Statement {
  const sql = [head, ...clauses];
  const shown = [...sql];
  if (password != null) {
    sql.push(`PASSWORD ${quoteLiteral(scramVerifier(password))}`);
    shown.push(`PASSWORD '********'`);
  }
  return { sql: sql.join(' '), shown: shown.join(' ') };
}

export function changesAttributes(attributes: RoleAttributes): boolean {
  return attributeClauses(attributes).length > 0;
}

export function createRole(name: string, attributes: RoleAttributes, password?: string | null): Statement {
  return withPassword(`CREATE ROLE ${quoteIdent(name)}`, attributeClauses(attributes), password);
}

export function alterRole(name: string, attributes: RoleAttributes, password?: string | null): Statement {
  return withPassword(`ALTER ROLE ${quoteIdent(name)}`, attributeClauses(attributes), password);
}

export function renameRole(name: string, newName: string): Statement {
  return plain(`ALTER ROLE ${quoteIdent(name)} RENAME TO ${quoteIdent(newName)}`);
}

export function reassignOwned(role: string, to: string): Statement {
  return plain(`REASSIGN OWNED BY ${quoteIdent(role)} TO ${quoteIdent(to)}`);
}

export function dropOwned(role: string): Statement {
  return plain(`DROP OWNED BY ${quoteIdent(role)}`);
}

export function dropRole(role: string): Statement {
  return plain(`DROP ROLE ${quoteIdent(role)}`);
}

export interface MembershipOptions {
  admin: boolean;
  inherit: boolean;
  set: boolean;
}

/** On 16+ a grant carries ADMIN, INHERIT and SET; on 15 only ADMIN exists (inheritance follows the member's INHERIT). */
export function grantMembership(
  role: string,
  member: string,
  options: MembershipOptions,
  features: ServerFeatures,
): Statement {
  const head = `GRANT ${quoteIdent(role)} TO ${quoteIdent(member)}`;
  if (features.membershipOptions) {
    return plain(
      `${head} WITH ADMIN ${options.admin ? 'TRUE' : 'FALSE'}, INHERIT ${options.inherit ? 'TRUE' : 'FALSE'}, SET ${options.set ? 'TRUE' : 'FALSE'}`,
    );
  }
  return plain(options.admin ? `${head} WITH ADMIN OPTION` : head);
}

export function revokeAdminOption(role: string, member: string): Statement {
  return plain(`REVOKE ADMIN OPTION FOR ${quoteIdent(role)} FROM ${quoteIdent(member)}`);
}

export function revokeMembership(role: string, member: string): Statement {
  return plain(`REVOKE ${quoteIdent(role)} FROM ${quoteIdent(member)}`);
}

/** How an object is named in GRANT / REVOKE / ALTER … OWNER. */
export interface ObjectName {
  kind: ObjectKind;
  /** For tables and sequences. */
  schema?: string;
  name: string;
  /** For ALTER … OWNER on relations: TABLE, VIEW, MATERIALIZED VIEW, FOREIGN TABLE, SEQUENCE. */
  relationKeyword?: string;
}

function qualified(object: ObjectName): string {
  return object.schema === undefined
    ? quoteIdent(object.name)
    : `${quoteIdent(object.schema)}.${quoteIdent(object.name)}`;
}

function grantTarget(object: ObjectName): string {
  return `${object.kind} ${qualified(object)}`;
}

/** A grantee is a role name, or null for PUBLIC (a keyword, never quoted). */
export function granteeSql(grantee: string | null): string {
  return grantee === null ? 'PUBLIC' : quoteIdent(grantee);
}

export function grantPrivileges(
  object: ObjectName,
  privileges: readonly string[],
  grantee: string | null,
  withGrantOption: boolean,
): Statement {
  const option = withGrantOption ? ' WITH GRANT OPTION' : '';
  return plain(`GRANT ${privileges.join(', ')} ON ${grantTarget(object)} TO ${granteeSql(grantee)}${option}`);
}

/** GRANT … ON ALL TABLES (or SEQUENCES) IN SCHEMA: every one there now (not future ones: default privileges do that). */
export function grantOnAllInSchema(
  kind: 'TABLES' | 'SEQUENCES',
  schema: string,
  privileges: readonly string[],
  grantee: string | null,
  withGrantOption: boolean,
): Statement {
  const option = withGrantOption ? ' WITH GRANT OPTION' : '';
  return plain(
    `GRANT ${privileges.join(', ')} ON ALL ${kind} IN SCHEMA ${quoteIdent(schema)} TO ${granteeSql(grantee)}${option}`,
  );
}

export function revokePrivileges(
  object: ObjectName,
  privileges: readonly string[],
  grantee: string | null,
  options: { grantOptionOnly?: boolean; cascade?: boolean } = {},
): Statement {
  const head = options.grantOptionOnly ? 'REVOKE GRANT OPTION FOR' : 'REVOKE';
  const tail = options.cascade ? ' CASCADE' : '';
  return plain(`${head} ${privileges.join(', ')} ON ${grantTarget(object)} FROM ${granteeSql(grantee)}${tail}`);
}

export function alterOwner(object: ObjectName, newOwner: string): Statement {
  const keyword =
    object.kind === 'TABLE' || object.kind === 'SEQUENCE' ? (object.relationKeyword ?? object.kind) : object.kind;
  return plain(`ALTER ${keyword} ${qualified(object)} OWNER TO ${quoteIdent(newOwner)}`);
}

export function createSchema(name: string, owner: string | null): Statement {
  const authorization = owner ? ` AUTHORIZATION ${quoteIdent(owner)}` : '';
  return plain(`CREATE SCHEMA ${quoteIdent(name)}${authorization}`);
}
