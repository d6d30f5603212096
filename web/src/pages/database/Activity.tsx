import { createEffect, createMemo, createResource, createSignal, For, type JSX, Show } from 'solid-js';
import { ErrorText } from '../../components/ErrorText';
import { ImpactPreview } from '../../components/ImpactPreview';
import { VirtualRows } from '../../components/VirtualRows';
import { graphql } from '../../gql';
import type { ActivityQuery as ActivityQueryResult } from '../../gql/graphql';
import { errorMessage, query } from '../../graphql/client';
import { countsByKind, describeChange } from '../../lib/event-text';
import { download, toCsv } from '../../lib/export';
import { member } from '../../lib/result';

const ActivityQuery = graphql(`
  query Activity(
    $id: ID!
    $first: Int
    $after: BigCursor
    $kinds: [String!]
    $actorId: ID
    $object: String
    $role: String
  ) {
    auditLog(
      databaseId: $id
      first: $first
      after: $after
      kinds: $kinds
      actorId: $actorId
      object: $object
      role: $role
    ) {
      __typename
      ... on Error { message }
      ... on EventPage {
        nextCursor
        events {
          __typename cursor kind source createdAt sql actingRole actor { id username } warnings burstId burstSize
          ...EventChangeFields
        }
      }
    }
  }
`);

const PAGE = 50;
/** An export reads the log in pages of this many, up to the limit (an audit of a busy server stays bounded). */
const EXPORT_PAGE = 500;
const EXPORT_LIMIT = 50_000;
const EXPORT_COLUMNS = [
  'cursor',
  'createdAt',
  'source',
  'kind',
  'actor',
  'actingRole',
  'change',
  'sql',
  'burstId',
] as const;

/** One exported event: its facts, and what it did in the words Activity shows. */
const exportRow = (event: EventView) => ({
  cursor: event.cursor,
  createdAt: event.createdAt,
  source: event.source,
  kind: event.kind,
  actor: event.actor?.username ?? '',
  actingRole: event.actingRole ?? '',
  change: describeChange(event),
  sql: event.sql,
  burstId: event.burstId ?? '',
});

/**
 * One event's impact on access, read when its row is opened: in the list query, every event's impact would pass the
 * API's cost limit.
 */
const EventImpactQuery = graphql(`
  query EventImpact($databaseId: ID!, $cursor: BigCursor!) {
    eventImpact(databaseId: $databaseId, cursor: $cursor) {
      __typename
      ... on Error { message }
      ... on AccessImpact { ...ImpactPreviewFields }
    }
  }
`);

/** The families whose events carry the impact of the Rolecall change behind them (event-families.ts). */
const WITH_IMPACT = new Set([
  'PrivilegeEvent',
  'MembershipEvent',
  'RoleEvent',
  'DefaultPrivilegeEvent',
  'OwnershipEvent',
  'ObjectEvent',
]);

/** Every kind the log records, from the server's event contract: the kind filter offers them all. */
const EventKinds = graphql(`
  query EventKinds {
    eventKinds { kind }
  }
`);

/** An event as the Activity query reads it. */
type EventView = NonNullable<ReturnType<typeof eventPage>>['events'][number];
const eventPage = (result: ActivityQueryResult | undefined) => member(result?.auditLog, 'EventPage');

/** One entry of the list: an event, or the changes one poll found outside Rolecall (a psql script's burst). */
type Entry = { event: EventView } | { burst: EventView[] };

/** Consecutive external changes found by the same poll (one `burstId`) become one entry. */
export function entries(events: readonly EventView[]): Entry[] {
  const grouped: Entry[] = [];
  for (const event of events) {
    const last = grouped.at(-1);
    const key = event.burstId;
    if (key && last && 'burst' in last && last.burst[0]?.burstId === key) last.burst.push(event);
    else if (key && last && 'event' in last && last.event.burstId === key)
      grouped[grouped.length - 1] = { burst: [last.event, event] };
    else grouped.push({ event });
  }
  return grouped;
}

/** "Impact on access", opening onto who gained and lost what through the event (read once, when first opened). */
function EventImpact(props: { databaseId: string; cursor: string }): JSX.Element {
  const [open, setOpen] = createSignal(false);
  const [impact] = createResource(
    () => open() && props.cursor,
    async (cursor) => {
      const { eventImpact } = await query(EventImpactQuery, { databaseId: props.databaseId, cursor });
      if (eventImpact && eventImpact.__typename !== 'AccessImpact')
        throw new Error(errorMessage(eventImpact) ?? 'The impact could not be read.');
      return { impact: eventImpact };
    },
  );
  return (
    <details class="event-impact" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Impact on access</summary>
      <Show when={impact.loading}>
        <p class="muted" role="status">
          Loading the impact…
        </p>
      </Show>
      <ErrorText error={impact.error ? (impact.error as Error).message : null} />
      <ImpactPreview preview={impact.error ? undefined : impact()} />
    </details>
  );
}

/** What an event did, who did it and the SQL it ran: the body of a row, or of an item in a burst. */
function EventBody(props: { event: EventView; databaseId: string }): JSX.Element {
  const event = () => props.event;
  return (
    <>
      <strong>{event().kind}</strong>{' '}
      {event().source === 'EXTERNAL' ? (
        <span class="badge warn">outside Rolecall</span>
      ) : (
        `by ${event().actor?.username ?? '—'}${event().actingRole ? ` as ${event().actingRole}` : ''}`
      )}
      <p class="change">{describeChange(event())}</p>
      <For each={event().sql}>{(statement) => <code class="sql">{statement}</code>}</For>
      <For each={event().warnings}>{(warning) => <p class="warning">⚠ {warning}</p>}</For>
      <Show when={event().source !== 'EXTERNAL' && WITH_IMPACT.has(event().__typename)}>
        <EventImpact databaseId={props.databaseId} cursor={event().cursor} />
      </Show>
    </>
  );
}

const when = (event: EventView | undefined) => <time>{new Date(event?.createdAt ?? '').toLocaleString()}</time>;

/** One event of a burst, in the burst's own list. */
function EventItem(props: { event: EventView; databaseId: string }): JSX.Element {
  return (
    <li class={props.event.source === 'EXTERNAL' ? 'external' : ''} data-kind={props.event.kind}>
      {when(props.event)} <EventBody event={props.event} databaseId={props.databaseId} />
    </li>
  );
}

/** One event as a row of the log. */
function EventRow(props: { event: EventView; databaseId: string }): JSX.Element {
  return (
    <tr class={props.event.source === 'EXTERNAL' ? 'external' : ''} data-kind={props.event.kind}>
      <td>{when(props.event)}</td>
      <td>
        <EventBody event={props.event} databaseId={props.databaseId} />
      </td>
    </tr>
  );
}

/**
 * A burst: how many changes the poll found (all of them, loaded or not), by kind, expandable to each one. Opened, the
 * row grows to list them (the virtualized list measures it again).
 */
function BurstRow(props: {
  events: EventView[];
  databaseId: string;
  open: boolean;
  onToggle: (open: boolean) => void;
}): JSX.Element {
  const first = () => props.events[0];
  const size = () => Math.max(first()?.burstSize ?? 0, props.events.length);
  return (
    <tr class="external burst" data-kind="burst">
      <td>{when(first())}</td>
      <td>
        <details open={props.open} onToggle={(event) => props.onToggle(event.currentTarget.open)}>
          <summary>
            <strong>{size()} changes</strong> <span class="badge warn">outside Rolecall</span>{' '}
            {countsByKind(props.events)}
            {props.events.length < size() ? ` (${props.events.length} loaded)` : ''}
          </summary>
          <Show when={props.open}>
            <ol class="activity">
              <For each={props.events}>{(event) => <EventItem event={event} databaseId={props.databaseId} />}</For>
            </ol>
          </Show>
        </details>
      </td>
    </tr>
  );
}

/** A stable key per entry: its event's cursor, or its burst's id. */
const entryKey = (entry: Entry) => ('burst' in entry ? `burst:${entry.burst[0]?.burstId}` : entry.event.cursor);

type Page = NonNullable<ReturnType<typeof eventPage>>;

/** What the list shows: the events for one filter, newest first, and whether older ones exist. */
interface Shown {
  filter: string;
  events: EventView[];
  more: boolean;
}

/**
 * The newest page (re-read on every live event) put in front of what is shown. Without overlap a full page means
 * events were missed in between, so the list starts again from the newest page rather than show a gap.
 */
export function withNewest(shown: Shown, filter: string, page: Page): Shown {
  const fresh = { filter, events: page.events, more: Boolean(page.nextCursor) };
  if (shown.filter !== filter || shown.events.length === 0) return fresh;
  const cursors = new Set(page.events.map((event) => event.cursor));
  const overlaps = shown.events.some((event) => cursors.has(event.cursor));
  if (!overlaps && page.nextCursor) return fresh;
  return { ...shown, events: [...page.events, ...shown.events.filter((event) => !cursors.has(event.cursor))] };
}

/** The audit log of the database, newest first, filtered by kind and actor, paged; it refetches on every live event. */
export function Activity(props: { databaseId: string; version: number }): JSX.Element {
  const [kind, setKind] = createSignal('');
  const [actor, setActor] = createSignal('');
  const [object, setObject] = createSignal('');
  const [role, setRole] = createSignal('');
  // Entries are rebuilt as events arrive: which bursts are open is kept by their id, not in their elements.
  const [openBursts, setOpenBursts] = createSignal<ReadonlySet<string>>(new Set());
  const toggleBurst = (id: string, open: boolean) =>
    setOpenBursts((current) => {
      const next = new Set(current);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });
  const [shown, setShown] = createSignal<Shown>({ filter: '', events: [], more: false });
  const [older, setOlder] = createSignal<{ loading: boolean; error: string | null }>({ loading: false, error: null });
  const filter = () => JSON.stringify([props.databaseId, kind(), actor(), object(), role()]);
  const variables = () => ({
    id: props.databaseId,
    first: PAGE,
    kinds: kind() ? [kind()] : null,
    actorId: actor() || null,
    object: object().trim() || null,
    role: role().trim() || null,
  });
  const [newest] = createResource(
    () => [filter(), props.version] as const,
    async ([key]) => ({ filter: key, page: (await query(ActivityQuery, variables())).auditLog }),
  );
  const result = () => (newest.error ? undefined : newest());
  createEffect(() => {
    const value = result();
    const page = member(value?.page, 'EventPage');
    if (value && page) setShown((current) => withNewest(current, value.filter, page));
  });
  const failure = () => {
    if (newest.error) return (newest.error as Error).message;
    return errorMessage(result()?.page);
  };
  const events = () => (shown().filter === filter() ? shown().events : []);
  // One list of entries per read, not per access: the virtualized rows read it on every scroll.
  const entryList = createMemo(() => entries(events()));
  const [known] = createResource(async () => {
    // Without the list, the filter still offers the kinds the log shows.
    const data = await query(EventKinds, {}).catch(() => null);
    return data?.eventKinds.map((spec) => spec.kind) ?? [];
  });
  const kinds = () =>
    [...new Set([...(known() ?? []), ...events().map((event) => event.kind), kind()])].filter(Boolean);
  const actors = () => {
    const seen = new Map<string, string>();
    for (const event of events()) if (event.actor) seen.set(event.actor.id, event.actor.username);
    return [...seen];
  };

  const [exporting, setExporting] = createSignal<{ busy: boolean; error: string | null }>({
    busy: false,
    error: null,
  });
  /** Every event the filter selects (not only those loaded), oldest pages read until the log ends. */
  const allEvents = async (): Promise<EventView[]> => {
    const all: EventView[] = [];
    let after: string | undefined;
    do {
      const page = (await query(ActivityQuery, { ...variables(), first: EXPORT_PAGE, after })).auditLog;
      if (page.__typename !== 'EventPage') throw new Error(errorMessage(page) ?? 'The activity could not be read.');
      all.push(...page.events);
      after = page.nextCursor ?? undefined;
    } while (after && all.length < EXPORT_LIMIT);
    return all;
  };
  const exportAs = async (format: 'csv' | 'json') => {
    setExporting({ busy: true, error: null });
    try {
      const rows = (await allEvents()).map(exportRow);
      const name = `rolecall-activity-${new Date().toISOString().slice(0, 19).replaceAll(':', '')}`;
      if (format === 'csv') download(`${name}.csv`, 'text/csv', toCsv(rows, EXPORT_COLUMNS));
      else download(`${name}.json`, 'application/json', `${JSON.stringify(rows, null, 2)}\n`);
      setExporting({ busy: false, error: null });
    } catch (failure) {
      setExporting({ busy: false, error: (failure as Error).message });
    }
  };

  const loadOlder = async () => {
    const before = shown();
    setOlder({ loading: true, error: null });
    try {
      const page = (await query(ActivityQuery, { ...variables(), after: before.events.at(-1)?.cursor })).auditLog;
      if (page.__typename !== 'EventPage') {
        setOlder({ loading: false, error: errorMessage(page) ?? 'Older events could not be read.' });
        return;
      }
      if (shown().filter === before.filter)
        setShown((current) => {
          const have = new Set(current.events.map((event) => event.cursor));
          const added = page.events.filter((event) => !have.has(event.cursor));
          return { ...current, events: [...current.events, ...added], more: Boolean(page.nextCursor) };
        });
      setOlder({ loading: false, error: null });
    } catch (failure) {
      setOlder({ loading: false, error: (failure as Error).message });
    }
  };

  return (
    <section aria-label="Activity">
      <form class="inline-form filters" aria-label="Filter the activity" onSubmit={(event) => event.preventDefault()}>
        <label>
          Kind{' '}
          <select aria-label="Filter by kind" value={kind()} onChange={(event) => setKind(event.currentTarget.value)}>
            <option value="">All kinds</option>
            <For each={kinds()}>{(name) => <option value={name}>{name}</option>}</For>
          </select>
        </label>
        <label>
          By{' '}
          <select
            aria-label="Filter by actor"
            value={actor()}
            onChange={(event) => setActor(event.currentTarget.value)}
          >
            <option value="">Anyone</option>
            <For each={actors()}>{([id, username]) => <option value={id}>{username}</option>}</For>
          </select>
        </label>
        <label>
          Object{' '}
          <input
            aria-label="Filter by object"
            placeholder="schema.table"
            value={object()}
            onChange={(event) => setObject(event.currentTarget.value)}
          />
        </label>
        <label>
          Role{' '}
          <input
            aria-label="Filter by role"
            placeholder="role name"
            value={role()}
            onChange={(event) => setRole(event.currentTarget.value)}
          />
        </label>
      </form>
      <div class="row">
        <button type="button" class="small" disabled={exporting().busy} onClick={() => void exportAs('csv')}>
          Export CSV
        </button>
        <button type="button" class="small" disabled={exporting().busy} onClick={() => void exportAs('json')}>
          Export JSON
        </button>
        <span class="muted">every event the filter selects, not only those shown</span>
      </div>
      <ErrorText error={exporting().error} />
      <Show when={newest.loading && events().length === 0}>
        <p class="muted" role="status">
          Loading the activity…
        </p>
      </Show>
      <ErrorText error={failure()} />
      <p class="muted" role="status" data-testid="activity-count">
        <Show when={events().length > 0}>
          {events().length} event{events().length === 1 ? '' : 's'} shown
          {shown().filter === filter() && shown().more ? ', older ones on request' : ''}
        </Show>
      </p>
      <VirtualRows
        each={entryList()}
        label="Activity log"
        class="activity"
        key={entryKey}
        estimateSize={90}
        head={
          <tr>
            <th>When</th>
            <th>What changed</th>
          </tr>
        }
        fallback={
          <Show when={!newest.loading}>
            <tr>
              <td colSpan={2} class="muted">
                Nothing yet.
              </td>
            </tr>
          </Show>
        }
      >
        {(entry) => {
          if (!('burst' in entry)) return <EventRow event={entry.event} databaseId={props.databaseId} />;
          const id = entry.burst[0]?.burstId ?? '';
          return (
            <BurstRow
              events={entry.burst}
              databaseId={props.databaseId}
              open={openBursts().has(id)}
              onToggle={(open) => toggleBurst(id, open)}
            />
          );
        }}
      </VirtualRows>
      <Show when={shown().filter === filter() && shown().more}>
        <button type="button" onClick={loadOlder} disabled={older().loading}>
          {older().loading ? 'Loading older events…' : 'Load older'}
        </button>
      </Show>
      <ErrorText error={older().error} />
    </section>
  );
}
