import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, testedPostgres } from './support/app.js';
import type { TestClient } from './support/client.js';
import { connect, createLoginRole, createManagedDatabase, ERROR_FIELDS, setupAdmin } from './support/fixtures.js';
import {
  type Act,
  actor,
  type Change,
  collaboratorThrough,
  eventCount,
  hasTablePrivilege,
  relationAcl,
} from './support/permissions.js';

/**
 * What a change promises its caller: applied with a preview's token, it runs only as previewed (else
 * CatalogChangedError, and nothing runs); its event carries what PostgreSQL did as typed fields; its notes are data.
 * - dba: LOGIN CREATEROLE, owns the database and schema `sales` with its tables;
 * - mia: member of `owners`, which owns `sales.ledger`; pat, gina: plain roles.
 */
let testApp: TestApp;
let admin: TestClient;
let shopId: string;
let dba: Act;
let mia: Act;

beforeAll(async () => {
  testApp = await startTestApp({ DRIFT_INTERVAL_MS: '300' });
  admin = testApp.client();
  await setupAdmin(admin);
  shopId = await connect(admin, testApp, await createManagedDatabase(testApp, 'shop', 'dba'));
  dba = actor(admin, shopId);
  const miaPassword = await createLoginRole(testApp, 'mia');
  await createLoginRole(testApp, 'pat');
  await createLoginRole(testApp, 'gina');
  await testApp.sql('CREATE ROLE owners NOLOGIN; GRANT owners TO mia; CREATE ROLE crew NOLOGIN');
  await testApp.sql(
    `SET ROLE dba;
     CREATE SCHEMA sales; CREATE TABLE sales.orders (id serial PRIMARY KEY); CREATE TABLE sales.items (id int);
     RESET ROLE;
     CREATE TABLE sales.ledger (n int); ALTER TABLE sales.ledger OWNER TO owners;
     GRANT USAGE ON SCHEMA sales TO owners, gina;`,
    [],
    'shop',
  );
  mia = actor(await collaboratorThrough(testApp, admin, shopId, 'mia_user', 'mia', miaPassword), shopId);
});

afterAll(async () => {
  await testApp?.stop();
});

const ORDERS = { kind: 'TABLE', schema: 'sales', name: 'orders' };
const LEDGER = { kind: 'TABLE', schema: 'sales', name: 'ledger' };

async function previewed(act: Act, mutation: Parameters<Act>[0], args: Record<string, unknown>): Promise<string> {
  const preview = await act(mutation, args, true);
  expect(preview, JSON.stringify(preview)).toMatchObject({ __typename: 'PermissionChange', dryRun: true });
  expect(preview.previewToken).toMatch(/^[\w-]{20,}$/);
  return preview.previewToken as string;
}

function expectCatalogChanged(change: Change): void {
  expect(change).toMatchObject({ __typename: 'CatalogChangedError', code: 'CATALOG_CHANGED' });
  expect(change.message).toMatch(/changed since this was previewed.*nothing was applied/);
}

describe('a change applied with its preview’s token', () => {
  it('applies when nothing it rests on changed, also after unrelated changes elsewhere', async () => {
    const grant = { object: ORDERS, grantee: 'pat', privileges: ['SELECT'] };
    const previewToken = await previewed(dba, 'grantPrivileges', grant);
    await testApp.sql('GRANT SELECT ON sales.items TO gina', [], 'shop');
    const applied = await dba('grantPrivileges', { ...grant, previewToken });
    expect(applied).toMatchObject({ __typename: 'PermissionChange', dryRun: false, previewToken: null });
    expect(await hasTablePrivilege(testApp, 'shop', 'pat', 'sales.orders', 'SELECT')).toBe(true);
  });

  it('is refused, before anything runs, when the object’s grants changed since the preview', async () => {
    const grant = { object: ORDERS, grantee: 'gina', privileges: ['INSERT'] };
    const previewToken = await previewed(dba, 'grantPrivileges', grant);
    await testApp.sql('GRANT UPDATE ON sales.orders TO pat', [], 'shop');
    const [events, acl] = [await eventCount(testApp), await relationAcl(testApp, 'shop', 'sales', 'orders')];
    expectCatalogChanged(await dba('grantPrivileges', { ...grant, previewToken }));
    expect(await relationAcl(testApp, 'shop', 'sales', 'orders')).toEqual(acl);
    expect(await eventCount(testApp)).toBe(events);
    // Previewed again, it applies.
    const again = await previewed(dba, 'grantPrivileges', grant);
    expect(await dba('grantPrivileges', { ...grant, previewToken: again })).toMatchObject({
      __typename: 'PermissionChange',
    });
  });

  it('says the catalog changed, instead of PostgreSQL’s refusal, when the acting role lost what the preview used', async () => {
    const grant = { object: LEDGER, grantee: 'pat', privileges: ['SELECT'] };
    const previewToken = await previewed(mia, 'grantPrivileges', grant);
    await testApp.sql('REVOKE owners FROM mia');
    try {
      expectCatalogChanged(await mia('grantPrivileges', { ...grant, previewToken }));
      // Without the token, PostgreSQL's own verdict.
      expect(await mia('grantPrivileges', grant)).toMatchObject({ __typename: 'PermissionDeniedError' });
      expect(await hasTablePrivilege(testApp, 'shop', 'pat', 'sales.ledger', 'SELECT')).toBe(false);
    } finally {
      await testApp.sql('GRANT owners TO mia');
    }
  });

  it('is refused when a membership two steps up from the acting role changed, and applies when one elsewhere did', async () => {
    const grant = { object: LEDGER, grantee: 'pat', privileges: ['SELECT'] };
    await testApp.sql('CREATE ROLE contract_auditors; CREATE ROLE contract_elsewhere');
    try {
      const previewToken = await previewed(mia, 'grantPrivileges', grant);
      // mia reaches owners; owners now reaches contract_auditors.
      await testApp.sql('GRANT contract_auditors TO owners');
      expectCatalogChanged(await mia('grantPrivileges', { ...grant, previewToken }));
      const again = await previewed(mia, 'grantPrivileges', grant);
      await testApp.sql('GRANT contract_elsewhere TO pat');
      expect(await mia('grantPrivileges', { ...grant, previewToken: again })).toMatchObject({
        __typename: 'PermissionChange',
      });
    } finally {
      await testApp.sql('REVOKE SELECT ON sales.ledger FROM pat', [], 'shop');
      await testApp.sql('DROP ROLE contract_auditors; DROP ROLE contract_elsewhere');
    }
  });

  it('is refused when a role it creates was created meanwhile, rather than failing as a duplicate', async () => {
    const previewToken = await previewed(dba, 'createRole', { input: { name: 'late_comer' } });
    await testApp.sql('CREATE ROLE late_comer');
    expectCatalogChanged(await dba('createRole', { input: { name: 'late_comer' }, previewToken }));
  });

  it('is refused when it is not the change that was previewed', async () => {
    const previewToken = await previewed(dba, 'grantPrivileges', {
      object: ORDERS,
      grantee: 'pat',
      privileges: ['DELETE'],
    });
    const other = { object: ORDERS, grantee: 'pat', privileges: ['TRUNCATE'], previewToken };
    expectCatalogChanged(await dba('grantPrivileges', other));
    expect(await hasTablePrivilege(testApp, 'shop', 'pat', 'sales.orders', 'TRUNCATE')).toBe(false);
  });
});

const EVENT_FIELDS = `cursor kind source
  ... on RoleEvent { role changes }
  ... on MembershipEvent { role members added removed }
  ... on PrivilegeEvent { object grantee revoked cascade aclBefore { grantee privileges grantable }
                          acl { grantee privileges grantable }
                          aclChanges { grantee granted revoked grantOptionGranted grantOptionRevoked } }
  ... on ObjectEvent { object objectKind owner }`;

/** The event a change recorded, read back through the API as its typed fields. */
async function eventOf(change: Change): Promise<Record<string, unknown>> {
  expect(change.__typename, JSON.stringify(change)).toBe('PermissionChange');
  const after = String(BigInt(change.eventId as string) + 1n);
  const page = await admin.field<{ events: Record<string, unknown>[] }>(
    `query($after: BigCursor) { auditLog(after: $after, first: 1) { ${ERROR_FIELDS} ... on EventPage { events { ${EVENT_FIELDS} } } } }`,
    { after },
  );
  expect(page.events[0]?.cursor).toBe(change.eventId);
  return page.events[0] as Record<string, unknown>;
}

describe('events say what PostgreSQL did, as typed fields', () => {
  it('a role’s attributes as ALTER ROLE changed them', async () => {
    await testApp.sql('SET ROLE dba; CREATE ROLE tuned NOLOGIN; RESET ROLE');
    const event = await eventOf(
      await dba('alterRole', { name: 'tuned', attributes: { login: true, connectionLimit: 3 } }),
    );
    expect(event).toMatchObject({ kind: 'role.altered', role: 'tuned' });
    expect(event.changes).toEqual(['LOGIN', 'CONNECTION LIMIT 3']);
  });

  it('who a members edit added and removed', async () => {
    await testApp.sql('GRANT crew TO dba WITH ADMIN OPTION; SET ROLE dba; GRANT crew TO gina; RESET ROLE');
    const members = [{ member: 'dba', admin: true }, { member: 'pat' }];
    const event = await eventOf(await dba('setGroupMembers', { role: 'crew', members }));
    expect(event).toMatchObject({ kind: 'members.set', role: 'crew', members: ['dba', 'pat'], added: ['pat'] });
    expect(event.removed).toEqual(['gina']);
  });

  it('each grantee’s losses, those CASCADE took included, from the ACL before and after', async () => {
    await dba('grantPrivileges', {
      object: ORDERS,
      grantee: 'gina',
      privileges: ['REFERENCES'],
      withGrantOption: true,
    });
    await testApp.sql('SET ROLE gina; GRANT REFERENCES ON sales.orders TO pat', [], 'shop');
    const event = await eventOf(
      await dba('revokePrivileges', { object: ORDERS, grantee: 'gina', privileges: ['REFERENCES'], cascade: true }),
    );
    expect(event).toMatchObject({ kind: 'privileges.changed', object: 'sales.orders', grantee: 'gina' });
    expect(event.aclBefore).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ grantee: 'pat', privileges: expect.arrayContaining(['REFERENCES']) }),
      ]),
    );
    const lost = (grantee: string) =>
      (event.aclChanges as { grantee: string; revoked: string[] }[]).find((change) => change.grantee === grantee);
    expect(lost('gina')?.revoked).toEqual(['REFERENCES']);
    expect(lost('pat')?.revoked).toEqual(['REFERENCES']);
  });

  it('the object’s ACL before and after, each grantee by the name PostgreSQL gives it as the change runs', async () => {
    await testApp.sql('CREATE ROLE acl_reader');
    await testApp.sql(
      `SET ROLE dba; CREATE TABLE sales.notes (n int); GRANT SELECT ON sales.notes TO PUBLIC; RESET ROLE;
       GRANT SELECT ON sales.notes TO acl_reader`,
      [],
      'shop',
    );
    // Renamed in psql just before: the event names it as it is now.
    await testApp.sql('ALTER ROLE acl_reader RENAME TO acl_renamed');
    const notes = { kind: 'TABLE', schema: 'sales', name: 'notes' };
    const event = await eventOf(
      await dba('grantPrivileges', { object: notes, grantee: 'pat', privileges: ['INSERT'] }),
    );
    type Entry = { grantee: string; privileges: string[] };
    const held = (acl: unknown) =>
      Object.fromEntries((acl as Entry[]).map((entry) => [entry.grantee, entry.privileges]));
    const before = held(event.aclBefore);
    expect(Object.keys(before).sort()).toEqual(['PUBLIC', 'acl_renamed', 'dba']);
    expect(before).toMatchObject({ PUBLIC: ['SELECT'], acl_renamed: ['SELECT'] });
    expect(held(event.acl)).toEqual({ ...before, pat: ['INSERT'] });
    expect(event.aclChanges).toEqual([
      { grantee: 'pat', granted: ['INSERT'], revoked: [], grantOptionGranted: [], grantOptionRevoked: [] },
    ]);
  });

  it('what one grantee gained, in each event psql’s grant to several grantees is reported as', async () => {
    await testApp.sql('CREATE ROLE psql_one; CREATE ROLE psql_two');
    await testApp.sql('GRANT SELECT ON sales.items TO psql_one, psql_two', [], 'shop');
    const external = async () =>
      (
        await admin.field<{ events: Record<string, unknown>[] }>(
          `{ auditLog(kinds: ["privileges.changed"], object: "sales.items", first: 10) { ${ERROR_FIELDS}
            ... on EventPage { events { source ${EVENT_FIELDS} } } } }`,
        )
      ).events.filter((event) => event.source === 'EXTERNAL' && String(event.grantee).startsWith('psql_'));
    await expect.poll(async () => (await external()).length, { timeout: 15_000 }).toBe(2);
    for (const event of await external())
      expect(event.aclChanges).toEqual([
        {
          grantee: event.grantee,
          granted: ['SELECT'],
          revoked: [],
          grantOptionGranted: [],
          grantOptionRevoked: [],
        },
      ]);
  });

  it('a created schema as an object like any other', async () => {
    const event = await eventOf(await dba('createSchema', { name: 'typed' }));
    expect(event).toMatchObject({ kind: 'schema.created', object: 'typed', objectKind: 'SCHEMA', owner: 'dba' });
  });

  it('no event type carries a free-form payload any more', async () => {
    const type = await admin.field<{ fields: { name: string }[] }>('{ __type(name: "Event") { fields { name } } }');
    expect(type.fields.map((field) => field.name)).not.toContain('details');
  });
});

describe('notes on memberships are data', () => {
  it(
    testedPostgres.membershipOptions
      ? 'a member whose membership another grantor made stays, named with that grantor'
      : 'PostgreSQL 15: a member whose membership another grantor made goes, with no note (any grantor may revoke)',
    async () => {
      await testApp.sql('CREATE ROLE squad NOLOGIN; GRANT squad TO dba WITH ADMIN OPTION; GRANT squad TO gina');
      const members = [{ member: 'dba', admin: true }, { member: 'pat' }];
      const change = await dba('setGroupMembers', { role: 'squad', members }, true);
      expect(change.sql).toContain('REVOKE "squad" FROM "gina"');
      if (!testedPostgres.membershipOptions) {
        expect(change.notes).toEqual([]);
        return;
      }
      expect(change.notes).toEqual([
        {
          code: 'MEMBERSHIP_REMAINS',
          grantee: 'gina',
          object: 'squad',
          subjects: [],
          grantor: 'postgres',
          fixOption: null,
        },
      ]);
    },
  );
});
