// Bundles the server's TypeScript into server/dist (packages stay external), so `npm start` runs plain Node:
// loading ~100 modules through tsx's loader hooks took seconds of every start.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outdir = join(root, 'server/dist');

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['server/src/main.ts'],
  bundle: true,
  // Code that is imported on demand (the Redis transport, and with it ioredis) stays out of the start-up path.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  outdir,
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
