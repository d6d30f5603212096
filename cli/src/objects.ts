import { UsageError } from './api.js';
import type { ObjectKind } from './gql/graphql.js';

export interface ObjectRef {
  kind: ObjectKind;
  schema?: string;
  name?: string;
}

export interface ObjectOptions {
  table?: string;
  schema?: string;
  onDatabase?: boolean;
}

/** Splits `schema.table`; either part may be double-quoted as in SQL (`"my schema"."odd.name"`). */
export function splitQualified(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        current += '"';
        index++;
      } else if (char === '"') quoted = false;
      else current += char;
    } else if (char === '"') quoted = true;
    else if (char === '.') {
      parts.push(current);
      current = '';
    } else current += char;
  }
  if (quoted) throw new UsageError(`unbalanced quotes in ${text}`);
  parts.push(current);
  return parts;
}

/** Exactly one of --table s.t, --schema s, --on-database names the object. */
export function objectRef(options: ObjectOptions): ObjectRef {
  const given = [options.table, options.schema, options.onDatabase].filter((value) => value !== undefined);
  if (given.length !== 1) throw new UsageError('name the object with exactly one of --table, --schema, --on-database');
  if (options.onDatabase) return { kind: 'DATABASE' };
  if (options.schema !== undefined) return { kind: 'SCHEMA', name: options.schema };
  const parts = splitQualified(options.table ?? '');
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw new UsageError('--table takes schema.table');
  return { kind: 'TABLE', schema: parts[0], name: parts[1] };
}

export function describeObject(ref: ObjectRef, database: string): string {
  if (ref.kind === 'DATABASE') return `database ${database}`;
  if (ref.kind === 'SCHEMA') return `schema ${ref.name}`;
  return `table ${ref.schema}.${ref.name}`;
}

/** `SELECT,INSERT update` → ['SELECT', 'INSERT', 'UPDATE']. */
export function privilegeList(values: string[]): string[] {
  const list = values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim().toUpperCase())
    .filter(Boolean);
  if (list.length === 0) throw new UsageError('name at least one privilege');
  return list;
}
