import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secret, startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { setupAdmin } from './support/fixtures.js';
import { collaboratorThrough } from './support/permissions.js';
import {
  clusterPerVersion,
  connectOn,
  type PostgresVersion,
  sqlOn,
  type VersionedCluster,
} from './support/versions.js';

/**
 * Role.viewerCan against PostgreSQL itself, on PostgreSQL 15, 16, 17 and 18: for each viewer role and each kind of
 * target role, what the API says the viewer may do is compared with what PostgreSQL does when the viewer tries it (in a
 * transaction rolled back). The rules differ by version: on 15 CREATEROLE alone manages every non-superuser role (but
 * not REPLICATION ones); on 16+ it also takes ADMIN OPTION on the target, and a membership grant a grantor reached
 * through inheriting memberships. Viewers: `dba` (CREATEROLE, owner of `shop`, which the admin connects as dba), `pat`
 * (a plain LOGIN role) and `root_viewer` (superuser), the last two reached as collaborators.
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

const TARGETS = [
  'managed_group', // dba holds ADMIN OPTION on it
  'keeper_group', // keeper holds ADMIN OPTION on it; pat is a member of keeper without inheriting
  'foreign_group', // nobody but superusers (and, on 15, CREATEROLE roles) manage it
  'repl_role', // REPLICATION, dba holds ADMIN OPTION on it
  'super_role',
  'pg_read_all_data',
  'pg_database_owner',
  'postgres',
  'dba',
  'pat',
  'root_viewer',
];

type Action = 'alter' | 'rename' | 'drop' | 'manageMembers' | 'setPassword';

const CAPABILITIES = `query($id: ID!) { database(id: $id) { ... on Database { catalog { ... on DatabaseCatalog {
  roles { name viewerCan { alter alterReason rename renameReason drop dropReason manageMembers manageMembersReason
    setPassword setPasswordReason reason lockedAttributes { attribute reason } } }
} } } } }`;

interface Lock {
  attribute: string;
  reason: string;
}

const CREATE_LOCKS = `query($id: ID!) { database(id: $id) { ... on Database { catalog { ... on DatabaseCatalog {
  viewerRole { lockedAttributesOnCreate { attribute reason } }
} } } } }`;

type Capabilities = Record<Action, boolean> &
  Record<`${Action}Reason`, string | null> & {
    reason: string | null;
    lockedAttributes: { attribute: string; reason: string }[];
  };

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

const reasonOf = (can: Capabilities | undefined, action: Action) => can?.[`${action}Reason` as const];

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** What each capability stands for, as the statement PostgreSQL is asked to run. */
const STATEMENTS: Record<Action, (target: string) => string> = {
  alter: (target) => `ALTER ROLE ${quote(target)} CONNECTION LIMIT 5`,
  rename: (target) => `ALTER ROLE ${quote(target)} RENAME TO ${quote(`${target}_renamed`)}`,
  drop: (target) => `DROP ROLE ${quote(target)}`,
  manageMembers: (target) => `GRANT ${quote(target)} TO probe_member`,
  setPassword: (target) => `ALTER ROLE ${quote(target)} PASSWORD 'probe-Password-42'`,
};

/** PostgreSQL's answer: allowed, or refused with its message and (16+ words most refusals there) its detail. */
interface Verdict {
  allowed: boolean;
  refusal?: string;
}

/**
 * Whether PostgreSQL lets `client`'s role run the statement; nothing stays. DROP ROLE checks permissions before
 * dependencies on every version, so "some objects depend on it" means it was allowed (a pinned role is "required by
 * the database system", a refusal). Every other error these statements meet is a refusal: the new names are free,
 * probe_member is a member of nothing (no circular grant), and a membership granted again is only a NOTICE.
 */
async function postgresAllows(client: pg.Client, statement: string): Promise<Verdict> {
  await client.query('BEGIN');
  try {
    await client.query(statement);
    return { allowed: true };
  } catch (failure) {
    const { message, detail } = failure as pg.DatabaseError;
    return { allowed: /objects depend on it/.test(message), refusal: detail ? `${message} (${detail})` : message };
  } finally {
    await client.query('ROLLBACK');
  }
}

/** Every role this file uses, in one cluster of `version`, all made by the bootstrap superuser. */
async function prepare(cluster: VersionedCluster): Promise<void> {
  await sqlOn(cluster, 'CREATE ROLE dba LOGIN CREATEROLE');
  await sqlOn(cluster, 'CREATE DATABASE shop OWNER dba');
  await sqlOn(
    cluster,
    `CREATE ROLE managed_group; GRANT managed_group TO dba WITH ADMIN OPTION;
     CREATE ROLE repl_role REPLICATION; GRANT repl_role TO dba WITH ADMIN OPTION;
     CREATE ROLE foreign_group; CREATE ROLE super_role SUPERUSER; CREATE ROLE probe_member;
     CREATE ROLE keeper; CREATE ROLE keeper_group; GRANT keeper_group TO keeper WITH ADMIN OPTION;
     CREATE ROLE root_viewer LOGIN SUPERUSER`,
  );
  // pat reaches keeper's ADMIN OPTION without inheriting it (16+: per membership; 15: the NOINHERIT attribute).
  await sqlOn(
    cluster,
    cluster.version >= 16
      ? 'CREATE ROLE pat LOGIN; GRANT keeper TO pat WITH INHERIT FALSE'
      : 'CREATE ROLE pat LOGIN NOINHERIT; GRANT keeper TO pat',
  );
}

/**
 * The reason Rolecall must give for a refusal, by the check PostgreSQL failed on: its message on 15, its detail on
 * 16+. A refusal matching none of them fails the test, so that a new check is looked at rather than passed over.
 */
type Refusals = [pattern: RegExp, reason: string][];

interface ReasonCase {
  viewer: string;
  target: string;
  action: Action;
  refusals: Refusals;
}

const REASON_CASES: ReasonCase[] = [
  {
    viewer: 'dba',
    target: 'foreign_group',
    action: 'alter',
    // 15 lets CREATEROLE alter it.
    refusals: [
      [
        /ADMIN option on role "foreign_group" may alter/,
        'Your role "dba" has CREATEROLE but no ADMIN OPTION on "foreign_group".',
      ],
    ],
  },
  {
    viewer: 'dba',
    target: 'foreign_group',
    action: 'manageMembers',
    refusals: [
      [/ADMIN option on role "foreign_group" may grant/, 'Your role "dba" has no ADMIN OPTION on "foreign_group".'],
    ],
  },
  {
    viewer: 'dba',
    target: 'super_role',
    action: 'alter',
    refusals: [
      [
        /must be superuser to alter superuser roles|SUPERUSER attribute may alter roles with the SUPERUSER attribute/,
        'Only a superuser can alter a superuser role.',
      ],
    ],
  },
  {
    viewer: 'dba',
    target: 'repl_role',
    action: 'alter',
    refusals: [
      [
        /must be superuser to alter replication roles/,
        'Only a superuser can alter a REPLICATION role (PostgreSQL 15).',
      ],
    ],
  },
  {
    viewer: 'dba',
    target: 'pg_read_all_data',
    action: 'drop',
    refusals: [
      // 15: CREATEROLE may drop any non-superuser, so the pin is what stops it.
      [/required by the database system/, '"pg_read_all_data" is required by the database system.'],
      [
        /ADMIN option on role "pg_read_all_data" may drop/,
        'Your role "dba" has CREATEROLE but no ADMIN OPTION on "pg_read_all_data".',
      ],
    ],
  },
  {
    viewer: 'pat',
    target: 'managed_group',
    action: 'alter',
    refusals: [[/^permission denied( to alter role)?($| \()/, 'Your role "pat" lacks CREATEROLE.']],
  },
  {
    viewer: 'pat',
    target: 'pat',
    action: 'drop',
    refusals: [[/^permission denied to drop role($| \()/, 'Your role "pat" lacks CREATEROLE.']],
  },
  { viewer: 'pat', target: 'pat', action: 'setPassword', refusals: [] },
  {
    viewer: 'pat',
    target: 'keeper_group',
    action: 'manageMembers',
    // 15 asks only whether pat is a member of a role with ADMIN OPTION, inheriting or not.
    refusals: [
      [
        /^no possible grantors$/,
        'Your role "pat" holds ADMIN OPTION on "keeper_group" only through a membership without INHERIT, so PostgreSQL finds no grantor.',
      ],
    ],
  },
];

/** Rolecall's reason for a locked attribute, by the check PostgreSQL failed on (15: superuser only; 16+: your own). */
const attributeRefusals = (attribute: string): Refusals => [
  [
    /must be superuser to (alter replication roles or )?change \w+ attribute/,
    `Only a superuser can change ${attribute} (PostgreSQL 15).`,
  ],
  [
    new RegExp(`Only roles with the ${attribute} attribute may change the ${attribute} attribute`),
    `Only a role that has ${attribute} itself can change ${attribute}.`,
  ],
];

/** The reason matching PostgreSQL's refusal, or a description of the refusal nobody expected. */
function reasonFor(refusals: Refusals, refusal: string): string {
  const found = refusals.find(([pattern]) => pattern.test(refusal));
  return found ? found[1] : `(no reason expected for PostgreSQL's "${refusal}")`;
}

describe.each(VERSIONS)(
  "PostgreSQL %i: Role.viewerCan says beforehand what PostgreSQL allows the viewer's role",
  (version) => {
    let cluster: VersionedCluster;
    let shopId: string;
    const viewers: { role: string; client: TestClient }[] = [];

    const { unavailable } = clusterPerVersion(version, clusters, async (started) => {
      cluster = started;
      await prepare(cluster);
      shopId = await connectOn(admin, cluster, 'shop', 'dba');
      viewers.push(
        { role: 'dba', client: admin },
        {
          role: 'pat',
          client: await collaboratorThrough(testApp, admin, shopId, `pat${version}`, 'pat', secret('trust')),
        },
        {
          role: 'root_viewer',
          client: await collaboratorThrough(testApp, admin, shopId, `root${version}`, 'root_viewer', secret('trust')),
        },
      );
    });

    async function capabilitiesOf(client: TestClient): Promise<Map<string, Capabilities>> {
      const data = await client.field<{ catalog: { roles: { name: string; viewerCan: Capabilities }[] } }>(
        CAPABILITIES,
        { id: shopId },
      );
      return new Map(data.catalog.roles.map((role) => [role.name, role.viewerCan]));
    }

    /** A session as `role` itself (trust authentication), closed after `use`. */
    async function asRole<T>(role: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
      const client = new pg.Client({ host: '127.0.0.1', port: cluster.port, database: 'shop', user: role });
      client.on('error', () => undefined);
      await client.connect();
      try {
        return await use(client);
      } finally {
        await client.end();
      }
    }

    it('agrees with PostgreSQL on alter, rename, drop, membership and password for every viewer and target', async (test) => {
      if (unavailable(test)) return;
      const disagreements: string[] = [];
      const outcomes = new Set<boolean>();
      for (const { role, client } of viewers) {
        const answers = await capabilitiesOf(client);
        await asRole(role, async (session) => {
          for (const target of TARGETS) {
            const can = answers.get(target);
            expect(can, `${target} is listed`).toBeDefined();
            for (const [action, statement] of Object.entries(STATEMENTS)) {
              const actual = await postgresAllows(session, statement(target));
              outcomes.add(actual.allowed);
              const said = can?.[action as Action];
              if (said !== actual.allowed)
                disagreements.push(
                  `PostgreSQL ${version}: ${role} ${action} ${target}: API ${said}${said ? '' : ` (${reasonOf(can, action as Action)})`}, PostgreSQL ${actual.refusal ?? 'ok'}`,
                );
            }
          }
        });
      }
      expect(disagreements).toEqual([]);
      // Both answers occurred: the comparison is not between two constant answers.
      expect([...outcomes].sort()).toEqual([false, true]);
    });

    it('agrees with PostgreSQL on each attribute, CREATEDB, REPLICATION and BYPASSRLS included', async (test) => {
      if (unavailable(test)) return;
      const disagreements: string[] = [];
      const outcomes = new Set<boolean>();
      for (const { role, client } of viewers) {
        const answers = await capabilitiesOf(client);
        await asRole(role, async (session) => {
          for (const target of TARGETS) {
            const locked = new Set(answers.get(target)?.lockedAttributes.map((lock) => lock.attribute));
            for (const [attribute, clause] of Object.entries(ATTRIBUTE_CLAUSES)) {
              const actual = await postgresAllows(session, `ALTER ROLE ${quote(target)} ${clause}`);
              outcomes.add(actual.allowed);
              if (locked.has(attribute) === actual.allowed)
                disagreements.push(
                  `PostgreSQL ${version}: ${role} ${attribute} on ${target}: API ${locked.has(attribute) ? 'locked' : 'open'}, PostgreSQL ${actual.refusal ?? 'ok'}`,
                );
            }
          }
        });
      }
      expect(disagreements).toEqual([]);
      // Both answers occurred: the comparison is not between two constant answers.
      expect([...outcomes].sort()).toEqual([false, true]);
    });

    it('gives the reason PostgreSQL would: CREATEROLE without ADMIN OPTION, no CREATEROLE, superuser and pinned targets', async (test) => {
      if (unavailable(test)) return;
      const answers = new Map<string, Map<string, Capabilities>>();
      for (const { role, client } of viewers) answers.set(role, await capabilitiesOf(client));
      for (const { viewer: role, target, action, refusals } of REASON_CASES) {
        const actual = await asRole(role, (session) => postgresAllows(session, STATEMENTS[action](target)));
        const can = answers.get(role)?.get(target);
        const label = `PostgreSQL ${version}: ${role} ${action} ${target}, PostgreSQL ${actual.refusal ?? 'ok'}`;
        expect(can?.[action], label).toBe(actual.allowed);
        expect(reasonOf(can, action), label).toBe(actual.refusal ? reasonFor(refusals, actual.refusal) : null);
      }
      // What dba manages it may do everything to, but set attributes it lacks itself (16+) or only superusers set (15).
      const dba = answers.get('dba');
      expect(dba?.get('managed_group')).toMatchObject({
        alter: true,
        rename: true,
        drop: true,
        manageMembers: true,
        setPassword: true,
        reason: null,
      });
      const locks = await asRole('dba', async (session) => {
        const refused: { attribute: string; reason: string }[] = [];
        for (const [attribute, clause] of Object.entries(ATTRIBUTE_CLAUSES)) {
          const { refusal } = await postgresAllows(session, `ALTER ROLE managed_group ${clause}`);
          if (refusal) refused.push({ attribute, reason: reasonFor(attributeRefusals(attribute), refusal) });
        }
        return refused;
      });
      expect(locks.map((lock) => lock.attribute)).toEqual(expect.arrayContaining(['REPLICATION', 'BYPASSRLS']));
      const byAttribute = (a: { attribute: string }, b: { attribute: string }) =>
        a.attribute.localeCompare(b.attribute);
      expect([...(dba?.get('managed_group')?.lockedAttributes ?? [])].sort(byAttribute)).toEqual(
        locks.sort(byAttribute),
      );
    });

    it('agrees with PostgreSQL on which attributes CREATE ROLE may give (ViewerRole.lockedAttributesOnCreate)', async (test) => {
      if (unavailable(test)) return;
      const disagreements: string[] = [];
      const outcomes = new Set<boolean>();
      for (const { role, client } of viewers) {
        const data = await client.field<{ catalog: { viewerRole: { lockedAttributesOnCreate: Lock[] } } }>(
          CREATE_LOCKS,
          { id: shopId },
        );
        const locked = new Set(data.catalog.viewerRole.lockedAttributesOnCreate.map((lock) => lock.attribute));
        await asRole(role, async (session) => {
          for (const [attribute, clause] of Object.entries(ATTRIBUTE_CLAUSES)) {
            const actual = await postgresAllows(session, `CREATE ROLE probe_created ${clause}`);
            outcomes.add(actual.allowed);
            if (locked.has(attribute) === actual.allowed)
              disagreements.push(
                `PostgreSQL ${version}: ${role} CREATE ROLE … ${clause}: API ${locked.has(attribute) ? 'locked' : 'open'}, PostgreSQL ${actual.refusal ?? 'ok'}`,
              );
          }
        });
      }
      expect(disagreements).toEqual([]);
      expect([...outcomes].sort()).toEqual([false, true]);
    });
    // The preview of that grant is PostgreSQL's verdict too: see preview-verdict-versions.test.ts.
  },
);
