import type { ClientBase } from 'pg';

/** A row of `pg_roles`, with PostgreSQL's own column names. */
export interface PgRoleRow {
  oid: number;
  rolname: string;
  rolsuper: boolean;
  rolcanlogin: boolean;
  rolvaliduntil: Date | null;
}

export async function loginRoles(client: ClientBase): Promise<PgRoleRow[]> {
  const { rows } = await client.query<PgRoleRow>(
    `SELECT oid::int AS oid, rolname, rolsuper, rolcanlogin, rolvaliduntil
       FROM pg_catalog.pg_roles WHERE rolcanlogin ORDER BY rolname`,
  );
  return rows;
}

/** Which of `names` exist on the server right now (a dropped role must never stay assignable). */
export async function existingRoleNames(client: ClientBase, names: string[]): Promise<Set<string>> {
  const { rows } = await client.query<{ rolname: string }>(
    'SELECT rolname FROM pg_catalog.pg_roles WHERE rolname = ANY($1::text[])',
    [names],
  );
  return new Set(rows.map((row) => row.rolname));
}

export async function currentRoleName(client: ClientBase): Promise<string> {
  const { rows } = await client.query<{ current_user: string }>('SELECT current_user');
  return rows[0]?.current_user ?? '';
}
