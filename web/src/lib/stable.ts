import { createComputed } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';

/**
 * A list re-read from the server, keeping each item's identity by `id` across re-reads. `<For>` keys its rows and
 * options by identity: without this, every live refresh rebuilds them, and a `<select>` the user just set (or a row
 * they are editing) silently loses its value.
 */
export function stableById<T extends { id: string }>(list: () => readonly T[]): () => T[] {
  const [items, setItems] = createStore<T[]>([]);
  createComputed(() => setItems(reconcile([...list()], { key: 'id' })));
  return () => items;
}
