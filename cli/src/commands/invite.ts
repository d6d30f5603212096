import type { Command } from 'commander';
import { CliError, UsageError, unwrap } from '../api.js';
import type { Access, CliInvitationSentFragment } from '../gql/graphql.js';
import { graphql } from '../gql/index.js';
import { api, configuredRoleId, resolveDatabase } from '../lookup.js';
import { accessLevel, type DbOption } from '../options.js';
import { done, emit } from '../output.js';

export const InvitationSentFields = graphql(`
  fragment CliInvitationSent on InvitationSent {
    delivery acceptUrl invitation { id email status access expiresAt role { rolname } }
  }
`);

const CliPendingInvitations = graphql(`
  query CliPendingInvitations($id: ID!) {
    database(id: $id) { __typename ...CliError ... on Database { invitations(statuses: [PENDING, EXPIRED]) { id email } } }
  }
`);

const CliResendInvitation = graphql(`
  mutation CliResendInvitation($id: ID!) {
    resendInvitation(id: $id) { __typename ...CliError ...CliInvitationSent }
  }
`);

const CliInviteCollaborator = graphql(`
  mutation CliInviteCollaborator($input: InviteCollaboratorInput!) {
    inviteCollaborator(input: $input) { __typename ...CliError ...CliInvitationSent }
  }
`);

export function registerInvite(program: Command): void {
  program
    .command('invite')
    .description('Invite an e-mail address to collaborate on a database')
    .argument('<email>', 'who to invite')
    .requiredOption('--db <name|id>', 'database name or id')
    .option('--role <role>', 'the configured role they will work through (required unless --resend)')
    .option('--access <level>', 'MEMBER or MANAGER', accessLevel, 'MEMBER')
    .option('--resend', 'send the pending (or expired) invitation of this address again, with a new link')
    .option('--json', 'print JSON')
    .action(async (email: string, options: DbOption & { role?: string; access: Access; resend?: boolean }) => {
      if (!options.resend && !options.role) throw new UsageError("required option '--role <role>' not specified");
      const client = await api();
      const database = await resolveDatabase(client, options.db);
      let sent: CliInvitationSentFragment;
      if (options.resend) {
        const pending = await client.request(CliPendingInvitations, { id: database.id });
        const { invitations } = unwrap(pending.database, 'Database');
        const invitation = invitations.find((row) => row.email === email.trim().toLowerCase());
        if (!invitation)
          throw new CliError('NOT_FOUND', `${email} has no pending or expired invitation to ${database.name}`);
        const { resendInvitation } = await client.request(CliResendInvitation, { id: invitation.id });
        sent = unwrap(resendInvitation, 'InvitationSent');
      } else {
        const { inviteCollaborator } = await client.request(CliInviteCollaborator, {
          input: {
            databaseId: database.id,
            email,
            configuredRoleId: await configuredRoleId(client, database.id, options.role ?? ''),
            access: options.access,
          },
        });
        sent = unwrap(inviteCollaborator, 'InvitationSent');
      }
      emit(options.json, sent, () => {
        const lines = [done(`${sent.invitation.email} has been invited to collaborate on ${database.name}`)];
        if (sent.delivery === 'EMAIL')
          lines.push(`       an e-mail with the link was sent; it expires ${sent.invitation.expiresAt}`);
        if (sent.delivery === 'EMAIL_FAILED') lines.push('warning: the e-mail could not be sent; try --resend later');
        if (sent.acceptUrl) lines.push(`       no SMTP is configured: hand over this link yourself: ${sent.acceptUrl}`);
        return lines.join('\n');
      });
    });
}
