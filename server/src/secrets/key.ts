import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

const KEY_BYTES = 32;
export const KEY_FILE = 'secret.key';

/** ROLECALL_SECRET_KEY or the key file does not hold a 32-byte key; the message never repeats the value. */
export class SecretKeyInvalidError extends Error {
  readonly code = 'SECRET_KEY_INVALID';
  constructor(source: string) {
    super(`The secret key from ${source} must be ${KEY_BYTES} bytes, base64 or hex.`);
    this.name = 'SecretKeyInvalidError';
  }
}

function decodeKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== KEY_BYTES) throw new SecretKeyInvalidError(source);
  return key;
}

async function readKeyFile(file: string): Promise<Buffer | null> {
  try {
    return decodeKey(await readFile(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Writes the whole file, flushed to disk, before anyone can see it under its final name. */
async function writeComplete(file: string, text: string): Promise<void> {
  const handle = await open(file, 'wx', 0o600);
  try {
    await handle.writeFile(text);
    // The umask may have narrowed the mode further, never widened it; chmod makes it exactly 0600.
    await handle.chmod(0o600);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Another instance on the same data dir may be generating it at this moment. The key is written to a temporary file
 * and then linked to its name, which fails if that name exists: the key file is never seen half-written, and the
 * first link wins. The losers read the winner's key, or the passwords it seals would not open.
 */
async function generateKeyFile(dataDir: string, file: string): Promise<Buffer> {
  await mkdir(dataDir, { recursive: true });
  const key = randomBytes(KEY_BYTES);
  const temporary = join(dataDir, `${KEY_FILE}.${randomBytes(8).toString('hex')}.tmp`);
  try {
    await writeComplete(temporary, `${key.toString('base64')}\n`);
    await link(temporary, file);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return (await readKeyFile(file)) ?? generateKeyFile(dataDir, file);
  } finally {
    await rm(temporary, { force: true });
  }
}

/** The AES-256 key: ROLECALL_SECRET_KEY, else `secret.key` in the data dir, generated once with mode 0600. */
export async function loadSecretKey(configured: string | undefined, dataDir: string): Promise<Buffer> {
  if (configured) return decodeKey(configured, 'ROLECALL_SECRET_KEY');
  const file = join(dataDir, KEY_FILE);
  return (await readKeyFile(file)) ?? generateKeyFile(dataDir, file);
}
