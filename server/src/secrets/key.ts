import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
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

/** The AES-256 key: ROLECALL_SECRET_KEY, else `secret.key` in the data dir, generated once with mode 0600. */
export async function loadSecretKey(configured: string | undefined, dataDir: string): Promise<Buffer> {
  if (configured) return decodeKey(configured, 'ROLECALL_SECRET_KEY');
  const file = join(dataDir, KEY_FILE);
  const existing = await readKeyFile(file);
  if (existing) return existing;
  await mkdir(dataDir, { recursive: true });
  const key = randomBytes(KEY_BYTES);
  try {
    await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another instance on the same data dir wrote it first: use theirs, or the passwords it seals would not open.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return (await readKeyFile(file)) as Buffer;
    throw error;
  }
  // The umask may have narrowed the mode further, never widened it; chmod makes it exactly 0600.
  await chmod(file, 0o600);
  return key;
}
