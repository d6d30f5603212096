import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../src/paths.js';

/** What `npm start` runs: the bundle of scripts/build-server.mjs, on plain Node, with the embedded default. */
describe('npm start', () => {
  let child: ChildProcess | undefined;
  let dataDir: string | undefined;

  afterAll(async () => {
    child?.kill('SIGKILL');
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('bundles the server, which finds its migrations and web app, serves GraphQL, and stops cleanly', async () => {
    execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: fromRoot() });
    dataDir = await mkdtemp(join(tmpdir(), 'rolecall-start-'));
    await chmod(dataDir, 0o755);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ROLECALL_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    };
    delete env.DATABASE_URL;
    const started = spawn(process.execPath, ['--enable-source-maps', 'server/dist/main.mjs'], {
      cwd: fromRoot(),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      started.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const ready = output.split('\n').find((line) => line.includes('Rolecall is ready'));
        if (ready) resolve((JSON.parse(ready) as { url: string }).url);
      });
      started.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      started.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
    });
    expect(output).toContain('database migrations');

    const page = await fetch(url);
    expect(await page.text()).toContain('<title>Rolecall</title>');
    const answer = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-rolecall-csrf': '1' },
      body: JSON.stringify({ query: '{ setupRequired }' }),
    });
    expect(await answer.json()).toEqual({ data: { setupRequired: true } });

    const exited = new Promise<number | null>((resolve) => started.on('exit', resolve));
    started.kill('SIGTERM');
    expect(await exited).toBe(0);
    child = undefined;
  }, 60_000);

  it('bundles again only when a source file changed, or one was added or removed', async () => {
    const build = () => execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: fromRoot() });
    const builtAt = async () => (await stat(fromRoot('server/dist/main.mjs'))).mtimeMs;
    build();
    const first = await builtAt();
    build();
    expect(await builtAt()).toBe(first);

    const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
    await tick();
    const now = new Date();
    await utimes(fromRoot('server/src/paths.ts'), now, now);
    build();
    const second = await builtAt();
    expect(second).toBeGreaterThan(first);

    const added = fromRoot('server/src/start-test-added.tmp.ts');
    await tick();
    await writeFile(added, 'export {};\n');
    try {
      build();
    } finally {
      await tick();
      await rm(added, { force: true });
    }
    const third = await builtAt();
    expect(third).toBeGreaterThan(second);
    build();
    expect(await builtAt()).toBeGreaterThan(third);
  }, 60_000);
});
