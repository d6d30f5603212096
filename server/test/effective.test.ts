import { randomInt } from 'node:crypto';
import pg from 'pg';
import { describe, expect, test } from 'vitest';
import {
  effectiveColumnPrivileges,
  effectivePrivileges,
  kindOfRelation,
  type PrivilegedKind,
  type PrivilegedObject,
  privilegedKind,
  privilegesOf,
} from '../src/catalog/effective.js';
import { quoteIdent } from '../src/catalog/identifiers.js';
import { type AclItem, currentDatabase, relations, schemas } from '../src/catalog/objects.js';
import { RoleGraph } from '../src/catalog/role-graph.js';
import { allMemberships, allRoles, type PgAuthMember, type PgRole } from '../src/catalog/roles.js';
import { columns, OTHER_KINDS, type PgColumn, securables } from '../src/catalog/securables.js';
import { featuresOf, type ServerFeatures, serverFeatures } from '../src/catalog/server.js';
import { below, chance, pick, prng, type Rng, some } from './support/random.js';
import { type PostgresVersion, startVersionedCluster } from './support/versions.js';

const GRAPHS_PER_VERSION = Number(process.env.ROLECALL_EFFECTIVE_GRAPHS ?? 20);

interface ClusterRun {
  version: PostgresVersion;
  label: string;
  graphs: number;
  /** Roles and objects get OIDs over 2³¹ (read as negative int4s), as on a long-lived cluster. */
  nextOid?: number;
}
const RUNS: readonly ClusterRun[] = [
  ...([15, 16, 17, 18] as const).map((version) => ({ version, label: String(version), graphs: GRAPHS_PER_VERSION })),
  // The same engine as the 15 run above, fed other OIDs: fewer graphs show whether they are read right.
  { version: 15, label: '15 with OIDs over 2³¹', graphs: Math.ceil(GRAPHS_PER_VERSION / 4), nextOid: 3_000_000_000 },
];
const SEED = Number(process.env.ROLECALL_EFFECTIVE_SEED ?? randomInt(2 ** 31));
/** The database the graphs are built in, made from a template that holds a foreign server for foreign tables. */
const LAB = 'lab';
const LAB_TEMPLATE = 'lab_template';

// ---------------------------------------------------------------------------------------------------------------
// Random role graphs

/** One statement of a random script, run by `as` (SET ROLE) when given; PostgreSQL may refuse it, which is fine. */
interface Step {
  sql: string;
  as?: string;
}

interface Script {
  roles: string[];
  steps: Step[];
}

const SCHEMAS = ['s0', 's1', 's2'];
/** Stands for PUBLIC among grantee names (no role can be called that). */
const PUBLIC = 'PUBLIC';

/** A column name that needs quoting, with a quote and a non-ASCII letter in it. */
const ODD_COLUMN = quoteIdent('odd "col" é');

/** Parameters granted on (cluster-wide, like roles; a custom one is made by its first GRANT). */
const PARAMETERS = ['work_mem', 'log_min_duration_statement', 'lab.custom_setting'];
/** Large objects made by each graph, at fixed OIDs so that statements can name them. */
const LARGE_OBJECTS = [880001, 880002];

const RELATION_KINDS = [
  { keyword: 'TABLE', prefix: 't', create: (name: string) => `CREATE TABLE ${name} (id int, ${ODD_COLUMN} text)` },
  {
    keyword: 'TABLE',
    prefix: 'p',
    create: (name: string) => `CREATE TABLE ${name} (id int, ${ODD_COLUMN} text) PARTITION BY RANGE (id)`,
  },
  { keyword: 'VIEW', prefix: 'v', create: (name: string) => `CREATE VIEW ${name} AS SELECT 1 AS one` },
  {
    keyword: 'MATERIALIZED VIEW',
    prefix: 'm',
    create: (name: string) => `CREATE MATERIALIZED VIEW ${name} AS SELECT 1 AS one`,
  },
  {
    keyword: 'FOREIGN TABLE',
    prefix: 'f',
    create: (name: string) => `CREATE FOREIGN TABLE ${name} (id int) SERVER lab_server`,
  },
  { keyword: 'SEQUENCE', prefix: 'q', create: (name: string) => `CREATE SEQUENCE ${name}` },
];

class ScriptWriter {
  readonly steps: Step[] = [];
  readonly roles: string[];
  private readonly predefined: string[];
  /** Who was given a grant option on each object, or ADMIN OPTION on each role: they grant in turn, as grantors. */
  private readonly grantors = new Map<string, string[]>();
  private readonly members = new Map<string, string[]>();
  private readonly privilegesOn = new Map<string, { owner: string; privileges: readonly string[] }>();

  constructor(
    private readonly rng: Rng,
    graph: number,
    private readonly database: string,
    private readonly features: ServerFeatures,
  ) {
    const count = 5 + below(rng, 6);
    // One awkward name per graph keeps the quoting honest.
    this.roles = Array.from({ length: count }, (_, i) => (i === 0 ? `g${graph} "odd" rôle` : `g${graph}_r${i}`));
    this.predefined = ['pg_read_all_data', 'pg_write_all_data', 'pg_database_owner', 'pg_monitor'];
    if (features.maintain) this.predefined.push('pg_maintain');
  }

  write(): Script {
    this.createRoles();
    this.grantMemberships();
    this.changeDatabase();
    this.createSchemas();
    this.createRelations();
    this.createRoutinesAndTypes();
    this.grantOnServerObjects();
    this.grantOnColumns();
    this.grantAsGrantors();
    return { roles: this.roles, steps: this.steps };
  }

  private add(sql: string, as?: string): void {
    this.steps.push(as ? { sql, as } : { sql });
  }

  /** Most statements run as the superuser; others as a role holding the grant option (or any role, often refused). */
  private someone(target: string): string | undefined {
    const grantors = this.grantors.get(target) ?? [];
    if (grantors.length > 0 && chance(this.rng, 0.7)) return pick(this.rng, grantors);
    return chance(this.rng, 0.15) ? pick(this.rng, this.roles) : undefined;
  }

  private mayGrant(target: string, role: string): void {
    this.grantors.set(target, [...(this.grantors.get(target) ?? []), role]);
  }

  private grantee(owner: string): string {
    if (chance(this.rng, 0.2)) return PUBLIC;
    if (chance(this.rng, 0.1)) return owner;
    if (chance(this.rng, 0.05)) return pick(this.rng, ['pg_read_all_data', 'pg_write_all_data', 'postgres']);
    return pick(this.rng, this.roles);
  }

  private createRoles(): void {
    const superuser = chance(this.rng, 0.3) ? below(this.rng, this.roles.length) : -1;
    this.roles.forEach((name, i) => {
      const options = [
        i === superuser ? 'SUPERUSER' : '',
        chance(this.rng, 0.3) ? 'NOLOGIN' : 'LOGIN',
        chance(this.rng, 0.25) ? 'NOINHERIT' : '',
        chance(this.rng, 0.2) ? 'CREATEROLE' : '',
      ];
      this.add(`CREATE ROLE ${quoteIdent(name)} ${options.join(' ')}`);
    });
  }

  /** PostgreSQL 16+ per-grant options, each left to its default, TRUE or FALSE; only ADMIN OPTION on 15. */
  private membershipOptions(): { sql: string; admin: boolean } {
    if (!this.features.membershipOptions) {
      const admin = chance(this.rng, 0.3);
      return { sql: admin ? ' WITH ADMIN OPTION' : '', admin };
    }
    const options = ['INHERIT', 'SET', 'ADMIN'].flatMap((option) => {
      const roll = this.rng();
      if (roll < 0.4) return [];
      return [`${option} ${roll < 0.7 ? 'TRUE' : 'FALSE'}`];
    });
    return { sql: options.length > 0 ? ` WITH ${options.join(', ')}` : '', admin: options.includes('ADMIN TRUE') };
  }

  private grantMemberships(): void {
    const count = Math.round(this.roles.length * (1 + this.rng()));
    for (let i = 0; i < count; i++) {
      const granted = chance(this.rng, 0.15) ? pick(this.rng, this.predefined) : pick(this.rng, this.roles);
      const member = pick(this.rng, this.roles);
      const options = this.membershipOptions();
      this.add(`GRANT ${quoteIdent(granted)} TO ${quoteIdent(member)}${options.sql}`, this.someone(granted));
      if (options.admin) this.mayGrant(granted, member);
      this.members.set(granted, [...(this.members.get(granted) ?? []), member]);
    }
    for (let i = below(this.rng, 3); i > 0; i--) {
      const options = this.features.membershipOptions
        ? ['', 'ADMIN OPTION FOR ', 'INHERIT OPTION FOR ', 'SET OPTION FOR ']
        : ['', 'ADMIN OPTION FOR '];
      const granted = pick(this.rng, this.roles);
      const member = quoteIdent(pick(this.rng, this.roles));
      this.add(`REVOKE ${pick(this.rng, options)}${quoteIdent(granted)} FROM ${member}`, this.someone(granted));
    }
    for (let i = below(this.rng, 3); i > 0; i--) {
      const role = quoteIdent(pick(this.rng, this.roles));
      this.add(`ALTER ROLE ${role} ${chance(this.rng, 0.5) ? 'INHERIT' : 'NOINHERIT'}`);
    }
  }

  /** A last round by the roles given grant options, so that chains of grantors appear. */
  private grantAsGrantors(): void {
    for (const [target, { owner, privileges }] of this.privilegesOn) {
      if ((this.grantors.get(target) ?? []).length > 0) this.grantsOn(target, owner, privileges, 3);
    }
    for (const role of this.roles) {
      for (let i = (this.grantors.get(role) ?? []).length > 0 ? 1 + below(this.rng, 2) : 0; i > 0; i--) {
        // Often the same membership again: from another grantor, with other options (several rows on 16+).
        const members = this.members.get(role) ?? [];
        const member =
          members.length > 0 && chance(this.rng, 0.6) ? pick(this.rng, members) : pick(this.rng, this.roles);
        this.add(
          `GRANT ${quoteIdent(role)} TO ${quoteIdent(member)}${this.membershipOptions().sql}`,
          this.someone(role),
        );
      }
    }
  }

  /**
   * Grants and revokes on `target`. A `shared` object (a tablespace, a parameter) outlives the lab: only its owner
   * (the superuser) grants on it, so that DROP OWNED can always take every grant away again (grant options passed
   * around in a circle survive it; the lab is dropped then, the shared objects are not).
   */
  private grantsOn(
    target: string,
    owner: string,
    privileges: readonly string[],
    maxStatements: number,
    shared = false,
  ): void {
    if (!shared) this.privilegesOn.set(target, { owner, privileges });
    for (let i = below(this.rng, maxStatements + 1); i > 0; i--) {
      const list = chance(this.rng, 0.1) ? 'ALL' : some(this.rng, privileges).join(', ');
      const grantee = this.grantee(owner);
      const to = grantee === PUBLIC ? 'PUBLIC' : quoteIdent(grantee);
      const as = shared ? undefined : this.someone(target);
      if (chance(this.rng, 0.7)) {
        const grantOption = grantee !== PUBLIC && chance(this.rng, 0.35);
        this.add(`GRANT ${list} ON ${target} TO ${to}${grantOption ? ' WITH GRANT OPTION' : ''}`, as);
        if (grantOption && !shared) this.mayGrant(target, grantee);
      } else {
        const grantOption = chance(this.rng, 0.3) ? 'GRANT OPTION FOR ' : '';
        this.add(`REVOKE ${grantOption}${list} ON ${target} FROM ${to} CASCADE`, as);
      }
    }
  }

  private owner(): string {
    return chance(this.rng, 0.15) ? 'postgres' : pick(this.rng, this.roles);
  }

  private changeDatabase(): void {
    const owner = this.owner();
    this.add(`ALTER DATABASE ${this.database} OWNER TO ${quoteIdent(owner)}`);
    this.grantsOn(`DATABASE ${this.database}`, owner, privilegesOf('database', this.features), 5);
  }

  private createSchemas(): void {
    for (const schema of SCHEMAS) {
      const owner = this.owner();
      this.add(`CREATE SCHEMA ${schema} AUTHORIZATION ${quoteIdent(owner)}`);
      this.grantsOn(`SCHEMA ${schema}`, owner, privilegesOf('schema', this.features), 4);
    }
    const publicOwner = chance(this.rng, 0.3) ? this.owner() : 'pg_database_owner';
    if (publicOwner !== 'pg_database_owner') this.add(`ALTER SCHEMA public OWNER TO ${quoteIdent(publicOwner)}`);
    this.grantsOn('SCHEMA public', publicOwner, privilegesOf('schema', this.features), 4);
  }

  /** Functions, a procedure, an aggregate, types and a domain in each schema, one signature with a quoted type. */
  private createRoutinesAndTypes(): void {
    for (const schema of SCHEMAS) {
      const odd = `${schema}.${quoteIdent('odd "type"')}`;
      const objects = [
        { create: `CREATE TYPE ${odd} AS ENUM ('a', 'b')`, alter: `TYPE ${odd}`, target: `TYPE ${odd}`, kind: 'type' },
        {
          create: `CREATE DOMAIN ${schema}.d1 AS int`,
          alter: `DOMAIN ${schema}.d1`,
          target: `DOMAIN ${schema}.d1`,
          kind: 'type',
        },
        {
          create: `CREATE TYPE ${schema}.c1 AS (x int)`,
          alter: `TYPE ${schema}.c1`,
          target: `TYPE ${schema}.c1`,
          kind: 'type',
        },
        {
          // Its multirange type follows it: PostgreSQL checks the range's ACL for both.
          create: `CREATE TYPE ${schema}.r1 AS RANGE (SUBTYPE = int)`,
          alter: `TYPE ${schema}.r1`,
          target: `TYPE ${schema}.r1`,
          kind: 'type',
        },
        {
          create: `CREATE FUNCTION ${schema}.f1(${odd}, int) RETURNS int LANGUAGE sql AS 'SELECT 1'`,
          alter: `FUNCTION ${schema}.f1(${odd}, int)`,
          target: `FUNCTION ${schema}.f1(${odd}, int)`,
          kind: 'function',
        },
        {
          create: `CREATE PROCEDURE ${schema}.p1() LANGUAGE sql AS 'SELECT 1'`,
          alter: `PROCEDURE ${schema}.p1()`,
          target: `PROCEDURE ${schema}.p1()`,
          kind: 'function',
        },
        {
          create: `CREATE AGGREGATE ${schema}.a1(int) (SFUNC = int4pl, STYPE = int)`,
          alter: `AGGREGATE ${schema}.a1(int)`,
          target: `ROUTINE ${schema}.a1(int)`,
          kind: 'function',
        },
      ] as const;
      for (const object of objects) {
        if (!chance(this.rng, 0.7)) continue;
        const owner = this.owner();
        this.add(object.create);
        this.add(`ALTER ${object.alter} OWNER TO ${quoteIdent(owner)}`);
        if (chance(this.rng, 0.3)) this.add(`REVOKE ALL ON ${object.target} FROM PUBLIC`);
        this.grantsOn(object.target, owner, privilegesOf(object.kind, this.features), 4);
      }
    }
  }

  /** Languages, a foreign-data wrapper and servers, large objects, a tablespace and parameters. */
  private grantOnServerObjects(): void {
    this.grantsOn('LANGUAGE plpgsql', 'postgres', privilegesOf('language', this.features), 2);
    this.grantsOn('FOREIGN DATA WRAPPER lab_fdw', 'postgres', privilegesOf('foreign_data_wrapper', this.features), 3);
    const server = `${quoteIdent(`${this.roles[1]} srv`)}`;
    const serverOwner = this.owner();
    this.add(`CREATE SERVER ${server} FOREIGN DATA WRAPPER lab_fdw`);
    this.add(`ALTER SERVER ${server} OWNER TO ${quoteIdent(serverOwner)}`);
    this.grantsOn(`FOREIGN SERVER ${server}`, serverOwner, privilegesOf('foreign_server', this.features), 3);
    this.grantsOn('FOREIGN SERVER lab_server', 'postgres', privilegesOf('foreign_server', this.features), 2);
    for (const oid of LARGE_OBJECTS) {
      const owner = this.owner();
      this.add(`SELECT lo_create(${oid})`);
      this.add(`ALTER LARGE OBJECT ${oid} OWNER TO ${quoteIdent(owner)}`);
      this.grantsOn(`LARGE OBJECT ${oid}`, owner, privilegesOf('large_object', this.features), 3);
    }
    this.grantsOn('TABLESPACE pg_default', 'postgres', privilegesOf('tablespace', this.features), 3, true);
    for (const parameter of PARAMETERS) {
      if (chance(this.rng, 0.6))
        this.grantsOn(`PARAMETER ${parameter}`, 'postgres', privilegesOf('parameter', this.features), 3, true);
    }
  }

  /** Column privileges on the tables made, beside their table privileges. */
  private grantOnColumns(): void {
    for (const [target, { owner }] of [...this.privilegesOn].filter(([target]) => target.startsWith('TABLE '))) {
      const name = target.slice('TABLE '.length);
      if (!/\.[tp]\d$/.test(name)) continue;
      for (let i = below(this.rng, 4); i > 0; i--) {
        const list = some(this.rng, privilegesOf('column', this.features))
          .map(
            (privilege) =>
              `${privilege} (${chance(this.rng, 0.5) ? 'id' : chance(this.rng, 0.5) ? ODD_COLUMN : `id, ${ODD_COLUMN}`})`,
          )
          .join(', ');
        const grantee = this.grantee(owner);
        const to = grantee === PUBLIC ? 'PUBLIC' : quoteIdent(grantee);
        if (chance(this.rng, 0.75)) {
          const grantOption = grantee !== PUBLIC && chance(this.rng, 0.35);
          this.add(
            `GRANT ${list} ON ${target} TO ${to}${grantOption ? ' WITH GRANT OPTION' : ''}`,
            this.someone(target),
          );
          if (grantOption) this.mayGrant(target, grantee);
        } else {
          const grantOption = chance(this.rng, 0.3) ? 'GRANT OPTION FOR ' : '';
          this.add(`REVOKE ${grantOption}${list} ON ${target} FROM ${to} CASCADE`, this.someone(target));
        }
      }
    }
  }

  private createRelations(): void {
    for (const schema of SCHEMAS) {
      for (let i = 2 + below(this.rng, 2); i > 0; i--) {
        const kind = pick(this.rng, RELATION_KINDS);
        const name = `${schema}.${kind.prefix}${i}`;
        const owner = this.owner();
        this.add(kind.create(name));
        this.add(`ALTER ${kind.keyword} ${name} OWNER TO ${quoteIdent(owner)}`);
        const privileges = privilegesOf(kind.keyword === 'SEQUENCE' ? 'sequence' : 'table', this.features);
        const target = kind.keyword === 'SEQUENCE' ? `SEQUENCE ${name}` : `TABLE ${name}`;
        if (chance(this.rng, 0.8)) this.grantsOn(target, owner, privileges, 5);
      }
    }
  }
}

/** One round trip: each step in its own subtransaction, so a refused statement (a cycle, …) undoes only itself. */
function asDoBlock(steps: readonly Step[]): string {
  const blocks = steps.map(({ sql, as }) => {
    const body = as
      ? `EXECUTE $s$SET ROLE ${quoteIdent(as)}$s$; EXECUTE $s$${sql}$s$; RESET ROLE;`
      : `EXECUTE $s$${sql}$s$;`;
    return `BEGIN ${body} EXCEPTION WHEN OTHERS THEN refused := refused + 1; END;`;
  });
  return `DO $lab$ DECLARE refused int := 0; BEGIN ${blocks.join('\n')}
    RAISE NOTICE 'refused %', refused; END $lab$`;
}

// ---------------------------------------------------------------------------------------------------------------
// The engine against PostgreSQL

type SnapshotObject = PrivilegedObject & { oid: number; name: string };

interface CatalogSnapshot {
  features: ServerFeatures;
  graph: RoleGraph;
  roles: PgRole[];
  memberships: PgAuthMember[];
  objects: SnapshotObject[];
  /** The columns of the tables above, each with its table. */
  columns: Array<PgColumn & { table: SnapshotObject }>;
}

async function snapshot(client: pg.Client): Promise<CatalogSnapshot> {
  const features = await serverFeatures(client);
  const roles = await allRoles(client);
  const memberships = await allMemberships(client, features);
  const database = await currentDatabase(client, privilegesOf('database', features));
  // ACLs read as text, as Rolecall reads whole catalogs: the comparison checks that decoding too.
  const roleOids = Promise.resolve(new Map(roles.map((role) => [role.rolname, role.oid])));
  const namespaces = await schemas(client, privilegesOf('schema', features), roleOids);
  const classes = await relations(
    client,
    privilegesOf('table', features),
    privilegesOf('sequence', features),
    undefined,
    roleOids,
  );
  const graph = RoleGraph.of(roles, memberships, {
    databaseOwner: database.datdba,
    membershipOptions: features.membershipOptions,
  });
  const others: SnapshotObject[] = [];
  for (const kind of OTHER_KINDS) {
    for (const object of await securables(client, kind)) {
      others.push({
        kind: privilegedKind(kind),
        oid: object.oid,
        name: object.name,
        owner: object.owner,
        acl: object.acl,
      });
    }
  }
  const objects: SnapshotObject[] = [
    { kind: 'database' as const, oid: database.oid, name: database.datname, owner: database.datdba, acl: database.acl },
    ...namespaces.map((n) => ({ kind: 'schema' as const, oid: n.oid, name: n.nspname, owner: n.nspowner, acl: n.acl })),
    ...classes.map((c) => ({
      kind: kindOfRelation(c.relkind),
      oid: c.oid,
      name: `${c.nspname}.${c.relname}`,
      owner: c.relowner,
      acl: c.acl,
    })),
    ...others,
  ];
  const tables = new Map(objects.filter((object) => object.kind === 'table').map((table) => [table.oid, table]));
  const tableColumns = (await columns(client)).flatMap((column) => {
    const table = tables.get(column.relid);
    return table ? [{ ...column, table }] : [];
  });
  return { features, graph, roles, memberships, objects, columns: tableColumns };
}

/** How PostgreSQL is asked about each kind: the function, the catalog of the objects, how the object is named to it. */
interface Check {
  fn: string;
  catalog: string;
  /** The object's argument, `o.oid` unless said. */
  arg?: string;
  /** The first version with the function (has_largeobject_privilege came with 18). */
  since?: number;
}

const CHECKS: Record<Exclude<PrivilegedKind, 'column'>, Check> = {
  database: { fn: 'has_database_privilege', catalog: 'pg_database' },
  schema: { fn: 'has_schema_privilege', catalog: 'pg_namespace' },
  table: { fn: 'has_table_privilege', catalog: 'pg_class' },
  sequence: { fn: 'has_sequence_privilege', catalog: 'pg_class' },
  function: { fn: 'has_function_privilege', catalog: 'pg_proc' },
  type: { fn: 'has_type_privilege', catalog: 'pg_type' },
  language: { fn: 'has_language_privilege', catalog: 'pg_language' },
  foreign_data_wrapper: { fn: 'has_foreign_data_wrapper_privilege', catalog: 'pg_foreign_data_wrapper' },
  foreign_server: { fn: 'has_server_privilege', catalog: 'pg_foreign_server' },
  large_object: { fn: 'has_largeobject_privilege', catalog: 'pg_largeobject_metadata', since: 180000 },
  tablespace: { fn: 'has_tablespace_privilege', catalog: 'pg_tablespace' },
  parameter: { fn: 'has_parameter_privilege', catalog: 'pg_parameter_acl', arg: 'o.parname' },
};

const checkOf = (kind: PrivilegedKind): Check =>
  kind === 'column' ? { fn: 'has_column_privilege', catalog: 'pg_attribute' } : CHECKS[kind];

interface Answer {
  role: number;
  object: number;
  held: string[];
  grantable: string[];
}

/** PostgreSQL's answer for every role and every object of one kind, in one query. */
async function askPostgres(
  client: pg.Client,
  kind: Exclude<PrivilegedKind, 'column'>,
  snap: CatalogSnapshot,
): Promise<Answer[]> {
  const { fn, catalog, arg = 'o.oid' } = CHECKS[kind];
  const oids = snap.objects.filter((object) => object.kind === kind).map((object) => object.oid);
  const privileges = (suffix: string) => `ARRAY(SELECT p FROM unnest($1::text[]) WITH ORDINALITY u(p, i)
      WHERE ${fn}(r.oid, ${arg}, p || '${suffix}') ORDER BY i)`;
  const { rows } = await client.query<Answer>(
    `SELECT r.oid::int AS role, o.oid::int AS object, ${privileges('')} AS held,
            ${privileges(' WITH GRANT OPTION')} AS grantable
       FROM pg_roles r CROSS JOIN ${catalog} o WHERE o.oid = ANY($2::oid[])`,
    [privilegesOf(kind, snap.features), oids],
  );
  return rows;
}

/**
 * What each role can do to each large object, by doing it: lo_get opens it for reading (SELECT), lo_put for writing
 * (UPDATE, and SELECT too), as the role, each in a subtransaction. Grant options cannot be seen this way.
 */
async function tryLargeObjects(client: pg.Client, snap: CatalogSnapshot): Promise<Answer[]> {
  const objects = snap.objects.filter((object) => object.kind === 'large_object').map((object) => object.oid);
  await client.query(`CREATE OR REPLACE FUNCTION pg_temp.lo_can(r oid, lo oid, privilege text) RETURNS boolean
    LANGUAGE plpgsql AS $$
    BEGIN
      EXECUTE format('SET ROLE %I', (SELECT rolname FROM pg_roles WHERE oid = r));
      BEGIN
        IF privilege = 'SELECT' THEN PERFORM lo_get(lo, 0, 0); ELSE PERFORM lo_put(lo, 0, ''); END IF;
        RESET ROLE;
        RETURN true;
      EXCEPTION WHEN insufficient_privilege THEN
        RESET ROLE;
        RETURN false;
      END;
    END $$`);
  const { rows } = await client.query<Answer>(
    `SELECT r.oid::int AS role, o.oid::int AS object,
            ARRAY(SELECT p FROM unnest($1::text[]) WITH ORDINALITY u(p, i) WHERE pg_temp.lo_can(r.oid, o.oid, p) ORDER BY i) AS held,
            '{}'::text[] AS grantable
       FROM pg_roles r CROSS JOIN pg_largeobject_metadata o
      WHERE o.oid = ANY($2::oid[]) AND r.rolname NOT IN ('pg_database_owner')`,
    [privilegesOf('large_object', snap.features), objects],
  );
  return rows;
}

/** Like compareObjects, on what a role may do to large objects (PostgreSQL answered by doing: no grant options). */
function compareLargeObjects(snap: CatalogSnapshot, kind: PrivilegedKind, answers: readonly Answer[]): Comparison {
  const byOid = new Map(snap.objects.filter((object) => object.kind === kind).map((object) => [object.oid, object]));
  const mismatches: string[] = [];
  let checks = 0;
  for (const answer of answers) {
    const object = byOid.get(answer.object);
    if (!object) continue;
    const engine = effectivePrivileges(snap.graph, answer.role, object, snap.features)
      .filter((p) => p.held)
      .map((p) => p.privilege);
    // Opening a large object to write opens it to read as well (inv_open): lo_put needs SELECT besides UPDATE.
    const held = engine.filter((privilege) => privilege !== 'UPDATE' || engine.includes('SELECT'));
    checks += privilegesOf(kind, snap.features).length;
    if (held.join() === answer.held.join()) continue;
    mismatches.push(
      `${kind} ${object.name} as ${snap.graph.role(answer.role)?.rolname}: PostgreSQL let it [${answer.held}], engine held=[${held}]
      owner ${snap.graph.role(object.owner)?.rolname}; acl ${JSON.stringify(object.acl)}
      ${explainRole(snap, answer.role)}`,
    );
  }
  return { checks, mismatches };
}

interface ColumnAnswer extends Answer {
  attnum: number;
}

/** has_column_privilege for every role and column, one query. */
async function askPostgresAboutColumns(client: pg.Client, snap: CatalogSnapshot): Promise<ColumnAnswer[]> {
  const privileges = (suffix: string) => `ARRAY(SELECT p FROM unnest($1::text[]) WITH ORDINALITY u(p, i)
      WHERE has_column_privilege(r.oid, c.relid, c.attnum::int2, p || '${suffix}') ORDER BY i)`;
  const { rows } = await client.query<ColumnAnswer>(
    `SELECT r.oid::int AS role, c.relid::int AS object, c.attnum, ${privileges('')} AS held,
            ${privileges(' WITH GRANT OPTION')} AS grantable
       FROM pg_roles r CROSS JOIN unnest($2::oid[], $3::int[]) AS c(relid, attnum)`,
    [
      privilegesOf('column', snap.features),
      snap.columns.map((column) => column.relid),
      snap.columns.map((column) => column.attnum),
    ],
  );
  return rows;
}

function compareColumns(snap: CatalogSnapshot, answers: readonly ColumnAnswer[]): Comparison {
  const byKey = new Map(snap.columns.map((column) => [`${column.relid}/${column.attnum}`, column]));
  const mismatches: string[] = [];
  let checks = 0;
  for (const answer of answers) {
    const column = byKey.get(`${answer.object}/${answer.attnum}`);
    if (!column) continue;
    const engine = effectiveColumnPrivileges(snap.graph, answer.role, column.table, column, snap.features);
    const held = engine.filter((p) => p.held).map((p) => p.privilege);
    const grantable = engine.filter((p) => p.grantable).map((p) => p.privilege);
    checks += 2 * privilegesOf('column', snap.features).length;
    if (held.join() === answer.held.join() && grantable.join() === answer.grantable.join()) continue;
    mismatches.push(
      `has_column_privilege(${snap.graph.role(answer.role)?.rolname}, ${column.relation}.${column.attname}): PostgreSQL held=[${answer.held}] grantable=[${answer.grantable}], engine held=[${held}] grantable=[${grantable}]
      column acl ${JSON.stringify(column.acl)}; table acl ${JSON.stringify(column.table.acl)}
      ${explainRole(snap, answer.role)}`,
    );
  }
  return { checks, mismatches };
}

interface RoleAnswer {
  member: number;
  role: number;
  usage: boolean;
  member_of: boolean;
  set: boolean | null;
  admin: boolean;
}

async function askPostgresAboutRoles(client: pg.Client, features: ServerFeatures): Promise<RoleAnswer[]> {
  const set = features.membershipOptions ? `pg_has_role(a.oid, b.oid, 'SET')` : 'NULL::boolean';
  const { rows } = await client.query<RoleAnswer>(
    `SELECT a.oid::int AS member, b.oid::int AS role, pg_has_role(a.oid, b.oid, 'USAGE') AS usage,
            pg_has_role(a.oid, b.oid, 'MEMBER') AS member_of, ${set} AS set,
            pg_has_role(a.oid, b.oid, 'MEMBER WITH ADMIN OPTION') AS admin
       FROM pg_roles a CROSS JOIN pg_roles b`,
  );
  return rows;
}

interface Comparison {
  checks: number;
  mismatches: string[];
}

/** A comparison of one kind of object (or of role memberships), so that every kind is shown to be checked. */
type KindComparison = Comparison & { kind: string };

function explainRole(snap: CatalogSnapshot, oid: number): string {
  const name = (role: number) => (role === 0 ? 'PUBLIC' : (snap.graph.role(role)?.rolname ?? String(role)));
  const role = snap.graph.role(oid);
  const edges = snap.memberships
    .filter((m) => m.member === oid)
    .map((m) => `${name(m.roleid)}(by ${name(m.grantor)} i=${m.inherit_option} s=${m.set_option} a=${m.admin_option})`);
  return `${name(oid)} [super=${role?.rolsuper} inherit=${role?.rolinherit}] member of ${edges.join(', ') || 'nothing'}`;
}

function compareObjects(snap: CatalogSnapshot, answers: readonly Answer[]): Comparison {
  const byOid = new Map(snap.objects.map((object) => [object.oid, object]));
  const mismatches: string[] = [];
  const name = (role: number) => (role === 0 ? 'PUBLIC' : (snap.graph.role(role)?.rolname ?? String(role)));
  let checks = 0;
  for (const answer of answers) {
    const object = byOid.get(answer.object);
    if (!object) continue;
    const engine = effectivePrivileges(snap.graph, answer.role, object, snap.features);
    const held = engine.filter((p) => p.held).map((p) => p.privilege);
    const grantable = engine.filter((p) => p.grantable).map((p) => p.privilege);
    checks += 2 * privilegesOf(object.kind, snap.features).length;
    if (held.join() === answer.held.join() && grantable.join() === answer.grantable.join()) continue;
    const acl = object.acl
      .map(
        (item: AclItem) =>
          `${name(item.grantee)}:${item.privilege_type}${item.is_grantable ? '*' : ''}/${name(item.grantor)}`,
      )
      .join(' ');
    mismatches.push(
      `${checkOf(object.kind).fn}(${name(answer.role)}, ${object.name}): PostgreSQL held=[${answer.held}] grantable=[${answer.grantable}], engine held=[${held}] grantable=[${grantable}]
      owner ${name(object.owner)}; acl ${acl}
      ${explainRole(snap, answer.role)}
      engine sources ${JSON.stringify(engine.map((p) => [p.privilege, p.sources]))}`,
    );
  }
  return { checks, mismatches };
}

function compareRoles(snap: CatalogSnapshot, answers: readonly RoleAnswer[]): Comparison {
  const mismatches: string[] = [];
  const name = (role: number) => snap.graph.role(role)?.rolname ?? String(role);
  let checks = 0;
  for (const answer of answers) {
    const { member, role } = answer;
    const engine: Omit<RoleAnswer, 'member' | 'role'> = {
      usage: snap.graph.hasPrivsOf(member, role),
      member_of: snap.graph.isMemberOf(member, role),
      set: snap.features.membershipOptions ? snap.graph.canSet(member, role) : null,
      admin: snap.graph.isAdminOf(member, role),
    };
    for (const mode of ['usage', 'member_of', 'set', 'admin'] as const) {
      checks++;
      if (engine[mode] === answer[mode]) continue;
      mismatches.push(
        `pg_has_role(${name(member)}, ${name(role)}, ${mode}): PostgreSQL ${answer[mode]}, engine ${engine[mode]}
      ${explainRole(snap, member)}`,
      );
    }
  }
  return { checks, mismatches };
}

interface VersionReport {
  graphs: number;
  checks: number;
  refused: number;
  statements: number;
  /** ACL items granted by someone other than the owner, memberships granted by someone other than a superuser. */
  otherGrantors: number;
  /** Memberships granted by several grantors (PostgreSQL 16+). */
  severalGrantors: number;
  /** Graphs after which the lab had to be made anew (see resetLab). */
  recreated: number;
  mismatches: string[];
  checksByKind: Map<string, number>;
}

function otherGrantors(snap: CatalogSnapshot): number {
  const items = snap.objects.flatMap((object) => object.acl.filter((item) => item.grantor !== object.owner));
  const memberships = snap.memberships.filter((m) => !snap.graph.isSuperuser(m.grantor));
  return items.length + memberships.length;
}

interface Lab {
  /** The superuser on the `postgres` database, to recreate the lab when it cannot be cleaned. */
  admin: pg.Client;
  /** The superuser on the lab database. */
  client: pg.Client;
  url: (database?: string) => string;
  features: ServerFeatures;
}

/** Runs a script in its own subtransactions and tells how many statements PostgreSQL refused. */
async function runScript(client: pg.Client, steps: readonly Step[]): Promise<number> {
  let refused = 0;
  const onNotice = (notice: { message?: string }) => {
    const match = /^refused (\d+)$/.exec(notice.message ?? '');
    if (match) refused += Number(match[1]);
  };
  client.on('notice', onNotice);
  try {
    await client.query(asDoBlock(steps));
  } finally {
    client.off('notice', onNotice);
  }
  return refused;
}

async function compareAll(client: pg.Client): Promise<{ snap: CatalogSnapshot; comparisons: KindComparison[] }> {
  const snap = await snapshot(client);
  const comparisons: KindComparison[] = [];
  for (const kind of Object.keys(CHECKS) as Array<keyof typeof CHECKS>) {
    // Large objects have no has_* function before PostgreSQL 18: there each role tries to read and write them.
    const comparison =
      (CHECKS[kind].since ?? 0) > snap.features.versionNum
        ? compareLargeObjects(snap, kind, await tryLargeObjects(client, snap))
        : compareObjects(snap, await askPostgres(client, kind, snap));
    comparisons.push({ ...comparison, kind });
  }
  comparisons.push({ ...compareColumns(snap, await askPostgresAboutColumns(client, snap)), kind: 'column' });
  comparisons.push({ ...compareRoles(snap, await askPostgresAboutRoles(client, snap.features)), kind: 'membership' });
  return { snap, comparisons };
}

/** The graph's roles' privileges on the objects all databases share, as their owner (the only grantor) revokes them. */
function revokeShared(roles: readonly string[]): string {
  const names = roles.map(quoteIdent).join(', ');
  return `REVOKE ALL ON TABLESPACE pg_default FROM ${names} CASCADE;
    REVOKE ALL ON PARAMETER ${PARAMETERS.join(', ')} FROM ${names} CASCADE;`;
}

/** Puts the lab back as the template made it, minus the graph's roles; the first graph finds every ACL NULL. */
function cleanUp(roles: readonly string[]): string {
  const names = roles.map(quoteIdent).join(', ');
  return `ALTER DATABASE ${LAB} OWNER TO postgres;
    ALTER SCHEMA public OWNER TO pg_database_owner;
    DROP SCHEMA IF EXISTS ${SCHEMAS.join(', ')} CASCADE;
    DROP OWNED BY ${names} CASCADE;
    ${revokeShared(roles)}
    DROP ROLE ${names};
    REVOKE ALL ON SCHEMA public FROM PUBLIC;
    GRANT USAGE ON SCHEMA public TO PUBLIC;
    REVOKE ALL ON DATABASE ${LAB} FROM PUBLIC;
    GRANT CONNECT, TEMPORARY ON DATABASE ${LAB} TO PUBLIC;
    DROP SERVER IF EXISTS ${quoteIdent(`${roles[1]} srv`)};
    SELECT lo_unlink(oid) FROM pg_largeobject_metadata;
    REVOKE ALL ON LANGUAGE plpgsql FROM PUBLIC;
    GRANT USAGE ON LANGUAGE plpgsql TO PUBLIC;
    REVOKE ALL ON FOREIGN DATA WRAPPER lab_fdw FROM PUBLIC;
    REVOKE ALL ON FOREIGN SERVER lab_server FROM PUBLIC;
    REVOKE ALL ON TABLESPACE pg_default FROM PUBLIC;
    REVOKE ALL ON PARAMETER ${PARAMETERS.join(', ')} FROM PUBLIC;`;
}

async function connectToLab(url: (database?: string) => string): Promise<pg.Client> {
  const client = new pg.Client(url(LAB));
  await client.connect();
  return client;
}

/**
 * Grant options that circle through memberships survive DROP OWNED's cascading REVOKE, and then DROP ROLE fails;
 * the lab is then dropped and made anew (slower, so not every time).
 */
async function resetLab(lab: Lab, roles: readonly string[]): Promise<boolean> {
  try {
    await lab.client.query(cleanUp(roles));
    return false;
  } catch (error) {
    if (process.env.ROLECALL_EFFECTIVE_DEBUG)
      console.log('lab cleanup failed:', (error as Error).message, (error as { detail?: string }).detail);
    await lab.client.end();
    await lab.admin.query(`DROP DATABASE ${LAB}`);
    // Privileges on the objects all databases share (the tablespace, parameters) outlive the lab: revoked here.
    await lab.admin.query(revokeShared(roles));
    await lab.admin.query(`DROP ROLE IF EXISTS ${roles.map(quoteIdent).join(', ')}`);
    await lab.admin.query(`CREATE DATABASE ${LAB} TEMPLATE ${LAB_TEMPLATE}`);
    lab.client = await connectToLab(lab.url);
    return true;
  }
}

async function runGraph(lab: Lab, graph: number, report: VersionReport): Promise<void> {
  const script = new ScriptWriter(prng(SEED + graph), graph, LAB, lab.features).write();
  report.refused += await runScript(lab.client, script.steps);
  const { snap, comparisons } = await compareAll(lab.client);
  if (await resetLab(lab, script.roles)) report.recreated++;

  report.graphs++;
  report.statements += script.steps.length;
  report.otherGrantors += otherGrantors(snap);
  const pairs = snap.memberships.map((m) => `${m.roleid}/${m.member}`);
  report.severalGrantors += pairs.length - new Set(pairs).size;
  for (const comparison of comparisons) {
    report.checks += comparison.checks;
    report.checksByKind.set(comparison.kind, (report.checksByKind.get(comparison.kind) ?? 0) + comparison.checks);
    report.mismatches.push(...comparison.mismatches.map((m) => `graph ${graph}: ${m}`));
  }
  if (comparisons.some((c) => c.mismatches.length > 0) && !report.mismatches.some((m) => m.startsWith('script'))) {
    report.mismatches.push(
      `script of graph ${graph}:\n${script.steps.map((s) => (s.as ? `[as ${s.as}] ${s.sql}` : s.sql)).join(';\n')}`,
    );
  }
}

async function openLab(url: (database?: string) => string): Promise<Lab> {
  const admin = new pg.Client(url());
  await admin.connect();
  await admin.query(`CREATE DATABASE ${LAB_TEMPLATE}`);
  const template = new pg.Client(url(LAB_TEMPLATE));
  await template.connect();
  await template.query('CREATE FOREIGN DATA WRAPPER lab_fdw; CREATE SERVER lab_server FOREIGN DATA WRAPPER lab_fdw');
  await template.end();
  await admin.query(`CREATE DATABASE ${LAB} TEMPLATE ${LAB_TEMPLATE}`);
  return { admin, client: await connectToLab(url), url, features: await serverFeatures(admin) };
}

describe('the effective privileges engine', () => {
  test.concurrent.for(RUNS)(
    'agrees with PostgreSQL $label on every role, object, privilege and membership question of random role graphs',
    async ({ version, label, graphs, nextOid }, context) => {
      const started = performance.now();
      const cluster = await startVersionedCluster(version, { nextOid });
      if ('skipped' in cluster) {
        console.log(`PostgreSQL ${label} skipped: ${cluster.skipped}`);
        context.skip();
        return;
      }
      const report: VersionReport = {
        graphs: 0,
        checks: 0,
        refused: 0,
        statements: 0,
        otherGrantors: 0,
        recreated: 0,
        severalGrantors: 0,
        mismatches: [],
        checksByKind: new Map(),
      };
      try {
        const lab = await openLab(cluster.url);
        try {
          expect(lab.features.versionNum).toBeGreaterThanOrEqual(version * 10000);
          expect(lab.features.versionNum).toBeLessThan((version + 1) * 10000);
          await expect(lab.admin.query('GRANT pg_database_owner TO postgres')).rejects.toThrow(
            'role "pg_database_owner" cannot have explicit members',
          );
          if (nextOid !== undefined) {
            const { rows } = await lab.admin.query<{ oid: number }>(
              `SELECT oid::int AS oid FROM pg_database WHERE datname = '${LAB}'`,
            );
            expect(rows[0]?.oid).toBeLessThan(0);
          }
          for (let graph = 0; graph < graphs; graph++) await runGraph(lab, graph, report);
        } finally {
          await lab.client.end();
          await lab.admin.end();
        }
      } finally {
        await cluster.stop();
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `PostgreSQL ${label}: ${report.graphs} graphs, ${report.statements} statements (${report.refused} refused), ` +
          `${report.otherGrantors} grants by other grantors (${report.severalGrantors} repeated memberships), lab recreated ${report.recreated}×, ${report.checks} checks, ${report.mismatches.length} mismatches, ${seconds} s (seed ${SEED})`,
      );
      expect(report.graphs).toBe(graphs);
      // Every kind was compared, not skipped for want of objects: a kind read wrong would otherwise pass unseen.
      const unchecked = [...Object.keys(CHECKS), 'column', 'membership'].filter(
        (kind) => !report.checksByKind.get(kind),
      );
      expect(unchecked).toEqual([]);
      expect(
        report.mismatches.slice(0, 15),
        `PostgreSQL ${label} disagrees; rerun with ROLECALL_EFFECTIVE_SEED=${SEED}`,
      ).toEqual([]);
    },
  );
});

// ---------------------------------------------------------------------------------------------------------------
// Explanations on a hand-made graph

const FEATURES_18 = featuresOf(180000);

function pgRole(oid: number, rolname: string, options: Partial<PgRole> = {}): PgRole {
  return {
    oid,
    rolname,
    rolsuper: false,
    rolinherit: true,
    rolcreaterole: false,
    rolcreatedb: false,
    rolcanlogin: true,
    rolreplication: false,
    rolbypassrls: false,
    rolconnlimit: -1,
    rolvaliduntil: null,
    valid_until_infinity: false,
    is_predefined: false,
    ...options,
  };
}

function membership(member: number, roleid: number, options: Partial<PgAuthMember> = {}): PgAuthMember {
  return { member, roleid, grantor: 10, admin_option: false, inherit_option: true, set_option: true, ...options };
}

function item(grantee: number, privilege_type: string, grantor: number, is_grantable = false): AclItem {
  return { grantee, grantor, privilege_type, is_grantable };
}

const POSTGRES = 10;
const READ_ALL = 6181;
const DATABASE_OWNER = 6171;
const [ALICE, BOB, READERS, ANALYSTS, OWNER, CAROL, DBA] = [100, 101, 102, 103, 104, 105, 106];

const handMadeRoles = [
  pgRole(POSTGRES, 'postgres', { rolsuper: true }),
  pgRole(READ_ALL, 'pg_read_all_data', { is_predefined: true, rolcanlogin: false }),
  pgRole(DATABASE_OWNER, 'pg_database_owner', { is_predefined: true, rolcanlogin: false }),
  pgRole(ALICE, 'alice'),
  pgRole(BOB, 'bob'),
  pgRole(READERS, 'readers', { rolcanlogin: false }),
  pgRole(ANALYSTS, 'analysts', { rolcanlogin: false }),
  pgRole(OWNER, 'app_owner'),
  pgRole(CAROL, 'carol'),
  pgRole(DBA, 'dba'),
];

const handMadeMemberships = [
  membership(ALICE, READERS),
  membership(ALICE, ANALYSTS),
  membership(ANALYSTS, READERS),
  membership(BOB, READERS, { inherit_option: false }),
  membership(CAROL, OWNER),
  membership(CAROL, READ_ALL),
  membership(BOB, ANALYSTS, { admin_option: true, inherit_option: false, set_option: false }),
];

const graph = RoleGraph.of(handMadeRoles, handMadeMemberships, { databaseOwner: DBA });

const table: PrivilegedObject = {
  kind: 'table',
  owner: OWNER,
  acl: [
    // What acldefault gives the owner: the privileges, and no grant option (those are implicit).
    ...['SELECT', 'INSERT', 'UPDATE'].map((privilege) => item(OWNER, privilege, OWNER)),
    item(READERS, 'SELECT', OWNER),
    item(ANALYSTS, 'SELECT', OWNER, true),
    item(0, 'INSERT', OWNER),
  ],
};

function privilege(role: number, object: PrivilegedObject, name: string) {
  return effectivePrivileges(graph, role, object, FEATURES_18).find((p) => p.privilege === name);
}

describe('explanations', () => {
  test('a role reaching SELECT through two groups reports both grants, each with its shortest path', () => {
    expect(privilege(ALICE, table, 'SELECT')).toEqual({
      privilege: 'SELECT',
      held: true,
      grantable: true,
      sources: [
        { kind: 'GRANT', grantee: READERS, grantor: OWNER, grantable: false, path: [ALICE, READERS] },
        { kind: 'GRANT', grantee: ANALYSTS, grantor: OWNER, grantable: true, path: [ALICE, ANALYSTS] },
      ],
    });
  });

  test('a membership without INHERIT gives no privilege, yet pg_has_role MEMBER is true', () => {
    expect(privilege(BOB, table, 'SELECT')).toBeUndefined();
    expect(graph.isMemberOf(BOB, READERS)).toBe(true);
    expect(graph.hasPrivsOf(BOB, READERS)).toBe(false);
    expect(graph.inheritPath(BOB, READERS)).toBeNull();
    expect(graph.memberPath(BOB, READERS)).toEqual([BOB, READERS]);
  });

  test('a grant to PUBLIC is reported as PUBLIC, for every role', () => {
    expect(privilege(BOB, table, 'INSERT')?.sources).toEqual([{ kind: 'PUBLIC', grantor: OWNER, grantable: false }]);
  });

  test('a member of the owner gets the owner’s ACL items and its implicit grant options', () => {
    expect(privilege(CAROL, table, 'UPDATE')?.sources).toEqual([
      { kind: 'OWNER', owner: OWNER, grantor: OWNER, grantable: false, path: [CAROL, OWNER] },
      { kind: 'OWNER_GRANT_OPTION', owner: OWNER, path: [CAROL, OWNER] },
    ]);
  });

  test('an owner who revoked a privilege from itself may still grant it, without holding it', () => {
    expect(privilege(OWNER, table, 'DELETE')).toEqual({
      privilege: 'DELETE',
      held: false,
      grantable: true,
      sources: [{ kind: 'OWNER_GRANT_OPTION', owner: OWNER, path: [OWNER] }],
    });
  });

  test('pg_read_all_data gives SELECT, without grant option, next to every other reason', () => {
    expect(privilege(CAROL, table, 'SELECT')?.sources).toContainEqual({
      kind: 'PREDEFINED_ROLE',
      role: READ_ALL,
      rolname: 'pg_read_all_data',
      path: [CAROL, READ_ALL],
    });
    const sequence: PrivilegedObject = { kind: 'sequence', owner: POSTGRES, acl: [] };
    const onSequence = effectivePrivileges(graph, CAROL, sequence, FEATURES_18);
    expect(onSequence.map((p) => [p.privilege, p.grantable])).toEqual([['SELECT', false]]);
  });

  test('a superuser holds everything, and its real reasons are listed too', () => {
    const owned: PrivilegedObject = { kind: 'schema', owner: POSTGRES, acl: [item(POSTGRES, 'USAGE', POSTGRES)] };
    expect(privilege(POSTGRES, owned, 'USAGE')?.sources).toEqual([
      { kind: 'SUPERUSER' },
      { kind: 'OWNER', owner: POSTGRES, grantor: POSTGRES, grantable: false, path: [POSTGRES] },
      { kind: 'OWNER_GRANT_OPTION', owner: POSTGRES, path: [POSTGRES] },
    ]);
  });

  test('the database owner owns what pg_database_owner owns, such as the public schema', () => {
    const publicSchema: PrivilegedObject = {
      kind: 'schema',
      owner: DATABASE_OWNER,
      acl: [item(DATABASE_OWNER, 'USAGE', DATABASE_OWNER), item(DATABASE_OWNER, 'CREATE', DATABASE_OWNER)],
    };
    expect(privilege(DBA, publicSchema, 'CREATE')?.sources[0]).toEqual({
      kind: 'OWNER',
      owner: DATABASE_OWNER,
      grantor: DATABASE_OWNER,
      grantable: false,
      path: [DBA, DATABASE_OWNER],
    });
    expect(privilege(ALICE, publicSchema, 'CREATE')).toBeUndefined();
  });

  test('ADMIN OPTION without INHERIT or SET still administers the role, and nobody administers itself', () => {
    expect(graph.isAdminOf(BOB, ANALYSTS)).toBe(true);
    expect(graph.canSet(BOB, ANALYSTS)).toBe(false);
    expect(graph.isAdminOf(ALICE, ANALYSTS)).toBe(false);
    expect(graph.isAdminOf(ALICE, ALICE)).toBe(false);
    expect(graph.isAdminOf(POSTGRES, POSTGRES)).toBe(true);
  });

  test('the shortest inheritance path is chosen when there are several', () => {
    expect(graph.inheritPath(ALICE, READERS)).toEqual([ALICE, READERS]);
    expect(graph.inheritPath(ALICE, ALICE)).toEqual([ALICE]);
    expect(graph.inheritPath(POSTGRES, READERS)).toBeNull();
    expect(graph.hasPrivsOf(POSTGRES, READERS)).toBe(true);
  });
});

describe('scale', () => {
  test('100 roles × 1,000 tables over 10,000 roles and 50,000 memberships take well under two seconds', () => {
    const rng = prng(7);
    // 500 groups in five levels, each a member of two groups a level up; 9,500 users in random groups.
    const [groups, perLevel] = [500, 100];
    const oid = (i: number) => 20_000 + i;
    const roles = Array.from({ length: 10_000 }, (_, i) => pgRole(oid(i), `role_${i}`));
    const memberships: PgAuthMember[] = [];
    const join = (member: number, group: number) =>
      memberships.push(
        membership(oid(member), oid(group), { inherit_option: chance(rng, 0.9), admin_option: chance(rng, 0.1) }),
      );
    for (let group = 0; group < groups - perLevel; group++) {
      const nextLevel = (Math.floor(group / perLevel) + 1) * perLevel;
      join(group, nextLevel + below(rng, perLevel));
      join(group, nextLevel + below(rng, perLevel));
    }
    while (memberships.length < 50_000) join(groups + below(rng, 10_000 - groups), below(rng, groups));
    const tables: PrivilegedObject[] = Array.from({ length: 1_000 }, () => ({
      kind: 'table',
      owner: oid(below(rng, groups)),
      acl: Array.from({ length: 6 }, () => item(oid(below(rng, groups)), pick(rng, ['SELECT', 'INSERT']), 10)),
    }));

    const started = performance.now();
    const big = RoleGraph.of(roles, memberships);
    let held = 0;
    for (let user = 0; user < 100; user++) {
      for (const table of tables) held += effectivePrivileges(big, oid(groups + user * 90), table, FEATURES_18).length;
    }
    const elapsed = performance.now() - started;
    console.log(`scale: graph and 100 roles × 1,000 tables in ${elapsed.toFixed(0)} ms (${held} privileges held)`);
    expect(held).toBeGreaterThan(10_000);
    expect(elapsed).toBeLessThan(2_000);
  });
});
