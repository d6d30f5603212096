// Bundles the server's TypeScript into server/dist (packages stay external), so `npm start` runs plain Node:
// loading ~100 modules through tsx's loader hooks took seconds of every start. A bundle newer than every source
// file and folder (a folder's time changes when a file is added, removed or renamed) is not built again.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(import.meta.url);
const root = dirname(dirname(script));
const sources = join(root, 'server/src');
const outdir = join(root, 'server/dist');
const bundle = join(outdir, 'main.mjs');

/** The latest modification time of a folder, and of everything in it. */
function newest(path) {
  let latest = statSync(path).mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(child) : statSync(child).mtimeMs);
  }
  return latest;
}

const upToDate = existsSync(bundle) && statSync(bundle).mtimeMs > Math.max(newest(sources), statSync(script).mtimeMs);
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
