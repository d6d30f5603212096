import DataLoader from 'dataloader';
import type { ClientBase } from 'pg';
import { fromPostgres } from '../errors.js';
import { together } from '../pools/batched-queries.js';
import { defaultAcls, type PgDefaultAcl } from './default-privileges.js';
import { dependenciesOfRoles, type RoleDependencies } from './dependencies.js';
import { MembershipIndex } from './memberships.js';
import {
  currentDatabase,
  type OnlyRelations,
  type PgClass,
  type PgDatabase,
  type PgNamespace,
  type RoleOids,
  relationNames,
  relationOidsIn,
  relations,
  schemas,
  serialSequences,
} from './objects.js';
import { privilegesFor } from './privileges.js';
import { RoleGraph, RoleGraphIndex } from './role-graph.js';
import type { Standing } from './role-rules.js';
import { extrasOfRoles, NO_EXTRAS, type RoleExtras } from './role-settings.js';
import { type RoleSnapshot, type RoleSnapshots, rolesByOidOf, SnapshotKey } from './role-snapshot.js';
import { allRoles, currentRoleName, type PgAuthMember, type PgRole } from './roles.js';
import {
  columnsOf,
  columnsWithAcl,
  everyParameter,
  type OtherKind,
  type PgColumn,
  type PgSecurable,
  type SecurableName,
  securableNamed,
  securables,
} from './securables.js';
import { type ServerFeatures, serverFeatures } from './server.js';

/** A memo per argument: each kind is read at most once per request. */
function memoBy<K, T>(load: (key: K) => Promise<T>): (key: K) => Promise<T> {
  const loaded = new Map<K, Promise<T>>();
  return (key) => {
    let entry = loaded.get(key);
    if (!entry) {
      entry = load(key);
      loaded.set(key, entry);
    }
    return entry;
  };
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

export type RunOnCatalog = <T>(work: (client: ClientBase) => Promise<T>) => Promise<T>;

/** Where a reader finds the server's roles and memberships, shared with every other request on that server. */
export interface SharedRoles {
  snapshots: RoleSnapshots;
  serverId: () => Promise<string>;
}

const ROLES_BY_NAME = new SnapshotKey<Map<string, PgRole>>('roles by name');
const ROLE_OIDS = new SnapshotKey<Map<string, number>>('role OIDs by name');
const GRAPH_INDEX = new SnapshotKey<RoleGraphIndex>('membership graph index');
const MEMBERSHIPS = new SnapshotKey<MembershipIndex>('memberships by role and member');
const SHARED_GRAPHS = new SnapshotKey<Map<string, RoleGraph>>('membership graphs by database owner');

function memo<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= load();
    return value;
  };
}

/** Names one value derived from a request's reads (CatalogReader.derived); T is the value's type. */
export class DerivedKey<T> {
  declare readonly type: T;
  readonly symbol: symbol;
  constructor(description: string) {
    this.symbol = Symbol(description);
  }
}

/**
 * Like memo, but once loaded the value itself: a resolver run for each of 10,000 rows then needs no promise each.
 */
function settledMemo<T>(load: () => Promise<T>): () => T | Promise<T> {
  let entry: { promise: Promise<T>; value?: T } | undefined;
  return () => {
    if (!entry) {
      const created: { promise: Promise<T>; value?: T } = { promise: load() };
      created.promise.then(
        (value) => {
          created.value = value;
        },
        () => undefined,
      );
      entry = created;
    }
    return 'value' in entry ? (entry.value as T) : entry.promise;
  };
}

/** Whether role `t.role` (0: PUBLIC, which has_schema_privilege does not take) has USAGE on schema `t.schema`. */
const SCHEMA_USAGE = `CASE WHEN t.role = 0
  THEN EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
                WHERE n.oid = t.schema AND a.grantee = 0 AND a.privilege_type = 'USAGE')
  ELSE has_schema_privilege(t.role, t.schema, 'USAGE') END`;

/**
 * One database's live catalog as the viewer's role sees it, for one request: each kind is read at most once
 * (one query per kind, however many fields ask), so a role graph or a list of 5,000 tables costs a handful of queries.
 */
export class CatalogReader {
  constructor(
    private readonly run: RunOnCatalog,
    private readonly shared: SharedRoles,
    private readonly pinned?: { roles: RoleSnapshot; from: CatalogReader },
  ) {
    // A reader pinned to other roles shares the reads that do not depend on them.
    this.features = pinned?.from.features ?? memo((): Promise<ServerFeatures> => this.run(serverFeatures));
    this.currentRole = pinned?.from.currentRole ?? memo((): Promise<string> => this.run(currentRoleName));
    this.database = pinned?.from.database ?? memo(() => this.readDatabase());
  }

  readonly features: () => Promise<ServerFeatures>;
  readonly currentRole: () => Promise<string>;
  readonly database: () => Promise<PgDatabase>;

  /**
   * For the small reads a change looks its targets up with: those issued at once share a connection and a round trip
   * (pools/batched-queries.ts). Reads of whole catalogs keep a connection each, to run side by side.
   */
  private readonly lookUp: RunOnCatalog = together((work) => this.run(work), fromPostgres);

  /** The server's roles and memberships as they are now: checked once per request, read again only if they moved. */
  private readonly roleSnapshot = memo(async (): Promise<RoleSnapshot> => {
    if (this.pinned) return this.pinned.roles;
    const [features, serverId] = await Promise.all([this.features(), this.shared.serverId()]);
    return this.run((client) => this.shared.snapshots.current(serverId, client, features));
  });

  /** This reader with `roles` for the server's roles and memberships (its other reads as they are). */
  withRoles(roles: RoleSnapshot): CatalogReader {
    return new CatalogReader(this.run, this.shared, { roles, from: this });
  }

  /** The snapshot of the server's roles this reader last had, unchecked (see RoleSnapshots.known). */
  async knownRoles(): Promise<RoleSnapshot | undefined> {
    return this.shared.snapshots.known(await this.shared.serverId())?.catch(() => undefined);
  }
  readonly roles = memo(async (): Promise<readonly PgRole[]> => (await this.roleSnapshot()).roles);
  readonly memberships = memo(async (): Promise<readonly PgAuthMember[]> => (await this.roleSnapshot()).memberships);
  /** Each membership once, under its role and its member. */
  readonly membershipIndex = memo(async () =>
    (await this.roleSnapshot()).derived(MEMBERSHIPS, (snapshot) => new MembershipIndex(snapshot.memberships)),
  );
  private async readDatabase(): Promise<PgDatabase> {
    const features = await this.features();
    return this.lookUp((client) => currentDatabase(client, privilegesFor('DATABASE', features)));
  }
  // ACLs exploded: a database has few schemas, and their text needs every role's OID (a check of all of them).
  readonly schemas = memo(async (): Promise<PgNamespace[]> => {
    const features = await this.features();
    return this.run((client) => schemas(client, privilegesFor('SCHEMA', features)));
  });
  readonly relations = memo((): Promise<PgClass[]> => this.relationsWhere(undefined, this.roleOids()));

  /** Relations with their ACLs (`only` some of them); with `roleOids`, ACLs read as text (many rows). */
  private async relationsWhere(
    only: OnlyRelations | undefined,
    roleOids?: RoleOids,
    run: RunOnCatalog = this.run,
  ): Promise<PgClass[]> {
    const features = await this.features();
    return run((client) =>
      relations(client, privilegesFor('TABLE', features), privilegesFor('SEQUENCE', features), only, roleOids),
    );
  }

  /** Where roles own objects or hold privileges: the roles a request asks about in one tick, in one query. */
  private readonly dependencies = new DataLoader<number, RoleDependencies[]>(async (roleOids) => {
    const byRole = await this.run((client) => dependenciesOfRoles(client, roleOids));
    return roleOids.map((oid) => byRole.get(oid) ?? []);
  });

  roleDependencies(roleOid: number): Promise<RoleDependencies[]> {
    return this.dependencies.load(roleOid);
  }

  /** Settings, comment and open sessions of the roles a request asks about in one tick, in one query. */
  private readonly extras = new DataLoader<number, RoleExtras>(async (roleOids) => {
    const byRole = await this.run((client) => extrasOfRoles(client, roleOids));
    return roleOids.map((oid) => byRole.get(oid) ?? NO_EXTRAS);
  });

  roleExtras(roleOid: number): Promise<RoleExtras> {
    return this.extras.load(roleOid);
  }

  /** Roles by OID, indexed once per snapshot (resolvers of many rows look them up without a promise each). */
  readonly rolesByOid = memo(async () => rolesByOidOf(await this.roleSnapshot()));
  /** For reading many ACLs as text (see catalog/objects.ts). */
  private readonly roleOids = memo(async () =>
    (await this.roleSnapshot()).derived(
      ROLE_OIDS,
      ({ roles }) => new Map(roles.map((role) => [role.rolname, role.oid])),
    ),
  );
  private readonly rolesByName = memo(async () =>
    (await this.roleSnapshot()).derived(
      ROLES_BY_NAME,
      ({ roles }) => new Map(roles.map((role) => [role.rolname, role])),
    ),
  );
  /** The membership graph's index, built once per snapshot; each request walks it with its own RoleGraph. */
  private readonly graphIndex = memo(async () =>
    (await this.roleSnapshot()).derived(
      GRAPH_INDEX,
      ({ roles, memberships }) => new RoleGraphIndex(roles, memberships),
    ),
  );

  async roleByOid(oid: number): Promise<PgRole | undefined> {
    return (await this.rolesByOid()).get(oid);
  }

  async roleByName(name: string): Promise<PgRole | undefined> {
    return (await this.rolesByName()).get(name);
  }

  /** The roles a request names in one tick (a change to 100 grantees), in one query. */
  private readonly rolesNamed = new DataLoader<string, PgRole | undefined>(async (names) => {
    const found = new Map(
      (await this.lookUp((client) => allRoles(client, { names }))).map((role) => [role.rolname, role]),
    );
    return names.map((name) => found.get(name));
  });

  /** One role, read alone: for a mutation that names one role, without reading every role of the server. */
  roleNamed(name: string): Promise<PgRole | undefined> {
    return this.rolesNamed.load(name);
  }

  /** One relation, read alone: for a mutation that names one table, without reading thousands. */
  async relationNamed(schema: string, name: string): Promise<PgClass | undefined> {
    return (await this.relationsWhere({ schema, name }, undefined, this.lookUp))[0];
  }

  /** One function, type, language, … by its name (see securableNamed), or null. */
  securableNamed(kind: OtherKind, name: SecurableName): Promise<PgSecurable | null> {
    return this.lookUp((client) => securableNamed(client, kind, name));
  }

  /** Every object of one of those kinds; parameters: every one the role can see, with privileges granted or not. */
  readonly securables = memoBy(
    (kind: OtherKind): Promise<PgSecurable[]> =>
      this.run((client) => (kind === 'PARAMETER' ? everyParameter(client) : securables(client, kind))),
  );

  /** The columns of the relations a request asks about in one tick, in one query. */
  private readonly columnsByRelation = new DataLoader<number, PgColumn[]>(async (relids) => {
    const byRelation = groupBy(await this.run((client) => columnsOf(client, relids)), (column) => column.relid);
    return relids.map((relid) => byRelation.get(relid) ?? []);
  });

  /** The columns of one relation, each with its own ACL. */
  columnsOf(relid: number): Promise<PgColumn[]> {
    return this.columnsByRelation.load(relid);
  }

  /** Every column with privileges of its own (attacl), in one query: what an access review reports of columns. */
  readonly columnsWithAcl = memo((): Promise<PgColumn[]> => this.run(columnsWithAcl));

  /** The database's default privileges (ALTER DEFAULT PRIVILEGES), every role's. */
  readonly defaultAcls = memo((): Promise<PgDefaultAcl[]> => this.run(defaultAcls));

  /** Every relation's name and kind, without ACLs: what a list searches and pages before reading one page. */
  readonly relationNames = memo(() => this.run(relationNames));

  /** The relations of one page, with their ACLs, in the catalog's order. */
  /** The partitions of a partitioned table, with their ACLs. */
  partitionsOf(parent: number): Promise<PgClass[]> {
    return this.relationsWhere({ partitionsOf: parent });
  }

  async relationsByOid(oids: readonly number[]): Promise<PgClass[]> {
    if (oids.length === 0) return [];
    return this.relationsWhere({ oids }, this.roleOids());
  }

  private readonly relationsBySchema = memo(async () =>
    groupBy(await this.relations(), (relation) => relation.relnamespace),
  );

  /** The OIDs of every relation of a schema, its partitions too (whatever schema their parent is in). */
  everyRelationOidIn(schemaOid: number): Promise<number[]> {
    return this.run((client) => relationOidsIn(client, schemaOid));
  }

  async relationsIn(schemaOid: number): Promise<PgClass[]> {
    return (await this.relationsBySchema()).get(schemaOid) ?? [];
  }

  /** USAGE on schemas, asked about (role, schema) pairs of one tick, in one query. */
  private readonly schemaUsage = new DataLoader<string, boolean>(async (keys) => {
    const pairs = keys.map((key) => key.split(':').map(Number) as [number, number]);
    const rows = await this.lookUp(async (client) => {
      const { rows } = await client.query<{ ok: boolean }>(
        `SELECT ${SCHEMA_USAGE} AS ok
           FROM unnest($1::oid[], $2::oid[]) WITH ORDINALITY AS t(role, schema, at) ORDER BY t.at`,
        [pairs.map(([role]) => role), pairs.map(([, schema]) => schema)],
      );
      return rows;
    });
    return rows.map((row) => row.ok);
  });

  /**
   * Asks whether roles (by name; null: PUBLIC) have USAGE on a schema (by name) before their OIDs are known, in one
   * query with the other lookups of a change (one round trip): hasSchemaUsage then answers from what was read.
   */
  lookUpSchemaUsage(roleNames: readonly (string | null)[], schemaName: string): void {
    const asked = this.lookUp(async (client) => {
      const { rows } = await client.query<{ role: number; schema: number; ok: boolean }>(
        `SELECT t.role, t.schema, ${SCHEMA_USAGE} AS ok
           FROM (SELECT CASE WHEN g.name IS NULL THEN 0
                             ELSE (SELECT r.oid::int FROM pg_catalog.pg_roles r WHERE r.rolname = g.name) END AS role,
                        n.oid::int AS schema
                   FROM unnest($1::text[]) AS g(name) CROSS JOIN pg_catalog.pg_namespace n
                  WHERE n.nspname = $2::text) t
          WHERE t.role IS NOT NULL`,
        [roleNames, schemaName],
      );
      for (const row of rows) this.schemaUsage.prime(`${row.role}:${row.schema}`, row.ok);
    });
    asked.catch(() => undefined);
  }

  /** Whether a role (or PUBLIC, OID 0) has USAGE on a schema, as PostgreSQL decides it. */
  hasSchemaUsage(roleOid: number, schemaOid: number): Promise<boolean> {
    return this.schemaUsage.load(`${roleOid}:${schemaOid}`);
  }

  /** Sequences that feed a table's serial columns. */
  private readonly sequencesOfTable = new Map<number, Promise<{ nspname: string; relname: string }[]>>();

  /** Read once per table and request, however many grantees of one change gain INSERT on it. */
  serialSequences(tableOid: number): Promise<{ nspname: string; relname: string }[]> {
    let sequences = this.sequencesOfTable.get(tableOid);
    if (!sequences) {
      sequences = this.lookUp((client) => serialSequences(client, tableOid));
      this.sequencesOfTable.set(tableOid, sequences);
    }
    return sequences;
  }

  /** Database privileges the connected role holds, as PostgreSQL decides them. */
  readonly viewerDatabasePrivileges = memo(async (): Promise<string[]> => {
    const features = await this.features();
    return this.run(async (client) => {
      const { rows } = await client.query<{ privilege: string }>(
        'SELECT p AS privilege FROM unnest($1::text[]) p WHERE has_database_privilege(current_database(), p)',
        [privilegesFor('DATABASE', features)],
      );
      return rows.map((row) => row.privilege);
    });
  });

  /** The membership graph for effective-privilege questions, built once per request. */
  readonly graph = memo(async (): Promise<RoleGraph> => {
    const [index, database, features] = await Promise.all([this.graphIndex(), this.database(), this.features()]);
    return new RoleGraph(index, {
      databaseOwner: database.datdba,
      membershipOptions: features.membershipOptions,
    });
  });

  /**
   * A membership graph kept as long as the snapshot of roles it is built from, shared by every request on the server
   * (per database owner, whose implicit membership of pg_database_owner it adds): the closures one access review
   * computes for thousands of roles serve the next one too, where a request's own graph would walk them all again.
   */
  readonly sharedGraph = memo(async (): Promise<RoleGraph> => {
    const [snapshot, index, database, features] = await Promise.all([
      this.roleSnapshot(),
      this.graphIndex(),
      this.database(),
      this.features(),
    ]);
    const byOwner = snapshot.derived(SHARED_GRAPHS, () => new Map<string, RoleGraph>());
    const key = `${database.datdba} ${features.membershipOptions}`;
    let graph = byOwner.get(key);
    if (!graph) {
      graph = new RoleGraph(index, { databaseOwner: database.datdba, membershipOptions: features.membershipOptions });
      byOwner.set(key, graph);
    }
    return graph;
  });

  readonly viewerRole = memo(async (): Promise<PgRole | undefined> => this.roleByName(await this.currentRole()));

  private readonly derivedValues = new Map<symbol, () => unknown>();

  /**
   * What a caller builds from this request's reads (the schema's role shapes, say), built once per request and key,
   * and handed out as the value itself once built: the request's caches all live here.
   */
  derived<T>(key: DerivedKey<T>, build: () => Promise<T>): T | Promise<T> {
    let get = this.derivedValues.get(key.symbol) as (() => T | Promise<T>) | undefined;
    if (!get) {
      get = settledMemo(build);
      this.derivedValues.set(key.symbol, get);
    }
    return get();
  }

  /** The viewer's role and the membership graph, as PostgreSQL's role rules (role-rules.ts) judge with them. */
  readonly roleStanding = settledMemo(async (): Promise<Standing> => {
    const [viewer, index, features] = await Promise.all([this.viewerRole(), this.graphIndex(), this.features()]);
    return { viewer, graph: new RoleGraph(index), adminOptionRules: features.membershipOptions };
  });
}
