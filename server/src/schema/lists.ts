import { type DefaultConnectionArguments, offsetForArgs, offsetToCursor } from '@pothos/plugin-relay';
import { builder } from '../builder.js';

/** Case-insensitive substring test; no search keeps everything. */
export function matcher(search: string | null | undefined): (text: string) => boolean {
  const wanted = search?.toLowerCase() ?? '';
  return wanted ? (text) => text.toLowerCase().includes(wanted) : () => true;
}

/** An edge whose cursor is encoded only if a client selects it (a prototype getter keeps edges plain and fast). */
class OffsetEdge<T> {
  constructor(
    readonly node: T,
    private readonly offset: number,
  ) {}

  get cursor(): string {
    return offsetToCursor(this.offset);
  }
}

/**
 * Every list a read returns is a Relay connection (one shape for reads: an object, a connection, or an error). It
 * holds the whole list unless the client pages it with first/after or last/before; `totalCount` counts them all.
 * Each edge's cursor is made only when asked for: most clients read `nodes`, and a matrix has 100,000 rows.
 */
export function listConnection<T>(args: DefaultConnectionArguments, items: readonly T[]) {
  const { offset, page, hasPreviousPage } = pageOf(args, items);
  return connectionOf(page, offset, hasPreviousPage, items.length);
}

/**
 * A connection over light items (names, enough to search and order thousands) whose page alone is then read in full
 * by `load`, in the same order.
 */
export async function loadedConnection<Item, T>(
  args: DefaultConnectionArguments,
  items: readonly Item[],
  load: (page: Item[]) => Promise<T[]>,
) {
  const { offset, page, hasPreviousPage } = pageOf(args, items);
  return connectionOf(await load(page), offset, hasPreviousPage, items.length);
}

/**
 * A connection over `totalCount` items that exist only as positions, of which just the page asked for is made
 * (`item(position)`); at most `maxSize` a page, the first `maxSize` when no page is asked for.
 */
export function computedConnection<T>(
  args: DefaultConnectionArguments,
  totalCount: number,
  maxSize: number,
  item: (position: number) => T,
) {
  const { offset, end, hasPreviousPage } = pageBounds(args, totalCount, maxSize);
  const page = Array.from({ length: end - offset }, (_, index) => item(offset + index));
  return connectionOf(page, offset, hasPreviousPage, totalCount);
}

function pageOf<T>(args: DefaultConnectionArguments, items: readonly T[]) {
  const { offset, end, hasPreviousPage } = pageBounds(args, items.length, items.length);
  return { offset, page: items.slice(offset, end), hasPreviousPage };
}

/** Where the page asked for begins and ends among `totalCount` items, at most `maxSize` of them (all by default). */
function pageBounds(args: DefaultConnectionArguments, totalCount: number, maxSize: number) {
  const size = Math.max(Math.min(totalCount, maxSize), 1);
  const { offset, expectedSize, hasPreviousPage } = offsetForArgs({
    args,
    totalCount,
    defaultSize: size,
    maxSize: size,
  });
  return { offset, end: Math.max(offset, Math.min(offset + expectedSize, totalCount)), hasPreviousPage };
}

function connectionOf<T>(page: readonly T[], offset: number, hasPreviousPage: boolean, totalCount: number) {
  return {
    edges: page.map((node, index) => new OffsetEdge(node, offset + index)),
    pageInfo: {
      startCursor: page.length > 0 ? offsetToCursor(offset) : null,
      endCursor: page.length > 0 ? offsetToCursor(offset + page.length - 1) : null,
      hasPreviousPage,
      hasNextPage: offset + page.length < totalCount,
    },
    totalCount,
  };
}
builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many there are in all, whatever page this is.',
    resolve: (connection) => {
      if (!('totalCount' in connection) || typeof connection.totalCount !== 'number') {
        throw new Error('A connection made without listConnection has no totalCount.');
      }
      return connection.totalCount;
    },
  }),
);
