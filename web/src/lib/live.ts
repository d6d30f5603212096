import { createEffect, createSignal, on, onCleanup } from 'solid-js';
import { graphql } from '../gql';
import type { LiveEventsSubscription } from '../gql/graphql';
import { query, socketState, sockets } from '../graphql/client';
import { countsByKind, describeChange, type EventDetail } from './event-text';
import { type ImpactView, impactSummary } from './impact-text';

/**
 * Who gained and who lost access through an applied change, as its event carries it (a capped summary, exact counts):
 * the group lines the toasts and Activity show in one line (impact-text.ts).
 */
export const ImpactSummary = graphql(`
  fragment ImpactSummary on AccessImpact {
    roleCount collaboratorCount privilegeGroupCount truncated
    privilegeGroups { direction privilege grantOptionOnly roleCount collaboratorCount collaborators object { label } }
    membershipGroups { direction role roleCount collaboratorCount collaborators }
    callouts { code role collaborators }
  }
`);

/** What each family of event says it changed: what the Activity list, toasts and exports word (event-text.ts). */
export const EventChangeFields = graphql(`
  fragment EventChangeFields on Event {
    ... on PrivilegeEvent {
      object objectKind grantee granted revoked
      aclChanges { grantee granted revoked grantOptionGranted grantOptionRevoked }
    }
    ... on MembershipEvent { role member members added removed admin }
    ... on RoleEvent {
      role newName changes reassignTo
      setting { name database before after } comment { before after }
    }
    ... on DefaultPrivilegeEvent {
      creator schema objectKind
      grantChanges { grantee granted revoked grantOptionGranted grantOptionRevoked }
    }
    ... on OwnershipEvent { object objectKind previousOwner newOwner }
    ... on CollaboratorEvent { username role access }
    ... on ObjectEvent { object objectKind owner }
    ... on DatabaseEvent { database }
    ... on UserEvent { username }
    ... on InvitationEvent { email status role access }
    ... on AccessSnapshotEvent { subjectKind subjectLabel note rowCount }
  }
`);

/**
 * The impact an applied change's event carries, on the families that have one: the live feed's toasts word it in one
 * line. Apart from EventChangeFields: in a list of events (Activity, an access diff) it would pass the cost limit.
 */
export const EventImpactFields = graphql(`
  fragment EventImpactFields on Event {
    ... on PrivilegeEvent { impact { ...ImpactSummary } }
    ... on MembershipEvent { impact { ...ImpactSummary } }
    ... on RoleEvent { impact { ...ImpactSummary } }
    ... on DefaultPrivilegeEvent { impact { ...ImpactSummary } }
    ... on OwnershipEvent { impact { ...ImpactSummary } }
    ... on ObjectEvent { impact { ...ImpactSummary } }
  }
`);

const LiveEvents = graphql(`
  subscription LiveEvents($databaseId: ID, $kinds: [String!], $after: BigCursor) {
    events(databaseId: $databaseId, kinds: $kinds, after: $after) {
      __typename
      cursor
      kind
      source
      createdAt
      databaseId
      actor { username }
      burstId
      burstSize
      ...EventChangeFields
      ...EventImpactFields
    }
  }
`);

const LatestCursor = graphql(`
  query LatestCursor {
    auditLog(first: 1) { __typename ... on EventPage { events { cursor } } }
  }
`);

const LIVE_QUERY = LiveEvents.toString();

export interface LiveEvent extends EventDetail {
  __typename?: string;
  cursor: string;
  source: 'ROLECALL' | 'EXTERNAL';
  /** The database the change was made through (a role change reaches the pages of every database of its server). */
  databaseId?: string | null;
  actor?: { username: string } | null;
  /** For changes found outside Rolecall: the poll that found them (one burst), and how many it found. */
  burstId?: string | null;
  burstSize?: number | null;
  /** An applied change's impact on access (EventImpactFields), where its family has one. */
  impact?: ImpactView | null;
}

export interface Toast {
  id: number;
  text: string;
  external: boolean;
}

const [toasts, setToasts] = createSignal<Toast[]>([]);

export { toasts };

let nextToast = 1;
const TOAST_MS = 6_000;
const dismissals = new Map<number, ReturnType<typeof setTimeout>>();

/** Shows the toast for a while; shown again (same id), its text changes and its time starts over. */
function showToast(toast: Toast): void {
  setToasts((current) =>
    current.some((item) => item.id === toast.id)
      ? current.map((item) => (item.id === toast.id ? toast : item))
      : [...current.slice(-4), toast],
  );
  clearTimeout(dismissals.get(toast.id));
  dismissals.set(
    toast.id,
    setTimeout(() => {
      dismissals.delete(toast.id);
      setToasts((current) => current.filter((item) => item.id !== toast.id));
    }, TOAST_MS),
  );
}

export function pushToast(text: string, external = false): void {
  showToast({ id: nextToast++, text, external });
}

/** The external changes found by one poll (they share `burstId`), toasted as one. */
let burst: { key: string; toastId: number; events: LiveEvent[] } | null = null;

/** One toast per burst of changes made outside Rolecall, counting them as they come (a psql script of 2,000). */
function toastExternal(event: LiveEvent): void {
  const key = event.burstId ?? event.cursor;
  const current = toasts().some((toast) => toast.id === burst?.toastId) ? burst : null;
  burst = current?.key === key ? current : { key, toastId: nextToast++, events: [] };
  burst.events.push(event);
  const [only] = burst.events;
  const size = Math.max(event.burstSize ?? 0, burst.events.length);
  const text =
    size === 1 && only
      ? describeEvent(only)
      : `Changed outside Rolecall: ${size} changes (${countsByKind(burst.events)}${burst.events.length < size ? ', …' : ''})`;
  showToast({ id: burst.toastId, text, external: true });
}

/**
 * "ana: sales.orders: granted SELECT to bob — 3 roles and 1 collaborator (carol) gain SELECT on sales.orders" /
 * "Changed outside Rolecall: role reporting created"
 */
export function describeEvent(event: LiveEvent, watchedDatabase?: string): string {
  const who = event.source === 'EXTERNAL' ? 'Changed outside Rolecall' : (event.actor?.username ?? 'Someone');
  // The impact names the objects and collaborators of the database the change was made through: not shown elsewhere.
  const here = !watchedDatabase || !event.databaseId || event.databaseId === watchedDatabase;
  const impact = event.impact && here ? impactSummary(event.impact) : null;
  return `${who}: ${describeChange(event)}${impact ? ` — ${impact}` : ''}`;
}

/** What the header shows: idle where no view is live, and replaying while missed changes come in after a drop. */
export type ConnectionState = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'replaying';

export interface LiveScope {
  databaseId?: string;
  /** Only these event kinds (a list page needs only the few that change it). */
  kinds?: string[];
}

interface Watch {
  scope: LiveScope;
  /** The cursor of the last event seen, to resume after; nothing is missed across a drop. */
  last: string | undefined;
  stop: () => void;
  onEvent: (event: LiveEvent) => void;
  onResync: () => void;
}

const watches = new Set<Watch>();
const [watching, setWatching] = createSignal(0);
const [replaying, setReplaying] = createSignal(false);

export function connection(): ConnectionState {
  if (watching() === 0) return 'idle';
  const socket = socketState();
  if (socket !== 'open') return socket;
  return replaying() ? 'replaying' : 'live';
}

/** Watches resubscribed after a reconnection whose replay has not caught up yet (the server says when it has). */
const replayingWatches = new Set<Watch>();

function caughtUp(watch: Watch): void {
  replayingWatches.delete(watch);
  if (replayingWatches.size === 0) setReplaying(false);
}

const later = (a: string | undefined, b: string | undefined) => {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return BigInt(a) >= BigInt(b) ? a : b;
};

function forget(watch: Watch): void {
  watch.stop();
  watches.delete(watch);
  setWatching(watches.size);
  caughtUp(watch);
}

/** (Re)subscribes the watch from its last cursor; a subscription it replaces delivers nothing more. */
function subscribe(watch: Watch): void {
  watch.stop();
  let current = true;
  const unsubscribe = sockets.subscribe<LiveEventsSubscription>(
    { query: LIVE_QUERY, variables: { ...watch.scope, after: watch.last } },
    {
      next: (result) => {
        const event = result.data?.events as LiveEvent | undefined;
        if (!current || !event) return;
        watch.last = later(watch.last, event.cursor);
        if (event.__typename === 'ReplayCaughtUp') caughtUp(watch);
        else watch.onEvent(event);
      },
      // The server ends a subscription the viewer may no longer hold (removed from the database, deactivated).
      error: () => current && forget(watch),
      complete: () => current && forget(watch),
    },
  );
  watch.stop = () => {
    current = false;
    unsubscribe();
  };
}

/**
 * graphql-ws re-sends each subscription as it was first made when the socket comes back, which would resume from
 * "now" and lose what happened meanwhile: on a reconnection every watch subscribes again after its last cursor
 * (synchronously, before graphql-ws re-sends the old ones, which are then dropped) and its view refetches.
 */
sockets.on('connected', (_socket, _payload, wasRetry) => {
  if (!wasRetry || watches.size === 0) return;
  setReplaying(true);
  for (const watch of watches) {
    // Without a cursor there is nothing to replay, and no marker will come.
    if (watch.last !== undefined) replayingWatches.add(watch);
    subscribe(watch);
    // Outside graphql-ws's message handler: a throw there would close the socket as a bad response.
    queueMicrotask(watch.onResync);
  }
  if (replayingWatches.size === 0) setReplaying(false);
});

/** A cursor to resume from should the socket drop before the first event: the newest event the viewer can see. */
async function startingCursor(watch: Watch): Promise<void> {
  const data = await query(LatestCursor, {}).catch(() => null);
  const page = data?.auditLog;
  const cursor = page?.__typename === 'EventPage' ? page.events[0]?.cursor : undefined;
  watch.last = later(watch.last, cursor);
}

export interface LiveHandlers {
  /** Each event, as it comes (replayed ones too). */
  onEvent?: (event: LiveEvent) => void;
  /**
   * The view should re-read what it shows: after a burst of events (given, so a view can re-read only what they
   * touched), and after a reconnection (none given: re-read everything).
   */
  refresh: (events: readonly LiveEvent[]) => void;
  /** Toast the event (default: every event). */
  toast?: (event: LiveEvent) => boolean;
}

/**
 * Keeps a view live while the calling component lives: events of `scope` are toasted and make the view refresh
 * (at most once per burst); after a dropped connection it resumes after the last cursor, so nothing is missed.
 */
export function useLiveEvents(scope: () => LiveScope, handlers: LiveHandlers): void {
  let burst: ReturnType<typeof setTimeout> | undefined;
  let pending: LiveEvent[] = [];
  const refreshSoon = (event: LiveEvent) => {
    pending.push(event);
    clearTimeout(burst);
    burst = setTimeout(() => {
      const events = pending;
      pending = [];
      handlers.refresh(events);
    }, 150);
  };
  createEffect(
    on(
      () => JSON.stringify(scope()),
      () => {
        const watch: Watch = {
          scope: scope(),
          last: undefined,
          stop: () => undefined,
          onEvent: (event) => {
            if (handlers.toast?.(event) ?? true) {
              if (event.source === 'EXTERNAL') toastExternal(event);
              else pushToast(describeEvent(event, watch.scope.databaseId));
            }
            handlers.onEvent?.(event);
            refreshSoon(event);
          },
          onResync: () => handlers.refresh([]),
        };
        watches.add(watch);
        setWatching(watches.size);
        subscribe(watch);
        void startingCursor(watch);
        onCleanup(() => forget(watch));
      },
    ),
  );
  onCleanup(() => clearTimeout(burst));
}

/** The subtle highlight a view gets when it changed live. */
export function createFlash(): [() => boolean, () => void] {
  const [flash, setFlash] = createSignal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  return [
    flash,
    () => {
      setFlash(true);
      clearTimeout(timer);
      timer = setTimeout(() => setFlash(false), 1_200);
    },
  ];
}
