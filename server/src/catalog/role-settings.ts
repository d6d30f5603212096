import type { ClientBase } from 'pg';

/** One `ALTER ROLE … [IN DATABASE …] SET name = value` (pg_db_role_setting). */
export interface RoleSetting {
  /** Null: in every database. */
  datname: string | null;
  name: string;
  value: string;
}

/** What a role carries beside its attributes: its settings, its comment and the sessions open as it. */
export interface RoleExtras {
  settings: RoleSetting[];
  comment: string | null;
  connections: number;
}

/** A role no longer there: nothing. */
export const NO_EXTRAS: RoleExtras = Object.freeze({ settings: [], comment: null, connections: 0 });

/**
 * The extras of many roles in one query (a list of roles asks it of each row). Every role may read them:
 * pg_db_role_setting is what pg_roles.rolconfig shows, and pg_stat_activity lists every session's role.
 */
export async function extrasOfRoles(client: ClientBase, roleOids: readonly number[]): Promise<Map<number, RoleExtras>> {
  const { rows } = await client.query<{
    oid: number;
    settings: [string | null, string][];
    comment: string | null;
    connections: number;
  }>(
    `SELECT r.oid::int AS oid,
            coalesce((SELECT json_agg(json_build_array(d.datname, c) ORDER BY d.datname NULLS FIRST, c)
                        FROM pg_catalog.pg_db_role_setting s
                        LEFT JOIN pg_catalog.pg_database d ON d.oid = s.setdatabase
                        CROSS JOIN LATERAL unnest(s.setconfig) c
                       WHERE s.setrole = r.oid), '[]'::json) AS settings,
            pg_catalog.shobj_description(r.oid, 'pg_authid') AS comment,
            (SELECT count(*)::int FROM pg_catalog.pg_stat_activity a WHERE a.usesysid = r.oid) AS connections
       FROM pg_catalog.pg_roles r WHERE r.oid = ANY($1::oid[])`,
    [roleOids],
  );
  return new Map(
    rows.map(({ oid, settings, comment, connections }) => [
      oid,
      { settings: settings.map(([datname, setting]) => settingOf(datname, setting)), comment, connections },
    ]),
  );
}

/** `name=value` as setconfig keeps it; the value may itself hold `=`. */
function settingOf(datname: string | null, setting: string): RoleSetting {
  const at = setting.indexOf('=');
  return { datname, name: setting.slice(0, at), value: setting.slice(at + 1) };
}
