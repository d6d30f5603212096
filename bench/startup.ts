import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../server/src/embedded/cluster.js';
import { checkValue, type Section } from './lib/report.js';
import { ROOT, waitForLine } from './lib/server.js';
import { median, ms, ratio, sleep } from './lib/stats.js';

interface Started {
  /** From spawning `npm start` to the "Rolecall is ready" log line. */
  readyLine: number;
  /** From spawning to the first HTTP answer on the port. */
  http: number;
  /** What the server itself logged (from the start of main()). */
  ownMs: number;
}

/** Polls the port until anything answers over HTTP. */
async function firstAnswer(port: number, since: number, timeoutMs: number): Promise<number> {
  const deadline = since + timeoutMs;
  while (performance.now() < deadline) {
    try {
      await fetch(`http://127.0.0.1:${port}/graphql?query=%7B__typename%7D`, { signal: AbortSignal.timeout(1_000) });
      return performance.now() - since;
    } catch {
      await sleep(5);
    }
  }
  throw new Error(`nothing answered on port ${port}`);
}

/** `npm start` (or another command) in its own process group, so that stopping it stops npm and node. */
async function start(command: string[], env: Record<string, string>, port: number, ready: string) {
  const spawned = performance.now();
  const child = spawn(command[0] as string, command.slice(1), {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const [line, http] = await Promise.all([
    waitForLine(child, (text) => text.includes(ready), 120_000, command.join(' ')),
    firstAnswer(port, spawned, 120_000),
  ]);
  const readyLine = performance.now() - spawned;
  child.stdout?.on('data', () => undefined);
  child.stderr?.on('data', () => undefined);
  let ownMs = Number.NaN;
  try {
    ownMs = (JSON.parse(line) as { ms?: number }).ms ?? Number.NaN;
  } catch {
    // the baseline prints a plain line
  }
  return { child, started: { readyLine, http, ownMs } satisfies Started };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-(child.pid as number), 'SIGTERM');
  const timer = setTimeout(() => {
    try {
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch {
      // already gone
    }
  }, 30_000);
  await exited;
  clearTimeout(timer);
}

/** Waits until the embedded cluster of a data dir has shut down (its postmaster.pid is gone). */
async function clusterStopped(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postgres', 'pgdata', 'postmaster.pid');
  for (let waited = 0; existsSync(pidFile); waited += 20) {
    if (waited > 30_000) throw new Error(`the embedded cluster in ${dataDir} did not stop`);
    await sleep(20);
  }
}

const BASELINE = `require('node:http').createServer((q, s) => s.end('{}')).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('baseline is ready'))`;

export async function startupBenchmark(
  runs: number,
  log: (line: string) => void,
  cleanups: Set<() => Promise<void>>,
): Promise<Section> {
  const fresh: Started[] = [];
  const warm: Started[] = [];
  const baseline: Started[] = [];
  // What `npm start` finds on a machine where it ran before: a bundle up to date (its build is not start-up).
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT });
  // Deleted once all runs are over: a fresh start a few seconds after the last one's thousand files were deleted beside
  // it is not a first start. On a file system without a journal (this machine's ext4), each new file then waits while
  // ext4 passes over the inodes freed in the last minutes, which made initdb take up to twice as long.
  const dataDirs: string[] = [];
  const removeDataDirs = async () => {
    await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  };
  cleanups.add(removeDataDirs);
  try {
    for (let run = 0; run < runs; run++) await startupRun(run);
  } finally {
    cleanups.delete(removeDataDirs);
    await removeDataDirs();
  }

  async function startupRun(run: number): Promise<void> {
    const dataDir = await mkdtemp(join(tmpdir(), 'rolecall-start-'));
    dataDirs.push(dataDir);
    // mkdtemp makes it 0700; as root, the embedded cluster runs as `postgres`, which must be able to enter it.
    await chmod(dataDir, 0o755);
    const env = { ROLECALL_DATA_DIR: dataDir, LOG_LEVEL: 'info', NODE_ENV: 'production' };
    let running: ChildProcess | null = null;
    const cleanup = async () => {
      if (running) await stop(running);
    };
    cleanups.add(cleanup);
    try {
      for (const phase of ['fresh', 'warm'] as const) {
        const port = await freePort();
        const { child, started } = await start(
          ['npm', 'start'],
          { ...env, PORT: String(port) },
          port,
          'Rolecall is ready',
        );
        running = child;
        (phase === 'fresh' ? fresh : warm).push(started);
        await stop(child);
        running = null;
        await clusterStopped(dataDir);
      }
      // A bare node:http server started the same way (npm → shell → a Node process): the floor under both.
      const port = await freePort();
      const { child, started } = await start(
        ['npm', 'exec', '--offline', '--', 'node', '-e', BASELINE],
        { PORT: String(port) },
        port,
        'baseline is ready',
      );
      baseline.push(started);
      await stop(child);
    } finally {
      cleanups.delete(cleanup);
      await cleanup();
    }
    log(
      `run ${run + 1}: fresh ${ms(fresh.at(-1)?.http ?? Number.NaN)}, warm ${ms(warm.at(-1)?.http ?? Number.NaN)}, baseline ${ms(baseline.at(-1)?.http ?? Number.NaN)}`,
    );
  }
  const m = (list: Started[], pick: (s: Started) => number) => median(list.map(pick));
  const freshHttp = m(fresh, (s) => s.http);
  const warmHttp = m(warm, (s) => s.http);
  const baseHttp = m(baseline, (s) => s.http);
  const row = (name: string, list: Started[]) => [
    name,
    ms(m(list, (s) => s.readyLine)),
    ms(m(list, (s) => s.http)),
    list === baseline ? '—' : ms(m(list, (s) => s.ownMs)),
    ratio(m(list, (s) => s.http) / baseHttp),
  ];
  return {
    id: 'startup',
    title: '5. Start-up: `npm start` to ready',
    method: `\`npm start\` with ROLECALL_DATA_DIR set to a new temporary directory (the embedded default: initdb, migrations, demo seed; the directories are deleted after the last run) and PORT set to a free port, timed from spawning until the "Rolecall is ready" log line and until the port first answers HTTP; then stopped (SIGTERM) and started again on the same directory (warm). Median of ${runs} of each; the baseline is a bare node:http server started through npm the same way.`,
    header: [
      'start',
      '"Rolecall is ready" logged',
      'first HTTP answer',
      'as logged by the server (from main())',
      'vs baseline',
    ],
    rows: [
      row('fresh data directory', fresh),
      row('warm restart', warm),
      row('baseline (npm exec node -e http)', baseline),
    ],
    checks: [
      checkValue('fresh start to HTTP (initdb included)', ms(freshHttp), '≤ 3 s (issue 18)', freshHttp <= 3_000),
      checkValue('warm restart to HTTP', ms(warmHttp), '≤ 1.5 s (issue 18)', warmHttp <= 1_500),
    ],
    notes: [
      'The difference between "as logged" and the wall-clock columns is npm and Node starting, and the check that the server bundle is up to date; Rolecall’s modules load inside main(), while the embedded cluster starts.',
    ],
  };
}
