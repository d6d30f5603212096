import { Api, CliError, ERROR, unwrap } from './api.js';
import { endpoint } from './config.js';

export interface DatabaseRow {
  id: string;
  name: string;
  viewerAccess: string | null;
  server: { host: string; port: number };
}

export async function api(): Promise<Api> {
  return new Api(await endpoint());
}

export function looksLikeId(value: string, typename: string): boolean {
  try {
    return Buffer.from(value, 'base64').toString('utf8').startsWith(`${typename}:`);
  } catch {
    return false;
  }
}

export async function listDatabases(client: Api): Promise<DatabaseRow[]> {
  const result = await client.field<{ data: DatabaseRow[] }>(
    `{ databases { ${ERROR} ... on QueryDatabasesSuccess { data { id name viewerAccess server { host port } } } } }`,
  );
  return result.data;
}

/** `--db` takes a database name (looked up in `databases`) or its id. */
export async function resolveDatabase(client: Api, db: string): Promise<{ id: string; name: string }> {
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
export async function configuredRoleId(client: Api, databaseId: string, rolname: string): Promise<string> {
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
