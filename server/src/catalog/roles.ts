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
  /** A predefined role (pg_read_all_data, pg_database_owner …): built in, below the first user OID. */
  is_predefined: boolean;
}

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

/** Every role of the server; with `only`, just the role of that name (for a mutation, out of thousands). */
export async function allRoles(client: ClientBase, only?: string): Promise<PgRole[]> {
  const { rows } = await client.query<PgRole>(
    `SELECT oid::int AS oid, rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication,
            rolbypassrls, rolconnlimit, ${VALID_UNTIL}, (oid < $1 AND rolname LIKE 'pg\\_%') AS is_predefined
       FROM pg_catalog.pg_roles ${only === undefined ? '' : 'WHERE rolname = $2'} ORDER BY rolname`,
    only === undefined ? [FIRST_NORMAL_OBJECT_ID] : [FIRST_NORMAL_OBJECT_ID, only],
  );
  return rows;
}

/** The non-negative integers of a string of them separated by single non-digits, without a string per number. */
function integersOf(packed: string): number[] {
  const integers: number[] = [];
  let value = 0;
  for (let at = 0; at < packed.length; at++) {
    const digit = packed.charCodeAt(at) - 48;
    if (digit >= 0 && digit <= 9) value = value * 10 + digit;
    else {
      integers.push(value);
      value = 0;
    }
  }
  if (packed.length > 0) integers.push(value);
  return integers;
}

/**
 * Every membership grant of the server, those of one (role, member) pair next to each other. Packed by PostgreSQL
 * into one string of numbers (OIDs and 0/1 flags, no names): a role graph has tens of thousands of grants, and a
 * row each costs twice as much to send and parse.
 */
export async function allMemberships(client: ClientBase, features: ServerFeatures): Promise<PgAuthMember[]> {
  const [inherit, set] = features.membershipOptions ? ['m.inherit_option', 'm.set_option'] : ['r.rolinherit', 'true'];
  const { rows } = await client.query<{ packed: string | null }>(
    `SELECT string_agg(concat_ws(' ', m.roleid::int, m.member::int, m.grantor::int, m.admin_option::int,
                                 ${inherit}::int, ${set}::int), ' ' ORDER BY m.roleid, m.member) AS packed
       FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles r ON r.oid = m.member`,
  );
  const numbers = integersOf(rows[0]?.packed ?? '');
  const grants: PgAuthMember[] = [];
  for (let at = 0; at + 5 < numbers.length; at += 6) {
    grants.push({
      roleid: numbers[at] as number,
      member: numbers[at + 1] as number,
      grantor: numbers[at + 2] as number,
      admin_option: numbers[at + 3] === 1,
      inherit_option: numbers[at + 4] === 1,
      set_option: numbers[at + 5] === 1,
    });
  }
  return grants;
}

export async function loginRoles(client: ClientBase): Promise<PgRole[]> {
  return (await allRoles(client)).filter((role) => role.rolcanlogin);
}

export async function currentRoleName(client: ClientBase): Promise<string> {
  const { rows } = await client.query<{ current_user: string }>('SELECT current_user');
  return rows[0]?.current_user ?? '';
}
