import { builder } from '../builder.js';
import { type GroupMembership, roleDefinition } from '../catalog/role-definition.js';
import type { RoleSetting } from '../catalog/role-settings.js';
import { NothingChangedError } from '../errors.js';
import { resetRoleSetting, setRoleComment, setRoleSetting } from '../operations/permissions/role-settings.js';
import { localId } from './ids.js';
import { CHANGE_ERRORS, modeOf, PermissionChangeRef } from './permissions.js';
import { Role, type RoleShape } from './role.js';

const RoleSettingRef = builder.objectRef<RoleSetting>('RoleSetting').implement({
  description: 'A parameter set for a role (`ALTER ROLE … [IN DATABASE …] SET`): its sessions start with it.',
  fields: (t) => ({
    database: t.string({
      nullable: true,
      description: 'Null: in every database (ALTER ROLE … SET); else only in this one (… IN DATABASE).',
      resolve: (setting) => setting.datname,
    }),
    name: t.exposeString('name'),
    value: t.exposeString('value', { description: 'As PostgreSQL keeps it (pg_db_role_setting).' }),
  }),
});

/** The roles it is a member of, by name, with the options its grants there confer together. */
async function groupMemberships(role: RoleShape): Promise<GroupMembership[]> {
  const [index, byOid] = await Promise.all([role.catalog.reader.membershipIndex(), role.catalog.reader.rolesByOid()]);
  return index.groupsOf(role.row.oid).flatMap(({ roleid, admin, inherit, set }) => {
    const group = byOid.get(roleid)?.rolname;
    return group === undefined ? [] : [{ group, admin, inherit, set }];
  });
}

builder.objectFields(Role, (t) => ({
  settings: t.field({
    type: [RoleSettingRef],
    description: 'Its parameter settings, those for every database first. Asked of many roles, read in one query.',
    resolve: async (role) => (await role.catalog.reader.roleExtras(role.row.oid)).settings,
  }),
  comment: t.string({
    nullable: true,
    description: 'COMMENT ON ROLE.',
    resolve: async (role) => (await role.catalog.reader.roleExtras(role.row.oid)).comment,
  }),
  connectionsInUse: t.int({
    description: 'Sessions open as this role on the server now (pg_stat_activity); compare with connectionLimit.',
    resolve: async (role) => (await role.catalog.reader.roleExtras(role.row.oid)).connections,
  }),
  validUntilInfinity: t.boolean({
    description:
      "VALID UNTIL 'infinity': its password never expires. validUntil is null then, as it is when VALID UNTIL was never set; this tells the two apart.",
    resolve: (role) => role.row.valid_until_infinity,
  }),
  definitionSql: t.stringList({
    description:
      'The statements that recreate this role as it is, in order: CREATE ROLE with every attribute (VALID UNTIL to the microsecond), ALTER ROLE … SET for each setting, COMMENT ON ROLE, and GRANT for each role it is a member of (WITH ADMIN / INHERIT / SET on 16+, WITH ADMIN OPTION on 15). Never a password: Rolecall cannot read one (pg_authid), so a LOGIN role needs ALTER ROLE … PASSWORD after. A membership granted by several grantors is one GRANT with their options together, without GRANTED BY: whoever runs it is its grantor.',
    resolve: async (role) => {
      const [extras, memberOf, features] = await Promise.all([
        role.catalog.reader.roleExtras(role.row.oid),
        groupMemberships(role),
        role.catalog.reader.features(),
      ]);
      return roleDefinition({ role: role.row, extras, memberOf, features });
    },
  }),
}));

/** Setting a parameter to the value it has, resetting one not set, or a comment it already has, changes nothing. */
const settingField = { type: PermissionChangeRef, errors: { types: [...CHANGE_ERRORS, NothingChangedError] } };

builder.mutationFields((t) => {
  const common = () => ({
    databaseId: t.arg.id({ required: true }),
    role: t.arg.string({ required: true }),
    dryRun: t.arg.boolean({
      defaultValue: false,
      description:
        'Preview: run the statements as your role in a transaction that is rolled back, so the verdict is PostgreSQL’s.',
    }),
    previewToken: t.arg.string({
      description:
        'The token a successful preview of this same change returned: apply only if nothing it read or touches changed since (else CatalogChangedError, and nothing runs).',
    }),
  });
  const parameter = () => ({
    name: t.arg.string({
      required: true,
      description: 'The parameter: work_mem, or a custom dotted name (myapp.tenant). Letters, digits, _ and $ only.',
    }),
    inDatabase: t.arg.boolean({
      defaultValue: false,
      description: 'Only in this database (ALTER ROLE … IN DATABASE); else in every database.',
    }),
  });
  const id = (value: string | number) => localId(String(value), 'Database');
  return {
    setRoleSetting: t.field({
      ...settingField,
      description:
        'ALTER ROLE … [IN DATABASE …] SET name = value: the role’s sessions start with it. PostgreSQL decides who may (CREATEROLE, with ADMIN OPTION on the role on 16+; superuser for superuser roles and parameters) and whether the parameter and value exist.',
      args: {
        ...common(),
        ...parameter(),
        value: t.arg.string({
          required: true,
          description:
            'Sent as a string literal, never as SQL. For a list parameter (search_path, temp_tablespaces, *_preload_libraries): its elements separated by commas, double-quoted where they hold a comma, a space or a quote, as RoleSetting.value shows them.',
        }),
      },
      resolve: (_root, args, context) =>
        setRoleSetting(
          context,
          { ...args, databaseId: id(args.databaseId), inDatabase: Boolean(args.inDatabase) },
          modeOf(args),
        ),
    }),
    resetRoleSetting: t.field({
      ...settingField,
      description: 'ALTER ROLE … [IN DATABASE …] RESET name: its sessions start with the server’s value again.',
      args: { ...common(), ...parameter() },
      resolve: (_root, args, context) =>
        resetRoleSetting(
          context,
          { ...args, databaseId: id(args.databaseId), inDatabase: Boolean(args.inDatabase) },
          modeOf(args),
        ),
    }),
    setRoleComment: t.field({
      ...settingField,
      description: 'COMMENT ON ROLE … IS comment; null (or empty) removes it. PostgreSQL decides who may.',
      args: { ...common(), comment: t.arg.string() },
      resolve: (_root, args, context) =>
        setRoleComment(
          context,
          { databaseId: id(args.databaseId), role: args.role, comment: args.comment ?? null },
          modeOf(args),
        ),
    }),
  };
});
