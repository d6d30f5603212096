import type { Command } from 'commander';
import { type Api, CliError, unwrap } from '../api.js';
import type { Access } from '../gql/graphql.js';
import { graphql } from '../gql/index.js';
import { api, configuredRoleId, looksLikeId, resolveDatabase } from '../lookup.js';
import { accessLevel, type DbOption, type Listing, withListing } from '../options.js';
import { done, emit, emitList, table } from '../output.js';

const CliCollaborators = graphql(`
  query CliCollaborators($id: ID!) {
    database(id: $id) {
      __typename
      ...CliError
      ... on Database {
        collaborators { id access createdAt user { username email } role { rolname } }
        invitations { id email access createdAt expiresAt role { rolname } }
      }
    }
  }
`);

const CliUsers = graphql(`
  query CliUsers {
    users { __typename ...CliError ... on QueryUsersConnection { nodes { id username email } } }
  }
`);

const CliAddCollaborator = graphql(`
  mutation CliAddCollaborator($input: AddCollaboratorInput!) {
    addCollaborator(input: $input) {
      __typename
      ...CliError
      ... on Collaborator { id access user { username email } role { rolname } }
    }
  }
`);

const CliRemoveCollaborator = graphql(`
  mutation CliRemoveCollaborator($id: ID!) {
    removeCollaborator(id: $id) { __typename ...CliError ... on Removed { id } }
  }
`);

const CliRevokeInvitation = graphql(`
  mutation CliRevokeInvitation($id: ID!) {
    revokeInvitation(id: $id) { __typename ...CliError ... on Invitation { id } }
  }
`);

interface CollaboratorRow {
  id: string;
  email: string;
  username: string | null;
  status: 'ACCEPTED' | 'PENDING';
  role: string;
  access: string;
  since: string;
  expiresAt?: string;
}

async function collaboratorRows(client: Api, databaseId: string): Promise<CollaboratorRow[]> {
  const database = unwrap((await client.request(CliCollaborators, { id: databaseId })).database, 'Database');
  return [
    ...database.collaborators.map((collaborator) => ({
      id: collaborator.id,
      email: collaborator.user.email,
      username: collaborator.user.username,
      status: 'ACCEPTED' as const,
      role: collaborator.role.rolname,
      access: collaborator.access,
      since: collaborator.createdAt,
    })),
    ...database.invitations.map((invitation) => ({
      id: invitation.id,
      email: invitation.email,
      username: null,
      status: 'PENDING' as const,
      role: invitation.role.rolname,
      access: invitation.access,
      since: invitation.createdAt,
      expiresAt: invitation.expiresAt,
    })),
  ];
}

export function registerCollaborators(program: Command): void {
  withListing(program.command('collaborators'), 'collaborators', 'username, e-mail or role')
    .description('Collaborators of a database, pending invitations included')
    .requiredOption('--db <name|id>', 'database name or id')
    .option('--json', 'print JSON')
    .action(async (options: DbOption & Listing) => {
      const client = await api();
      const database = await resolveDatabase(client, options.db);
      emitList(
        options,
        await collaboratorRows(client, database.id),
        (row) => [row.username, row.email, row.role],
        (shown) =>
          table(
            ['EMAIL', 'USERNAME', 'STATUS', 'ROLE', 'ACCESS'],
            shown.map((row) => [row.email, row.username ?? 'n/a', row.status, row.role, row.access]),
          ),
      );
    });

  program
    .command('collaborators-add')
    .description('Add an existing user as a collaborator (to invite an e-mail address, use `invite`)')
    .argument('<user>', 'username, e-mail or user id')
    .requiredOption('--db <name|id>', 'database name or id')
    .requiredOption('--role <role>', 'the configured role they will work through')
    .option('--access <level>', 'MEMBER or MANAGER', accessLevel, 'MEMBER')
    .option('--json', 'print JSON')
    .action(async (user: string, options: DbOption & { role: string; access: Access }) => {
      const client = await api();
      const database = await resolveDatabase(client, options.db);
      let userId = user;
      if (!looksLikeId(user, 'User')) {
        const users = unwrap((await client.request(CliUsers, {})).users, 'QueryUsersConnection');
        const found = users.nodes.find((row) => row.username === user || row.email === user.toLowerCase());
        if (!found)
          throw new CliError('NOT_FOUND', `no user ${user} (invite an e-mail address with \`rolecall invite\`)`);
        userId = found.id;
      }
      const { addCollaborator } = await client.request(CliAddCollaborator, {
        input: {
          databaseId: database.id,
          userId,
          configuredRoleId: await configuredRoleId(client, database.id, options.role),
          access: options.access,
        },
      });
      const collaborator = unwrap(addCollaborator, 'Collaborator');
      emit(options.json, collaborator, () =>
        done(
          `${collaborator.user.username} has been added to the collaborators of ${database.name} as ${collaborator.role.rolname} (${collaborator.access})`,
        ),
      );
    });

  program
    .command('collaborators-remove')
    .description('Remove a collaborator, or revoke a pending invitation')
    .argument('<who>', 'e-mail or username')
    .requiredOption('--db <name|id>', 'database name or id')
    .option('--json', 'print JSON')
    .action(async (who: string, options: DbOption) => {
      const client = await api();
      const database = await resolveDatabase(client, options.db);
      const rows = await collaboratorRows(client, database.id);
      const match =
        rows.find((row) => row.status === 'ACCEPTED' && (row.username === who || row.email === who.toLowerCase())) ??
        rows.find((row) => row.status === 'PENDING' && row.email === who.toLowerCase());
      if (!match) throw new CliError('NOT_FOUND', `${who} neither collaborates on nor is invited to ${database.name}`);
      if (match.status === 'ACCEPTED') {
        unwrap((await client.request(CliRemoveCollaborator, { id: match.id })).removeCollaborator, 'Removed');
      } else {
        unwrap((await client.request(CliRevokeInvitation, { id: match.id })).revokeInvitation, 'Invitation');
      }
      const result = { ...match, removed: match.status === 'ACCEPTED', invitationRevoked: match.status === 'PENDING' };
      emit(options.json, result, () =>
        done(
          match.status === 'ACCEPTED'
            ? `${match.email} has been removed from the collaborators of ${database.name}`
            : `the invitation of ${match.email} to ${database.name} has been revoked`,
        ),
      );
    });
}
