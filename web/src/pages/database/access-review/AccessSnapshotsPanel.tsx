import { createResource, createSignal, For, type JSX, Show } from 'solid-js';
import { ErrorText } from '../../../components/ErrorText';
import type {
  AccessSubjectInput,
  AccessSnapshotDiffEventsQuery as DiffEventsResult,
  AccessSnapshotDiffQuery as DiffResult,
} from '../../../gql/graphql';
import { errorMessage, mutate, query } from '../../../graphql/client';
import { describeChange } from '../../../lib/event-text';
import { formatCount } from '../../../lib/numbers';
import { member } from '../../../lib/result';
import { AccessSnapshotDiffEvents, AccessSnapshotDiffQuery, AccessSnapshots, SaveAccessSnapshot } from './operations';
import { ReportRows } from './ReportRows';

/** Changes a diff reads at once: the counts are exact, the list says how many more there are. */
const DIFF_ROWS = 200;
const NOW = '';
/** The newest snapshots offered for a comparison. */
const SNAPSHOTS = 100;

/** Why a comparison could not be read, from whichever level refused. */
function failureOf(data: DiffResult | DiffEventsResult): Error {
  const catalog = member(data.database, 'Database')?.catalog;
  return new Error(
    errorMessage(data.database) ??
      errorMessage(catalog) ??
      errorMessage(member(catalog, 'DatabaseCatalog')?.accessSnapshotDiff) ??
      'The snapshots could not be compared.',
  );
}

function diffOf(data: DiffResult) {
  const catalog = member(member(data.database, 'Database')?.catalog, 'DatabaseCatalog');
  const diff = member(catalog?.accessSnapshotDiff, 'AccessSnapshotDiff');
  if (!diff) throw failureOf(data);
  return diff;
}

function eventsOf(data: DiffEventsResult) {
  const catalog = member(member(data.database, 'Database')?.catalog, 'DatabaseCatalog');
  const diff = member(catalog?.accessSnapshotDiff, 'AccessSnapshotDiff');
  if (!diff) throw failureOf(data);
  return diff.events;
}

const when = (iso: string) => new Date(iso).toLocaleString();

/**
 * The subject's saved snapshots: save one now (with a note), then compare one with a later one or with now — the
 * privileges gained and lost, and the events recorded between them that touched those roles and objects.
 */
export function AccessSnapshotsPanel(props: {
  databaseId: string;
  subject: AccessSubjectInput;
  label: string;
}): JSX.Element {
  const [snapshots, { refetch }] = createResource(
    () => props.databaseId,
    async (id) => {
      const data = await query(AccessSnapshots, { id, first: SNAPSHOTS });
      const catalog = member(member(data.database, 'Database')?.catalog, 'DatabaseCatalog');
      if (!catalog) throw new Error(errorMessage(data.database) ?? 'The snapshots could not be read.');
      return catalog.accessSnapshots.nodes;
    },
  );
  /** Only this subject's snapshots compare with each other. */
  const mine = () => (snapshots.latest ?? []).filter((snapshot) => snapshot.subject.label === props.label);
  const [note, setNote] = createSignal('');
  const [saving, setSaving] = createSignal<{ busy: boolean; error: string | null; saved: string | null }>({
    busy: false,
    error: null,
    saved: null,
  });
  const save = async () => {
    setSaving({ busy: true, error: null, saved: null });
    try {
      const result = (
        await mutate(SaveAccessSnapshot, { databaseId: props.databaseId, subject: props.subject, note: note() || null })
      ).saveAccessSnapshot;
      if (result.__typename !== 'AccessSnapshot') throw new Error(errorMessage(result) ?? 'Not saved.');
      setNote('');
      setFrom(result.id);
      setSaving({
        busy: false,
        error: null,
        saved: `Snapshot saved: ${formatCount(result.rowCount)} privileges as of ${when(result.createdAt)}.`,
      });
      await refetch();
    } catch (failure) {
      setSaving({ busy: false, error: (failure as Error).message, saved: null });
    }
  };

  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal(NOW);
  const [asked, setAsked] = createSignal<{ from: string; to: string; at: number } | null>(null);
  const [diff] = createResource(asked, async (pair) => {
    const sides = { id: props.databaseId, from: pair.from, to: pair.to || null };
    const [changes, behind] = await Promise.all([
      query(AccessSnapshotDiffQuery, { ...sides, first: DIFF_ROWS }),
      query(AccessSnapshotDiffEvents, sides),
    ]);
    return { ...diffOf(changes), events: eventsOf(behind) };
  });

  return (
    <section class="access-snapshots" aria-label="Snapshots">
      <h3>Snapshots of {props.label}</h3>
      <form
        class="inline-form"
        aria-label="Save a snapshot"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <input
          aria-label="Snapshot note"
          placeholder="Note (optional), e.g. Q3 review"
          value={note()}
          onInput={(event) => setNote(event.currentTarget.value)}
        />
        <button type="submit" disabled={saving().busy}>
          Save snapshot
        </button>
      </form>
      <Show when={saving().saved}>
        <p class="success" role="status">
          {saving().saved}
        </p>
      </Show>
      <ErrorText error={saving().error ?? (snapshots.error ? (snapshots.error as Error).message : null)} />
      <Show when={mine().length > 0} fallback={<p class="muted">No snapshot of {props.label} yet.</p>}>
        <form
          class="inline-form"
          aria-label="Compare snapshots"
          onSubmit={(event) => {
            event.preventDefault();
            if (from()) setAsked({ from: from(), to: to(), at: Date.now() });
          }}
        >
          <label>
            From{' '}
            <select aria-label="Compare from" value={from()} onChange={(event) => setFrom(event.currentTarget.value)}>
              <option value="">(choose a snapshot)</option>
              <For each={mine()}>
                {(snapshot) => (
                  <option value={snapshot.id} selected={snapshot.id === from()}>
                    {snapshotName(snapshot)}
                  </option>
                )}
              </For>
            </select>
          </label>
          <label>
            to{' '}
            <select aria-label="Compare to" value={to()} onChange={(event) => setTo(event.currentTarget.value)}>
              <option value={NOW}>now</option>
              <For each={mine().filter((snapshot) => snapshot.id !== from())}>
                {(snapshot) => (
                  <option value={snapshot.id} selected={snapshot.id === to()}>
                    {snapshotName(snapshot)}
                  </option>
                )}
              </For>
            </select>
          </label>
          <button type="submit" disabled={!from() || diff.loading}>
            Compare
          </button>
        </form>
      </Show>
      <ErrorText error={diff.error ? (diff.error as Error).message : null} />
      <Show when={!diff.error && diff.latest}>{(shown) => <DiffView diff={shown()} label={props.label} />}</Show>
    </section>
  );
}

function snapshotName(snapshot: { createdAt: string; note?: string | null; createdBy?: string | null }): string {
  const by = snapshot.createdBy ? ` by ${snapshot.createdBy}` : '';
  return `${when(snapshot.createdAt)}${by}${snapshot.note ? ` — ${snapshot.note}` : ''}`;
}

type Diff = ReturnType<typeof diffOf> & { events: ReturnType<typeof eventsOf> };

function DiffView(props: { diff: Diff; label: string }): JSX.Element {
  const changes = () => props.diff.changes.nodes;
  const byRow = () => new Map(changes().map((change) => [change.row, change.change]));
  const more = () => props.diff.changes.totalCount - changes().length;
  return (
    <div class="access-diff" data-testid="access-diff">
      <p role="status">
        Since {when(props.diff.from.createdAt)}: {formatCount(props.diff.gainedCount)} gained,{' '}
        {formatCount(props.diff.lostCount)} lost (read {when(props.diff.toTime)}).
      </p>
      <Show when={changes().length > 0}>
        <ReportRows
          rows={changes().map((change) => change.row)}
          label={`What changed in the access of ${props.label}`}
          change={(row) => byRow().get(row)}
        />
        <Show when={more() > 0}>
          <p class="muted">and {formatCount(more())} more changes (download the reports to see them all)</p>
        </Show>
      </Show>
      <h4>Events behind it</h4>
      <ul class="access-diff-events" data-testid="access-diff-events">
        <For each={props.diff.events} fallback={<li class="muted">No event recorded in between.</li>}>
          {(event) => (
            <li>
              <span class="muted">{when(event.createdAt)}</span>{' '}
              {event.source === 'EXTERNAL' ? 'outside Rolecall' : (event.actor?.username ?? 'someone')}:{' '}
              {describeChange(event)}
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
