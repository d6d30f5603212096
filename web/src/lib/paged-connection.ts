import { batch, createEffect, createSignal, on } from 'solid-js';

/** One page of a server connection, as a list needs it. */
export interface Page<Node> {
  nodes: Node[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

/** A Relay connection's page, as a paged list keeps it. */
export function pageOf<Node>(connection: {
  nodes: Node[];
  totalCount: number;
  pageInfo: { endCursor?: string | null; hasNextPage: boolean };
}): Page<Node> {
  return {
    nodes: connection.nodes,
    totalCount: connection.totalCount,
    endCursor: connection.pageInfo.endCursor ?? null,
    hasNextPage: connection.pageInfo.hasNextPage,
  };
}

/** What a paged list shows now: the nodes loaded so far, for one `key` (a database and a search, say). */
interface Loaded<Node> {
  key: string;
  nodes: Node[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

/**
 * A server connection read a page at a time: the first page whenever `key` changes (null: read nothing), the next on
 * `loadMore()`, and `reread()` reads again every node loaded so far in one request (a live change the rows could not
 * be patched for), keeping the list as long as it was. An answer for a key or a read that has since been replaced is
 * dropped, so a slow page never lands in a newer search.
 */
export function createPagedConnection<Node>(options: {
  key: () => string | null;
  pageSize: number;
  /** Reads `first` nodes after `after`; throws with a message the list shows when the server refuses. */
  read: (after: string | null, first: number) => Promise<Page<Node>>;
}) {
  const [loaded, setLoaded] = createSignal<Loaded<Node> | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  // Each read takes a ticket; only the answer to the newest ticket is kept.
  let ticket = 0;

  /** Reads a page and applies it; true when it landed (not refused, nor replaced by a newer read meanwhile). */
  const run = async (
    key: string,
    after: string | null,
    first: number,
    apply: (page: Page<Node>) => Loaded<Node>,
  ): Promise<boolean> => {
    const mine = ++ticket;
    setLoading(true);
    try {
      const page = await options.read(after, first);
      if (mine !== ticket || options.key() !== key) return false;
      batch(() => {
        setLoaded(apply(page));
        setError(null);
      });
      return true;
    } catch (failure) {
      if (mine === ticket) setError((failure as Error).message);
      return false;
    } finally {
      if (mine === ticket) setLoading(false);
    }
  };
  const fresh = (key: string, page: Page<Node>): Loaded<Node> => ({ key, ...page });

  createEffect(
    on(options.key, (key) => {
      ticket++;
      batch(() => {
        setLoaded(null);
        setError(null);
        setLoading(false);
      });
      if (key !== null) void run(key, null, options.pageSize, (page) => fresh(key, page));
    }),
  );

  const loadMore = () => {
    const current = loaded();
    if (!current?.hasNextPage || loading()) return;
    // Appended to the rows as they are when the page lands: a live patch made meanwhile stays.
    void run(current.key, current.endCursor, options.pageSize, (page) => ({
      ...page,
      key: current.key,
      nodes: [...(loaded()?.nodes ?? current.nodes), ...page.nodes],
    }));
  };
  const reread = () => {
    const key = options.key();
    if (key === null) return Promise.resolve(false);
    const length = Math.max(options.pageSize, loaded()?.nodes.length ?? 0);
    return run(key, null, length, (page) => fresh(key, page));
  };
  /** Replaces the loaded nodes (rows patched from a live event); false once the list has changed under it. */
  const patch = (before: readonly Node[], nodes: Node[]) => {
    const current = loaded();
    if (current?.nodes !== before) return false;
    setLoaded({ ...current, nodes });
    return true;
  };

  return {
    nodes: () => loaded()?.nodes ?? [],
    totalCount: () => loaded()?.totalCount,
    hasNextPage: () => loaded()?.hasNextPage ?? false,
    /** The first page of the current key has been read. */
    ready: () => loaded() !== null,
    loading,
    error,
    loadMore,
    reread,
    patch,
  };
}
