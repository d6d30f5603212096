/** A client-side search of a small list already read whole: true when any of the texts contains it, in any case. */
export function textMatcher(search: string): (...texts: readonly (string | null | undefined)[]) => boolean {
  const needle = search.trim().toLowerCase();
  return (...texts) => !needle || texts.some((text) => text?.toLowerCase().includes(needle));
}

/**
 * Names in code point order, as the server orders roles (PostgreSQL's C collation): the same order on every page,
 * and no Intl collator to load for the first sort (tens of milliseconds of a first render).
 */
export const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
