import type { Command } from 'commander';
import { UsageError, unwrap } from '../api.js';
import { emitChange, grantee, printChange } from '../changes.js';
import { graphql } from '../gql/index.js';
import { api, resolveDatabase } from '../lookup.js';
import { describeObject, type ObjectOptions, objectRef, privilegeList } from '../objects.js';
import { type DbOption, list, withObject } from '../options.js';
import { IMPACT_OPTION } from './impact.js';

const CliGrantPrivileges = graphql(`
  mutation CliGrantPrivileges(
    $db: ID!, $object: ObjectRef!, $grantee: String, $privileges: [String!]!, $grantOption: Boolean,
    $schemaUsage: Boolean, $sequenceUsage: Boolean, $dryRun: Boolean
  ) {
    grantPrivileges(
      databaseId: $db, object: $object, grantee: $grantee, privileges: $privileges, withGrantOption: $grantOption,
      withSchemaUsage: $schemaUsage, withSequenceUsage: $sequenceUsage, dryRun: $dryRun
    ) { __typename ...CliError ...CliChange }
  }
`);

const CliRevokePrivileges = graphql(`
  mutation CliRevokePrivileges(
    $db: ID!, $object: ObjectRef!, $grantee: String, $privileges: [String!]!, $grantOptionOnly: Boolean,
    $cascade: Boolean, $dryRun: Boolean
  ) {
    revokePrivileges(
      databaseId: $db, object: $object, grantee: $grantee, privileges: $privileges,
      grantOptionOnly: $grantOptionOnly, cascade: $cascade, dryRun: $dryRun
    ) { __typename ...CliError ...CliChange }
  }
`);

const CliTransferOwnership = graphql(`
  mutation CliTransferOwnership($db: ID!, $object: ObjectRef!, $newOwner: String!, $tables: [String!], $dryRun: Boolean) {
    transferOwnership(databaseId: $db, object: $object, newOwner: $newOwner, tables: $tables, dryRun: $dryRun) {
      __typename ...CliError ...CliChange
    }
  }
`);

type PrivilegeOptions = DbOption & ObjectOptions & { role: string; dryRun?: boolean };

export function registerPrivileges(program: Command): void {
  withObject(program.command('grant'))
    .description('GRANT privileges on a table, schema or the database (--dry-run prints the SQL)')
    .argument('<privileges...>', 'e.g. SELECT,INSERT or SELECT INSERT')
    .requiredOption('--db <name|id>', 'database name or id')
    .requiredOption('--role <role>', 'the grantee (PUBLIC for everyone)')
    .option('--with-grant-option', 'WITH GRANT OPTION')
    .option('--with-schema-usage', "also USAGE on the object's schema if missing")
    .option('--with-sequence-usage', "also USAGE on the table's serial sequences")
    .option('--dry-run', 'print the SQL without running it')
    .option(...IMPACT_OPTION)
    .option('--json', 'print JSON')
    .action(
      async (
        privileges: string[],
        options: PrivilegeOptions & {
          withGrantOption?: boolean;
          withSchemaUsage?: boolean;
          withSequenceUsage?: boolean;
        },
      ) => {
        const object = objectRef(options);
        const wanted = privilegeList(privileges);
        const client = await api();
        const database = await resolveDatabase(client, options.db);
        const { grantPrivileges } = await client.request(CliGrantPrivileges, {
          db: database.id,
          object,
          grantee: grantee(options.role),
          privileges: wanted,
          grantOption: Boolean(options.withGrantOption),
          schemaUsage: Boolean(options.withSchemaUsage),
          sequenceUsage: Boolean(options.withSequenceUsage),
          dryRun: Boolean(options.dryRun),
        });
        const change = unwrap(grantPrivileges, 'PermissionChange');
        emitChange(options, change, () =>
          printChange(
            change,
            `granted ${wanted.join(', ')} on ${describeObject(object, database.name)} to ${options.role}`,
          ),
        );
      },
    );

  withObject(program.command('revoke'))
    .description('REVOKE privileges (--dry-run prints the SQL)')
    .argument('<privileges...>', 'e.g. SELECT,INSERT or ALL')
    .requiredOption('--db <name|id>', 'database name or id')
    .requiredOption('--role <role>', 'the grantee (PUBLIC for everyone)')
    .option('--grant-option-only', 'revoke only the grant option')
    .option('--cascade', 'also what the grantee granted onward')
    .option('--dry-run', 'print the SQL without running it')
    .option(...IMPACT_OPTION)
    .option('--json', 'print JSON')
    .action(
      async (privileges: string[], options: PrivilegeOptions & { grantOptionOnly?: boolean; cascade?: boolean }) => {
        const object = objectRef(options);
        const wanted = privilegeList(privileges);
        const client = await api();
        const database = await resolveDatabase(client, options.db);
        const { revokePrivileges } = await client.request(CliRevokePrivileges, {
          db: database.id,
          object,
          grantee: grantee(options.role),
          privileges: wanted,
          grantOptionOnly: Boolean(options.grantOptionOnly),
          cascade: Boolean(options.cascade),
          dryRun: Boolean(options.dryRun),
        });
        const change = unwrap(revokePrivileges, 'PermissionChange');
        emitChange(options, change, () =>
          printChange(
            change,
            `revoked ${wanted.join(', ')} on ${describeObject(object, database.name)} from ${options.role}`,
          ),
        );
      },
    );

  withObject(program.command('transfer-owner'))
    .description('ALTER … OWNER TO (--dry-run prints the SQL)')
    .requiredOption('--db <name|id>', 'database name or id')
    .requiredOption('--to <role>', 'the new owner')
    .option('--tables <names>', 'with --schema: also these of its tables (comma-separated) that your role owns', list)
    .option('--dry-run', 'print the SQL without running it')
    .option(...IMPACT_OPTION)
    .option('--json', 'print JSON')
    .action(async (options: DbOption & ObjectOptions & { to: string; tables?: string[]; dryRun?: boolean }) => {
      const object = objectRef(options);
      if (options.tables && object.kind !== 'SCHEMA') throw new UsageError('--tables goes with --schema');
      const client = await api();
      const database = await resolveDatabase(client, options.db);
      const { transferOwnership } = await client.request(CliTransferOwnership, {
        db: database.id,
        object,
        newOwner: options.to,
        tables: options.tables ?? [],
        dryRun: Boolean(options.dryRun),
      });
      const change = unwrap(transferOwnership, 'PermissionChange');
      emitChange(options, change, () =>
        printChange(change, `${describeObject(object, database.name)} is now owned by ${options.to}`),
      );
    });
}
