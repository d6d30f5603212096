import { builder } from '../builder.js';
import { type EffectivePrivilege, effectivePrivilegesOn } from '../catalog/effective.js';
import { checkIdentifier } from '../catalog/identifiers.js';
import { byRolname } from '../catalog/roles.js';
import type { Context } from '../context.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { resolveObject } from '../operations/permissions/objects.js';
import { type CatalogShape, DatabaseCatalog } from './catalog.js';
import { EffectivePrivilegeRef } from './effective.js';
import { AS_VIEWER_ROLE } from './errors.js';
import { listConnection } from './lists.js';
import { catalogObjects, privilegesOn } from './object-lists.js';
import { SecurableInterface, type SecurableShape } from './objects.js';
import { ObjectRef } from './permissions.js';
import { Role, type RoleShape, rolesOf } from './role.js';
import { catalogObjectsOf, OtherKindEnum } from './securables.js';

interface AccessShape {
  role: RoleShape;
  privileges: EffectivePrivilege[];
  collaborators: string[];
  catalog: CatalogShape;
}

const ObjectAccessRef = builder.objectRef<AccessShape>('ObjectAccess').implement({
  description: 'A role that can use the object: what it holds there, why, and the collaborators who work through it.',
  fields: (t) => ({
    role: t.field({ type: Role, resolve: (access) => access.role }),
    privileges: t.field({
      type: [EffectivePrivilegeRef],
      description: 'Each privilege it holds (or may grant), with every source and path, as Explain gives them.',
      resolve: (access) => access.privileges.map((privilege) => ({ privilege, catalog: access.catalog })),
    }),
    collaborators: t.stringList({
      description: "Usernames of this database's collaborators who work through this role.",
      resolve: (access) => access.collaborators,
    }),
  }),
});

/** This database's collaborators by the role they work through. */
async function collaboratorsByRole(catalog: CatalogShape, metadata: Context['metadata']) {
  const rows = await metadata.collaborator.findMany({
    where: { databaseId: catalog.databaseId },
    select: { user: { select: { username: true } }, configuredRole: { select: { rolname: true } } },
  });
  const byRole = new Map<string, string[]>();
  for (const row of rows)
    byRole.set(row.configuredRole.rolname, [...(byRole.get(row.configuredRole.rolname) ?? []), row.user.username]);
  for (const names of byRole.values()) names.sort();
  return byRole;
}

builder.objectField(DatabaseCatalog, 'whoCanAccess', (t) =>
  t.connection({
    type: ObjectAccessRef,
    description:
      'Every role that can use the object (inheritance, PUBLIC, predefined roles and superuser included), by name, with what it holds and why: the effective privileges PostgreSQL checks, not only the grants.',
    errors: { types: [...AS_VIEWER_ROLE, ValidationError] },
    args: {
      object: t.arg({ type: ObjectRef, required: true }),
      search: t.arg.string({ description: 'Only roles whose name contains this, in any case.' }),
    },
    resolve: async (catalog, args, context) => {
      const object = await resolveObject(catalog.reader, args.object);
      const [graph, features, roles, collaborators] = await Promise.all([
        catalog.reader.graph(),
        catalog.reader.features(),
        rolesOf(catalog),
        collaboratorsByRole(catalog, context.metadata),
      ]);

      const text = args.search?.toLowerCase() ?? '';
      const found: AccessShape[] = [];
      for (const role of roles.all().sort((a, b) => byRolname(a.row, b.row))) {
        if (text && !role.row.rolname.toLowerCase().includes(text)) continue;
        const privileges = effectivePrivilegesOn(graph, role.row.oid, object, features);
        if (!privileges.some((privilege) => privilege.held)) continue;
        found.push({ role, privileges, collaborators: collaborators.get(role.row.rolname) ?? [], catalog });
      }
      return listConnection(args, found);
    },
  }),
);

interface ObjectAccessShape {
  object: SecurableShape;
  privileges: EffectivePrivilege[];
  catalog: CatalogShape;
}

const RoleObjectAccessRef = builder.objectRef<ObjectAccessShape>('RoleObjectAccess').implement({
  description: 'An object a role can use: what it holds there and why.',
  fields: (t) => ({
    object: t.field({ type: SecurableInterface, resolve: (access) => access.object }),
    privileges: t.field({
      type: [EffectivePrivilegeRef],
      description: 'Each privilege it holds (or may grant), with every source and path, as Explain gives them.',
      resolve: (access) => access.privileges.map((privilege) => ({ privilege, catalog: access.catalog })),
    }),
  }),
});

builder.objectField(DatabaseCatalog, 'accessibleObjects', (t) =>
  t.connection({
    type: RoleObjectAccessRef,
    description:
      "Everything a role can use in this database (the database, schemas, tables, views, sequences, then the objects of `kinds`), in an overview's order, with what it holds and why: effective privileges, inheritance, PUBLIC, ownership, predefined roles and superuser included.",
    errors: { types: [...AS_VIEWER_ROLE, ValidationError] },
    args: {
      role: t.arg.string({ required: true }),
      search: t.arg.string({
        description:
          'Only objects whose name (schema.table for a relation) contains this, in any case, and the schemas of the relations kept.',
      }),
      kinds: t.arg({
        type: [OtherKindEnum],
        description: 'Also functions, types, languages, … of these kinds (each after the relations, by name).',
      }),
    },
    resolve: async (catalog, args) => {
      const role = await catalog.reader.roleByName(checkIdentifier(args.role, 'role'));
      if (!role) throw new NotFoundError(`role ${args.role}`);
      const found: ObjectAccessShape[] = [];
      const others = await Promise.all((args.kinds ?? []).map((kind) => catalogObjectsOf(catalog, kind, args.search)));
      for (const object of [...(await catalogObjects(catalog, args.search)), ...others.flat()]) {
        const privileges = await privilegesOn(object, role.oid);
        if (privileges.some((privilege) => privilege.held)) found.push({ object, privileges, catalog });
      }
      return listConnection(args, found);
    },
  }),
);
