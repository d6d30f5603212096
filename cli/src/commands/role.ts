import type { Command } from 'commander';
import { CliError, UsageError, unwrap } from '../api.js';
import { emitChange, printChange } from '../changes.js';
import { graphql } from '../gql/index.js';
import { api, resolveDatabase } from '../lookup.js';
import type { DbOption } from '../options.js';
import { emit } from '../output.js';
import { IMPACT_OPTION } from './impact.js';

const CliSetRoleSetting = graphql(`
  mutation CliSetRoleSetting($db: ID!, $role: String!, $name: String!, $value: String!, $inDatabase: Boolean, $dryRun: Boolean) {
    setRoleSetting(databaseId: $db, role: $role, name: $name, value: $value, inDatabase: $inDatabase, dryRun: $dryRun) {
      __typename ...CliError ...CliChange
    }
  }
`);

const CliResetRoleSetting = graphql(`
  mutation CliResetRoleSetting($db: ID!, $role: String!, $name: String!, $inDatabase: Boolean, $dryRun: Boolean) {
    resetRoleSetting(databaseId: $db, role: $role, name: $name, inDatabase: $inDatabase, dryRun: $dryRun) {
      __typename ...CliError ...CliChange
    }
  }
`);

const CliSetRoleComment = graphql(`
  mutation CliSetRoleComment($db: ID!, $role: String!, $comment: String, $dryRun: Boolean) {
    setRoleComment(databaseId: $db, role: $role, comment: $comment, dryRun: $dryRun) {
      __typename ...CliError ...CliChange
    }
  }
`);

const CliRoleDefinition = graphql(`
  query CliRoleDefinition($id: ID!, $name: String!) {
    database(id: $id) {
      __typename
      ...CliError
      ... on Database {
        catalog { __typename ...CliError ... on DatabaseCatalog { role(name: $name) { definitionSql } } }
      }
    }
  }
`);

type ChangeOptions = DbOption & { dryRun?: boolean };
type SettingOptions = ChangeOptions & { inDatabase?: boolean };

/** Where a setting applies, as the messages say it. */
const where = (options: SettingOptions, database: string) =>
  options.inDatabase ? ` in database ${database}` : ' in every database';

/** The options every role change takes. */
function changeCommand(command: Command): Command {
  return command
    .requiredOption('--db <name|id>', 'database name or id')
    .option('--dry-run', 'print the SQL without running it')
    .option(...IMPACT_OPTION)
    .option('--json', 'print JSON');
}

function registerSet(role: Command): void {
  changeCommand(
    role
      .command('set')
      .description("ALTER ROLE … SET: a parameter the role's sessions start with (--dry-run prints the SQL)")
      .argument('<role>', 'the role')
      .argument('<name>', 'the parameter, e.g. work_mem or myapp.tenant')
      .argument('<value>', 'its value (a list parameter such as search_path: elements separated by commas)')
      .option('--in-database', 'only in this database (ALTER ROLE … IN DATABASE)'),
  ).action(async (rolname: string, name: string, value: string, options: SettingOptions) => {
    const client = await api();
    const database = await resolveDatabase(client, options.db);
    const { setRoleSetting } = await client.request(CliSetRoleSetting, {
      db: database.id,
      role: rolname,
      name,
      value,
      inDatabase: Boolean(options.inDatabase),
      dryRun: Boolean(options.dryRun),
    });
    const change = unwrap(setRoleSetting, 'PermissionChange');
    emitChange(options, change, () =>
      printChange(change, `set ${name} for ${rolname}${where(options, database.name)}`),
    );
  });
}

function registerReset(role: Command): void {
  changeCommand(
    role
      .command('reset')
      .description('ALTER ROLE … RESET: back to the server’s value (--dry-run prints the SQL)')
      .argument('<role>', 'the role')
      .argument('<name>', 'the parameter')
      .option('--in-database', 'the setting for this database only (ALTER ROLE … IN DATABASE)'),
  ).action(async (rolname: string, name: string, options: SettingOptions) => {
    const client = await api();
    const database = await resolveDatabase(client, options.db);
    const { resetRoleSetting } = await client.request(CliResetRoleSetting, {
      db: database.id,
      role: rolname,
      name,
      inDatabase: Boolean(options.inDatabase),
      dryRun: Boolean(options.dryRun),
    });
    const change = unwrap(resetRoleSetting, 'PermissionChange');
    emitChange(options, change, () =>
      printChange(change, `reset ${name} for ${rolname}${where(options, database.name)}`),
    );
  });
}

function registerComment(role: Command): void {
  changeCommand(
    role
      .command('comment')
      .description('COMMENT ON ROLE (--clear removes it; --dry-run prints the SQL)')
      .argument('<role>', 'the role')
      .argument('[comment]', 'the comment')
      .option('--clear', 'remove the comment'),
  ).action(async (rolname: string, comment: string | undefined, options: ChangeOptions & { clear?: boolean }) => {
    if ((comment === undefined) === !options.clear) throw new UsageError('give the comment, or --clear, not both');
    const client = await api();
    const database = await resolveDatabase(client, options.db);
    const { setRoleComment } = await client.request(CliSetRoleComment, {
      db: database.id,
      role: rolname,
      comment: comment ?? null,
      dryRun: Boolean(options.dryRun),
    });
    const change = unwrap(setRoleComment, 'PermissionChange');
    emitChange(options, change, () =>
      printChange(change, comment === undefined ? `removed the comment on ${rolname}` : `commented on ${rolname}`),
    );
  });
}

function registerSql(role: Command): void {
  role
    .command('sql')
    .description('The statements that recreate the role as it is (no password: Rolecall cannot read one)')
    .argument('<role>', 'the role')
    .requiredOption('--db <name|id>', 'database name or id')
    .option('--json', 'print JSON')
    .action(async (rolname: string, options: DbOption) => {
      const client = await api();
      const database = await resolveDatabase(client, options.db);
      const result = await client.request(CliRoleDefinition, { id: database.id, name: rolname });
      const { catalog } = unwrap(result.database, 'Database');
      const found = unwrap(catalog, 'DatabaseCatalog').role;
      if (!found) throw new CliError('NOT_FOUND', `no role named ${rolname}`);
      emit(options.json, found.definitionSql, () => found.definitionSql.map((statement) => `${statement};`).join('\n'));
    });
}

export function registerRole(program: Command): void {
  const role = program
    .command('role')
    .description("One role's settings, comment and definition: set, reset, comment, sql");
  registerSet(role);
  registerReset(role);
  registerComment(role);
  registerSql(role);
}
