import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKPOINT_FORMAT, loadCheckpoint } from '../src/events/drift-checkpoints.js';
import { startTestApp, type TestApp } from './support/app.js';
import { until } from './support/crashable.js';
import { untilDriftReported } from './support/drift.js';
import { connectShop, setupAdmin } from './support/fixtures.js';
import { externalGrantsTo } from './support/permissions.js';

/**
 * The drift watcher handing a server over: an instance that stops watching it (a restart, a rolling deploy) leaves
 * what it last read in the metadata database, and the next instance to watch it compares with that, so a change made
 * in psql while no instance watched is reported, once. The test app's own instance never polls here: two instances
 * of its own take turns.
 */

let testApp: TestApp;
let serverId: string;

const POLLING = { DRIFT_INTERVAL_MS: '300' };

/** Whether the server's checkpoint was left after the newest EXTERNAL event of it. */
async function checkpointIsOfLastReport(): Promise<boolean> {
  const [row] = await testApp.sql<{ left: string | null; newest: string | null }>(
    `SELECT (SELECT "reportedUpTo"::text FROM "DriftCheckpoint" WHERE "serverId" = $1::uuid) AS left,
            (SELECT max(id)::text FROM "Event" WHERE "serverId" = $1::uuid AND source = 'EXTERNAL') AS newest`,
    [serverId],
    'rolecall_metadata',
  );
  return row?.left !== null && row?.left === row?.newest;
}

const untilReported = (grantee: string) =>
  until(async () => (await externalGrantsTo(testApp, grantee)) > 0, 15_000, `the report of psql's grant to ${grantee}`);

/**
 * The shape of a read: the keys of its objects, depth first, a list's items' shapes once each (values are left out).
 * What CHECKPOINT_FORMAT stands for.
 */
function shapeOf(value: unknown): string {
  if (Array.isArray(value)) return `[${[...new Set(value.map(shapeOf))].sort().join('|')}]`;
  if (value === null || typeof value !== 'object' || value instanceof Date) return '';
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([key, item]) => `${key}${shapeOf(item)}`).join(',')}}`;
}

/** The shape of CHECKPOINT_FORMAT 1's reads, on every version (on 15 a membership's INHERIT and SET are read as 16 has them). */
const SHAPE = [
  '{databases[[|{at,snapshot,state{',
  'defaultAcls[{acl[{grantee,grantor,is_grantable,privilege_type}],defaclnamespace,defaclrole,kind}],',
  'features{largeObjectDefaults,maintain,membershipOptions,versionNum},',
  'objects[{acl[{grantee,grantor,is_grantable,privilege_type}],key,label,objectKind,oid,owner}|',
  '{acl[{grantee,grantor,is_grantable,privilege_type}],label,objectKind,oid,owner}]}}]],',
  'format,server{at,snapshot,state{comments[{comment,role}],',
  'memberships[{admin_option,grantor,inherit_option,member,roleid,set_option}],',
  'objects[{acl[{grantee,grantor,is_grantable,privilege_type}],key,label,objectKind,oid,owner}],',
  'roles[{is_predefined,oid,rolbypassrls,rolcanlogin,rolconnlimit,rolcreatedb,rolcreaterole,rolinherit,rolname,',
  'rolreplication,rolsuper,rolvaliduntil,valid_until_infinity}],settings[{database,datname,name,role,value}]}}}',
].join('');

beforeAll(async () => {
  testApp = await startTestApp({ DRIFT_INTERVAL_MS: '600000' });
  const admin = testApp.client();
  await setupAdmin(admin);
  await connectShop(testApp, admin, [
    'early_reader',
    'gap_reader',
    'later_reader',
    'torn_reader',
    'down_reader',
    'tuned_role',
  ]);
  // One of everything a read holds, so the pinned shape covers every list.
  await testApp.sql(
    `ALTER ROLE tuned_role SET work_mem = '8MB'; COMMENT ON ROLE tuned_role IS 'tuned';
     GRANT SET ON PARAMETER work_mem TO tuned_role`,
  );
  await testApp.sql('ALTER DEFAULT PRIVILEGES FOR ROLE shop_owner GRANT SELECT ON TABLES TO tuned_role', [], 'shop');
  const [server] = await testApp.sql<{ id: string }>('SELECT id::text FROM "Server"', [], 'rolecall_metadata');
  serverId = server?.id ?? '';
});

afterAll(async () => {
  await testApp?.stop();
});

describe('a server handed from one instance to the next', () => {
  it('reports, once, a change made in psql while no instance watched it', async () => {
    const first = await testApp.startInstance(POLLING);
    await untilDriftReported(testApp);
    await testApp.sql('GRANT SELECT ON s.t TO early_reader', [], 'shop');
    await untilReported('early_reader');
    // What a crash would leave: the checkpoint of its last report, left as it watches.
    await until(async () => await checkpointIsOfLastReport(), 5_000, 'the checkpoint of the report');
    await first.stop();

    await testApp.sql('GRANT SELECT ON s.t TO gap_reader', [], 'shop');
    const next = await testApp.startInstance(POLLING);
    await untilReported('gap_reader');
    // A later change reported means later polls went by: none reported the others again.
    await testApp.sql('GRANT SELECT ON s.t TO later_reader', [], 'shop');
    await untilReported('later_reader');
    await next.stop();

    expect(await externalGrantsTo(testApp, 'early_reader')).toBe(1);
    expect(await externalGrantsTo(testApp, 'gap_reader')).toBe(1);
    expect(await externalGrantsTo(testApp, 'later_reader')).toBe(1);
  });

  it('a report and its checkpoint commit together: neither is written alone, and the report comes once both can be', async () => {
    const first = await testApp.startInstance(POLLING);
    await untilDriftReported(testApp);
    await until(async () => await checkpointIsOfLastReport(), 5_000, 'the checkpoint of the report');
    // The checkpoint cannot be written (a full disk, a lost connection between the two writes, a crash).
    await testApp.sql(
      `CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no room'; END $$;
       CREATE TRIGGER refuse BEFORE INSERT OR UPDATE ON "DriftCheckpoint" FOR EACH ROW EXECUTE FUNCTION refuse()`,
      [],
      'rolecall_metadata',
    );
    const failedBefore = testApp.logs.filter((line) => line.includes('no room')).length;
    try {
      await testApp.sql('GRANT SELECT ON s.t TO torn_reader', [], 'shop');
      await until(
        () => testApp.logs.filter((line) => line.includes('no room')).length > failedBefore,
        15_000,
        'a report that failed',
      );
      // Not recorded without its checkpoint: an instance that stopped now would leave the last one, which the next
      // compares with, and so reports this change.
      expect(await externalGrantsTo(testApp, 'torn_reader')).toBe(0);
    } finally {
      await testApp.sql('DROP TRIGGER refuse ON "DriftCheckpoint"; DROP FUNCTION refuse()', [], 'rolecall_metadata');
    }
    await untilReported('torn_reader');
    expect(await checkpointIsOfLastReport()).toBe(true);
    await first.stop();

    await testApp.sql('GRANT SELECT ON s.t TO down_reader', [], 'shop');
    const next = await testApp.startInstance(POLLING);
    await untilReported('down_reader');
    await next.stop();
    expect(await externalGrantsTo(testApp, 'torn_reader')).toBe(1);
    expect(await externalGrantsTo(testApp, 'down_reader')).toBe(1);
  });

  it('the checkpoint holds reads of the shape CHECKPOINT_FORMAT names (change the reads: bump it, and this)', async () => {
    const checkpoint = await loadCheckpoint<{ format: number }>(testApp.app.services.metadata, serverId);
    expect(checkpoint?.state.format).toBe(CHECKPOINT_FORMAT);
    expect(shapeOf(checkpoint?.state)).toBe(SHAPE);
  });
});
