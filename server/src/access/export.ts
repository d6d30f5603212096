import type { AccessReport } from './report.js';
import type { AccessPath, AccessRow } from './rows.js';

export type ExportFormat = 'CSV' | 'JSON';

export interface AccessExport {
  format: ExportFormat;
  fileName: string;
  contentType: string;
  content: string;
  rowCount: number;
}

/**
 * One line per row and path (a privilege held two ways is two lines). Lists (collaborators, the roles of a path) are
 * JSON arrays in their cell, so names holding commas, quotes, `>` or newlines read back exactly; a cell that could start
 * a formula gets a single quote before it (see neutralised).
 */
export const CSV_COLUMNS = [
  'role',
  'is_public',
  'collaborators',
  'object_kind',
  'schema',
  'name',
  'column',
  'arguments',
  'object',
  'privilege',
  'grantable',
  'source',
  'path',
  'grantor',
  'source_grantable',
] as const;

/**
 * What a spreadsheet reads as a formula at the start of a cell (OWASP's list): role and object names are chosen by
 * whoever may create them (`CREATE ROLE "=HYPERLINK(…)"`). A single quote is in the list so that the prefix below can
 * be undone exactly: a cell that starts with one always had one added.
 */
const FORMULA_START = /^[=+\-@\t\r']/;

/** A cell's text with a single quote before it when it could start a formula (read back: drop one leading quote). */
export function neutralised(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * RFC 4180: every field quoted, quotes doubled, lines ended by CRLF; newlines inside a field stay as they are; formulas
 * neutralised.
 */
function csvField(value: string | null): string {
  return value === null ? '' : `"${neutralised(value).replaceAll('"', '""')}"`;
}

function csvLine(fields: readonly (string | null)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

function csvLineOf(row: AccessRow, path: AccessPath): string {
  const { object } = row;
  return csvLine([
    row.role,
    String(row.isPublic),
    JSON.stringify(row.collaborators),
    object.kind,
    object.schema,
    object.name,
    object.column,
    object.arguments,
    object.label,
    row.privilege,
    String(row.grantable),
    path.source,
    JSON.stringify(path.roles),
    path.grantor,
    String(path.grantable),
  ]);
}

export function reportCsv(rows: readonly AccessRow[]): string {
  const lines = [csvLine(CSV_COLUMNS)];
  for (const row of rows) for (const path of row.paths) lines.push(csvLineOf(row, path));
  return lines.join('');
}

export function reportJson(report: AccessReport, generatedAt: Date): string {
  const { kind, label, role, object } = report.subject;
  return JSON.stringify(
    { subject: { kind, label, role, object }, generatedAt, rowCount: report.rows.length, rows: report.rows },
    null,
    2,
  );
}

/** A file name from the subject, in plain ASCII whatever its name is made of. */
function fileNameOf(report: AccessReport, format: ExportFormat, generatedAt: Date): string {
  const subject = report.subject.label.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60) || 'subject';
  const day = generatedAt.toISOString().slice(0, 10);
  return `access-${report.subject.kind.toLowerCase()}-${subject}-${day}.${format.toLowerCase()}`;
}

export function exportReport(report: AccessReport, format: ExportFormat, generatedAt = new Date()): AccessExport {
  return {
    format,
    fileName: fileNameOf(report, format, generatedAt),
    contentType: format === 'CSV' ? 'text/csv; charset=utf-8' : 'application/json',
    content: format === 'CSV' ? reportCsv(report.rows) : reportJson(report, generatedAt),
    rowCount: report.rows.length,
  };
}
