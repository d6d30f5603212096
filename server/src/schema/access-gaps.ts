import { builder } from '../builder.js';
import { effectivePrivileges, type PrivilegedObject } from '../catalog/effective.js';
import { checkIdentifier, quoteIdent } from '../catalog/identifiers.js';
import type { PgRole } from '../catalog/roles.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { type ResolvedObject, resolveObject } from '../operations/permissions/objects.js';
import { type CatalogShape, DatabaseCatalog } from './catalog.js';
import { AS_VIEWER_ROLE } from './errors.js';
import { listConnection } from './lists.js';
import { ObjectRef } from './permissions.js';

/** A privilege on the way to an object that the role lacks, so what it holds there does nothing yet. */
interface AccessGap {
  privilege: string;
  /** What it is missing on: the object's schema, or the database. */
  on: string;
  because: string;
  /** The statement that closes the gap (run by a role that may grant it). */
  fix: string;
}

const AccessGapRef = builder.objectRef<AccessGap>('AccessGap').implement({
  description: 'What a role lacks on the way to an object (USAGE on its schema, CONNECT on its database), and the fix.',
  fields: (t) => ({
    privilege: t.exposeString('privilege'),
    on: t.exposeString('on', { description: 'The schema or database it is missing on.' }),
    because: t.exposeString('because', { description: 'Why it matters, in words.' }),
    fix: t.exposeString('fix', { description: 'The GRANT that closes the gap.' }),
  }),
});

async function holds(catalog: CatalogShape, role: PgRole, object: PrivilegedObject, privilege: string) {
  const [graph, features] = await Promise.all([catalog.reader.graph(), catalog.reader.features()]);
  return effectivePrivileges(graph, role.oid, object, features).some(
    (found) => found.privilege === privilege && found.held,
  );
}

/**
 * PostgreSQL checks the way in before the object: CONNECT on the database (for a LOGIN role; a group's members
 * connect as themselves), then USAGE on a table's schema. What the role holds on the object counts only with both.
 */
async function gapsOf(catalog: CatalogShape, role: PgRole, object: ResolvedObject): Promise<AccessGap[]> {
  const gaps: AccessGap[] = [];
  const who = quoteIdent(role.rolname);
  const database = await catalog.reader.database();
  const databaseObject = { kind: 'database' as const, owner: database.datdba, acl: database.acl };
  if (role.rolcanlogin && !(await holds(catalog, role, databaseObject, 'CONNECT'))) {
    gaps.push({
      privilege: 'CONNECT',
      on: `database ${database.datname}`,
      because: `${role.rolname} cannot connect to ${database.datname}, so it can use nothing in it.`,
      fix: `GRANT CONNECT ON DATABASE ${quoteIdent(database.datname)} TO ${who}`,
    });
  }
  const loGap = await largeObjectReadGap(catalog, role, object);
  if (loGap) gaps.push(loGap);
  if (object.kind === 'SCHEMA' || object.schemaOid === null) return gaps;
  const schema = (await catalog.reader.schemas()).find((candidate) => candidate.oid === object.schemaOid);
  if (!schema) return gaps;
  const schemaObject = { kind: 'schema' as const, owner: schema.nspowner, acl: schema.acl };
  if (!(await holds(catalog, role, schemaObject, 'USAGE'))) {
    gaps.push({
      privilege: 'USAGE',
      on: `schema ${schema.nspname}`,
      because: `${role.rolname} cannot look up objects in schema ${schema.nspname}, so what it holds on ${object.label} does nothing.`,
      fix: `GRANT USAGE ON SCHEMA ${quoteIdent(schema.nspname)} TO ${who}`,
    });
  }
  return gaps;
}

/**
 * PostgreSQL opens a large object for writing as for reading too (inv_open): UPDATE alone lets a role write nothing,
 * lo_put and lo_open(…, INV_WRITE) fail without SELECT.
 */
async function largeObjectReadGap(catalog: CatalogShape, role: PgRole, object: ResolvedObject) {
  if (object.kind !== 'LARGE_OBJECT') return null;
  const lo = { kind: 'large_object' as const, owner: object.owner, acl: object.acl };
  if (!(await holds(catalog, role, lo, 'UPDATE')) || (await holds(catalog, role, lo, 'SELECT'))) return null;
  return {
    privilege: 'SELECT',
    on: `large object ${object.label}`,
    because: `${role.rolname} holds UPDATE on large object ${object.label} but not SELECT: PostgreSQL opens a large object for writing only together with reading, so it can write nothing.`,
    fix: `GRANT SELECT ON LARGE OBJECT ${object.label} TO ${quoteIdent(role.rolname)}`,
  };
}

builder.objectField(DatabaseCatalog, 'accessGaps', (t) =>
  t.connection({
    type: AccessGapRef,
    description:
      'What a role lacks on the way to an object (CONNECT on the database, USAGE on the schema of a table, column, function or type; SELECT on a large object it may UPDATE): with these missing, its privileges on the object do nothing. Empty when the way is open.',
    errors: { types: [...AS_VIEWER_ROLE, ValidationError] },
    args: { role: t.arg.string({ required: true }), object: t.arg({ type: ObjectRef, required: true }) },
    resolve: async (catalog, args) => {
      const role = await catalog.reader.roleByName(checkIdentifier(args.role, 'role'));
      if (!role) throw new NotFoundError(`role ${args.role}`);
      return listConnection(args, await gapsOf(catalog, role, await resolveObject(catalog.reader, args.object)));
    },
  }),
);
