import { type JSX, Show } from 'solid-js';
import { EffectiveAccess } from '../../components/EffectiveAccess';
import type { OverviewObjectFragment } from '../../gql/graphql';
import { formatCount } from '../../lib/numbers';
import { type OpenPartitions, type PartitionedTable, type PlacedObject, partitionedTable } from './overview-partitions';
import { objectKindLabel, objectLabel, objectRef } from './overview-rows';
import type { SecurableView } from './permissions/PermissionDialog';

/** One row of the overview: an object, how it is labelled and placed, and what its dialog needs. */
export interface Entry {
  view: SecurableView;
  privileges: OverviewObjectFragment['viewerPrivileges'];
  kindLabel: string;
  depth: number;
  /** A partition's parent, by its label. */
  partitionOf: string | null;
  /** A partitioned table's names, for opening its partitions under it. */
  partitioned: PartitionedTable | null;
}

export function entryOf({ node, depth, partitionOf }: PlacedObject): Entry {
  return {
    view: { ...node, label: objectLabel(node), ref: objectRef(node) },
    privileges: node.viewerPrivileges,
    kindLabel: objectKindLabel(node),
    depth,
    partitionOf,
    partitioned: partitionedTable(node),
  };
}

const partitionsText = (count: number) => `${formatCount(count)} partition${count === 1 ? '' : 's'}`;

/**
 * An object's row: its name (indented under its schema, a partition under its parent), kind, owner, what the viewer's
 * role can do there, and its Permissions button; a partitioned table's also opens its partitions under it.
 */
export function OverviewRow(props: {
  entry: Entry;
  changed: boolean;
  /** A partitioned table's partitions as shown under it; undefined while closed. */
  partitions: OpenPartitions | undefined;
  onTogglePartitions: () => void;
  onOpen: () => void;
}): JSX.Element {
  const label = () => props.entry.view.label;
  return (
    <tr
      data-object={label()}
      data-partition-of={props.entry.partitionOf ?? undefined}
      class={props.changed ? 'changed' : ''}
      data-changed={props.changed ? 'true' : undefined}
    >
      <td style={{ 'padding-left': `${0.5 + props.entry.depth}rem` }}>
        <Show when={props.entry.partitioned}>
          <button
            type="button"
            class="small ghost expander"
            aria-expanded={props.partitions !== undefined}
            aria-label={`Partitions of ${label()}`}
            onClick={() => props.onTogglePartitions()}
          >
            {props.partitions ? '▾' : '▸'}
          </button>
        </Show>
        {label()}
        <Show when={props.entry.partitionOf}>
          <span class="muted partition-of"> partition of {props.entry.partitionOf}</span>
        </Show>
        <Show when={props.partitions}>{(shown) => <PartitionsStatus partitions={shown()} />}</Show>
      </td>
      <td>{props.entry.kindLabel}</td>
      <td>{props.entry.view.owner?.name ?? '—'}</td>
      <td data-testid="viewer-access">
        <EffectiveAccess privileges={props.entry.privileges} />
      </td>
      <td>
        <button type="button" class="small" onClick={() => props.onOpen()} aria-label={`Permissions of ${label()}`}>
          Permissions
        </button>
      </td>
    </tr>
  );
}

function PartitionsStatus(props: { partitions: OpenPartitions }): JSX.Element {
  return (
    <>
      {' '}
      <span class="muted" role="status" data-testid="partition-count">
        {props.partitions.nodes === null ? 'loading partitions…' : partitionsText(props.partitions.nodes.length)}
      </span>
      <Show when={props.partitions.error}>
        {' '}
        <span class="error" role="alert">
          {props.partitions.error}
        </span>
      </Show>
    </>
  );
}
