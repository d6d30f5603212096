import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverFeatures } from '../src/catalog/server.js';
import type { EmbeddedCluster } from '../src/embedded/cluster.js';
import { startTestCluster } from './support/cluster.js';

let cluster: EmbeddedCluster;
const clients: pg.Client[] = [];

async function connect(): Promise<pg.Client> {
  const client = new pg.Client(cluster.url('postgres'));
  await client.connect();
  clients.push(client);
  return client;
}

beforeAll(async () => {
  cluster = await startTestCluster();
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.end()));
  await cluster?.stop();
});

describe("a managed server's features", () => {
  it('are read from the server version once per connection, and asked again on a new connection', async () => {
    const first = await connect();
    const { rows } = await first.query<{ server_version_num: string }>('SHOW server_version_num');
    const features = await serverFeatures(first);
    expect(features.versionNum).toBe(Number(rows[0]?.server_version_num));
    expect(features.membershipOptions).toBe(features.versionNum >= 160000);

    let statements = 0;
    const query = first.query.bind(first);
    first.query = ((...args: Parameters<typeof query>) => {
      statements += 1;
      return query(...args);
    }) as typeof first.query;
    expect(await serverFeatures(first)).toBe(features);
    expect(statements).toBe(0);

    const second = await connect();
    const again = await serverFeatures(second);
    expect(again).not.toBe(features);
    expect(again).toEqual(features);
  });
});
