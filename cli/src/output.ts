import Table from 'cli-table3';

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

/** Scalingo's arrow for a completed action. */
export const done = (message: string) => `-----> ${message}`;
