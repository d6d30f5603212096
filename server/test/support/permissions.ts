import pg from 'pg';
import { expect } from 'vitest';
import { type TestApp, testedPostgres } from './app.js';
import type { TestClient } from './client.js';
import { addCollaborator, configureRole, createUser, ERROR_FIELDS, signIn } from './fixtures.js';

/** What every permission mutation answers: the change, or a typed error (with its extra fields). */
export const CHANGE_FIELDS = `${ERROR_FIELDS} ... on PostgresFailure { detail } ... on PermissionChange { dryRun sql warnings eventId previewToken notes { code grantee object subjects grantor fixOption } }
  ... on ValidationError { field }`;

/** Only dropRole can answer InUseError (the role still has collaborators or objects): its union alone declares it. */
const IN_USE_FIELDS = '... on InUseError { usedBy }';

/** The GRANT and REVOKE mutations PostgreSQL may answer with only a WARNING: they can answer NothingChanged. */
const WARNING_ONLY_MUTATIONS = new Set([
  'grantOnAllTables',
  'grantPrivileges',
  'revokePrivileges',
  'setPrivileges',
  'grantMembership',
  'revokeMembership',
]);
const NOTHING_CHANGED_FIELDS = '... on NothingChanged { dryRun sql warnings }';

export interface Change {
  __typename: string;
  dryRun?: boolean;
  sql?: string[];
  warnings?: string[];
  notes?: {
    code: string;
    grantee: string | null;
    object: string;
    subjects: string[];
    grantor: string | null;
    fixOption: string | null;
  }[];
  eventId?: string | null;
  previewToken?: string | null;
  code?: string;
  message?: string;
  sqlstate?: string | null;
  detail?: string | null;
  usedBy?: string[];
  field?: string;
}

/** The GraphQL type of each argument of each permission mutation (databaseId, dryRun, previewToken: all take them). */
const SIGNATURES = {
  createRole: { input: 'CreateRoleInput!' },
  alterRole: { name: 'String!', attributes: 'RoleAttributesInput!' },
  renameRole: { name: 'String!', newName: 'String!' },
  setRolePassword: { name: 'String!', password: 'String!' },
  dropRole: { name: 'String!', reassignTo: 'String' },
  grantMembership: { role: 'String!', membership: 'MembershipInput!' },
  revokeMembership: { role: 'String!', member: 'String!' },
  setGroupMembers: { role: 'String!', members: '[MembershipInput!]!' },
  grantPrivileges: {
    object: 'ObjectRef!',
    grantee: 'String',
    privileges: '[String!]!',
    withGrantOption: 'Boolean',
    withSchemaUsage: 'Boolean',
    withSequenceUsage: 'Boolean',
  },
  revokePrivileges: {
    object: 'ObjectRef!',
    grantee: 'String',
    privileges: '[String!]!',
    grantOptionOnly: 'Boolean',
    cascade: 'Boolean',
  },
  setPrivileges: { object: 'ObjectRef!', grants: '[DesiredGrantInput!]!', cascade: 'Boolean' },
  grantOnAllTables: {
    schema: 'String!',
    grantee: 'String',
    privileges: '[String!]!',
    sequencePrivileges: '[String!]',
    withGrantOption: 'Boolean',
    withSchemaUsage: 'Boolean',
  },
  transferOwnership: { object: 'ObjectRef!', newOwner: 'String!', tables: '[String!]' },
  createSchema: { name: 'String!', owner: 'String' },
} as const;

export type PermissionMutation = keyof typeof SIGNATURES;

/** Runs one permission mutation; only the arguments given are sent, so the schema's defaults apply to the rest. */
export async function mutate(
  client: TestClient,
  databaseId: string,
  mutation: PermissionMutation,
  args: Record<string, unknown>,
  dryRun = false,
): Promise<Change> {
  const types: Record<string, string> = {
    ...SIGNATURES[mutation],
    databaseId: 'ID!',
    dryRun: 'Boolean',
    previewToken: 'String',
  };
  const variables: Record<string, unknown> = { ...args, databaseId, dryRun };
  const names = Object.keys(variables);
  for (const name of names) if (!types[name]) throw new Error(`${mutation} takes no argument ${name}`);
  const declared = names.map((name) => `$${name}: ${types[name]}`).join(', ');
  const passed = names.map((name) => `${name}: $${name}`).join(', ');
  const fields = [
    CHANGE_FIELDS,
    ...(WARNING_ONLY_MUTATIONS.has(mutation) ? [NOTHING_CHANGED_FIELDS] : []),
    ...(mutation === 'dropRole' ? [IN_USE_FIELDS] : []),
  ].join(' ');
  return client.field<Change>(`mutation(${declared}) { ${mutation}(${passed}) { ${fields} } }`, variables);
}

/** A permission mutation bound to one client and database: `act('grantPrivileges', {...})`. */
export function actor(client: TestClient, databaseId: string) {
  return (mutation: PermissionMutation, args: Record<string, unknown>, dryRun = false) =>
    mutate(client, databaseId, mutation, args, dryRun);
}

export type Act = ReturnType<typeof actor>;

/**
 * A user collaborating on the database through `role` (configured by the admin with `password`), signed in: every
 * permission mutation they make runs as that role.
 */
export async function collaboratorThrough(
  testApp: TestApp,
  admin: TestClient,
  databaseId: string,
  username: string,
  role: string,
  password: string,
): Promise<TestClient> {
  const configured = await configureRole(admin, databaseId, role, password);
  if (configured.__typename !== 'ConfiguredRole')
    throw new Error(`configureRole failed: ${JSON.stringify(configured)}`);
  const user = await createUser(admin, username);
  const added = await addCollaborator(admin, {
    databaseId,
    userId: user.id,
    configuredRoleId: configured.id as string,
  });
  if (added.__typename !== 'Collaborator') throw new Error(`addCollaborator failed: ${JSON.stringify(added)}`);
  const client = testApp.client();
  await signIn(client, username, user.password);
  return client;
}

/** How many grants to `grantee` the drift watcher has reported as made outside Rolecall. */
export async function externalGrantsTo(testApp: TestApp, grantee: string): Promise<number> {
  const rows = await testApp.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Event" WHERE source = 'EXTERNAL' AND kind = 'privileges.changed'
       AND payload->>'grantee' = $1`,
    [grantee],
    'rolecall_metadata',
  );
  return rows[0]?.n ?? 0;
}

/** Events Rolecall wrote for its own changes (the drift watcher records out-of-band ones as EXTERNAL). */
export async function eventCount(testApp: TestApp): Promise<number> {
  const rows = await testApp.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Event" WHERE source = 'ROLECALL'`,
    [],
    'rolecall_metadata',
  );
  return rows[0]?.n ?? 0;
}

/** The change ran: its event holds exactly the SQL it returned, and never a password. */
export async function expectApplied(testApp: TestApp, change: Change, sql: string[], warnings: string[] = []) {
  expect(change).toMatchObject({ __typename: 'PermissionChange', dryRun: false, sql, warnings });
  expect(change.eventId).toMatch(/^\d+$/);
  const rows = await testApp.sql<{ sql: string[]; payload: unknown; kind: string }>(
    'SELECT sql, payload, kind FROM "Event" WHERE id = $1',
    [change.eventId],
    'rolecall_metadata',
  );
  expect(rows).toHaveLength(1);
  expect(rows[0]?.sql).toEqual(sql);
  expect(JSON.stringify(rows[0])).not.toMatch(/SCRAM-SHA-256\$/);
  return rows[0];
}

/** PostgreSQL ran the statements and changed nothing, with only warnings: no event was recorded. */
export async function expectNothingChanged(
  testApp: TestApp,
  eventsBefore: number,
  change: Change,
  sql: string[],
  warnings: string[],
) {
  expect(change).toMatchObject({ __typename: 'NothingChanged', code: 'NOTHING_CHANGED', dryRun: false, sql, warnings });
  expect(await eventCount(testApp)).toBe(eventsBefore);
}

/** A dry run: the exact SQL, and nothing recorded (callers check the catalog did not move). */
export function expectDryRun(
  change: Change,
  sql: string[],
  warnings: string[] = [],
  { rehearsed = true }: { rehearsed?: boolean } = {},
) {
  const { notes: _, previewToken, ...rest } = change;
  expect(rest).toEqual({ __typename: 'PermissionChange', dryRun: true, sql, warnings, eventId: null });
  // A rehearsed preview gives the token to apply exactly it (see change-contract.test.ts); one whose first steps
  // commit in other databases can only show its SQL.
  if (rehearsed) expect(previewToken).toMatch(/^[\w-]{20,}$/);
  else expect(previewToken).toBeNull();
}

/** A typed refusal carrying PostgreSQL's SQLSTATE. */
export function expectRefused(change: Change, typename: string, sqlstate: string) {
  expect(change).toMatchObject({ __typename: typename, sqlstate });
}

/** Catalog facts by exact name, as the superuser sees them. */
export async function roleExists(testApp: TestApp, name: string): Promise<boolean> {
  return (await testApp.sql('SELECT 1 FROM pg_roles WHERE rolname = $1', [name])).length === 1;
}

export async function relationOwner(
  testApp: TestApp,
  database: string,
  schema: string,
  name: string,
): Promise<string | undefined> {
  const rows = await testApp.sql<{ owner: string }>(
    `SELECT pg_get_userbyid(c.relowner) AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname = $2`,
    [schema, name],
    database,
  );
  return rows[0]?.owner;
}

export async function schemaOwner(testApp: TestApp, database: string, schema: string): Promise<string | undefined> {
  const rows = await testApp.sql<{ owner: string }>(
    'SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = $1',
    [schema],
    database,
  );
  return rows[0]?.owner;
}

/** The raw ACL of a relation, schema or database (null when never changed), as text for exact comparisons. */
export async function aclText(testApp: TestApp, database: string, query: string, values: unknown[]): Promise<string> {
  const rows = await testApp.sql<{ acl: string | null }>(query, values, database);
  return String(rows[0]?.acl ?? null);
}

export const relationAcl = (testApp: TestApp, database: string, schema: string, name: string) =>
  aclText(
    testApp,
    database,
    `SELECT c.relacl::text AS acl FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname = $2`,
    [schema, name],
  );

export const schemaAcl = (testApp: TestApp, database: string, schema: string) =>
  aclText(testApp, database, 'SELECT nspacl::text AS acl FROM pg_namespace WHERE nspname = $1', [schema]);

export const databaseAcl = (testApp: TestApp, database: string) =>
  aclText(testApp, database, 'SELECT datacl::text AS acl FROM pg_database WHERE datname = $1', [database]);

/**
 * Memberships of a role as (member, grantor, options) rows, sorted, for before/after comparisons. PostgreSQL 15 keeps
 * no per-grant INHERIT or SET: there the member's INHERIT attribute decides, and every member may SET ROLE.
 */
export async function membershipRows(testApp: TestApp, role: string): Promise<string[]> {
  const [inherit, set] = testedPostgres.membershipOptions
    ? ['m.inherit_option', 'm.set_option']
    : ['(SELECT rolinherit FROM pg_roles WHERE oid = m.member)', 'true'];
  const rows = await testApp.sql<{ row: string }>(
    `SELECT format('%s by %s admin=%s inherit=%s set=%s', pg_get_userbyid(m.member), pg_get_userbyid(m.grantor),
                   m.admin_option::text, (${inherit})::text, (${set})::text) AS row
       FROM pg_auth_members m WHERE m.roleid = (SELECT oid FROM pg_roles WHERE rolname = $1) ORDER BY 1`,
    [role],
  );
  return rows.map((row) => row.row);
}

/** Logs in to `database` as `role` with `password` and returns current_user, or the SQLSTATE of the refusal. */
export async function loginAs(testApp: TestApp, role: string, password: string, database: string): Promise<string> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port: testApp.cluster.port,
    database,
    user: role,
    password,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ current_user: string }>('SELECT current_user');
    return rows[0]?.current_user ?? '';
  } catch (error) {
    return `SQLSTATE ${(error as { code?: string }).code}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Every Event row, as text: no password may ever appear in one. */
export async function allEventsText(testApp: TestApp): Promise<string> {
  return JSON.stringify(await testApp.sql('SELECT * FROM "Event"', [], 'rolecall_metadata'));
}

/** Reads `selection` of a database's live catalog as `client`'s role. */
export async function catalogOf<T = Record<string, unknown>>(
  client: TestClient,
  databaseId: string,
  selection: string,
): Promise<T> {
  const database = await client.field<{ catalog: Record<string, unknown> }>(
    `query($id: ID!) { database(id: $id) { ${ERROR_FIELDS} ... on Database { catalog { ${ERROR_FIELDS}
      ... on DatabaseCatalog { ${selection} } } } } }`,
    { id: databaseId },
  );
  const { __typename, ...fields } = database.catalog;
  expect(__typename).toBe('DatabaseCatalog');
  return fields as T;
}

/** Whether `role` holds `privilege` on a relation, as PostgreSQL decides it. */
export async function hasTablePrivilege(
  testApp: TestApp,
  database: string,
  role: string,
  relation: string,
  privilege: string,
): Promise<boolean> {
  const rows = await testApp.sql<{ ok: boolean }>(
    'SELECT has_table_privilege($1, $2, $3) AS ok',
    [role, relation, privilege],
    database,
  );
  return rows[0]?.ok ?? false;
}

/**
 * Mutations that act on PostgreSQL through the caller's own collaboration: PostgreSQL decides what the role may do,
 * and a database the caller does not collaborate on is not even visible to them.
 */
export const THROUGH_COLLABORATION = [
  'createRole',
  'alterRole',
  'renameRole',
  'setRolePassword',
  'dropRole',
  'grantMembership',
  'revokeMembership',
  'setGroupMembers',
  'grantPrivileges',
  'revokePrivileges',
  'setPrivileges',
  'grantOnAllTables',
  'transferOwnership',
  'createSchema',
  'setDefaultPrivileges',
  'setRoleSetting',
  'resetRoleSetting',
  'setRoleComment',
];
