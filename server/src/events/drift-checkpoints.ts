import { promisify } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { gunzip, gzip } from 'node:zlib';
import type { Metadata } from '../metadata/client.js';

const [zip, unzip] = [promisify(gzip), promisify(gunzip)];

/**
 * The shape of the reads a checkpoint keeps (ServerSnapshot, DatabaseSnapshot): one left by a Rolecall whose reads
 * differ is not compared with (every role would differ). drift-takeover.test.ts pins the shape: it fails when the
 * reads change, until this is bumped.
 */
export const CHECKPOINT_FORMAT = 1;

/** What the drift watcher last read of a server, with the newest EXTERNAL event of it then. */
export interface Checkpoint<T> {
  state: T;
  reportedUpTo: bigint;
}

/**
 * Leaves what the drift watcher last read of a server in the metadata database, for the next instance to watch it
 * (this one stopping, or another taking over) to compare with. v8's serialization keeps what JSON would not (dates
 * stay dates, so a role's VALID UNTIL compares as it was read); gzip makes a catalog of thousands of roles a few
 * hundred kilobytes.
 */
export async function saveCheckpoint(
  metadata: Metadata,
  serverId: string,
  state: unknown,
  reportedUpTo: bigint,
): Promise<void> {
  const stored = new Uint8Array(await zip(serialize(state)));
  await metadata.driftCheckpoint.upsert({
    where: { serverId },
    create: { serverId, state: stored, reportedUpTo },
    update: { state: stored, reportedUpTo, savedAt: new Date() },
  });
}

/** The server's checkpoint, if one was left; null too when it cannot be read back (another Node's format, say). */
export async function loadCheckpoint<T>(metadata: Metadata, serverId: string): Promise<Checkpoint<T> | null> {
  const found = await metadata.driftCheckpoint.findUnique({ where: { serverId } });
  if (!found) return null;
  try {
    const state = deserialize(await unzip(found.state)) as T;
    return { state, reportedUpTo: found.reportedUpTo };
  } catch {
    return null;
  }
}
