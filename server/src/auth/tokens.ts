import { createHash, randomBytes } from 'node:crypto';

/** Opaque bearer secrets: 32 random bytes with a prefix that says what they are; only their SHA-256 is stored. */
export function newToken(prefix: 'rcs' | 'rct' | 'rci' | 'rcv'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
