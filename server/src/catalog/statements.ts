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
  /** VALID UNTIL 'infinity': the password never expires again (a null validUntil means "leave it as it is"). */
  validUntilInfinity?: boolean | null;
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
  if (attributes.validUntilInfinity) clauses.push(`VALID UNTIL 'infinity'`);
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

/** `IN DATABASE d` when the setting is for one database; nothing when it is for every one. */
const inDatabase = (database: string | null) => (database === null ? '' : ` IN DATABASE ${quoteIdent(database)}`);

/** A parameter name as the grammar takes it: each part of a dotted (custom) name an identifier. */
/** A custom parameter's name is dotted (`ext.name`): each part is an identifier. */
const parameterName = (name: string) => name.split('.').map(quoteIdent).join('.');

/** `ALTER ROLE … SET name = 'a'` (a list parameter takes one literal per element: `= 'a', 'b'`). */
export function setRoleSetting(
  role: string,
  database: string | null,
  name: string,
  literals: readonly string[],
): Statement {
  if (literals.length === 0) throw new Error('A setting needs a value.');
  return plain(
    `ALTER ROLE ${quoteIdent(role)}${inDatabase(database)} SET ${parameterName(name)} = ${literals.map(quoteLiteral).join(', ')}`,
  );
}

export function resetRoleSetting(role: string, database: string | null, name: string): Statement {
  return plain(`ALTER ROLE ${quoteIdent(role)}${inDatabase(database)} RESET ${parameterName(name)}`);
}

export function commentOnRole(role: string, comment: string | null): Statement {
  return plain(`COMMENT ON ROLE ${quoteIdent(role)} IS ${comment === null ? 'NULL' : quoteLiteral(comment)}`);
}

/**
 * CREATE ROLE with every attribute spelled out, as a role's definition shows it. `validUntil` is PostgreSQL's own
 * text of it (microseconds and 'infinity' kept); no password: only pg_authid holds it.
 */
export function defineRole(
  name: string,
  superuser: boolean,
  attributes: RoleAttributes,
  validUntil: string | null,
): Statement {
  const clauses = [superuser ? 'SUPERUSER' : 'NOSUPERUSER', ...attributeClauses({ ...attributes, validUntil: null })];
  if (validUntil !== null) clauses.push(`VALID UNTIL ${quoteLiteral(validUntil)}`);
  return plain([`CREATE ROLE ${quoteIdent(name)}`, ...clauses].join(' '));
}

/** How an object is named in GRANT / REVOKE / ALTER … OWNER. */
export interface ObjectName {
  kind: ObjectKind;
  /** For relations, columns and types. */
  schema?: string;
  /** A column's relation, a function's name (its statements use `signature`), a large object's OID. */
  name: string;
  /** For ALTER … OWNER on relations: TABLE, VIEW, MATERIALIZED VIEW, FOREIGN TABLE, SEQUENCE. */
  relationKeyword?: string;
  /** COLUMN: the column the privileges are on. */
  column?: string;
  /**
   * FUNCTION: the signature as PostgreSQL writes it (`oid::regprocedure`, search_path pinned to pg_catalog): every
   * name in it schema-qualified and quoted by PostgreSQL itself, the one form that names exactly this routine.
   */
  signature?: string;
}

/** GRANT's keyword for each kind: a column is granted on its table; ROUTINE takes functions, procedures, aggregates. */
const GRANT_KEYWORD: Record<ObjectKind, string> = {
  DATABASE: 'DATABASE',
  SCHEMA: 'SCHEMA',
  TABLE: 'TABLE',
  SEQUENCE: 'SEQUENCE',
  COLUMN: 'TABLE',
  FUNCTION: 'ROUTINE',
  TYPE: 'TYPE',
  LANGUAGE: 'LANGUAGE',
  FOREIGN_DATA_WRAPPER: 'FOREIGN DATA WRAPPER',
  FOREIGN_SERVER: 'FOREIGN SERVER',
  LARGE_OBJECT: 'LARGE OBJECT',
  TABLESPACE: 'TABLESPACE',
  PARAMETER: 'PARAMETER',
};

/** ALTER's keyword for the kinds that have an owner (a column's is its table's; a parameter has none). */
const OWNER_KEYWORD: Partial<Record<ObjectKind, string>> = {
  ...GRANT_KEYWORD,
  FOREIGN_SERVER: 'SERVER',
  COLUMN: undefined,
  PARAMETER: undefined,
};

export function hasOwner(kind: ObjectKind): boolean {
  return OWNER_KEYWORD[kind] !== undefined;
}

function qualified(object: ObjectName): string {
  switch (object.kind) {
    case 'FUNCTION':
      if (!object.signature) throw new Error('A routine is named by its signature.');
      return object.signature;
    case 'LARGE_OBJECT':
      if (!/^[0-9]{1,10}$/.test(object.name)) throw new Error('A large object is named by its OID.');
      return object.name;
    case 'PARAMETER':
      return parameterName(object.name);
    default:
      return object.schema === undefined
        ? quoteIdent(object.name)
        : `${quoteIdent(object.schema)}.${quoteIdent(object.name)}`;
  }
}

function grantTarget(object: ObjectName): string {
  return `${GRANT_KEYWORD[object.kind]} ${qualified(object)}`;
}

/** Privileges as GRANT lists them: on a column, each with the column (`SELECT ("c")`). */
function privilegeList(object: ObjectName, privileges: readonly string[]): string {
  if (object.kind !== 'COLUMN') return privileges.join(', ');
  if (object.column === undefined) throw new Error('A column privilege names its column.');
  const column = quoteIdent(object.column);
  return privileges.map((privilege) => `${privilege} (${column})`).join(', ');
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
  return plain(
    `GRANT ${privilegeList(object, privileges)} ON ${grantTarget(object)} TO ${granteeSql(grantee)}${option}`,
  );
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
  return plain(
    `${head} ${privilegeList(object, privileges)} ON ${grantTarget(object)} FROM ${granteeSql(grantee)}${tail}`,
  );
}

export function alterOwner(object: ObjectName, newOwner: string): Statement {
  const keyword = object.relationKeyword ?? OWNER_KEYWORD[object.kind];
  if (keyword === undefined) throw new Error(`A ${object.kind.toLowerCase()} has no owner of its own.`);
  return plain(`ALTER ${keyword} ${qualified(object)} OWNER TO ${quoteIdent(newOwner)}`);
}

export function createSchema(name: string, owner: string | null): Statement {
  const authorization = owner ? ` AUTHORIZATION ${quoteIdent(owner)}` : '';
  return plain(`CREATE SCHEMA ${quoteIdent(name)}${authorization}`);
}

/** ALTER DEFAULT PRIVILEGES' word for the objects of each kind it covers: the only ones that may enter SQL. */
const DEFAULTED_OBJECTS = {
  TABLE: 'TABLES',
  SEQUENCE: 'SEQUENCES',
  FUNCTION: 'FUNCTIONS',
  TYPE: 'TYPES',
  SCHEMA: 'SCHEMAS',
  LARGE_OBJECT: 'LARGE OBJECTS',
} as const;

/** Whose new objects of which kind, in one schema or (null) anywhere: what ALTER DEFAULT PRIVILEGES changes. */
export interface DefaultPrivilegeTarget {
  creator: string;
  schema: string | null;
  kind: keyof typeof DEFAULTED_OBJECTS;
}

function alterDefaultPrivileges(target: DefaultPrivilegeTarget): string {
  const inSchema = target.schema === null ? '' : ` IN SCHEMA ${quoteIdent(target.schema)}`;
  return `ALTER DEFAULT PRIVILEGES FOR ROLE ${quoteIdent(target.creator)}${inSchema}`;
}

export function grantDefaultPrivileges(
  target: DefaultPrivilegeTarget,
  privileges: readonly string[],
  grantee: string | null,
  withGrantOption: boolean,
): Statement {
  const option = withGrantOption ? ' WITH GRANT OPTION' : '';
  return plain(
    `${alterDefaultPrivileges(target)} GRANT ${privileges.join(', ')} ON ${DEFAULTED_OBJECTS[target.kind]} TO ${granteeSql(grantee)}${option}`,
  );
}

export function revokeDefaultPrivileges(
  target: DefaultPrivilegeTarget,
  privileges: readonly string[],
  grantee: string | null,
  options: { grantOptionOnly?: boolean } = {},
): Statement {
  const head = options.grantOptionOnly ? 'REVOKE GRANT OPTION FOR' : 'REVOKE';
  return plain(
    `${alterDefaultPrivileges(target)} ${head} ${privileges.join(', ')} ON ${DEFAULTED_OBJECTS[target.kind]} FROM ${granteeSql(grantee)}`,
  );
}
