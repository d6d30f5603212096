// Bundles the server's TypeScript into server/dist (packages stay external), so `npm start` runs plain Node:
// loading ~100 modules through tsx's loader hooks took seconds of every start. A bundle newer than every source
// file and folder (a folder's time changes when a file is added, removed or renamed) is not built again. With
// --start, the bundle then runs in this same process (`npm start`: one Node start instead of two).
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isUpToDate } from './bundle.mjs';

const script = fileURLToPath(import.meta.url);
const root = dirname(dirname(script));
const outdir = join(root, 'server/dist');
const bundle = join(outdir, 'main.mjs');

const upToDate = isUpToDate(bundle, [join(root, 'server/src'), script, join(root, 'scripts/bundle.mjs')]);
if (!upToDate) {
  const { build } = await import('esbuild');
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
}

if (process.argv.includes('--start')) await import(pathToFileURL(bundle).href);
