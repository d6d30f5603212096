import type { Context, Services } from '../context.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { ConfiguredRole, Server } from '../generated/prisma/client.js';
import type { ConnectionTarget } from '../pools/managed.js';

/** Additional authenticated data binding a sealed password to its server and role, so it cannot be moved to another row. */
export function passwordContext(serverId: string, rolname: string): string {
  return `configured-role:${serverId}:${rolname}`;
}

export function targetFor(
  services: Services,
  server: Pick<Server, 'id' | 'host' | 'port'>,
  database: string,
  role: Pick<ConfiguredRole, 'rolname' | 'encryptedPassword'>,
): ConnectionTarget {
  const password = services.secrets.open(role.encryptedPassword, passwordContext(server.id, role.rolname));
  return { host: server.host, port: server.port, database, role: role.rolname, password };
}

/** The connection of the viewer's own configured role on a database: the only way Rolecall reads or changes it for them. */
export async function viewerTarget(context: Context, databaseId: string): Promise<ConnectionTarget> {
  const userId = context.viewer?.user.id;
  if (!userId) throw new ForbiddenError('Sign in first.');
  const collaborator = await context.metadata.collaborator.findUnique({
    where: { userId_databaseId: { userId, databaseId } },
    include: { configuredRole: true, database: { include: { server: true } } },
  });
  if (!collaborator) {
    const exists = await context.metadata.database.count({ where: { id: databaseId } });
    if (!exists) throw new NotFoundError('database');
    throw new ForbiddenError('You are not a collaborator on this database; admins can add themselves.');
  }
  const { database } = collaborator;
  return targetFor(context, database.server, database.name, collaborator.configuredRole);
}
