/**
 * Exports for auditors: CSV (RFC 4180) and JSON, downloaded by the browser. A cell a spreadsheet would run as a
 * formula (=, +, -, @, tab, CR first) gets a leading apostrophe: role and object names are anyone's to choose.
 */
const FORMULA = /^[=+\-@\t\r]/;

function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('; ') : String(value);
  const safe = FORMULA.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The rows as CSV with a header line, columns in the order given. */
export function toCsv<Row extends Record<string, unknown>>(
  rows: readonly Row[],
  columns: readonly (keyof Row & string)[],
): string {
  const lines = [
    columns.map(cell).join(','),
    ...rows.map((row) => columns.map((column) => cell(row[column])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** Hands the text to the browser as a file download. */
export function download(filename: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
