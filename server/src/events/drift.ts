import pg from 'pg';
import { currentDatabase, type PgClass, relations, schemas } from '../catalog/objects.js';
import { privilegesFor } from '../catalog/privileges.js';
import { allMemberships, allRoles } from '../catalog/roles.js';
import { serverFeatures } from '../catalog/server.js';
import type { Services } from '../context.js';
import { RolecallError } from '../errors.js';
import type { Database, Event, Server } from '../generated/prisma/client.js';
import { metadataConnection } from '../metadata/client.js';
import { targetFor } from '../operations/connections.js';
import type { ConnectionTarget } from '../pools/managed.js';
import {
  CATEGORIES_OF,
  type Drift,
  membershipDrift,
  type ObjectState,
  objectDrift,
  roleDrift,
  type ServerSnapshot,
} from './drift-diff.js';

/** Time for a Rolecall change's own event to be written after its commit, before a diff is called external. */
const GRACE_MS = 400;

/** No role Rolecall stores a password for is a collaborator's on the database's server. */
class NoReaderError extends Error {
  constructor() {
    super('no configured role works on this database');
  }
}

/** Why a catalog could not be read, in words safe to show: a typed error's message, never a driver's raw one. */
function unreadableBecause(error: unknown): string {
  if (error instanceof RolecallError || error instanceof NoReaderError) return error.message;
  return 'its catalog could not be read';
}

interface Watched {
  server: Server & { databases: Database[] };
  snapshot: ServerSnapshot | null;
  objects: Map<string, ObjectState[]>;
  polledAt: Date;
}

const FINGERPRINT = {
  server: `SELECT md5(coalesce(string_agg(r::text, ',' ORDER BY r.oid), '')) ||
                  (SELECT md5(coalesce(string_agg(m::text, ',' ORDER BY m.roleid, m.member, m.grantor), '')) FROM pg_catalog.pg_auth_members m) AS fingerprint
             FROM (SELECT oid, rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication,
                          rolbypassrls, rolconnlimit, rolvaliduntil FROM pg_catalog.pg_roles) r`,
  database: `SELECT md5(coalesce((SELECT string_agg(concat_ws(':', oid, datdba, datacl), ',') FROM pg_catalog.pg_database WHERE datname = current_database()), '')
                 || coalesce((SELECT string_agg(concat_ws(':', oid, nspname, nspowner, nspacl), ',' ORDER BY oid) FROM pg_catalog.pg_namespace), '')
                 || coalesce((SELECT string_agg(concat_ws(':', oid, relname, relnamespace, relowner, relacl), ',' ORDER BY oid)
                                FROM pg_catalog.pg_class WHERE relkind IN ('r', 'p', 'v', 'm', 'f', 'S')), '')) AS fingerprint`,
};

function relationState(relation: PgClass): ObjectState {
  return {
    oid: relation.oid,
    objectKind: relation.relkind === 'S' ? 'SEQUENCE' : 'TABLE',
    label: `${relation.nspname}.${relation.relname}`,
    owner: relation.relowner,
    acl: relation.acl,
  };
}

/**
 * Finds permission changes made outside Rolecall (psql …) on every connected server: polls cheap catalog
 * fingerprints, and only when one moved reads the catalog and records precise EXTERNAL events. One instance
 * watches each server (a session advisory lock on the metadata database); another takes over if it dies.
 */
export class DriftWatcher {
  private readonly watched = new Map<string, Watched>();
  /** What this instance last recorded of each database's unwatched state (a reason, or null: watched). */
  private readonly unwatched = new Map<string, string | null>();
  private readonly fingerprints = new Map<string, string>();
  private lockClient: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly services: Services,
    private readonly metadataUrl: string,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.tick()).catch((error) => this.warn('drift poll failed', error));
    }, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.lockClient?.end().catch(() => undefined);
    this.lockClient = null;
  }

  private warn(message: string, error: unknown): void {
    this.services.logger.warn({ err: error instanceof Error ? error.message : String(error) }, message);
  }

  private async locks(): Promise<pg.Client> {
    if (this.lockClient) return this.lockClient;
    const client = new pg.Client({ ...metadataConnection(this.metadataUrl), application_name: 'rolecall-drift' });
    client.on('error', () => undefined);
    client.on('end', () => {
      // The session's advisory locks are gone with it: start over as a candidate for every server.
      if (this.lockClient === client) this.lockClient = null;
      this.watched.clear();
    });
    await client.connect();
    this.lockClient = client;
    return client;
  }

  private async claim(serverId: string): Promise<boolean> {
    const client = await this.locks();
    const { rows } = await client.query<{ claimed: boolean }>(
      "SELECT pg_try_advisory_lock(hashtextextended('rolecall.drift.' || $1, 0)) AS claimed",
      [serverId],
    );
    return rows[0]?.claimed ?? false;
  }

  private async tick(): Promise<void> {
    const servers = await this.services.metadata.server.findMany({ include: { databases: true } });
    for (const server of servers) {
      if (server.databases.length === 0) continue;
      const current = this.watched.get(server.id);
      if (!current && !(await this.claim(server.id))) continue;
      const watched = current ?? { server, snapshot: null, objects: new Map(), polledAt: new Date() };
      watched.server = server;
      this.watched.set(server.id, watched);
      const address = `${server.host}:${server.port}`;
      await this.services.metrics
        .timeDriftPoll(address, () => this.poll(watched))
        .catch((error) => this.warn(`drift poll of ${address} failed`, error));
    }
  }

  /**
   * A configured role to read a database's catalog as: one its own collaborators work through, so it is known to log
   * in there (another database's role may lack CONNECT on it), else one any collaborator of the server works through.
   */
  private async readerTarget(server: Server, database: Database): Promise<ConnectionTarget | null> {
    const role =
      (await this.services.metadata.configuredRole.findFirst({
        where: { serverId: server.id, collaborators: { some: { databaseId: database.id } } },
        orderBy: { createdAt: 'asc' },
      })) ??
      (await this.services.metadata.configuredRole.findFirst({
        where: { serverId: server.id, collaborators: { some: {} } },
        orderBy: { createdAt: 'asc' },
      }));
    return role ? targetFor(this.services, server, database.name, role) : null;
  }

  /**
   * Records whether a database's catalog can be read (null: it can), only when that changes: a database that cannot
   * be read is shown as unwatched, with the reason, until it can be again.
   */
  private async markWatched(database: Database, reason: string | null): Promise<void> {
    if ((this.unwatched.get(database.id) ?? database.unwatchedReason) === reason) return;
    this.unwatched.set(database.id, reason);
    if (reason) this.services.logger.warn({ database: database.name, reason }, 'database not watched for drift');
    await this.services.metadata.database.updateMany({
      where: { id: database.id },
      data: { unwatchedReason: reason, unwatchedSince: reason ? new Date() : null },
    });
  }

  private async changed(key: string, target: ConnectionTarget, query: string): Promise<boolean> {
    const fingerprint = await this.services.pools.withClient(
      target,
      async (client) => (await client.query<{ fingerprint: string }>(query)).rows[0]?.fingerprint ?? '',
    );
    const moved = this.fingerprints.get(key) !== fingerprint;
    this.fingerprints.set(key, fingerprint);
    return moved;
  }

  /**
   * One poll of a server: its roles through the first database that can be read, then each database as a role of its
   * own. A database that cannot be read is marked unwatched and the others go on; if none can be read, the poll fails.
   */
  private async poll(watched: Watched): Promise<void> {
    const { server } = watched;
    const since = watched.polledAt;
    watched.polledAt = new Date();
    const drifts: { drift: Drift; databaseId: string | null }[] = [];
    let names: ((oid: number) => string) | null = null;
    let lastFailure: unknown = null;
    for (const database of server.databases) {
      try {
        const target = await this.readerTarget(server, database);
        if (!target) throw new NoReaderError();
        names ??= await this.pollServer(watched, target, drifts);
        await this.pollDatabase(watched, target, database, names, drifts);
        await this.markWatched(database, null);
      } catch (error) {
        lastFailure = error;
        // A fingerprint taken before the read failed would hide the change it saw: read it all again next time.
        this.fingerprints.delete(`database:${database.id}`);
        if (names === null) this.fingerprints.delete(`server:${server.id}`);
        await this.markWatched(database, unreadableBecause(error));
      }
    }
    if (drifts.length > 0) await this.report(server, drifts, since);
    if (names === null && lastFailure) throw lastFailure;
  }

  private async pollServer(
    watched: Watched,
    target: ConnectionTarget,
    drifts: { drift: Drift; databaseId: string | null }[],
  ) {
    // The fingerprint is taken before the snapshot: a change in between shows in both, never in neither.
    const moved = await this.changed(`server:${watched.server.id}`, target, FINGERPRINT.server);
    if (watched.snapshot === null || moved) {
      const snapshot = await this.services.pools.withClient(target, async (client) => {
        const features = await serverFeatures(client);
        return { roles: await allRoles(client), memberships: await allMemberships(client, features) };
      });
      if (watched.snapshot) {
        const before = watched.snapshot;
        const names = nameLookup([...before.roles, ...snapshot.roles]);
        for (const drift of [
          ...roleDrift(before.roles, snapshot.roles),
          ...membershipDrift(before.memberships, snapshot.memberships, names),
        ]) {
          drifts.push({ drift, databaseId: null });
        }
      }
      watched.snapshot = snapshot;
    }
    return nameLookup(watched.snapshot?.roles ?? []);
  }

  private async pollDatabase(
    watched: Watched,
    target: ConnectionTarget,
    database: Database,
    names: (oid: number) => string,
    drifts: { drift: Drift; databaseId: string | null }[],
  ) {
    const known = watched.objects.get(database.id);
    const moved = await this.changed(`database:${database.id}`, target, FINGERPRINT.database);
    if (known && !moved) return;
    // ACLs read as text against the roles just polled (a role newer than those makes it read them exploded).
    const roleOids = Promise.resolve(new Map((watched.snapshot?.roles ?? []).map((role) => [role.rolname, role.oid])));
    const objects = await this.services.pools.withClient(target, async (client) => {
      const features = await serverFeatures(client);
      const [own, spaces, rels] = [
        await currentDatabase(client, privilegesFor('DATABASE', features)),
        await schemas(client, privilegesFor('SCHEMA', features), roleOids),
        await relations(
          client,
          privilegesFor('TABLE', features),
          privilegesFor('SEQUENCE', features),
          undefined,
          roleOids,
        ),
      ];
      return [
        { oid: own.oid, objectKind: 'DATABASE' as const, label: own.datname, owner: own.datdba, acl: own.acl },
        ...spaces.map((schema) => ({
          oid: schema.oid,
          objectKind: 'SCHEMA' as const,
          label: schema.nspname,
          owner: schema.nspowner,
          acl: schema.acl,
        })),
        ...rels.map(relationState),
      ];
    });
    if (known) for (const drift of objectDrift(known, objects, names)) drifts.push({ drift, databaseId: database.id });
    watched.objects.set(database.id, objects);
  }

  /** Records what Rolecall itself did not do, as EXTERNAL events. */
  private async report(
    server: Server,
    drifts: { drift: Drift; databaseId: string | null }[],
    since: Date,
  ): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS));
    const own = await this.services.metadata.event.findMany({
      // Only changes committed after the previous snapshot can explain this diff; their events are written after commit.
      where: { serverId: server.id, source: 'ROLECALL', createdAt: { gte: since } },
      orderBy: { id: 'asc' },
    });
    for (const { drift, databaseId } of drifts) {
      const payload =
        drift.category === 'acl'
          ? unexplainedGrants(own, drift, databaseId)
          : explained(own, drift, databaseId)
            ? null
            : drift.payload;
      if (!payload) continue;
      await this.services.events.record(null, {
        kind: drift.kind,
        source: 'EXTERNAL',
        actorId: null,
        serverId: server.id,
        databaseId,
        payload,
      });
    }
  }
}

type GrantEntry = { grantee: string; privileges: string[]; grantable: string[] };

const held = (entry: GrantEntry | undefined) => [
  ...(entry?.privileges ?? []),
  ...(entry?.grantable ?? []).map((privilege) => `${privilege}*`),
];

/**
 * What psql did to one grantee's privileges on one object between two polls, with Rolecall's own changes in between
 * taken out: each Rolecall event records the object's ACL before and after it, so the segments outside them
 * (previous poll → first event's before, one event's after → the next one's before, … → now) are what others did.
 */
function unexplainedGrants(own: Event[], drift: Drift, databaseId: string | null): Drift['payload'] | null {
  const changes = own
    .filter((event) => event.kind === 'privileges.changed' && event.databaseId === databaseId)
    .map((event) => event.payload as { object?: string; acl?: GrantEntry[]; aclBefore?: GrantEntry[] })
    .filter((payload) => payload.object === drift.payload.object && payload.acl && payload.aclBefore);
  if (changes.length === 0) return explained(own, drift, databaseId) ? null : drift.payload;
  const grantee = drift.payload.grantee;
  const entryOf = (acl: GrantEntry[] | undefined) => held(acl?.find((entry) => entry.grantee === grantee));
  const segments: [string[], string[]][] = [];
  let from = entryOf(drift.previousAcl);
  for (const change of changes) {
    segments.push([from, entryOf(change.aclBefore)]);
    from = entryOf(change.acl);
  }
  segments.push([from, entryOf(drift.payload.acl as GrantEntry[])]);
  const granted = [
    ...new Set(segments.flatMap(([before, after]) => after.filter((privilege) => !before.includes(privilege)))),
  ];
  const revoked = [
    ...new Set(segments.flatMap(([before, after]) => before.filter((privilege) => !after.includes(privilege)))),
  ];
  return granted.length === 0 && revoked.length === 0 ? null : { ...drift.payload, granted, revoked };
}

function nameLookup(roles: { oid: number; rolname: string }[]): (oid: number) => string {
  const names = new Map(roles.map((role) => [role.oid, role.rolname]));
  return (oid) => names.get(oid) ?? String(oid);
}

function explained(own: Event[], drift: Drift, databaseId: string | null): boolean {
  return own.some((event) => accountsFor(event, drift, databaseId));
}

/** A Rolecall event of the same kind of change that names the same object or role explains the drift. */
export function accountsFor(event: Event, drift: Drift, databaseId: string | null): boolean {
  const categories = CATEGORIES_OF[event.kind as keyof typeof CATEGORIES_OF] ?? [];
  if (!categories.includes(drift.category)) return false;
  if (databaseId && event.databaseId && event.databaseId !== databaseId) return false;
  const mentioned = namesIn(event);
  // Both ends must match: a Rolecall grant to one role on s.t does not explain another role's new grant on s.t.
  const names = [drift.subject, drift.payload.grantee, drift.payload.role, drift.payload.member].filter(
    (name): name is string => typeof name === 'string',
  );
  return names.every((name) => mentioned.has(name));
}

/**
 * Every name an event mentions, whole: its payload's strings and its SQL's quoted identifiers (and `"s"."t"` as
 * `s.t`). Whole names, because `also_x` must not explain a change to `x`.
 */
function namesIn(event: Event): Set<string> {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') names.add(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(event.payload);
  for (const statement of event.sql) {
    for (const match of statement.matchAll(/"((?:[^"]|"")*)"(?:\."((?:[^"]|"")*)")?/g)) {
      const first = (match[1] as string).replaceAll('""', '"');
      names.add(first);
      if (match[2] !== undefined) {
        const second = match[2].replaceAll('""', '"');
        names.add(second);
        names.add(`${first}.${second}`);
      }
    }
  }
  return names;
}
