import autocannon from 'autocannon';
import { startBenchCluster } from './lib/cluster.js';
import { adminToken } from './lib/graphql.js';
import { check, type Section } from './lib/report.js';
import { startRolecall, startScript } from './lib/server.js';
import { count, median, ms, ratio } from './lib/stats.js';

const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 3);
const CONNECTIONS = 10;

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

interface Measured {
  requests: number;
  p50: number;
  p99: number;
}

async function load(target: Target, seconds: number): Promise<Measured> {
  const result = await autocannon({
    url: `${target.url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body: target.body,
    connections: CONNECTIONS,
    duration: seconds,
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${target.name}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  return { requests: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

export async function httpBenchmark(
  runs: number,
  log: (line: string) => void,
  cleanups: Set<() => Promise<void>>,
): Promise<Section> {
  const bench = await startBenchCluster();
  cleanups.add(bench.stop);
  const rolecall = await startRolecall(bench.metadataUrl);
  cleanups.add(rolecall.stop);
  const raw = await startScript('bench/servers/http-raw.ts');
  cleanups.add(raw.stop);
  const { token } = await adminToken(rolecall.url);

  const targets: Target[] = [
    {
      name: 'Rolecall `{ viewer { id } }`, bearer token',
      url: rolecall.url,
      headers: { 'x-rolecall-csrf': '1', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    },
    {
      name: 'Rolecall `{ __typename }`, anonymous',
      url: rolecall.url,
      headers: { 'x-rolecall-csrf': '1' },
      body: JSON.stringify({ query: '{ __typename }' }),
    },
    {
      name: 'raw node:http, same JSON',
      url: raw.url,
      headers: {},
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    },
  ];
  const results = targets.map((): Measured[] => []);
  try {
    for (const target of targets) await load(target, 1); // warm-up
    for (let run = 0; run < runs; run++) {
      // Side by side: every run loads each target in turn, starting from a different one.
      for (let i = 0; i < targets.length; i++) {
        const index = (run + i) % targets.length;
        results[index]?.push(await load(targets[index] as Target, SECONDS));
      }
    }
  } finally {
    for (const stop of [raw.stop, rolecall.stop, bench.stop]) {
      cleanups.delete(stop);
      await stop();
    }
  }

  const summary = results.map((measured) => ({
    requests: median(measured.map((m) => m.requests)),
    p50: median(measured.map((m) => m.p50)),
    p99: median(measured.map((m) => m.p99)),
  }));
  const baseline = summary[2] as { requests: number };
  const rows = targets.map((target, i) => {
    const s = summary[i] as Measured;
    return [target.name, `${count(s.requests)}/s`, ms(s.p50), ms(s.p99), ratio(s.requests / baseline.requests)];
  });
  for (const row of rows) log(row.join(' · '));
  const viewer = (summary[0] as Measured).requests / baseline.requests;
  const typename = (summary[1] as Measured).requests / baseline.requests;
  const authenticated = (summary[0] as Measured).requests / (summary[1] as Measured).requests;
  return {
    id: 'http',
    title: '4. HTTP: a GraphQL read vs a raw node:http server',
    method: `autocannon (in the benchmark process), ${CONNECTIONS} connections, ${SECONDS} s per run, median of ${runs} runs after a 1 s warm-up each, the three targets in turn in every run. Each server runs in its own process.`,
    header: ['target', 'requests/s', 'latency p50', 'latency p99', 'throughput vs raw'],
    rows,
    checks: [
      // Issue 18: authenticating a request must not cost more than the rest of it.
      check(
        '`{ viewer { id } }` with a token vs anonymous `{ __typename }` (issue 18)',
        authenticated,
        '≥ 0.5×',
        authenticated >= 0.5,
      ),
      // No target in DESIGN.md or issue 7: recorded to know the framework's cost.
      { name: '`{ viewer { id } }` throughput vs raw', shown: ratio(viewer), target: '—', met: null },
      { name: '`{ __typename }` throughput vs raw', shown: ratio(typename), target: '—', met: null },
    ],
    notes: [
      '`{ viewer { id } }` with a token: the token’s hash is looked up with its user in the metadata database once, then believed from memory for 5 s at most (server/src/auth/viewer-cache.ts: forgotten at once when the token is revoked, its session ends or its user changes, on every instance as its event bus hears of it), and `viewer`’s own fields are answered from that row; besides, Yoga’s parsing, validation (with graphql-armor’s limits), CSRF and origin checks and execution, as for `{ __typename }` without a token.',
      'The raw server reads the JSON body and answers the same shape of JSON; it does no authentication.',
    ],
  };
}
