import type { ConfiguredRole, Server } from '../generated/prisma/client.js';
import type { SecretBox } from '../secrets/cipher.js';
import type { ConnectionTarget } from './managed.js';
import { tlsOf } from './tls.js';

/** The connection of the viewer's own configured role on a database (see operations/connections.ts). */
export interface ViewerConnection {
  target: ConnectionTarget;
  databaseId: string;
  serverId: string;
}

/** Additional authenticated data binding a sealed password to its server and role, so it cannot be moved to another row. */
export function passwordContext(serverId: string, rolname: string): string {
  return `configured-role:${serverId}:${rolname}`;
}

/** Where and as whom to connect to work in `database` through a configured role (its password opened). */
export function targetFor(
  secrets: SecretBox,
  server: Pick<Server, 'id' | 'host' | 'port' | 'sslMode' | 'caCertificate'>,
  database: string,
  role: Pick<ConfiguredRole, 'rolname' | 'encryptedPassword'>,
): ConnectionTarget {
  const password = secrets.open(role.encryptedPassword, passwordContext(server.id, role.rolname));
  return { host: server.host, port: server.port, database, role: role.rolname, password, tls: tlsOf(server) };
}
