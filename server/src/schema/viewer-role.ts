import { builder } from '../builder.js';
import { ATTRIBUTES, capabilities, creationLocks, type RoleCapabilities } from '../catalog/role-rules.js';
import { type CatalogShape, DatabaseCatalog } from './catalog.js';
import { Schema, schemaShape, Table, tableShape } from './objects.js';
import { Role } from './role.js';

/** The viewer's own role on a database: what PostgreSQL will let Rolecall do on their behalf. */
const ViewerRole = builder.objectRef<CatalogShape>('ViewerRole').implement({
  description:
    'The role the viewer works through here: its attributes, the groups whose privileges it has, what it owns and may do.',
  fields: (t) => ({
    role: t.field({
      type: Role,
      nullable: true,
      resolve: async (catalog) => {
        const row = await catalog.reader.viewerRole();
        return row ? { row, catalog } : null;
      },
    }),
    inheritsFrom: t.field({
      type: [Role],
      description: 'Every role whose privileges it has (through INHERIT memberships, transitively).',
      resolve: async (catalog) => {
        const [viewer, roles, graph] = await Promise.all([
          catalog.reader.viewerRole(),
          catalog.reader.roles(),
          catalog.reader.graph(),
        ]);
        if (!viewer) return [];
        return roles
          .filter((row) => row.oid !== viewer.oid && graph.hasPrivsOf(viewer.oid, row.oid))
          .map((row) => ({ row, catalog }));
      },
    }),
    ownedSchemas: t.field({
      type: [Schema],
      description: 'Schemas it owns or whose owner’s privileges it has.',
      resolve: async (catalog) =>
        (await catalog.reader.schemas())
          .filter((schema) => schema.viewer_owns)
          .map((schema) => schemaShape(schema, catalog)),
    }),
    ownedTables: t.field({
      type: [Table],
      description: 'Tables, views and sequences it owns or whose owner’s privileges it has.',
      resolve: async (catalog) =>
        (await catalog.reader.relations())
          .filter((relation) => relation.viewer_owns)
          .map((relation) => tableShape(relation, catalog)),
    }),
    canCreateRoles: t.boolean({
      resolve: async (catalog) => {
        const viewer = await catalog.reader.viewerRole();
        return Boolean(viewer?.rolcreaterole || viewer?.rolsuper);
      },
    }),
    lockedAttributesOnCreate: t.field({
      type: [RoleAttributeLock],
      description:
        'Attributes CREATE ROLE may not give as this role, each with the reason (all of them without CREATEROLE): on 15 REPLICATION and BYPASSRLS are for superusers; on 16+ CREATEDB, REPLICATION and BYPASSRLS are given only by a role that has them itself.',
      resolve: async (catalog) => {
        const [viewer, features] = await Promise.all([catalog.reader.viewerRole(), catalog.reader.features()]);
        return creationLocks(viewer, features.membershipOptions);
      },
    }),
    canCreateSchemas: t.boolean({
      description: 'Holds CREATE on the database.',
      resolve: async (catalog) => (await catalog.reader.viewerDatabasePrivileges()).includes('CREATE'),
    }),
    databasePrivileges: t.stringList({
      description: 'CONNECT / CREATE / TEMPORARY as PostgreSQL decides them.',
      resolve: (catalog) => catalog.reader.viewerDatabasePrivileges(),
    }),
  }),
});

builder.objectField(DatabaseCatalog, 'viewerRole', (t) => t.field({ type: ViewerRole, resolve: (catalog) => catalog }));

const RoleAttribute = builder.enumType('RoleAttribute', {
  description: 'An attribute ALTER ROLE changes (RoleAttributesInput).',
  values: ATTRIBUTES,
});

const RoleAttributeLock = builder.objectRef<RoleCapabilities['locked'][number]>('RoleAttributeLock').implement({
  fields: (t) => ({
    attribute: t.field({ type: RoleAttribute, resolve: (lock) => lock.attribute }),
    reason: t.exposeString('reason'),
  }),
});

const RoleCapabilitiesRef = builder.objectRef<RoleCapabilities>('RoleCapabilities').implement({
  description:
    "What the viewer's role may do to this role, by PostgreSQL's rules for its version (superuser; CREATEROLE, plus ADMIN OPTION on 16+). A UI offers only these, with the reason for the rest.",
  fields: (t) => ({
    alter: t.boolean({ description: 'ALTER ROLE … attributes.', resolve: (can) => can.alter.allowed }),
    alterReason: t.string({ nullable: true, resolve: (can) => can.alter.reason }),
    lockedAttributes: t.field({
      type: [RoleAttributeLock],
      description: 'Attributes it may not change, each with the reason (all of them when alter is false).',
      resolve: (can) => can.locked,
    }),
    rename: t.boolean({ resolve: (can) => can.rename.allowed }),
    renameReason: t.string({ nullable: true, resolve: (can) => can.rename.reason }),
    drop: t.boolean({
      description: 'DROP ROLE itself; Rolecall may still refuse a role collaborators work through.',
      resolve: (can) => can.drop.allowed,
    }),
    dropReason: t.string({ nullable: true, resolve: (can) => can.drop.reason }),
    manageMembers: t.boolean({
      description: 'GRANT and REVOKE membership in this role.',
      resolve: (can) => can.manageMembers.allowed,
    }),
    manageMembersReason: t.string({ nullable: true, resolve: (can) => can.manageMembers.reason }),
    setPassword: t.boolean({
      description:
        "ALTER ROLE … PASSWORD by PostgreSQL's rules. Rolecall also refuses a configured role's (`isConfigured`) to all but admins.",
      resolve: (can) => can.setPassword.allowed,
    }),
    setPasswordReason: t.string({ nullable: true, resolve: (can) => can.setPassword.reason }),
    reason: t.string({
      nullable: true,
      description: 'The first reason anything here is refused, or null when everything is allowed.',
      resolve: (can) =>
        [can.alter, can.rename, can.drop, can.manageMembers, can.setPassword].find((decision) => !decision.allowed)
          ?.reason ?? null,
    }),
  }),
});

builder.objectField(Role, 'viewerCan', (t) =>
  t.field({
    type: RoleCapabilitiesRef,
    description:
      "What the viewer's role may do to this role. Worked out only when asked, from the roles and memberships already read.",
    resolve: (role) => {
      const standing = role.catalog.reader.roleStanding();
      return standing instanceof Promise
        ? standing.then((known) => capabilities(known, role.row))
        : capabilities(standing, role.row);
    },
  }),
);
