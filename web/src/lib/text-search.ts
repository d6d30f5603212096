/** A client-side search of a small list already read whole: true when any of the texts contains it, in any case. */
export function textMatcher(search: string): (...texts: readonly (string | null | undefined)[]) => boolean {
  const needle = search.trim().toLowerCase();
  return (...texts) => !needle || texts.some((text) => text?.toLowerCase().includes(needle));
}
