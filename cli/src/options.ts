import { type Command, InvalidArgumentError } from 'commander';
import type { Access } from './gql/graphql.js';

export interface Json {
  json?: boolean;
}
export interface DbOption extends Json {
  db: string;
}

export function accessLevel(value: string): Access {
  const level = value.toUpperCase();
  if (level !== 'MEMBER' && level !== 'MANAGER') throw new InvalidArgumentError('MEMBER or MANAGER');
  return level;
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
