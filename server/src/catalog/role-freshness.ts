import type { ClientBase } from 'pg';
import { type RoleSnapshot, rolesByOidOf, SnapshotKey } from './role-snapshot.js';
import { allMemberships, allRoles, type PgAuthMember, type PgRole } from './roles.js';
import type { ServerFeatures } from './server.js';

/**
 * Checking a whole server's roles costs a scan of every role and membership (tens of milliseconds at 10,000 roles);
 * a change to objects only needs the part of the graph around the roles it concerns. Past this many roles in that
 * part, the whole is checked as usual.
 */
export const MAX_CHECKED_ROLES = 5_000;

type Grants = Map<number, PgAuthMember[]>;

const GRANTS_BY_ROLE = new SnapshotKey<Grants>('membership grants by role');
const GRANTS_BY_MEMBER = new SnapshotKey<Grants>('membership grants by member');

function grantsBy(snapshot: RoleSnapshot, side: 'roleid' | 'member'): Grants {
  return snapshot.derived(side === 'roleid' ? GRANTS_BY_ROLE : GRANTS_BY_MEMBER, ({ memberships }) => {
    const grants: Grants = new Map();
    for (const grant of memberships) {
      const found = grants.get(grant[side]);
      if (found) found.push(grant);
      else grants.set(grant[side], [grant]);
    }
    return grants;
  });
}

/** `start` and every role reached from it through `next`'s grants, whatever their options; null past the cap. */
function closure(grants: Grants, next: 'roleid' | 'member', start: Iterable<number>): Set<number> | null {
  const found = new Set<number>();
  const pending = [...start];
  while (pending.length > 0) {
    const role = pending.pop() as number;
    if (found.has(role)) continue;
    found.add(role);
    if (found.size > MAX_CHECKED_ROLES) return null;
    for (const grant of grants.get(role) ?? []) if (!found.has(grant[next])) pending.push(grant[next]);
  }
  return found;
}

/**
 * The part of the graph that decides what `seeds` give and to whom: `members`, every role that is a member of a seed
 * (directly or not), and `above`, those and every role any of them is a member of. Null when it is too large.
 */
export interface GraphPart {
  members: Set<number>;
  above: Set<number>;
}

export function partAround(snapshot: RoleSnapshot, seeds: Iterable<number>): GraphPart | null {
  const members = closure(grantsBy(snapshot, 'roleid'), 'member', seeds);
  const above = members && closure(grantsBy(snapshot, 'member'), 'roleid', members);
  return members && above ? { members, above } : null;
}

function sameRole(a: PgRole, b: PgRole): boolean {
  return (
    a.rolname === b.rolname &&
    a.rolsuper === b.rolsuper &&
    a.rolinherit === b.rolinherit &&
    a.rolcreaterole === b.rolcreaterole &&
    a.rolcreatedb === b.rolcreatedb &&
    a.rolcanlogin === b.rolcanlogin &&
    a.rolreplication === b.rolreplication &&
    a.rolbypassrls === b.rolbypassrls &&
    a.rolconnlimit === b.rolconnlimit &&
    a.rolvaliduntil?.getTime() === b.rolvaliduntil?.getTime() &&
    a.valid_until_infinity === b.valid_until_infinity &&
    a.is_predefined === b.is_predefined
  );
}

/** Whether the roles read are exactly the known ones (by OID), each with the same name and attributes. */
function sameRoles(known: PgRole[], now: PgRole[]): boolean {
  if (known.length !== now.length) return false;
  const byOid = new Map(known.map((role) => [role.oid, role]));
  return now.every((role) => {
    const was = byOid.get(role.oid);
    return was !== undefined && sameRole(was, role);
  });
}

/** Grants in one order: by role, member and grantor (which identify a grant). */
const byIdentity = (a: PgAuthMember, b: PgAuthMember) =>
  a.roleid - b.roleid || a.member - b.member || a.grantor - b.grantor;

const sameGrant = (a: PgAuthMember, b: PgAuthMember) =>
  a.roleid === b.roleid &&
  a.member === b.member &&
  a.grantor === b.grantor &&
  a.admin_option === b.admin_option &&
  a.inherit_option === b.inherit_option &&
  a.set_option === b.set_option;

function sameGrants(known: Set<PgAuthMember>, now: PgAuthMember[]): boolean {
  if (known.size !== now.length) return false;
  const was = [...known].sort(byIdentity);
  return [...now].sort(byIdentity).every((grant, at) => sameGrant(grant, was[at] as PgAuthMember));
}

/**
 * Whether the part is, on the server as `client` sees it, what the snapshot holds: its roles, every grant of a role
 * in `members` and every grant to a member in `above`. Then who is a member of a seed is unchanged (a path down from
 * a seed runs through grants of `members` roles alone), and so is every path up from one of those (through grants to
 * `above` roles alone): a role made, dropped, renamed, given or taken a membership or attribute there is seen.
 * Roles and grants elsewhere may have moved.
 */
export async function unchangedAround(
  client: ClientBase,
  snapshot: RoleSnapshot,
  part: GraphPart,
  features: ServerFeatures,
): Promise<boolean> {
  // Issued together: inside a change's transaction, one round trip (pools/batched-queries.ts).
  const [roles, grants] = await Promise.all([
    allRoles(client, { oids: [...part.above] }),
    allMemberships(client, features, { roles: [...part.members], members: [...part.above] }),
  ]);
  const byOid = rolesByOidOf(snapshot);
  const knownRoles = [...part.above].flatMap((oid) => byOid.get(oid) ?? []);
  const knownGrants = new Set<PgAuthMember>();
  for (const role of part.members)
    for (const grant of grantsBy(snapshot, 'roleid').get(role) ?? []) knownGrants.add(grant);
  for (const member of part.above)
    for (const grant of grantsBy(snapshot, 'member').get(member) ?? []) knownGrants.add(grant);
  return sameRoles(knownRoles, roles) && sameGrants(knownGrants, grants);
}
