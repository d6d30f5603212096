import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { connect, createManagedDatabase, ERROR_FIELDS, type ManagedDatabase, setupAdmin } from './support/fixtures.js';
import { type Act, actor, type Change, loginAs } from './support/permissions.js';

/**
 * Identifier and input fuzzing: hostile role, schema and table names and passwords go through every mutation that
 * takes them. Whatever comes in, the answer is a typed result (never a 500 or "Unexpected error"), PostgreSQL ends
 * up with exactly the names asked for, and a canary role and table prove that no statement was injected.
 * Runs are seeded: FC_SEED=<seed> replays a failure (fast-check prints the seed and path).
 */

const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 2 ** 31);
const RUNS = 50;
const run = <T extends unknown[]>(property: fc.IAsyncPropertyWithHooks<T>, numRuns = RUNS) =>
  fc.assert(property, { numRuns, seed: SEED, verbose: 1 });

const LONE_SURROGATE = '\uD800';
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
/** `count` bytes made of a character of `width` bytes (and ASCII to make up the rest). */
const ofBytes = (count: number, char: string) =>
  char.repeat(Math.floor(count / bytes(char))) + 'a'.repeat(count % bytes(char));

/** The classics of hostile input, and every byte-length edge of PostgreSQL's 63-byte names. */
const NAUGHTY = [
  "'",
  '"',
  '""',
  "''",
  '`',
  "'; DROP ROLE canary; --",
  '"; DROP ROLE canary; --',
  '"; DROP TABLE canary_table; --',
  "Robert'); DROP TABLE canary_table;--",
  "' OR '1'='1",
  '\\',
  "\\'",
  '\\"',
  '\\\\"; DROP ROLE canary; --',
  '$$',
  '$$; DROP ROLE canary; $$',
  '$tag$',
  '%s',
  '%I',
  '%L',
  '%%',
  '%n%s%x',
  '{0}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder is the point.
  '${x}',
  '\u0000',
  'a\u0000b',
  '\\u0000',
  '\\x00',
  "E'\\''",
  'U&"\\0000"',
  '--',
  '/*',
  '*/',
  ';',
  'NULL',
  'null',
  'undefined',
  'public',
  'PUBLIC',
  'none',
  'pg_evil',
  'current_user',
  'session_user',
  'CURRENT_ROLE',
  'all',
  ' ',
  '  leading',
  'trailing  ',
  'tab\there',
  'new\nline',
  'cr\rlf',
  '\u202Eevil\u202C',
  '\u200B',
  '\u200D',
  '\uFEFFbom',
  '\uFFFF',
  LONE_SURROGATE,
  `a${LONE_SURROGATE}b`,
  '🦄',
  '👩‍👩‍👧‍👦',
  'Ω≈ç√∫˜µ≤≥÷',
  '田中さんにあげて下さい',
  'مرحبا',
  'Ṱ̺̺̕o͞ ̷i̲̬͇̪͙n̝̗͕v̟̜̘̦͟o̶̙̰̠kè͚̮̺̪̹̱̤ ̖t̝͕̳̣̻̪͞h̼͓̲̦̳̘̲e͇̣̰̦̬͎ ̢̼̻̱̘h͚͎͙̜̣̲ͅi̦̲̣̰̤v̻͍e̺̭̳̪̰-m̢iͅn̖̺̞̲̯̰d̵̼̟͙̩̼̘̳',
  ofBytes(63, 'a'),
  ofBytes(64, 'a'),
  ofBytes(63, 'é'),
  ofBytes(64, 'é'),
  ofBytes(63, '€'),
  ofBytes(64, '€'),
  ofBytes(63, '🦄'),
  ofBytes(64, '🦄'),
  `${'🦄'.repeat(15)}ab"`,
  'x'.repeat(10_000),
];

/** Hostile names: the corpus, the corpus with something appended, arbitrary unicode, and lengths around 63 bytes. */
const hostileName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NAUGHTY) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...NAUGHTY), fc.string({ maxLength: 8, unit: 'grapheme' }))
      .map(([naughty, tail]) => naughty + tail),
  },
  { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 20, unit: 'binary' }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 60, max: 66 }), fc.constantFrom('a', 'é', '€', '🦄', '"', "'"))
      .map(([count, char]) => ofBytes(count, char)),
  },
);

/** Hostile passwords: the corpus made long enough to be accepted, and arbitrary strings of any length. */
const hostilePassword = fc.oneof(
  fc.constantFrom(...NAUGHTY).map((naughty) => `${naughty}-pass-word`),
  fc.string({ minLength: 0, maxLength: 40, unit: 'grapheme' }),
  fc.string({ minLength: 8, maxLength: 40, unit: 'binary' }),
  fc.constantFrom('x'.repeat(1_024), 'x'.repeat(1_025), "'".repeat(50), '\\'.repeat(50), '$$'.repeat(20)),
);

/** What checkIdentifier refuses before anything is sent: empty, NUL, over 63 bytes, or not well-formed UTF-16. */
function unacceptable(name: string): boolean {
  return name.length === 0 || name.includes('\0') || bytes(name) > 63 || /\p{Cs}/u.test(name);
}

/** What checkPassword accepts: 8 to 1024 characters (code points). */
const acceptablePassword = (password: string) => [...password].length >= 8 && [...password].length <= 1024;

/** Names PostgreSQL reserves for roles (quoted or not). */
const reservedRole = (name: string) => name.startsWith('pg_') || name === 'public' || name === 'none';

let testApp: TestApp;
let admin: TestClient;
let shop: ManagedDatabase;
let shopId: string;
let dba: Act;
/** The roles PostgreSQL must have: the initial ones plus exactly those Rolecall said it created or renamed. */
const expectedRoles = new Set<string>();
/** Login roles the fuzzing created, with their current password. */
const loginRoles = new Map<string, string>();

/** Connections kept open per database: the checks run after every one of hundreds of calls. */
const connections = new Map<string, Promise<pg.Client>>();
async function sql<R extends pg.QueryResultRow>(database: string, text: string, values: unknown[] = []): Promise<R[]> {
  let client = connections.get(database);
  if (!client) {
    const connecting = new pg.Client(testApp.cluster.url(database));
    client = connecting.connect().then(() => connecting);
    connections.set(database, client);
  }
  return (await (await client).query<R>(text, values)).rows;
}

const sorted = (names: Iterable<string>) => [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

async function rolesOnServer(): Promise<string[]> {
  return sorted((await testApp.sql<{ rolname: string }>('SELECT rolname FROM pg_roles')).map((row) => row.rolname));
}

/** Rolecall's own events (the drift watcher adds EXTERNAL ones for the tables this file creates in psql). */
async function eventCount(): Promise<number> {
  const rows = await sql<{ n: number }>(
    'rolecall_metadata',
    `SELECT count(*)::int AS n FROM "Event" WHERE source = 'ROLECALL'`,
  );
  return rows[0]?.n ?? 0;
}

async function expectCanariesAlive(): Promise<void> {
  const rows = await sql<{ role: boolean; table: boolean }>(
    shop.database,
    `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'canary') AS role,
            to_regclass('public.canary_table') IS NOT NULL AS table`,
  );
  expect(rows[0]).toEqual({ role: true, table: true });
}

async function expectRolesAsTold(): Promise<void> {
  expect(await rolesOnServer()).toEqual(sorted(expectedRoles));
}

/** Every answer is a typed result: a union member, never a transport error, a 500 or "Unexpected error". */
function expectTyped(change: Change): void {
  expect(JSON.stringify(change)).not.toMatch(/unexpected error/i);
  expect(change.__typename).toMatch(/^[A-Z]\w+$/);
  if (change.__typename.endsWith('Error')) expect(change.code).toBeTruthy();
}

/** Refused before anything was sent or written. */
async function expectRefusedUpFront(change: Change, eventsBefore: number): Promise<void> {
  expect(change.__typename, JSON.stringify(change)).toBe('ValidationError');
  expect(await eventCount()).toBe(eventsBefore);
}

/** Creates a relation (or takes it back) owned by dba, with names quoted by PostgreSQL's own format(%I). */
async function createTable(schema: string, table: string): Promise<void> {
  const [row] = await sql<{ statement: string }>(
    shop.database,
    `SELECT format('CREATE TABLE IF NOT EXISTS %I.%I (id int); ALTER TABLE %I.%I OWNER TO dba',
                   $1::text, $2::text, $1::text, $2::text) AS statement`,
    [schema, table],
  );
  await sql(shop.database, row?.statement as string);
}

/** The owner of a relation and whether `role` holds UPDATE on it, by exact names. */
async function relationFacts(schema: string, table: string, role: string): Promise<{ owner: string; update: boolean }> {
  const [row] = await sql<{ owner: string; update: boolean }>(
    shop.database,
    `SELECT pg_get_userbyid(c.relowner) AS owner, has_table_privilege($3::name, c.oid, 'UPDATE') AS update
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2`,
    [schema, table, role],
  );
  return row as { owner: string; update: boolean };
}

async function schemaExists(name: string): Promise<boolean> {
  const rows = await sql(shop.database, 'SELECT 1 FROM pg_namespace WHERE nspname = $1', [name]);
  return rows.length === 1;
}

async function graphql(query: string, variables: Record<string, unknown>): Promise<Change> {
  const response = await admin.raw({ query, variables });
  const body = await response.text();
  expect(response.status, body).toBe(200);
  const parsed = JSON.parse(body) as { data?: Record<string, Change>; errors?: unknown[] };
  expect(parsed.errors, body).toBeUndefined();
  const value = Object.values(parsed.data ?? {})[0] as Change;
  expectTyped(value);
  return value;
}

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  shop = await createManagedDatabase(testApp, 'shop', 'dba');
  await testApp.sql('CREATE ROLE canary');
  await testApp.sql(
    'CREATE TABLE public.canary_table (id int); ALTER TABLE public.canary_table OWNER TO dba',
    [],
    'shop',
  );
  shopId = await connect(admin, testApp, shop);
  dba = actor(admin, shopId);
  for (const role of await rolesOnServer()) expectedRoles.add(role);
  console.info(`security-input: fast-check seed ${SEED} (FC_SEED=${SEED} replays it)`);
});

afterAll(async () => {
  await Promise.all([...connections.values()].map(async (client) => (await client).end()));
  await testApp?.stop();
});

describe('hostile role names', () => {
  it('createRole creates exactly the role asked for, or refuses with a typed error', async () => {
    await run(
      fc.asyncProperty(fc.record({ name: hostileName, password: hostilePassword }), async ({ name, password }) => {
        const login = acceptablePassword(password) && !loginRoles.has(name);
        const events = await eventCount();
        const change = await dba('createRole', { input: login ? { name, login, password } : { name } });
        if (unacceptable(name)) {
          await expectRefusedUpFront(change, events);
        } else if (expectedRoles.has(name)) {
          expect(change).toMatchObject({ __typename: 'DuplicateObjectError', sqlstate: '42710' });
        } else if (reservedRole(name)) {
          expect(change).toMatchObject({ __typename: 'InvalidNameError', sqlstate: '42939' });
        } else {
          expect(change, JSON.stringify(change)).toMatchObject({ __typename: 'PermissionChange', dryRun: false });
          expectedRoles.add(name);
          if (login) {
            loginRoles.set(name, password);
            expect(await loginAs(testApp, name, password, shop.database)).toBe(name);
          }
        }
        await expectCanariesAlive();
      }),
    );
    await expectRolesAsTold();
  });

  it('renameRole renames to exactly the new name, or refuses with a typed error', async () => {
    // Created through Rolecall, so dba holds the ADMIN OPTION that renaming needs.
    expect((await dba('createRole', { input: { name: 'rename_me_0' } })).__typename).toBe('PermissionChange');
    expectedRoles.add('rename_me_0');
    let current = 'rename_me_0';
    await run(
      fc.asyncProperty(hostileName, async (newName) => {
        const events = await eventCount();
        const change = await dba('renameRole', { name: current, newName });
        if (unacceptable(newName)) {
          await expectRefusedUpFront(change, events);
        } else if (expectedRoles.has(newName)) {
          expect(change).toMatchObject({ __typename: 'DuplicateObjectError', sqlstate: '42710' });
        } else if (reservedRole(newName)) {
          expect(change).toMatchObject({ __typename: 'InvalidNameError', sqlstate: '42939' });
        } else {
          expect(change, JSON.stringify(change)).toMatchObject({ __typename: 'PermissionChange' });
          expectedRoles.delete(current);
          expectedRoles.add(newName);
          current = newName;
        }
        await expectCanariesAlive();
      }),
    );
    await expectRolesAsTold();
  });

  it('setRolePassword sets exactly the password given: the role logs in with it', async () => {
    const roles = [...loginRoles.keys()];
    expect(roles.length).toBeGreaterThan(0);
    await run(
      fc.asyncProperty(fc.constantFrom(...roles), hostilePassword, async (role, password) => {
        const events = await eventCount();
        const change = await dba('setRolePassword', { name: role, password });
        if (!acceptablePassword(password)) {
          await expectRefusedUpFront(change, events);
          return;
        }
        expect(change, JSON.stringify(change)).toMatchObject({ __typename: 'PermissionChange' });
        expect(change.sql).toEqual([`ALTER ROLE "${role.replaceAll('"', '""')}" PASSWORD '********'`]);
        loginRoles.set(role, password);
        expect(await loginAs(testApp, role, password, shop.database)).toBe(role);
        await expectCanariesAlive();
      }),
    );
    await expectRolesAsTold();
  });
});

describe('hostile schema and table names', () => {
  const schemas = new Set<string>();

  it('createSchema creates exactly the schema asked for, or refuses with a typed error', async () => {
    await run(
      fc.asyncProperty(hostileName, async (name) => {
        const events = await eventCount();
        const existed = !unacceptable(name) && (await schemaExists(name));
        const change = await dba('createSchema', { name });
        if (unacceptable(name)) {
          await expectRefusedUpFront(change, events);
        } else if (existed) {
          expect(change).toMatchObject({ __typename: 'DuplicateObjectError', sqlstate: '42P06' });
        } else if (name.startsWith('pg_')) {
          expect(change).toMatchObject({ __typename: 'InvalidNameError', sqlstate: '42939' });
        } else {
          expect(change, JSON.stringify(change)).toMatchObject({ __typename: 'PermissionChange' });
          expect(await schemaExists(name)).toBe(true);
          schemas.add(name);
        }
        await expectCanariesAlive();
      }),
    );
    expect(schemas.size).toBeGreaterThan(0);
    await expectRolesAsTold();
  });

  it('grantPrivileges and transferOwnership act on exactly the table named, to exactly the role named', async () => {
    const grantees = [...expectedRoles].filter((role) => !role.startsWith('pg_') && role !== 'postgres');
    await run(
      fc.asyncProperty(
        fc.constantFrom(...schemas),
        hostileName,
        fc.oneof(fc.constantFrom(...grantees), hostileName),
        async (schema, table, grantee) => {
          const events = await eventCount();
          const name = table;
          const real = !unacceptable(name);
          if (real) await createTable(schema, name);
          const object = { kind: 'TABLE', schema, name };
          const grant = await dba('grantPrivileges', { object, grantee, privileges: ['SELECT', 'UPDATE'] });
          const transfer = await dba('transferOwnership', { object, newOwner: grantee });
          if (!real || unacceptable(grantee)) {
            await expectRefusedUpFront(grant, events);
            await expectRefusedUpFront(transfer, events);
          } else if (!expectedRoles.has(grantee)) {
            expect(['NotFoundError', 'UndefinedObjectError', 'InvalidNameError']).toContain(grant.__typename);
            expect(['NotFoundError', 'UndefinedObjectError', 'InvalidNameError']).toContain(transfer.__typename);
            expect((await relationFacts(schema, name, 'dba')).owner).toBe('dba');
          } else {
            // Shrinking replays names: a grantee may hold the privileges already, and then nothing changes.
            expect(['PermissionChange', 'NothingChanged'], JSON.stringify(grant)).toContain(grant.__typename);
            const { owner, update } = await relationFacts(schema, name, grantee);
            expect(update).toBe(true);
            if (transfer.__typename === 'PermissionChange') expect(owner).toBe(grantee);
            else {
              expect(transfer).toMatchObject({ __typename: 'PermissionDeniedError', sqlstate: '42501' });
              expect(owner).toBe('dba');
            }
          }
          await expectCanariesAlive();
        },
      ),
    );
    await expectRolesAsTold();
  });
});

describe('hostile credentials', () => {
  const CONFIGURE = `mutation($databaseId: ID!, $role: String!, $password: String!) {
    configureRole(databaseId: $databaseId, role: $role, password: $password) { ${ERROR_FIELDS} ... on PostgresFailure { sqlstate } } }`;
  const CONNECT = `mutation($input: ConnectDatabaseInput!) { connectDatabase(input: $input) { ${ERROR_FIELDS} } }`;
  const LOGIN = `mutation($login: String!, $password: String!) { login(login: $login, password: $password) { ${ERROR_FIELDS} } }`;

  it('configureRole stores a password only after a real login as exactly that role', async () => {
    const known = [...loginRoles.entries()];
    await run(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(...known).map(([role, password]) => ({ role, password })),
          fc.record({ role: hostileName, password: hostilePassword }),
        ),
        async ({ role, password }) => {
          const right = loginRoles.get(role) === password;
          const events = await eventCount();
          const configured = await graphql(CONFIGURE, { databaseId: shopId, role, password });
          if (unacceptable(role) || password === '') await expectRefusedUpFront(configured, events);
          else if (right) expect(configured.__typename, JSON.stringify(configured)).toBe('ConfiguredRole');
          else expect(configured.__typename).toBe('AuthenticationFailedError');
          await expectCanariesAlive();
        },
      ),
    );
  });

  it('connectDatabase with hostile database, role and password names connects nothing', async () => {
    const databasesBefore = await testApp.sql('SELECT id FROM "Database"', [], 'rolecall_metadata');
    await run(
      fc.asyncProperty(
        fc.record({ database: hostileName, role: hostileName, password: hostilePassword }),
        async ({ database, role, password }) => {
          const events = await eventCount();
          const input = { host: '127.0.0.1', port: testApp.cluster.port, database, role, password };
          const result = await graphql(CONNECT, { input });
          // An empty password means "use the stored one": refused only where the role has none.
          if (unacceptable(database) || unacceptable(role) || (password === '' && !(await isConfigured(role)))) {
            await expectRefusedUpFront(result, events);
          } else expect(['AuthenticationFailedError', 'DatabaseDoesNotExistError']).toContain(result.__typename);
          expect(await eventCount()).toBe(events);
        },
      ),
    );
    expect(await testApp.sql('SELECT id FROM "Database"', [], 'rolecall_metadata')).toEqual(databasesBefore);
    await expectCanariesAlive();
  });

  async function isConfigured(role: string): Promise<boolean> {
    const rows = await testApp.sql('SELECT 1 FROM "ConfiguredRole" WHERE rolname = $1', [role], 'rolecall_metadata');
    return rows.length > 0;
  }

  it('login with hostile names and passwords is a typed refusal', async () => {
    await run(
      fc.asyncProperty(hostileName, hostilePassword, async (login, password) => {
        const result = await graphql(LOGIN, { login, password });
        expect(['InvalidCredentialsError', 'TooManyAttemptsError']).toContain(result.__typename);
      }),
      // Each attempt costs a deliberate scrypt hash.
      20,
    );
    const sessions = await testApp.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM "Session"',
      [],
      'rolecall_metadata',
    );
    expect(sessions[0]?.n).toBe(1);
  });
});

describe('free text kept in the metadata', () => {
  it('token names, display names and audit-log kinds are stored, refused or matched, never an Unexpected error', async () => {
    const created = await graphql(
      `mutation { createUser(input: { username: "texty", email: "texty@example.com", password: "texty-password" }) {
        ${ERROR_FIELDS} ... on User { id } } }`,
      {},
    );
    const userId = (created as unknown as { id: string }).id;
    await run(
      fc.asyncProperty(hostileName, async (text) => {
        const refused = text.includes('\0') || [...text].length > 200;
        const token = await graphql(`mutation($name: String!) { createApiToken(name: $name) { ${ERROR_FIELDS} } }`, {
          name: text,
        });
        expect(token.__typename).toBe(refused ? 'ValidationError' : 'CreatedApiToken');
        const user = await graphql(
          `mutation($id: ID!, $name: String) { updateUser(id: $id, input: { displayName: $name }) { ${ERROR_FIELDS} } }`,
          { id: userId, name: text },
        );
        expect(user.__typename).toBe(refused ? 'ValidationError' : 'User');
        const page = await graphql(
          `query($kinds: [String!]) { auditLog(kinds: $kinds) { ${ERROR_FIELDS} ... on EventPage { events { kind } } } }`,
          { kinds: [text] },
        );
        expect(page).toMatchObject({ __typename: 'EventPage', events: [] });
      }),
    );
  });
});
