import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { builtinModules } from 'node:module';
import type { AddressInfo } from 'node:net';
import { posix, resolve } from 'node:path';
import { Script } from 'node:vm';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { fromRoot } from '../src/paths.js';

// Nothing here builds an image or pulls one (there is no Docker daemon here, and no network): it reads the Dockerfile
// and the compose file, and checks them against the project they package.

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  base: string;
  name: string | null;
  instructions: Instruction[];
}

/** The Dockerfile's stages, with continuation lines joined and comments dropped. */
function parseDockerfile(text: string): Stage[] {
  const logical = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args: args.replace(/\s+/g, ' ') };
    if (instruction.keyword === 'FROM') {
      const [, base = '', name = null] = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args) ?? [];
      stages.push({ base, name, instructions: [] });
    } else if (instruction.keyword !== 'ARG' || stages.length > 0) {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

const all = (stage: Stage, keyword: string) => stage.instructions.filter((one) => one.keyword === keyword);
const runs = (stage: Stage) => all(stage, 'RUN').map((one) => one.args);

function workdir(stage: Stage): string {
  return all(stage, 'WORKDIR').at(-1)?.args ?? '/';
}

interface Copy {
  from: string | null;
  sources: string[];
  destination: string;
}

function copies(stage: Stage): Copy[] {
  return all(stage, 'COPY').map(({ args }) => {
    const from = /--from=(\S+)/.exec(args)?.[1] ?? null;
    const paths = args
      .split(' ')
      .filter((part) => !part.startsWith('--'))
      .filter(Boolean);
    return { from, sources: paths.slice(0, -1), destination: paths.at(-1) as string };
  });
}

/** An exec-form instruction (`CMD ["node", …]`) as its argument list. */
function execForm(args: string): string[] {
  return JSON.parse(args.replace(/^(?:--\S+\s+)*(?:CMD\s+)?/, '')) as string[];
}

/**
 * What `npm start` serves with: `node <options> scripts/build-server.mjs --start` builds the bundle when a source
 * changed and then runs it in the same process, as `node <options> server/dist/main.mjs` does; the `NAME=value` words
 * heading its script are the environment it runs in.
 */
function npmStart(): { entry: string; environment: string[] } {
  const { scripts } = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { scripts: { start: string } };
  const environment = /^(?:[A-Z_][A-Z0-9_]*=\S*\s+)*/.exec(scripts.start)?.[0] ?? '';
  return {
    entry: scripts.start.slice(environment.length).replace('scripts/build-server.mjs --start', 'server/dist/main.mjs'),
    environment: environment.split(/\s+/).filter(Boolean),
  };
}

function isIgnored(patterns: string[], path: string): boolean {
  return patterns.some((pattern) => {
    const plain = pattern.replace(/^\*\*\//, '').replace(/\/$/, '');
    return path === plain || path.startsWith(`${plain}/`) || path.split('/').includes(plain);
  });
}

const stages = parseDockerfile(readFileSync(fromRoot('Dockerfile'), 'utf8'));
const build = stages[0] as Stage;
const runtime = stages.at(-1) as Stage;

describe('the Dockerfile', () => {
  it('has a build stage and a runtime stage on Node 20, each named', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(build.name).toBe('build');
    expect(runtime.name).toBe('runtime');
    for (const stage of [build, runtime]) expect(stage.base).toMatch(/^node:20[.\d]*-\w+/);
    expect(runtime.base).toMatch(/-slim$/);
  });

  it('builds with every dependency: installs from the lockfile, generates the Prisma client, builds the web app and the server bundle', () => {
    const commands = runs(build).join(' && ');
    expect(commands).toMatch(/npm ci\b/);
    expect(commands).not.toContain('--omit=dev');
    expect(commands).toContain('scripts/prisma-generate.mjs');
    expect(commands).toContain('npm run build:web');
    expect(commands).toContain('scripts/build-server.mjs');
    // The generated client must exist before the bundle that includes it is built.
    expect(commands.indexOf('prisma-generate')).toBeLessThan(commands.indexOf('build-server'));
  });

  it('runs with production dependencies only, and without the postinstall that would build again', () => {
    const commands = runs(runtime).join(' && ');
    expect(commands).toMatch(/npm ci [^&]*--omit=dev/);
    expect(commands).toMatch(/npm ci [^&]*--ignore-scripts/);
    expect(commands).not.toMatch(/npm (install|i)\b/);
    expect(commands).not.toMatch(/build:web|build-server|postinstall\.mjs|prisma-generate/);
  });

  it('copies the web build, the server bundle and the migrations from the build stage', () => {
    const fromBuild = copies(runtime).filter((copy) => copy.from === build.name);
    const copied = fromBuild.flatMap((copy) => copy.sources.map((source) => posix.relative(workdir(build), source)));
    expect(copied).toEqual(expect.arrayContaining(['server/dist', 'web/dist', 'prisma/migrations']));
  });

  it('runs as a non-root user, listens on all interfaces at 4000, and checks /healthz with Node itself', () => {
    const user = all(runtime, 'USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(user);
    const userIndex = runtime.instructions.findIndex((one) => one.keyword === 'USER');
    const cmdIndex = runtime.instructions.findIndex((one) => one.keyword === 'CMD');
    expect(userIndex).toBeLessThan(cmdIndex);
    expect(all(runtime, 'EXPOSE').map((one) => one.args)).toContain('4000');
    expect(
      all(runtime, 'ENV')
        .map((one) => one.args)
        .join(' '),
    ).toMatch(/\bHOST=0\.0\.0\.0\b/);
    const healthcheck = all(runtime, 'HEALTHCHECK').at(-1)?.args ?? '';
    const probe = execForm(healthcheck);
    expect(probe[0]).toBe('node');
    expect(probe.join(' ')).toContain('/healthz');
  });

  it('has a HEALTHCHECK that exits 0 when /healthz answers 200, and 1 otherwise', async () => {
    const probe = execForm(all(runtime, 'HEALTHCHECK').at(-1)?.args ?? '[]');
    const port = all(runtime, 'ENV')
      .map((one) => /\bPORT=(\d+)/.exec(one.args)?.[1])
      .find(Boolean);
    expect(port).toBe('4000');
    let status = 200;
    const paths: string[] = [];
    const server = createServer((request, response) => {
      paths.push(request.url ?? '');
      response.writeHead(status).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const env = { ...process.env, PORT: String((server.address() as AddressInfo).port) };
    const exitCode = () =>
      new Promise<number | null>((resolve) => {
        const child = spawn(probe[0] as string, probe.slice(1), { env, stdio: 'ignore' });
        child.on('exit', resolve);
      });
    try {
      expect(await exitCode()).toBe(0);
      status = 503;
      expect(await exitCode()).toBe(1);
      expect(paths).toEqual(['/healthz', '/healthz']);
    } finally {
      server.close();
    }
  });

  it('runs the same entry as `npm start`, without npm in between, in the environment its script sets', () => {
    const { entry, environment } = npmStart();
    const command = execForm(all(runtime, 'CMD').at(-1)?.args ?? '[]');
    expect(command.join(' ')).toBe(entry);
    const set = all(runtime, 'ENV').flatMap(({ args }) => args.split(/\s+/));
    for (const variable of environment) expect(set).toContain(variable);
  });

  it('keeps local state, secrets and build output out of the build context, and nothing the build needs', () => {
    const patterns = readFileSync(fromRoot('.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    for (const path of ['node_modules', '.data', '.data/secret.key', 'server/dist', 'web/dist', '.env', '.git'])
      expect(isIgnored(patterns, path), path).toBe(true);
    const needed = [
      'package.json',
      'package-lock.json',
      'prisma/schema.prisma',
      'prisma/migrations',
      'prisma.config.ts',
      'scripts/prisma-generate.mjs',
      'scripts/build-server.mjs',
      'server/src/main.ts',
      'web/vite.config.ts',
      'web/index.html',
      'tsconfig.json',
    ];
    for (const path of needed) {
      expect(existsSync(fromRoot(path)), path).toBe(true);
      expect(isIgnored(patterns, path), path).toBe(false);
    }
  });
});

describe('what the Dockerfile copies exists after a build', () => {
  beforeAll(() => {
    // The same build `npm start` runs (and skips when the bundle is newer than every source).
    execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: fromRoot() });
  });

  it('finds every COPY source: from the build context, and from the build stage once built', () => {
    for (const stage of stages) {
      for (const copy of copies(stage)) {
        for (const source of copy.sources) {
          const path = copy.from === null ? source : posix.relative(workdir(build), source);
          expect(existsSync(fromRoot(path)), `${stage.name}: COPY ${source}`).toBe(true);
        }
      }
    }
    expect(existsSync(fromRoot('web/dist/index.html'))).toBe(true);
    expect(existsSync(fromRoot('server/dist/main.mjs'))).toBe(true);
  });

  it('has a bundle that imports only Node built-ins, its own chunks and production dependencies', () => {
    const manifest = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const packages = bundlePackages();
    expect(packages.size).toBeGreaterThan(1);
    for (const name of packages) expect(manifest.dependencies, `${name} must be a dependency`).toHaveProperty([name]);
  });
});

/** The packages the server bundle and its chunks import, by package name, as esbuild reads them. */
function bundlePackages(): Set<string> {
  const { metafile } = buildSync({
    entryPoints: [fromRoot('server/dist/main.mjs')],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outdir: 'unused',
    logLevel: 'silent',
  });
  expect(Object.keys(metafile.inputs).length).toBeGreaterThan(1);
  const packages = new Set<string>();
  for (const { imports } of Object.values(metafile.inputs)) {
    for (const { path, external } of imports) {
      if (!external || path.startsWith('node:') || builtinModules.includes(path.split('/')[0] as string)) continue;
      packages.add(
        path
          .split('/')
          .slice(0, path.startsWith('@') ? 2 : 1)
          .join('/'),
      );
    }
  }
  return packages;
}

type Service = Record<string, unknown> & {
  build?: string | { context?: string };
  image?: string;
  environment?: Record<string, string> | string[];
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string[] | string };
  volumes?: (string | { source?: string; target?: string })[];
  command?: string | string[];
};

/** `docker compose config` where the plugin exists (it resolves the file as Compose itself would), else the YAML. */
function loadCompose(): { services: Record<string, Service>; by: string } {
  const env = { ...process.env, ROLECALL_SECRET_KEY: 'a'.repeat(64) };
  const version = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
  if (version.status === 0) {
    const config = execFileSync('docker', ['compose', '-f', 'docker-compose.yml', 'config', '--format', 'json'], {
      cwd: fromRoot(),
      env,
      encoding: 'utf8',
    });
    return { services: JSON.parse(config).services, by: 'docker compose config' };
  }
  const yaml = parseYaml(readFileSync(fromRoot('docker-compose.yml'), 'utf8'), { merge: true });
  return { services: yaml.services, by: 'yaml' };
}

function environment(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (!Array.isArray(env)) return env;
  return Object.fromEntries(env.map((entry) => [entry.split('=')[0], entry.split('=').slice(1).join('=')]));
}

function dependsOn(service: Service): Record<string, string | undefined> {
  const depends = service.depends_on ?? {};
  if (Array.isArray(depends)) return Object.fromEntries(depends.map((name) => [name, undefined]));
  return Object.fromEntries(Object.entries(depends).map(([name, value]) => [name, value?.condition]));
}

function buildsThisRepo(service: Service): boolean {
  const context = typeof service.build === 'string' ? service.build : service.build?.context;
  return context !== undefined && resolve(fromRoot(), context) === resolve(fromRoot());
}

function healthTest(service: Service): string {
  const test = service.healthcheck?.test;
  return Array.isArray(test) ? test.join(' ') : (test ?? '');
}

describe('docker-compose.yml', () => {
  const { services, by } = loadCompose();
  const replicas = Object.entries(services).filter(([, service]) => buildsThisRepo(service));

  it(`runs two Rolecall replicas built from the Dockerfile (read with ${by})`, () => {
    expect(replicas.map(([name]) => name)).toHaveLength(2);
    for (const [, service] of replicas) {
      expect(service.command).toBeUndefined();
      const mounts = (service.volumes ?? []).map((volume) => (typeof volume === 'string' ? volume : volume.source));
      expect(mounts.some((mount) => mount === '.' || mount?.startsWith('.:') || mount === fromRoot())).toBe(false);
    }
  });

  it('gives both replicas the same metadata database, Redis, secret key and public URL', () => {
    const shared = ['DATABASE_URL', 'REDIS_URL', 'ROLECALL_SECRET_KEY', 'PUBLIC_URL'];
    const [first, second] = replicas.map(([, service]) => environment(service));
    for (const name of shared) {
      expect(first?.[name], name).toBeTruthy();
      expect(second?.[name], name).toBe(first?.[name]);
    }
    const metadataHost = new URL(first?.DATABASE_URL as string).hostname;
    const redisHost = new URL(first?.REDIS_URL as string).hostname;
    expect(services[metadataHost]?.image).toMatch(/^postgres:/);
    expect(services[redisHost]?.image).toMatch(/^redis:/);
    // The key comes from the environment of whoever runs it, never from the repository.
    if (by === 'yaml') expect(first?.ROLECALL_SECRET_KEY).toMatch(/^\$\{ROLECALL_SECRET_KEY:\?/);
  });

  it('starts each replica once the metadata database is healthy, and checks each one', () => {
    const metadataHost = new URL(environment(replicas[0]?.[1] as Service).DATABASE_URL as string).hostname;
    expect(healthTest(services[metadataHost] as Service)).toContain('pg_isready');
    for (const [name, service] of replicas) {
      expect(dependsOn(service)[metadataHost], name).toBe('service_healthy');
      expect(healthTest(service), name).toMatch(/\/(readyz|healthz)/);
      const test = service.healthcheck?.test as string[];
      // Compose runs it in the replica's image: the slim image has Node, and no shell tools beyond it.
      expect(test.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
      expect(() => new Script(test[3] as string)).not.toThrow();
    }
  });

  it('has a second PostgreSQL to manage, apart from the metadata one', () => {
    const metadataHost = new URL(environment(replicas[0]?.[1] as Service).DATABASE_URL as string).hostname;
    const managed = Object.entries(services).filter(
      ([name, service]) => name !== metadataHost && String(service.image).startsWith('postgres:'),
    );
    expect(managed).toHaveLength(1);
  });
});
