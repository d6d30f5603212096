import { hostname } from 'node:os';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { describeChange } from '../../web/src/lib/event-text.js';
import { type ChangeNoteView, changeMessages } from '../../web/src/lib/note-text.js';
import { Api, CliError, ERROR, UsageError, unwrap } from './api.js';
import { endpoint, normaliseUrl, readSaved, save } from './config.js';
import { describeObject, type ObjectOptions, type ObjectRef, objectRef, privilegeList } from './objects.js';
import { done, emit, table } from './output.js';
import { ask } from './prompt.js';
import { watch } from './watch.js';

interface Json {
  json?: boolean;
}
interface DbOption extends Json {
  db: string;
}

interface DatabaseRow {
  id: string;
  name: string;
  viewerAccess: string | null;
  server: { host: string; port: number };
}

const CHANGE = `${ERROR} ... on PermissionChange {
  dryRun sql warnings eventId notes { code grantee object subjects grantor message fixOption }
}`;

/** The grant flag that fixes a note, for the notes whose fix is an option of the same change. */
const FIX_FLAGS: Record<string, string> = {
  withSchemaUsage: '--with-schema-usage',
  withSequenceUsage: '--with-sequence-usage',
};

interface PrintedChange {
  dryRun: boolean;
  sql: string[];
  warnings: string[];
  notes: (ChangeNoteView & { fixOption: string | null })[];
}

async function api(): Promise<Api> {
  return new Api(await endpoint());
}

function looksLikeId(value: string, typename: string): boolean {
  try {
    return Buffer.from(value, 'base64').toString('utf8').startsWith(`${typename}:`);
  } catch {
    return false;
  }
}

async function listDatabases(client: Api): Promise<DatabaseRow[]> {
  const result = await client.field<{ data: DatabaseRow[] }>(
    `{ databases { ${ERROR} ... on QueryDatabasesSuccess { data { id name viewerAccess server { host port } } } } }`,
  );
  return result.data;
}

/** `--db` takes a database name (looked up in `databases`) or its id. */
async function resolveDatabase(client: Api, db: string): Promise<{ id: string; name: string }> {
  const databases = await listDatabases(client);
  const byId = databases.find((database) => database.id === db);
  if (byId) return byId;
  const named = databases.filter((database) => database.name === db);
  if (named.length > 1) {
    const ids = named.map((database) => `${database.id} (${database.server.host}:${database.server.port})`).join(', ');
    throw new CliError('AMBIGUOUS', `several databases are named ${db}; pass one of these ids: ${ids}`);
  }
  const [match] = named;
  if (match) return match;
  if (looksLikeId(db, 'Database')) return { id: db, name: db };
  throw new CliError('NOT_FOUND', `no database ${db} that you can see (run \`rolecall databases\`)`);
}

interface RoleOffer {
  mayGive: boolean;
  refusalMessage: string | null;
  configuredRole: { id: string; rolname: string };
}

/**
 * A role name (or configured role id) as one the viewer may give on the database, read through `roleOffers` so a
 * role that exists but is not theirs to give says why (FORBIDDEN: reason) rather than "no such role".
 */
async function configuredRoleId(client: Api, databaseId: string, rolname: string): Promise<string> {
  const database = await client.field<{
    viewerCapabilities: { canManageCollaborators: boolean };
    roleOffers: unknown;
  }>(
    `query($id: ID!) { database(id: $id) { ${ERROR} ... on Database {
      viewerCapabilities { canManageCollaborators }
      roleOffers { ${ERROR} ... on DatabaseRoleOffersSuccess { data { mayGive refusalMessage configuredRole { id rolname } } } }
    } } }`,
    { id: databaseId },
  );
  if (!database.viewerCapabilities.canManageCollaborators)
    throw new CliError('FORBIDDEN', "only admins and this database's managers add or invite collaborators");
  const { data: offers } = unwrap<{ data: RoleOffer[] }>(database.roleOffers);
  const byId = looksLikeId(rolname, 'ConfiguredRole');
  const offer = offers.find((candidate) =>
    byId ? candidate.configuredRole.id === rolname : candidate.configuredRole.rolname === rolname,
  );
  // An id the offers do not list (another server's role, say) is the server's to refuse, in its words.
  if (!offer && byId) return rolname;
  if (!offer) {
    throw new CliError(
      'NOT_FOUND',
      `${rolname} is not a configured role on this server (an admin configures it first)`,
    );
  }
  if (!offer.mayGive) throw new CliError('FORBIDDEN', offer.refusalMessage ?? `you may not give ${rolname}`);
  return offer.configuredRole.id;
}

function accessLevel(value: string): string {
  const level = value.toUpperCase();
  if (level !== 'MEMBER' && level !== 'MANAGER') throw new InvalidArgumentError('MEMBER or MANAGER');
  return level;
}

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

function withObject(command: Command): Command {
  return command
    .option('--table <schema.table>', 'a table (or view, sequence)')
    .option('--schema <name>', 'a schema')
    .option('--on-database', 'the database itself');
}

/** The SQL, then the notes worded for people (as the web words them) and PostgreSQL's own warnings. */
function printChange(change: PrintedChange, message: string): string {
  const lines = change.dryRun ? ['-- dry run: nothing was changed; this would run:'] : [done(message)];
  lines.push(...change.sql.map((statement) => (change.dryRun ? statement : `       ${statement}`)));
  lines.push(...changeMessages(change).map((warning) => `warning: ${warning}`));
  const flags = [...new Set(change.notes.flatMap((note) => FIX_FLAGS[note.fixOption ?? ''] ?? []))];
  if (flags.length > 0) lines.push(`hint: run it again with ${flags.join(' and ')} to grant what is missing too`);
  return lines.join('\n');
}

/** ["a"] for a role name, null for PUBLIC (as the API takes it). */
const grantee = (role: string) => (role.toUpperCase() === 'PUBLIC' ? null : role);

const program = new Command('rolecall')
  .description('Rolecall from the command line: collaborators, roles and privileges of PostgreSQL databases.')
  .version('0.1.0')
  .exitOverride()
  .showSuggestionAfterError(false)
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

program
  .command('login')
  .description('Sign in and store an API token in the config dir (mode 0600)')
  .option('--url <url>', 'Rolecall URL, e.g. http://127.0.0.1:4000')
  .option('--username <login>', 'username or e-mail')
  .option('--password <password>', 'omit to be asked (or to read it from standard input)')
  .option('--token-name <name>', 'name of the API token', `rolecall-cli@${hostname()}`)
  .option('--json', 'print JSON')
  .action(async (options: Json & { url?: string; username?: string; password?: string; tokenName: string }) => {
    const saved = await readSaved();
    const url = normaliseUrl(options.url ?? process.env.ROLECALL_URL ?? saved?.url ?? (await ask('Rolecall URL: ')));
    const username = options.username ?? (await ask('Username: '));
    const password = options.password ?? (await ask('Password: ', true));
    const client = new Api({ url, token: null });
    const user = await client.field<{ username: string }>(
      `mutation($login: String!, $password: String!) { login(login: $login, password: $password) {
        ${ERROR} ... on User { username } } }`,
      { login: username, password },
    );
    const created = await client.field<{ token: string; apiToken: { id: string } }>(
      `mutation($name: String!) { createApiToken(name: $name) { ${ERROR} ... on CreatedApiToken { token apiToken { id } } } }`,
      { name: options.tokenName },
    );
    // The CLI works with the token from now on: end the session the sign-in opened.
    await client.request('mutation { logout }');
    const path = await save({ url, token: created.token, username: user.username });
    emit(options.json, { url, username: user.username, tokenId: created.apiToken.id, config: path }, () =>
      done(`logged in to ${url} as ${user.username}; API token stored in ${path}`),
    );
  });

program
  .command('databases')
  .description('Databases you can see')
  .option('--json', 'print JSON')
  .action(async (options: Json) => {
    const databases = await listDatabases(await api());
    const rows = databases.map((database) => ({
      id: database.id,
      name: database.name,
      server: `${database.server.host}:${database.server.port}`,
      access: database.viewerAccess,
    }));
    emit(options.json, rows, () =>
      table(
        ['NAME', 'SERVER', 'ACCESS', 'ID'],
        rows.map((row) => [row.name, row.server, row.access ?? 'n/a', row.id]),
      ),
    );
  });

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
  const database = await client.field<{
    collaborators: {
      id: string;
      access: string;
      createdAt: string;
      user: { username: string; email: string };
      role: { rolname: string };
    }[];
    invitations: {
      id: string;
      email: string;
      access: string;
      createdAt: string;
      expiresAt: string;
      role: { rolname: string };
    }[];
  }>(
    `query($id: ID!) { database(id: $id) { ${ERROR} ... on Database {
      collaborators { id access createdAt user { username email } role { rolname } }
      invitations { id email access createdAt expiresAt role { rolname } } } } }`,
    { id: databaseId },
  );
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

program
  .command('collaborators')
  .description('Collaborators of a database, pending invitations included')
  .requiredOption('--db <name|id>', 'database name or id')
  .option('--json', 'print JSON')
  .action(async (options: DbOption) => {
    const client = await api();
    const database = await resolveDatabase(client, options.db);
    const rows = await collaboratorRows(client, database.id);
    emit(options.json, rows, () =>
      table(
        ['EMAIL', 'USERNAME', 'STATUS', 'ROLE', 'ACCESS'],
        rows.map((row) => [row.email, row.username ?? 'n/a', row.status, row.role, row.access]),
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
  .action(async (user: string, options: DbOption & { role: string; access: string }) => {
    const client = await api();
    const database = await resolveDatabase(client, options.db);
    let userId = user;
    if (!looksLikeId(user, 'User')) {
      const users = await client.field<{ data: { id: string; username: string; email: string }[] }>(
        `{ users { ${ERROR} ... on QueryUsersSuccess { data { id username email } } } }`,
      );
      const found = users.data.find((row) => row.username === user || row.email === user.toLowerCase());
      if (!found)
        throw new CliError('NOT_FOUND', `no user ${user} (invite an e-mail address with \`rolecall invite\`)`);
      userId = found.id;
    }
    const collaborator = await client.field<{
      id: string;
      access: string;
      user: { username: string; email: string };
      role: { rolname: string };
    }>(
      `mutation($input: AddCollaboratorInput!) { addCollaborator(input: $input) { ${ERROR}
        ... on Collaborator { id access user { username email } role { rolname } } } }`,
      {
        input: {
          databaseId: database.id,
          userId,
          configuredRoleId: await configuredRoleId(client, database.id, options.role),
          access: options.access,
        },
      },
    );
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
      await client.field(`mutation($id: ID!) { removeCollaborator(id: $id) { ${ERROR} ... on Removed { id } } }`, {
        id: match.id,
      });
    } else {
      await client.field(`mutation($id: ID!) { revokeInvitation(id: $id) { ${ERROR} ... on Invitation { id } } }`, {
        id: match.id,
      });
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

const SENT = `${ERROR} ... on InvitationSent { delivery acceptUrl invitation { id email status access expiresAt role { rolname } } }`;

program
  .command('invite')
  .description('Invite an e-mail address to collaborate on a database')
  .argument('<email>', 'who to invite')
  .requiredOption('--db <name|id>', 'database name or id')
  .option('--role <role>', 'the configured role they will work through (required unless --resend)')
  .option('--access <level>', 'MEMBER or MANAGER', accessLevel, 'MEMBER')
  .option('--resend', 'send the pending (or expired) invitation of this address again, with a new link')
  .option('--json', 'print JSON')
  .action(async (email: string, options: DbOption & { role?: string; access: string; resend?: boolean }) => {
    if (!options.resend && !options.role) throw new UsageError("required option '--role <role>' not specified");
    const client = await api();
    const database = await resolveDatabase(client, options.db);
    let sent: {
      delivery: string;
      acceptUrl: string | null;
      invitation: { id: string; email: string; expiresAt: string };
    };
    if (options.resend) {
      const invitations = await client.field<{ invitations: { id: string; email: string }[] }>(
        `query($id: ID!) { database(id: $id) { ${ERROR} ... on Database {
          invitations(statuses: [PENDING, EXPIRED]) { id email } } } }`,
        { id: database.id },
      );
      const invitation = invitations.invitations.find((row) => row.email === email.trim().toLowerCase());
      if (!invitation)
        throw new CliError('NOT_FOUND', `${email} has no pending or expired invitation to ${database.name}`);
      sent = await client.field(`mutation($id: ID!) { resendInvitation(id: $id) { ${SENT} } }`, { id: invitation.id });
    } else {
      sent = await client.field(
        `mutation($input: InviteCollaboratorInput!) { inviteCollaborator(input: $input) { ${SENT} } }`,
        {
          input: {
            databaseId: database.id,
            email,
            configuredRoleId: await configuredRoleId(client, database.id, options.role ?? ''),
            access: options.access,
          },
        },
      );
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

interface RoleRow {
  name: string;
  canLogin: boolean;
  isSuperuser: boolean;
  createRole: boolean;
  createDb: boolean;
  inherit: boolean;
  bypassRls: boolean;
  replication: boolean;
  isConfigured: boolean;
  isPredefined: boolean;
  memberOf: { role: { name: string }; admin: boolean }[];
}

program
  .command('roles')
  .description("The server's roles, live from its catalog")
  .requiredOption('--db <name|id>', 'database name or id')
  .option('--all', 'include predefined roles (pg_read_all_data …)')
  .option('--json', 'print JSON')
  .action(async (options: DbOption & { all?: boolean }) => {
    const client = await api();
    const database = await resolveDatabase(client, options.db);
    const result = await client.field<{ catalog: unknown }>(
      `query($id: ID!) { database(id: $id) { ${ERROR} ... on Database { catalog { ${ERROR} ... on DatabaseCatalog {
        roles { name canLogin isSuperuser createRole createDb inherit bypassRls replication isConfigured isPredefined
          memberOf { admin role { name } } } } } } } }`,
      { id: database.id },
    );
    const roles = unwrap<{ roles: RoleRow[] }>(result.catalog).roles.filter(
      (role) => options.all || !role.isPredefined,
    );
    emit(options.json, roles, () =>
      table(
        ['ROLE', 'LOGIN', 'ATTRIBUTES', 'MEMBER OF', 'CONFIGURED'],
        roles.map((role) => [
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

type PrivilegeOptions = DbOption & ObjectOptions & { role: string; dryRun?: boolean };

withObject(program.command('grant'))
  .description('GRANT privileges on a table, schema or the database (--dry-run prints the SQL)')
  .argument('<privileges...>', 'e.g. SELECT,INSERT or SELECT INSERT')
  .requiredOption('--db <name|id>', 'database name or id')
  .requiredOption('--role <role>', 'the grantee (PUBLIC for everyone)')
  .option('--with-grant-option', 'WITH GRANT OPTION')
  .option('--with-schema-usage', "also USAGE on the table's schema if missing")
  .option('--with-sequence-usage', "also USAGE on the table's serial sequences")
  .option('--dry-run', 'print the SQL without running it')
  .option('--json', 'print JSON')
  .action(
    async (
      privileges: string[],
      options: PrivilegeOptions & { withGrantOption?: boolean; withSchemaUsage?: boolean; withSequenceUsage?: boolean },
    ) => {
      const object = objectRef(options);
      const wanted = privilegeList(privileges);
      const client = await api();
      const database = await resolveDatabase(client, options.db);
      const change = await client.field<PrintedChange>(
        `mutation($db: ID!, $object: ObjectRef!, $grantee: String, $privileges: [String!]!, $grantOption: Boolean,
          $schemaUsage: Boolean, $sequenceUsage: Boolean, $dryRun: Boolean) {
          grantPrivileges(databaseId: $db, object: $object, grantee: $grantee, privileges: $privileges,
            withGrantOption: $grantOption, withSchemaUsage: $schemaUsage, withSequenceUsage: $sequenceUsage,
            dryRun: $dryRun) { ${CHANGE} } }`,
        {
          db: database.id,
          object,
          grantee: grantee(options.role),
          privileges: wanted,
          grantOption: Boolean(options.withGrantOption),
          schemaUsage: Boolean(options.withSchemaUsage),
          sequenceUsage: Boolean(options.withSequenceUsage),
          dryRun: Boolean(options.dryRun),
        },
      );
      emit(options.json, change, () =>
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
  .option('--json', 'print JSON')
  .action(
    async (privileges: string[], options: PrivilegeOptions & { grantOptionOnly?: boolean; cascade?: boolean }) => {
      const object = objectRef(options);
      const wanted = privilegeList(privileges);
      const client = await api();
      const database = await resolveDatabase(client, options.db);
      const change = await client.field<PrintedChange>(
        `mutation($db: ID!, $object: ObjectRef!, $grantee: String, $privileges: [String!]!, $grantOptionOnly: Boolean,
        $cascade: Boolean, $dryRun: Boolean) {
        revokePrivileges(databaseId: $db, object: $object, grantee: $grantee, privileges: $privileges,
          grantOptionOnly: $grantOptionOnly, cascade: $cascade, dryRun: $dryRun) { ${CHANGE} } }`,
        {
          db: database.id,
          object,
          grantee: grantee(options.role),
          privileges: wanted,
          grantOptionOnly: Boolean(options.grantOptionOnly),
          cascade: Boolean(options.cascade),
          dryRun: Boolean(options.dryRun),
        },
      );
      emit(options.json, change, () =>
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
  .option('--json', 'print JSON')
  .action(async (options: DbOption & ObjectOptions & { to: string; tables?: string[]; dryRun?: boolean }) => {
    const object = objectRef(options);
    if (options.tables && object.kind !== 'SCHEMA') throw new UsageError('--tables goes with --schema');
    const client = await api();
    const database = await resolveDatabase(client, options.db);
    const change = await client.field<PrintedChange>(
      `mutation($db: ID!, $object: ObjectRef!, $newOwner: String!, $tables: [String!], $dryRun: Boolean) {
        transferOwnership(databaseId: $db, object: $object, newOwner: $newOwner, tables: $tables, dryRun: $dryRun) {
          ${CHANGE} } }`,
      { db: database.id, object, newOwner: options.to, tables: options.tables ?? [], dryRun: Boolean(options.dryRun) },
    );
    emit(options.json, change, () =>
      printChange(change, `${describeObject(object, database.name)} is now owned by ${options.to}`),
    );
  });

interface Effective {
  privilege: string;
  held: boolean;
  grantable: boolean;
  sources: {
    kind: string;
    path: string[];
    grantable: boolean;
    predefinedRole: string | null;
    grantor: { name: string } | null;
    grantee: { name: string } | null;
  }[];
}

function because(source: Effective['sources'][number]): string {
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

withObject(program.command('explain'))
  .description('What a role can really do on an object, and why')
  .requiredOption('--db <name|id>', 'database name or id')
  .requiredOption('--role <role>', 'the role to explain')
  .option('--json', 'print JSON')
  .action(async (options: DbOption & ObjectOptions & { role: string }) => {
    const object: ObjectRef = objectRef(options);
    const client = await api();
    const database = await resolveDatabase(client, options.db);
    const result = await client.field<{ catalog: unknown }>(
      `query($id: ID!, $object: ObjectRef!, $role: String!) { database(id: $id) { ${ERROR} ... on Database {
        catalog { ${ERROR} ... on DatabaseCatalog { effectivePrivileges(object: $object, role: $role) { ${ERROR}
          ... on DatabaseCatalogEffectivePrivilegesSuccess { data { privilege held grantable
            sources { kind path grantable predefinedRole grantor { name } grantee { name } } } } } } } } } }`,
      { id: database.id, object, role: options.role },
    );
    const catalog = unwrap<{ effectivePrivileges: unknown }>(result.catalog);
    const privileges = unwrap<{ data: Effective[] }>(catalog.effectivePrivileges).data;
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

program
  .command('watch')
  .description("Stream the database's changes live; resumes where it was after a dropped connection")
  .requiredOption('--db <name|id>', 'database name or id')
  .option('--after <cursor>', 'first replay the events after this cursor')
  .option('--kinds <kinds>', 'only these kinds, comma-separated (e.g. privileges.changed,role.created)', list)
  .option('--count <n>', 'stop after n events', (value) => {
    const count = Number(value);
    if (!Number.isInteger(count) || count < 1) throw new InvalidArgumentError('a positive integer');
    return count;
  })
  .option('--json', 'one JSON object per line')
  .action(async (options: DbOption & { after?: string; kinds?: string[]; count?: number }) => {
    if (options.after !== undefined && !/^\d+$/.test(options.after))
      throw new UsageError('--after takes a cursor (digits)');
    const client = await api();
    const database = await resolveDatabase(client, options.db);
    await watch(client, {
      databaseId: database.id,
      databaseName: database.name,
      after: options.after ?? null,
      kinds: options.kinds ?? null,
      count: options.count ?? 0,
      onEvent: (event) => {
        if (options.json) {
          process.stdout.write(`${JSON.stringify(event)}\n`);
          return;
        }
        const who = event.actor?.username ?? (event.source === 'EXTERNAL' ? 'outside Rolecall' : 'rolecall');
        const what = describeChange(event);
        process.stdout.write(`${event.createdAt}  #${event.cursor}  ${event.kind}  by ${who}  ${what}\n`);
        for (const statement of event.sql) process.stdout.write(`    ${statement}\n`);
      },
    });
  });

/** 0 ok, 1 error (one line: `code: message`), 2 usage. */
async function main(argv: string[]): Promise<number> {
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${oneLine(error.message)}\n`);
      return 2;
    }
    if (error instanceof CliError) {
      process.stderr.write(`${error.code}: ${oneLine(error.message)}\n`);
      return 1;
    }
    process.stderr.write(`ERROR: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv);
