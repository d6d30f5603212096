import { promisify } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { gunzip, gzip } from 'node:zlib';
import type pg from 'pg';
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
 * What the drift watcher last read of a server, as a checkpoint stores it. v8's serialization keeps what JSON would not
 * (dates stay dates, so a role's VALID UNTIL compares as it was read); gzip makes a catalog of thousands of roles a
 * few hundred kilobytes.
 */
export function packCheckpoint(state: unknown): Promise<Buffer> {
  return zip(serialize(state));
}

/**
 * Leaves a packed checkpoint of a server in the metadata database, for the next instance to watch it (this one
 * stopping, or another taking over) to compare with: on the connection given, so a report's events and the checkpoint
 * of what they were found in commit together (see EventLog.recordMany).
 */
export async function writeCheckpoint(
  metadata: Pick<pg.ClientBase, 'query'>,
  serverId: string,
  packed: Buffer,
  reportedUpTo: bigint,
): Promise<void> {
  await metadata.query(
    `INSERT INTO "DriftCheckpoint" ("serverId", "state", "reportedUpTo", "savedAt") VALUES ($1::uuid, $2, $3, now())
     ON CONFLICT ("serverId") DO UPDATE
       SET "state" = EXCLUDED."state", "reportedUpTo" = EXCLUDED."reportedUpTo", "savedAt" = EXCLUDED."savedAt"`,
    [serverId, packed, reportedUpTo.toString()],
  );
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
