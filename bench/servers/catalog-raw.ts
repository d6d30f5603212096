/**
 * The fair catalog baseline (issue 18): a bare node:http server answering GET /roles, /acls and /effective with
 * JSON shaped as Rolecall's GraphQL answers them, from the same SQL Rolecall runs — the very functions of
 * server/src/catalog/, on separate pool connections where Rolecall runs them at once, with the server's roles and
 * memberships kept between requests and re-read only when their fingerprint moves, as Rolecall keeps them
 * (RoleSnapshots). No GraphQL, no authentication, no metadata database. Connects to CATALOG_RAW_URL (the
 * benchmark's owner role). Prints `listening <port>`.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { effectivePrivilegesOn } from '../../server/src/catalog/effective.js';
import { MembershipIndex } from '../../server/src/catalog/memberships.js';
import {
  type AclItem,
  currentDatabase,
  type PgClass,
  PUBLIC_OID,
  relations,
  schemas,
} from '../../server/src/catalog/objects.js';
import { type ObjectKind, privilegesFor } from '../../server/src/catalog/privileges.js';
import { RoleGraph, RoleGraphIndex } from '../../server/src/catalog/role-graph.js';
import { type RoleSnapshot, RoleSnapshots, SnapshotKey } from '../../server/src/catalog/role-snapshot.js';
import type { PgRole } from '../../server/src/catalog/roles.js';
import { type ServerFeatures, serverFeatures } from '../../server/src/catalog/server.js';

const url = process.env.CATALOG_RAW_URL;
if (!url) throw new Error('CATALOG_RAW_URL is not set');
// As many connections as Rolecall's pool for one managed database (server/src/pools/managed.ts).
const pool = new pg.Pool({ connectionString: url, max: 4 });
const snapshots = new RoleSnapshots();
const SERVER_ID = 'bench';

async function withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

const features = () => withClient(serverFeatures);
const currentRoles = (known: ServerFeatures) => withClient((client) => snapshots.current(SERVER_ID, client, known));

// Built once per snapshot, as Rolecall's reader builds them (server/src/catalog/reader.ts).
const BY_OID = new SnapshotKey<Map<number, PgRole>>('roles by OID');
const BY_NAME = new SnapshotKey<Map<string, PgRole>>('roles by name');
const OIDS = new SnapshotKey<Map<string, number>>('role OIDs by name');
const MEMBERSHIPS = new SnapshotKey<MembershipIndex>('memberships');
const GRAPH_INDEX = new SnapshotKey<RoleGraphIndex>('graph index');

const byOid = (snapshot: RoleSnapshot) =>
  snapshot.derived(BY_OID, ({ roles }) => new Map(roles.map((role) => [role.oid, role])));
const roleOids = (snapshot: Promise<RoleSnapshot>) =>
  snapshot.then((known) => known.derived(OIDS, ({ roles }) => new Map(roles.map((role) => [role.rolname, role.oid]))));

// --- GET /roles: every role with its attributes and the roles it is a member of --------------------------------

async function roleGraph() {
  const snapshot = await currentRoles(await features());
  const roles = byOid(snapshot);
  const index = snapshot.derived(MEMBERSHIPS, ({ memberships }) => new MembershipIndex(memberships));
  return {
    roles: snapshot.roles.map((role) => ({
      name: role.rolname,
      oid: role.oid,
      isSuperuser: role.rolsuper,
      canLogin: role.rolcanlogin,
      inherit: role.rolinherit,
      createRole: role.rolcreaterole,
      createDb: role.rolcreatedb,
      replication: role.rolreplication,
      bypassRls: role.rolbypassrls,
      connectionLimit: role.rolconnlimit,
      validUntil: role.rolvaliduntil,
      isPredefined: role.is_predefined,
      memberOf: index.groupsOf(role.oid).flatMap((membership) => {
        const group = roles.get(membership.roleid);
        return group
          ? [
              {
                role: { name: group.rolname },
                admin: membership.admin,
                inherit: membership.inherit,
                set: membership.set,
              },
            ]
          : [];
      }),
    })),
  };
}

// --- GET /acls: schemas and their tables, each with its owner and its ACL by grantee ---------------------------------

const EVERY_FEATURE = { versionNum: 999999, membershipOptions: true, maintain: true, largeObjectDefaults: true };

/** An ACL by grantee, privileges in the allow-list's order, as Rolecall's Grant shows it. */
function grantsOf(kind: ObjectKind, acl: readonly AclItem[], roles: ReadonlyMap<number, PgRole>) {
  const byGrantee = new Map<number, AclItem[]>();
  for (const item of acl) {
    const items = byGrantee.get(item.grantee);
    if (items) items.push(item);
    else byGrantee.set(item.grantee, [item]);
  }
  const order = privilegesFor(kind, EVERY_FEATURE);
  return [...byGrantee].map(([grantee, items]) => {
    const held = new Set(items.map((item) => item.privilege_type));
    const grantable = new Set(items.filter((item) => item.is_grantable).map((item) => item.privilege_type));
    const role = grantee === PUBLIC_OID ? undefined : roles.get(grantee);
    return {
      isPublic: grantee === PUBLIC_OID,
      grantee: role ? { name: role.rolname } : null,
      privileges: order.filter((privilege) => held.has(privilege)),
      grantable: order.filter((privilege) => grantable.has(privilege)),
    };
  });
}

const ownerOf = (roles: ReadonlyMap<number, PgRole>, oid: number) => {
  const role = roles.get(oid);
  return role ? { name: role.rolname } : null;
};

async function objectAcls() {
  const known = await features();
  const snapshot = currentRoles(known);
  const [found, snapshotRead, everyRelation] = await Promise.all([
    withClient((client) => schemas(client, privilegesFor('SCHEMA', known), roleOids(snapshot))),
    snapshot,
    withClient((client) =>
      relations(client, privilegesFor('TABLE', known), privilegesFor('SEQUENCE', known), undefined, roleOids(snapshot)),
    ),
  ]);
  const roles = byOid(snapshotRead);
  const bySchema = new Map<number, PgClass[]>();
  for (const relation of everyRelation) {
    const list = bySchema.get(relation.relnamespace);
    if (list) list.push(relation);
    else bySchema.set(relation.relnamespace, [relation]);
  }
  return {
    schemas: found.map((schema) => ({
      name: schema.nspname,
      owner: ownerOf(roles, schema.nspowner),
      grants: grantsOf('SCHEMA', schema.acl, roles),
      tables: (bySchema.get(schema.oid) ?? []).map((relation) => ({
        name: relation.relname,
        owner: ownerOf(roles, relation.relowner),
        grants: grantsOf(relation.relkind === 'S' ? 'SEQUENCE' : 'TABLE', relation.acl, roles),
      })),
    })),
  };
}

// --- GET /effective?role=…&tables=N: roles × the first N relations, Rolecall's engine ------------------------------

async function effective(names: string[], tables: number) {
  const known = await features();
  const snapshot = currentRoles(known);
  const [snapshotRead, everyRelation, database] = await Promise.all([
    snapshot,
    withClient((client) =>
      relations(client, privilegesFor('TABLE', known), privilegesFor('SEQUENCE', known), undefined, roleOids(snapshot)),
    ),
    withClient((client) => currentDatabase(client, privilegesFor('DATABASE', known))),
  ]);
  const rolesByName = snapshotRead.derived(BY_NAME, ({ roles }) => new Map(roles.map((role) => [role.rolname, role])));
  const roles = names.map((name) => {
    const role = rolesByName.get(name);
    if (!role) throw new Error(`no role ${name}`);
    return role;
  });
  const index = snapshotRead.derived(GRAPH_INDEX, ({ roles, memberships }) => new RoleGraphIndex(roles, memberships));
  const graph = new RoleGraph(index, { databaseOwner: database.datdba, membershipOptions: known.membershipOptions });
  const objects = everyRelation.slice(0, tables).map((relation) => {
    const kind: ObjectKind = relation.relkind === 'S' ? 'SEQUENCE' : 'TABLE';
    return { relation, privileged: { kind, owner: relation.relowner, acl: relation.acl } };
  });
  const nodes = [];
  for (const role of roles)
    for (const { relation, privileged } of objects) {
      const privileges: string[] = [];
      const grantable: string[] = [];
      for (const privilege of effectivePrivilegesOn(graph, role.oid, privileged, known)) {
        if (privilege.held) privileges.push(privilege.privilege);
        if (privilege.grantable) grantable.push(privilege.privilege);
      }
      nodes.push({ role: role.rolname, schema: relation.nspname, table: relation.relname, privileges, grantable });
    }
  return { nodes };
}

// --- the server ----------------------------------------------------------------------------------------------------

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

const server = createServer((request, response) => {
  const { pathname, searchParams } = new URL(request.url ?? '/', 'http://localhost');
  const work =
    pathname === '/roles'
      ? roleGraph()
      : pathname === '/acls'
        ? objectAcls()
        : pathname === '/effective'
          ? effective(searchParams.getAll('role'), Number(searchParams.get('tables') ?? Number.POSITIVE_INFINITY))
          : null;
  if (!work) return answer(response, 404, { error: `no ${pathname}` });
  work.then(
    (body) => answer(response, 200, body),
    (error: Error) => answer(response, 500, { error: error.message }),
  );
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as AddressInfo).port}`));
process.on('SIGTERM', () => {
  void pool.end().finally(() => process.exit(0));
});
