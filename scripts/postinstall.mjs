// After `npm install`: generate the Prisma client offline, build the web app and bundle the server, so `npm start` needs no other step.
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

function run(label, command, args) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`rolecall postinstall: ${label} failed`);
    process.exit(result.status ?? 1);
  }
  console.log(`rolecall postinstall: ${label} done in ${Date.now() - started} ms`);
}

run('prisma generate', process.execPath, ['scripts/prisma-generate.mjs']);
run('web build', process.execPath, [
  'node_modules/vite/bin/vite.js',
  'build',
  '--config',
  'web/vite.config.ts',
  '--logLevel',
  'warn',
]);
// The server bundle too: the first `npm start` then starts at once (it builds again only after a change).
run('server bundle', process.execPath, ['scripts/build-server.mjs']);
