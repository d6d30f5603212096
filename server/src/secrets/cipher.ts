import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { RolecallError } from '../errors.js';

const ALGORITHM = 'aes-256-gcm';
const VERSION = 'v1';

/**
 * A sealed secret that does not open: sealed with another key, bound to another server and role, altered, or not a
 * sealed secret at all. GCM's authentication refuses it rather than returning garbage.
 */
export class SecretUnreadableError extends RolecallError {
  readonly code = 'SECRET_UNREADABLE';
  constructor(readonly reason: 'malformed' | 'unauthenticated') {
    super(
      `${
        reason === 'malformed'
          ? 'The stored password is not in a format Rolecall knows.'
          : 'The stored password does not open with this key for this role: the key changed, or the value was altered or moved.'
      } Configure the role's password again.`,
    );
    this.name = 'SecretUnreadableError';
  }
}

/** Seals a secret as `v1.<iv>.<tag>.<ciphertext>` (base64url); `context` binds it to what it belongs to. */
export function seal(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function open(key: Buffer, sealed: string, context: string): string {
  const [version, iv, tag, ciphertext, extra] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined || extra !== undefined)
    throw new SecretUnreadableError('malformed');
  const tagBytes = Buffer.from(tag, 'base64url');
  // A short tag would weaken GCM's check: accept only the full 16 bytes that seal() writes.
  if (tagBytes.length !== 16) throw new SecretUnreadableError('malformed');
  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(tagBytes);
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretUnreadableError('unauthenticated');
  }
}

export interface SecretBox {
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
}

export function secretBox(key: Buffer): SecretBox {
  return {
    seal: (plaintext, context) => seal(key, plaintext, context),
    open: (sealed, context) => open(key, sealed, context),
  };
}
