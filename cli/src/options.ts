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
    .option('--table <schema.table>', 'a table (or view, sequence)')
    .option('--schema <name>', 'a schema')
    .option('--on-database', 'the database itself');
}

/** Searched and limited by the server where the list has a connection (roles), in the CLI otherwise. */
export function withListing(command: Command, rows: string, searched: string): Command {
  return command
    .option('--search <text>', `only ${rows} whose ${searched} contains this text (in any case)`)
    .option('--limit <n>', `at most n ${rows}; stderr then says how many more there are`, positiveInteger);
}
