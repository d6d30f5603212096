import { Api, CliError, unwrap } from './api.js';
import { endpoint } from './config.js';
import { graphql } from './gql/index.js';

const CliDatabases = graphql(`
  query CliDatabases {
    databases { __typename ...CliError ... on QueryDatabasesConnection { nodes { id name viewerAccess server { host port } } } }
  }
`);

const CliRoleOffers = graphql(`
  query CliRoleOffers($id: ID!) {
    database(id: $id) {
      __typename
      ...CliError
      ... on Database {
        viewerCapabilities { canManageCollaborators }
        roleOffers {
          __typename
          ...CliError
          ... on DatabaseRoleOffersConnection { nodes { mayGive refusalMessage configuredRole { id rolname } } }
        }
      }
    }
  }
`);

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

export async function listDatabases(client: Api) {
  const { databases } = await client.request(CliDatabases, {});
  return unwrap(databases, 'QueryDatabasesConnection').nodes;
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

/**
 * A role name (or configured role id) as one the viewer may give on the database, read through `roleOffers` so a
 * role that exists but is not theirs to give says why (FORBIDDEN: reason) rather than "no such role".
 */
export async function configuredRoleId(client: Api, databaseId: string, rolname: string): Promise<string> {
  const database = unwrap((await client.request(CliRoleOffers, { id: databaseId })).database, 'Database');
  if (!database.viewerCapabilities.canManageCollaborators)
    throw new CliError('FORBIDDEN', "only admins and this database's managers add or invite collaborators");
  const { nodes: offers } = unwrap(database.roleOffers, 'DatabaseRoleOffersConnection');
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
