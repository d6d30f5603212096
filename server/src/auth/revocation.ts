import type { EventLog } from '../events/log.js';
import type { Prisma } from '../generated/prisma/client.js';
import { suspendCachedViewer } from './viewer-cache.js';

/** Why credentials ended, as the audit log says it. */
export type CredentialEndReason = 'logout' | 'revoked' | 'password_changed' | 'password_reset' | 'deactivated';

export interface CredentialEnding {
  userId: string;
  actorId: string;
  reason: CredentialEndReason;
}

type Writer = Prisma.TransactionClient;

/**
 * Deletes the user's sessions (only one, or all but one) and records which ended, in the caller's transaction:
 * the event is what ends their live streams, on every instance. One DELETE … RETURNING, so a session created
 * meanwhile is either ended and named, or left alone.
 */
export async function endSessions(
  tx: Writer,
  events: EventLog,
  ending: CredentialEnding,
  which: { only: string } | { except?: string | undefined } = {},
): Promise<void> {
  // Before the DELETE: a request that reads the session meanwhile must not be answered from the cache once it commits.
  suspendCachedViewer(events, ending.userId);
  const only = 'only' in which ? which.only : null;
  const except = 'except' in which ? (which.except ?? null) : null;
  const ended = await tx.$queryRaw<{ id: string }[]>`
    DELETE FROM "Session"
     WHERE "userId" = ${ending.userId}::uuid
       AND (${only}::uuid IS NULL OR "id" = ${only}::uuid)
       AND (${except}::uuid IS NULL OR "id" <> ${except}::uuid)
    RETURNING "id"`;
  if (ended.length === 0) return;
  await events.record(tx, {
    kind: 'session.ended',
    actorId: ending.actorId,
    payload: { userId: ending.userId, sessionIds: ended.map((row) => row.id), reason: ending.reason },
  });
}

/** Revokes the user's API tokens still in force (or only one of them) and records which, in the caller's transaction. */
export async function revokeApiTokens(
  tx: Writer,
  events: EventLog,
  ending: CredentialEnding,
  only?: string,
): Promise<void> {
  suspendCachedViewer(events, ending.userId);
  const revoked = await tx.apiToken.updateManyAndReturn({
    where: { userId: ending.userId, revokedAt: null, id: only },
    data: { revokedAt: new Date() },
    select: { id: true },
  });
  if (revoked.length === 0) return;
  await events.record(tx, {
    kind: 'api_token.revoked',
    actorId: ending.actorId,
    payload: { userId: ending.userId, tokenIds: revoked.map((token) => token.id), reason: ending.reason },
  });
}

/** The account is presumed compromised (password reset by an admin) or closed: nothing it opened stays open. */
export async function endAllCredentials(tx: Writer, events: EventLog, ending: CredentialEnding): Promise<void> {
  await endSessions(tx, events, ending);
  await revokeApiTokens(tx, events, ending);
}
