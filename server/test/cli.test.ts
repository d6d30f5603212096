import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createServer, connect as netConnect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leakedSecrets, startTestApp, type TestApp, testedPostgres } from './support/app.js';
import type { TestClient } from './support/client.js';
import {
  addCollaborator,
  configureRole,
  connect,
  createApiToken,
  createLoginRole,
  createManagedDatabase,
  createUser,
  ERROR_FIELDS,
  setupAdmin,
  signIn,
} from './support/fixtures.js';
import { hasTablePrivilege } from './support/permissions.js';

const CLI = fileURLToPath(new URL('../../cli/rolecall.mjs', import.meta.url));
const PUBLIC_URL = 'https://rolecall.example.test';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A TCP relay in front of the test server: it records what the CLI sends (to check its headers) and can drop every
 * connection and refuse new ones for a while, as a flaky network would.
 */
class Relay {
  readonly traffic: string[] = [];
  private readonly sockets = new Set<Socket>();
  refusing = false;
  private server: Server | null = null;
  url = '';

  async start(target: string): Promise<void> {
    const { hostname, port } = new URL(target);
    this.server = createServer((client) => {
      if (this.refusing) {
        client.destroy();
        return;
      }
      const upstream = netConnect(Number(port), hostname);
      const index = this.traffic.push('') - 1;
      client.on('data', (chunk: Buffer) => {
        this.traffic[index] += chunk.toString('latin1');
      });
      client.pipe(upstream);
      upstream.pipe(client);
      const close = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('error', close);
        socket.on('close', close);
      }
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  dropAll(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  /** The header block of every HTTP request (and WebSocket upgrade) that went through. */
  requests(): string[] {
    return this.traffic.flatMap((text) =>
      [...text.matchAll(/^(GET|POST) \/graphql HTTP\/1\.1\r\n[\s\S]*?\r\n\r\n/gm)].map((match) => match[0]),
    );
  }

  stop(): Promise<void> {
    this.dropAll();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

let testApp: TestApp;
let admin: TestClient;
let adminPassword: string;
let alicePassword: string;
let shopId: string;
let analystRoleId: string;
let home: string;
const relay = new Relay();
const children: ChildProcess[] = [];

const environment = (env: Record<string, string> = {}) => ({
  PATH: process.env.PATH ?? '',
  HOME: home,
  XDG_CONFIG_HOME: join(home, 'config'),
  ...env,
});

function start(args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, [CLI, ...args], { env: environment(env), stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  return child;
}

/**
 * `rolecall … | head -n 1` in a shell, as typed in a terminal: a real pipe, whose reader leaves after one line. `code`
 * is the CLI's own exit status (sh has no pipefail: it comes back on fd 3); `stderr` is the CLI's.
 */
async function pipedToHead(args: string[]): Promise<Run> {
  const child = spawn('sh', ['-c', '{ "$@"; echo $? >&3; } | head -n 1', 'sh', process.execPath, CLI, ...args], {
    env: environment(),
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  const closed = new Promise((resolve) => child.on('close', resolve));
  const [stdout, stderr, status] = await Promise.all([1, 2, 3].map((fd) => text(child.stdio[fd] as Readable)));
  await closed;
  return { code: status ? Number(status) : null, stdout: stdout ?? '', stderr: stderr ?? '' };
}

/** Runs the real `rolecall` binary to completion. */
function rolecall(args: string[], env: Record<string, string> = {}, input = ''): Promise<Run> {
  const child = start(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdin?.end(input);
  // A command that hangs fails its test with what it printed, instead of stalling the file.
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

async function json<T = unknown>(args: string[], env: Record<string, string> = {}): Promise<T> {
  const run = await rolecall([...args, '--json'], env);
  if (run.code !== 0) throw new Error(`rolecall ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'rolecall-cli-'));
  testApp = await startTestApp({ PUBLIC_URL });
  await relay.start(testApp.url);
  admin = testApp.client();
  adminPassword = (await setupAdmin(admin)).password;
  const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
  await testApp.sql('CREATE SCHEMA sales AUTHORIZATION shop_owner', [], 'shop');
  await testApp.sql('CREATE TABLE sales.orders (id serial PRIMARY KEY, total numeric)', [], 'shop');
  await testApp.sql('ALTER TABLE sales.orders OWNER TO shop_owner', [], 'shop');
  await testApp.sql('ALTER SEQUENCE sales.orders_id_seq OWNER TO shop_owner', [], 'shop');
  shopId = await connect(admin, testApp, shop);
  const analystPassword = await createLoginRole(testApp, 'analyst');
  await testApp.sql('CREATE ROLE reporting NOLOGIN');
  await testApp.sql('CREATE ROLE outsider NOLOGIN');
  await testApp.sql('GRANT reporting TO analyst');
  // The owner may hand its tables to analyst (ALTER … OWNER TO needs membership in the new owner), not to outsider.
  await testApp.sql('GRANT analyst TO shop_owner');
  // …and a new owner needs CREATE on the table's schema.
  await testApp.sql('GRANT CREATE ON SCHEMA sales TO analyst', [], 'shop');
  analystRoleId = (await configureRole(admin, shopId, 'analyst', analystPassword)).id as string;
  alicePassword = (await createUser(admin, 'alice')).password;
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await relay.stop();
  await testApp?.stop();
});

describe('rolecall login', () => {
  it('signs in, stores the URL and an API token (never the password) with mode 0600 in the config dir', async () => {
    const out = await json<{ url: string; username: string; config: string }>([
      'login',
      '--url',
      `${relay.url}/graphql`,
      '--username',
      'admin',
      '--password',
      adminPassword,
    ]);
    const path = join(home, 'config', 'rolecall', 'config.json');
    expect(out).toMatchObject({ url: relay.url, username: 'admin', config: path });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(home, 'config', 'rolecall'))).mode & 0o777).toBe(0o700);
    const text = await readFile(path, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ url: relay.url, token: expect.stringMatching(/^rct_/) });
    expect(text).not.toContain(adminPassword);
  });

  it('asks for the password on standard input when it is not given', async () => {
    const config = join(home, 'alice-config');
    const run = await rolecall(
      ['login', '--url', relay.url, '--username', 'alice'],
      { XDG_CONFIG_HOME: config },
      `${alicePassword}\n`,
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`-----> logged in to ${relay.url} as alice`);
    expect(run.stdout).not.toContain(alicePassword);
  });

  it('exits 1 with code: message on a wrong password', async () => {
    const run = await rolecall(['login', '--url', relay.url, '--username', 'admin', '--password', 'wrong password']);
    expect(run).toMatchObject({ code: 1, stdout: '', stderr: 'INVALID_CREDENTIALS: Wrong username or password.\n' });
  });
});

describe('reading', () => {
  it('lists databases as a table and as JSON', async () => {
    const table = await rolecall(['databases']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/NAME\s*│\s*SERVER\s*│\s*ACCESS\s*│\s*ID/);
    expect(table.stdout).toMatch(/shop\s*│\s*127\.0\.0\.1:\d+\s*│\s*MANAGER/);
    expect(await json(['databases'])).toEqual([
      { id: shopId, name: 'shop', server: `127.0.0.1:${testApp.cluster.port}`, access: 'MANAGER' },
    ]);
  });

  it('lists roles live from the catalog, predefined ones only with --all', async () => {
    const roles = await json<{ name: string; isPredefined: boolean }[]>(['roles', '--db', 'shop']);
    expect(roles).toContainEqual(
      expect.objectContaining({
        name: 'analyst',
        canLogin: true,
        isConfigured: true,
        memberOf: [{ admin: false, role: { name: 'reporting' } }],
      }),
    );
    expect(roles.some((role) => role.isPredefined)).toBe(false);
    const all = await json<{ name: string }[]>(['roles', '--db', shopId, '--all']);
    expect(all.map((role) => role.name)).toContain('pg_read_all_data');
    const table = await rolecall(['roles', '--db', 'shop']);
    expect(table.stdout).toMatch(/ROLE\s*│\s*LOGIN\s*│\s*ATTRIBUTES\s*│\s*MEMBER OF\s*│\s*CONFIGURED/);
    expect(table.stdout).toMatch(/shop_owner\s*│\s*yes\s*│\s*CREATEROLE\s*│\s*analyst\s*│\s*yes/);
  });
});

describe('collaborators and invitations', () => {
  it('invites by e-mail; without SMTP the link (on PUBLIC_URL) is printed, and only the fact logged, at info', async () => {
    const sent = await json<{ delivery: string; acceptUrl: string; invitation: { email: string; status: string } }>([
      'invite',
      'carol@example.com',
      '--db',
      'shop',
      '--role',
      'analyst',
    ]);
    expect(sent).toMatchObject({ delivery: 'LINK', invitation: { email: 'carol@example.com', status: 'PENDING' } });
    expect(sent.acceptUrl).toMatch(new RegExp(`^${PUBLIC_URL}/invitations/accept\\?token=rci_[\\w-]{43}$`));
    const token = new URL(sent.acceptUrl).searchParams.get('token') as string;
    expect(testApp.logs.filter((line) => line.includes(token))).toEqual([]);
    const lines = testApp.logs.filter((line) => line.includes('invitation link handed to the inviter'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ level: 30, email: 'carol@example.com' });

    const human = await rolecall([
      'invite',
      'dave@example.com',
      '--db',
      'shop',
      '--role',
      'analyst',
      '--access',
      'manager',
    ]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('-----> dave@example.com has been invited to collaborate on shop');
    expect(human.stdout).toContain(`hand over this link yourself: ${PUBLIC_URL}/invitations/accept?token=rci_`);
  });

  it('re-sends an invitation with a new link', async () => {
    const before = testApp.logs.length;
    const resent = await json<{ acceptUrl: string }>(['invite', 'dave@example.com', '--db', 'shop', '--resend']);
    expect(resent.acceptUrl).toMatch(/token=rci_/);
    expect(testApp.logs.slice(before).join('')).not.toContain(resent.acceptUrl);
    expect(testApp.logs.slice(before).join('')).toContain('invitation link handed to the inviter');
  });

  it('shows EMAIL | USERNAME | STATUS | ROLE | ACCESS, pending invitations included as PENDING', async () => {
    const run = await rolecall(['collaborators', '--db', 'shop']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/EMAIL\s*│\s*USERNAME\s*│\s*STATUS\s*│\s*ROLE\s*│\s*ACCESS/);
    expect(run.stdout).toMatch(/admin@example\.com\s*│\s*admin\s*│\s*ACCEPTED\s*│\s*shop_owner\s*│\s*MANAGER/);
    expect(run.stdout).toMatch(/carol@example\.com\s*│\s*n\/a\s*│\s*PENDING\s*│\s*analyst\s*│\s*MEMBER/);
    expect(run.stdout).toMatch(/dave@example\.com\s*│\s*n\/a\s*│\s*PENDING\s*│\s*analyst\s*│\s*MANAGER/);
    const rows = await json<{ email: string; username: string | null; status: string }[]>([
      'collaborators',
      '--db',
      shopId,
    ]);
    expect(rows.map((row) => [row.email, row.username, row.status])).toEqual([
      ['admin@example.com', 'admin', 'ACCEPTED'],
      ['carol@example.com', null, 'PENDING'],
      ['dave@example.com', null, 'PENDING'],
    ]);
  });

  it('adds an existing user and removes collaborators and invitations', async () => {
    const added = await json([
      'collaborators-add',
      'alice',
      '--db',
      'shop',
      '--role',
      'analyst',
      '--access',
      'MANAGER',
    ]);
    expect(added).toMatchObject({ access: 'MANAGER', user: { username: 'alice' }, role: { rolname: 'analyst' } });
    const human = await rolecall(['collaborators-add', 'alice', '--db', 'shop', '--role', 'analyst']);
    expect(human).toMatchObject({ code: 1, stderr: 'CONFLICT: alice already collaborates on shop.\n' });

    const removed = await json(['collaborators-remove', 'alice', '--db', 'shop']);
    expect(removed).toMatchObject({ email: 'alice@example.com', removed: true });
    const revoked = await rolecall(['collaborators-remove', 'carol@example.com', '--db', 'shop']);
    expect(revoked.stdout).toBe('-----> the invitation of carol@example.com to shop has been revoked\n');
    const rows = await json<{ email: string }[]>(['collaborators', '--db', 'shop']);
    expect(rows.map((row) => row.email)).toEqual(['admin@example.com', 'dave@example.com']);
    const missing = await rolecall(['collaborators-remove', 'nobody@example.com', '--db', 'shop']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^NOT_FOUND: nobody@example.com neither collaborates on nor is invited to shop\n$/);
  });
});

describe('privileges', () => {
  it('grant --dry-run prints the SQL and changes nothing; grant runs it', async () => {
    const args = ['grant', 'select', '--db', 'shop', '--role', 'reporting', '--table', 'sales.orders'];
    const dry = await rolecall([...args, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(
      /^-- dry run: nothing was changed; this would run:\nGRANT SELECT ON TABLE "sales"\."orders" TO "reporting"/,
    );
    expect(await hasTablePrivilege(testApp, 'shop', 'reporting', 'sales.orders', 'SELECT')).toBe(false);
    const change = await json<{ dryRun: boolean; sql: string[] }>(args);
    expect(change).toMatchObject({ dryRun: false, sql: ['GRANT SELECT ON TABLE "sales"."orders" TO "reporting"'] });
    expect(await hasTablePrivilege(testApp, 'shop', 'reporting', 'sales.orders', 'SELECT')).toBe(true);
  });

  it('words a grant’s notes for people, with the flag that fixes them', async () => {
    await testApp.sql('CREATE ROLE cli_newcomer');
    const args = ['grant', 'select', '--db', 'shop', '--role', 'cli_newcomer', '--table', 'sales.orders', '--dry-run'];
    const dry = await rolecall(args);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      'warning: cli_newcomer cannot use schema sales, so access to sales.orders does nothing yet.',
    );
    expect(dry.stdout).toContain('hint: run it again with --with-schema-usage to grant what is missing too');
    expect(dry.stdout).not.toMatch(/withSchemaUsage/);
    const fixed = await rolecall([...args, '--with-schema-usage']);
    expect(fixed.stdout).toContain('GRANT USAGE ON SCHEMA "sales" TO "cli_newcomer"');
    expect(fixed.stdout).not.toContain('hint:');
  });

  it('explain shows what a role really holds and through which membership', async () => {
    const privileges = await json<{ privilege: string; held: boolean; sources: { kind: string; path: string[] }[] }[]>([
      'explain',
      '--db',
      'shop',
      '--role',
      'analyst',
      '--table',
      'sales.orders',
    ]);
    expect(privileges).toContainEqual(
      expect.objectContaining({
        privilege: 'SELECT',
        held: true,
        sources: [expect.objectContaining({ kind: 'GRANT', path: ['analyst', 'reporting'] })],
      }),
    );
    expect(privileges.map((row) => row.privilege)).not.toContain('INSERT');
    const table = await rolecall(['explain', '--db', 'shop', '--role', 'analyst', '--table', 'sales.orders']);
    expect(table.stdout).toMatch(/PRIVILEGE\s*│\s*HELD\s*│\s*GRANTABLE\s*│\s*WHY/);
    expect(table.stdout).toMatch(
      /SELECT\s*│\s*yes\s*│\s*no\s*│\s*granted to reporting by shop_owner via analyst → reporting/,
    );
  });

  it('revoke --dry-run prints the SQL; revoke runs it', async () => {
    const args = ['revoke', 'SELECT', '--db', 'shop', '--role', 'reporting', '--table', 'sales.orders'];
    const dry = await json<{ dryRun: boolean; sql: string[] }>([...args, '--dry-run']);
    expect(dry).toEqual({
      dryRun: true,
      sql: ['REVOKE SELECT ON TABLE "sales"."orders" FROM "reporting"'],
      warnings: [],
      notes: [],
      eventId: null,
    });
    expect(await hasTablePrivilege(testApp, 'shop', 'reporting', 'sales.orders', 'SELECT')).toBe(true);
    const run = await rolecall(args);
    expect(run.stdout).toContain('-----> revoked SELECT on table sales.orders from reporting');
    expect(await hasTablePrivilege(testApp, 'shop', 'reporting', 'sales.orders', 'SELECT')).toBe(false);
  });

  it('grants on a function named by its argument types and on a column, quoted as in SQL', async () => {
    await testApp.sql(
      `CREATE FUNCTION sales."net ""total"""(amount numeric, rate integer) RETURNS numeric LANGUAGE sql AS 'SELECT 1';
       ALTER FUNCTION sales."net ""total"""(numeric, integer) OWNER TO shop_owner;
       REVOKE EXECUTE ON FUNCTION sales."net ""total"""(numeric, integer) FROM PUBLIC`,
      [],
      'shop',
    );
    const fn = [
      'grant',
      'execute',
      '--db',
      'shop',
      '--role',
      'reporting',
      '--function',
      'sales."net ""total"""(numeric, int)',
    ];
    const dry = await json<{ sql: string[] }>([...fn, '--dry-run']);
    expect(dry.sql).toEqual(['GRANT EXECUTE ON ROUTINE sales."net ""total"""(numeric,integer) TO "reporting"']);
    const granted = await rolecall(fn);
    expect(granted.stdout).toContain('function sales.net "total"(numeric, int)');
    const holds = await testApp.sql<{ ok: boolean }>(
      `SELECT has_function_privilege('reporting', 'sales."net ""total"""(numeric, integer)', 'EXECUTE') AS ok`,
      [],
      'shop',
    );
    expect(holds).toEqual([{ ok: true }]);
    const column = [
      'grant',
      'update',
      '--db',
      'shop',
      '--role',
      'reporting',
      '--column',
      'sales.orders.id',
      '--dry-run',
    ];
    expect((await json<{ sql: string[] }>(column)).sql).toEqual([
      'GRANT UPDATE ("id") ON TABLE "sales"."orders" TO "reporting"',
    ]);
  });

  it('transfer-owner refuses what PostgreSQL refuses (exit 1, code: message) and otherwise hands the table over', async () => {
    const refused = await rolecall(['transfer-owner', '--db', 'shop', '--table', 'sales.orders', '--to', 'outsider']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^PERMISSION_DENIED: .+\n$/);
    const dry = await rolecall([
      'transfer-owner',
      '--db',
      'shop',
      '--table',
      'sales.orders',
      '--to',
      'analyst',
      '--dry-run',
    ]);
    expect(dry.stdout).toContain('ALTER TABLE "sales"."orders" OWNER TO "analyst"');
    const change = await json<{ dryRun: boolean }>([
      'transfer-owner',
      '--db',
      'shop',
      '--table',
      'sales.orders',
      '--to',
      'analyst',
    ]);
    expect(change.dryRun).toBe(false);
    const [row] = await testApp.sql("SELECT tableowner FROM pg_tables WHERE tablename = 'orders'", [], 'shop');
    expect(row?.tableowner).toBe('analyst');
  });
});

describe('rolecall watch', () => {
  const INVITE = `mutation($input: InviteCollaboratorInput!) { inviteCollaborator(input: $input) { ${ERROR_FIELDS}
    ... on InvitationSent { invitation { id } } } }`;

  it("prints another client's changes live, and after a dropped connection resumes from its last cursor", async () => {
    // Only invitation events: the drift watcher may report the DBA's setup grants meanwhile.
    const child = start(['watch', '--db', 'shop', '--kinds', 'invitation.created,invitation.revoked', '--json']);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const events = () =>
      stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { cursor: string; kind: string; email?: string });
    // The watch subscribes after the database's newest event: the server's replay marker says it is live.
    const caughtUp = () => [...stderr.matchAll(/caught up at cursor (\d+); live/g)].map((match) => match[1]);
    await until(() => caughtUp().length >= 1, 'the watch to be live');
    expect(stderr).toContain('watching shop');

    const sent = await admin.field<{ invitation: { id: string } }>(INVITE, {
      input: { databaseId: shopId, email: 'watched@example.com', configuredRoleId: analystRoleId },
    });
    await until(() => events().length >= 1, 'the first event');
    const [first] = events();
    expect(first).toMatchObject({
      __typename: 'InvitationEvent',
      kind: 'invitation.created',
      email: 'watched@example.com',
    });

    // The network drops; meanwhile another client revokes the invitation.
    relay.refusing = true;
    relay.dropAll();
    await until(() => stderr.includes('connection lost'), 'the watch to notice');
    await admin.field(`mutation($id: ID!) { revokeInvitation(id: $id) { ${ERROR_FIELDS} } }`, {
      id: sent.invitation.id,
    });
    // The network stays down until the watch has been refused again, so it resumes only after backing off.
    await until(() => stderr.split('connection lost').length > 2, 'a reconnection to be refused');
    relay.refusing = false;

    // The resumed subscription's replay marker: everything missed has been replayed, once.
    await until(() => caughtUp().length >= 2, 'the resumed watch to catch up');
    expect(events()[1]).toMatchObject({ kind: 'invitation.revoked', email: 'watched@example.com' });
    expect(stderr).toContain(`resuming after cursor ${first?.cursor}`);
    expect(events()).toHaveLength(2);
    expect(caughtUp()[1]).toBe(events()[1]?.cursor);

    const exited = new Promise((resolve) => child.on('close', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('replays from --after and stops after --count events, in the human format', async () => {
    const page = await admin.field<{ events: { cursor: string }[] }>(
      `query($db: ID!) { auditLog(databaseId: $db, kinds: ["invitation.created"], first: 1) { ${ERROR_FIELDS}
        ... on EventPage { events { cursor } } } }`,
      { db: shopId },
    );
    const before = (BigInt(page.events[0]?.cursor ?? '1') - 1n).toString();
    const run = await rolecall([
      'watch',
      '--db',
      'shop',
      '--after',
      before,
      '--count',
      '2',
      '--kinds',
      'invitation.created,invitation.revoked',
    ]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n').filter((line) => line.includes('#'));
    expect(lines[0]).toMatch(/#\d+ {2}invitation\.created {2}by admin {2}watched@example\.com invited as \w+ through /);
    expect(lines[1]).toMatch(/invitation\.revoked {2}by admin/);
  });
});

describe('the command line itself', () => {
  it('exits 2 on usage errors', async () => {
    for (const args of [
      ['no-such-command'],
      ['collaborators'],
      ['collaborators', '--db', 'shop', '--no-such-option'],
      ['invite', 'x@example.com', '--db', 'shop', '--role', 'analyst', '--access', 'OWNER'],
      ['invite', 'x@example.com', '--db', 'shop'],
      ['grant', 'SELECT', '--db', 'shop', '--role', 'reporting'],
      ['grant', 'SELECT', '--db', 'shop', '--role', 'reporting', '--table', 'orders'],
      ['watch', '--db', 'shop', '--after', 'yesterday'],
    ]) {
      const run = await rolecall(args);
      expect({ args, code: run.code }).toEqual({ args, code: 2 });
      expect(run.stderr.trim().split('\n')[0]).toMatch(/^error: /);
    }
    expect((await rolecall(['--help'])).code).toBe(0);
  });

  it('exits 1 with code: message on API errors, and ROLECALL_URL / ROLECALL_TOKEN override the stored login', async () => {
    const missing = await rolecall(['collaborators', '--db', 'nosuch']);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toMatch(/^NOT_FOUND: no database nosuch/);
    const bogus = await rolecall(['databases'], { ROLECALL_TOKEN: 'rct_bogus' });
    expect(bogus).toMatchObject({ code: 1, stderr: 'UNAUTHENTICATED: Sign in first.\n' });
    const nowhere = await rolecall(['databases'], { ROLECALL_URL: 'http://127.0.0.1:1' });
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toMatch(/^UNREACHABLE: /);
    const loggedOut = await rolecall(['databases'], { XDG_CONFIG_HOME: join(home, 'empty') });
    expect(loggedOut).toMatchObject({ code: 1 });
    expect(loggedOut.stderr).toMatch(/^NOT_LOGGED_IN: /);

    const alice = JSON.parse(await readFile(join(home, 'alice-config', 'rolecall', 'config.json'), 'utf8'));
    expect(await json(['databases'], { ROLECALL_URL: testApp.url, ROLECALL_TOKEN: alice.token })).toEqual([]);
    const forbidden = await rolecall(['invite', 'y@example.com', '--db', shopId, '--role', 'analyst'], {
      ROLECALL_TOKEN: alice.token,
    });
    expect(forbidden.code).toBe(1);
    expect(forbidden.stderr).toMatch(/^NOT_FOUND: /);
  });

  it('sends x-rolecall-csrf on every request, the WebSocket upgrade included, and leaks no secret to the logs', () => {
    const requests = relay.requests();
    expect(requests.length).toBeGreaterThan(20);
    expect(
      requests.some((request) => request.startsWith('GET /graphql') && /\r\nupgrade: websocket/i.test(request)),
    ).toBe(true);
    expect(requests.filter((request) => !/\r\nx-rolecall-csrf: 1\r\n/i.test(request))).toEqual([]);
    expect(leakedSecrets(testApp.logs)).toEqual([]);
  });
});

describe('roles a manager may not give', () => {
  it('exits 1 with FORBIDDEN and the reason for a role the manager may not give, and gives the ones they may', async () => {
    const auditor = await configureRole(admin, shopId, 'auditor', await createLoginRole(testApp, 'auditor'));
    const bob = await createUser(admin, 'bob');
    const carl = await createUser(admin, 'carl');
    await addCollaborator(admin, {
      databaseId: shopId,
      userId: bob.id,
      configuredRoleId: analystRoleId,
      access: 'MANAGER',
    });
    const bobClient = testApp.client();
    await signIn(bobClient, 'bob', bob.password);
    const asBob = { ROLECALL_URL: testApp.url, ROLECALL_TOKEN: await createApiToken(bobClient, 'cli') };

    // shop_owner, the admin's connecting role, has CREATEROLE: a manager never gives it.
    const powerful = await rolecall(['collaborators-add', carl.id, '--db', 'shop', '--role', 'shop_owner'], asBob);
    expect(powerful).toMatchObject({
      code: 1,
      stdout: '',
      stderr:
        'FORBIDDEN: shop_owner has superuser, CREATEROLE, BYPASSRLS or REPLICATION: only admins give such roles.\n',
    });
    const unsettable = await rolecall(
      ['invite', 'erin@example.com', '--db', 'shop', '--role', 'auditor', '--json'],
      asBob,
    );
    expect(unsettable).toMatchObject({
      code: 1,
      stdout: '',
      stderr:
        'FORBIDDEN: Your role cannot SET ROLE to auditor and no admin marked it assignable here: only admins can give it.\n',
    });
    const missing = await rolecall(['invite', 'erin@example.com', '--db', 'shop', '--role', 'nobody'], asBob);
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.stderr).toMatch(/^NOT_FOUND: nobody is not a configured role/);

    // Their own role, and a role an admin marked assignable here, they give.
    const added = await json(['collaborators-add', carl.id, '--db', 'shop', '--role', 'analyst'], asBob);
    expect(added).toMatchObject({ access: 'MEMBER', user: { username: 'carl' }, role: { rolname: 'analyst' } });
    const marked = await admin.field(
      `mutation($databaseId: ID!, $configuredRoleId: ID!) {
        setRoleAssignable(databaseId: $databaseId, configuredRoleId: $configuredRoleId, assignable: true) {
          ${ERROR_FIELDS} ... on RoleOffer { markedAssignable } } }`,
      { databaseId: shopId, configuredRoleId: auditor.id },
    );
    expect(marked).toMatchObject({ markedAssignable: true });
    const invited = await json<{ invitation: { email: string; role: { rolname: string } } }>(
      ['invite', 'erin@example.com', '--db', 'shop', '--role', 'auditor'],
      asBob,
    );
    expect(invited.invitation).toMatchObject({ email: 'erin@example.com', role: { rolname: 'auditor' } });
  });
});

describe('long lists', () => {
  const MORE = /^… (\d+) more \(raise --limit, or narrow with --search\)\n$/;
  const names = (rows: { name: string }[]) => rows.map((row) => row.name).sort();

  beforeAll(async () => {
    // Far more than a pipe holds (64 KiB) once printed as a table, so a reader that leaves early breaks the pipe.
    await testApp.sql(
      "DO $$ BEGIN FOR i IN 1..1000 LOOP EXECUTE format('CREATE ROLE %I NOLOGIN', 'bulk_' || i); END LOOP; END $$",
    );
  });

  it('exits 0 without a word when the reader of its output leaves early (`rolecall roles | head -n 1`)', async () => {
    const run = await pipedToHead(['roles', '--db', 'shop']);
    expect(run).toEqual({ code: 0, stdout: expect.stringMatching(/^┌─+┬[─┬]+┐\n$/), stderr: '' });
  });

  it('roles --search keeps the roles whose name contains the text, in any case', async () => {
    const found = await json<{ name: string }[]>(['roles', '--db', 'shop', '--search', 'BULK_99']);
    expect(names(found)).toEqual(['bulk_99', ...Array.from({ length: 10 }, (_, digit) => `bulk_99${digit}`)].sort());
    const table = await rolecall(['roles', '--db', 'shop', '--search', 'Analyst']);
    expect(table).toMatchObject({ code: 0, stderr: '' });
    expect(table.stdout.match(/^│ \w+/gm)).toEqual(['│ ROLE', '│ analyst']);
    expect(await json(['roles', '--db', 'shop', '--search', 'no such role'])).toEqual([]);
  });

  it('roles --limit prints n roles, then how many more there were on stderr; with --json exactly the array', async () => {
    const table = await rolecall(['roles', '--db', 'shop', '--search', 'bulk_', '--limit', '5']);
    expect(table.code).toBe(0);
    expect(table.stdout.match(/^│ bulk_\d+ /gm)).toHaveLength(5);
    expect(table.stderr).toMatch(MORE);
    expect(table.stderr.match(MORE)?.[1]).toBe('995');

    const limited = await rolecall(['roles', '--db', 'shop', '--search', 'bulk_', '--limit', '3', '--json']);
    expect(limited.code).toBe(0);
    const rows = JSON.parse(limited.stdout) as { name: string }[];
    expect(rows).toHaveLength(3);
    expect(limited.stdout).toBe(`${JSON.stringify(rows, null, 2)}\n`);
    expect(rows.every((row) => row.name.startsWith('bulk_'))).toBe(true);
    expect(limited.stderr.match(MORE)?.[1]).toBe('997');

    // A limit the list does not reach changes nothing, and says nothing.
    const all = await rolecall(['roles', '--db', 'shop', '--search', 'bulk_99', '--limit', '11', '--json']);
    expect(all.stderr).toBe('');
    expect(JSON.parse(all.stdout)).toHaveLength(11);
  });

  it('collaborators --search matches username, e-mail or role in any case; --limit counts the rest', async () => {
    type Row = { email: string; username: string | null; role: string; status: string };
    for (const username of ['lena', 'lenny']) {
      const user = await createUser(admin, username);
      await addCollaborator(admin, { databaseId: shopId, userId: user.id, configuredRoleId: analystRoleId });
    }
    const rows = await json<Row[]>(['collaborators', '--db', 'shop']);
    const byName = await json<Row[]>(['collaborators', '--db', 'shop', '--search', 'LEN']);
    expect(byName.map((row) => [row.username, row.email]).sort()).toEqual([
      ['lena', 'lena@example.com'],
      ['lenny', 'lenny@example.com'],
    ]);
    const byEmail = await json<Row[]>(['collaborators', '--db', 'shop', '--search', 'Lenny@Example.COM']);
    expect(byEmail.map((row) => row.email)).toEqual(['lenny@example.com']);
    const byRole = await json<Row[]>(['collaborators', '--db', 'shop', '--search', 'SHOP_owner']);
    expect(byRole).toEqual(rows.filter((row) => row.role === 'shop_owner'));
    expect(byRole.map((row) => row.username)).toContain('admin');

    const table = await rolecall(['collaborators', '--db', 'shop', '--limit', '1']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/admin@example\.com\s*│\s*admin\s*│\s*ACCEPTED/);
    expect(table.stdout.match(/@example\.com/g)).toHaveLength(1);
    expect(table.stderr.match(MORE)?.[1]).toBe(String(rows.length - 1));
    const limited = await rolecall(['collaborators', '--db', 'shop', '--limit', '2', '--json']);
    expect(JSON.parse(limited.stdout)).toEqual(rows.slice(0, 2));
    expect(limited.stderr.match(MORE)?.[1]).toBe(String(rows.length - 2));
  });

  it('exits 2 on a --limit that is not a positive integer', async () => {
    for (const args of [
      ['roles', '--db', 'shop', '--limit', '0'],
      ['roles', '--db', 'shop', '--limit', 'abc'],
      ['roles', '--db', 'shop', '--limit', '-5'],
      ['collaborators', '--db', 'shop', '--limit', '2.5'],
      ['collaborators', '--db', 'shop', '--limit'],
    ]) {
      const run = await rolecall(args);
      expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(run.stderr).toMatch(
        /^error: option '--limit <n>' argument (missing|'.+' is invalid\. a positive integer)\n$/,
      );
    }
  });
});

describe('rolecall default-privileges', () => {
  const set = ['default-privileges', 'set', 'SELECT', '--db', 'shop', '--kind', 'tables', '--role', 'reporting'];

  it('set --dry-run prints the ALTER DEFAULT PRIVILEGES and changes nothing; set runs it; show lists it', async () => {
    const args = [...set, '--schema', 'sales'];
    const dry = await rolecall([...args, '--dry-run']);
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    expect(dry.stdout).toBe(
      '-- dry run: nothing was changed; this would run:\nALTER DEFAULT PRIVILEGES FOR ROLE "shop_owner" IN SCHEMA "sales" GRANT SELECT ON TABLES TO "reporting"\n',
    );
    expect(await json(['default-privileges', 'show', '--db', 'shop'])).toEqual([]);
    const change = await json<{ dryRun: boolean; sql: string[] }>(args);
    expect(change).toMatchObject({
      dryRun: false,
      sql: ['ALTER DEFAULT PRIVILEGES FOR ROLE "shop_owner" IN SCHEMA "sales" GRANT SELECT ON TABLES TO "reporting"'],
    });
    expect(await json(['default-privileges', 'show', '--db', 'shop', '--creator', 'shop_owner'])).toEqual([
      {
        creator: 'shop_owner',
        schema: 'sales',
        kind: 'TABLE',
        grants: [{ grantee: 'reporting', privileges: ['SELECT'], grantable: [] }],
      },
    ]);
    const shown = await rolecall(['default-privileges', 'show', '--db', 'shop']);
    expect(shown.stdout).toMatch(/CREATOR\s*│\s*SCHEMA\s*│\s*KIND\s*│\s*GRANTEE\s*│\s*PRIVILEGES\s*│\s*GRANTABLE/);
    expect(shown.stdout).toMatch(/shop_owner\s*│\s*sales\s*│\s*TABLE\s*│\s*reporting\s*│\s*SELECT\s*│/);
    const again = await rolecall(args);
    expect(again.stdout).toContain('-----> nothing to change: they already are as asked');
  });

  it('set --preset NONE --role PUBLIC on functions revokes the EXECUTE the built-in default gives', async () => {
    const run = await rolecall([
      'default-privileges',
      'set',
      '--db',
      'shop',
      '--kind',
      'functions',
      '--role',
      'PUBLIC',
      '--preset',
      'none',
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(
      'ALTER DEFAULT PRIVILEGES FOR ROLE "shop_owner" REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC',
    );
  });

  it.runIf(testedPostgres.version >= 18)(
    'set --kind large-objects (PostgreSQL 18) previews ON LARGE OBJECTS without a schema',
    async () => {
      const dry = await rolecall([...set.slice(0, 5), '--kind', 'large-objects', '--role', 'reporting', '--dry-run']);
      expect(dry).toMatchObject({ code: 0, stderr: '' });
      expect(dry.stdout).toContain(
        'ALTER DEFAULT PRIVILEGES FOR ROLE "shop_owner" GRANT SELECT ON LARGE OBJECTS TO "reporting"',
      );
    },
  );

  it('exits 2 on an unknown kind or on both privileges and --preset, and 1 with the API’s code on a bad privilege', async () => {
    const kind = await rolecall([...set.slice(0, 5), '--kind', 'views', '--role', 'reporting']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('tables, sequences, functions, types, schemas or large-objects');
    const both = await rolecall([...set, '--preset', 'READ']);
    expect(both).toMatchObject({
      code: 2,
      stderr: 'error: name the privileges, or --preset (NONE for nothing), not both\n',
    });
    const bad = await rolecall([...set.slice(0, 2), 'DROP', ...set.slice(3)]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^INVALID_INPUT: DROP is not a table privilege here/);
  });
});

describe('rolecall role', () => {
  const role = `cli app's "x"`;
  const quoted = `"cli app's ""x"""`;

  beforeAll(async () => {
    await testApp.sql(`CREATE ROLE ${quoted}; GRANT ${quoted} TO shop_owner WITH ADMIN OPTION`);
  });

  it('set --dry-run prints the SQL; set, comment and reset run it; sql prints the role’s definition', async () => {
    const set = ['role', 'set', role, 'work_mem', '64MB', '--db', 'shop', '--in-database'];
    const dry = await rolecall([...set, '--dry-run']);
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    expect(dry.stdout).toBe(
      `-- dry run: nothing was changed; this would run:\nALTER ROLE ${quoted} IN DATABASE "shop" SET "work_mem" = '64MB'\n`,
    );
    expect(await json(['role', 'sql', role, '--db', 'shop'])).toHaveLength(1);
    expect((await rolecall(set)).stdout).toContain(`-----> set work_mem for ${role} in database shop`);
    const comment = await rolecall(['role', 'comment', role, 'it’s the app’s', '--db', 'shop']);
    expect(comment).toMatchObject({ code: 0, stderr: '' });
    const definition = await rolecall(['role', 'sql', role, '--db', 'shop']);
    expect(definition.stdout).toBe(
      [
        `CREATE ROLE ${quoted} NOSUPERUSER NOLOGIN INHERIT NOCREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS CONNECTION LIMIT -1;`,
        `ALTER ROLE ${quoted} IN DATABASE "shop" SET "work_mem" = '64MB';`,
        `COMMENT ON ROLE ${quoted} IS 'it’s the app’s';`,
        '',
      ].join('\n'),
    );
    const reset = await json<{ sql: string[] }>(['role', 'reset', role, 'work_mem', '--db', 'shop', '--in-database']);
    expect(reset.sql).toEqual([`ALTER ROLE ${quoted} IN DATABASE "shop" RESET "work_mem"`]);
    expect((await rolecall(['role', 'comment', role, '--clear', '--db', 'shop'])).stdout).toContain(
      `-----> removed the comment on ${role}`,
    );
    expect(await json(['role', 'sql', role, '--db', 'shop'])).toHaveLength(1);
  });

  it('exits 2 on a comment with --clear or without either, and 1 with the API’s code on a refusal', async () => {
    for (const args of [['--clear', 'text'], []]) {
      const run = await rolecall(['role', 'comment', role, ...args, '--db', 'shop']);
      expect(run).toMatchObject({ code: 2, stderr: 'error: give the comment, or --clear, not both\n' });
    }
    const badName = await rolecall(['role', 'set', role, 'work_mem; DROP ROLE x', '1MB', '--db', 'shop']);
    expect(badName.code).toBe(1);
    expect(badName.stderr).toMatch(/^INVALID_INPUT: /);
    const missing = await rolecall(['role', 'sql', 'no such role', '--db', 'shop']);
    expect(missing).toMatchObject({ code: 1, stderr: 'NOT_FOUND: no role named no such role\n' });
    const unknown = await rolecall(['role', 'set', role, 'no_such_parameter', '1', '--db', 'shop']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^UNDEFINED_OBJECT: unrecognized configuration parameter/);
  });
});
