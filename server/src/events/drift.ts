import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Services } from '../context.js';
import { RolecallError } from '../errors.js';
import type { Database, Event, Server } from '../generated/prisma/client.js';
import { metadataConnection, metadataPool } from '../metadata/client.js';
import type { ConnectionTarget } from '../pools/managed.js';
import { targetFor } from '../pools/targets.js';
import { readAtOneSnapshot, readDatabaseState, readServerStateWithObjects } from './catalog-state.js';
import { CHECKPOINT_FORMAT, loadCheckpoint, packCheckpoint, writeCheckpoint } from './drift-checkpoints.js';
import type { DatabaseSnapshot, Drift, ServerSnapshot } from './drift-diff.js';
import { databaseDrift, defaultPrivilegeDrift, roleExtrasDrift, serverDrift } from './drift-segments.js';
import { type Effects, SERVER_WIDE, visibleIn } from './effects.js';
import { effectsFromStored } from './stored-effects.js';

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
  /**
   * The server's roles (with their settings and comments), memberships, tablespaces and parameters at the last poll,
   * and the PostgreSQL snapshot they were read under.
   */
  snapshot: Read<ServerSnapshot> | null;
  /** Each database's objects and default privileges at the last poll. */
  databases: Map<string, Read<DatabaseSnapshot>>;
  /** The newest EXTERNAL event of the server when this instance claimed it or last reported (see DriftWatcher.resume). */
  reportedUpTo: bigint;
  /** Its checkpoint is to be left after the poll: it was claimed, and none has been left since (tried each poll). */
  checkpointDue?: boolean;
  /** Its last report failed (its reads went back to what it compared): the failure may have hidden its commit. */
  reportFailed?: boolean;
}

/**
 * What a poll hashes to see whether anything it compares may have moved, in two steps. `versions`: the row versions
 * (xmin) of the catalogs it reads, cheap to hash. Any UPDATE, INSERT or DELETE of a row there changes them (a new
 * version has a new transaction id); only PostgreSQL's in-place updates (VACUUM's statistics) do not, and those never
 * touch a name, owner or ACL. Other DDL (TRUNCATE, ALTER TABLE …) moves them too: then `contents`, the compared
 * columns themselves, decides. pg_roles is a view (pg_authid, its table, is not readable to the watcher's role): its
 * rows are hashed as they are in both.
 */
interface Fingerprint {
  versions: string;
  contents: string;
}

const ROLES = `(SELECT md5(coalesce(string_agg(r::text, ',' ORDER BY r.oid), ''))
                  FROM (SELECT oid, rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication,
                               rolbypassrls, rolconnlimit, rolvaliduntil FROM pg_catalog.pg_roles) r)`;

/** The server-wide catalogs' small rest, hashed as they are in both steps. */
const SERVER_REST = `(SELECT md5(coalesce(string_agg(concat_ws(':', oid, spcowner, spcacl), ',' ORDER BY oid), '')) FROM pg_catalog.pg_tablespace) ||
                  (SELECT md5(coalesce(string_agg(concat_ws(':', parname, paracl), ',' ORDER BY parname), '')) FROM pg_catalog.pg_parameter_acl) ||
                  (SELECT md5(coalesce(string_agg(s::text, ',' ORDER BY s.setrole, s.setdatabase), ''))
                     FROM pg_catalog.pg_db_role_setting s WHERE s.setrole <> 0) ||
                  (SELECT md5(coalesce(string_agg((d.objoid, d.description)::text, ',' ORDER BY d.objoid), ''))
                     FROM pg_catalog.pg_shdescription d WHERE d.classoid = 'pg_catalog.pg_authid'::regclass)`;

/** Functions and types of the database's own schemas. */
const OWN_PROCS = `FROM pg_catalog.pg_proc WHERE pronamespace <> 'pg_catalog'::regnamespace
                                 AND pronamespace <> 'information_schema'::regnamespace`;
const OWN_TYPES = `FROM pg_catalog.pg_type WHERE typnamespace <> 'pg_catalog'::regnamespace
                                 AND typnamespace <> 'information_schema'::regnamespace`;
const RELATIONS = `FROM pg_catalog.pg_class WHERE relkind IN ('r', 'p', 'v', 'm', 'f', 'S')`;
const COLUMNS = 'FROM pg_catalog.pg_attribute WHERE attacl IS NOT NULL';

/** The database's small rest, hashed as they are in both steps. */
const DATABASE_REST = `coalesce((SELECT string_agg(concat_ws(':', oid, datdba, datacl), ',') FROM pg_catalog.pg_database WHERE datname = current_database()), '')
                 || coalesce((SELECT string_agg(concat_ws(':', oid, nspname, nspowner, nspacl), ',' ORDER BY oid) FROM pg_catalog.pg_namespace), '')
                 || (SELECT coalesce(string_agg(concat_ws(':', oid, lanowner, lanacl), ',' ORDER BY oid), '') FROM pg_catalog.pg_language)
                 || (SELECT coalesce(string_agg(concat_ws(':', oid, fdwowner, fdwacl), ',' ORDER BY oid), '') FROM pg_catalog.pg_foreign_data_wrapper)
                 || (SELECT coalesce(string_agg(concat_ws(':', oid, srvowner, srvacl), ',' ORDER BY oid), '') FROM pg_catalog.pg_foreign_server)
                 || (SELECT coalesce(string_agg(concat_ws(':', oid, defaclacl), ',' ORDER BY oid), '') FROM pg_catalog.pg_default_acl)`;

const FINGERPRINT: Record<'server' | 'database', Fingerprint> = {
  server: {
    versions: `SELECT ${ROLES} ||
                  (SELECT md5(coalesce(string_agg(xmin::text, ',' ORDER BY roleid, member, grantor), '')) FROM pg_catalog.pg_auth_members) ||
                  ${SERVER_REST} AS fingerprint`,
    contents: `SELECT ${ROLES} ||
                  (SELECT md5(coalesce(string_agg(m::text, ',' ORDER BY m.roleid, m.member, m.grantor), '')) FROM pg_catalog.pg_auth_members m) ||
                  ${SERVER_REST} AS fingerprint`,
  },
  database: {
    versions: `SELECT md5(${DATABASE_REST}
                 || coalesce((SELECT string_agg(xmin::text, ',' ORDER BY oid) ${RELATIONS}), '')
                 || coalesce((SELECT string_agg(xmin::text, ',' ORDER BY attrelid, attnum) ${COLUMNS}), '')
                 || coalesce((SELECT string_agg(xmin::text, ',' ORDER BY oid) ${OWN_PROCS}), '')
                 || coalesce((SELECT string_agg(xmin::text, ',' ORDER BY oid) ${OWN_TYPES}), '')
                 || (SELECT coalesce(string_agg(xmin::text, ',' ORDER BY oid), '') FROM pg_catalog.pg_largeobject_metadata)) AS fingerprint`,
    contents: `SELECT md5(${DATABASE_REST}
                 || coalesce((SELECT string_agg(concat_ws(':', oid, relname, relnamespace, relowner, relacl), ',' ORDER BY oid) ${RELATIONS}), '')
                 || coalesce((SELECT string_agg(concat_ws(':', attrelid, attnum, attacl), ',' ORDER BY attrelid, attnum) ${COLUMNS}), '')
                 || coalesce((SELECT string_agg(concat_ws(':', oid, proname, proowner, proacl), ',' ORDER BY oid) ${OWN_PROCS}), '')
                 || coalesce((SELECT string_agg(concat_ws(':', oid, typname, typowner, typacl), ',' ORDER BY oid) ${OWN_TYPES}), '')
                 || (SELECT coalesce(string_agg(concat_ws(':', oid, lomowner, lomacl), ',' ORDER BY oid), '') FROM pg_catalog.pg_largeobject_metadata)) AS fingerprint`,
  },
};

/**
 * Finds permission changes made outside Rolecall (psql …) on every connected server: polls cheap catalog
 * fingerprints, and only when one moved reads the catalog and records precise EXTERNAL events. One instance
 * watches each server (a session advisory lock on the metadata database); another takes over if it dies.
 */
export class DriftWatcher {
  private readonly watched = new Map<string, Watched>();
  /** The servers this instance watched until its lock connection was lost, as it last read them. */
  private readonly released = new Map<string, Watched>();
  /** What this instance last recorded of each database's unwatched state (a reason, or null: watched). */
  private readonly unwatched = new Map<string, string | null>();
  /** Each server's and database's fingerprint at its last read (`versions` taken before `contents`). */
  private readonly fingerprints = new Map<string, Fingerprint>();
  /** Each server's own events last read (see ownEffects), with what they did. */
  private readonly effectsOfOwn = new Map<string, Map<bigint, Effects[]>>();
  private lockClient: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly services: Services,
    private readonly metadataUrl: string,
    private readonly intervalMs: number,
  ) {
    services.metrics.countDriftWatched(() =>
      [...this.watched.values()].map(({ server }) => `${server.host}:${server.port}`),
    );
  }

  start(): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.tick()).catch((error) => this.warn('drift poll failed', error));
    }, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.leaveCheckpoints();
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
      for (const [serverId, watched] of this.watched) this.released.set(serverId, watched);
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
    const servers = (await this.services.metadata.server.findMany({ include: { databases: true } })).filter(
      (server) => server.databases.length > 0,
    );
    await this.forgetAllBut(servers);
    for (const server of servers) {
      const current = this.watched.get(server.id);
      if (!current && !(await this.claim(server.id))) {
        // Another instance watches it: what this one last read of it would only grow stale.
        this.released.delete(server.id);
        continue;
      }
      const kept = current && (await this.kept(current));
      const watched =
        kept || (await this.resume(server)) || (await this.fromCheckpoint(server)) || (await this.firstWatch(server));
      watched.server = server;
      if (!kept) watched.checkpointDue = true;
      this.watched.set(server.id, watched);
      const address = `${server.host}:${server.port}`;
      await this.services.metrics
        .timeDriftPoll(address, () => this.poll(watched))
        .catch((error) => this.warn(`drift poll of ${address} failed`, error));
      if (watched.checkpointDue) await this.leaveCheckpoint(watched);
    }
  }

  /**
   * Lets go of what is no longer to watch: a server removed or left with no database (what was read of it, and its
   * lock), a database disconnected (its last read and fingerprint).
   */
  private async forgetAllBut(servers: readonly Watched['server'][]): Promise<void> {
    const serverIds = new Set(servers.map((server) => server.id));
    const databaseIds = new Set(servers.flatMap((server) => server.databases.map((database) => database.id)));
    const kept = (key: string) => serverIds.has(key) || databaseIds.has(key);
    for (const [serverId, watched] of this.watched) {
      for (const databaseId of watched.databases.keys())
        if (!databaseIds.has(databaseId)) watched.databases.delete(databaseId);
      if (serverIds.has(serverId)) continue;
      this.watched.delete(serverId);
      // A lock connection lost meanwhile took the lock with it.
      await this.lockClient
        ?.query("SELECT pg_advisory_unlock(hashtextextended('rolecall.drift.' || $1, 0))", [serverId])
        .catch(() => undefined);
    }
    for (const serverId of [...this.released.keys(), ...this.effectsOfOwn.keys()])
      if (!serverIds.has(serverId)) {
        this.released.delete(serverId);
        this.effectsOfOwn.delete(serverId);
      }
    for (const key of this.fingerprints.keys())
      if (!kept(key.slice(key.indexOf(':') + 1))) this.fingerprints.delete(key);
    for (const databaseId of this.unwatched.keys()) if (!databaseIds.has(databaseId)) this.unwatched.delete(databaseId);
  }

  private async newestExternalEvent(serverId: string): Promise<bigint> {
    const newest = await this.services.metadata.event.findFirst({
      where: { serverId, source: 'EXTERNAL' },
      orderBy: { id: 'desc' },
      select: { id: true },
    });
    return newest?.id ?? 0n;
  }

  /**
   * What this instance read of a server it watches. Unless its last report failed and an EXTERNAL event newer than
   * its last says the report committed after all (its COMMIT's answer lost): then its checkpoint holds the reads it
   * compared with (see fromCheckpoint), and the changes are not reported twice.
   */
  private async kept(watched: Watched): Promise<Watched | null> {
    if (!watched.reportFailed) return watched;
    if ((await this.newestExternalEvent(watched.server.id)) !== watched.reportedUpTo) return null;
    watched.reportFailed = false;
    return watched;
  }

  /** A server claimed with nothing read of it yet: its first poll is where later ones compare from. */
  private async firstWatch(server: Watched['server']): Promise<Watched> {
    return { server, snapshot: null, databases: new Map(), reportedUpTo: await this.newestExternalEvent(server.id) };
  }

  /**
   * A server claimed again after this instance's lock connection was lost (the metadata database restarted, say):
   * its next poll compares with what this instance last read of it, so a change made meanwhile is reported. Unless
   * another instance reported changes of it since: that one watched meanwhile, and the change may be among those.
   */
  private async resume(server: Watched['server']): Promise<Watched | null> {
    const released = this.released.get(server.id);
    this.released.delete(server.id);
    if (!released) return null;
    if ((await this.newestExternalEvent(server.id)) !== released.reportedUpTo) return null;
    return released;
  }

  /**
   * A server claimed that an instance stopped watching (this one before a restart, or another in a rolling deploy):
   * its next poll compares with what that one last read, so a change made in psql while none watched is reported.
   * Unless an instance reported changes of it since (one that watched after it and left no checkpoint: a crash).
   */
  private async fromCheckpoint(server: Watched['server']): Promise<Watched | null> {
    const checkpoint = await loadCheckpoint<CheckpointedReads>(this.services.metadata, server.id);
    if (checkpoint?.state.format !== CHECKPOINT_FORMAT) return null;
    if ((await this.newestExternalEvent(server.id)) !== checkpoint.reportedUpTo) return null;
    const databaseIds = new Set(server.databases.map((database) => database.id));
    return {
      server,
      snapshot: checkpoint.state.server,
      databases: new Map(checkpoint.state.databases.filter(([databaseId]) => databaseIds.has(databaseId))),
      reportedUpTo: checkpoint.reportedUpTo,
    };
  }

  /** On stopping: what this instance last read of each server it watches, for the next instance to watch it. */
  private async leaveCheckpoints(): Promise<void> {
    for (const watched of this.watched.values()) await this.leaveCheckpoint(watched);
  }

  /**
   * What this instance last read of a server, left for the next to watch it: on stopping, after its first poll, and
   * with each report (in its transaction: see report), so a crash never leaves one that the changes reported since make
   * stale (see fromCheckpoint). Polls that found only Rolecall's own changes leave none: its events account for those.
   */
  private async leaveCheckpoint(watched: Watched): Promise<void> {
    const reads = readsOf(watched);
    // After a failed report, the one stored is the right one: the last before it, or the report's if it committed.
    if (!reads || watched.reportFailed) return;
    try {
      const packed = await packCheckpoint(reads);
      await writeCheckpoint(metadataPool(this.services.metadata), watched.server.id, packed, watched.reportedUpTo);
      watched.checkpointDue = false;
    } catch (error) {
      this.warn('drift checkpoint not saved', error);
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
    return role ? targetFor(this.services.secrets, server, database.name, role) : null;
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

  /**
   * Whether what `key` names may have moved since its last read. Its versions are hashed first: unchanged, nothing
   * moved since they were taken (before the contents, before the read). Else its contents decide.
   */
  private async changed(key: string, target: ConnectionTarget, queries: Fingerprint): Promise<boolean> {
    const hash = (client: pg.ClientBase, query: string) =>
      client.query<{ fingerprint: string }>(query).then(({ rows }) => rows[0]?.fingerprint ?? '');
    return this.services.pools.withClient(target, async (client) => {
      const last = this.fingerprints.get(key);
      const versions = await hash(client, queries.versions);
      if (last?.versions === versions) return false;
      const contents = await hash(client, queries.contents);
      this.fingerprints.set(key, { versions, contents });
      return last?.contents !== contents;
    });
  }

  /**
   * One poll of a server: its roles through the first database that can be read, then each database as a role of its
   * own. A database that cannot be read is marked unwatched and the others go on; if none can be read, the poll fails.
   */
  private async poll(watched: Watched): Promise<void> {
    const { server } = watched;
    const moves: Moves = { server: null, databases: [] };
    let serverRead = false;
    let lastFailure: unknown = null;
    for (const database of server.databases) {
      try {
        const target = await this.readerTarget(server, database);
        if (!target) throw new NoReaderError();
        if (!serverRead) moves.server = await this.pollServer(watched, target);
        serverRead = true;
        const moved = await this.pollDatabase(watched, target, database);
        if (moved) moves.databases.push(moved);
        await this.markWatched(database, null);
      } catch (error) {
        lastFailure = error;
        // A fingerprint taken before the read failed would hide the change it saw: read it all again next time.
        this.fingerprints.delete(`database:${database.id}`);
        if (!serverRead) this.fingerprints.delete(`server:${server.id}`);
        await this.markWatched(database, unreadableBecause(error));
      }
    }
    if (moves.server || moves.databases.length > 0) await this.report(watched, moves);
    if (!serverRead && lastFailure) throw lastFailure;
  }

  /** The server's state now, with the previous poll's, when it may have changed since. */
  private async pollServer(watched: Watched, target: ConnectionTarget): Promise<Move<ServerSnapshot> | null> {
    // The fingerprint is taken before the snapshot: a change in between shows in both, never in neither.
    const moved = await this.changed(`server:${watched.server.id}`, target, FINGERPRINT.server);
    const before = watched.snapshot;
    if (before && !moved) return null;
    const now = await this.services.pools.withClient(target, (client) =>
      readAtOneSnapshot(client, readServerStateWithObjects),
    );
    watched.snapshot = now;
    return before ? { before, now } : null;
  }

  private async pollDatabase(
    watched: Watched,
    target: ConnectionTarget,
    database: Database,
  ): Promise<(Move<DatabaseSnapshot> & { database: Database }) | null> {
    const before = watched.databases.get(database.id);
    const moved = await this.changed(`database:${database.id}`, target, FINGERPRINT.database);
    if (before && !moved) return null;
    // ACLs read as text against the roles just polled (a role newer than those makes it read them exploded).
    const roles = watched.snapshot?.state.roles ?? [];
    const roleOids = Promise.resolve(new Map(roles.map((role) => [role.rolname, role.oid])));
    const now = await this.services.pools.withClient(target, (client) =>
      readAtOneSnapshot(client, (reader) => readDatabaseState(reader, roleOids)),
    );
    watched.databases.set(database.id, now);
    // A server upgraded to another major version since (while no instance watched it) has other built-in defaults
    // (acldefault): every table would differ. This read is where later ones compare from.
    const major = (read: Read<DatabaseSnapshot>) => Math.floor(read.state.features.versionNum / 10_000);
    return before && major(before) === major(now) ? { before, now, database } : null;
  }

  /**
   * What Rolecall's own changes to the server written since `since` did, in the order they were recorded. Polls read
   * overlapping windows: an event's effects (a bulk change's are megabytes) are read once, and kept while in one.
   */
  private async ownEffects(serverId: string, since: Date): Promise<Effects[]> {
    const ids = await this.services.metadata.event.findMany({
      where: { serverId, source: 'ROLECALL', createdAt: { gte: since } },
      select: { id: true },
      orderBy: { id: 'asc' },
    });
    const known = this.effectsOfOwn.get(serverId) ?? new Map<bigint, Effects[]>();
    const unread = ids.filter(({ id }) => !known.has(id)).map(({ id }) => id);
    const read =
      unread.length === 0
        ? []
        : await this.services.metadata.event.findMany({
            where: { id: { in: unread } },
            select: { id: true, payload: true },
          });
    const inWindow = new Map<bigint, Effects[]>();
    for (const { id } of ids) inWindow.set(id, known.get(id) ?? []);
    for (const event of read) inWindow.set(event.id, effectsOf(event));
    this.effectsOfOwn.set(serverId, inWindow);
    return [...inWindow.values()].flat();
  }

  /**
   * Records what Rolecall itself did not do, as EXTERNAL events, with the checkpoint of the reads they were found in
   * (one transaction: both or neither). When they cannot be recorded, the reads go back to what was compared, so the
   * next poll finds the same changes again.
   */
  private async report(watched: Watched, moves: Moves): Promise<void> {
    try {
      await this.recordFindings(watched, moves);
    } catch (error) {
      watched.reportFailed = true;
      if (moves.server) {
        watched.snapshot = moves.server.before;
        this.fingerprints.delete(`server:${watched.server.id}`);
      }
      for (const { before, database } of moves.databases) {
        watched.databases.set(database.id, before);
        this.fingerprints.delete(`database:${database.id}`);
      }
      throw error;
    }
  }

  private async recordFindings(watched: Watched, moves: Moves): Promise<void> {
    const { server } = watched;
    // The earliest read compared: a database that could not be read for a while is compared with its last good read.
    const since = new Date(
      Math.min(...[moves.server, ...moves.databases].flatMap((move) => (move ? [move.before.at.getTime()] : []))),
    );
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS));
    // Changes committed after the earlier read began, written after their commit (a margin for clocks): which of
    // them the two reads fall between is then decided exactly, by their transaction ids.
    const transactions = await this.ownEffects(server.id, new Date(since.getTime() - 5_000));
    // Roles dropped or created and dropped in this interval keep their names: their grants and objects went with them.
    const current = watched.snapshot?.state.roles ?? [];
    const names = nameLookup([
      ...(moves.server?.before.state.roles ?? []),
      ...transactions.flatMap((effects) => effects.roles.flatMap((role) => [role.before, role.after])),
      ...current,
    ]);
    const living = new Set(current.map((role) => role.oid));
    const drifts = [
      ...(moves.server ? serverFindings(moves.server, transactions, names) : []),
      ...moves.databases.flatMap((move) => databaseFindings(move, transactions, names, living)),
    ];
    const reads = readsOf(watched);
    if (drifts.length === 0 || !reads) return;
    const packed = await packCheckpoint(reads);
    // One poll's findings are one burst (a psql script's thousands of changes): dashboards group them by its id.
    const burst = { burstId: randomUUID(), burstSize: drifts.length };
    const ids = await this.services.events.recordMany(
      drifts.map(({ drift, databaseId, since: readAt }) => ({
        kind: drift.kind,
        source: 'EXTERNAL' as const,
        actorId: null,
        serverId: server.id,
        databaseId,
        // The change committed after the earlier read began: that is as precisely as polling can date it.
        payload: { ...drift.payload, ...burst, observedSince: readAt.toISOString() },
      })),
      (metadata, lastId) => writeCheckpoint(metadata, server.id, packed, lastId),
    );
    watched.reportedUpTo = ids.at(-1) ?? watched.reportedUpTo;
    watched.checkpointDue = false;
  }
}

/** What a checkpoint keeps of a watched server (none before its roles were first read). */
function readsOf(watched: Watched): CheckpointedReads | null {
  if (!watched.snapshot) return null;
  return { format: CHECKPOINT_FORMAT, server: watched.snapshot, databases: [...watched.databases] };
}

/** A catalog state and the PostgreSQL snapshot it was read under. */
type Read<T> = { snapshot: string; state: T; at: Date };

/** What a checkpoint keeps of a watched server (see drift-checkpoints.ts). */
interface CheckpointedReads {
  format: number;
  server: Read<ServerSnapshot>;
  databases: [string, Read<DatabaseSnapshot>][];
}

/** A catalog read that moved since the previous poll: what it was then, and is now. */
interface Move<T> {
  before: Read<T>;
  now: Read<T>;
}

interface Moves {
  server: Move<ServerSnapshot> | null;
  databases: (Move<DatabaseSnapshot> & { database: Database })[];
}

/** A change found, the database it belongs to (null: the server's), and when the read before it began. */
type Finding = { drift: Drift; databaseId: string | null; since: Date };

/** What others changed of the server's roles, memberships, tablespaces and parameters between its two reads. */
function serverFindings(move: Move<ServerSnapshot>, transactions: Effects[], names: Names): Finding[] {
  const { before, now } = move;
  const between = madeBetween(transactions, before, now);
  const own = <T>(pick: (effects: Effects) => T[] | undefined) => between.flatMap((effects) => pick(effects) ?? []);
  const serverWide = own((effects) => effects.objects).filter((object) => object.database === SERVER_WIDE);
  const [roles, memberships] = [own((effects) => effects.roles), own((effects) => effects.memberships)];
  const [settings, comments] = [own((effects) => effects.settings), own((effects) => effects.comments)];
  return [
    ...serverDrift(before.state, now.state, roles, memberships, names, serverWide),
    ...roleExtrasDrift(before.state, now.state, settings, comments, names),
  ].map((drift) => ({ drift, databaseId: null, since: before.at }));
}

/** What others changed of one database's objects and default privileges between its two reads. */
function databaseFindings(
  move: Move<DatabaseSnapshot> & { database: Database },
  transactions: Effects[],
  names: Names,
  living: ReadonlySet<number>,
): Finding[] {
  const { before, now, database } = move;
  const between = madeBetween(transactions, before, now);
  const here = <T extends { database: string }>(items: T[]) => items.filter((item) => item.database === database.name);
  const objects = here(between.flatMap((effects) => effects.objects));
  const defaultAcls = here(between.flatMap((effects) => effects.defaultAcls ?? []));
  return [
    ...databaseDrift(before.state.objects, now.state.objects, objects, names),
    ...defaultPrivilegeDrift(before.state, now.state, defaultAcls, names, living),
  ].map((drift) => ({ drift, databaseId: database.id, since: before.at }));
}

/** What each transaction of a Rolecall event observed its change do (none for events that change no catalog). */
function effectsOf(event: Pick<Event, 'payload'>): Effects[] {
  return effectsFromStored((event.payload as { effects?: unknown } | null)?.effects);
}

/** Rolecall's transactions the later read saw and the earlier did not: exactly those between the two. */
const madeBetween = (transactions: Effects[], before: Read<unknown>, now: Read<unknown>) =>
  transactions.filter((effects) => visibleIn(now.snapshot, effects.xid) && !visibleIn(before.snapshot, effects.xid));

type Names = (oid: number) => string;

function nameLookup(roles: ({ oid: number; rolname: string } | null)[]): Names {
  const names = new Map(roles.filter((role) => role !== null).map((role) => [role.oid, role.rolname]));
  return (oid) => names.get(oid) ?? String(oid);
}
