import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secret, startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { connect, createManagedDatabase, setupAdmin } from './support/fixtures.js';

let testApp: TestApp;
let admin: TestClient;
let shopId: string;
const sessions: pg.Client[] = [];

/** A role whose name, settings and comment all need quoting, and a value holding `=` and a quote. */
const ODD = 'odd "set" rôle';

const ROLES = `query($id: ID!, $filter: RoleFilter) {
  database(id: $id) { ... on Database { catalog { ... on DatabaseCatalog {
    rolesConnection(filter: $filter) { nodes { name comment connectionsInUse connectionLimit settings { database name value } } }
  } } } } }`;

interface Shown {
  name: string;
  comment: string | null;
  connectionsInUse: number;
  connectionLimit: number;
  settings: { database: string | null; name: string; value: string }[];
}

async function shown(search: string): Promise<Shown[]> {
  const result = await admin.request<{ database: { catalog: { rolesConnection: { nodes: Shown[] } } } }>(ROLES, {
    id: shopId,
    filter: { search },
  });
  expect(result.errors).toBeUndefined();
  return result.data?.database.catalog.rolesConnection.nodes ?? [];
}

/** PostgreSQL's own account of the same roles. */
async function inCatalog(search: string): Promise<Shown[]> {
  const rows = await testApp.sql<Shown & { config: { database: string | null; setting: string }[] | null }>(
    `SELECT r.rolname AS name, shobj_description(r.oid, 'pg_authid') AS comment, r.rolconnlimit AS "connectionLimit",
            (SELECT count(*)::int FROM pg_stat_activity a WHERE a.usesysid = r.oid) AS "connectionsInUse",
            (SELECT json_agg(json_build_object('database', d.datname, 'setting', c) ORDER BY d.datname NULLS FIRST, c)
               FROM pg_db_role_setting s LEFT JOIN pg_database d ON d.oid = s.setdatabase, unnest(s.setconfig) c
              WHERE s.setrole = r.oid) AS config
       FROM pg_roles r WHERE strpos(lower(r.rolname), lower($1)) > 0 ORDER BY r.rolname COLLATE "C"`,
    [search],
  );
  return rows.map(({ config, ...row }) => ({
    ...row,
    settings: (config ?? []).map(({ database, setting }) => ({
      database,
      name: setting.slice(0, setting.indexOf('=')),
      value: setting.slice(setting.indexOf('=') + 1),
    })),
  }));
}

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
  shopId = await connect(admin, testApp, shop);
  const password = secret('settings');
  await testApp.sql(`CREATE ROLE "odd ""set"" rôle" LOGIN CONNECTION LIMIT 5 PASSWORD '${password}';
    CREATE ROLE settings_plain NOLOGIN;
    ALTER ROLE "odd ""set"" rôle" SET search_path = 'a=b', "x ""y""";
    ALTER ROLE "odd ""set"" rôle" SET work_mem = '8MB';
    ALTER ROLE "odd ""set"" rôle" IN DATABASE shop SET statement_timeout = '5s';
    COMMENT ON ROLE "odd ""set"" rôle" IS 'Reporting; it''s "quoted" — ünïcode'`);
  const url = new URL(testApp.cluster.url('shop'));
  url.username = ODD;
  url.password = password;
  for (let i = 0; i < 2; i++) {
    const session = new pg.Client({ connectionString: url.toString() });
    session.on('error', () => undefined);
    await session.connect();
    sessions.push(session);
  }
});

afterAll(async () => {
  for (const session of sessions) await session.end().catch(() => undefined);
  await testApp?.stop();
});

describe('a role’s settings, comment and sessions', () => {
  it('are shown as PostgreSQL keeps them: settings for every database first, values with = and quotes intact', async () => {
    const [odd] = await shown('set');
    expect(odd).toEqual((await inCatalog('set'))[0]);
    expect(odd?.name).toBe(ODD);
    expect(odd?.comment).toBe('Reporting; it\'s "quoted" — ünïcode');
    expect(odd?.connectionsInUse).toBe(2);
    expect(odd?.connectionLimit).toBe(5);
    expect(odd?.settings.map((setting) => [setting.database, setting.name])).toEqual([
      [null, 'search_path'],
      [null, 'work_mem'],
      ['shop', 'statement_timeout'],
    ]);
    expect(odd?.settings[0]?.value).toContain('a=b');
  });

  it('are empty for a role without any, and follow a change made in psql', async () => {
    expect(await shown('settings_plain')).toEqual([
      { name: 'settings_plain', comment: null, connectionsInUse: 0, connectionLimit: -1, settings: [] },
    ]);
    await testApp.sql(`ALTER ROLE settings_plain SET lock_timeout = '1s'; COMMENT ON ROLE settings_plain IS 'now'`);
    await sessions.pop()?.end();
    expect(await shown('set')).toEqual(await inCatalog('set'));
    expect((await shown('settings_plain'))[0]?.settings).toEqual([
      { database: null, name: 'lock_timeout', value: '1s' },
    ]);
  });

  it('are right for every role of a long page, read for all of them at once', async () => {
    await testApp.sql(`DO $$ BEGIN FOR i IN 1..150 LOOP
      EXECUTE format('CREATE ROLE %I', 'many_settings_' || i);
      EXECUTE format('ALTER ROLE %I SET work_mem = %L', 'many_settings_' || i, (64 + i) || 'kB');
    END LOOP; END $$`);
    const many = await shown('many_settings_');
    expect(many).toHaveLength(150);
    expect(many).toEqual(await inCatalog('many_settings_'));
  });
});
