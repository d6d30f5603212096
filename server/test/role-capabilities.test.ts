import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { connect, createLoginRole, createManagedDatabase, ERROR_FIELDS, setupAdmin } from './support/fixtures.js';
import { collaboratorThrough } from './support/permissions.js';

/**
 * Role.viewerCan against PostgreSQL itself: for each viewer role and each kind of target role, what the API says the
 * viewer may do is compared with what PostgreSQL does when the viewer tries it (in a transaction rolled back).
 * Viewers: `dba` (CREATEROLE, owner of `shop`), `pat` (a plain LOGIN role), `root_viewer` (superuser).
 */
let testApp: TestApp;
let shopId: string;
const viewers: { role: string; password: string; client: TestClient }[] = [];

const TARGETS = [
  'managed_group', // dba holds ADMIN OPTION on it
  'keeper_group', // keeper holds ADMIN OPTION on it; pat is a member of keeper WITH INHERIT FALSE (16+)
  'foreign_group', // nobody but superusers manage it
  'repl_role', // REPLICATION, dba holds ADMIN OPTION on it
  'super_role',
  'pg_read_all_data',
  'pg_database_owner',
  'postgres',
  'dba',
  'pat',
  'root_viewer',
];

const CAPABILITIES = `query($id: ID!) { database(id: $id) { ... on Database { catalog { ... on DatabaseCatalog {
  roles { name viewerCan { alter rename drop manageMembers setPassword reason lockedAttributes { attribute reason } } }
} } } } }`;

interface Capabilities {
  alter: boolean;
  rename: boolean;
  drop: boolean;
  manageMembers: boolean;
  setPassword: boolean;
  reason: string | null;
  lockedAttributes: { attribute: string; reason: string }[];
}

const ATTRIBUTE_CLAUSES: Record<string, string> = {
  LOGIN: 'LOGIN',
  INHERIT: 'NOINHERIT',
  CREATEROLE: 'CREATEROLE',
  CREATEDB: 'CREATEDB',
  REPLICATION: 'REPLICATION',
  BYPASSRLS: 'BYPASSRLS',
  CONNECTION_LIMIT: 'CONNECTION LIMIT 5',
  VALID_UNTIL: "VALID UNTIL '2100-01-01'",
};

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** What each capability stands for, as the statement PostgreSQL is asked to run. */
const STATEMENTS: Record<'alter' | 'rename' | 'drop' | 'manageMembers' | 'setPassword', (target: string) => string> = {
  alter: (target) => `ALTER ROLE ${quote(target)} CONNECTION LIMIT 5`,
  rename: (target) => `ALTER ROLE ${quote(target)} RENAME TO ${quote(`${target}_renamed`)}`,
  drop: (target) => `DROP ROLE ${quote(target)}`,
  manageMembers: (target) => `GRANT ${quote(target)} TO probe_member`,
  setPassword: (target) => `ALTER ROLE ${quote(target)} PASSWORD 'probe-Password-42'`,
};

/**
 * Whether PostgreSQL lets `client`'s role run the statement; nothing stays. DROP ROLE checks permissions before
 * dependencies, so "some objects depend on it" means it was allowed (a pinned role is "required by the database system").
 */
async function postgresAllows(client: pg.Client, statement: string): Promise<{ allowed: boolean; error?: string }> {
  await client.query('BEGIN');
  try {
    await client.query(statement);
    return { allowed: true };
  } catch (failure) {
    const message = (failure as Error).message;
    return { allowed: /objects depend on it/.test(message), error: message };
  } finally {
    await client.query('ROLLBACK');
  }
}

async function capabilitiesOf(client: TestClient): Promise<Map<string, Capabilities>> {
  const data = await client.field<{ catalog: { roles: { name: string; viewerCan: Capabilities }[] } }>(CAPABILITIES, {
    id: shopId,
  });
  return new Map(data.catalog.roles.map((role) => [role.name, role.viewerCan]));
}

async function asRole(role: string, password: string): Promise<pg.Client> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port: testApp.cluster.port,
    database: 'shop',
    user: role,
    password,
  });
  await client.connect();
  return client;
}

beforeAll(async () => {
  testApp = await startTestApp();
  const admin = testApp.client();
  await setupAdmin(admin);
  const shop = await createManagedDatabase(testApp, 'shop', 'dba');
  shopId = await connect(admin, testApp, shop);
  await testApp.sql(
    `CREATE ROLE managed_group; GRANT managed_group TO dba WITH ADMIN OPTION;
     CREATE ROLE repl_role REPLICATION; GRANT repl_role TO dba WITH ADMIN OPTION;
     CREATE ROLE foreign_group; CREATE ROLE super_role SUPERUSER; CREATE ROLE probe_member;
     CREATE ROLE keeper; CREATE ROLE keeper_group; GRANT keeper_group TO keeper WITH ADMIN OPTION`,
  );
  const patPassword = await createLoginRole(testApp, 'pat');
  // ADMIN OPTION reached only through a membership without INHERIT: PostgreSQL 16+ finds no grantor.
  await testApp.sql('GRANT keeper TO pat WITH INHERIT FALSE');
  const rootPassword = await createLoginRole(testApp, 'root_viewer');
  await testApp.sql('ALTER ROLE root_viewer SUPERUSER');
  viewers.push(
    { role: 'dba', password: shop.ownerPassword, client: admin },
    {
      role: 'pat',
      password: patPassword,
      client: await collaboratorThrough(testApp, admin, shopId, 'pat_user', 'pat', patPassword),
    },
    {
      role: 'root_viewer',
      password: rootPassword,
      client: await collaboratorThrough(testApp, admin, shopId, 'root_user', 'root_viewer', rootPassword),
    },
  );
});

afterAll(async () => {
  await testApp?.stop();
});

describe("Role.viewerCan says beforehand what PostgreSQL allows the viewer's role", () => {
  it('agrees with PostgreSQL on alter, rename, drop, membership and password for every viewer and target', async () => {
    const disagreements: string[] = [];
    const outcomes = new Set<boolean>();
    for (const viewer of viewers) {
      const answers = await capabilitiesOf(viewer.client);
      const client = await asRole(viewer.role, viewer.password);
      try {
        for (const target of TARGETS) {
          const can = answers.get(target);
          expect(can, `${target} is listed`).toBeDefined();
          for (const [action, statement] of Object.entries(STATEMENTS)) {
            const actual = await postgresAllows(client, statement(target));
            outcomes.add(actual.allowed);
            const said = can?.[action as keyof typeof STATEMENTS];
            if (said !== actual.allowed)
              disagreements.push(`${viewer.role} ${action} ${target}: API ${said}, PostgreSQL ${actual.error ?? 'ok'}`);
          }
        }
      } finally {
        await client.end();
      }
    }
    expect(disagreements).toEqual([]);
    // Both answers occurred: the comparison is not between two constant answers.
    expect([...outcomes].sort()).toEqual([false, true]);
  });

  it('agrees with PostgreSQL on each attribute, CREATEDB, REPLICATION and BYPASSRLS included', async () => {
    const disagreements: string[] = [];
    const outcomes = new Set<boolean>();
    for (const viewer of viewers) {
      const answers = await capabilitiesOf(viewer.client);
      const client = await asRole(viewer.role, viewer.password);
      try {
        for (const target of TARGETS) {
          const locked = new Set(answers.get(target)?.lockedAttributes.map((lock) => lock.attribute));
          for (const [attribute, clause] of Object.entries(ATTRIBUTE_CLAUSES)) {
            const actual = await postgresAllows(client, `ALTER ROLE ${quote(target)} ${clause}`);
            outcomes.add(actual.allowed);
            if (locked.has(attribute) === actual.allowed)
              disagreements.push(
                `${viewer.role} ${attribute} on ${target}: API ${locked.has(attribute) ? 'locked' : 'open'}, PostgreSQL ${actual.error ?? 'ok'}`,
              );
          }
        }
      } finally {
        await client.end();
      }
    }
    expect(disagreements).toEqual([]);
    // Both answers occurred: the comparison is not between two constant answers.
    expect([...outcomes].sort()).toEqual([false, true]);
  });

  it('gives the reason PostgreSQL would: CREATEROLE without ADMIN OPTION, no CREATEROLE, superuser targets', async () => {
    const dba = await capabilitiesOf(viewers[0]?.client as TestClient);
    expect(dba.get('foreign_group')?.reason).toBe(
      'Your role "dba" has CREATEROLE but no ADMIN OPTION on "foreign_group".',
    );
    expect(dba.get('super_role')?.reason).toBe('Only a superuser can alter a superuser role.');
    expect(dba.get('managed_group')).toMatchObject({ alter: true, rename: true, drop: true, manageMembers: true });
    expect(
      dba
        .get('managed_group')
        ?.lockedAttributes.map((lock) => lock.attribute)
        .sort(),
    ).toEqual(['BYPASSRLS', 'CREATEDB', 'REPLICATION']);
    const pat = await capabilitiesOf(viewers[1]?.client as TestClient);
    expect(pat.get('managed_group')?.reason).toBe('Your role "pat" lacks CREATEROLE.');
    expect(pat.get('pat')).toMatchObject({ alter: false, setPassword: true, drop: false });
    expect(pat.get('keeper_group')).toMatchObject({ manageMembers: false });
  });

  it('refuses, in the preview already, a membership grant whose ADMIN OPTION is reached without INHERIT', async () => {
    const pat = viewers[1]?.client as TestClient;
    const preview = await pat.field(
      `mutation($id: ID!) { grantMembership(databaseId: $id, role: "keeper_group", membership: { member: "probe_member" },
        dryRun: true) { ${ERROR_FIELDS} } }`,
      { id: shopId },
    );
    expect(preview).toMatchObject({ __typename: 'PermissionDeniedError', sqlstate: 'XX000' });
    expect(preview.message).toContain('only through a membership without INHERIT');
  });
});

describe('Role.dependencies', () => {
  it('counts the objects a role owns in each database, which DROP ROLE needs reassigned first', async () => {
    await testApp.sql(
      'CREATE ROLE table_owner; CREATE TABLE owned (id int); ALTER TABLE owned OWNER TO table_owner',
      [],
      'shop',
    );
    const data = await viewers[0]?.client.field<{
      catalog: { role: { dependencies: { database: string; owned: number; privileges: number }[] } };
    }>(
      `query($id: ID!) { database(id: $id) { ... on Database { catalog { ... on DatabaseCatalog {
        role(name: "table_owner") { dependencies { database owned privileges } } } } } } }`,
      { id: shopId },
    );
    expect(data?.catalog.role.dependencies).toEqual([{ database: 'shop', owned: 1, privileges: 0 }]);
  });
});
