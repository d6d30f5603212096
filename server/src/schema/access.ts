import { collaboratorsByRole } from '../access/collaborators-by-role.js';
import { holderIndexOf } from '../access/report.js';
import { builder } from '../builder.js';
import type { EffectivePrivilege } from '../catalog/effective.js';
import { checkIdentifier } from '../catalog/identifiers.js';
import { byRolname } from '../catalog/roles.js';
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
      const [holders, roles, collaborators] = await Promise.all([
        holderIndexOf(catalog.reader),
        rolesOf(catalog),
        collaboratorsByRole(catalog.databaseId, context.metadata),
      ]);
      // Only the roles that reach the object's grantees or owner are asked the engine; the rest hold PUBLIC's share,
      // so unless PUBLIC holds something there, only those roles are looked at.
      const holding = holders.holders(object);

      const text = args.search?.toLowerCase() ?? '';
      const everyone = holding.everyoneElse.some((privilege) => privilege.held);
      const candidates = everyone ? roles.all() : [...holding.roles.keys()].flatMap((oid) => roles.get(oid) ?? []);
      const found: AccessShape[] = [];
      for (const role of candidates.sort((a, b) => byRolname(a.row, b.row))) {
        if (text && !role.row.rolname.toLowerCase().includes(text)) continue;
        const privileges = holders.privilegesOf(holding, role.row.oid);
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
