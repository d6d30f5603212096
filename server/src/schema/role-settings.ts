import { builder } from '../builder.js';
import type { RoleSetting } from '../catalog/role-settings.js';
import { Role } from './role.js';

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
}));
