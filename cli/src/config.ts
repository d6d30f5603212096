import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { CliError, type Endpoint } from './api.js';

export interface Saved {
  url: string;
  token: string;
  username?: string;
}

/** `$XDG_CONFIG_HOME/rolecall/config.json`, else `~/.config/rolecall/config.json`. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'rolecall', 'config.json');
}

export async function readSaved(env: NodeJS.ProcessEnv = process.env): Promise<Saved | null> {
  try {
    return JSON.parse(await readFile(configPath(env), 'utf8')) as Saved;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CliError('BAD_CONFIG', `cannot read ${configPath(env)}: ${(error as Error).message}`);
  }
}

/** Written to a private temporary file and renamed, so the token is never readable by others, even briefly. */
export async function save(saved: Saved, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const path = configPath(env);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(saved, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, path);
  return path;
}

export function normaliseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError('INVALID_URL', `not a URL: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new CliError('INVALID_URL', `use an http(s) URL, not ${url}`);
  }
  return `${parsed.origin}${parsed.pathname.replace(/\/(graphql)?\/?$/, '')}`;
}

/** Where to send requests: ROLECALL_URL / ROLECALL_TOKEN override what `rolecall login` saved. */
export async function endpoint(env: NodeJS.ProcessEnv = process.env): Promise<Endpoint> {
  const saved = await readSaved(env);
  const url = env.ROLECALL_URL || saved?.url;
  const token = env.ROLECALL_TOKEN || saved?.token || null;
  if (!url || !token) {
    throw new CliError('NOT_LOGGED_IN', 'run `rolecall login` first, or set ROLECALL_URL and ROLECALL_TOKEN');
  }
  return { url: normaliseUrl(url), token };
}
