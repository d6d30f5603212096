import { check, checkValue, type Section } from './lib/report.js';
import { driftPolledTwice } from './lib/server.js';
import { count, median, ms, percentile, ratio } from './lib/stats.js';
import { type ScaleEnv, schemaName, schemaSql, userGrantsSql, userName } from './scale.js';

const GRANT = `mutation($db: ID!, $object: ObjectRef!, $grantee: String!) {
  grantPrivileges(databaseId: $db, object: $object, grantee: $grantee, privileges: ["TRIGGER"]) {
    __typename ... on PermissionChange { eventId } ... on Error { code message } } }`;

const SET_PRIVILEGES = `mutation($db: ID!, $object: ObjectRef!, $grants: [DesiredGrantInput!]!) {
  setPrivileges(databaseId: $db, object: $object, grants: $grants) {
    __typename ... on PermissionChange { eventId sql } ... on Error { code message } } }`;

const GRANT_ON_ALL = `mutation($db: ID!, $schema: String!, $grantee: String!) {
  grantOnAllTables(databaseId: $db, schema: $schema, grantee: $grantee, privileges: ["REFERENCES"]) {
    __typename ... on PermissionChange { eventId sql } ... on Error { code message } } }`;

const RUN_MS = Number(process.env.BENCH_MUTATION_MS ?? 2_000);
/** Grants counted one after the other for their statements (round trips). */
const COUNTED_GRANTS = 50;
const BULK_GRANTEES = 100;
/** Runs of each bulk change (and of its raw statements) before those measured. */
const BULK_WARM_UPS = 5;
/** The tables of the schema one grantOnAllTables covers. */
const ALL_TABLES = 1_000;

/** The k-th grant: TRIGGER (which nobody but the owner holds) on a table to a user; distinct for 45,000 grants. */
function grantOf(env: ScaleEnv, k: number) {
  const { schemas, tablesPerSchema, users } = env.size;
  const table = k % (schemas * tablesPerSchema);
  return {
    schema: schemaName(1 + Math.floor(table / tablesPerSchema)),
    name: `t${String(1 + (table % tablesPerSchema)).padStart(4, '0')}`,
    grantee: userName(1 + ((k * 7919) % users)),
  };
}

interface Run {
  perSecond: number;
  /** Each grant's latency, ms. */
  latencies: number[];
}

/**
 * What a side changed is the drift watcher's to read before the other side runs: it keeps polling at its default
 * interval during every run, but the raw side's thousands of grants, recorded as made outside Rolecall, are not
 * timed on the GraphQL side (nor the re-reads the GraphQL side causes on the raw one).
 */
const settled = <T>(env: ScaleEnv, run: Promise<T>) =>
  run.then(async (result) => {
    await driftPolledTwice(env.rolecall.url);
    return result;
  });

/** Grants per second with `concurrency` grants in flight, for RUN_MS, and each one's latency. */
async function throughput(concurrency: number, grant: () => Promise<void>): Promise<Run> {
  const started = performance.now();
  const deadline = started + RUN_MS;
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        await grant();
        latencies.push(performance.now() - sent);
      }
    }),
  );
  return { perSecond: latencies.length / ((performance.now() - started) / 1000), latencies };
}

/** Statements PostgreSQL ran so far on each database of the cluster (pg_stat_statements, every statement). */
async function statementsByDatabase(env: ScaleEnv): Promise<Map<string, number>> {
  const rows = await env.bench.sql<{ datname: string; calls: string }>(
    `SELECT d.datname, sum(s.calls)::text AS calls
       FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid GROUP BY d.datname`,
  );
  return new Map(rows.map((row) => [row.datname, Number(row.calls)]));
}

interface Split {
  metadata: number;
  managed: number;
}

/**
 * Round trips and statements per grant on the metadata and the managed database, over grants made one after the
 * other: round trips from the server's statement log (a query string of several statements is one), the drift
 * watcher's polls meanwhile apart; statements from pg_stat_statements (the drift watcher's included).
 */
async function costPerGrant(env: ScaleEnv, grant: () => Promise<void>) {
  const before = await statementsByDatabase(env);
  const trips = await env.bench.roundTrips(async () => {
    for (let n = 0; n < COUNTED_GRANTS; n++) await grant();
    // The event bus reads a new event after its NOTIFY unless it wrote it: let it finish before counting.
    await new Promise((resolve) => setTimeout(resolve, 200));
  });
  const after = await statementsByDatabase(env);
  const per = (count = 0) => count / COUNTED_GRANTS;
  // The counting queries ran on the cluster's default database, which neither side uses.
  return {
    roundTrips: { metadata: per(trips.get('rolecall')), managed: per(trips.get(env.database)) },
    drift: {
      metadata: per(trips.get('rolecall (drift watcher)')),
      managed: per(trips.get(`${env.database} (drift watcher)`)),
    },
    statements: {
      metadata: per((after.get('rolecall') ?? 0) - (before.get('rolecall') ?? 0)),
      managed: per((after.get(env.database) ?? 0) - (before.get(env.database) ?? 0)),
    },
  };
}

/** One bulk change through GraphQL and its statements sent raw in one transaction, alternating. */
async function bulkComparison(
  env: ScaleEnv,
  runs: number,
  viaGraphQL: (run: number) => Promise<string[]>,
  rawStatements: (run: number) => string[],
) {
  const graphql: number[] = [];
  const raw: number[] = [];
  let statements = 0;
  const rawRun = async (run: number) => {
    const client = await env.raw.connect();
    const sent = performance.now();
    try {
      await client.query('BEGIN');
      for (const statement of rawStatements(run)) await client.query(statement);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    raw.push(performance.now() - sent);
  };
  const graphqlRun = async (run: number) => {
    const sent = performance.now();
    statements = (await viaGraphQL(run)).length;
    graphql.push(performance.now() - sent);
  };
  // The first BULK_WARM_UPS runs warm both sides up (a bulk change's own code is compiled over its first few runs:
  // back to back, the first setPrivileges took 107, 53, 43 and 38 ms, then about 33); each run changes objects no
  // earlier run changed.
  for (let run = 0; run < BULK_WARM_UPS + runs; run++) {
    if (run % 2 === 0) {
      await settled(env, graphqlRun(2 * run));
      await settled(env, rawRun(2 * run + 1));
    } else {
      await settled(env, rawRun(2 * run + 1));
      await settled(env, graphqlRun(2 * run));
    }
    if (run < BULK_WARM_UPS) {
      graphql.length = 0;
      raw.length = 0;
    }
  }
  return { graphql: median(graphql), raw: median(raw), statements };
}

const quoted = (name: string) => `"${name}"`;

export async function mutationBenchmark(env: ScaleEnv, runs: number, log: (line: string) => void): Promise<Section> {
  let graphqlGrants = 0;
  let rawGrants = 0;
  let graphqlNext = 0;
  let rawNext = 0;
  // GraphQL grants take the even grants and raw ones the odd: a grant Rolecall makes must change something (one that
  // changes nothing is a NothingChanged and records no event), while raw GRANTs may run past the 45,000 and repeat.
  const viaGraphQL = async () => {
    const { schema, name, grantee } = grantOf(env, 2 * graphqlNext++);
    const result = await env.api.client.field<{ eventId: string }>(
      GRANT,
      { db: env.api.databaseId, object: { kind: 'TABLE', schema, name }, grantee },
      'PermissionChange',
    );
    if (!result.eventId) throw new Error('grantPrivileges recorded no event');
    graphqlGrants++;
  };
  const viaRaw = async () => {
    const { schema, name, grantee } = grantOf(env, 2 * rawNext++ + 1);
    await env.raw.query(`GRANT TRIGGER ON TABLE "${schema}"."${name}" TO "${grantee}"`);
    rawGrants++;
  };

  const rows: string[][] = [];
  const checks = [];
  for (const concurrency of [1, 4]) {
    await settled(env, throughput(concurrency, viaGraphQL)); // warm-up
    await settled(env, throughput(concurrency, viaRaw));
    const graphql: Run[] = [];
    const raw: Run[] = [];
    for (let run = 0; run < runs; run++) {
      if (run % 2 === 0) {
        graphql.push(await settled(env, throughput(concurrency, viaGraphQL)));
        raw.push(await settled(env, throughput(concurrency, viaRaw)));
      } else {
        raw.push(await settled(env, throughput(concurrency, viaRaw)));
        graphql.push(await settled(env, throughput(concurrency, viaGraphQL)));
      }
    }
    const rate = (side: Run[]) => median(side.map((run) => run.perSecond));
    const p50 = (side: Run[]) => median(side.map((run) => percentile(run.latencies, 50)));
    const range = (side: Run[]) => {
      const rates = side.map((run) => run.perSecond);
      return `${count(Math.min(...rates))}–${count(Math.max(...rates))}`;
    };
    log(
      `${concurrency} in flight: GraphQL ${rate(graphql).toFixed(0)}/s (p50 ${ms(p50(graphql))}), raw ${rate(raw).toFixed(0)}/s`,
    );
    rows.push([
      `grants, ${concurrency} in flight`,
      `${count(rate(graphql))}/s (${range(graphql)}), p50 ${ms(p50(graphql))}`,
      `${count(rate(raw))}/s (${range(raw)}), p50 ${ms(p50(raw))}`,
      ratio(rate(graphql) / rate(raw)),
    ]);
    if (concurrency === 1)
      checks.push(checkValue('grant p50, 1 in flight', ms(p50(graphql)), '≤ 5 ms', p50(graphql) <= 5));
    else
      checks.push(
        checkValue(`grants/s, ${concurrency} in flight`, `${count(rate(graphql))}/s`, '≥ 500/s', rate(graphql) >= 500),
      );
  }

  const cost = await costPerGrant(env, viaGraphQL);
  const split = ({ metadata, managed }: Split) =>
    `${(metadata + managed).toFixed(1)} (metadata ${metadata.toFixed(1)}, managed ${managed.toFixed(1)})`;
  log(
    `per grant: round trips ${split(cost.roundTrips)}, the drift watcher's polls meanwhile ${split(cost.drift)}; statements ${split(cost.statements)}`,
  );
  rows.push(['round trips per grant', split(cost.roundTrips), '1', '—']);
  rows.push(['the drift watcher’s polls meanwhile, per grant', split(cost.drift), '—', '—']);
  rows.push([
    'statements per grant (pg_stat_statements, the drift watcher’s included)',
    split(cost.statements),
    '1',
    '—',
  ]);
  const trips = cost.roundTrips.metadata + cost.roundTrips.managed;
  checks.push(checkValue('round trips per grant (metadata + managed)', trips.toFixed(1), '≤ 6', trips <= 6));

  // One setPrivileges: TRIGGER to 100 users on one table (a table of the last schema, which the grants above reach last).
  const { schemas, tablesPerSchema, users } = env.size;
  const bulkSchema = schemaName(schemas);
  const bulkTable = (run: number) => `t${String(tablesPerSchema - run).padStart(4, '0')}`;
  const bulkGrantees = (run: number) =>
    Array.from({ length: BULK_GRANTEES }, (_, n) => userName(1 + ((run * BULK_GRANTEES + n) % users)));
  const setPrivileges = await bulkComparison(
    env,
    runs,
    async (run) => {
      const result = await env.api.client.field<{ sql: string[] }>(
        SET_PRIVILEGES,
        {
          db: env.api.databaseId,
          object: { kind: 'TABLE', schema: bulkSchema, name: bulkTable(run) },
          grants: bulkGrantees(run).map((grantee) => ({ grantee, privileges: ['TRIGGER'] })),
        },
        'PermissionChange',
      );
      return result.sql;
    },
    (run) =>
      bulkGrantees(run).map(
        (grantee) => `GRANT TRIGGER ON TABLE ${quoted(bulkSchema)}.${quoted(bulkTable(run))} TO ${quoted(grantee)}`,
      ),
  );
  // One grantOnAllTables: REFERENCES on every table of a schema of 1,000 (issue 18) to one user, a different user
  // each run, none of those the `ui` benchmark picks afterwards. The schema is made for it, shaped as the others, and
  // dropped after.
  const allSchema = 'bulk';
  await env.raw.query(schemaSql(allSchema, schemas + 1, ALL_TABLES, env.size.groups));
  await env.raw.query(userGrantsSql(users, allSchema));
  await settled(env, Promise.resolve());
  const allGrantee = (run: number) => userName(Math.floor(users / 2) + run);
  const onAll = await bulkComparison(
    env,
    runs,
    async (run) => {
      const result = await env.api.client.field<{ sql: string[] }>(
        GRANT_ON_ALL,
        { db: env.api.databaseId, schema: allSchema, grantee: allGrantee(run) },
        'PermissionChange',
      );
      return result.sql;
    },
    (run) => [`GRANT REFERENCES ON ALL TABLES IN SCHEMA ${quoted(allSchema)} TO ${quoted(allGrantee(run))}`],
  );
  await settled(env, env.raw.query(`DROP SCHEMA ${quoted(allSchema)} CASCADE`));
  for (const [what, measured] of [
    [`setPrivileges: TRIGGER to ${BULK_GRANTEES} users on one table`, setPrivileges],
    [`grantOnAllTables: REFERENCES on the ${count(ALL_TABLES)} tables of a schema to one user`, onAll],
  ] as const) {
    const value = measured.graphql / measured.raw;
    log(`${what}: GraphQL ${ms(measured.graphql)}, raw ${ms(measured.raw)}, ${ratio(value)}`);
    rows.push([what, `${ms(measured.graphql)} (${measured.statements} statements)`, ms(measured.raw), ratio(value)]);
    checks.push(check(what, value, '≤ 2×', value <= 2));
  }

  const [granted] = await env.bench.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_catalog.pg_class c, aclexplode(c.relacl) a
      WHERE a.privilege_type = 'TRIGGER' AND a.grantee <> c.relowner`,
    [],
    env.database,
  );
  return {
    id: 'mutations',
    title: '2. Mutations: grantPrivileges and bulk changes vs raw SQL',
    method: `Grants per second for ${RUN_MS / 1000} s per run, median of ${runs} runs (range in brackets; after a warm-up), GraphQL and raw alternating, each run followed by two polls of the drift watcher (what one side changed is read, and the raw side's grants recorded as made outside Rolecall, before the other side runs; it polls at its default interval during the runs too); each grant is TRIGGER on a different (table, user) pair of the generated catalog, as \`${env.owner}\`. p50: the median over runs of each run's median latency. Round trips: the queries Rolecall's metadata database and the managed one received over ${COUNTED_GRANTS} grants one after the other, per grant, counted from PostgreSQL's statement log (log_statement = all meanwhile: a simple-protocol query string is one however many statements it holds, an extended-protocol Execute one); statements: what pg_stat_statements counted meanwhile (every statement, the markers between the queries Rolecall sends together included). The drift watcher polls meanwhile at its default interval: its fingerprints (md5) and reads (each in a REPEATABLE READ READ ONLY transaction) are counted apart, as its polls, not the grants' cost. Bulk changes: median of ${runs} (after ${BULK_WARM_UPS} warm-up runs of each side), each on objects no earlier run changed, vs the same statements sent raw in one transaction (BEGIN, each statement, COMMIT), also each followed by two polls of the drift watcher.`,
    header: ['measure', 'GraphQL', 'raw', 'ratio'],
    rows,
    checks,
    notes: [
      'GraphQL: the mutation over HTTP (node:http, kept-alive connections) with an API token; each one resolves the table and grantee in the live catalog, checks schema USAGE and serial sequences, runs BEGIN / the statements / COMMIT as the owner role through Rolecall’s pool (4 connections per role), observes what it changed with its impact, and records the event (with NOTIFY) in the metadata database. Raw: the statements through a `pg` pool of 4 connections as the same role (a grant autocommits). The drift watcher polls at its default interval meanwhile, as users run it: it records the raw grants as changes made outside Rolecall.',
      `${count(graphqlGrants + rawGrants)} single grants made (${count(graphqlGrants)} through GraphQL); ${count(granted?.n ?? 0)} TRIGGER grants are in the catalog afterwards.`,
    ],
  };
}
