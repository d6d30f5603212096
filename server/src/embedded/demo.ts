import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { quoteIdent, quoteLiteral } from '../catalog/identifiers.js';
import type { Logger } from '../logger.js';
import type { Metadata } from '../metadata/client.js';
import { passwordContext } from '../pools/targets.js';
import type { SecretBox } from '../secrets/cipher.js';
import type { EmbeddedCluster } from './cluster.js';

export interface DemoDatabase {
  host: string;
  port: number;
  database: string;
  role: string;
}

const DEMO_DATABASE = 'demo';
const DEMO_OWNER = 'demo_admin';
const DEMO_LOGINS = [DEMO_OWNER, 'analyst', 'app_writer'] as const;

/** Built as demo_admin (a CREATEROLE role, not a superuser) as on a real server; the `app` schema belongs to a group. */
const DEMO_OBJECTS = `
  SET ROLE ${DEMO_OWNER};
  CREATE ROLE reporting NOLOGIN;
  CREATE ROLE engineering NOLOGIN;
  GRANT reporting TO analyst;
  GRANT engineering TO app_writer;
  CREATE SCHEMA sales;
  CREATE TABLE sales.customers (id bigserial PRIMARY KEY, name text NOT NULL, email text);
  CREATE TABLE sales.orders (id bigserial PRIMARY KEY, customer_id bigint REFERENCES sales.customers, total numeric(12,2), placed_at timestamptz DEFAULT now());
  CREATE VIEW sales.order_totals AS SELECT customer_id, sum(total) AS total FROM sales.orders GROUP BY customer_id;
  CREATE SCHEMA hr;
  CREATE TABLE hr.employees (id serial PRIMARY KEY, name text NOT NULL, salary numeric(10,2));
  INSERT INTO sales.customers (name, email) VALUES ('Ada', 'ada@example.com'), ('Grace', 'grace@example.com');
  INSERT INTO sales.orders (customer_id, total) VALUES (1, 120.50), (2, 80.00), (1, 42.00);
  GRANT USAGE ON SCHEMA sales TO reporting;
  GRANT SELECT ON ALL TABLES IN SCHEMA sales TO reporting;
  GRANT INSERT, UPDATE ON sales.orders TO engineering;
  GRANT USAGE ON SEQUENCE sales.orders_id_seq TO engineering;
  GRANT USAGE ON SCHEMA sales TO engineering;
  RESET ROLE;
  CREATE SCHEMA app AUTHORIZATION engineering;
  SET ROLE app_writer;
  CREATE TABLE app.settings (key text PRIMARY KEY, value jsonb);
  RESET ROLE;
`;

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(url);
  // A connection lost mid-query rejects that query; unheard, its 'error' event would end the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function createDemoCluster(cluster: EmbeddedCluster, passwords: Map<string, string>): Promise<void> {
  await withClient(cluster.url(), async (client) => {
    await client.query(
      `CREATE ROLE ${DEMO_OWNER} LOGIN CREATEROLE PASSWORD ${quoteLiteral(passwords.get(DEMO_OWNER) ?? '')}`,
    );
    await client.query(`SET ROLE ${DEMO_OWNER}`);
    for (const role of DEMO_LOGINS.filter((name) => name !== DEMO_OWNER)) {
      await client.query(`CREATE ROLE ${quoteIdent(role)} LOGIN PASSWORD ${quoteLiteral(passwords.get(role) ?? '')}`);
    }
    await client.query('RESET ROLE');
    await client.query(`CREATE DATABASE ${DEMO_DATABASE} OWNER ${DEMO_OWNER}`);
  });
  await withClient(cluster.url(DEMO_DATABASE), (client) => client.query(DEMO_OBJECTS));
}

async function demoExists(cluster: EmbeddedCluster): Promise<boolean> {
  return withClient(cluster.url(), async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DEMO_DATABASE]);
    return rowCount === 1;
  });
}

/** The demo's login roles and the passwords this start gave them; null when the demo database was already there. */
export type SeededDemo = Map<string, string> | null;

/**
 * Creates the `demo` database with a few roles, schemas and tables unless it exists. Needs only the cluster, so it
 * runs while the metadata migrations do.
 */
export async function seedDemoCluster(cluster: EmbeddedCluster): Promise<SeededDemo> {
  if (await demoExists(cluster)) return null;
  const passwords = new Map(DEMO_LOGINS.map((role) => [role, randomBytes(18).toString('base64url')]));
  await createDemoCluster(cluster, passwords);
  return passwords;
}

/**
 * Records the demo's server and login roles as configured (once: a restart finds them and only follows the
 * cluster's port), so a newcomer connects something real in one click.
 */
export async function recordDemo(
  cluster: EmbeddedCluster,
  services: { metadata: Metadata; secrets: SecretBox; logger: Logger },
  seeded: SeededDemo,
): Promise<DemoDatabase> {
  const host = '127.0.0.1';
  const demo = { host, port: cluster.port, database: DEMO_DATABASE, role: DEMO_OWNER };
  const existing = await services.metadata.server.findFirst({ where: { isDemo: true } });
  if (existing) {
    if (existing.port !== cluster.port)
      await services.metadata.server.update({ where: { id: existing.id }, data: { port: cluster.port } });
    return demo;
  }
  if (!seeded) return demo;
  const server = await services.metadata.server.create({ data: { host, port: cluster.port, isDemo: true } });
  await services.metadata.configuredRole.createMany({
    data: DEMO_LOGINS.map((rolname) => ({
      serverId: server.id,
      rolname,
      encryptedPassword: services.secrets.seal(seeded.get(rolname) ?? '', passwordContext(server.id, rolname)),
    })),
  });
  services.logger.info({ database: DEMO_DATABASE, roles: DEMO_LOGINS }, 'seeded the demo database');
  return demo;
}
