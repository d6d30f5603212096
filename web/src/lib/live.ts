import { createSignal, onCleanup } from 'solid-js';
import { graphql } from '../gql';
import { client } from '../graphql/client';

const LiveEvents = graphql(`
  subscription LiveEvents($databaseId: ID, $after: BigCursor) {
    events(databaseId: $databaseId, after: $after) {
      __typename
      cursor
      kind
      source
      createdAt
      actor { username }
      ... on PrivilegeEvent { object grantee granted revoked }
      ... on MembershipEvent { role member }
      ... on RoleEvent { role newName }
      ... on OwnershipEvent { object newOwner }
      ... on CollaboratorEvent { username }
      ... on ObjectEvent { object }
    }
  }
`);

export interface LiveEvent {
  cursor: string;
  kind: string;
  source: 'ROLECALL' | 'EXTERNAL';
  actor?: { username: string } | null;
  object?: string | null;
  grantee?: string | null;
  role?: string | null;
  member?: string | null;
  newOwner?: string | null;
  username?: string | null;
}

export interface Toast {
  id: number;
  text: string;
  external: boolean;
}

const [toasts, setToasts] = createSignal<Toast[]>([]);

export { toasts };

let nextToast = 1;

export function pushToast(text: string, external = false): void {
  const toast = { id: nextToast++, text, external };
  setToasts((current) => [...current.slice(-4), toast]);
  setTimeout(() => setToasts((current) => current.filter((item) => item.id !== toast.id)), 6_000);
}

/** "ana granted SELECT on s.t to bob" / "changed outside Rolecall: …" */
export function describeEvent(event: LiveEvent): string {
  const who = event.source === 'EXTERNAL' ? 'Changed outside Rolecall' : (event.actor?.username ?? 'Someone');
  const what = [
    event.kind.replace('.', ' '),
    event.object,
    event.role,
    event.grantee && `→ ${event.grantee}`,
    event.member && `member ${event.member}`,
    event.newOwner && `owner ${event.newOwner}`,
    event.username,
  ]
    .filter(Boolean)
    .join(' ');
  return `${who}: ${what}`;
}

/**
 * Calls `onEvent` for every event of a database while the calling component lives, resuming after its last
 * cursor when the connection comes back (nothing missed), and toasts each one.
 */
export function useLiveEvents(databaseId: () => string | undefined, onEvent: (event: LiveEvent) => void): void {
  let last: string | undefined;
  let stop: (() => void) | undefined;
  const start = () => {
    stop?.();
    const { unsubscribe } = client
      .subscription(LiveEvents, { databaseId: databaseId(), after: last })
      .subscribe((result) => {
        const event = result.data?.events as LiveEvent | undefined;
        if (!event) return;
        last = event.cursor;
        pushToast(describeEvent(event), event.source === 'EXTERNAL');
        onEvent(event);
      });
    stop = unsubscribe;
  };
  start();
  onCleanup(() => stop?.());
}
