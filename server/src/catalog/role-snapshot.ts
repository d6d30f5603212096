import type { ClientBase } from 'pg';
import { allMemberships, allRoles, type PgAuthMember, type PgRole } from './roles.js';
import type { ServerFeatures } from './server.js';

/**
 * What changes whenever a role or a membership of the server does, in a few milliseconds where reading them takes
 * a hundred at 10,000 roles. Roles: a hash of each role's columns as allRoles reads them (the expiry as a number, so
 * a session's TimeZone or DateStyle cannot move it). Memberships: how many, and the sum of their rows' xmin — a
 * grant inserts a row with a new transaction id, an option changed by GRANT or REVOKE writes a new row version, a
 * revoke deletes one (pg_auth_members is readable by every role; pg_authid, whose xmin would do for roles, is not).
 */
const FINGERPRINT = `
  SELECT current_setting('server_version_num') || ':' ||
         (SELECT count(*) || ':' || coalesce(sum(hashtext(concat_ws(':', oid, rolname, rolsuper, rolinherit,
                   rolcreaterole, rolcreatedb, rolcanlogin, rolreplication, rolbypassrls, rolconnlimit,
                   extract(epoch FROM rolvaliduntil)))::bigint), 0)
            FROM pg_catalog.pg_roles) || ':' ||
         (SELECT count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) FROM pg_catalog.pg_auth_members) AS fingerprint`;

/** Names one structure built from a snapshot (RoleSnapshot.derived); T is its type. */
export class SnapshotKey<T> {
  declare readonly type: T;
  readonly symbol: symbol;
  constructor(description: string) {
    this.symbol = Symbol(description);
  }
}

/** Every role and membership grant of a server as one PostgreSQL snapshot saw them. Never changed once read. */
export class RoleSnapshot {
  private readonly built = new Map<symbol, unknown>();

  constructor(
    readonly fingerprint: string,
    readonly roles: readonly PgRole[],
    readonly memberships: readonly PgAuthMember[],
  ) {}

  /** A structure built from this snapshot (indexes, the membership graph), built once for every request it serves. */
  derived<T>(key: SnapshotKey<T>, build: (snapshot: RoleSnapshot) => T): T {
    if (!this.built.has(key.symbol)) this.built.set(key.symbol, build(this));
    return this.built.get(key.symbol) as T;
  }
}

async function fingerprintOf(client: ClientBase): Promise<string> {
  const { rows } = await client.query<{ fingerprint: string }>(FINGERPRINT);
  return rows[0]?.fingerprint ?? '';
}

/** The fingerprint and the rows under one snapshot, so the fingerprint names exactly the rows read. */
async function readSnapshot(client: ClientBase, features: ServerFeatures): Promise<RoleSnapshot> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const fingerprint = await fingerprintOf(client);
    const roles = await allRoles(client);
    const memberships = await allMemberships(client, features);
    await client.query('COMMIT');
    return new RoleSnapshot(fingerprint, roles, memberships);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * The roles and memberships of each managed server, shared by every request: each request checks the fingerprint
 * (one short query, run as its own role, so a role that may not read the catalog still cannot) and reads everything
 * again only when it moved — after a change made through Rolecall or in psql alike.
 */
export class RoleSnapshots {
  private readonly byServer = new Map<string, Promise<RoleSnapshot>>();

  async current(serverId: string, client: ClientBase, features: ServerFeatures): Promise<RoleSnapshot> {
    const fingerprint = await fingerprintOf(client);
    const known = this.byServer.get(serverId);
    if (known) {
      const snapshot = await known.catch(() => null);
      if (snapshot?.fingerprint === fingerprint) return snapshot;
    }
    return this.reread(serverId, client, features);
  }

  private reread(serverId: string, client: ClientBase, features: ServerFeatures): Promise<RoleSnapshot> {
    const reading = readSnapshot(client, features);
    this.byServer.set(serverId, reading);
    reading.catch(() => {
      if (this.byServer.get(serverId) === reading) this.byServer.delete(serverId);
    });
    return reading;
  }
}
