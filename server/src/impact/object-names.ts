import type { ClientBase } from 'pg';
import type { ObjectState } from '../events/payloads.js';
import type { ImpactObject } from './model.js';

interface Named {
  oid: number;
  attnum: number;
  schema: string;
  name: string;
  column: string | null;
  arguments: string | null;
}

/** Relations, columns, functions and types by OID, with their schema (read inside the change's transaction). */
const NAMES = `
  SELECT c.oid::int AS oid, 0 AS attnum, n.nspname AS schema, c.relname AS name, NULL::text AS "column", NULL::text AS "arguments"
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = ANY($1::oid[])
  UNION ALL
  SELECT c.oid::int, a.attnum, n.nspname, c.relname, a.attname, NULL
    FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
   WHERE (a.attrelid, a.attnum) IN (SELECT * FROM unnest($2::oid[], $3::int[]))
  UNION ALL
  SELECT p.oid::int, 0, n.nspname, p.proname, NULL, pg_catalog.oidvectortypes(p.proargtypes)
    FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE p.oid = ANY($4::oid[])
  UNION ALL
  SELECT t.oid::int, 0, n.nspname, t.typname, NULL, NULL
    FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE t.oid = ANY($5::oid[])`;

const WORDS: Partial<Record<ImpactObject['kind'], string>> = {
  DATABASE: 'database',
  SCHEMA: 'schema',
  TYPE: 'type',
  LANGUAGE: 'language',
  FOREIGN_DATA_WRAPPER: 'foreign-data wrapper',
  FOREIGN_SERVER: 'foreign server',
  LARGE_OBJECT: 'large object',
  TABLESPACE: 'tablespace',
  PARAMETER: 'parameter',
};

function labelOf(object: Omit<ImpactObject, 'label'>): string {
  const qualified = object.schema ? `${object.schema}.${object.name}` : object.name;
  switch (object.kind) {
    case 'TABLE':
    case 'SEQUENCE':
      return qualified;
    case 'COLUMN':
      return `${qualified}(${object.column})`;
    case 'FUNCTION':
      return `${qualified}(${object.arguments ?? ''})`;
    default:
      return `${WORDS[object.kind] ?? object.kind.toLowerCase()} ${qualified}`;
  }
}

export function impactObject(object: Omit<ImpactObject, 'label'>): ImpactObject {
  return { ...object, label: labelOf(object) };
}

const attnumOf = (state: ObjectState) => Number(state.key?.split(':')[2] ?? 0);

const keyOf = (state: ObjectState) => `${state.oid}:${state.objectKind === 'COLUMN' ? attnumOf(state) : 0}`;

/** Names by `oid:attnum`. */
export type ObjectNames = Map<string, Named>;

async function readNames(client: ClientBase, states: readonly ObjectState[]): Promise<ObjectNames> {
  if (states.length === 0) return new Map();
  const of = (kind: ObjectState['objectKind']) => states.filter((state) => state.objectKind === kind);
  const columns = of('COLUMN');
  const { rows } = await client.query<Named>(NAMES, [
    [...of('TABLE'), ...of('SEQUENCE')].map((state) => state.oid),
    columns.map((state) => state.oid),
    columns.map(attnumOf),
    of('FUNCTION').map((state) => state.oid),
    of('TYPE').map((state) => state.oid),
  ]);
  return new Map(rows.map((row) => [`${row.oid}:${row.attnum}`, row]));
}

/**
 * The names of relations a change touches, read with its statements (after them, in the same round trip): an
 * impact about those objects only needs no read of its own.
 */
export function relationNames(client: ClientBase, oids: readonly number[]): Promise<ObjectNames> {
  const states = oids.map((oid): ObjectState => ({ oid, objectKind: 'TABLE', label: '', owner: 0, acl: [] }));
  return readNames(client, states);
}

/**
 * How people read each object: by its schema and name where it has them (as the change left it, else as stored).
 * `known`: names read already (see relationNames).
 */
export async function impactObjects(
  client: ClientBase,
  states: readonly ObjectState[],
  known: ObjectNames = new Map(),
): Promise<Map<ObjectState, ImpactObject>> {
  const read = await readNames(
    client,
    states.filter((state) => !known.has(keyOf(state))),
  );
  const result = new Map<ObjectState, ImpactObject>();
  for (const state of states) {
    const found = known.get(keyOf(state)) ?? read.get(keyOf(state));
    const kind = state.objectKind;
    const hasSchema = ['TABLE', 'SEQUENCE', 'COLUMN', 'FUNCTION', 'TYPE'].includes(kind);
    result.set(
      state,
      impactObject(
        found && hasSchema
          ? { kind, schema: found.schema, name: found.name, column: found.column, arguments: found.arguments }
          : { kind, schema: null, name: state.label, column: null, arguments: null },
      ),
    );
  }
  return result;
}
