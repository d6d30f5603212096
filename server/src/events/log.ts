import type pg from 'pg';
import type { Event, Prisma } from '../generated/prisma/client.js';
import { type Metadata, metadataPool } from '../metadata/client.js';
import type { EventKind, PayloadOf } from './kinds.js';
import type { EventSignal } from './signal.js';

export type { EventKind } from './kinds.js';

/** An event to record: its payload is checked against its kind's (see kinds.ts and payloads.ts). */
export interface EventInput<K extends EventKind = EventKind> {
  kind: K;
  actorId: string | null;
  serverId?: string | null;
  databaseId?: string | null;
  payload: PayloadOf<K>;
  sql?: string[];
  source?: 'ROLECALL' | 'EXTERNAL';
}

/** Payloads are plain JSON data (a role's VALID UNTIL date inside `effects` is stored as its ISO text). */
const asJson = (payload: object) => payload as Prisma.InputJsonObject;

/** The NOTIFY channel, or the Redis pub/sub channel, that signals travel on. */
export const EVENT_CHANNEL = 'rolecall_events';
/** Serialises event inserts so ids commit in order: a cursor never skips an event that commits later. */
const EVENT_ORDER_LOCK = 7_215_002;

type Writer = Prisma.TransactionClient;

/** An event row as node-postgres reads it: its bigint id as text. */
type StoredEvent = Omit<Event, 'id' | 'payload'> & { id: string };

async function insert<K extends EventKind>(tx: Writer, signal: EventSignal, input: EventInput<K>): Promise<bigint> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${EVENT_ORDER_LOCK})`;
  const event = await tx.event.create({
    data: {
      kind: input.kind,
      source: input.source ?? 'ROLECALL',
      actorId: input.actorId,
      serverId: input.serverId ?? null,
      databaseId: input.databaseId ?? null,
      payload: asJson(input.payload),
      sql: input.sql ?? [],
    },
    select: { id: true },
  });
  await signal.publish(tx, event.id);
  return event.id;
}

/** Runs in the transaction that records a burst, with the last event's id (drift.ts: the checkpoint of the reads). */
export type RecordedAlongside = (metadata: pg.ClientBase, lastId: bigint) => Promise<void>;

/**
 * Outside a transaction, one statement (see insertStatement) instead of an interactive transaction's five round trips:
 * every permission change is recorded this way. Many events go in the same statement (ids in the given order, one
 * signal for all), so a psql script's thousands of changes reach dashboards in one burst rather than one insert and one
 * notification each. With `alongside`, in a transaction with what it writes.
 */
async function insertMany(
  metadata: Metadata,
  signal: EventSignal,
  inputs: EventInput[],
  alongside?: RecordedAlongside,
): Promise<Event[]> {
  const rows = inputs.map((input, n) => ({
    n,
    kind: input.kind,
    source: input.source ?? 'ROLECALL',
    actorId: input.actorId,
    serverId: input.serverId ?? null,
    databaseId: input.databaseId ?? null,
    payload: input.payload,
    sql: input.sql ?? [],
  }));
  // The rows come back as stored, for this instance's event bus (see EventBus.recordedHere), but for their payloads:
  // those are what was sent, read back from its JSON (a bulk change's are megabytes, not to travel twice).
  const sent = JSON.stringify(rows);
  const pool = metadataPool(metadata);
  const inserted = alongside
    ? await inTransaction(pool, async (client) => {
        const stored = await insertStatement(client, signal, sent);
        await alongside(
          client,
          stored.reduce((last, event) => (BigInt(event.id) > last ? BigInt(event.id) : last), 0n),
        );
        return stored;
      })
    : await insertStatement(pool, signal, sent);
  // Ids follow the order the rows were given in (ORDER BY r.n, under the lock).
  const payloads = (JSON.parse(sent) as { payload: Event['payload'] }[]).map((row) => row.payload);
  const events = inserted
    .map(({ notified: _, id, ...event }) => ({ ...event, id: BigInt(id) }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((event, n): Event => ({ ...event, payload: payloads[n] ?? null }) as Event);
  const last = events.at(-1);
  if (last !== undefined && !signal.byNotify) await signal.publish(metadata, last.id);
  return events;
}

async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * One statement that takes the order lock and inserts the rows (holding the lock until it commits), and NOTIFYs for
 * the last id (sent when it commits): one round trip for all.
 */
async function insertStatement(
  metadata: Pick<pg.ClientBase, 'query'>,
  signal: EventSignal,
  sent: string,
): Promise<(StoredEvent & { notified: boolean | null })[]> {
  const { rows } = await metadata.query<StoredEvent & { notified: boolean | null }>({
    // Prepared once per connection (every change records its event with it).
    name: 'rolecall_insert_events',
    text: `WITH ordered AS (SELECT pg_advisory_xact_lock($1)),
     inserted AS (
       INSERT INTO "Event" ("kind", "source", "actorId", "serverId", "databaseId", "payload", "sql")
       SELECT r.kind, r.source::"EventSource", r."actorId"::uuid, r."serverId"::uuid, r."databaseId"::uuid, r.payload,
              ARRAY(SELECT jsonb_array_elements_text(r.sql))
         FROM ordered, jsonb_to_recordset($2::jsonb)
              AS r(n int, kind text, source text, "actorId" text, "serverId" text, "databaseId" text, payload jsonb, sql jsonb)
        ORDER BY r.n
       RETURNING *)
     SELECT "id"::text AS "id", "createdAt" AT TIME ZONE 'UTC' AS "createdAt", "kind", "source"::text AS "source",
            "actorId"::text AS "actorId", "serverId"::text AS "serverId", "databaseId"::text AS "databaseId", "sql",
            CASE WHEN $3 AND "id" = max("id") OVER () THEN pg_notify($4, "id"::text)::text IS NOT NULL END AS notified
       FROM inserted`,
    values: [EVENT_ORDER_LOCK, sent, signal.byNotify === true, EVENT_CHANNEL],
  });
  return rows;
}

/** What this instance's event bus is told of its own inserts (see EventBus.recordedHere). */
export interface InsertsHere {
  recordingHere(): void;
  recordedHere(events: readonly Event[]): void;
}

/** The append-only record of every change: written in the change's own metadata transaction when it has one. */
export class EventLog {
  /** Told of each event about to be written on this instance (the viewer cache forgets whom it concerns). */
  readonly writing = new Set<(input: EventInput) => void>();

  constructor(
    private readonly metadata: Metadata,
    private readonly signal: EventSignal,
    /** Told of the events this instance inserts alone, as stored: its bus need not read them back. */
    private readonly here: InsertsHere = { recordingHere: () => undefined, recordedHere: () => undefined },
  ) {}

  /** Inserts outside a transaction, the bus told before and after (with nothing when the insert failed). */
  private async insertHere(inputs: EventInput[], alongside?: RecordedAlongside): Promise<Event[]> {
    this.here.recordingHere();
    let events: Event[] = [];
    try {
      events = await insertMany(this.metadata, this.signal, inputs, alongside);
      return events;
    } finally {
      this.here.recordedHere(events);
    }
  }

  /** Returns the new event's id (its cursor). */
  async record<K extends EventKind>(writer: Writer | null, input: EventInput<K>): Promise<bigint> {
    for (const listener of this.writing) listener(input as EventInput);
    if (writer) return insert(writer, this.signal, input);
    const [event] = await this.insertHere([input]);
    if (event === undefined) throw new Error('the event insert returned no id');
    return event.id;
  }

  /**
   * The event already recorded for the managed server's transaction `xid` (its effects name it), recent ones only:
   * whether an insert whose answer was lost committed after all.
   */
  async recordedFor(serverId: string, xid: string): Promise<bigint | null> {
    const [found] = await this.metadata.$queryRaw<{ id: bigint }[]>`
      SELECT id FROM "Event"
       WHERE "serverId" = ${serverId}::uuid AND "createdAt" > now() - interval '10 minutes'
         AND payload->'effects' @> jsonb_build_array(jsonb_build_object('xid', ${xid}::text))
       ORDER BY id DESC LIMIT 1`;
    return found?.id ?? null;
  }

  /**
   * Records a burst at once; returns the ids in order. `alongside` commits with it, or the burst is not recorded
   * (it runs only when there is a burst to record).
   */
  async recordMany(inputs: EventInput[], alongside?: RecordedAlongside): Promise<bigint[]> {
    for (const input of inputs) for (const listener of this.writing) listener(input);
    if (inputs.length === 0) return [];
    return (await this.insertHere(inputs, alongside)).map((event) => event.id);
  }
}
