#!/usr/bin/env node
// The `rolecall` command: its TypeScript bundled into cli/dist on first use and again whenever a source is newer, so
// each command runs as plain Node (through tsx's loader it spent half a second compiling before doing anything).
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleFile, isUpToDate } from '../scripts/bundle.mjs';

const cli = dirname(fileURLToPath(import.meta.url));
const root = dirname(cli);
const bundle = join(cli, 'dist', 'rolecall.mjs');
// The CLI words notes and impacts with the web's modules (web/src/lib): a change there is a change of the CLI too.
const inputs = [
  join(cli, 'src'),
  join(root, 'web', 'src', 'lib'),
  fileURLToPath(import.meta.url),
  join(root, 'scripts', 'bundle.mjs'),
];
if (!isUpToDate(bundle, inputs)) await bundleFile({ root, entry: 'cli/src/main.ts', outfile: bundle });
await import(pathToFileURL(bundle).href);
