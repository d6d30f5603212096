import { type Command, InvalidArgumentError } from 'commander';
import type { Access } from './gql/graphql.js';

export interface Json {
  json?: boolean;
}
export interface DbOption extends Json {
  db: string;
}
export interface Listing {
  search?: string;
  limit?: number;
}

export function accessLevel(value: string): Access {
  const level = value.toUpperCase();
  if (level !== 'MEMBER' && level !== 'MANAGER') throw new InvalidArgumentError('MEMBER or MANAGER');
  return level;
}

export function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('a positive integer');
  return Number(value);
}

export const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

export function withObject(command: Command): Command {
  return command
    .option('--table <schema.table>', 'a table (or view, sequence, partition)')
    .option('--schema <name>', 'a schema')
    .option('--on-database', 'the database itself')
    .option('--sequence <schema.sequence>', 'a sequence')
    .option('--column <schema.table.column>', 'a column')
    .option('--function <schema.name(argument types)>', 'a function, procedure or aggregate, e.g. "s.total(integer)"')
    .option('--type <schema.type>', 'a type or domain')
    .option('--language <name>', 'a procedural language')
    .option('--fdw <name>', 'a foreign-data wrapper')
    .option('--server <name>', 'a foreign server')
    .option('--large-object <oid>', 'a large object')
    .option('--tablespace <name>', 'a tablespace')
    .option('--parameter <name>', 'a configuration parameter (SET, ALTER SYSTEM)');
}

/** Searched and limited by the server where the list has a connection (roles), in the CLI otherwise. */
export function withListing(command: Command, rows: string, searched: string): Command {
  return command
    .option('--search <text>', `only ${rows} whose ${searched} contains this text (in any case)`)
    .option('--limit <n>', `at most n ${rows}; stderr then says how many more there are`, positiveInteger);
}
