import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { RoleSnapshots } from '../src/catalog/role-snapshot.js';
import { preparedTexts } from '../src/pools/batched-queries.js';
import { startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { connect, createManagedDatabase, setupAdmin } from './support/fixtures.js';
import { changeWithImpact, impactLines } from './support/impact.js';

/**
 * A change to objects reads the server's roles from the snapshot last read, checking only the part of it around the
 * roles it moves (catalog/role-freshness.ts) instead of every role and membership. Roles changed in psql since, in
 * that part, must be seen: the impact is then what PostgreSQL says, never what the old snapshot said.
 */

let testApp: TestApp;
let admin: TestClient;
let dbId: string;

const GRANT = { object: 'ObjectRef!', grantee: 'String', privileges: '[String!]!' };
const TABLE = { kind: 'TABLE', schema: 's', name: 't' };

const grantSelect = (grantee: string, dryRun = true) =>
  changeWithImpact(admin, 'grantPrivileges', GRANT, {
    databaseId: dbId,
    object: TABLE,
    grantee,
    privileges: ['SELECT'],
    dryRun,
  });

/** What PostgreSQL says each role holds on s.t: the truth every impact is checked against. */
async function holdsSelect(roles: string[]): Promise<Record<string, boolean>> {
  const rows = await testApp.sql<{ role: string; held: boolean }>(
    `SELECT r AS role, has_table_privilege(r, 's.t', 'SELECT') AS held FROM unnest($1::text[]) r`,
    [roles],
    'knowndb',
  );
  return Object.fromEntries(rows.map((row) => [row.role, row.held]));
}

/** Reads the server's roles through Rolecall (a dry run that reads them all), so a snapshot of them is known. */
async function knowRoles(): Promise<void> {
  const change = await grantSelect('kr_warm');
  expect(change.__typename).toBe('PermissionChange');
}

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  const db = await createManagedDatabase(testApp, 'knowndb', 'kr_owner');
  await testApp.sql(
    `SET ROLE kr_owner;
     CREATE ROLE kr_warm; CREATE ROLE kr_holder; CREATE ROLE kr_group; CREATE ROLE kr_late;
     CREATE ROLE kr_group2; CREATE ROLE kr_member2 IN ROLE kr_group2;
     CREATE ROLE kr_group3; CREATE ROLE kr_member3 IN ROLE kr_group3;
     CREATE ROLE kr_granter; CREATE ROLE kr_regrantee; CREATE ROLE kr_rejoiner; CREATE ROLE kr_sent;
     RESET ROLE`,
  );
  await testApp.sql(
    `CREATE SCHEMA s AUTHORIZATION kr_owner; SET ROLE kr_owner; CREATE TABLE s.t (id int);
     GRANT USAGE ON SCHEMA s TO PUBLIC; GRANT SELECT ON s.t TO kr_holder;
     GRANT SELECT ON s.t TO kr_granter WITH GRANT OPTION; RESET ROLE;
     SET ROLE kr_granter; GRANT SELECT ON s.t TO kr_regrantee; RESET ROLE`,
    [],
    'knowndb',
  );
  dbId = await connect(admin, testApp, db);
});

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  await testApp?.stop();
});

describe('the impact of a change to objects, from the roles last read', () => {
  it('checks only the roles around the grantee when nothing there moved, and is what PostgreSQL says', async () => {
    await knowRoles();
    const fullChecks = vi.spyOn(RoleSnapshots.prototype, 'current');
    const change = await grantSelect('kr_group2');
    expect(fullChecks).not.toHaveBeenCalled();
    expect(impactLines(change.impact)).toEqual(['GAIN SELECT s.t: kr_group2, kr_member2']);
    expect(await holdsSelect(['kr_group2', 'kr_member2'])).toEqual({ kr_group2: false, kr_member2: false });
  });

  it('sees a member who joined the grantee in psql since, and names them among those who gain', async () => {
    await knowRoles();
    await testApp.sql('GRANT kr_group TO kr_late');
    const change = await grantSelect('kr_group', false);
    expect(change.__typename).toBe('PermissionChange');
    expect(impactLines(change.impact)).toEqual(['GAIN SELECT s.t: kr_group, kr_late']);
    expect(await holdsSelect(['kr_group', 'kr_late'])).toEqual({ kr_group: true, kr_late: true });
  });

  it('sees that a member of the grantee was given, in psql since, a role that already holds the privilege', async () => {
    await knowRoles();
    await testApp.sql('GRANT kr_holder TO kr_member3');
    const change = await grantSelect('kr_group3');
    // kr_member3 holds SELECT through kr_holder already: it gains nothing, as PostgreSQL says.
    expect(impactLines(change.impact)).toEqual(['GAIN SELECT s.t: kr_group3']);
    expect(await holdsSelect(['kr_member3'])).toEqual({ kr_member3: true });
  });

  it("sends the check of the roles around the grantee with the grant's statements, then only COMMIT", async () => {
    await knowRoles();
    const sent: { client: pg.Client; text: string }[] = [];
    const send = pg.Client.prototype.query;
    vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      const [config] = args;
      const text = typeof config === 'string' ? config : String((config as { text?: string }).text);
      if (this.database === 'knowndb') sent.push({ client: this, text });
      return (send as (...a: unknown[]) => unknown).apply(this, args) as never;
    });
    const change = await grantSelect('kr_sent', false);
    vi.restoreAllMocks();
    expect(impactLines(change.impact)).toEqual(['GAIN SELECT s.t: kr_sent']);
    const grant = sent.findIndex(({ text }) => text.includes('GRANT SELECT ON TABLE "s"."t" TO "kr_sent"'));
    expect(grant).toBeGreaterThan(-1);
    // The queries with parameters run as statements their connection prepared: what those read.
    const { client, text } = sent[grant] as { client: pg.Client; text: string };
    const executed = new Set([...text.matchAll(/EXECUTE (\w+)\(/g)].map((match) => match[1]));
    const prepared = [...preparedTexts(client)].filter(([, name]) => executed.has(name)).map(([query]) => query);
    expect(prepared.some((query) => query.includes('FROM pg_catalog.pg_roles'))).toBe(true);
    expect(sent[grant + 1]?.text).toBe('COMMIT');
  });

  it('checks again, after the statements, roles a REVOKE … CASCADE moved beyond the grantee', async () => {
    await knowRoles();
    // kr_regrantee holds SELECT from kr_granter: CASCADE takes it too. kr_rejoiner joined it in psql since.
    await testApp.sql('GRANT kr_regrantee TO kr_rejoiner');
    const change = await changeWithImpact(
      admin,
      'revokePrivileges',
      { ...GRANT, cascade: 'Boolean' },
      { databaseId: dbId, object: TABLE, grantee: 'kr_granter', privileges: ['SELECT'], cascade: true, dryRun: true },
    );
    expect(impactLines(change.impact)).toEqual(['LOSS SELECT s.t: kr_granter, kr_regrantee, kr_rejoiner']);
    expect(await holdsSelect(['kr_granter', 'kr_regrantee', 'kr_rejoiner'])).toEqual({
      kr_granter: true,
      kr_regrantee: true,
      kr_rejoiner: true,
    });
  });

  it('names a member renamed in psql since by its new name', async () => {
    await knowRoles();
    await testApp.sql('ALTER ROLE kr_member2 RENAME TO kr_member2_renamed');
    const change = await grantSelect('kr_group2');
    expect(impactLines(change.impact)).toEqual(['GAIN SELECT s.t: kr_group2, kr_member2_renamed']);
  });
});
