import { builder } from '../builder.js';
import { effectivePrivileges, kindOfRelation, type PrivilegedObject } from '../catalog/effective.js';
import { checkIdentifier } from '../catalog/identifiers.js';
import type { PgClass } from '../catalog/objects.js';
import type { PgRole } from '../catalog/roles.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { type CatalogShape, DatabaseCatalog } from './catalog.js';
import { AS_VIEWER_ROLE } from './errors.js';
import { listConnection, matcher } from './lists.js';

/** What one role can do on one table (or view, sequence …): a cell of an access matrix. */
interface EffectiveRow {
  role: string;
  schema: string;
  table: string;
  privileges: string[];
  grantable: string[];
}

/** Enough for an admin screen's matrix; a whole server's roles would be one request too many. */
const MAX_ROLES = 1_000;

const EffectivePrivilegeRow = builder.objectRef<EffectiveRow>('EffectivePrivilegeRow').implement({
  description:
    'What a role can really do on a table, as has_table_privilege (has_sequence_privilege for a sequence) answers it.',
  fields: (t) => ({
    role: t.exposeString('role'),
    schema: t.exposeString('schema'),
    table: t.exposeString('table'),
    privileges: t.exposeStringList('privileges', { description: 'Privileges the role holds, in PostgreSQL’s order.' }),
    grantable: t.exposeStringList('grantable', { description: 'Privileges the role may grant to others.' }),
  }),
});

async function rolesNamed(catalog: CatalogShape, names: readonly string[]): Promise<PgRole[]> {
  if (names.length > MAX_ROLES) throw new ValidationError('roles', `At most ${MAX_ROLES} roles at a time.`);
  return Promise.all(
    names.map(async (name) => {
      const role = await catalog.reader.roleByName(checkIdentifier(name, 'roles'));
      if (!role) throw new NotFoundError(`role ${name}`);
      return role;
    }),
  );
}

async function relationsOf(catalog: CatalogShape, schema: string | null | undefined): Promise<PgClass[]> {
  if (schema == null) return catalog.reader.relations();
  const name = checkIdentifier(schema, 'schema');
  const found = (await catalog.reader.schemas()).find((candidate) => candidate.nspname === name);
  if (!found) throw new NotFoundError(`schema ${name}`);
  return catalog.reader.relationsIn(found.oid);
}

/**
 * Roles × relations from one read of the catalog: the membership graph is built once and its closures are shared
 * by every cell, so a 100 × 1,000 matrix costs the same few queries as one cell.
 */
async function matrix(
  catalog: CatalogShape,
  roleNames: readonly string[],
  schema: string | null | undefined,
  first: number | null | undefined,
  search: string | null | undefined,
): Promise<EffectiveRow[]> {
  const roles = await rolesNamed(catalog, roleNames);
  const matches = matcher(search);
  const relations = (await relationsOf(catalog, schema)).filter((relation) =>
    matches(`${relation.nspname}.${relation.relname}`),
  );
  const tables = first == null ? relations : relations.slice(0, Math.max(0, first));
  const [graph, features] = await Promise.all([catalog.reader.graph(), catalog.reader.features()]);
  const objects = tables.map((relation) => ({
    kind: kindOfRelation(relation.relkind),
    owner: relation.relowner,
    acl: relation.acl,
  }));
  const rows: EffectiveRow[] = [];
  for (const role of roles) {
    tables.forEach((relation, i) => {
      const row: EffectiveRow = {
        role: role.rolname,
        schema: relation.nspname,
        table: relation.relname,
        privileges: [],
        grantable: [],
      };
      for (const privilege of effectivePrivileges(graph, role.oid, objects[i] as PrivilegedObject, features)) {
        if (privilege.held) row.privileges.push(privilege.privilege);
        if (privilege.grantable) row.grantable.push(privilege.privilege);
      }
      rows.push(row);
    });
  }
  return rows;
}

builder.objectField(DatabaseCatalog, 'effectivePrivilegesMatrix', (t) =>
  t.connection({
    type: EffectivePrivilegeRow,
    description:
      'What each of these roles can do on each table (of one schema, or of all), role by role, tables ordered by schema and name; `tables` keeps the first tables only.',
    errors: { types: [...AS_VIEWER_ROLE, ValidationError] },
    args: {
      roles: t.arg.stringList({ required: true }),
      schema: t.arg.string(),
      tables: t.arg.int({ description: 'Only the first this many tables.' }),
      search: t.arg.string({ description: 'Only tables whose schema.name contains this, in any case.' }),
    },
    resolve: async (catalog, args) =>
      listConnection(args, await matrix(catalog, args.roles, args.schema, args.tables, args.search)),
  }),
);
