import type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type { Client } from 'graphql-ws';
import { type Api, CliError, CSRF_HEADER, unwrap } from './api.js';
import { graphql } from './gql/index.js';

/** Every family's own fields (see the schema's Event types): the watch prints what each change did. */
const CliWatchEvents = graphql(`
  subscription CliWatchEvents($databaseId: ID!, $after: BigCursor, $kinds: [String!]) {
    events(databaseId: $databaseId, after: $after, kinds: $kinds) {
      __typename cursor kind source createdAt databaseId serverId actingRole sql warnings actor { username }
      burstId burstSize observedSince
      ... on PrivilegeEvent {
        object objectKind grantee grantees granted revoked grantOptionOnly cascade
        aclChanges { grantee granted revoked grantOptionGranted grantOptionRevoked }
      }
      ... on MembershipEvent { role member grantor members added removed admin inherit set }
      ... on RoleEvent {
        role newName login changes reassignTo otherDatabases
        setting { name database before after } comment { before after }
      }
      ... on DefaultPrivilegeEvent {
        creator schema objectKind
        grantChanges { grantee granted revoked grantOptionGranted grantOptionRevoked }
      }
      ... on OwnershipEvent { object objectKind previousOwner newOwner tables }
      ... on ObjectEvent { object objectKind owner }
      ... on CollaboratorEvent { collaboratorId username role access invitationId }
      ... on DatabaseEvent { database host port role sslMode }
      ... on RoleConfigurationEvent { role assignable }
      ... on UserEvent { username isAdmin changed }
      ... on InvitationEvent { invitationId email access role status expiresAt username reason }
    }
  }
`);

const CliLatestCursor = graphql(`
  query CliLatestCursor($db: ID!) {
    auditLog(databaseId: $db, first: 1) { __typename ...CliError ... on EventPage { events { cursor } } }
  }
`);

export type WatchedEvent = ResultOf<typeof CliWatchEvents>['events'];

export interface WatchOptions {
  databaseId: string;
  databaseName: string;
  after: string | null;
  kinds: string[] | null;
  /** Stop after this many events (0: run until interrupted). */
  count: number;
  onEvent(event: WatchedEvent): void;
}

/** Close codes after which reconnecting cannot help. */
const FATAL_CLOSE = new Map([
  [4400, 'BAD_REQUEST'],
  [4401, 'UNAUTHENTICATED'],
  [4403, 'FORBIDDEN'],
]);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The newest event of the database, so that a connection dropped before the first event still loses nothing. */
async function latestCursor(api: Api, databaseId: string): Promise<string | null> {
  const { auditLog } = await api.request(CliLatestCursor, { db: databaseId });
  return unwrap(auditLog, 'EventPage').events[0]?.cursor ?? null;
}

function reasonOf(error: unknown): { text: string; code: number | null } {
  if (error && typeof error === 'object') {
    const record = error as { code?: unknown; reason?: unknown; message?: unknown };
    if (typeof record.code === 'number') {
      return { text: `closed ${record.code}${record.reason ? ` ${record.reason}` : ''}`, code: record.code };
    }
    if (typeof record.message === 'string' && record.message) return { text: record.message, code: null };
  }
  return { text: 'connection error', code: null };
}

/**
 * Streams the database's events over graphql-ws. After a dropped connection it reconnects (backing off) and
 * resubscribes with the cursor of the last event it printed, so the server replays what was missed.
 */
export async function watch(api: Api, options: WatchOptions): Promise<void> {
  const [{ createClient }, { default: WebSocket }] = await Promise.all([import('graphql-ws'), import('ws')]);
  const { url, token } = api.endpoint;
  const authorization = `Bearer ${token}`;
  class RolecallSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { [CSRF_HEADER]: '1', authorization } });
    }
  }

  let cursor = options.after ?? (await latestCursor(api, options.databaseId));
  let received = 0;
  let failures = 0;
  let stopped = false;
  let client: Client | null = null;
  const stop = () => {
    stopped = true;
    void client?.dispose();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  try {
    while (!stopped) {
      client = createClient({
        url: `${url.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: RolecallSocket,
        connectionParams: { authorization },
        retryAttempts: 0,
        lazy: true,
        on: {
          connected: () => {
            failures = 0;
            process.stderr.write(`watching ${options.databaseName} from cursor ${cursor ?? 'now'}\n`);
          },
        },
      });
      try {
        const variables: VariablesOf<typeof CliWatchEvents> = {
          databaseId: options.databaseId,
          after: cursor,
          kinds: options.kinds,
        };
        const events = client.iterate<ResultOf<typeof CliWatchEvents>>({ query: print(CliWatchEvents), variables });
        for await (const result of events) {
          const [first] = result.errors ?? [];
          if (first) throw new CliError('GRAPHQL_ERROR', first.message);
          const event = result.data?.events;
          if (!event) continue;
          cursor = event.cursor;
          // The server's marker that the replay after a cursor has caught up: not a change to print.
          if (event.kind === 'replay.caught_up') {
            process.stderr.write(`caught up at cursor ${event.cursor}; live\n`);
            continue;
          }
          options.onEvent(event);
          received++;
          if (options.count > 0 && received >= options.count) {
            stopped = true;
            break;
          }
        }
        if (!stopped) {
          throw new CliError(
            'SUBSCRIPTION_ENDED',
            `the server ended the subscription (no access to ${options.databaseName}?)`,
          );
        }
      } catch (error) {
        if (error instanceof CliError) throw error;
        if (stopped) break;
        const reason = reasonOf(error);
        const fatal = reason.code === null ? undefined : FATAL_CLOSE.get(reason.code);
        if (fatal) throw new CliError(fatal, `the server refused the subscription (${reason.text})`);
        failures++;
        const delay = Math.min(5_000, 200 * 2 ** (failures - 1));
        process.stderr.write(
          `connection lost (${reason.text}); resuming after cursor ${cursor ?? 'now'} in ${delay} ms\n`,
        );
        await sleep(delay);
      } finally {
        await client.dispose();
      }
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
