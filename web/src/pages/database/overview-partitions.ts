import { createEffect, createSignal, on } from 'solid-js';
import { graphql } from '../../gql';
import type { OverviewObjectFragment } from '../../gql/graphql';
import { errorMessage, query } from '../../graphql/client';
import { member } from '../../lib/result';
import { objectLabel } from './overview-rows';

const PartitionsQuery = graphql(`
  query OverviewPartitions($id: ID!, $schema: String!, $name: String!) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog { table(schema: $schema, name: $name) { partitions { ...OverviewObject } } }
        }
      }
    }
  }
`);

/** A partitioned table, by the names its partitions are asked for with. */
export interface PartitionedTable {
  schema: string;
  name: string;
}

/** The partitions shown under an open parent: `nodes` null while the first read is on its way. */
export interface OpenPartitions {
  table: PartitionedTable;
  nodes: OverviewObjectFragment[] | null;
  error: string | null;
}

/** A row of the Overview: an object it lists, or a partition under its open parent (`partitionOf`: the parent's label). */
export interface PlacedObject {
  node: OverviewObjectFragment;
  depth: number;
  partitionOf: string | null;
}

/** The table, when `node` is a partitioned table (whose partitions may be opened under it). */
export function partitionedTable(node: OverviewObjectFragment): PartitionedTable | null {
  return node.__typename === 'Table' && node.tableKind === 'PARTITIONED_TABLE'
    ? { schema: node.schema, name: node.name }
    : null;
}

const keyOf = (table: PartitionedTable) => JSON.stringify([table.schema, table.name]);

async function readPartitions(databaseId: string, table: PartitionedTable): Promise<OverviewObjectFragment[]> {
  const data = await query(PartitionsQuery, { id: databaseId, ...table });
  const catalog = member(data.database, 'Database')?.catalog;
  const found = member(catalog, 'DatabaseCatalog');
  if (!found)
    throw new Error(errorMessage(data.database) ?? errorMessage(catalog) ?? 'The partitions could not be read.');
  // A parent dropped since has no partitions left to show.
  return found.table?.partitions ?? [];
}

/**
 * The partitions of the partitioned tables whose rows are open. The Overview's list (objectsConnection) holds no
 * partition: each is shown under its parent once that is opened, read then and again on `reread` (a change, a live
 * event), so a table of thousands of partitions costs nothing until asked for.
 */
export function createPartitions(databaseId: () => string) {
  const [open, setOpen] = createSignal<ReadonlyMap<string, OpenPartitions>>(new Map());
  const update = (key: string, value: OpenPartitions | null) =>
    setOpen((shown) => {
      const next = new Map(shown);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  createEffect(on(databaseId, () => setOpen(new Map()), { defer: true }));

  const read = async (table: PartitionedTable): Promise<void> => {
    const key = keyOf(table);
    const asked = databaseId();
    let outcome: Pick<OpenPartitions, 'nodes' | 'error'>;
    try {
      outcome = { nodes: await readPartitions(asked, table), error: null };
    } catch (failure) {
      outcome = { nodes: open().get(key)?.nodes ?? [], error: (failure as Error).message };
    }
    // Closed meanwhile, or another database shown: the answer has no row to go under.
    if (open().has(key) && databaseId() === asked) update(key, { table, ...outcome });
  };

  return {
    /** What is shown under `table`'s row; undefined while it is closed. */
    of: (table: PartitionedTable) => open().get(keyOf(table)),
    toggle: (table: PartitionedTable) => {
      const key = keyOf(table);
      if (open().has(key)) return update(key, null);
      update(key, { table, nodes: null, error: null });
      void read(table);
    },
    /** Reads every open parent's partitions again. */
    reread: async () => {
      await Promise.all([...open().values()].map((shown) => read(shown.table)));
    },
  };
}

/** The listed objects, each open parent followed by its partitions (and theirs, for a partition partitioned again). */
export function withPartitions(
  nodes: readonly OverviewObjectFragment[],
  of: (table: PartitionedTable) => OpenPartitions | undefined,
): PlacedObject[] {
  const placed: PlacedObject[] = [];
  const place = (node: OverviewObjectFragment, depth: number, partitionOf: string | null) => {
    placed.push({ node, depth, partitionOf });
    const table = partitionedTable(node);
    for (const partition of (table && of(table)?.nodes) || []) place(partition, depth + 1, objectLabel(node));
  };
  for (const node of nodes) place(node, node.__typename === 'Table' ? 1 : 0, null);
  return placed;
}
