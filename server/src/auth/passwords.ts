import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { TooManyAttemptsError } from '../errors.js';

const KEY_LENGTH = 64;
const MAXMEM = 64 * 1024 * 1024;
const COST = { N: 2 ** 15, r: 8, p: 1 };
/** Hashes computed at once (each takes ~150 ms of a core and 32 MiB), and how many more may wait for a turn. */
const HASHING_AT_ONCE = 2;
const HASHING_WAITING = 8;

/**
 * A small queue in front of scrypt. Unbounded, a burst of sign-ins filled libuv's thread pool, and a real sign-in
 * waited behind all of it (9 s behind 40 bad ones); bounded, it waits behind at most a few, and the rest are
 * refused at once with a retry delay rather than queued.
 */
class HashingQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < HASHING_AT_ONCE) this.running += 1;
    else if (this.waiting.length < HASHING_WAITING) await new Promise<void>((turn) => this.waiting.push(turn));
    else throw new TooManyAttemptsError(1);
    try {
      return await work();
    } finally {
      // The slot passes to the next in line, or frees up.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

const hashing = new HashingQueue();

function scryptKey(password: string, salt: Buffer, length: number, cost: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, length, { ...cost, maxmem: MAXMEM }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** Throws TooManyAttemptsError when the hashing queue is full. */
function derive(password: string, salt: Buffer, length: number, cost: ScryptOptions): Promise<Buffer> {
  return hashing.run(() => scryptKey(password, salt, length, cost));
}

/** `scrypt$N$r$p$salt$hash`, so the cost can be raised later without breaking stored hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, KEY_LENGTH, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const cost = { N: Number(N), r: Number(r), p: Number(p) };
  const actual = await derive(password, Buffer.from(salt, 'base64url'), expected.length, cost);
  return timingSafeEqual(actual, expected);
}

/** A hash to compare against when the user does not exist, so a login takes as long either way. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex')).catch((error: unknown) => {
    // Refused by a full queue: the next sign-in makes it.
    dummyHash = undefined;
    throw error;
  });
  return dummyHash;
}
