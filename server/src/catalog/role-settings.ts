import type { ClientBase } from 'pg';
import { ValidationError } from '../errors.js';

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
  /**
   * VALID UNTIL to the microsecond, in UTC (`2030-01-01T00:00:00.000000Z`), or `infinity` / `-infinity`; null when
   * never set. pg_roles' value as a JS Date would lose the microseconds and the difference between null and infinity.
   */
  validUntil: string | null;
}

/** A role no longer there: nothing. */
export const NO_EXTRAS: RoleExtras = Object.freeze({ settings: [], comment: null, connections: 0, validUntil: null });

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
    valid_until: string | null;
  }>(
    `SELECT r.oid::int AS oid,
            coalesce((SELECT json_agg(json_build_array(d.datname, c) ORDER BY d.datname NULLS FIRST, c)
                        FROM pg_catalog.pg_db_role_setting s
                        LEFT JOIN pg_catalog.pg_database d ON d.oid = s.setdatabase
                        CROSS JOIN LATERAL unnest(s.setconfig) c
                       WHERE s.setrole = r.oid), '[]'::json) AS settings,
            pg_catalog.shobj_description(r.oid, 'pg_authid') AS comment,
            (SELECT count(*)::int FROM pg_catalog.pg_stat_activity a WHERE a.usesysid = r.oid) AS connections,
            CASE WHEN pg_catalog.isfinite(r.rolvaliduntil)
                 THEN pg_catalog.to_char(r.rolvaliduntil AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                 ELSE r.rolvaliduntil::text END AS valid_until
       FROM pg_catalog.pg_roles r WHERE r.oid = ANY($1::oid[])`,
    [roleOids],
  );
  return new Map(
    rows.map(({ oid, settings, comment, connections, valid_until }) => [
      oid,
      {
        settings: settings.map(([datname, setting]) => settingOf(datname, setting)),
        comment,
        connections,
        validUntil: valid_until,
      },
    ]),
  );
}

/** `name=value` as setconfig keeps it; the value may itself hold `=`. */
function settingOf(datname: string | null, setting: string): RoleSetting {
  const at = setting.indexOf('=');
  return { datname, name: setting.slice(0, at), value: setting.slice(at + 1) };
}

/** A parameter name PostgreSQL takes: an identifier, or a custom one of dotted identifiers (`myapp.tenant`). */
const SETTING_NAME = /^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)*$/;

export function checkSettingName(name: string): string {
  if (!SETTING_NAME.test(name))
    throw new ValidationError(
      'name',
      'A parameter name is letters, digits, _ and $ (not first), in parts separated by dots: work_mem, myapp.tenant.',
    );
  return name;
}

/** PostgreSQL compares parameter names in ASCII case only (guc_name_compare). */
const foldName = (name: string) => name.replace(/[A-Z]/g, (letter) => letter.toLowerCase());

/**
 * The parameters whose value PostgreSQL keeps as a list of quoted elements (GUC_LIST_QUOTE): given one literal per
 * element, it quotes each as an identifier; one literal `a, b` would be a single element named "a, b". The list is
 * pg_dumpall's, which has the same problem to solve.
 */
const LIST_PARAMETERS = new Set([
  'local_preload_libraries',
  'search_path',
  'session_preload_libraries',
  'shared_preload_libraries',
  'temp_tablespaces',
  'unix_socket_directories',
]);

/**
 * The literals that set `value` as PostgreSQL shows it (RoleSetting.value): one, or for a list parameter one per
 * element of the comma-separated list (double-quoted elements as PostgreSQL writes them), so that a value read from
 * the catalog and set again is kept exactly as it was. Null: a list whose quotes do not pair up.
 */
export function settingLiterals(name: string, value: string): string[] | null {
  if (!LIST_PARAMETERS.has(foldName(name))) return [value];
  const elements = listElements(value);
  if (elements === null) return null;
  return elements.length > 0 ? elements : [value];
}

/** PostgreSQL's SplitGUCList: elements separated by commas, each bare or double-quoted ("" for a quote); null if malformed. */
function listElements(value: string): string[] | null {
  const elements: string[] = [];
  let at = skipSpaces(value, 0);
  if (at === value.length) return elements;
  for (;;) {
    const element = value[at] === '"' ? quotedElement(value, at) : bareElement(value, at);
    if (!element) return null;
    elements.push(element.text);
    at = skipSpaces(value, element.end);
    if (at === value.length) return elements;
    if (value[at] !== ',') return null;
    at = skipSpaces(value, at + 1);
  }
}

/** The scanner's white space, not Unicode's. */
const isSpace = (char: string | undefined) => char !== undefined && ' \t\n\r\f\v'.includes(char);

function skipSpaces(value: string, from: number): number {
  let at = from;
  while (isSpace(value[at])) at++;
  return at;
}

function quotedElement(value: string, start: number): { text: string; end: number } | null {
  let text = '';
  for (let at = start + 1; at < value.length; at++) {
    if (value[at] !== '"') text += value[at];
    else if (value[at + 1] === '"') text += value[++at];
    else return { text, end: at + 1 };
  }
  return null;
}

function bareElement(value: string, start: number): { text: string; end: number } | null {
  let end = start;
  while (end < value.length && value[end] !== ',' && !isSpace(value[end])) end++;
  return end > start ? { text: value.slice(start, end), end } : null;
}

/**
 * A role's settings for every database (`datname` null) or for one, as PostgreSQL keeps them: name → value. A change
 * is told by comparing two of these: which entry PostgreSQL touched depends on rules (canonical names, obsolete
 * aliases, custom names matched by case) that only it applies.
 */
export async function roleSettingsIn(
  client: ClientBase,
  rolname: string,
  datname: string | null,
): Promise<Map<string, string>> {
  const { rows } = await client.query<{ setting: string }>(
    `SELECT c AS setting
       FROM pg_catalog.pg_db_role_setting s CROSS JOIN LATERAL unnest(s.setconfig) c
      WHERE s.setrole = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = $1)
        AND s.setdatabase = CASE WHEN $2::text IS NULL THEN 0
                                 ELSE (SELECT oid FROM pg_catalog.pg_database WHERE datname = $2) END`,
    [rolname, datname],
  );
  return new Map(rows.map(({ setting }) => settingOf(datname, setting)).map(({ name, value }) => [name, value]));
}

/** COMMENT ON ROLE, as it is now (null: none). */
export async function roleComment(client: ClientBase, rolname: string): Promise<string | null> {
  const { rows } = await client.query<{ comment: string | null }>(
    `SELECT pg_catalog.shobj_description(oid, 'pg_authid') AS comment FROM pg_catalog.pg_roles WHERE rolname = $1`,
    [rolname],
  );
  return rows[0]?.comment ?? null;
}
