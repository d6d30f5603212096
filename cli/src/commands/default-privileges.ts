import { type Command, InvalidArgumentError } from 'commander';
import { UsageError, unwrap } from '../api.js';
import { emitChange, grantee, printChange } from '../changes.js';
import type { DefaultedObjectKind, PrivilegePreset } from '../gql/graphql.js';
import { graphql } from '../gql/index.js';
import { api, resolveDatabase } from '../lookup.js';
import { privilegeList } from '../objects.js';
import type { DbOption } from '../options.js';
import { emit, table } from '../output.js';
import { IMPACT_OPTION } from './impact.js';

const CliDefaultPrivileges = graphql(`
  query CliDefaultPrivileges($id: ID!, $creator: String) {
    database(id: $id) {
      __typename
      ...CliError
      ... on Database {
        catalog {
          __typename
          ...CliError
          ... on DatabaseCatalog {
            defaultPrivileges(creator: $creator) {
              creator { name } schema objectKind grants { isPublic grantee { name } privileges grantable }
            }
          }
        }
      }
    }
  }
`);

const CliSetDefaultPrivileges = graphql(`
  mutation CliSetDefaultPrivileges(
    $db: ID!, $creator: String, $schema: String, $kind: DefaultedObjectKind!, $grants: [DesiredDefaultGrantInput!]!,
    $dryRun: Boolean
  ) {
    setDefaultPrivileges(
      databaseId: $db, creator: $creator, schema: $schema, kind: $kind, grants: $grants, dryRun: $dryRun
    ) { __typename ...CliError ...CliChange }
  }
`);

const KINDS: Record<string, DefaultedObjectKind> = {
  TABLE: 'TABLE',
  SEQUENCE: 'SEQUENCE',
  FUNCTION: 'FUNCTION',
  ROUTINE: 'FUNCTION',
  TYPE: 'TYPE',
  SCHEMA: 'SCHEMA',
  LARGE_OBJECT: 'LARGE_OBJECT',
};

const KIND_NAMES = 'tables, sequences, functions, types, schemas or large-objects (PostgreSQL 18+)';

/** `tables`, `TABLE`, `functions`, `routines`, `large-objects` … as ALTER DEFAULT PRIVILEGES names them. */
function objectKind(value: string): DefaultedObjectKind {
  const kind =
    KINDS[
      value
        .toUpperCase()
        .replace(/[\s-]+/g, '_')
        .replace(/S$/, '')
    ];
  if (!kind) throw new InvalidArgumentError(KIND_NAMES);
  return kind;
}

const PRESETS: PrivilegePreset[] = ['NONE', 'READ', 'WRITE', 'CREATE'];

function preset(value: string): PrivilegePreset {
  const name = value.toUpperCase() as PrivilegePreset;
  if (!PRESETS.includes(name)) throw new InvalidArgumentError(PRESETS.join(', '));
  return name;
}

interface SetOptions extends DbOption {
  kind: DefaultedObjectKind;
  role: string;
  creator?: string;
  schema?: string;
  preset?: PrivilegePreset;
  withGrantOption?: boolean;
  dryRun?: boolean;
}

/** Exactly one of privileges or --preset; WITH GRANT OPTION only on privileges named. */
function desiredGrant(privileges: string[], options: SetOptions) {
  if (privileges.length > 0 === Boolean(options.preset))
    throw new UsageError('name the privileges, or --preset (NONE for nothing), not both');
  if (options.preset) {
    if (options.withGrantOption) throw new UsageError('--with-grant-option takes the privileges by name, not --preset');
    return { grantee: grantee(options.role), preset: options.preset };
  }
  const wanted = privilegeList(privileges);
  return { grantee: grantee(options.role), privileges: wanted, grantable: options.withGrantOption ? wanted : [] };
}

function registerShow(command: Command): void {
  command
    .command('show')
    .description('Default privileges: what new objects start with, by creator, schema and kind')
    .requiredOption('--db <name|id>', 'database name or id')
    .option('--creator <role>', 'only the default privileges of this role')
    .option('--json', 'print JSON')
    .action(async (options: DbOption & { creator?: string }) => {
      const client = await api();
      const database = await resolveDatabase(client, options.db);
      const result = await client.request(CliDefaultPrivileges, { id: database.id, creator: options.creator ?? null });
      const { catalog } = unwrap(result.database, 'Database');
      const entries = unwrap(catalog, 'DatabaseCatalog').defaultPrivileges.map((entry) => ({
        creator: entry.creator?.name ?? null,
        schema: entry.schema,
        kind: entry.objectKind,
        grants: entry.grants.map((grant) => ({
          grantee: grant.isPublic ? 'PUBLIC' : (grant.grantee?.name ?? null),
          privileges: grant.privileges,
          grantable: grant.grantable,
        })),
      }));
      emit(options.json, entries, () =>
        table(
          ['CREATOR', 'SCHEMA', 'KIND', 'GRANTEE', 'PRIVILEGES', 'GRANTABLE'],
          entries.flatMap((entry) =>
            (entry.grants.length > 0 ? entry.grants : [null]).map((grant) => [
              entry.creator,
              entry.schema ?? '(all)',
              entry.kind,
              grant?.grantee ?? '(nobody)',
              grant?.privileges.join(', '),
              grant?.grantable.join(', '),
            ]),
          ),
        ),
      );
    });
}

function registerSet(command: Command): void {
  command
    .command('set')
    .description(
      'ALTER DEFAULT PRIVILEGES: exactly these privileges for one grantee on the objects a role creates from now on (--dry-run prints the SQL)',
    )
    .argument('[privileges...]', 'e.g. SELECT,INSERT or SELECT INSERT (or --preset)')
    .requiredOption('--db <name|id>', 'database name or id')
    .requiredOption('--kind <kind>', KIND_NAMES, objectKind)
    .requiredOption('--role <role>', 'the grantee (PUBLIC for everyone)')
    .option('--creator <role>', 'whose new objects (default: your own role)')
    .option('--schema <name>', 'only objects made in this schema (default: everywhere; not for schemas, large objects)')
    .option('--preset <preset>', 'instead of privileges: NONE, READ, WRITE or CREATE', preset)
    .option('--with-grant-option', 'WITH GRANT OPTION')
    .option('--dry-run', 'print the SQL without running it')
    .option(...IMPACT_OPTION)
    .option('--json', 'print JSON')
    .action(async (privileges: string[], options: SetOptions) => {
      const grant = desiredGrant(privileges, options);
      const client = await api();
      const database = await resolveDatabase(client, options.db);
      const { setDefaultPrivileges } = await client.request(CliSetDefaultPrivileges, {
        db: database.id,
        creator: options.creator ?? null,
        schema: options.schema ?? null,
        kind: options.kind,
        grants: [grant],
        dryRun: Boolean(options.dryRun),
      });
      const change = unwrap(setDefaultPrivileges, 'PermissionChange');
      const where = options.schema === undefined ? '' : ` in schema ${options.schema}`;
      const whose = options.creator ?? 'your role';
      const message = `default privileges of ${options.role} on ${options.kind} made by ${whose}${where} set`;
      emitChange(options, change, () =>
        change.sql.length === 0
          ? printChange({ ...change, dryRun: false }, 'nothing to change: they already are as asked')
          : printChange(change, message),
      );
    });
}

export function registerDefaultPrivileges(program: Command): void {
  const command = program
    .command('default-privileges')
    .description('What new objects start with (ALTER DEFAULT PRIVILEGES): show, set');
  registerShow(command);
  registerSet(command);
}
