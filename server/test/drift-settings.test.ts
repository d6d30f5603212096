import type { Client } from 'graphql-ws';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeChange } from '../../web/src/lib/event-text.js';
import { startTestApp, type TestApp, testedPostgres } from './support/app.js';
import type { TestClient } from './support/client.js';
import { connect, createApiToken, createManagedDatabase, setupAdmin } from './support/fixtures.js';
import { CHANGE_FIELDS, type Change, mutate } from './support/permissions.js';
import { collectLive, type Received, wsClient } from './support/subscriptions.js';

/**
 * Role settings (ALTER ROLE … [IN DATABASE …] SET / RESET), role comments and default privileges changed in psql reach
 * a live subscriber as EXTERNAL events with what changed: settings and comments once for the server (two databases are
 * watched), default privileges once for the database they were made in. Rolecall's own changes of them never do.
 * `shop` is connected through the superuser `boss`, `ops` through `ops_owner`.
 */
let testApp: TestApp;
let admin: TestClient;
let ws: Client;
let shopId: string;
let received: Received<Live> & { stop: () => void };

const ODD = `odd "q" rôle's ½`;
const ODD_VALUE = `it's "quoted" \\ back=slash ü`;
const ODD_COMMENT = `a 'quoted' "comment" ½`;

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

interface GrantChange {
  grantee: string;
  granted: string[];
  revoked: string[];
  grantOptionGranted: string[];
  grantOptionRevoked: string[];
}

interface Live {
  __typename: string;
  kind: string;
  source: string;
  databaseId: string | null;
  role?: string | null;
  changes?: string[];
  setting?: { name: string; database: string | null; before: string | null; after: string | null } | null;
  comment?: { before: string | null; after: string | null } | null;
  creator?: string | null;
  schema?: string | null;
  objectKind?: string | null;
  grantees?: string[];
  grantChanges?: GrantChange[];
}

const EVENTS = `subscription($after: BigCursor) {
  events(after: $after) {
    __typename kind source databaseId
    ... on RoleEvent { role changes setting { name database before after } comment { before after } }
    ... on DefaultPrivilegeEvent {
      creator schema objectKind grantees
      grantChanges { grantee granted revoked grantOptionGranted grantOptionRevoked }
    }
  }
}`;

const psql = (statement: string, database?: string) => testApp.sql(statement, [], database);

let markers = 0;
const isMarker = (event: Live) => event.kind === 'role.created' && /^marker_\d+$/.test(event.role ?? '');

/** A role created in psql, awaited as an EXTERNAL event: every poll that could report what came before it has run. */
async function marker(timeoutMs = 15_000): Promise<void> {
  const name = `marker_${++markers}`;
  await psql(`CREATE ROLE ${name}`);
  await received.waitForItem((event) => event.source === 'EXTERNAL' && event.role === name, name, timeoutMs);
}

/** Every event recorded while `changes` ran (up to a marker made after them), markers left out. */
async function eventsDuring(changes: () => Promise<unknown>): Promise<Live[]> {
  const from = received.items.length;
  await changes();
  await marker();
  return received.items.slice(from).filter((event) => !isMarker(event));
}

/** Those of them found outside Rolecall, without the fields every one of them has. */
async function externalDuring(changes: () => Promise<unknown>): Promise<Omit<Live, '__typename' | 'source'>[]> {
  const events = await eventsDuring(changes);
  return events.filter((event) => event.source === 'EXTERNAL').map(({ __typename: _, source: __, ...rest }) => rest);
}

/** A role.altered event found outside Rolecall for a setting. */
const settingEvent = (role: string, setting: NonNullable<Live['setting']>) => ({
  kind: 'role.altered',
  databaseId: null,
  role,
  changes: [],
  setting,
  comment: null,
});

const commentEvent = (role: string, before: string | null, after: string | null) => ({
  kind: 'role.altered',
  databaseId: null,
  role,
  changes: [],
  setting: null,
  comment: { before, after },
});

const change = (grantee: string, moved: Partial<GrantChange>): GrantChange => ({
  grantee,
  granted: [],
  revoked: [],
  grantOptionGranted: [],
  grantOptionRevoked: [],
  ...moved,
});

const defaultsEvent = (creator: string, schema: string | null, objectKind: string, changes: GrantChange[]) => ({
  kind: 'default_privileges.changed',
  databaseId: shopId,
  creator,
  schema,
  objectKind,
  grantees: changes.map((moved) => moved.grantee),
  grantChanges: changes,
});

const bySetting = (a: Omit<Live, '__typename' | 'source'>, b: Omit<Live, '__typename' | 'source'>) =>
  (a.setting?.name ?? '').localeCompare(b.setting?.name ?? '');

/** One of Rolecall's own changes, as the admin through `boss` on shop: it must apply. */
async function applied(mutation: string, args: Record<string, [string, unknown]>): Promise<void> {
  const names = Object.keys(args);
  const declared = names.map((name) => `$${name}: ${args[name]?.[0]}`).join(', ');
  const passed = names.map((name) => `${name}: $${name}`).join(', ');
  const values = Object.fromEntries(names.map((name) => [name, args[name]?.[1]]));
  const result = await admin.field<Change>(
    `mutation($databaseId: ID!, ${declared}) { ${mutation}(databaseId: $databaseId, ${passed}) { ${CHANGE_FIELDS} } }`,
    { databaseId: shopId, ...values },
  );
  expect(result.__typename, `${mutation}: ${JSON.stringify(result)}`).toBe('PermissionChange');
}

const setRoleSetting = (role: string, name: string, value: string, inDatabase = false) =>
  applied('setRoleSetting', {
    role: ['String!', role],
    name: ['String!', name],
    value: ['String!', value],
    inDatabase: ['Boolean', inDatabase],
  });

const setDefaults = (creator: string, schema: string | null, grantee: string, privileges: string[]) =>
  applied('setDefaultPrivileges', {
    creator: ['String', creator],
    schema: ['String', schema],
    kind: ['DefaultedObjectKind!', 'TABLE'],
    grants: ['[DesiredDefaultGrantInput!]!', [{ grantee, privileges }]],
  });

beforeAll(async () => {
  testApp = await startTestApp({ DRIFT_INTERVAL_MS: '300' });
  admin = testApp.client();
  await setupAdmin(admin);
  const shop = await createManagedDatabase(testApp, 'shop', 'boss');
  await psql('ALTER ROLE boss SUPERUSER');
  const ops = await createManagedDatabase(testApp, 'ops', 'ops_owner');
  await psql(
    `CREATE ROLE app_role; CREATE ROLE creator_role; CREATE ROLE reader_role; CREATE ROLE writer_role;
     CREATE ROLE own_role; CREATE ROLE doomed; CREATE ROLE gone_role; CREATE ROLE ${q(ODD)}`,
  );
  await psql(
    'CREATE SCHEMA sales AUTHORIZATION creator_role; CREATE TABLE sales.orders (id int); CREATE SCHEMA spare',
    'shop',
  );
  await psql('ALTER TABLE sales.orders OWNER TO creator_role', 'shop');
  shopId = await connect(admin, testApp, shop);
  await connect(admin, testApp, ops);
  ws = wsClient(testApp.url, await createApiToken(admin, 'drift-settings'));
  received = await collectLive<Live>(testApp, ws, EVENTS);
  // The watcher's first poll of the server is its baseline: markers until one is reported show it has one.
  for (let attempt = 1; ; attempt++) {
    const reported = await marker(1_000).then(
      () => true,
      () => false,
    );
    if (reported) break;
    if (attempt === 20) throw new Error('the drift watcher never began watching');
  }
}, 120_000);

afterAll(async () => {
  received?.stop();
  await ws?.dispose();
  await testApp?.stop();
});

describe('role settings changed in psql are reported once for the server, with the setting and its values', () => {
  it('ALTER ROLE … SET and … IN DATABASE … SET', async () => {
    const events = await externalDuring(async () => {
      await psql(`ALTER ROLE app_role SET work_mem = '8MB'`);
      await psql(`ALTER ROLE app_role IN DATABASE shop SET statement_timeout = '5s'`);
    });
    expect(events.sort(bySetting)).toEqual([
      settingEvent('app_role', { name: 'statement_timeout', database: 'shop', before: null, after: '5s' }),
      settingEvent('app_role', { name: 'work_mem', database: null, before: null, after: '8MB' }),
    ]);
  });

  it('a new value, with the old one', async () => {
    expect(await externalDuring(() => psql(`ALTER ROLE app_role SET work_mem = '16MB'`))).toEqual([
      settingEvent('app_role', { name: 'work_mem', database: null, before: '8MB', after: '16MB' }),
    ]);
  });

  it('RESET', async () => {
    expect(await externalDuring(() => psql('ALTER ROLE app_role RESET work_mem'))).toEqual([
      settingEvent('app_role', { name: 'work_mem', database: null, before: '16MB', after: null }),
    ]);
  });

  it('RESET ALL: every setting for all databases, then IN DATABASE … RESET ALL: that database’s', async () => {
    await psql(`ALTER ROLE app_role SET work_mem = '1MB'; ALTER ROLE app_role SET myapp.tenant = 'acme'`);
    await marker();
    const all = await externalDuring(() => psql('ALTER ROLE app_role RESET ALL'));
    expect(all.sort(bySetting)).toEqual([
      settingEvent('app_role', { name: 'myapp.tenant', database: null, before: 'acme', after: null }),
      settingEvent('app_role', { name: 'work_mem', database: null, before: '1MB', after: null }),
    ]);
    expect(await externalDuring(() => psql('ALTER ROLE app_role IN DATABASE shop RESET ALL'))).toEqual([
      settingEvent('app_role', { name: 'statement_timeout', database: 'shop', before: '5s', after: null }),
    ]);
  });
});

describe('role comments changed in psql are reported once for the server', () => {
  it('COMMENT ON ROLE set, changed and cleared', async () => {
    expect(await externalDuring(() => psql(`COMMENT ON ROLE app_role IS 'first'`))).toEqual([
      commentEvent('app_role', null, 'first'),
    ]);
    expect(await externalDuring(() => psql(`COMMENT ON ROLE app_role IS 'second'`))).toEqual([
      commentEvent('app_role', 'first', 'second'),
    ]);
    expect(await externalDuring(() => psql('COMMENT ON ROLE app_role IS NULL'))).toEqual([
      commentEvent('app_role', 'second', null),
    ]);
  });

  it('a hostile role name, setting value and comment come back exactly', async () => {
    const events = await externalDuring(async () => {
      await psql(`ALTER ROLE ${q(ODD)} SET myapp.note = ${literal(ODD_VALUE)}`);
      await psql(`COMMENT ON ROLE ${q(ODD)} IS ${literal(ODD_COMMENT)}`);
    });
    expect(events).toEqual(
      expect.arrayContaining([
        settingEvent(ODD, { name: 'myapp.note', database: null, before: null, after: ODD_VALUE }),
        commentEvent(ODD, null, ODD_COMMENT),
      ]),
    );
    expect(events).toHaveLength(2);
  });

  it('a role dropped in psql is reported dropped, not its settings and comment one by one', async () => {
    await psql(`ALTER ROLE gone_role SET work_mem = '2MB'; COMMENT ON ROLE gone_role IS 'soon gone'`);
    await marker();
    expect(await externalDuring(() => psql('DROP ROLE gone_role'))).toEqual([
      expect.objectContaining({ kind: 'role.dropped', databaseId: null, role: 'gone_role' }),
    ]);
  });
});

describe('default privileges changed in psql are reported once, for the database they were made in', () => {
  it('granted globally FOR ROLE another role, then revoked (the entry goes back to the built-in default)', async () => {
    expect(
      await externalDuring(() =>
        psql('ALTER DEFAULT PRIVILEGES FOR ROLE creator_role GRANT SELECT ON TABLES TO reader_role', 'shop'),
      ),
    ).toEqual([defaultsEvent('creator_role', null, 'TABLE', [change('reader_role', { granted: ['SELECT'] })])]);
    expect(
      await externalDuring(() =>
        psql('ALTER DEFAULT PRIVILEGES FOR ROLE creator_role REVOKE SELECT ON TABLES FROM reader_role', 'shop'),
      ),
    ).toEqual([defaultsEvent('creator_role', null, 'TABLE', [change('reader_role', { revoked: ['SELECT'] })])]);
  });

  it('IN SCHEMA, with grant option, then revoked', async () => {
    const grant = `ALTER DEFAULT PRIVILEGES FOR ROLE creator_role IN SCHEMA sales
                     GRANT USAGE, SELECT ON SEQUENCES TO writer_role WITH GRANT OPTION`;
    expect(await externalDuring(() => psql(grant, 'shop'))).toEqual([
      defaultsEvent('creator_role', 'sales', 'SEQUENCE', [
        change('writer_role', { granted: ['SELECT', 'USAGE'], grantOptionGranted: ['SELECT', 'USAGE'] }),
      ]),
    ]);
    const revoke = `ALTER DEFAULT PRIVILEGES FOR ROLE creator_role IN SCHEMA sales
                      REVOKE GRANT OPTION FOR SELECT ON SEQUENCES FROM writer_role`;
    expect(await externalDuring(() => psql(revoke, 'shop'))).toEqual([
      defaultsEvent('creator_role', 'sales', 'SEQUENCE', [change('writer_role', { grantOptionRevoked: ['SELECT'] })]),
    ]);
    const revokeAll = `ALTER DEFAULT PRIVILEGES FOR ROLE creator_role IN SCHEMA sales
                         REVOKE ALL ON SEQUENCES FROM writer_role`;
    expect(await externalDuring(() => psql(revokeAll, 'shop'))).toEqual([
      defaultsEvent('creator_role', 'sales', 'SEQUENCE', [
        change('writer_role', { revoked: ['SELECT', 'USAGE'], grantOptionRevoked: ['USAGE'] }),
      ]),
    ]);
  });

  it('without FOR ROLE: the session’s role is the creator; PUBLIC is a grantee like any other', async () => {
    expect(
      await externalDuring(() => psql('ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC', 'shop')),
    ).toEqual([defaultsEvent('postgres', null, 'FUNCTION', [change('PUBLIC', { revoked: ['EXECUTE'] })])]);
  });

  // ALTER DEFAULT PRIVILEGES … ON LARGE OBJECTS is new in PostgreSQL 18 (pg_default_acl's 'L' entries).
  it.runIf(testedPostgres.version >= 18)(
    'on large objects (PostgreSQL 18), with grant option, and the creator’s own privileges revoked, in words too',
    async () => {
      const grant = `ALTER DEFAULT PRIVILEGES FOR ROLE ${q(ODD)}
                       GRANT SELECT ON LARGE OBJECTS TO reader_role WITH GRANT OPTION`;
      const granted = await externalDuring(() => psql(grant, 'shop'));
      expect(granted).toEqual([
        defaultsEvent(ODD, null, 'LARGE_OBJECT', [
          change('reader_role', { granted: ['SELECT'], grantOptionGranted: ['SELECT'] }),
        ]),
      ]);
      expect(granted.map((event) => describeChange(event))).toEqual([
        `new large objects of ${ODD}: granted SELECT to reader_role; reader_role may now grant SELECT`,
      ]);
      const revoke = `ALTER DEFAULT PRIVILEGES FOR ROLE ${q(ODD)} REVOKE UPDATE ON LARGE OBJECTS FROM ${q(ODD)}, PUBLIC`;
      expect(await externalDuring(() => psql(revoke, 'shop'))).toEqual([
        defaultsEvent(ODD, null, 'LARGE_OBJECT', [change(ODD, { revoked: ['UPDATE'] })]),
      ]);
      // Rolecall's own change of the same entry is not news from outside.
      const own = await eventsDuring(() =>
        applied('setDefaultPrivileges', {
          creator: ['String', ODD],
          kind: ['DefaultedObjectKind!', 'LARGE_OBJECT'],
          grants: ['[DesiredDefaultGrantInput!]!', [{ grantee: 'reader_role', preset: 'NONE' }]],
        }),
      );
      expect(own.map((event) => [event.kind, event.source])).toEqual([['default_privileges.changed', 'ROLECALL']]);
    },
  );

  it('a schema dropped in psql takes its default privileges with it: only the drop is news', async () => {
    await psql(
      'ALTER DEFAULT PRIVILEGES FOR ROLE creator_role IN SCHEMA spare GRANT SELECT ON TABLES TO reader_role',
      'shop',
    );
    await marker();
    expect(await externalDuring(() => psql('DROP SCHEMA spare', 'shop'))).toEqual([
      expect.objectContaining({ kind: 'object.dropped' }),
    ]);
  });
});

describe('nothing is reported when nothing changed', () => {
  it('a poll with no change, and psql statements that leave everything as it was, report nothing', async () => {
    await psql(`ALTER ROLE app_role SET work_mem = '3MB'; COMMENT ON ROLE app_role IS 'same'`);
    await psql('ALTER DEFAULT PRIVILEGES FOR ROLE creator_role GRANT SELECT ON TABLES TO reader_role', 'shop');
    await marker();
    expect(await eventsDuring(async () => undefined)).toEqual([]);
    const again = await eventsDuring(async () => {
      await psql(`ALTER ROLE app_role SET work_mem = '3MB'; COMMENT ON ROLE app_role IS 'same'`);
      await psql('ALTER DEFAULT PRIVILEGES FOR ROLE creator_role GRANT SELECT ON TABLES TO reader_role', 'shop');
    });
    expect(again).toEqual([]);
  });

  it('hashes a database’s contents only when its rows moved; DDL that moves them but no privilege reports nothing', async () => {
    await marker();
    const sent: string[] = [];
    const send = pg.Client.prototype.query;
    vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      const [config] = args;
      sent.push(typeof config === 'string' ? config : String((config as { text?: string }).text));
      return (send as (...a: unknown[]) => unknown).apply(this, args) as never;
    });
    try {
      // The marker moves the server's roles, not the databases' rows: their versions are hashed, not their contents.
      await marker();
    } finally {
      vi.restoreAllMocks();
    }
    const hashes = (part: string) => sent.filter((text) => text.includes(part)).length;
    expect(hashes("string_agg(xmin::text, ',' ORDER BY oid) FROM pg_catalog.pg_class")).toBeGreaterThan(0);
    expect(hashes("concat_ws(':', oid, relname, relnamespace, relowner, relacl)")).toBe(0);
    const ddl = await eventsDuring(() =>
      psql(
        'ALTER TABLE sales.orders ADD COLUMN note text; TRUNCATE sales.orders; ALTER TABLE sales.orders DROP COLUMN note',
        'shop',
      ),
    );
    expect(ddl).toEqual([]);
  });
});

describe('Rolecall’s own changes of settings, comments and default privileges are never reported as outside it', () => {
  it('setRoleSetting, resetRoleSetting, setRoleComment, setDefaultPrivileges, grantOnAllTables andFuture', async () => {
    const events = await eventsDuring(async () => {
      await setRoleSetting('own_role', 'work_mem', '4MB');
      await setRoleSetting('own_role', 'statement_timeout', '7s', true);
      await applied('resetRoleSetting', { role: ['String!', 'own_role'], name: ['String!', 'work_mem'] });
      await applied('setRoleComment', { role: ['String!', 'own_role'], comment: ['String', 'ours'] });
      await setDefaults('creator_role', null, 'own_role', ['SELECT', 'UPDATE']);
      await setDefaults('creator_role', 'sales', 'own_role', ['INSERT']);
      await applied('grantOnAllTables', {
        schema: ['String!', 'sales'],
        grantee: ['String', 'writer_role'],
        privileges: ['[String!]!', ['SELECT']],
        andFuture: ['Boolean', true],
      });
    });
    expect(events.filter((event) => event.source === 'EXTERNAL')).toEqual([]);
    expect(events.map((event) => event.kind)).toEqual([
      'role.altered',
      'role.altered',
      'role.altered',
      'role.altered',
      'default_privileges.changed',
      'default_privileges.changed',
      'privileges.changed',
    ]);
  });

  it('renameRole and dropRole of a role with settings, a comment and default privileges, as creator and grantee', async () => {
    const events = await eventsDuring(async () => {
      await setRoleSetting('doomed', 'work_mem', '5MB');
      await setRoleSetting('doomed', 'work_mem', '6MB', true);
      await applied('setRoleComment', { role: ['String!', 'doomed'], comment: ['String', 'doomed'] });
      await setDefaults('doomed', null, 'reader_role', ['SELECT']);
      await setDefaults('creator_role', 'sales', 'doomed', ['SELECT']);
      expect((await mutate(admin, shopId, 'renameRole', { name: 'doomed', newName: 'doomed 2' })).__typename).toBe(
        'PermissionChange',
      );
      const dropped = await mutate(admin, shopId, 'dropRole', { name: 'doomed 2', reassignTo: 'boss' });
      expect(dropped.__typename, JSON.stringify(dropped)).toBe('PermissionChange');
    });
    expect(events.filter((event) => event.source === 'EXTERNAL')).toEqual([]);
    expect(events.map((event) => event.kind)).toEqual([
      ...['role.altered', 'role.altered', 'role.altered'],
      ...['default_privileges.changed', 'default_privileges.changed', 'role.renamed', 'role.dropped'],
    ]);
  });

  it('psql’s change to the same setting and entry in the same interval is still reported, with only what psql did', async () => {
    const events = await externalDuring(async () => {
      await setRoleSetting('own_role', 'work_mem', '10MB');
      await psql(`ALTER ROLE own_role SET work_mem = '11MB'`);
      await setDefaults('creator_role', null, 'own_role', ['SELECT']);
      await psql('ALTER DEFAULT PRIVILEGES FOR ROLE creator_role GRANT DELETE ON TABLES TO own_role', 'shop');
    });
    expect(events).toEqual(
      expect.arrayContaining([
        settingEvent('own_role', { name: 'work_mem', database: null, before: '10MB', after: '11MB' }),
        defaultsEvent('creator_role', null, 'TABLE', [change('own_role', { granted: ['DELETE'] })]),
      ]),
    );
    expect(events).toHaveLength(2);
  });
});

describe('the words Activity, toasts and `rolecall watch` give these events (web/src/lib/event-text.ts)', () => {
  it('a setting with its values, a comment, and what new objects will grant', async () => {
    await psql('CREATE ROLE words_role');
    await marker();
    const events = await externalDuring(async () => {
      await psql(`ALTER ROLE words_role IN DATABASE shop SET statement_timeout = '7s'`);
      await psql(`COMMENT ON ROLE words_role IS 'team bot'`);
      await psql(
        'ALTER DEFAULT PRIVILEGES FOR ROLE creator_role IN SCHEMA sales GRANT INSERT ON TABLES TO words_role',
        'shop',
      );
    });
    expect(events.map((event) => describeChange(event)).sort()).toEqual([
      'new tables of creator_role in sales: granted INSERT to words_role',
      'role words_role: comment set to “team bot”',
      'role words_role: statement_timeout in shop: set to 7s',
    ]);
    const more = await externalDuring(async () => {
      await psql(`ALTER ROLE words_role IN DATABASE shop SET statement_timeout = '9s'`);
      await psql('ALTER ROLE words_role IN DATABASE shop RESET statement_timeout');
      await psql('COMMENT ON ROLE words_role IS NULL');
    });
    // Both statements of one poll interval are one change: from before the first to after the second.
    expect(more.map((event) => describeChange(event)).sort()).toEqual([
      'role words_role: comment removed',
      'role words_role: statement_timeout in shop: reset (was 7s)',
    ]);
  });
});
