import Table from 'cli-table3';
import type { Json, Listing } from './options.js';

export type Cell = string | number | boolean | null | undefined;

/** A Scalingo-style box table, without colours (they would end up in pipes and files). */
export function table(head: string[], rows: Cell[][]): string {
  const box = new Table({ head, style: { head: [], border: [] } });
  for (const row of rows) box.push(row.map((cell) => (cell === null || cell === undefined ? '' : String(cell))));
  return box.toString();
}

/** `--json` prints the value for scripts; otherwise the human form. */
export function emit(json: boolean | undefined, value: unknown, human: () => string): void {
  process.stdout.write(`${json ? JSON.stringify(value, null, 2) : human()}\n`);
}

/**
 * A list after `--search` (any of `searched` contains the text, in any case) and `--limit`. How many rows the limit
 * left out goes to stderr, after the list, so stdout holds exactly the rows (or the JSON array) shown.
 */
export function emitList<Row>(
  options: Json & Listing,
  rows: Row[],
  searched: (row: Row) => (string | null)[],
  human: (rows: Row[]) => string,
): void {
  const needle = options.search?.toLowerCase();
  const found =
    needle === undefined
      ? rows
      : rows.filter((row) => searched(row).some((text) => text?.toLowerCase().includes(needle)));
  emitPage(options, found.slice(0, options.limit), found.length, human);
}

/** One page of a list the server searched and paged; `total` is how many matched in all. */
export function emitPage<Row>(options: Json, shown: Row[], total: number, human: (rows: Row[]) => string): void {
  emit(options.json, shown, () => human(shown));
  const more = total - shown.length;
  if (more > 0) process.stderr.write(`… ${more} more (raise --limit, or narrow with --search)\n`);
}

/**
 * `rolecall roles | head -1`: once the reader is gone, nobody is left to read anything more, so leave quietly with
 * 0 (as `git` and `ls`, killed by SIGPIPE, do) instead of crashing on EPIPE with a stack trace.
 */
export function exitQuietlyWhenOutputCloses(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(0);
    });
  }
}

/** Scalingo's arrow for a completed action. */
export const done = (message: string) => `-----> ${message}`;
