import type pg from 'pg';
import { expect } from 'vitest';
import { secret, type TestApp } from './app.js';
import type { TestClient } from './client.js';

/** Any error's fields; `sqlstate` spread inside `Error`, so it is valid on fields whose union has no PostgresFailure. */
export const ERROR_FIELDS = '__typename ... on Error { code message ... on PostgresFailure { sqlstate } }';

export interface ManagedDatabase {
  database: string;
  owner: string;
  ownerPassword: string;
}

/** A database on the test cluster owned by a CREATEROLE login role: what a DBA would hand to Rolecall. */
export async function createManagedDatabase(
  testApp: TestApp,
  database: string,
  owner: string,
): Promise<ManagedDatabase> {
  const ownerPassword = secret(owner);
  await testApp.sql(`CREATE ROLE "${owner}" LOGIN CREATEROLE PASSWORD '${ownerPassword}'`);
  await testApp.sql(`CREATE DATABASE "${database}" OWNER "${owner}"`);
  return { database, owner, ownerPassword };
}

export async function createLoginRole(testApp: TestApp, role: string): Promise<string> {
  const password = secret(role);
  await testApp.sql(`CREATE ROLE "${role}" LOGIN PASSWORD '${password}'`);
  return password;
}

export async function setupAdmin(client: TestClient, username = 'admin'): Promise<{ id: string; password: string }> {
  const password = secret('admin');
  const user = await client.field(
    `mutation($input: SetupInput!) { setup(input: $input) { ${ERROR_FIELDS} ... on User { id } } }`,
    { input: { username, email: `${username}@example.com`, password } },
  );
  if (user.__typename !== 'User') throw new Error(`setup failed: ${JSON.stringify(user)}`);
  return { id: user.id as string, password };
}

export function connect(client: TestClient, testApp: TestApp, managed: ManagedDatabase): Promise<string> {
  return connectOn(client, testApp.cluster.port, {
    database: managed.database,
    role: managed.owner,
    password: managed.ownerPassword,
  });
}

/** Connects a database of a server on `port` (a cluster of a test's own) as `role`: the new database's id. */
export async function connectOn(
  client: TestClient,
  port: number,
  login: { database: string; role: string; password: string },
): Promise<string> {
  const result = await client.field(
    `mutation($input: ConnectDatabaseInput!) { connectDatabase(input: $input) { ${ERROR_FIELDS} ... on Database { id } } }`,
    { input: { host: '127.0.0.1', port, ...login } },
  );
  if (result.__typename !== 'Database') throw new Error(`connect failed: ${JSON.stringify(result)}`);
  return result.id as string;
}

/**
 * The database `shop` (owner shop_owner) with the table s.t, and these roles on the server, connected by `admin`;
 * returns its id. What the live-event tests grant and watch (see expectSelectGranted).
 */
export async function connectShop(testApp: TestApp, admin: TestClient, roles: readonly string[]): Promise<string> {
  const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
  await testApp.sql(
    'CREATE SCHEMA s AUTHORIZATION shop_owner; CREATE TABLE s.t (id int); ALTER TABLE s.t OWNER TO shop_owner',
    [],
    'shop',
  );
  await testApp.sql(roles.map((role) => `CREATE ROLE ${role}`).join('; '));
  return connect(admin, testApp, shop);
}

export async function createUser(
  client: TestClient,
  username: string,
  isAdmin = false,
): Promise<{ id: string; password: string }> {
  const password = secret(username);
  const user = await client.field(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { ${ERROR_FIELDS} ... on User { id } } }`,
    { input: { username, email: `${username}@example.com`, password, isAdmin } },
  );
  if (user.__typename !== 'User') throw new Error(`createUser failed: ${JSON.stringify(user)}`);
  return { id: user.id as string, password };
}

/** A new API token of the signed-in user, as clients put it in an Authorization header or connectionParams. */
export async function createApiToken(client: TestClient, name: string): Promise<string> {
  const created = await client.field(
    `mutation($name: String!) { createApiToken(name: $name) { ${ERROR_FIELDS} ... on CreatedApiToken { token } } }`,
    { name },
  );
  return created.token as string;
}

export async function signIn(client: TestClient, login: string, password: string): Promise<void> {
  const user = await client.field(
    `mutation($login: String!, $password: String!) { login(login: $login, password: $password) { ${ERROR_FIELDS} } }`,
    {
      login,
      password,
    },
  );
  if (user.__typename !== 'User') throw new Error(`login failed: ${JSON.stringify(user)}`);
}

export async function configureRole(client: TestClient, databaseId: string, role: string, password: string) {
  return client.field(
    `mutation($databaseId: ID!, $role: String!, $password: String!) {
      configureRole(databaseId: $databaseId, role: $role, password: $password) { ${ERROR_FIELDS} ... on ConfiguredRole { id rolname } } }`,
    { databaseId, role, password },
  );
}

export async function addCollaborator(
  client: TestClient,
  input: { databaseId: string; userId: string; configuredRoleId: string; access?: string },
) {
  return client.field(
    `mutation($input: AddCollaboratorInput!) { addCollaborator(input: $input) { ${ERROR_FIELDS} ... on Collaborator { id access role { rolname } } } }`,
    { input },
  );
}

/** Waits until one of Rolecall's connections waits on a lock, as seen by `dba`: a request is held open for real. */
export async function untilRolecallWaitsOnALock(dba: pg.Client): Promise<void> {
  await expect
    .poll(async () => {
      const { rows } = await dba.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'rolecall' AND wait_event_type = 'Lock'",
      );
      return rows[0]?.n;
    })
    .toBe(1);
}
