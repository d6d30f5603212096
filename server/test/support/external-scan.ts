import pg from 'pg';

/**
 * The suite-wide check that Rolecall never calls its own changes "outside Rolecall": every statement a test runs
 * outside Rolecall (a pg client whose application_name is not Rolecall's) is recorded with its time and server, and
 * every EXTERNAL event of every app a test started must be explained by one of them, run on that server while the
 * event's poll interval was open. An EXTERNAL event nothing outside Rolecall could have made was made by Rolecall:
 * the setup file's afterAll fails the test file with it.
 */

export interface OutsideStatement {
  port: number;
  text: string;
  at: number;
}

export interface ExternalEvent {
  id: string;
  kind: string;
  port: number;
  createdAt: Date;
  payload: Record<string, unknown>;
}

const outside: OutsideStatement[] = [];
const eventReaders = new Set<() => Promise<ExternalEvent[]>>();
const captured: ExternalEvent[] = [];

/** Statements that cannot change the catalog; everything else may have been psql's doing. */
const READ_ONLY = /^\s*(SELECT|SHOW|BEGIN|COMMIT|ROLLBACK|START|EXPLAIN|LISTEN|UNLISTEN|VALUES|TABLE)\b/i;
/** A SELECT that changes the catalog all the same: large objects are made and dropped by functions. */
const WRITES_LARGE_OBJECTS = /\blo_(create|creat|unlink|import|from_bytea)\s*\(/i;
/** Scripts that build names at run time (DO blocks, format(…)): they explain anything in their interval. */
const SCRIPTED = /\bDO\s*(\$|')|\bformat\s*\(/i;

const ORIGINAL_QUERY = Symbol.for('rolecall.test.pg-query');
type Patched = typeof pg.Client.prototype & { [ORIGINAL_QUERY]?: typeof pg.Client.prototype.query };

/** Wraps pg's Client#query (Rolecall runs in the test's process: its clients name themselves `rolecall…`). */
export function recordOutsideStatements(): void {
  const prototype = pg.Client.prototype as Patched;
  prototype[ORIGINAL_QUERY] ??= prototype.query;
  const query = prototype[ORIGINAL_QUERY] as (...args: unknown[]) => unknown;
  (prototype as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
    const parameters = (this as unknown as { connectionParameters: { application_name?: string; port: number } })
      .connectionParameters;
    const config = args[0];
    const text = typeof config === 'string' ? config : (config as { text?: unknown } | null)?.text;
    const writes = typeof text === 'string' && (!READ_ONLY.test(text) || WRITES_LARGE_OBJECTS.test(text));
    if (!parameters.application_name?.startsWith('rolecall') && typeof text === 'string' && writes)
      outside.push({ port: parameters.port, text, at: Date.now() });
    return query.apply(this, args);
  };
}

/** Checks the EXTERNAL events that `read` returns: at `capture()`, or at the end of the file if never captured. */
export function watchExternalEvents(read: () => Promise<ExternalEvent[]>): { capture(): Promise<void> } {
  eventReaders.add(read);
  return {
    capture: async () => {
      if (!eventReaders.delete(read)) return;
      captured.push(...(await read()));
    },
  };
}

/** The metadata database's EXTERNAL events, with the port of the server each was found on. */
export async function readExternalEvents(metadataUrl: string): Promise<ExternalEvent[]> {
  const client = new pg.Client({ connectionString: metadataUrl, application_name: 'rolecall-test-scan' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<ExternalEvent>(
      `SELECT e.id::text AS id, e.kind, s.port, e."createdAt", e.payload
         FROM "Event" e JOIN "Server" s ON s.id = e."serverId"
        WHERE e.source = 'EXTERNAL' ORDER BY e.id`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

const text = (payload: Record<string, unknown>, key: string): string | null => {
  const value = payload[key];
  return typeof value === 'string' ? value : null;
};

/**
 * `s.t` is named in SQL as t, "t", s.t or by its schema (… ALL TABLES IN SCHEMA s, DROP SCHEMA s CASCADE); a function
 * or type labelled as PostgreSQL quotes it (`"s p"."f n"("s p"."t""y",integer)`) by any identifier in it.
 */
const objectNames = (object: string | null): string[] => {
  if (!object) return [];
  const quoted = [...object.matchAll(/"((?:[^"]|"")*)"/g)].map((match) => (match[1] ?? '').replaceAll('""', '"'));
  const bare = object
    .replace(/"(?:[^"]|"")*"/g, ' ')
    .split(/[.(),\s]+/)
    .filter(Boolean);
  return [object, ...object.split('.'), ...quoted, ...bare];
};

function mentions(statement: string, name: string | null): boolean {
  if (!name) return false;
  if (name === 'PUBLIC') return /\bPUBLIC\b/i.test(statement);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('"', '""');
  return new RegExp(`(^|[^\\w$])"?${escaped}"?($|[^\\w$])`, 'i').test(statement);
}

const mentionsAny = (statement: string, names: (string | null)[]) => names.some((name) => mentions(statement, name));

/** Whether a statement run outside Rolecall could have made this event's change. */
function couldHaveMade(statement: string, event: ExternalEvent): boolean {
  if (SCRIPTED.test(statement)) return true;
  const payload = event.payload;
  const object = objectNames(text(payload, 'object'));
  switch (event.kind) {
    case 'membership.granted':
      // CREATE ROLE by a CREATEROLE role grants the new role to its creator (16+): the statement names only the role.
      return (
        mentions(statement, text(payload, 'role')) &&
        (mentions(statement, text(payload, 'member')) || /\bCREATE\s+(ROLE|USER|GROUP)\b/i.test(statement))
      );
    case 'membership.revoked':
      return mentionsAny(statement, [text(payload, 'role'), text(payload, 'member')]);
    case 'privileges.changed': {
      const onObject = mentionsAny(statement, object) || /\bOWNED\b|\bIN\s+SCHEMA\b/i.test(statement);
      const toGrantee = mentions(statement, text(payload, 'grantee')) || /\bOWNER\s+TO\b/i.test(statement);
      return onObject && toGrantee;
    }
    case 'ownership.transferred':
      return (
        mentionsAny(statement, object) ||
        (mentions(statement, text(payload, 'previousOwner')) && mentions(statement, text(payload, 'newOwner')))
      );
    case 'default_privileges.changed': {
      // Without FOR ROLE the creator is the session's role, which the statement does not name.
      const forCreator = mentions(statement, text(payload, 'creator')) || !/\bFOR\s+(ROLE|USER)\b/i.test(statement);
      return (/\bDEFAULT\s+PRIVILEGES\b/i.test(statement) && forCreator) || /\bOWNED\b/i.test(statement);
    }
    case 'object.created':
    case 'object.dropped':
      return mentionsAny(statement, object) || /\bOWNED\b/i.test(statement);
    default:
      return mentionsAny(statement, [text(payload, 'name'), text(payload, 'newName')]);
  }
}

/** Time allowed between a statement being sent and the poll that saw it beginning (clock and commit slack). */
const SLACK_MS = 1_000;

export function unexplainedExternalEvents(
  events: readonly ExternalEvent[],
  statements: readonly OutsideStatement[] = outside,
): ExternalEvent[] {
  return events.filter((event) => {
    const since = text(event.payload, 'observedSince');
    const from = (since ? Date.parse(since) : event.createdAt.getTime() - 10_000) - SLACK_MS;
    const to = event.createdAt.getTime();
    return !statements.some(
      (statement) =>
        statement.port === event.port &&
        statement.at >= from &&
        statement.at <= to &&
        couldHaveMade(statement.text, event),
    );
  });
}

/** This file's EXTERNAL events that nothing outside Rolecall could have made. */
export async function unexplainedOfThisFile(): Promise<ExternalEvent[]> {
  for (const read of [...eventReaders]) {
    eventReaders.delete(read);
    captured.push(...(await read().catch(() => [])));
  }
  return unexplainedExternalEvents(captured);
}

export function describeUnexplained(events: readonly ExternalEvent[]): string {
  const lines = events.map((event) => `  #${event.id} ${event.kind} ${JSON.stringify(event.payload)}`);
  return `Rolecall reported its own change(s) as made outside Rolecall (no statement outside it explains them):\n${lines.join('\n')}`;
}
