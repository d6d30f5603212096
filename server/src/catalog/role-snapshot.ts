import type { ClientBase } from 'pg';
import { allMemberships, allRoles, type PgAuthMember, type PgRole } from './roles.js';
import type { ServerFeatures } from './server.js';

/**
 * What changes whenever a role or a membership of the server does, in milliseconds where reading them takes a hundred
 * at 10,000 roles: the count and the sum of a 64-bit hash of each row's values (hash_record_extended: of the values
 * themselves, so no session setting moves it). Roles: their columns as allRoles reads them. Memberships: their columns
 * and xmin (a grant or a changed option writes a row version with a new transaction id). pg_auth_members is readable
 * by every role; pg_authid, whose xmin would do for roles, is not.
 */
function fingerprintQuery(features: ServerFeatures): string {
  const options = features.membershipOptions ? ', m.inherit_option, m.set_option' : '';
  return `
  SELECT current_setting('server_version_num') || ':' ||
         (SELECT count(*) || ':' || coalesce(sum(hash_record_extended((oid, rolname, rolsuper, rolinherit, rolcreaterole,
                   rolcreatedb, rolcanlogin, rolreplication, rolbypassrls, rolconnlimit, rolvaliduntil), 0)), 0)
            FROM pg_catalog.pg_roles) || ':' ||
         (SELECT count(*) || ':' || coalesce(sum(hash_record_extended((m.roleid, m.member, m.grantor, m.admin_option${options},
                   m.xmin), 0)), 0)
            FROM pg_catalog.pg_auth_members m) AS fingerprint`;
}

/**
 * Every check and read runs with pg_catalog alone on the search path: the snapshot is shared by every viewer of the
 * server, so functions or operators a role placed ahead of pg_catalog (ALTER ROLE … SET search_path) must not
 * shape what others are shown. REPEATABLE READ: the fingerprint names exactly the rows read after it.
 */
const BEGIN = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL search_path = pg_catalog, pg_temp';

/** Names one structure built from a snapshot (RoleSnapshot.derived); T is its type. */
export class SnapshotKey<T> {
  declare readonly type: T;
  readonly symbol: symbol;
  constructor(description: string) {
    this.symbol = Symbol(description);
  }
}

const ROLES_BY_OID = new SnapshotKey<Map<number, PgRole>>('roles by OID');

/** The snapshot's roles by OID, built once for every request and check that looks roles up. */
export function rolesByOidOf(snapshot: RoleSnapshot): Map<number, PgRole> {
  return snapshot.derived(ROLES_BY_OID, ({ roles }) => new Map(roles.map((role) => [role.oid, role])));
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

async function fingerprintOf(client: ClientBase, features: ServerFeatures): Promise<string> {
  const { rows } = await client.query<{ fingerprint: string }>(fingerprintQuery(features));
  return rows[0]?.fingerprint ?? '';
}

/**
 * The roles and memberships of each managed server, shared by every request: each request checks the fingerprint
 * (one short query, run as its own role, so a role that may not read the catalog still cannot) and reads everything
 * again only when it moved — after a change made through Rolecall or in psql alike.
 */
export class RoleSnapshots {
  private readonly byServer = new Map<string, Promise<RoleSnapshot>>();

  async current(serverId: string, client: ClientBase, features: ServerFeatures): Promise<RoleSnapshot> {
    await client.query(BEGIN);
    try {
      const snapshot = await this.checked(serverId, client, features);
      await client.query('COMMIT');
      return snapshot;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /**
   * The snapshot last read for the server, unchecked (undefined when none was read): for a caller that checks the
   * part it relies on itself (catalog/role-freshness.ts), where checking the whole would cost more than its work.
   */
  known(serverId: string): Promise<RoleSnapshot> | undefined {
    return this.byServer.get(serverId);
  }

  /** The known snapshot if the fingerprint has not moved; else the rows read now, in the same transaction. */
  private async checked(serverId: string, client: ClientBase, features: ServerFeatures): Promise<RoleSnapshot> {
    const fingerprint = await fingerprintOf(client, features);
    const known = await this.byServer.get(serverId)?.catch(() => null);
    if (known?.fingerprint === fingerprint) return known;
    const reading = (async () =>
      new RoleSnapshot(fingerprint, await allRoles(client), await allMemberships(client, features)))();
    this.byServer.set(serverId, reading);
    reading.catch(() => {
      if (this.byServer.get(serverId) === reading) this.byServer.delete(serverId);
    });
    return reading;
  }
}
