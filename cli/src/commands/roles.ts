import type { Command } from 'commander';
import { unwrap } from '../api.js';
import { graphql } from '../gql/index.js';
import { api, resolveDatabase } from '../lookup.js';
import { type DbOption, type Listing, withListing } from '../options.js';
import { emitPage, table } from '../output.js';

const CliRoles = graphql(`
  query CliRoles($id: ID!, $filter: RoleFilter, $first: Int) {
    database(id: $id) {
      __typename
      ...CliError
      ... on Database {
        catalog {
          __typename
          ...CliError
          ... on DatabaseCatalog {
            rolesConnection(filter: $filter, first: $first) {
              totalCount
              nodes {
                name canLogin isSuperuser createRole createDb inherit bypassRls replication isConfigured isPredefined
                memberOf { admin role { name } }
              }
            }
          }
        }
      }
    }
  }
`);

export function registerRoles(program: Command): void {
  withListing(program.command('roles'), 'roles', 'name')
    .description("The server's roles, live from its catalog")
    .requiredOption('--db <name|id>', 'database name or id')
    .option('--all', 'include predefined roles (pg_read_all_data …)')
    .option('--json', 'print JSON')
    .action(async (options: DbOption & Listing & { all?: boolean }) => {
      const client = await api();
      const database = await resolveDatabase(client, options.db);
      // The server searches and counts: a server of 10,000 roles sends only the page asked for.
      const filter = { search: options.search ?? null, predefined: options.all ? null : false };
      const result = await client.request(CliRoles, { id: database.id, filter, first: options.limit ?? null });
      const { catalog } = unwrap(result.database, 'Database');
      const roles = unwrap(catalog, 'DatabaseCatalog').rolesConnection;
      emitPage(options, roles.nodes, roles.totalCount, (shown) =>
        table(
          ['ROLE', 'LOGIN', 'ATTRIBUTES', 'MEMBER OF', 'CONFIGURED'],
          shown.map((role) => [
            role.name,
            role.canLogin ? 'yes' : 'no',
            [
              role.isSuperuser && 'SUPERUSER',
              role.createRole && 'CREATEROLE',
              role.createDb && 'CREATEDB',
              role.replication && 'REPLICATION',
              role.bypassRls && 'BYPASSRLS',
              !role.inherit && 'NOINHERIT',
            ]
              .filter(Boolean)
              .join(' '),
            role.memberOf
              .map((membership) => `${membership.role.name}${membership.admin ? ' (admin)' : ''}`)
              .sort()
              .join(', '),
            role.isConfigured ? 'yes' : '',
          ]),
        ),
      );
    });
}
