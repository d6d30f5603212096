// Bundles TypeScript into plain ESM (packages stay external) only when a source is newer than the bundle: loading
// ~100 modules through tsx's loader hooks costs a second or more at every start of the server and of the CLI.
import { existsSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** The latest modification time of a file or folder, and of everything in it (a folder's changes on add/remove). */
export function newest(path) {
  let latest = statSync(path).mtimeMs;
  if (!statSync(path).isDirectory()) return latest;
  for (const entry of readdirSync(path, { withFileTypes: true }))
    latest = Math.max(latest, newest(join(path, entry.name)));
  return latest;
}

/** Whether `bundle` exists and is newer than every one of `inputs` (folders and files). */
export function isUpToDate(bundle, inputs) {
  return existsSync(bundle) && statSync(bundle).mtimeMs > Math.max(...inputs.map(newest));
}

/**
 * One self-contained file for `entry` at `outfile`, written under another name first and renamed, so two processes
 * building at once (two CLI commands started together) never leave or run a half-written bundle.
 */
export async function bundleFile({ root, entry, outfile }) {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    write: false,
    outfile,
    logLevel: 'warning',
  });
  await mkdir(dirname(outfile), { recursive: true });
  const partial = `${outfile}.${process.pid}.tmp`;
  writeFileSync(partial, result.outputFiles[0].contents);
  renameSync(partial, outfile);
}
