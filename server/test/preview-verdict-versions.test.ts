import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secret, startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { setupAdmin } from './support/fixtures.js';
import { type Act, actor, type Change, collaboratorThrough, eventCount } from './support/permissions.js';
import {
  clusterPerVersion,
  connectOn,
  type PostgresVersion,
  sqlOn,
  type VersionedCluster,
} from './support/versions.js';

/**
 * A dry run is PostgreSQL's own verdict, on PostgreSQL 15, 16, 17 and 18: for each change that once previewed
 * differently from how it ran, the statements are first put to PostgreSQL directly, as the acting role, in a
 * transaction rolled back; the preview must say what PostgreSQL said, and the change must then do the same (fail the
 * same way and leave the catalog as it was, or succeed and leave it as PostgreSQL showed it inside that transaction).
 * The acting roles are not superusers: `maker` (LOGIN CREATEROLE, owner of the database `shop`, which the admin
 * connects as maker) and `pat` (a plain LOGIN role, reached as a collaborator).
 */

const VERSIONS: PostgresVersion[] = [15, 16, 17, 18];

let testApp: TestApp;
let admin: TestClient;
const clusters: VersionedCluster[] = [];

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
});

afterAll(async () => {
  await testApp?.stop();
  await Promise.all(clusters.map((cluster) => cluster.stop()));
});

/** Every role this file uses, in one cluster of `version`; objects in `shop` are maker's. */
async function prepare(cluster: VersionedCluster): Promise<void> {
  const { version } = cluster;
  await sqlOn(cluster, 'CREATE ROLE maker LOGIN CREATEROLE');
  await sqlOn(cluster, 'CREATE DATABASE shop OWNER maker');
  // Ownership: maker may become heir, never stranger; on 16+ it is a member of watched that may not SET ROLE to it.
  await sqlOn(cluster, 'CREATE ROLE stranger; CREATE ROLE heir; GRANT heir TO maker');
  if (version >= 16) await sqlOn(cluster, 'CREATE ROLE watched; GRANT watched TO maker WITH SET FALSE');
  await sqlOn(
    cluster,
    `SET ROLE maker; CREATE SCHEMA sales; CREATE TABLE sales.orders (id int); CREATE TABLE sales.items (id int);
     CREATE SCHEMA spare; GRANT CREATE ON SCHEMA sales TO heir`,
    [],
    { database: 'shop' },
  );
  // crew: granter holds ADMIN OPTION from the bootstrap superuser and gave it to maker; maker gave crew to deckhand_old.
  await sqlOn(
    cluster,
    `CREATE ROLE granter LOGIN; CREATE ROLE crew; CREATE ROLE deckhand_old; CREATE ROLE deckhand_one;
     CREATE ROLE deckhand_two; GRANT crew TO granter WITH ADMIN OPTION`,
  );
  await sqlOn(cluster, 'SET ROLE granter; GRANT crew TO maker WITH ADMIN OPTION');
  await sqlOn(cluster, 'SET ROLE maker; GRANT crew TO deckhand_old');
  // keeper_group: pat reaches its ADMIN OPTION through keeper without inheriting (16+: per membership; 15: NOINHERIT).
  await sqlOn(
    cluster,
    `CREATE ROLE keeper; CREATE ROLE keeper_group; CREATE ROLE probe_member;
     GRANT keeper_group TO keeper WITH ADMIN OPTION`,
  );
  await sqlOn(
    cluster,
    version >= 16
      ? 'CREATE ROLE pat LOGIN; GRANT keeper TO pat WITH INHERIT FALSE'
      : 'CREATE ROLE pat LOGIN NOINHERIT; GRANT keeper TO pat',
  );
  // guild: maker holds ADMIN OPTION from the bootstrap superuser, who also made journeyman a member.
  await sqlOn(
    cluster,
    `CREATE ROLE guild; CREATE ROLE apprentice; CREATE ROLE journeyman;
     GRANT guild TO maker WITH ADMIN OPTION; GRANT guild TO journeyman`,
  );
}

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/** What PostgreSQL answered when asked directly, and what the catalog looked like before the rollback. */
interface Verdict {
  ok: boolean;
  sqlstate: string | null;
  message: string | null;
  warnings: string[];
  notices: string[];
  state: string[];
}

/**
 * Runs `statements` as `role` in a transaction that is rolled back, as psql would: PostgreSQL's verdict on them, and,
 * when they ran, the catalog as `read` sees it inside the transaction.
 */
async function askPostgres(
  cluster: VersionedCluster,
  role: string,
  statements: string[],
  read: (query: Query) => Promise<string[]>,
): Promise<Verdict> {
  const client = new pg.Client({ host: '127.0.0.1', port: cluster.port, database: 'shop', user: role });
  const warnings: string[] = [];
  const notices: string[] = [];
  client.on('notice', (notice) => {
    if (notice.severity === 'WARNING') warnings.push(notice.message ?? '');
    if (notice.severity === 'NOTICE') notices.push(notice.message ?? '');
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('BEGIN');
    try {
      for (const statement of statements) await client.query(statement);
      const state = await read(async (sql) => (await client.query(sql)).rows);
      return { ok: true, sqlstate: null, message: null, warnings, notices, state };
    } catch (error) {
      const failure = error as { code?: string; message: string };
      return { ok: false, sqlstate: failure.code ?? null, message: failure.message, warnings, notices, state: [] };
    } finally {
      await client.query('ROLLBACK');
    }
  } finally {
    await client.end();
  }
}

/** The catalog as the superuser sees it in `shop`, committed. */
const committed =
  (cluster: VersionedCluster): Query =>
  (sql) =>
    sqlOn(cluster, sql, [], { database: 'shop' });

/** Every membership grant on the server (16+ with its grantor's INHERIT and SET), one line each, sorted. */
async function memberships(query: Query, version: PostgresVersion): Promise<string[]> {
  const options =
    version >= 16 ? `, CASE WHEN inherit_option THEN 'INHERIT' END, CASE WHEN set_option THEN 'SET' END` : '';
  const rows = await query(
    `SELECT concat_ws(' ', pg_get_userbyid(roleid), 'to', pg_get_userbyid(member), 'by', pg_get_userbyid(grantor),
                      CASE WHEN admin_option THEN 'ADMIN' END ${options}) AS line
       FROM pg_auth_members ORDER BY 1`,
  );
  return rows.map((row) => String(row.line));
}

/** The owners of every schema and relation maker made in `shop` (by name: the owner may no longer be maker). */
async function owners(query: Query): Promise<string[]> {
  const rows = await query(
    `SELECT concat(n.nspname, ' ', pg_get_userbyid(n.nspowner)) AS line FROM pg_namespace n
      WHERE n.nspname IN ('sales', 'spare')
     UNION ALL
     SELECT concat(n.nspname, '.', c.relname, ' ', pg_get_userbyid(c.relowner)) FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'sales' AND c.relkind = 'r'
     ORDER BY 1`,
  );
  return rows.map((row) => String(row.line));
}

/** The typed error Rolecall answers with for each SQLSTATE these changes meet. */
const TYPED: Record<string, { __typename: string; code: string }> = {
  '42501': { __typename: 'PermissionDeniedError', code: 'PERMISSION_DENIED' },
  '0LP01': { __typename: 'InvalidGrantError', code: 'INVALID_GRANT' },
  // "no possible grantors", PostgreSQL 16+'s internal error for ADMIN OPTION held without INHERIT.
  XX000: { __typename: 'PermissionDeniedError', code: 'PERMISSION_DENIED' },
};

/** The preview failed as PostgreSQL did: the typed error for its SQLSTATE, with its message unless Rolecall words it. */
function expectRefusedAsPostgres(change: Change, verdict: Verdict, ownWords?: RegExp) {
  expect(verdict.ok, 'PostgreSQL refused').toBe(false);
  const typed = TYPED[verdict.sqlstate ?? ''];
  expect(typed, `a typed error for SQLSTATE ${verdict.sqlstate}`).toBeDefined();
  expect(change).toMatchObject({ ...typed, sqlstate: verdict.sqlstate });
  if (ownWords) expect(change.message).toMatch(ownWords);
  else expect(change.message).toBe(verdict.message);
}

const CAPABILITIES = `query($id: ID!) { database(id: $id) { ... on Database { catalog { ... on DatabaseCatalog {
  roles { name viewerCan { manageMembers manageMembersReason reason } } } } } } }`;

interface MembersCapability {
  manageMembers: boolean;
  manageMembersReason: string | null;
  reason: string | null;
}

async function viewerCan(client: TestClient, databaseId: string, role: string): Promise<MembersCapability> {
  const data = await client.field<{ catalog: { roles: { name: string; viewerCan: MembersCapability }[] } }>(
    CAPABILITIES,
    { id: databaseId },
  );
  const found = data.catalog.roles.find((candidate) => candidate.name === role);
  if (!found) throw new Error(`${role} is not in the catalog: ${JSON.stringify(data)}`);
  return found.viewerCan;
}

describe.each(VERSIONS)('PostgreSQL %i: a preview is PostgreSQL’s verdict, and the change agrees', (version) => {
  let cluster: VersionedCluster;
  let shopId: string;
  let maker: Act;
  let pat: Act;
  let patClient: TestClient;

  const { unavailable } = clusterPerVersion(version, clusters, async (started) => {
    cluster = started;
    await prepare(cluster);
    shopId = await connectOn(admin, cluster, 'shop', 'maker');
    maker = actor(admin, shopId);
    patClient = await collaboratorThrough(testApp, admin, shopId, `pat${version}`, 'pat', secret('trust'));
    pat = actor(patClient, shopId);
  });

  const membershipsNow = () => memberships(committed(cluster), version);
  const ownersNow = () => owners(committed(cluster));

  it('refuses in the preview, as in the change, to give a table or schema to a role the actor cannot become', async (test) => {
    if (unavailable(test)) return;
    // 15: not a member; 16+: not a member, or a member WITH SET FALSE.
    const refusedOwners = version >= 16 ? ['stranger', 'watched'] : ['stranger'];
    const objects = [
      { ref: { kind: 'TABLE', schema: 'sales', name: 'orders' }, sql: 'ALTER TABLE "sales"."orders" OWNER TO' },
      { ref: { kind: 'SCHEMA', name: 'sales' }, sql: 'ALTER SCHEMA "sales" OWNER TO' },
    ];
    const before = await ownersNow();
    expect(before).toEqual(['sales maker', 'sales.items maker', 'sales.orders maker', 'spare maker']);
    for (const newOwner of refusedOwners) {
      for (const object of objects) {
        const verdict = await askPostgres(cluster, 'maker', [`${object.sql} "${newOwner}"`], owners);
        expect(verdict).toMatchObject({ ok: false, sqlstate: '42501' });
        const events = await eventCount(testApp);
        const preview = await maker('transferOwnership', { object: object.ref, newOwner }, true);
        expectRefusedAsPostgres(preview, verdict);
        expect(await ownersNow()).toEqual(before);
        const change = await maker('transferOwnership', { object: object.ref, newOwner });
        expect(change).toEqual(preview);
        expect(await ownersNow()).toEqual(before);
        expect(await eventCount(testApp)).toBe(events);
      }
    }
  });

  it('gives a table and a schema to a role the actor may become: the preview’s success is the change’s', async (test) => {
    if (unavailable(test)) return;
    const cases = [
      { ref: { kind: 'TABLE', schema: 'sales', name: 'items' }, sql: ['ALTER TABLE "sales"."items" OWNER TO "heir"'] },
      { ref: { kind: 'SCHEMA', name: 'spare' }, sql: ['ALTER SCHEMA "spare" OWNER TO "heir"'] },
    ];
    for (const { ref, sql } of cases) {
      const before = await ownersNow();
      const verdict = await askPostgres(cluster, 'maker', sql, owners);
      expect(verdict, JSON.stringify(verdict)).toMatchObject({ ok: true });
      expect(verdict.state).not.toEqual(before);
      const preview = await maker('transferOwnership', { object: ref, newOwner: 'heir' }, true);
      expect(preview).toMatchObject({ __typename: 'PermissionChange', dryRun: true, sql, eventId: null });
      expect(await ownersNow()).toEqual(before);
      const change = await maker('transferOwnership', { object: ref, newOwner: 'heir' });
      expect(change).toMatchObject({ __typename: 'PermissionChange', dryRun: false, sql });
      expect(change.eventId).toMatch(/^\d+$/);
      expect(await ownersNow()).toEqual(verdict.state);
    }
    expect(await ownersNow()).toContain('sales.items heir');
    expect(await ownersNow()).toContain('spare heir');
  });

  it('sets group members as PostgreSQL decides when one would get ADMIN OPTION back from its own grantee: all or nothing', async (test) => {
    if (unavailable(test)) return;
    // granter gave maker ADMIN OPTION on crew; maker is asked to give it back to granter (INHERIT FALSE makes the
    // grant differ from granter's own, so it is not left alone), among unrelated additions and a removal.
    const members = [
      { member: 'deckhand_one' },
      { member: 'granter', admin: true, inherit: false },
      { member: 'deckhand_two' },
      { member: 'maker', admin: true },
    ];
    const sql =
      version >= 16
        ? [
            'GRANT "crew" TO "deckhand_one" WITH ADMIN FALSE, INHERIT TRUE, SET TRUE',
            'GRANT "crew" TO "granter" WITH ADMIN TRUE, INHERIT FALSE, SET TRUE',
            'GRANT "crew" TO "deckhand_two" WITH ADMIN FALSE, INHERIT TRUE, SET TRUE',
            'REVOKE "crew" FROM "deckhand_old"',
          ]
        : // 15 holds no per-grant INHERIT/SET: granter's membership WITH ADMIN OPTION is already what is asked.
          ['GRANT "crew" TO "deckhand_one"', 'GRANT "crew" TO "deckhand_two"', 'REVOKE "crew" FROM "deckhand_old"'];
    const before = await membershipsNow();
    expect(before).toEqual(
      expect.arrayContaining(
        version >= 16
          ? [
              'crew to deckhand_old by maker INHERIT SET',
              'crew to granter by postgres ADMIN INHERIT SET',
              'crew to maker by granter ADMIN INHERIT SET',
            ]
          : ['crew to deckhand_old by maker', 'crew to granter by postgres ADMIN', 'crew to maker by granter ADMIN'],
      ),
    );
    const verdict = await askPostgres(cluster, 'maker', sql, (query) => memberships(query, version));
    const events = await eventCount(testApp);
    const preview = await maker('setGroupMembers', { role: 'crew', members }, true);
    expect(await membershipsNow()).toEqual(before);
    if (version >= 16) {
      expect(verdict).toMatchObject({
        ok: false,
        sqlstate: '0LP01',
        message: 'ADMIN option cannot be granted back to your own grantor',
      });
      expectRefusedAsPostgres(preview, verdict);
      const change = await maker('setGroupMembers', { role: 'crew', members });
      expect(change).toEqual(preview);
      expect(await membershipsNow()).toEqual(before);
      expect(await eventCount(testApp)).toBe(events);
      return;
    }
    // PostgreSQL 15 keeps no chain of grantors: granter's grant stays as it is, the rest applies.
    expect(verdict, JSON.stringify(verdict)).toMatchObject({ ok: true, notices: [] });
    expect(preview).toMatchObject({ __typename: 'PermissionChange', dryRun: true, sql, eventId: null });
    const change = await maker('setGroupMembers', { role: 'crew', members });
    expect(change).toMatchObject({ __typename: 'PermissionChange', dryRun: false, sql });
    expect(change.eventId).toMatch(/^\d+$/);
    expect(await eventCount(testApp)).toBe(events + 1);
    const after = await membershipsNow();
    expect(after).toEqual(verdict.state);
    expect(after).toEqual(
      expect.arrayContaining([
        'crew to deckhand_one by maker',
        'crew to deckhand_two by maker',
        'crew to granter by postgres ADMIN',
      ]),
    );
    expect(after.join()).not.toContain('deckhand_old');
  });

  it('judges a grant whose ADMIN OPTION is held through a membership without INHERIT as PostgreSQL does, in viewerCan and the preview', async (test) => {
    if (unavailable(test)) return;
    const membership = { member: 'probe_member' };
    const sql =
      version >= 16
        ? ['GRANT "keeper_group" TO "probe_member" WITH ADMIN FALSE, INHERIT TRUE, SET TRUE']
        : ['GRANT "keeper_group" TO "probe_member"'];
    const before = await membershipsNow();
    const verdict = await askPostgres(cluster, 'pat', sql, (query) => memberships(query, version));
    const can = await viewerCan(patClient, shopId, 'keeper_group');
    expect(can.manageMembers, `viewerCan ${JSON.stringify(can)}, PostgreSQL ${JSON.stringify(verdict)}`).toBe(
      verdict.ok,
    );
    const events = await eventCount(testApp);
    const preview = await pat('grantMembership', { role: 'keeper_group', membership }, true);
    expect(await membershipsNow()).toEqual(before);
    if (version >= 16) {
      // is_admin_of_role lets pat in; select_best_grantor, which follows only inheriting memberships, finds nobody.
      expect(verdict).toMatchObject({ ok: false, sqlstate: 'XX000', message: 'no possible grantors' });
      expect(can.manageMembersReason).toMatch(/only through a membership without INHERIT/);
      expectRefusedAsPostgres(preview, verdict, /only through a membership without INHERIT/);
      const change = await pat('grantMembership', { role: 'keeper_group', membership });
      expect(change).toEqual(preview);
      expect(await membershipsNow()).toEqual(before);
      expect(await eventCount(testApp)).toBe(events);
      return;
    }
    // PostgreSQL 15 asks only whether pat is a member of a role with ADMIN OPTION, inheriting or not.
    expect(verdict, JSON.stringify(verdict)).toMatchObject({ ok: true });
    expect(can.manageMembersReason).toBeNull();
    expect(preview).toMatchObject({ __typename: 'PermissionChange', dryRun: true, sql, warnings: [], eventId: null });
    const change = await pat('grantMembership', { role: 'keeper_group', membership });
    expect(change).toMatchObject({ __typename: 'PermissionChange', dryRun: false, sql, warnings: [] });
    expect(change.eventId).toMatch(/^\d+$/);
    const after = await membershipsNow();
    expect(after).toEqual(verdict.state);
    expect(after).toContain('keeper_group to probe_member by pat');
  });

  it('answers NothingChanged, in the preview and the change, recording nothing, when a membership is granted again as it is', async (test) => {
    if (unavailable(test)) return;
    const args = { role: 'guild', membership: { member: 'apprentice' } };
    const sql =
      version >= 16
        ? ['GRANT "guild" TO "apprentice" WITH ADMIN FALSE, INHERIT TRUE, SET TRUE']
        : ['GRANT "guild" TO "apprentice"'];
    const first = await maker('grantMembership', args);
    expect(first).toMatchObject({ __typename: 'PermissionChange', dryRun: false, sql });
    const before = await membershipsNow();
    expect(before).toContain(
      version >= 16 ? 'guild to apprentice by maker INHERIT SET' : 'guild to apprentice by maker',
    );
    const verdict = await askPostgres(cluster, 'maker', sql, (query) => memberships(query, version));
    // PostgreSQL ran it and changed nothing, saying so only in a NOTICE.
    expect(verdict).toMatchObject({ ok: true, warnings: [], state: before });
    expect(verdict.notices).toHaveLength(1);
    expect(verdict.notices[0]).toMatch(/"apprentice".*"guild"/);
    const events = await eventCount(testApp);
    const preview = await maker('grantMembership', args, true);
    expect(preview).toMatchObject({
      __typename: 'NothingChanged',
      code: 'NOTHING_CHANGED',
      dryRun: true,
      sql,
      warnings: verdict.notices,
    });
    const change = await maker('grantMembership', args);
    expect(change).toMatchObject({
      __typename: 'NothingChanged',
      code: 'NOTHING_CHANGED',
      dryRun: false,
      sql,
      warnings: verdict.notices,
    });
    expect(await eventCount(testApp)).toBe(events);
    expect(await membershipsNow()).toEqual(before);
  });

  it('answers a REVOKE that finds only another grantor’s grant as PostgreSQL does: NothingChanged on 16+, revoked on 15', async (test) => {
    if (unavailable(test)) return;
    const args = { role: 'guild', member: 'journeyman' };
    const sql = ['REVOKE "guild" FROM "journeyman"'];
    const before = await membershipsNow();
    expect(before).toContain(
      version >= 16 ? 'guild to journeyman by postgres INHERIT SET' : 'guild to journeyman by postgres',
    );
    const verdict = await askPostgres(cluster, 'maker', sql, (query) => memberships(query, version));
    expect(verdict.ok, JSON.stringify(verdict)).toBe(true);
    const events = await eventCount(testApp);
    const preview = await maker('revokeMembership', args, true);
    expect(await membershipsNow()).toEqual(before);
    if (version >= 16) {
      // Only maker's own grant can go, and there is none: PostgreSQL warns and leaves the bootstrap superuser's.
      expect(verdict.warnings).toEqual([
        'role "journeyman" has not been granted membership in role "guild" by role "maker"',
      ]);
      expect(verdict.state).toEqual(before);
      const warnings = [
        ...verdict.warnings,
        'journeyman is still a member of guild through a grant by postgres; only that grantor (or a superuser) can revoke it.',
      ];
      expect(preview).toMatchObject({ __typename: 'NothingChanged', dryRun: true, sql, warnings });
      const change = await maker('revokeMembership', args);
      expect(change).toMatchObject({
        __typename: 'NothingChanged',
        code: 'NOTHING_CHANGED',
        dryRun: false,
        sql,
        warnings,
      });
      expect(await eventCount(testApp)).toBe(events);
      expect(await membershipsNow()).toEqual(before);
      return;
    }
    // PostgreSQL 15 revokes a membership whoever granted it.
    expect(verdict).toMatchObject({ warnings: [], notices: [] });
    expect(verdict.state).not.toContain('guild to journeyman by postgres');
    expect(preview).toMatchObject({ __typename: 'PermissionChange', dryRun: true, sql, warnings: [], eventId: null });
    const change = await maker('revokeMembership', args);
    expect(change).toMatchObject({ __typename: 'PermissionChange', dryRun: false, sql, warnings: [] });
    expect(change.eventId).toMatch(/^\d+$/);
    expect(await eventCount(testApp)).toBe(events + 1);
    expect(await membershipsNow()).toEqual(verdict.state);
  });

  it('answers NothingChanged, in the preview and the change, recording nothing, when a GRANT only warns', async (test) => {
    if (unavailable(test)) return;
    // pat holds SELECT on sales.items without grant option: PostgreSQL grants nothing and only warns.
    await sqlOn(cluster, 'GRANT USAGE ON SCHEMA sales TO pat; GRANT SELECT ON sales.items TO pat', [], {
      database: 'shop',
    });
    const sql = ['GRANT SELECT ON TABLE "sales"."items" TO "heir"'];
    const itemsAcl = async (query: Query) =>
      (await query("SELECT relacl::text AS acl FROM pg_class WHERE oid = 'sales.items'::regclass")).map((row) =>
        String(row.acl),
      );
    const verdict = await askPostgres(cluster, 'pat', sql, itemsAcl);
    expect(verdict).toMatchObject({ ok: true, warnings: ['no privileges were granted for "items"'] });
    const before = await itemsAcl(committed(cluster));
    expect(verdict.state).toEqual(before);
    const events = await eventCount(testApp);
    const args = { object: { kind: 'TABLE', schema: 'sales', name: 'items' }, grantee: 'heir', privileges: ['SELECT'] };
    for (const dryRun of [true, false]) {
      const change = await pat('grantPrivileges', args, dryRun);
      expect(change).toMatchObject({ __typename: 'NothingChanged', dryRun, sql });
      expect(change.warnings).toContain('no privileges were granted for "items"');
    }
    expect(await itemsAcl(committed(cluster))).toEqual(before);
    expect(await eventCount(testApp)).toBe(events);
  });

  it('notes, as data, a membership option this version cannot grant (15), and grants it where it can (16+)', async (test) => {
    if (unavailable(test)) return;
    const args = { role: 'guild', membership: { member: 'pat', inherit: false } };
    const preview = await maker('grantMembership', args, true);
    expect(preview).toMatchObject({ __typename: 'PermissionChange', dryRun: true });
    if (version >= 16) {
      expect(preview.notes).toEqual([]);
      expect(preview.sql).toEqual(['GRANT "guild" TO "pat" WITH ADMIN FALSE, INHERIT FALSE, SET TRUE']);
      return;
    }
    expect(preview.notes).toEqual([
      {
        code: 'MEMBERSHIP_OPTION_UNSUPPORTED',
        grantee: 'pat',
        object: 'guild',
        subjects: ['INHERIT FALSE'],
        grantor: null,
        fixOption: null,
      },
    ]);
    expect(preview.warnings).toEqual([
      "PostgreSQL 15 has no per-grant INHERIT FALSE: inheritance follows the member's INHERIT attribute.",
    ]);
  });

  it('applies a change with its preview’s token, and refuses it, changing nothing, once the catalog moved', async (test) => {
    if (unavailable(test)) return;
    const args = { object: { kind: 'TABLE', schema: 'sales', name: 'orders' }, grantee: 'pat', privileges: ['SELECT'] };
    const first = await maker('grantPrivileges', args, true);
    await sqlOn(cluster, 'GRANT UPDATE ON sales.orders TO heir', [], { database: 'shop' });
    const refused = await maker('grantPrivileges', { ...args, previewToken: first.previewToken });
    expect(refused).toMatchObject({ __typename: 'CatalogChangedError', code: 'CATALOG_CHANGED' });
    const second = await maker('grantPrivileges', args, true);
    const applied = await maker('grantPrivileges', { ...args, previewToken: second.previewToken });
    expect(applied).toMatchObject({ __typename: 'PermissionChange', dryRun: false, sql: second.sql });
  });
});
