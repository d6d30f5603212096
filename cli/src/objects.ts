import { UsageError } from './api.js';
import type { ObjectKind } from './gql/graphql.js';

export interface ObjectRef {
  kind: ObjectKind;
  schema?: string;
  name?: string;
  column?: string;
  arguments?: string;
}

export interface ObjectOptions {
  table?: string;
  schema?: string;
  onDatabase?: boolean;
  sequence?: string;
  column?: string;
  function?: string;
  type?: string;
  language?: string;
  fdw?: string;
  server?: string;
  largeObject?: string;
  tablespace?: string;
  parameter?: string;
}

/** The options that each name one object, and how each becomes a reference. */
const NAMED_BY: [keyof ObjectOptions, (value: string) => ObjectRef][] = [
  ['onDatabase', () => ({ kind: 'DATABASE' })],
  ['schema', (name) => ({ kind: 'SCHEMA', name })],
  ['table', (text) => inSchema('TABLE', text, '--table takes schema.table')],
  ['sequence', (text) => inSchema('SEQUENCE', text, '--sequence takes schema.sequence')],
  ['type', (text) => inSchema('TYPE', text, '--type takes schema.type')],
  ['column', columnRef],
  ['function', functionRef],
  ['language', (name) => ({ kind: 'LANGUAGE', name })],
  ['fdw', (name) => ({ kind: 'FOREIGN_DATA_WRAPPER', name })],
  ['server', (name) => ({ kind: 'FOREIGN_SERVER', name })],
  ['largeObject', (name) => ({ kind: 'LARGE_OBJECT', name })],
  ['tablespace', (name) => ({ kind: 'TABLESPACE', name })],
  ['parameter', (name) => ({ kind: 'PARAMETER', name })],
];

function inSchema(kind: ObjectKind, text: string, usage: string): ObjectRef {
  const parts = splitQualified(text);
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw new UsageError(usage);
  return { kind, schema: parts[0], name: parts[1] };
}

function columnRef(text: string): ObjectRef {
  const parts = splitQualified(text);
  if (parts.length !== 3 || !parts[0] || !parts[1] || !parts[2])
    throw new UsageError('--column takes schema.table.column');
  return { kind: 'COLUMN', schema: parts[0], name: parts[1], column: parts[2] };
}

/** The index of the first `char` outside double quotes, or -1. */
function firstUnquoted(text: string, char: string): number {
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '"') quoted = !quoted;
    else if (!quoted && text[index] === char) return index;
  }
  return -1;
}

/** `s.name(integer, text)`: the name as `--table` takes one, the argument types as PostgreSQL reads them. */
function functionRef(text: string): ObjectRef {
  const open = firstUnquoted(text, '(');
  if (open < 0 || !text.endsWith(')')) throw new UsageError('--function takes schema.name(argument types)');
  const ref = inSchema('FUNCTION', text.slice(0, open), '--function takes schema.name(argument types)');
  return { ...ref, arguments: text.slice(open + 1, -1).trim() };
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

/** Exactly one object option (--table s.t, --schema s, --on-database, --function s.f(int), …) names the object. */
export function objectRef(options: ObjectOptions): ObjectRef {
  const given = NAMED_BY.filter(([option]) => options[option] !== undefined);
  const [only] = given;
  if (given.length !== 1 || !only)
    throw new UsageError(
      `name the object with exactly one of ${NAMED_BY.map(([option]) => `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(', ')}`,
    );
  const [option, toRef] = only;
  return toRef(String(options[option]));
}

export function describeObject(ref: ObjectRef, database: string): string {
  if (ref.kind === 'DATABASE') return `database ${database}`;
  const name = [ref.schema, ref.name, ref.column].filter((part) => part !== undefined).join('.');
  const signature = ref.kind === 'FUNCTION' ? `${name}(${ref.arguments ?? ''})` : name;
  return `${ref.kind.toLowerCase().replaceAll('_', ' ')} ${signature}`;
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
