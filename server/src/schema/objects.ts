import { builder } from '../builder.js';
import type { AclItem, PgClass, PgDatabase, PgNamespace } from '../catalog/objects.js';
import { PUBLIC_OID } from '../catalog/objects.js';
import {
  OBJECT_KINDS,
  type ObjectKind,
  type PresetName,
  presetOf,
  presetsOf,
  privilegesFor,
} from '../catalog/privileges.js';
import type { PgRole } from '../catalog/roles.js';
import { hasOwner } from '../catalog/statements.js';
import { type CatalogShape, DatabaseCatalog, PrivilegeList } from './catalog.js';
import { asksFor } from './lookahead.js';
import { Role, roleShape } from './role.js';

interface GrantShape {
  kind: ObjectKind;
  grantee: number;
  /** The grantee's role, looked up with the object's other grants (null for PUBLIC). */
  role: PgRole | null;
  items: AclItem[];
  catalog: CatalogShape;
}

export interface Securable {
  kind: ObjectKind;
  owner: number;
  acl: AclItem[];
  acl_is_default: boolean;
  viewer_owns: boolean;
  viewer_grant_options: string[];
  /** A column's table: its privileges combine with the column's own. */
  table?: { owner: number; acl: AclItem[] };
}

export interface SecurableShape {
  row: Securable;
  catalog: CatalogShape;
}

export const Preset = builder.enumType('PrivilegePreset', {
  description:
    'Database: CONNECT, CREATE; schema: READ (USAGE), CREATE (USAGE+CREATE); table: READ (SELECT), WRITE (SELECT, INSERT, UPDATE, DELETE).',
  values: ['NONE', 'CONNECT', 'CREATE', 'READ', 'WRITE', 'CUSTOM'] as const,
});

export const ObjectKindEnum = builder.enumType('ObjectKind', {
  description:
    'Every kind of object PostgreSQL keeps privileges on. FUNCTION: functions, procedures and aggregates; TYPE: types and domains; PARAMETER: configuration parameters (SET, ALTER SYSTEM).',
  values: OBJECT_KINDS,
});

const PresetEntry = builder
  .objectRef<{ preset: PresetName; privileges: readonly string[] }>('PrivilegePresetEntry')
  .implement({
    description: 'A preset and the privileges it stands for: a set equal to these is shown as the preset.',
    fields: (t) => ({
      preset: t.field({ type: Preset, resolve: (entry) => entry.preset }),
      privileges: t.stringList({ resolve: (entry) => [...entry.privileges] }),
    }),
  });

builder.objectField(PrivilegeList, 'presets', (t) =>
  t.field({
    type: [PresetEntry],
    description:
      'The presets of this kind of object (NONE and CUSTOM are not listed: no privileges, and any other set).',
    resolve: (list) => presetsOf(list.kind),
  }),
);

const PrivilegeGrant = builder.objectRef<{ item: AclItem; catalog: CatalogShape }>('PrivilegeGrant').implement({
  description: 'One ACL item: a privilege granted by one grantor.',
  fields: (t) => ({
    privilege: t.string({ resolve: (grant) => grant.item.privilege_type }),
    grantable: t.boolean({ description: 'WITH GRANT OPTION.', resolve: (grant) => grant.item.is_grantable }),
    grantor: t.field({ type: Role, nullable: true, resolve: (grant) => roleShape(grant.catalog, grant.item.grantor) }),
  }),
});

export const Grant = builder.objectRef<GrantShape>('Grant').implement({
  description: 'What one grantee (a role, or PUBLIC) holds on an object, de-duplicated across grantors.',
  fields: (t) => ({
    isPublic: t.boolean({ resolve: (grant) => grant.grantee === PUBLIC_OID }),
    grantee: t.field({
      type: Role,
      nullable: true,
      description: 'Null for PUBLIC.',
      resolve: (grant) => (grant.role ? { row: grant.role, catalog: grant.catalog } : null),
    }),
    privileges: t.stringList({ resolve: (grant) => distinctPrivileges(grant.kind, grant.items, () => true) }),
    grantable: t.stringList({
      description: 'Privileges held WITH GRANT OPTION (from any grantor).',
      resolve: (grant) => distinctPrivileges(grant.kind, grant.items, (item) => item.is_grantable),
    }),
    preset: t.field({
      type: Preset,
      resolve: (grant) =>
        presetOf(
          grant.kind,
          distinctPrivileges(grant.kind, grant.items, () => true),
        ),
    }),
    items: t.field({
      type: [PrivilegeGrant],
      description: 'Each grantor’s grants.',
      resolve: (grant) => grant.items.map((item) => ({ item, catalog: grant.catalog })),
    }),
  }),
});

const EVERY_FEATURE = { versionNum: 999999, membershipOptions: true, maintain: true, largeObjectDefaults: true };

/** Privileges in the allow-list's order (all of them, whatever the server version, so none is hidden). */
function distinctPrivileges(kind: ObjectKind, items: AclItem[], keep: (item: AclItem) => boolean): string[] {
  const held = new Set<string>();
  for (const item of items) if (keep(item)) held.add(item.privilege_type);
  return privilegesFor(kind, EVERY_FEATURE).filter((privilege) => held.has(privilege));
}

/**
 * An object's ACL by grantee, each with its role: one lookup per object rather than a promise per grant, as
 * 5,000 tables carry some 70,000 grants.
 */
export function grantsOf(shape: SecurableShape): Promise<GrantShape[]> {
  return grantsOfAcl(shape.row.kind, shape.row.acl, shape.catalog);
}

/** An ACL of an object of `kind` by grantee (default privileges have ACLs of objects yet to be made). */
export async function grantsOfAcl(
  kind: ObjectKind,
  acl: readonly AclItem[],
  catalog: CatalogShape,
): Promise<GrantShape[]> {
  const roles = await catalog.reader.rolesByOid();
  const byGrantee = new Map<number, AclItem[]>();
  for (const item of acl) {
    const items = byGrantee.get(item.grantee);
    if (items) items.push(item);
    else byGrantee.set(item.grantee, [item]);
  }
  return [...byGrantee.entries()].map(([grantee, items]) => ({
    kind,
    grantee,
    role: grantee === PUBLIC_OID ? null : (roles.get(grantee) ?? null),
    items,
    catalog,
  }));
}

const Capabilities = builder.objectRef<SecurableShape>('ObjectCapabilities').implement({
  description: "What the viewer's role may do to the object, as PostgreSQL decides it: a UI offers only these.",
  fields: (t) => ({
    changePrivileges: t.boolean({ resolve: ({ row }) => row.viewer_owns || row.viewer_grant_options.length > 0 }),
    grantablePrivileges: t.stringList({
      description:
        'What it may grant and revoke: everything as owner (or member of the owner), else what it holds WITH GRANT OPTION.',
      resolve: async ({ row, catalog }) =>
        row.viewer_owns ? [...privilegesFor(row.kind, await catalog.reader.features())] : row.viewer_grant_options,
    }),
    transferOwnership: t.boolean({
      description:
        'Owner, member of the owning role, or superuser (never for a column or parameter: no owner of its own).',
      resolve: ({ row }) => row.viewer_owns && hasOwner(row.kind),
    }),
    drop: t.boolean({ resolve: ({ row }) => row.viewer_owns && hasOwner(row.kind) }),
    reason: t.string({
      nullable: true,
      description: 'Why ownership actions are unavailable, when they are.',
      resolve: async ({ row, catalog }) => {
        if (row.viewer_owns) return null;
        const owner = await catalog.reader.roleByOid(row.owner);
        return `Only the owner (${owner?.rolname ?? row.owner}), a member of it, or a superuser can do this.`;
      },
    }),
  }),
});

export const SecurableInterface = builder.interfaceRef<SecurableShape>('SecurableObject').implement({
  description: 'Any object PostgreSQL keeps privileges on: owner, privileges and what the viewer may do.',
  fields: (t) => ({
    kind: t.field({ type: ObjectKindEnum, resolve: ({ row }) => row.kind }),
    owner: t.field({ type: Role, nullable: true, resolve: ({ row, catalog }) => roleShape(catalog, row.owner) }),
    aclIsDefault: t.boolean({
      description: 'Nobody has changed the privileges: these are the defaults (acldefault).',
      resolve: ({ row }) => row.acl_is_default,
    }),
    grants: t.field({ type: [Grant], description: 'Grantees, PUBLIC included.', resolve: (shape) => grantsOf(shape) }),
    viewerCan: t.field({ type: Capabilities, resolve: (shape) => shape }),
  }),
});

const DatabaseObject = builder.objectRef<SecurableShape & { database: PgDatabase }>('DatabaseObject').implement({
  interfaces: [SecurableInterface],
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'database' in value,
  fields: (t) => ({ name: t.string({ resolve: (shape) => shape.database.datname }) }),
});

export const Schema = builder.objectRef<SecurableShape & { schema: PgNamespace }>('Schema');
export const Table = builder.objectRef<SecurableShape & { relation: PgClass }>('Table');

const TableKind = builder.enumType('TableKind', {
  values: {
    TABLE: { value: 'r' },
    PARTITIONED_TABLE: { value: 'p' },
    VIEW: { value: 'v' },
    MATERIALIZED_VIEW: { value: 'm' },
    FOREIGN_TABLE: { value: 'f' },
    SEQUENCE: { value: 'S' },
  } as const,
});

export function tableShape(relation: PgClass, catalog: CatalogShape) {
  const kind: ObjectKind = relation.relkind === 'S' ? 'SEQUENCE' : 'TABLE';
  return { row: { ...relation, kind, owner: relation.relowner }, relation, catalog };
}

export function schemaShape(schema: PgNamespace, catalog: CatalogShape) {
  return { row: { ...schema, kind: 'SCHEMA' as const, owner: schema.nspowner }, schema, catalog };
}

Schema.implement({
  interfaces: [SecurableInterface],
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'schema' in value,
  fields: (t) => ({
    name: t.string({ resolve: (shape) => shape.schema.nspname }),
    tables: t.field({
      type: [Table],
      description: 'Tables, views, materialized views, partitioned and foreign tables, and sequences.',
      resolve: async (shape) =>
        (await shape.catalog.reader.relationsIn(shape.schema.oid)).map((relation) =>
          tableShape(relation, shape.catalog),
        ),
    }),
  }),
});

Table.implement({
  interfaces: [SecurableInterface],
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'relation' in value,
  fields: (t) => ({
    schema: t.string({ resolve: (shape) => shape.relation.nspname }),
    name: t.string({ resolve: (shape) => shape.relation.relname }),
    tableKind: t.field({ type: TableKind, resolve: (shape) => shape.relation.relkind }),
  }),
});

export function databaseShape(database: PgDatabase, catalog: CatalogShape) {
  return { row: { ...database, kind: 'DATABASE' as const, owner: database.datdba }, database, catalog };
}

builder.objectFields(DatabaseCatalog, (t) => ({
  database: t.field({
    type: DatabaseObject,
    description: 'The connected database itself: owner, CONNECT / CREATE / TEMPORARY grants.',
    resolve: async (catalog) => databaseShape(await catalog.reader.database(), catalog),
  }),
  schemas: t.field({
    type: [Schema],
    resolve: async (catalog, _args, _context, info) => {
      // Tables asked for are read alongside the schemas (an error surfaces where the tables are resolved).
      if (asksFor(info, ['tables'])) catalog.reader.relations().catch(() => undefined);
      return (await catalog.reader.schemas()).map((schema) => schemaShape(schema, catalog));
    },
  }),
  schema: t.field({
    type: Schema,
    nullable: true,
    args: { name: t.arg.string({ required: true }) },
    resolve: async (catalog, { name }) => {
      const schema = (await catalog.reader.schemas()).find((candidate) => candidate.nspname === name);
      return schema ? schemaShape(schema, catalog) : null;
    },
  }),
  table: t.field({
    type: Table,
    nullable: true,
    description:
      'One table, view or sequence by its schema and name, a partition too (null when there is none): one row re-read.',
    args: { schema: t.arg.string({ required: true }), name: t.arg.string({ required: true }) },
    resolve: async (catalog, args) => {
      const relation = await catalog.reader.relationNamed(args.schema, args.name);
      return relation ? tableShape(relation, catalog) : null;
    },
  }),
}));
