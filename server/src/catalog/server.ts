import type { ClientBase } from 'pg';

/** What the managed server's version supports; statements and allow-lists adapt to it. */
export interface ServerFeatures {
  versionNum: number;
  /** PostgreSQL 16+: per-grant INHERIT and SET options on memberships, and several grantors per membership. */
  membershipOptions: boolean;
  /** PostgreSQL 17+: the MAINTAIN table privilege and the pg_maintain role. */
  maintain: boolean;
  /** PostgreSQL 18+: ALTER DEFAULT PRIVILEGES … ON LARGE OBJECTS (pg_default_acl's 'L' entries). */
  largeObjectDefaults: boolean;
}

export function featuresOf(versionNum: number): ServerFeatures {
  return {
    versionNum,
    membershipOptions: versionNum >= 160000,
    maintain: versionNum >= 170000,
    largeObjectDefaults: versionNum >= 180000,
  };
}

/** A connection's server cannot change version under it, so each pooled connection asks once. */
const featuresByConnection = new WeakMap<ClientBase, ServerFeatures>();

export async function serverFeatures(client: ClientBase): Promise<ServerFeatures> {
  const known = featuresByConnection.get(client);
  if (known) return known;
  const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
  const features = featuresOf(Number(rows[0]?.server_version_num ?? 0));
  featuresByConnection.set(client, features);
  return features;
}
