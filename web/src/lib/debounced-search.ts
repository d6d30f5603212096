import { createSignal, onCleanup } from 'solid-js';

/**
 * Long enough to wait for the next key of a word being typed, short enough that results follow the typing (issue
 * 14: a typed name is shown within 200 ms of the last key). The pickers wait as long (components/Combobox.tsx).
 */
export const SEARCH_DELAY_MS = 60;

/** A search box's text as typed (`text`), and passed on once typing pauses (`search`, trimmed). */
export function createDebouncedSearch(delay = SEARCH_DELAY_MS) {
  const [text, setText] = createSignal('');
  const [search, setSearch] = createSignal('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const type = (value: string) => {
    setText(value);
    clearTimeout(timer);
    timer = setTimeout(() => setSearch(value.trim()), delay);
  };
  onCleanup(() => clearTimeout(timer));
  return { text, search, type };
}
