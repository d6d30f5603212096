import pg from 'pg';

/** What became of a transaction whose COMMIT lost its connection before its answer came. */
export type CommitOutcome = 'committed' | 'aborted' | 'unknown';

/** How long the server is asked (a crashed one restarts within it), and how often. */
const ASK_WINDOW_MS = 10_000;
const ASK_EVERY_MS = 200;

/**
 * A COMMIT whose connection was lost before PostgreSQL answered may have committed (the server committed, then the
 * connection died: a crash, a terminated backend, a network cut) or not (the COMMIT never arrived). PostgreSQL keeps
 * every transaction's fate in its commit log: it is asked on a new connection (pg_xact_status, PostgreSQL 13+),
 * again while the transaction still shows in progress (its backend has not yet noticed its client is gone) or the
 * server cannot be reached (restarting), until the window ends.
 */
export async function commitOutcome(
  config: pg.ClientConfig,
  xid: string,
  windowMs = ASK_WINDOW_MS,
): Promise<CommitOutcome> {
  const deadline = Date.now() + windowMs;
  for (;;) {
    const status = await statusOf(config, xid).catch(outcomeOfFailure);
    if (status === 'committed' || status === 'aborted') return status;
    // Null: too old for the commit log, which a transaction of a moment ago never is on a server that kept it.
    if (status === null || Date.now() + ASK_EVERY_MS > deadline) return 'unknown';
    await new Promise((resolve) => setTimeout(resolve, ASK_EVERY_MS));
  }
}

/**
 * A transaction id "in the future" (22023) is one the server never logged: it restarted from before it, so it never
 * committed. Any other failure (the server still down) is asked about again.
 */
const outcomeOfFailure = (error: { code?: string }) => (error.code === '22023' ? 'aborted' : 'unreachable');

async function statusOf(config: pg.ClientConfig, xid: string): Promise<string | null> {
  const client = new pg.Client(config);
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ status: string | null }>('SELECT pg_xact_status($1::xid8) AS status', [xid]);
    return rows[0]?.status ?? null;
  } finally {
    await client.end().catch(() => undefined);
  }
}
