import { ValidationError } from '../errors.js';

/** PostgreSQL's NAMEDATALEN - 1: longer names are silently truncated by the server, so refuse them up front. */
export const MAX_IDENTIFIER_BYTES = 63;

export function checkIdentifier(name: string, field: string): string {
  if (name.length === 0) throw new ValidationError(field, `${field} must not be empty.`);
  if (name.includes('\0')) throw new ValidationError(field, `${field} must not contain a NUL character.`);
  // A lone UTF-16 surrogate has no UTF-8 form: it would reach PostgreSQL as U+FFFD, naming another object.
  if (/\p{Cs}/u.test(name))
    throw new ValidationError(field, `${field} must be valid Unicode (it has a lone surrogate).`);
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > MAX_IDENTIFIER_BYTES) {
    throw new ValidationError(
      field,
      `${field} is ${bytes} bytes long; PostgreSQL allows at most ${MAX_IDENTIFIER_BYTES}.`,
    );
  }
  return name;
}

/** Quotes an identifier by PostgreSQL's rules (always quoted, embedded quotes doubled). The only way names enter SQL. */
export function quoteIdent(name: string): string {
  checkIdentifier(name, 'name');
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal for the few statements that cannot take parameters (e.g. ALTER ROLE … PASSWORD). */
export function quoteLiteral(value: string): string {
  if (value.includes('\0')) throw new ValidationError('value', 'Value must not contain a NUL character.');
  const escaped = value.replaceAll("'", "''");
  return value.includes('\\') ? `E'${escaped.replaceAll('\\', '\\\\')}'` : `'${escaped}'`;
}
