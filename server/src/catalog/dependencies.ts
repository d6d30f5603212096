import type { ClientBase } from 'pg';

/** Where a role owns objects or holds privileges, from the shared catalog (visible from any database). */
export interface RoleDependencies {
  datname: string;
  owned: number;
  privileges: number;
}

export async function roleDependencies(client: ClientBase, roleOid: number): Promise<RoleDependencies[]> {
  const { rows } = await client.query<RoleDependencies>(
    `SELECT d.datname, count(*) FILTER (WHERE s.deptype = 'o')::int AS owned,
            count(*) FILTER (WHERE s.deptype <> 'o')::int AS privileges
       FROM pg_catalog.pg_shdepend s JOIN pg_catalog.pg_database d ON d.oid = s.dbid
      WHERE s.refclassid = 'pg_catalog.pg_authid'::regclass AND s.refobjid = $1
      GROUP BY d.datname
     UNION ALL
     SELECT datname, 1, 0 FROM pg_catalog.pg_database WHERE datdba = $1`,
    [roleOid],
  );
  const byDatabase = new Map<string, RoleDependencies>();
  for (const row of rows) {
    const seen = byDatabase.get(row.datname) ?? { datname: row.datname, owned: 0, privileges: 0 };
    byDatabase.set(row.datname, {
      ...seen,
      owned: seen.owned + row.owned,
      privileges: seen.privileges + row.privileges,
    });
  }
  return [...byDatabase.values()];
}
