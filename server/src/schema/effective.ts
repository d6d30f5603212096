import { builder } from '../builder.js';
import { type EffectivePrivilege, effectivePrivilegesOn, type Source } from '../catalog/effective.js';
import { checkIdentifier } from '../catalog/identifiers.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { type ObjectRefInput, resolveObject } from '../operations/permissions/objects.js';
import { type CatalogShape, DatabaseCatalog } from './catalog.js';
import { AS_VIEWER_ROLE } from './errors.js';
import { listConnection } from './lists.js';
import { ObjectRef } from './permissions.js';
import { Role, roleShape } from './role.js';

interface SourceShape {
  source: Source;
  catalog: CatalogShape;
}

export const SourceKind = builder.enumType('PrivilegeSourceKind', {
  values: {
    SUPERUSER: { description: 'Superusers bypass every check.' },
    OWNER: { description: "An ACL item of the object's owner, whose privileges the role has." },
    OWNER_GRANT_OPTION: { description: "Having the owner's privileges implies every grant option." },
    GRANT: { description: 'An ACL item granted to the role or to a role it inherits from.' },
    PUBLIC: { description: 'Granted to PUBLIC: every role has it.' },
    PREDEFINED_ROLE: { description: 'pg_read_all_data, pg_write_all_data or pg_maintain, which the role inherits.' },
  } as const,
});

const roleNames = async (catalog: CatalogShape, oids: readonly number[]) =>
  Promise.all(oids.map(async (oid) => (await catalog.reader.roleByOid(oid))?.rolname ?? String(oid)));

const PrivilegeSource = builder.objectRef<SourceShape>('PrivilegeSource').implement({
  description: 'One reason a role holds (or may grant) a privilege.',
  fields: (t) => ({
    kind: t.field({ type: SourceKind, resolve: ({ source }) => source.kind }),
    path: t.stringList({
      description:
        'The roles from the role to the one holding the grant, along INHERIT memberships (just the role when direct).',
      resolve: ({ source, catalog }) => ('path' in source ? roleNames(catalog, source.path) : Promise.resolve([])),
    }),
    grantee: t.field({
      type: Role,
      nullable: true,
      resolve: ({ source, catalog }) => ('grantee' in source ? roleShape(catalog, source.grantee) : null),
    }),
    grantor: t.field({
      type: Role,
      nullable: true,
      resolve: ({ source, catalog }) => ('grantor' in source ? roleShape(catalog, source.grantor) : null),
    }),
    grantable: t.boolean({
      resolve: ({ source }) => ('grantable' in source ? source.grantable : source.kind !== 'PREDEFINED_ROLE'),
    }),
    predefinedRole: t.string({
      nullable: true,
      resolve: ({ source }) => (source.kind === 'PREDEFINED_ROLE' ? source.rolname : null),
    }),
  }),
});

export const EffectivePrivilegeRef = builder
  .objectRef<{ privilege: EffectivePrivilege; catalog: CatalogShape }>('EffectivePrivilege')
  .implement({
    fields: (t) => ({
      privilege: t.string({ resolve: ({ privilege }) => privilege.privilege }),
      held: t.boolean({
        description: 'False when only the owner’s implicit grant option applies (the owner revoked it from itself).',
        resolve: ({ privilege }) => privilege.held,
      }),
      grantable: t.boolean({ resolve: ({ privilege }) => privilege.grantable }),
      sources: t.field({
        type: [PrivilegeSource],
        resolve: ({ privilege, catalog }) => privilege.sources.map((source) => ({ source, catalog })),
      }),
    }),
  });

async function explain(catalog: CatalogShape, roleName: string, ref: ObjectRefInput) {
  const role = await catalog.reader.roleByName(checkIdentifier(roleName, 'role'));
  if (!role) throw new NotFoundError(`role ${roleName}`);
  const object = await resolveObject(catalog.reader, ref);
  const [graph, features] = await Promise.all([catalog.reader.graph(), catalog.reader.features()]);
  return effectivePrivilegesOn(graph, role.oid, object, features).map((privilege) => ({ privilege, catalog }));
}

const RoleAccess = builder.objectRef<{ member: number; role: number; catalog: CatalogShape }>('RoleAccess').implement({
  description: 'How one role relates to another, as pg_has_role answers it, and the membership path that explains it.',
  fields: (t) => ({
    usage: t.boolean({
      description: "Has the role's privileges (INHERIT path).",
      resolve: async (access) => (await access.catalog.reader.graph()).hasPrivsOf(access.member, access.role),
    }),
    member: t.boolean({
      resolve: async (access) => (await access.catalog.reader.graph()).isMemberOf(access.member, access.role),
    }),
    set: t.boolean({
      description: 'May SET ROLE to it.',
      resolve: async (access) => (await access.catalog.reader.graph()).canSet(access.member, access.role),
    }),
    admin: t.boolean({
      description: 'May grant it to others.',
      resolve: async (access) => (await access.catalog.reader.graph()).isAdminOf(access.member, access.role),
    }),
    inheritPath: t.stringList({
      nullable: true,
      resolve: async (access) => {
        const path = (await access.catalog.reader.graph()).inheritPath(access.member, access.role);
        return path ? roleNames(access.catalog, path) : null;
      },
    }),
    memberPath: t.stringList({
      nullable: true,
      resolve: async (access) => {
        const path = (await access.catalog.reader.graph()).memberPath(access.member, access.role);
        return path ? roleNames(access.catalog, path) : null;
      },
    }),
  }),
});

builder.objectFields(DatabaseCatalog, (t) => ({
  effectivePrivileges: t.connection({
    type: EffectivePrivilegeRef,
    description:
      'What a role can really do on an object, and every reason why (memberships, PUBLIC, ownership, predefined roles, superuser).',
    errors: { types: [...AS_VIEWER_ROLE, ValidationError] },
    args: { role: t.arg.string({ required: true }), object: t.arg({ type: ObjectRef, required: true }) },
    resolve: async (catalog, args) => listConnection(args, await explain(catalog, args.role, args.object)),
  }),
  roleAccess: t.field({
    type: RoleAccess,
    description: 'pg_has_role(member, role, USAGE / MEMBER / SET / … WITH ADMIN OPTION), explained.',
    errors: { types: [...AS_VIEWER_ROLE, ValidationError] },
    args: { member: t.arg.string({ required: true }), role: t.arg.string({ required: true }) },
    resolve: async (catalog, args) => {
      const member = await catalog.reader.roleByName(checkIdentifier(args.member, 'member'));
      const role = await catalog.reader.roleByName(checkIdentifier(args.role, 'role'));
      if (!member || !role) throw new NotFoundError('role');
      return { member: member.oid, role: role.oid, catalog };
    },
  }),
}));
