import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAcl } from '../src/catalog/acl-text.js';
import type { AclItem } from '../src/catalog/objects.js';
import { relations, schemas } from '../src/catalog/objects.js';
import type { EmbeddedCluster } from '../src/embedded/cluster.js';
import { startTestCluster, testedPostgres } from './support/cluster.js';

/** Names aclitemout must quote (or not), each a role that is granted something. */
const NAMES = [
  'plain',
  'Upper',
  'with space',
  'quote"inside',
  '""',
  'eq=slash/star*',
  'comma,brace{}',
  'back\\slash',
  'ünïcödé',
  '🔑 key',
  '16384',
  'x'.repeat(63),
  "'; DROP ROLE plain; --",
];

/** What the server's version knows (MAINTAIN from 17 on), as the catalog reader is given it. */
const TABLE_PRIVILEGES = testedPostgres.tablePrivileges;
const SEQUENCE_PRIVILEGES = ['USAGE', 'SELECT', 'UPDATE'];

const key = (item: AclItem) => `${item.grantor}|${item.grantee}|${item.privilege_type}|${item.is_grantable}`;
const keys = (items: AclItem[]) => items.map(key).sort();

let cluster: EmbeddedCluster;
let client: pg.Client;
let roleOids: Map<string, number>;

beforeAll(async () => {
  cluster = await startTestCluster();
  client = new pg.Client({ connectionString: cluster.url('postgres') });
  await client.connect();
  const ident = async (name: string) =>
    (await client.query<{ q: string }>('SELECT quote_ident($1) AS q', [name])).rows[0]?.q as string;
  await client.query('CREATE SCHEMA "odd schema"; CREATE TABLE "odd schema"."t=1/2" (id serial)');
  for (const [index, name] of NAMES.entries()) {
    const role = await ident(name);
    await client.query(`CREATE ROLE ${role}`);
    const grant = index % 2 === 0 ? ' WITH GRANT OPTION' : '';
    await client.query(`GRANT SELECT, UPDATE ON "odd schema"."t=1/2" TO ${role}${grant}`);
    await client.query(`GRANT USAGE ON SCHEMA "odd schema" TO ${role}${grant}`);
  }
  // A grant made by a hostile-named grantor, and one to PUBLIC.
  const grantor = await ident('quote"inside');
  await client.query(`ALTER TABLE "odd schema"."t=1/2" OWNER TO ${grantor}`);
  await client.query(`GRANT TRIGGER ON "odd schema"."t=1/2" TO PUBLIC`);
  const { rows } = await client.query<{ rolname: string; oid: number }>(
    'SELECT rolname, oid::int AS oid FROM pg_roles',
  );
  roleOids = new Map(rows.map((row) => [row.rolname, row.oid]));
}, 60_000);

afterAll(async () => {
  await client?.end();
  await cluster?.stop();
});

describe('reading ACLs as aclitem text', () => {
  it('decodes every item exactly as aclexplode explodes it, whatever the role names', async () => {
    const { rows } = await client.query<{ acl_text: string; exploded: AclItem[] }>(
      `SELECT array_to_string(c.relacl::text[], ',') AS acl_text,
              (SELECT json_agg(json_build_object('grantor', a.grantor::int, 'grantee', a.grantee::int,
                       'privilege_type', a.privilege_type, 'is_grantable', a.is_grantable))
                 FROM aclexplode(c.relacl) a) AS exploded
         FROM pg_class c WHERE c.oid = '"odd schema"."t=1/2"'::regclass`,
    );
    const [row] = rows;
    expect(row?.exploded.length).toBeGreaterThan(NAMES.length * 2);
    const decoded = decodeAcl(row?.acl_text ?? '', (name) => roleOids.get(name));
    expect(decoded && keys(decoded)).toEqual(keys(row?.exploded ?? []));
  });

  it('reads relations and schemas the same as text and exploded', async () => {
    const oids = Promise.resolve(roleOids);
    const [asText, exploded] = await Promise.all([
      relations(client, TABLE_PRIVILEGES, SEQUENCE_PRIVILEGES, undefined, oids),
      relations(client, TABLE_PRIVILEGES, SEQUENCE_PRIVILEGES),
    ]);
    expect(asText.map((relation) => relation.relname)).toEqual(['t=1/2', 't=1/2_id_seq']);
    expect(asText.map((relation) => ({ ...relation, acl: keys(relation.acl) }))).toEqual(
      exploded.map((relation) => ({ ...relation, acl: keys(relation.acl) })),
    );
    const [schemasAsText, schemasExploded] = await Promise.all([
      schemas(client, ['USAGE', 'CREATE'], oids),
      schemas(client, ['USAGE', 'CREATE']),
    ]);
    expect(schemasAsText.map((schema) => ({ ...schema, acl: keys(schema.acl) }))).toEqual(
      schemasExploded.map((schema) => ({ ...schema, acl: keys(schema.acl) })),
    );
  });

  it('falls back to exploding when an ACL names a role created after the roles were read', async () => {
    const stale = new Map([...roleOids].filter(([name]) => name !== 'with space'));
    const found = await relations(client, TABLE_PRIVILEGES, SEQUENCE_PRIVILEGES, undefined, Promise.resolve(stale));
    const table = found.find((relation) => relation.relname === 't=1/2');
    expect(table?.acl.some((item) => item.grantee === roleOids.get('with space'))).toBe(true);
  });

  it('reads PUBLIC, grant options and quoted grantors', () => {
    const oidOf = (name: string) => ({ alice: 10, 'o"wner': 20 })[name];
    expect(decodeAcl('=r*w/"o""wner"', oidOf)).toEqual([
      { grantor: 20, grantee: 0, privilege_type: 'SELECT', is_grantable: true },
      { grantor: 20, grantee: 0, privilege_type: 'UPDATE', is_grantable: false },
    ]);
    expect(decodeAcl('alice=/alice', oidOf)).toEqual([]);
    expect(decodeAcl('', oidOf)).toEqual([]);
    expect(decodeAcl('bob=r/alice', oidOf)).toBeNull();
    expect(() => decodeAcl('alice=q/alice', oidOf)).toThrow(/unknown privilege letter/);
  });

  it('reads items joined with commas, commas and equals signs inside quoted names included', () => {
    const oidOf = (name: string) => ({ alice: 10, 'a,b=c/d': 30, 'o"wner': 20 })[name];
    expect(decodeAcl('alice=a/alice,"a,b=c/d"=r*/"o""wner",=U/"a,b=c/d"', oidOf)).toEqual([
      { grantor: 10, grantee: 10, privilege_type: 'INSERT', is_grantable: false },
      { grantor: 20, grantee: 30, privilege_type: 'SELECT', is_grantable: true },
      { grantor: 30, grantee: 0, privilege_type: 'USAGE', is_grantable: false },
    ]);
    expect(() => decodeAcl('alice=r/"alice";alice=w/alice', oidOf)).toThrow(/malformed/);
  });
});
