import type { ClientBase } from 'pg';
import type { ServerFeatures } from './server.js';

/** A row of `pg_roles`, with PostgreSQL's own column names. */
export interface PgRole {
  oid: number;
  rolname: string;
  rolsuper: boolean;
  rolinherit: boolean;
  rolcreaterole: boolean;
  rolcreatedb: boolean;
  rolcanlogin: boolean;
  rolreplication: boolean;
  rolbypassrls: boolean;
  rolconnlimit: number;
  /** Null when the password never expires (no VALID UNTIL, or 'infinity'). */
  rolvaliduntil: Date | null;
  /** VALID UNTIL 'infinity' (rolvaliduntil is null then, as without VALID UNTIL). */
  valid_until_infinity: boolean;
  /** A predefined role (pg_read_all_data, pg_database_owner …): built in, below the first user OID. */
  is_predefined: boolean;
}

/** By name, code point by code point (PostgreSQL's C collation, for names within the BMP): one order on every server. */
export const byRolname = (a: Pick<PgRole, 'rolname'>, b: Pick<PgRole, 'rolname'>): number =>
  a.rolname < b.rolname ? -1 : a.rolname > b.rolname ? 1 : 0;

/** A row of `pg_auth_members`: `member` is a member of `roleid`, as granted by `grantor`. */
export interface PgAuthMember {
  roleid: number;
  member: number;
  grantor: number;
  admin_option: boolean;
  /** PostgreSQL 15 has no per-grant option: the member's `rolinherit` decides, as it does there. */
  inherit_option: boolean;
  /** PostgreSQL 15 has no SET option: every member may SET ROLE. */
  set_option: boolean;
}

const FIRST_NORMAL_OBJECT_ID = 16384;

/** `pg` parses ±infinity as a number, not a Date: 'infinity' never expires (null), '-infinity' already has (epoch). */
const VALID_UNTIL = `CASE WHEN rolvaliduntil = 'infinity' THEN NULL
                          WHEN rolvaliduntil = '-infinity' THEN 'epoch'::timestamptz
                          ELSE rolvaliduntil END AS rolvaliduntil`;

/** A role's attributes as bits of one number: a column each costs more to send and parse than the query to run. */
const ATTRIBUTES = [
  'rolsuper',
  'rolinherit',
  'rolcreaterole',
  'rolcreatedb',
  'rolcanlogin',
  'rolreplication',
  'rolbypassrls',
] as const;
const PREDEFINED = `(oid < ${FIRST_NORMAL_OBJECT_ID} AND rolname LIKE 'pg\\_%')`;
const INFINITY = `coalesce(rolvaliduntil = 'infinity', false)`;
const FLAGS = [...ATTRIBUTES, PREDEFINED, INFINITY]
  .map((attribute, bit) => `(${attribute}::int << ${bit})`)
  .join(' | ');

/** A row as allRoles reads it: an array, not an object with a property per column (cheaper for 10,000 rows). */
type PackedRole = [oid: number, rolname: string, flags: number, rolconnlimit: number, rolvaliduntil: Date | null];

const has = (flags: number, bit: number) => (flags & (1 << bit)) !== 0;

function unpackRole([oid, rolname, flags, rolconnlimit, rolvaliduntil]: PackedRole): PgRole {
  return {
    oid,
    rolname,
    rolsuper: has(flags, 0),
    rolinherit: has(flags, 1),
    rolcreaterole: has(flags, 2),
    rolcreatedb: has(flags, 3),
    rolcanlogin: has(flags, 4),
    rolreplication: has(flags, 5),
    rolbypassrls: has(flags, 6),
    rolconnlimit,
    rolvaliduntil,
    is_predefined: has(flags, ATTRIBUTES.length),
    valid_until_infinity: has(flags, ATTRIBUTES.length + 1),
  };
}

/** Which roles allRoles reads: every one, the one of a name (for a mutation, out of thousands), or some by OID or name. */
export type RoleFilter = undefined | string | { oids: readonly number[] } | { names: readonly string[] };

function roleWhere(only: RoleFilter): { where: string; values: unknown[] } {
  if (only === undefined) return { where: '', values: [] };
  if (typeof only === 'string') return { where: 'WHERE rolname = $1', values: [only] };
  if ('names' in only) return { where: 'WHERE rolname = ANY($1::text[])', values: [only.names] };
  return { where: 'WHERE oid = ANY($1::oid[])', values: [only.oids] };
}

/** Every role of the server, or those `only` names. */
export async function allRoles(client: ClientBase, only?: RoleFilter): Promise<PgRole[]> {
  const { where, values } = roleWhere(only);
  const { rows } = await client.query<PackedRole>({
    text: `SELECT oid::int, rolname, ${FLAGS}, rolconnlimit, ${VALID_UNTIL}
             FROM pg_catalog.pg_roles ${where} ORDER BY rolname`,
    values,
    rowMode: 'array',
  });
  return rows.map(unpackRole);
}

const ADMIN = 4;
const INHERIT = 2;
const SET = 1;

/**
 * The grants of a string of numbers separated by single spaces, four a grant (an OID over 2³¹ reads as a negative
 * int4), read in one pass without a string or an array per number.
 */
function grantsOf(packed: string): PgAuthMember[] {
  const grants: PgAuthMember[] = [];
  let [roleid, member, grantor] = [0, 0, 0];
  let field = 0;
  let value = 0;
  let sign = 1;
  for (let at = 0; at <= packed.length; at++) {
    const code = at < packed.length ? packed.charCodeAt(at) : 32;
    if (code === 45) sign = -1;
    else if (code !== 32) value = value * 10 + code - 48;
    else {
      const number = sign * value;
      if (field === 0) roleid = number;
      else if (field === 1) member = number;
      else if (field === 2) grantor = number;
      else grants.push(grantOf(roleid, member, grantor, number));
      field = (field + 1) % 4;
      value = 0;
      sign = 1;
    }
  }
  return grants;
}

function grantOf(roleid: number, member: number, grantor: number, options: number): PgAuthMember {
  return {
    roleid,
    member,
    grantor,
    admin_option: (options & ADMIN) !== 0,
    inherit_option: (options & INHERIT) !== 0,
    set_option: (options & SET) !== 0,
  };
}

/**
 * Every membership grant of the server, in no particular order. Packed by PostgreSQL into one string of numbers
 * (role, member, grantor and the options as bits; no names): a role graph has tens of thousands of grants, a row
 * each costs twice as much to send and parse, and sorting them a third of the query. With `touching`, only the grants
 * of those roles or to those members.
 */
export async function allMemberships(
  client: ClientBase,
  features: ServerFeatures,
  touching?: { roles: readonly number[]; members: readonly number[] },
): Promise<PgAuthMember[]> {
  // PostgreSQL 15 has no per-grant INHERIT or SET: the member's INHERIT attribute decides, and any member may SET.
  const [inherit, set, from] = features.membershipOptions
    ? ['m.inherit_option', 'm.set_option', 'pg_catalog.pg_auth_members m']
    : ['r.rolinherit', 'true', 'pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles r ON r.oid = m.member'];
  const { rows } = await client.query<{ packed: string | null }>(
    `SELECT string_agg(concat_ws(' ', m.roleid::int, m.member::int, m.grantor::int,
                                 m.admin_option::int * ${ADMIN} + ${inherit}::int * ${INHERIT} + ${set}::int * ${SET}),
                       ' ') AS packed
       FROM ${from} ${touching ? 'WHERE m.roleid = ANY($1::oid[]) OR m.member = ANY($2::oid[])' : ''}`,
    touching ? [touching.roles, touching.members] : [],
  );
  return grantsOf(rows[0]?.packed ?? '');
}

export async function loginRoles(client: ClientBase): Promise<PgRole[]> {
  return (await allRoles(client)).filter((role) => role.rolcanlogin);
}

export async function currentRoleName(client: ClientBase): Promise<string> {
  const { rows } = await client.query<{ current_user: string }>('SELECT current_user');
  return rows[0]?.current_user ?? '';
}

/** A role as someone handing it out must see it: its server-wide powers, and whether the session role may become it. */
export interface RoleAsGiven {
  rolname: string;
  /** rolsuper, rolcreaterole, rolbypassrls or rolreplication. */
  has_server_wide_power: boolean;
  /** `pg_has_role(current_user, …, 'SET')`; PostgreSQL 15 has no SET option, and every member may SET ROLE. */
  current_user_may_set: boolean;
}

export async function rolesAsGiven(
  client: ClientBase,
  features: ServerFeatures,
  rolnames: readonly string[],
): Promise<RoleAsGiven[]> {
  const mode = features.membershipOptions ? 'SET' : 'MEMBER';
  const { rows } = await client.query<RoleAsGiven>(
    `SELECT rolname, (rolsuper OR rolcreaterole OR rolbypassrls OR rolreplication) AS has_server_wide_power,
            pg_has_role(current_user, oid, $2) AS current_user_may_set
       FROM pg_roles WHERE rolname = ANY($1::text[])`,
    [rolnames, mode],
  );
  return rows;
}
