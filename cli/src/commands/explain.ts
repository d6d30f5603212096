import type { Command } from 'commander';
import { unwrap } from '../api.js';
import type { CliPrivilegeSourceFragment } from '../gql/graphql.js';
import { graphql } from '../gql/index.js';
import { api, resolveDatabase } from '../lookup.js';
import { describeObject, type ObjectOptions, type ObjectRef, objectRef } from '../objects.js';
import { type DbOption, withObject } from '../options.js';
import { emit, table } from '../output.js';

const CliExplain = graphql(`
  query CliExplain($id: ID!, $object: ObjectRef!, $role: String!) {
    database(id: $id) {
      __typename
      ...CliError
      ... on Database {
        catalog {
          __typename
          ...CliError
          ... on DatabaseCatalog {
            effectivePrivileges(object: $object, role: $role) {
              __typename
              ...CliError
              ... on DatabaseCatalogEffectivePrivilegesConnection {
                nodes { privilege held grantable sources { ...CliPrivilegeSource } }
              }
            }
          }
        }
      }
    }
  }
`);

export const PrivilegeSourceFields = graphql(`
  fragment CliPrivilegeSource on PrivilegeSource { kind path grantable predefinedRole grantor { name } grantee { name } }
`);

function because(source: CliPrivilegeSourceFragment): string {
  const via = source.path.length > 1 ? ` via ${source.path.join(' → ')}` : '';
  switch (source.kind) {
    case 'GRANT':
      return `granted to ${source.grantee?.name ?? source.path.at(-1)}${source.grantor ? ` by ${source.grantor.name}` : ''}${via}`;
    case 'PUBLIC':
      return `granted to PUBLIC${source.grantor ? ` by ${source.grantor.name}` : ''}`;
    case 'OWNER':
      return `owner${via}`;
    case 'OWNER_GRANT_OPTION':
      return `owner's grant option${via}`;
    case 'PREDEFINED_ROLE':
      return `member of ${source.predefinedRole}${via}`;
    case 'SUPERUSER':
      return 'superuser';
    default:
      return source.kind;
  }
}

export function registerExplain(program: Command): void {
  withObject(program.command('explain'))
    .description('What a role can really do on an object, and why')
    .requiredOption('--db <name|id>', 'database name or id')
    .requiredOption('--role <role>', 'the role to explain')
    .option('--json', 'print JSON')
    .action(async (options: DbOption & ObjectOptions & { role: string }) => {
      const object: ObjectRef = objectRef(options);
      const client = await api();
      const database = await resolveDatabase(client, options.db);
      const result = await client.request(CliExplain, { id: database.id, object, role: options.role });
      const { catalog } = unwrap(result.database, 'Database');
      const { effectivePrivileges } = unwrap(catalog, 'DatabaseCatalog');
      const privileges = unwrap(effectivePrivileges, 'DatabaseCatalogEffectivePrivilegesConnection').nodes;
      emit(options.json, privileges, () => {
        if (privileges.length === 0)
          return `${options.role} has no privileges on ${describeObject(object, database.name)}`;
        return table(
          ['PRIVILEGE', 'HELD', 'GRANTABLE', 'WHY'],
          privileges.map((row) => [
            row.privilege,
            row.held ? 'yes' : 'no',
            row.grantable ? 'yes' : 'no',
            row.sources.map(because).join('\n'),
          ]),
        );
      });
    });
}
