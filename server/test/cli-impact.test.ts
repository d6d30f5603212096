import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import { runCli } from './support/cli.js';
import {
  addCollaborator,
  configureRole,
  connect,
  createApiToken,
  createLoginRole,
  createManagedDatabase,
  createUser,
  setupAdmin,
} from './support/fixtures.js';
import { hasTablePrivilege } from './support/permissions.js';

let testApp: TestApp;
let home: string;
let token: string;

/** The real `rolecall` binary, signed in by its environment (no `login`: each spawn costs about a second). */
const rolecall = (args: string[]) =>
  runCli(args, { PATH: process.env.PATH ?? '', HOME: home, ROLECALL_URL: testApp.url, ROLECALL_TOKEN: token });

const REVOKE = ['revoke', 'SELECT', '--db', 'shop', '--role', 'impact_reporting', '--table', 'sales.orders'];

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'rolecall-cli-impact-'));
  testApp = await startTestApp();
  const admin = testApp.client();
  await setupAdmin(admin);
  token = await createApiToken(admin, 'cli-impact');
  const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
  await testApp.sql(
    `CREATE SCHEMA sales AUTHORIZATION shop_owner; CREATE TABLE sales.orders (id int);
     ALTER TABLE sales.orders OWNER TO shop_owner`,
    [],
    'shop',
  );
  const databaseId = await connect(admin, testApp, shop);
  const password = await createLoginRole(testApp, 'impact_analyst');
  await testApp.sql('CREATE ROLE impact_reporting; GRANT impact_reporting TO impact_analyst');
  await testApp.sql('GRANT SELECT ON sales.orders TO impact_reporting', [], 'shop');
  const configured = await configureRole(admin, databaseId, 'impact_analyst', password);
  const alice = await createUser(admin, 'alice');
  await addCollaborator(admin, { databaseId, userId: alice.id, configuredRoleId: String(configured.id) });
});

afterAll(async () => {
  await testApp?.stop();
});

describe('rolecall impact', () => {
  it("prints a change command's dry run with who loses what: counts, collaborators and membership paths", async () => {
    const run = await rolecall(['impact', ...REVOKE, '--dry-run']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('-- dry run: nothing was changed; this would run:');
    expect(run.stdout).toContain('REVOKE SELECT ON TABLE "sales"."orders" FROM "impact_reporting"');
    expect(run.stdout).toContain('- 2 roles and 1 collaborator (alice) lose SELECT on sales.orders');
    expect(run.stdout).toContain('    impact_analyst (alice): impact_analyst → impact_reporting');
    expect(run.stdout).toContain('    impact_reporting: granted directly');
    expect(await hasTablePrivilege(testApp, 'shop', 'impact_analyst', 'sales.orders', 'SELECT')).toBe(true);
  });

  it('prints the raw impact with --json, and only ever as a dry run', async () => {
    const run = await rolecall(['impact', ...REVOKE, '--json']);
    expect(run.code).toBe(0);
    const impact = JSON.parse(run.stdout);
    expect(impact).toMatchObject({ roleCount: 2, collaboratorCount: 1, privilegeGroupCount: 1, membershipGroups: [] });
    expect(impact.privilegeGroups[0]).toMatchObject({
      direction: 'LOSS',
      privilege: 'SELECT',
      object: { kind: 'TABLE', label: 'sales.orders' },
      collaborators: ['alice'],
    });
    expect(impact.privilegeGroups[0].roles).toContainEqual(
      expect.objectContaining({
        role: 'impact_analyst',
        collaborators: ['alice'],
        sources: [expect.objectContaining({ kind: 'GRANT', path: ['impact_analyst', 'impact_reporting'] })],
      }),
    );
    expect(await hasTablePrivilege(testApp, 'shop', 'impact_analyst', 'sales.orders', 'SELECT')).toBe(true);
  });

  it('refuses what is not a change command, naming the ones it takes', async () => {
    const run = await rolecall(['impact', 'roles', '--db', 'shop']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('error: impact takes a change command: ');
    for (const command of ['grant', 'revoke', 'transfer-owner', 'role set', 'default-privileges set'])
      expect(run.stderr).toContain(command);
  });
});
