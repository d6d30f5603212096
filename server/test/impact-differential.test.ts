import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, testedPostgres } from './support/app.js';
import type { TestClient } from './support/client.js';
import { connect, createManagedDatabase, setupAdmin } from './support/fixtures.js';
import { changeWithImpact, type Impact } from './support/impact.js';
import { below, chance, pick, prng, type Rng, some } from './support/random.js';

/**
 * The impact a preview predicts equals what PostgreSQL reports once the change is applied: for random role graphs
 * and random changes made through the API, has_*_privilege for every role, object and privilege before and after.
 */

const SEED = Number(process.env.IMPACT_SEED ?? Date.now() % 100_000);
const GRAPHS = 8;
const CHANGES_PER_GRAPH = 12;
const ROLES = 7;

let testApp: TestApp;
let admin: TestClient;
let dbId: string;

const TABLE_PRIVILEGES = [
  'SELECT',
  'INSERT',
  'UPDATE',
  'DELETE',
  'TRUNCATE',
  'REFERENCES',
  'TRIGGER',
  ...(testedPostgres.version >= 17 ? ['MAINTAIN'] : []),
];
const COLUMN_PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'REFERENCES'];

beforeAll(async () => {
  // Every group of a change's impact is compared, which asks for more than the default query cost allows.
  testApp = await startTestApp({ ROLECALL_MAX_QUERY_COST: '100000' });
  admin = testApp.client();
  await setupAdmin(admin);
  const db = await createManagedDatabase(testApp, 'impdiff', 'imd_dba');
  // The admin's role may make every change asked: what PostgreSQL does with it is what is checked.
  await testApp.sql('ALTER ROLE imd_dba SUPERUSER');
  dbId = await connect(admin, testApp, db);
});

afterAll(async () => {
  await testApp?.stop();
});

interface Lab {
  prefix: string;
  roles: string[];
  schema: string;
}

const q = (name: string) => `"${name}"`;

/**
 * What the comparison reads, of every group: a random change may move more than the 50 groups listed by default.
 */
const COMPARED_IMPACT = `impact {
  privilegeGroupCount
  privilegeGroups(first: 250) { direction privilege grantOptionOnly object { kind schema name label } roles { role } }
  membershipGroups { direction role roleCount members { role } }
}`;

/** A random graph: memberships with and without INHERIT, owners, grants with grant options down chains, PUBLIC. */
function graphScript(rng: Rng, lab: Lab): string[] {
  const { roles, schema } = lab;
  const lines: string[] = roles.map((role) => `CREATE ROLE ${q(role)}${chance(rng, 0.3) ? ' NOINHERIT' : ''}`);
  for (let i = 1; i < roles.length; i++)
    for (let j = 0; j < i; j++) {
      if (!chance(rng, 0.3)) continue;
      const inherit = testedPostgres.membershipOptions ? ` WITH INHERIT ${chance(rng, 0.75) ? 'TRUE' : 'FALSE'}` : '';
      lines.push(`GRANT ${q(roles[j] as string)} TO ${q(roles[i] as string)}${inherit}`);
    }
  const owner = () => q(pick(rng, roles));
  lines.push(`CREATE SCHEMA ${q(schema)} AUTHORIZATION ${owner()}`);
  lines.push(`CREATE TABLE ${q(schema)}.t0 (a int, b int)`, `CREATE TABLE ${q(schema)}.t1 (a int, b int)`);
  lines.push(
    `CREATE SEQUENCE ${q(schema)}.s0`,
    `CREATE FUNCTION ${q(schema)}.f0() RETURNS int LANGUAGE sql AS 'SELECT 1'`,
  );
  for (const object of ['TABLE t0', 'TABLE t1', 'SEQUENCE s0', 'FUNCTION f0()'])
    lines.push(`ALTER ${object.split(' ')[0]} ${q(schema)}.${object.split(' ')[1]} OWNER TO ${owner()}`);
  return lines;
}

/** Grants made as their object's owner or as a grantee holding the grant option: chains CASCADE follows. */
function grantScript(rng: Rng, lab: Lab): string[] {
  const { roles, schema } = lab;
  const lines: string[] = [];
  for (let n = 0; n < 14; n++) {
    const target = pick(rng, ['t0', 't1', 'col', 's0', 'schema', 'f0']);
    const toPublic = chance(rng, 0.15);
    const grantee = () => (toPublic ? 'PUBLIC' : q(pick(rng, roles)));
    const option = !toPublic && chance(rng, 0.4) ? ' WITH GRANT OPTION' : '';
    const as = chance(rng, 0.5) ? pick(rng, roles) : null;
    const statement =
      target === 'schema'
        ? `GRANT ${some(rng, ['USAGE', 'CREATE']).join(', ')} ON SCHEMA ${q(schema)} TO ${grantee()}${option}`
        : target === 'f0'
          ? `GRANT EXECUTE ON FUNCTION ${q(schema)}.f0() TO ${grantee()}${option}`
          : target === 's0'
            ? `GRANT ${some(rng, ['USAGE', 'SELECT', 'UPDATE']).join(', ')} ON SEQUENCE ${q(schema)}.s0 TO ${grantee()}${option}`
            : target === 'col'
              ? `GRANT ${pick(rng, COLUMN_PRIVILEGES)} (${pick(rng, ['a', 'b'])}) ON ${q(schema)}.t0 TO ${grantee()}${option}`
              : `GRANT ${some(rng, TABLE_PRIVILEGES).join(', ')} ON ${q(schema)}.${target} TO ${grantee()}${option}`;
    // As a role that may lack the grant option: PostgreSQL then warns and grants nothing, or fails; either is fine.
    lines.push(
      as ? `DO $$ BEGIN SET LOCAL ROLE ${q(as)}; ${statement}; EXCEPTION WHEN OTHERS THEN NULL; END $$` : statement,
    );
  }
  return lines;
}

/** Every role's privileges on every object of the lab, as PostgreSQL answers: "role|object|privilege" → held, grantable. */
async function privileges(lab: Lab): Promise<Map<string, { held: boolean; grantable: boolean }>> {
  const rows = await testApp.sql<{
    rolname: string;
    label: string;
    privilege: string;
    held: boolean;
    grantable: boolean;
  }>(
    `WITH r AS (SELECT rolname AS oid, rolname FROM pg_roles WHERE rolname LIKE $1 UNION ALL SELECT 'public', 'public'),
     checks AS (
       SELECT r.rolname, 'schema ' || s AS label, p AS privilege,
              has_schema_privilege(r.oid, quote_ident(s), p) AS held,
              has_schema_privilege(r.oid, quote_ident(s), p || ' WITH GRANT OPTION') AS grantable
         FROM r, unnest(ARRAY[$2, 'public']) s, unnest(ARRAY['USAGE', 'CREATE']) p
       UNION ALL
       SELECT r.rolname, 'database ' || current_database(), p,
              has_database_privilege(r.oid, current_database(), p),
              has_database_privilege(r.oid, current_database(), p || ' WITH GRANT OPTION')
         FROM r, unnest(ARRAY['CONNECT', 'TEMPORARY', 'CREATE']) p
       UNION ALL
       SELECT r.rolname, $2 || '.' || t, p, has_table_privilege(r.oid, format('%I.%I', $2, t), p),
              has_table_privilege(r.oid, format('%I.%I', $2, t), p || ' WITH GRANT OPTION')
         FROM r, unnest(ARRAY['t0', 't1']) t, unnest($3::text[]) p
       UNION ALL
       SELECT r.rolname, $2 || '.t0(' || c || ')', p, has_column_privilege(r.oid, format('%I.t0', $2), c, p),
              has_column_privilege(r.oid, format('%I.t0', $2), c, p || ' WITH GRANT OPTION')
         FROM r, unnest(ARRAY['a', 'b']) c, unnest($4::text[]) p
       UNION ALL
       SELECT r.rolname, $2 || '.s0', p, has_sequence_privilege(r.oid, format('%I.s0', $2), p),
              has_sequence_privilege(r.oid, format('%I.s0', $2), p || ' WITH GRANT OPTION')
         FROM r, unnest(ARRAY['USAGE', 'SELECT', 'UPDATE']) p
       UNION ALL
       SELECT r.rolname, $2 || '.f0()', 'EXECUTE', has_function_privilege(r.oid, format('%I.f0()', $2), 'EXECUTE'),
              has_function_privilege(r.oid, format('%I.f0()', $2), 'EXECUTE WITH GRANT OPTION')
         FROM r)
     SELECT * FROM checks`,
    [`${lab.prefix}%`, lab.schema, TABLE_PRIVILEGES, COLUMN_PRIVILEGES],
    'impdiff',
  );
  return new Map(rows.map((row) => [`${row.rolname}|${row.label}|${row.privilege}`, row]));
}

/** The roles whose privileges a lab role may gain or lose besides the lab's own. */
const PREDEFINED_GROUPS = ['pg_read_all_data', 'pg_write_all_data', 'pg_database_owner'];

/** Which lab role has the privileges of which other role (pg_has_role USAGE): "member|role", those that do. */
async function memberships(lab: Lab): Promise<Set<string>> {
  const rows = await testApp.sql<{ member: string; role: string }>(
    `SELECT m.rolname AS member, g.rolname AS role
       FROM pg_roles m, pg_roles g
      WHERE m.rolname LIKE $1 AND (g.rolname LIKE $1 OR g.rolname = ANY($2::text[])) AND m.oid <> g.oid
        AND pg_has_role(m.oid, g.oid, 'USAGE')`,
    [`${lab.prefix}%`, PREDEFINED_GROUPS],
    'impdiff',
  );
  return new Set(rows.map((row) => `${row.member}|${row.role}`));
}

/** What PostgreSQL's answers moved: "LOSS|role|object|privilege", "+option" for the grant option alone. */
function moved(
  before: Map<string, { held: boolean; grantable: boolean }>,
  after: Map<string, { held: boolean; grantable: boolean }>,
): Set<string> {
  const found = new Set<string>();
  for (const [key, was] of before) {
    const is = after.get(key);
    // PUBLIC is read only to know what a dropped role held as everyone does.
    if (key.startsWith('public|')) continue;
    // A role dropped has no answer after: it is checked through the impact's own list of it (see below).
    if (!is) continue;
    if (was.held !== is.held) found.add(`${was.held ? 'LOSS' : 'GAIN'}|${key}`);
    else if (was.grantable !== is.grantable) found.add(`${was.grantable ? 'LOSS' : 'GAIN'}|${key}+option`);
  }
  return found;
}

/** A predefined role's privilege on every object of a kind, as the impact tells it ("every tables and views (…)"). */
const EVERY = /^every .* \((pg_\w+)\)$/;

/** The impact's predictions in the same words, for the lab's roles and objects (predefined roles' apart). */
function predicted(impact: Impact, lab: Lab): Set<string> {
  const found = new Set<string>();
  for (const group of impact.privilegeGroups)
    for (const role of group.roles) {
      if (!role.role.startsWith(lab.prefix) || EVERY.test(group.object.label)) continue;
      const label =
        group.object.kind === 'FUNCTION' ? `${group.object.schema}.${group.object.name}()` : group.object.label;
      found.add(`${group.direction}|${role.role}|${label}|${group.privilege}${group.grantOptionOnly ? '+option' : ''}`);
    }
  return found;
}

/** The lab's objects of a kind a predefined role's privilege reaches, by the labels privileges() gives them. */
function objectsOfKind(kind: string, lab: Lab): string[] {
  if (kind === 'SCHEMA') return [`schema ${lab.schema}`, 'schema public'];
  if (kind === 'SEQUENCE') return [`${lab.schema}.s0`];
  return [`${lab.schema}.t0`, `${lab.schema}.t1`, `${lab.schema}.t0(a)`, `${lab.schema}.t0(b)`];
}

/**
 * What the impact says comes or goes with a predefined role, on every object of a kind: "DIRECTION|role|object|
 * privilege" for each lab object it reaches (a column by its table's privilege).
 */
function predefinedPredictions(impact: Impact, lab: Lab): string[] {
  const found: string[] = [];
  for (const group of impact.privilegeGroups) {
    if (!EVERY.test(group.object.label)) continue;
    for (const role of group.roles) {
      if (!role.role.startsWith(lab.prefix)) continue;
      for (const object of objectsOfKind(group.object.kind, lab))
        if (!object.includes('(') || COLUMN_PRIVILEGES.includes(group.privilege))
          found.push(`${group.direction}|${role.role}|${object}|${group.privilege}`);
    }
  }
  return found;
}

/** The impact's membership groups as "DIRECTION|member|role", for the lab's members. */
function predictedMemberships(impact: Impact, lab: Lab): Set<string> {
  const found = new Set<string>();
  for (const group of impact.membershipGroups) {
    expect(group.roleCount).toBe(group.members.length);
    for (const member of group.members)
      if (member.role.startsWith(lab.prefix)) found.add(`${group.direction}|${member.role}|${group.role}`);
  }
  return found;
}

/** What pg_has_role's answers moved, as "DIRECTION|member|role"; a dropped role lost every role it had. */
function movedMemberships(before: Set<string>, after: Set<string>): Set<string> {
  const found = new Set<string>();
  for (const pair of before) if (!after.has(pair)) found.add(`LOSS|${pair}`);
  for (const pair of after) if (!before.has(pair)) found.add(`GAIN|${pair}`);
  return found;
}

/**
 * A column's change PostgreSQL reports may be told on its table (a table's grant reaches every column): the same
 * change, or the privilege itself where the column keeps it through a grant of its own but loses the grant option.
 */
function toldOnTable(entry: string, told: Set<string>): boolean {
  const match = /^(\w+)\|([^|]+)\|(.+)\.t0\((a|b)\)\|(.+)$/.exec(entry);
  if (!match) return false;
  const [, direction, role, schema, , rest = ''] = match;
  const table = `${direction}|${role}|${schema}.t0|`;
  return told.has(table + rest) || told.has(table + rest.replace('+option', ''));
}

type Change = { mutation: string; types: Record<string, string>; args: Record<string, unknown>; describe: string };

const OBJECT = { object: 'ObjectRef!' };

function objectRef(rng: Rng, lab: Lab): { ref: Record<string, unknown>; privileges: string[] } {
  switch (pick(rng, ['table', 'table', 'column', 'schema', 'sequence', 'function', 'database'])) {
    case 'database':
      return { ref: { kind: 'DATABASE' }, privileges: ['CONNECT', 'TEMPORARY', 'CREATE'] };
    case 'column':
      return {
        ref: { kind: 'COLUMN', schema: lab.schema, name: 't0', column: pick(rng, ['a', 'b']) },
        privileges: COLUMN_PRIVILEGES,
      };
    case 'schema':
      return { ref: { kind: 'SCHEMA', name: lab.schema }, privileges: ['USAGE', 'CREATE'] };
    case 'sequence':
      return { ref: { kind: 'SEQUENCE', schema: lab.schema, name: 's0' }, privileges: ['USAGE', 'SELECT', 'UPDATE'] };
    case 'function':
      return { ref: { kind: 'FUNCTION', schema: lab.schema, name: 'f0', arguments: '' }, privileges: ['EXECUTE'] };
    default:
      return {
        ref: { kind: 'TABLE', schema: lab.schema, name: pick(rng, ['t0', 't1']) },
        privileges: TABLE_PRIVILEGES,
      };
  }
}

/** The lab's direct memberships, [role, member], the predefined roles' included: what a revoke can take back. */
async function grantedMemberships(lab: Lab): Promise<[string, string][]> {
  const rows = await testApp.sql<{ role: string; member: string }>(
    `SELECT g.rolname AS role, m.rolname AS member
       FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
      WHERE m.rolname LIKE $1 AND (g.rolname LIKE $1 OR g.rolname = ANY($2::text[]))
      ORDER BY 1, 2`,
    [`${lab.prefix}%`, PREDEFINED_GROUPS],
    'impdiff',
  );
  return rows.map((row) => [row.role, row.member]);
}

function randomChange(rng: Rng, lab: Lab, alive: string[], granted: [string, string][]): Change {
  const predefinedGranted = granted.filter(([role]) => !role.startsWith(lab.prefix));
  const labGranted = granted.filter(([role]) => role.startsWith(lab.prefix));
  const role = () => pick(rng, alive);
  const grantee = () => (chance(rng, 0.1) ? null : role());
  const { ref, privileges } = objectRef(rng, lab);
  switch (below(rng, 13)) {
    case 11: {
      const predefined = pick(rng, ['pg_read_all_data', 'pg_write_all_data']);
      // A revoke takes back a membership there is (when there is one): most random pairs have none.
      const revoked = predefinedGranted.length > 0 && chance(rng, 0.5) ? pick(rng, predefinedGranted) : null;
      return !revoked
        ? {
            mutation: 'grantMembership',
            types: { role: 'String!', membership: 'MembershipInput!' },
            args: { role: predefined, membership: { member: role(), inherit: chance(rng, 0.8) } },
            describe: 'grant predefined role',
          }
        : {
            mutation: 'revokeMembership',
            types: { role: 'String!', member: 'String!' },
            args: { role: revoked[0], member: revoked[1] },
            describe: 'revoke predefined role',
          };
    }
    case 12:
      return {
        mutation: 'transferOwnership',
        types: { ...OBJECT, newOwner: 'String!' },
        args: { object: { kind: 'DATABASE' }, newOwner: role() },
        describe: 'transfer the database',
      };
    case 0:
      return {
        mutation: 'grantPrivileges',
        types: { ...OBJECT, grantee: 'String', privileges: '[String!]!', withGrantOption: 'Boolean' },
        args: { object: ref, grantee: grantee(), privileges: some(rng, privileges), withGrantOption: chance(rng, 0.4) },
        describe: 'grant',
      };
    case 1:
    case 2:
      return {
        mutation: 'revokePrivileges',
        types: {
          ...OBJECT,
          grantee: 'String',
          privileges: '[String!]!',
          cascade: 'Boolean',
          grantOptionOnly: 'Boolean',
        },
        args: {
          object: ref,
          grantee: grantee(),
          // Every privilege of the kind half the time: a revoke of what the grantee lacks changes nothing, and is skipped.
          privileges: chance(rng, 0.5) ? privileges : some(rng, privileges),
          cascade: chance(rng, 0.6),
          grantOptionOnly: chance(rng, 0.3),
        },
        describe: 'revoke',
      };
    case 3:
      return {
        mutation: 'grantMembership',
        types: { role: 'String!', membership: 'MembershipInput!' },
        args: { role: role(), membership: { member: role(), inherit: chance(rng, 0.7) } },
        describe: 'grant membership',
      };
    case 4: {
      const [of, member] = labGranted.length > 0 ? pick(rng, labGranted) : [role(), role()];
      return {
        mutation: 'revokeMembership',
        types: { role: 'String!', member: 'String!' },
        args: { role: of, member },
        describe: 'revoke membership',
      };
    }
    case 5:
      return {
        mutation: 'setGroupMembers',
        types: { role: 'String!', members: '[MembershipInput!]!' },
        args: {
          role: role(),
          members: alive.filter(() => chance(rng, 0.3)).map((member) => ({ member, inherit: chance(rng, 0.7) })),
        },
        describe: 'set group members',
      };
    case 6:
      return {
        mutation: 'transferOwnership',
        types: { ...OBJECT, newOwner: 'String!' },
        args: { object: ref.kind === 'COLUMN' ? { ...ref, kind: 'TABLE', column: undefined } : ref, newOwner: role() },
        describe: 'transfer ownership',
      };
    case 7:
      return {
        mutation: 'alterRole',
        types: { name: 'String!', attributes: 'RoleAttributesInput!' },
        args: {
          name: role(),
          attributes: chance(rng, 0.5) ? { inherit: chance(rng, 0.5) } : { login: chance(rng, 0.5) },
        },
        describe: 'alter role',
      };
    case 8:
      return {
        mutation: 'dropRole',
        types: { name: 'String!', reassignTo: 'String' },
        args: { name: alive[0], reassignTo: pick(rng, alive.slice(1)) },
        describe: 'drop role',
      };
    case 9:
      return {
        mutation: 'setPrivileges',
        types: { ...OBJECT, grants: '[DesiredGrantInput!]!', cascade: 'Boolean' },
        args: {
          object: ref,
          grants: [{ grantee: grantee(), privileges: chance(rng, 0.3) ? [] : some(rng, privileges), grantable: [] }],
          cascade: true,
        },
        describe: 'set privileges',
      };
    default:
      return {
        mutation: 'setDefaultPrivileges',
        types: {
          creator: 'String',
          schema: 'String',
          kind: 'DefaultedObjectKind!',
          grants: '[DesiredDefaultGrantInput!]!',
        },
        args: {
          creator: role(),
          schema: lab.schema,
          kind: 'TABLE',
          grants: [{ grantee: grantee(), privileges: some(rng, TABLE_PRIVILEGES) }],
        },
        describe: 'default privileges',
      };
  }
}

/** Each role's privileges on a table the creator makes now, as "role|privilege" → held, grantable. */
async function newTablePrivileges(lab: Lab, creator: string, name: string) {
  await testApp.sql(
    `GRANT CREATE ON SCHEMA ${q(lab.schema)} TO ${q(creator)}; SET ROLE ${q(creator)};
     CREATE TABLE ${q(lab.schema)}.${q(name)} (a int); RESET ROLE`,
    [],
    'impdiff',
  );
  const rows = await testApp.sql<{ rolname: string; privilege: string; held: boolean; grantable: boolean }>(
    `SELECT r.rolname, p AS privilege, has_table_privilege(r.oid, format('%I.%I', $2::text, $3::text), p) AS held,
            has_table_privilege(r.oid, format('%I.%I', $2::text, $3::text), p || ' WITH GRANT OPTION') AS grantable
       FROM pg_roles r, unnest($4::text[]) p WHERE r.rolname LIKE $1`,
    [`${lab.prefix}%`, lab.schema, name, TABLE_PRIVILEGES],
    'impdiff',
  );
  await testApp.sql(`DROP TABLE ${q(lab.schema)}.${q(name)}`, [], 'impdiff');
  return new Map(rows.map((row) => [`${row.rolname}|new|${row.privilege}`, row]));
}

describe('the impact of a change, checked against PostgreSQL', () => {
  it('predicts exactly the privileges PostgreSQL grants and takes away, for random graphs and changes', async () => {
    let checked = 0;
    const checkedByKind = new Map<string, number>();
    for (let graph = 0; graph < GRAPHS; graph++) {
      const rng = prng(SEED * 31 + graph);
      const prefix = `imd${SEED}_${graph}_`;
      const lab: Lab = {
        prefix,
        roles: Array.from({ length: ROLES }, (_, i) => `${prefix}r${i}`),
        schema: `${prefix}s`,
      };
      for (const line of graphScript(rng, lab)) await testApp.sql(line, [], 'impdiff');
      for (const line of grantScript(rng, lab)) await testApp.sql(line, [], 'impdiff');
      const alive = [...lab.roles];
      for (let n = 0; n < CHANGES_PER_GRAPH; n++) {
        const change = randomChange(rng, lab, alive, await grantedMemberships(lab));
        const context = `seed ${SEED}, graph ${graph}, change ${n}: ${change.describe} ${JSON.stringify(change.args)}`;
        const defaults = change.mutation === 'setDefaultPrivileges';
        const creator = String(change.args.creator);
        const before = defaults ? await newTablePrivileges(lab, creator, `n${n}a`) : await privileges(lab);
        const membersBefore = await memberships(lab);
        const preview = await changeWithImpact(
          admin,
          change.mutation,
          change.types,
          { databaseId: dbId, ...change.args, dryRun: true },
          COMPARED_IMPACT,
        );
        if (preview.__typename !== 'PermissionChange') continue;
        const applied = await changeWithImpact(admin, change.mutation, change.types, {
          databaseId: dbId,
          ...change.args,
        });
        expect(applied.__typename, context).toBe('PermissionChange');
        if (change.mutation === 'dropRole') alive.splice(alive.indexOf(String(change.args.name)), 1);
        const after = defaults ? await newTablePrivileges(lab, creator, `n${n}b`) : await privileges(lab);
        const membersAfter = await memberships(lab);
        const impact = preview.impact as Impact;
        expect(impact, context).toBeTruthy();
        expect(impact.privilegeGroups, context).toHaveLength(impact.privilegeGroupCount);
        const told = defaults
          ? new Set(
              [...predicted(impact, lab)]
                .filter((entry) => entry.includes('|new tables of '))
                .map((entry) => entry.replace(/\|new tables of [^|]+\|/, '|new|')),
            )
          : // What default privileges will give (DROP OWNED takes a dropped role out of them) is not on any object yet.
            new Set([...predicted(impact, lab)].filter((entry) => !entry.includes('|new tables of ')));
        const actual = moved(before, after);
        if (change.mutation === 'dropRole') {
          // The dropped role has no answer after: whatever it held, it lost.
          const dropped = String(change.args.name);
          // What it held as everyone does (through PUBLIC) is not its own to lose, but a grant option on it was; so
          // is the grant option an owner holds on a privilege it took from itself (held: false, grantable: true).
          for (const [key, was] of before) {
            if (!key.startsWith(`${dropped}|`) || !(was.held || was.grantable)) continue;
            const everyone = before.get(key.replace(dropped, 'public'));
            if (was.held && !everyone?.held) actual.add(`LOSS|${key}`);
            else if (was.grantable && !everyone?.grantable) actual.add(`LOSS|${key}+option`);
          }
        }
        // A predefined role's privileges on every object of a kind: each is true on the side it is told of, and
        // accounts for what moved on the lab's objects.
        const predefined = defaults ? [] : predefinedPredictions(impact, lab);
        for (const entry of predefined) {
          const [direction, ...key] = entry.split('|');
          expect((direction === 'GAIN' ? after : before).get(key.join('|'))?.held, `${context}: ${entry}`).toBe(true);
        }
        const explained = new Set(predefined);
        const missing = [...actual].filter(
          (entry) => !told.has(entry) && !toldOnTable(entry, told) && !explained.has(entry),
        );
        const extra = [...told].filter((entry) => !actual.has(entry));
        expect({ missing, extra }, context).toEqual({ missing: [], extra: [] });
        // Who has the privileges of which role, as pg_has_role(…, 'USAGE') answers before and after.
        const membersMoved = movedMemberships(membersBefore, membersAfter);
        const membersTold = predictedMemberships(impact, lab);
        expect(
          {
            missing: [...membersMoved].filter((entry) => !membersTold.has(entry)),
            extra: [...membersTold].filter((entry) => !membersMoved.has(entry)),
          },
          `${context}: memberships`,
        ).toEqual({ missing: [], extra: [] });
        checked++;
        checkedByKind.set(change.describe, (checkedByKind.get(change.describe) ?? 0) + 1);
      }
    }
    console.info(`seed ${SEED}: ${checked} changes checked`, Object.fromEntries(checkedByKind));
    expect(checked).toBeGreaterThan(GRAPHS * 3);
  }, 120_000);
});
