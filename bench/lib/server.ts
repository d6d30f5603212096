import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../server/src/embedded/cluster.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ChildServer {
  url: string;
  pid: number;
  /** Resident set size of the server process, from /proc. */
  rss(): number;
  stop(): Promise<void>;
}

export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(status.match(/^VmRSS:\s+(\d+)\s+kB/m)?.[1] ?? Number.NaN);
  return kib * 1024;
}

/** Resolves with the first stdout line that `ready` accepts; rejects if the process exits or `timeoutMs` passes. */
export function waitForLine(
  child: ChildProcess,
  ready: (line: string) => boolean,
  timeoutMs: number,
  what: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const tail: string[] = [];
    let buffer = '';
    const done = (error: Error | null, line?: string) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onStderr);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(line as string);
    };
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        tail.push(line);
        if (tail.length > 30) tail.shift();
        if (ready(line)) return done(null, line);
      }
    };
    const onStderr = (chunk: Buffer) => {
      tail.push(chunk.toString());
      if (tail.length > 30) tail.shift();
    };
    const onExit = (code: number | null) =>
      done(new Error(`${what} exited (${code}) before it was ready:\n${tail.join('\n')}`));
    const timer = setTimeout(
      () => done(new Error(`${what} not ready after ${timeoutMs} ms:\n${tail.join('\n')}`)),
      timeoutMs,
    );
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onStderr);
    child.once('exit', onExit);
  });
}

export async function stopChild(child: ChildProcess, timeoutMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

/** Keeps a child's output drained (a full pipe would block it); BENCH_SERVER_LOG=file keeps it there. */
function drain(child: ChildProcess): void {
  const file = process.env.BENCH_SERVER_LOG ? createWriteStream(process.env.BENCH_SERVER_LOG, { flags: 'a' }) : null;
  child.stdout?.on('data', (chunk) => file?.write(chunk));
  child.stderr?.on('data', (chunk) => file?.write(chunk));
}

/** Rolecall's /metrics answers requests bearing this token (see driftPolledTwice). */
const BENCH_METRICS_TOKEN = 'bench-metrics-token-0123456789';

let built: Promise<void> | null = null;

/** `npm start` bundles the server first (scripts/build-server.mjs); the benchmarks do it once per run. */
function buildServerOnce(): Promise<void> {
  built ??= new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`build-server exited with ${code}`))));
  });
  return built;
}

/**
 * The variables `npm start` sets before Node (the `NAME=value` words heading package.json's start script, such as
 * malloc's, which glibc reads only when the process starts): Rolecall runs here with them, as users run it.
 */
function startScriptEnvironment(): Record<string, string> {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const assignments = /^(?:[A-Z_][A-Z0-9_]*=\S*\s+)*/.exec(scripts.start)?.[0] ?? '';
  return Object.fromEntries(
    assignments
      .split(/\s+/)
      .filter(Boolean)
      .map((word) => [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]),
  );
}

/**
 * Rolecall's real entry point (`server/src/main.ts`, bundled) in its own process, as `npm start` runs it, on the
 * benchmark cluster's metadata database (so nothing is embedded and no demo is seeded). With BENCH_PROFILE=dir
 * the server writes a V8 CPU profile there when it stops; BENCH_NODE_FLAGS adds Node options (e.g. --trace-gc).
 */
export async function startRolecall(metadataUrl: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rolecall-bench-data-'));
  const port = await freePort();
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const flags = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
  await buildServerOnce();
  const child = spawn(process.execPath, [...profile, ...flags, '--enable-source-maps', 'server/dist/main.mjs'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...startScriptEnvironment(),
      NODE_ENV: 'production',
      DATABASE_URL: metadataUrl,
      ROLECALL_DATA_DIR: dataDir,
      ROLECALL_DEMO: 'false',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ROLECALL_METRICS_TOKEN: BENCH_METRICS_TOKEN,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const line = await waitForLine(child, (text) => text.includes('Rolecall is ready'), 60_000, 'Rolecall');
  drain(child);
  const url = (JSON.parse(line) as { url: string }).url;
  return {
    url,
    pid: child.pid as number,
    rss: () => rssOf(child.pid as number),
    stop: async () => {
      await stopChild(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A baseline server script of bench/ in its own process; it prints `listening <port>` when ready. `env` adds to the
 * benchmark's environment (a connection string is not for the command line).
 */
export async function startScript(
  script: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const line = await waitForLine(child, (text) => text.startsWith('listening '), 30_000, script);
  drain(child);
  const port = Number(line.split(' ')[1]);
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    rss: () => rssOf(child.pid as number),
    stop: () => stopChild(child),
  };
}

/** When the drift watcher last finished a poll of every server, by Rolecall's /metrics (Unix seconds; 0: never). */
async function lastDriftPoll(url: string): Promise<number> {
  const response = await fetch(new URL('/metrics', url), {
    headers: { authorization: `Bearer ${BENCH_METRICS_TOKEN}` },
  });
  const lines = (await response.text()).split('\n');
  const polls = lines.filter((line) => line.startsWith('rolecall_drift_last_success_timestamp_seconds{'));
  return polls.length === 0 ? 0 : Math.min(...polls.map((line) => Number(line.split(' ').at(-1))));
}

/**
 * Waits until the drift watcher has finished two polls that ended after now: the second began after the first ended,
 * so it read everything changed before this call (and recorded what was made outside Rolecall).
 */
export async function driftPolledTwice(url: string, timeoutMs = 60_000): Promise<void> {
  const since = Date.now() / 1000;
  const deadline = Date.now() + timeoutMs;
  let first: number | null = null;
  while (Date.now() < deadline) {
    const last = await lastDriftPoll(url);
    if (last > since && first === null) first = last;
    else if (first !== null && last > first) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the drift watcher did not poll twice in ${timeoutMs} ms`);
}
