import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import { runCli } from './support/cli.js';
import type { TestClient } from './support/client.js';
import { connect, createApiToken, createLoginRole, createManagedDatabase, setupAdmin } from './support/fixtures.js';
import { collaboratorThrough } from './support/permissions.js';

/** `rolecall access` (issue 16): each test spawns the real CLI a few times only (a second each). */

let testApp: TestApp;
let admin: TestClient;
let shopId: string;
let env: Record<string, string>;

const rolecall = (args: string[]) => runCli(args, env);

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
  const password = await createLoginRole(testApp, 'cx_ana');
  await testApp.sql('CREATE ROLE cx_team; GRANT cx_team TO cx_ana; CREATE ROLE cx_bob');
  await testApp.sql(
    `CREATE SCHEMA s AUTHORIZATION shop_owner; SET ROLE shop_owner; CREATE TABLE s.t (id int);
     GRANT USAGE ON SCHEMA s TO cx_team; GRANT SELECT ON s.t TO cx_team; RESET ROLE`,
    [],
    'shop',
  );
  shopId = await connect(admin, testApp, shop);
  await collaboratorThrough(testApp, admin, shopId, 'carla', 'cx_ana', password);
  const home = await mkdtemp(join(tmpdir(), 'rolecall-cli-access-'));
  env = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    ROLECALL_URL: testApp.url,
    ROLECALL_TOKEN: await createApiToken(admin, 'cli'),
  };
});

afterAll(async () => {
  await testApp?.stop();
});

describe('rolecall access', () => {
  it('prints a role’s report as a table, with each path', async () => {
    const run = await rolecall(['access', '--db', 'shop', '--role', 'cx_ana']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/ROLE\s*│\s*OBJECT\s*│\s*PRIVILEGE\s*│\s*GRANTABLE\s*│\s*WHY\s*│\s*COLLABORATORS/);
    expect(run.stdout).toMatch(
      /cx_ana\s*│\s*table s\.t\s*│\s*SELECT\s*│\s*no\s*│\s*granted to cx_team \(by shop_owner\) via cx_ana → cx_team\s*│\s*carla/,
    );
  });

  it('prints the server’s CSV of a table and the JSON of a user', async () => {
    const csv = await rolecall(['access', '--db', 'shop', '--table', 's.t', '--csv']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe(
      '"role","is_public","collaborators","object_kind","schema","name","column","arguments","object","privilege","grantable","source","path","grantor","source_grantable"',
    );
    expect(lines).toContain(
      '"cx_team","false","[]","TABLE","s","t",,,"s.t","SELECT","false","GRANT","[""cx_team""]","shop_owner","false"',
    );
    const json = await rolecall(['access', '--db', 'shop', '--user', 'carla', '--json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { subject: { kind: string; role: string }; rows: { role: string }[] };
    expect(report.subject).toMatchObject({ kind: 'COLLABORATOR', role: 'cx_ana' });
    expect(new Set(report.rows.map((row) => row.role))).toEqual(new Set(['cx_ana']));
  });

  it('refuses two subjects with a usage error (exit 2)', async () => {
    const run = await rolecall(['access', '--db', 'shop', '--role', 'cx_ana', '--schema', 's']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('review exactly one of --role, --user, --schema');
  });

  it('saves a snapshot, lists it, and diffs it with now: the rows gained and the event behind them', async () => {
    const saved = await rolecall([
      'access',
      'snapshot',
      'save',
      '--db',
      'shop',
      '--schema',
      's',
      '--note',
      'Q4',
      '--json',
    ]);
    expect(saved.code).toBe(0);
    const snapshot = JSON.parse(saved.stdout) as { id: string; note: string; subject: { kind: string } };
    expect(snapshot).toMatchObject({ note: 'Q4', subject: { kind: 'SCHEMA', label: 's' } });
    const listed = await rolecall(['access', 'snapshot', 'list', '--db', 'shop', '--json']);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ id: snapshot.id, note: 'Q4' })]);

    const granted = await admin.field(
      `mutation($db: ID!) { grantPrivileges(databaseId: $db, object: { kind: TABLE, schema: "s", name: "t" },
        grantee: "cx_bob", privileges: ["INSERT"]) { __typename } }`,
      { db: shopId },
    );
    expect(granted.__typename).toBe('PermissionChange');
    const diff = await rolecall(['access', 'snapshot', 'diff', snapshot.id, '--db', 'shop']);
    expect(diff).toMatchObject({ code: 0, stderr: '' });
    expect(diff.stdout).toContain('1 gained, 0 lost, 0 grant option changes');
    expect(diff.stdout).toMatch(/GAINED\s*│\s*cx_bob\s*│\s*table s\.t\s*│\s*INSERT\s*│\s*no/);
    expect(diff.stdout).toContain('Events behind it:');
    expect(diff.stdout).toMatch(
      /ROLECALL\s*│\s*privileges\.changed\s*│\s*shop_owner\s*│\s*GRANT INSERT ON TABLE "s"\."t" TO "cx_bob"/,
    );
  });
});
