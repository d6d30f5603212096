import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secret, startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { addCollaborator, configureRole, createUser, ERROR_FIELDS, setupAdmin, signIn } from './support/fixtures.js';
import { type PostgresVersion, sqlOn, startVersionedCluster, type VersionedCluster } from './support/versions.js';

/**
 * What a MANAGER may give depends on what their own role may SET ROLE to, which PostgreSQL 16 made a per-grant
 * option: a member granted WITH SET FALSE is a member that may not become the role. Checked on every supported version
 * against a real server of it (trust authentication on loopback, so any stored password logs in).
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
  await Promise.all(clusters.map((cluster) => cluster.stop()));
  await testApp?.stop();
});

/** Roles the MANAGER's role `mgr` may become on PostgreSQL 16+ (WITH SET TRUE) or not (WITH SET FALSE). */
async function createRoles(cluster: VersionedCluster): Promise<void> {
  await sqlOn(
    cluster,
    `CREATE ROLE ward_owner LOGIN CREATEROLE; CREATE ROLE mgr LOGIN; CREATE ROLE may_become LOGIN;
     CREATE ROLE member_only LOGIN; CREATE ROLE stranger LOGIN`,
  );
  await sqlOn(cluster, 'CREATE DATABASE ward OWNER ward_owner');
  const setOption = cluster.version >= 16;
  await sqlOn(
    cluster,
    setOption
      ? 'GRANT may_become TO mgr WITH SET TRUE; GRANT member_only TO mgr WITH SET FALSE'
      : // PostgreSQL 15 has no SET option: every member may SET ROLE, so member_only is simply not granted.
        'GRANT may_become TO mgr',
  );
}

async function connectWard(cluster: VersionedCluster): Promise<string> {
  const connected = await admin.field(
    `mutation($input: ConnectDatabaseInput!) { connectDatabase(input: $input) { ${ERROR_FIELDS} ... on Database { id } } }`,
    {
      input: { host: '127.0.0.1', port: cluster.port, database: 'ward', role: 'ward_owner', password: secret('trust') },
    },
  );
  expect(connected.__typename).toBe('Database');
  return connected.id as string;
}

async function offers(client: TestClient, databaseId: string): Promise<Record<string, string | null>> {
  const database = await client.field<{
    roleOffers: { nodes: { configuredRole: { rolname: string }; refusal: string | null }[] };
  }>(
    `query($id: ID!) { database(id: $id) { ... on Database { roleOffers { ${ERROR_FIELDS}
      ... on DatabaseRoleOffersConnection { nodes { configuredRole { rolname } refusal } } } } } }`,
    { id: databaseId },
  );
  return Object.fromEntries(database.roleOffers.nodes.map((offer) => [offer.configuredRole.rolname, offer.refusal]));
}

describe.each(VERSIONS)('PostgreSQL %i', (version) => {
  it('offers a MANAGER the roles their own role may SET ROLE to, and no other', async (test) => {
    const cluster = await startVersionedCluster(version);
    if ('skipped' in cluster) {
      console.log(`PostgreSQL ${version} skipped: ${cluster.skipped}`);
      test.skip();
      return;
    }
    clusters.push(cluster);
    await createRoles(cluster);
    const wardId = await connectWard(cluster);
    const roleIds: Record<string, string> = {};
    for (const role of ['mgr', 'may_become', 'member_only', 'stranger']) {
      const configured = await configureRole(admin, wardId, role, secret('trust'));
      expect(configured.__typename).toBe('ConfiguredRole');
      roleIds[role] = configured.id as string;
    }
    const username = `manager${version}`;
    const user = await createUser(admin, username);
    expect(
      await addCollaborator(admin, {
        databaseId: wardId,
        userId: user.id,
        configuredRoleId: roleIds.mgr as string,
        access: 'MANAGER',
      }),
    ).toMatchObject({ __typename: 'Collaborator' });
    const manager = testApp.client();
    await signIn(manager, username, user.password);

    expect(await offers(manager, wardId)).toEqual({
      mgr: null,
      may_become: null,
      member_only: 'NOT_SETTABLE',
      stranger: 'NOT_SETTABLE',
      ward_owner: 'SERVER_WIDE_POWER',
    });
    const puppet = await createUser(admin, `puppet${version}`);
    const refused = await addCollaborator(manager, {
      databaseId: wardId,
      userId: puppet.id,
      configuredRoleId: roleIds.member_only as string,
    });
    expect(refused).toMatchObject({ __typename: 'ForbiddenError' });
    const given = await addCollaborator(manager, {
      databaseId: wardId,
      userId: puppet.id,
      configuredRoleId: roleIds.may_become as string,
    });
    expect(given).toMatchObject({ __typename: 'Collaborator', role: { rolname: 'may_become' } });
  });
});
