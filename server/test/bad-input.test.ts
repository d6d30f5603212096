import { randomUUID } from 'node:crypto';
import {
  type GraphQLField,
  type GraphQLInputType,
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isScalarType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';
import { leakedSecrets, secret, startTestApp, type TestApp, transcript } from './support/app.js';
import type { TestClient } from './support/client.js';
import {
  addCollaborator,
  configureRole,
  connect,
  createLoginRole,
  createManagedDatabase,
  createUser,
  ERROR_FIELDS,
  type ManagedDatabase,
  setupAdmin,
} from './support/fixtures.js';
import { METADATA_TABLES, type MetadataSnapshot, metadataSnapshot } from './support/metadata-snapshot.js';
import { allMutations, rootFields } from './support/operations.js';

const CONNECT = `mutation($input: ConnectDatabaseInput!) { connectDatabase(input: $input) { ${ERROR_FIELDS} } }`;

let testApp: TestApp;
let admin: TestClient;
let shop: ManagedDatabase;
let samId: string;
/** A real row of each kind, so only the id under test is unknown. */
const real: Record<string, string> = {};

const globalId = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64');

/** Every kind of thing a global id can name, read from the schema so new kinds are covered. */
function nodeTypenames(): string[] {
  const node = schema.getType('Node');
  if (!isInterfaceType(node)) throw new Error('the schema has no Node interface');
  return schema.getPossibleTypes(node).map((type) => type.name);
}

/** Ids that cannot name anything: not global ids at all, or global ids whose inside is not a row id. */
const MALFORMED_IDS = [
  'not-an-id',
  '',
  randomUUID(),
  globalId('Database', '42'),
  globalId('Database', `${randomUUID()}' OR '1'='1`),
  'x'.repeat(10_000),
];

/** The path of every ID argument of a field, including ID fields of its input objects (required or not). */
function idPaths(field: GraphQLField<unknown, unknown>): string[][] {
  const paths: string[][] = [];
  const walk = (type: GraphQLInputType, path: string[]) => {
    const named = getNamedType(type);
    if (isScalarType(named) && named.name === 'ID') paths.push(path);
    if (isInputObjectType(named))
      for (const inner of Object.values(named.getFields())) walk(inner.type, [...path, inner.name]);
  };
  for (const arg of field.args) walk(arg.type, [arg.name]);
  return paths;
}

/** `databaseId` names a Database, `configuredRoleId` a ConfiguredRole; a bare `id` could be any kind. */
function kindsFor(path: readonly string[]): string[] {
  const name = path.at(-1) ?? '';
  if (name === 'id') return nodeTypenames();
  const kind = name.replace(/Id$/, '');
  return [kind.charAt(0).toUpperCase() + kind.slice(1)];
}

/** Well-formed ids of the right kind that name nothing, then ids of other kinds that name a real row. */
function unknownIds(path: readonly string[]): string[] {
  const kinds = kindsFor(path);
  const foreign = Object.entries(real)
    .filter(([kind]) => !kinds.includes(kind))
    .map(([, id]) => id);
  return [...kinds.map((kind) => globalId(kind, randomUUID())), ...(path.at(-1) === 'id' ? [] : foreign)];
}

function withValueAt(variables: Record<string, unknown>, path: readonly string[], value: string) {
  const copy = structuredClone(variables);
  let target = copy;
  for (const key of path.slice(0, -1)) {
    target[key] ??= {};
    target = target[key] as Record<string, unknown>;
  }
  target[path.at(-1) as string] = value;
  return copy;
}

/** The real id of the kind an argument names, so that only the id under test names nothing. */
function realValue(path: readonly string[]): unknown {
  const name = path.at(-1) ?? '';
  if (!name.endsWith('Id')) return undefined;
  return real[kindsFor(path)[0] ?? ''];
}

async function answerOf(query: string, variables: Record<string, unknown>): Promise<string> {
  const result = await admin.request(query, variables);
  expect(result.errors).toBeUndefined();
  const value = Object.values(result.data ?? {})[0] as { __typename: string; code?: string };
  return `${value.__typename} ${value.code}`;
}

async function expectNothingWritten(before: MetadataSnapshot): Promise<void> {
  expect(await metadataSnapshot(testApp)).toEqual(before);
}

beforeAll(async () => {
  // No drift polling: an EXTERNAL event written meanwhile would look like a write by the request under test.
  testApp = await startTestApp({ DRIFT_INTERVAL_MS: String(3_600_000) });
  admin = testApp.client();
  await setupAdmin(admin);
  shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
  const clerkPassword = await createLoginRole(testApp, 'clerk');
  real.Database = await connect(admin, testApp, shop);
  const clerk = await configureRole(admin, real.Database, 'clerk', clerkPassword);
  real.ConfiguredRole = clerk.id as string;
  samId = (await createUser(admin, 'sam')).id;
  const added = await addCollaborator(admin, {
    databaseId: real.Database,
    userId: samId,
    configuredRoleId: real.ConfiguredRole,
  });
  real.Collaborator = added.id as string;
  // Not collaborating yet: adding them gets as far as looking up the role.
  real.User = (await createUser(admin, 'newcomer')).id;
  const invited = await admin.field(
    `mutation($input: InviteCollaboratorInput!) { inviteCollaborator(input: $input) {
      ${ERROR_FIELDS} ... on InvitationSent { invitation { id } } } }`,
    { input: { databaseId: real.Database, email: 'guest@example.com', configuredRoleId: real.ConfiguredRole } },
  );
  real.Invitation = (invited.invitation as { id: string }).id;
  const token = await admin.field(
    `mutation { createApiToken(name: "ci") { ${ERROR_FIELDS} ... on CreatedApiToken { apiToken { id } } } }`,
  );
  real.ApiToken = (token.apiToken as { id: string }).id;
  const marked = await admin.field(
    `mutation($db: ID!, $role: ID!) { setRoleAssignable(databaseId: $db, configuredRoleId: $role, assignable: true) {
      ${ERROR_FIELDS} } }`,
    { db: real.Database, role: real.ConfiguredRole },
  );
  expect(marked.__typename).toBe('RoleOffer');
  const snapshot = await admin.field(
    `mutation($db: ID!) { saveAccessSnapshot(databaseId: $db, subject: { role: "clerk" }) { ${ERROR_FIELDS} } }`,
    { db: real.Database },
  );
  expect(snapshot.__typename).toBe('AccessSnapshot');
  // With no SMTP here no verification e-mail can go out: a pending one is written as the mailer would leave it.
  await testApp.sql(
    `INSERT INTO "EmailVerification" (id, "userId", email, "tokenHash", "expiresAt")
     SELECT gen_random_uuid(), id, email, md5(random()::text), now() + interval '1 day' FROM "User" WHERE username = 'sam'`,
    [],
    'rolecall_metadata',
  );
});

afterAll(async () => {
  await testApp?.stop();
});

it('the snapshot covers every metadata table, each with rows in it, and sees a write', async () => {
  const snapshot = await metadataSnapshot(testApp);
  expect(Object.keys(snapshot)).toEqual(expect.arrayContaining(METADATA_TABLES));
  for (const table of METADATA_TABLES) expect({ table, rows: snapshot[table]?.length }).not.toEqual({ table, rows: 0 });
  const renamed = await admin.field(
    `mutation($id: ID!) { updateUser(id: $id, input: { displayName: "Newcomer" }) { ${ERROR_FIELDS} } }`,
    { id: real.User },
  );
  expect(renamed.__typename).toBe('User');
  expect(await metadataSnapshot(testApp)).not.toEqual(snapshot);
});

describe('an admin sending an id that names nothing', () => {
  const withIds = rootFields('mutation').filter((field) => idPaths(field).length > 0);
  const operations = new Map(allMutations({ valueFor: realValue }).map((operation) => [operation.field, operation]));

  it('finds the id arguments in the schema, ids inside input objects included', () => {
    const paths = Object.fromEntries(
      withIds.map((field) => [
        field.name,
        idPaths(field)
          .map((path) => path.join('.'))
          .sort(),
      ]),
    );
    expect(paths).toMatchObject({
      addCollaborator: ['input.configuredRoleId', 'input.databaseId', 'input.userId'],
      updateCollaborator: ['id', 'input.configuredRoleId'],
      grantPrivileges: ['databaseId'],
      removeCollaborator: ['id'],
    });
  });

  for (const field of withIds) {
    const operation = operations.get(field.name);
    if (!operation) throw new Error(`no generated operation for ${field.name}`);
    for (const path of idPaths(field)) {
      const where = path.join('.');
      it(`${field.name} answers NotFoundError to an unknown ${where} and writes nothing`, async () => {
        const before = await metadataSnapshot(testApp);
        for (const id of unknownIds(path)) {
          const answer = await answerOf(operation.query, withValueAt(operation.variables, path, id));
          expect({ id, answer }).toEqual({ id, answer: 'NotFoundError NOT_FOUND' });
        }
        await expectNothingWritten(before);
      });

      it(`${field.name} answers NotFoundError to a malformed ${where} and writes nothing`, async () => {
        const before = await metadataSnapshot(testApp);
        for (const id of MALFORMED_IDS) {
          const answer = await answerOf(operation.query, withValueAt(operation.variables, path, id));
          expect({ id: id.slice(0, 60), answer }).toEqual({ id: id.slice(0, 60), answer: 'NotFoundError NOT_FOUND' });
        }
        await expectNothingWritten(before);
      });
    }
  }
});

describe('connecting a database that cannot be reached', () => {
  const input = (overrides: Record<string, unknown>) => ({
    host: '127.0.0.1',
    port: testApp.cluster.port,
    database: 'fresh',
    role: shop.owner,
    password: shop.ownerPassword,
    ...overrides,
  });

  it('answers ServerUnavailableError for a closed port and writes nothing', async () => {
    const before = await metadataSnapshot(testApp);
    const result = await admin.field(CONNECT, { input: input({ port: 1 }) });
    expect(result).toMatchObject({ __typename: 'ServerUnavailableError', code: 'SERVER_UNAVAILABLE' });
    await expectNothingWritten(before);
  });

  it('answers ServerUnavailableError for a host name that does not resolve and writes nothing', async () => {
    const before = await metadataSnapshot(testApp);
    const result = await admin.field(CONNECT, { input: input({ host: 'no-such-host.invalid' }) });
    expect(result).toMatchObject({ __typename: 'ServerUnavailableError', code: 'SERVER_UNAVAILABLE' });
    await expectNothingWritten(before);
  });

  it('answers DatabaseDoesNotExistError with SQLSTATE 3D000 for a missing database and writes nothing', async () => {
    const before = await metadataSnapshot(testApp);
    const result = await admin.field(CONNECT, { input: input({ database: 'no_such_db' }) });
    expect(result).toMatchObject({ __typename: 'DatabaseDoesNotExistError', sqlstate: '3D000' });
    await expectNothingWritten(before);
  });
});

describe('duplicates and names PostgreSQL cannot hold', () => {
  it('refuses a duplicate collaborator with ConflictError and writes nothing', async () => {
    const before = await metadataSnapshot(testApp);
    const result = await addCollaborator(admin, {
      databaseId: real.Database as string,
      userId: samId,
      configuredRoleId: real.ConfiguredRole as string,
      access: 'MANAGER',
    });
    expect(result).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    await expectNothingWritten(before);
  });

  for (const [label, name] of [
    ['64 ASCII bytes', 'r'.repeat(64)],
    ['64 bytes in 32 two-byte characters', 'é'.repeat(32)],
  ] as const) {
    it(`refuses a role name of ${label} with ValidationError before touching the server, writing nothing`, async () => {
      const before = await metadataSnapshot(testApp);
      const connected = await admin.field(CONNECT, {
        input: { host: '127.0.0.1', port: testApp.cluster.port, database: 'fresh', role: name, password: secret() },
      });
      expect(connected).toMatchObject({ __typename: 'ValidationError', code: 'INVALID_INPUT' });
      const configured = await configureRole(admin, real.Database as string, name, secret());
      expect(configured).toMatchObject({ __typename: 'ValidationError', code: 'INVALID_INPUT' });
      await expectNothingWritten(before);
    });
  }
});

it('no answer to bad input, nor any log line, repeats a password it was sent', () => {
  expect(transcript.length).toBeGreaterThan(100);
  expect(leakedSecrets([...transcript, ...testApp.logs])).toEqual([]);
});
