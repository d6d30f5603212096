import { check, type Section } from './lib/report.js';
import { count, median, ms, ratio } from './lib/stats.js';
import { type ScaleEnv, schemaName, userName } from './scale.js';

const GRANT = `mutation($db: ID!, $object: ObjectRef!, $grantee: String!) {
  grantPrivileges(databaseId: $db, object: $object, grantee: $grantee, privileges: ["TRIGGER"]) {
    __typename ... on PermissionChange { eventId } ... on Error { code message } } }`;

const RUN_MS = Number(process.env.BENCH_MUTATION_MS ?? 2_000);

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

/** Grants per second with `concurrency` grants in flight, for RUN_MS. */
async function throughput(concurrency: number, grant: () => Promise<void>): Promise<number> {
  const started = performance.now();
  const deadline = started + RUN_MS;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await grant();
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

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
    await throughput(concurrency, viaGraphQL); // warm-up
    await throughput(concurrency, viaRaw);
    const graphql: number[] = [];
    const raw: number[] = [];
    for (let run = 0; run < runs; run++) {
      if (run % 2 === 0) {
        graphql.push(await throughput(concurrency, viaGraphQL));
        raw.push(await throughput(concurrency, viaRaw));
      } else {
        raw.push(await throughput(concurrency, viaRaw));
        graphql.push(await throughput(concurrency, viaGraphQL));
      }
    }
    const value = median(graphql) / median(raw);
    log(
      `${concurrency} in flight: GraphQL ${median(graphql).toFixed(0)}/s, raw ${median(raw).toFixed(0)}/s, ${ratio(value)}`,
    );
    rows.push([
      String(concurrency),
      `${count(median(graphql))}/s (${ms((1000 * concurrency) / median(graphql))} each)`,
      `${count(median(raw))}/s (${ms((1000 * concurrency) / median(raw))} each)`,
      ratio(value),
    ]);
    checks.push(check(`grants/s, ${concurrency} in flight`, value, '≥ 0.5×', value >= 0.5));
  }

  const [granted] = await env.bench.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_catalog.pg_class c, aclexplode(c.relacl) a
      WHERE a.privilege_type = 'TRIGGER' AND a.grantee <> c.relowner`,
    [],
    env.database,
  );
  return {
    id: 'mutations',
    title: '2. Mutation throughput: grantPrivileges vs raw GRANT',
    method: `Grants per second for ${RUN_MS / 1000} s per run, median of ${runs} runs (after a warm-up), GraphQL and raw alternating; each grant is TRIGGER on a different (table, user) pair of the generated catalog, as \`${env.owner}\`.`,
    header: ['in flight', 'GraphQL grantPrivileges', 'raw GRANT', 'ratio'],
    rows,
    checks,
    notes: [
      'GraphQL: `grantPrivileges` over HTTP with an API token; each one resolves the table and grantee in the live catalog, checks schema USAGE and serial sequences, runs BEGIN / GRANT / COMMIT as the owner role through Rolecall’s pool (4 connections per role), and records the event (with NOTIFY) in the metadata database. Raw: `GRANT TRIGGER ON TABLE … TO …` (autocommit) through a `pg` pool of 4 connections as the same role.',
      `${count(graphqlGrants + rawGrants)} grants made (${count(graphqlGrants)} through GraphQL); ${count(granted?.n ?? 0)} TRIGGER grants are in the catalog afterwards.`,
    ],
  };
}
