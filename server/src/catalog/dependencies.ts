import type { ClientBase } from 'pg';

/** Where a role owns objects or holds privileges, from the shared catalog (visible from any database). */
export interface RoleDependencies {
  datname: string;
  owned: number;
  privileges: number;
}

/**
 * Dependencies on shared objects (databases, tablespaces, parameters: dbid 0) are counted in the current database:
 * REASSIGN OWNED and DROP OWNED handle them from whichever database they run in, and DROP ROLE refuses without that.
 * Many roles are read in one query (a role graph asks it of every role); a role that has none is not in the map.
 */
export async function dependenciesOfRoles(
  client: ClientBase,
  roleOids: readonly number[],
): Promise<Map<number, RoleDependencies[]>> {
  const { rows } = await client.query<RoleDependencies & { refobjid: number }>(
    `SELECT s.refobjid::int AS refobjid, coalesce(d.datname, current_database()) AS datname,
            count(*) FILTER (WHERE s.deptype = 'o')::int AS owned,
            count(*) FILTER (WHERE s.deptype <> 'o')::int AS privileges
       FROM pg_catalog.pg_shdepend s LEFT JOIN pg_catalog.pg_database d ON d.oid = s.dbid
      WHERE s.refclassid = 'pg_catalog.pg_authid'::regclass AND s.refobjid = ANY($1::oid[])
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [roleOids],
  );
  const byRole = new Map<number, RoleDependencies[]>();
  for (const { refobjid, datname, owned, privileges } of rows) {
    const dependencies = byRole.get(refobjid);
    if (dependencies) dependencies.push({ datname, owned, privileges });
    else byRole.set(refobjid, [{ datname, owned, privileges }]);
  }
  return byRole;
}

export async function roleDependencies(client: ClientBase, roleOid: number): Promise<RoleDependencies[]> {
  return (await dependenciesOfRoles(client, [roleOid])).get(roleOid) ?? [];
}

/** What still depends on the role in the current database, described as DROP ROLE would list it. */
export async function remainingDependencies(client: ClientBase, roleOid: number): Promise<string[]> {
  const { rows } = await client.query<{ what: string }>(
    `SELECT CASE s.deptype WHEN 'o' THEN 'owner of ' WHEN 'a' THEN 'privileges for ' ELSE '' END
              || pg_catalog.pg_describe_object(s.classid, s.objid, s.objsubid) AS what
       FROM pg_catalog.pg_shdepend s JOIN pg_catalog.pg_database d ON d.oid = s.dbid
      WHERE s.refclassid = 'pg_catalog.pg_authid'::regclass AND s.refobjid = $1 AND d.datname = current_database()
      ORDER BY 1`,
    [roleOid],
  );
  return rows.map((row) => row.what);
}
