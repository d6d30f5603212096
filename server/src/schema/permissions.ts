import { builder } from '../builder.js';
import { CatalogChangedError, InUseError, NothingChangedError, ValidationError } from '../errors.js';
import { NO_IMPACT } from '../impact/model.js';
import { grantOnAllTables } from '../operations/permissions/bulk.js';
import type { ChangeMode, PermissionChange } from '../operations/permissions/change.js';
import { dropRole } from '../operations/permissions/drop-role.js';
import { grantMembership, revokeMembership, setGroupMembers } from '../operations/permissions/memberships.js';
import type { ChangeNote } from '../operations/permissions/notes.js';
import { createSchema, transferOwnership } from '../operations/permissions/ownership.js';
import { grantPrivileges, revokePrivileges, setPrivileges } from '../operations/permissions/privileges.js';
import { alterRole, createRole, renameRole, setRolePassword } from '../operations/permissions/roles.js';
import { AS_VIEWER_ROLE } from './errors.js';
import { localId } from './ids.js';
import { AccessImpactRef } from './impact.js';
import { ObjectKindEnum, Preset } from './objects.js';

const NoteCodeRef = builder.enumType('ChangeNoteCode', {
  values: {
    SCHEMA_USAGE_MISSING: {
      description:
        'The grantee lacks USAGE on the object’s schema (a table’s, sequence’s, column’s, routine’s or type’s): the grant does nothing yet.',
    },
    SCHEMA_USAGE_REMAINS: {
      description:
        'The grantee lost every privilege on the object but keeps the USAGE on its schema granted to it: `withoutSchemaUsage` revokes it too.',
    },
    SEQUENCE_USAGE_MISSING: {
      description: 'The grantee may INSERT but lacks USAGE on the table’s serial sequences: inserts will fail.',
    },
    GRANT_REMAINS: { description: 'A privilege stays: another grantor’s grant, which this role cannot revoke.' },
    MEMBERSHIP_REMAINS: {
      description: 'The member stays a member of the role: another grantor’s grant, which this role cannot revoke.',
    },
    MEMBERSHIP_OPTION_UNSUPPORTED: {
      description:
        'PostgreSQL 15 has no per-grant INHERIT or SET: `subjects` are the options not applied (the member’s INHERIT attribute decides).',
    },
    GLOBAL_DEFAULT_REMAINS: {
      description:
        'New objects in the schema still get `subjects` from the creator’s global default privileges (or the built-in default): a schema’s entry can only add to those, so change them without a schema.',
    },
  } as const,
});

const ChangeNoteRef = builder.objectRef<ChangeNote>('ChangeNote').implement({
  description: 'Something a change should tell you, as data: word it for people from these fields.',
  fields: (t) => ({
    code: t.field({ type: NoteCodeRef, resolve: (note) => note.code }),
    grantee: t.exposeString('grantee', {
      nullable: true,
      description: 'The role it is about; null for PUBLIC (a role named "PUBLIC" is that string).',
    }),
    object: t.exposeString('object', { description: 'The object the change is on.' }),
    subjects: t.exposeStringList('subjects', {
      description: 'What the fix is on (the schema, the sequences), or the privileges that remain.',
    }),
    grantor: t.exposeString('grantor', {
      nullable: true,
      description: 'GRANT_REMAINS, MEMBERSHIP_REMAINS: whose grant it is.',
    }),
    fixOption: t.exposeString('fixOption', {
      nullable: true,
      description: 'The boolean option of the same mutation that, set to true, fixes it; null when Rolecall cannot.',
    }),
    message: t.exposeString('message', { description: 'The API’s own wording (also in `warnings`).' }),
  }),
});

export const PermissionChangeRef = builder.objectRef<PermissionChange>('PermissionChange').implement({
  description: 'A change to PostgreSQL made as the viewer’s role (or, on a dry run, what would be made).',
  fields: (t) => ({
    dryRun: t.exposeBoolean('dryRun'),
    sql: t.exposeStringList('sql', { description: 'The exact statements, in order (passwords shown as ********).' }),
    warnings: t.exposeStringList('warnings', {
      description: 'What did not or will not happen as asked, and what to do about it.',
    }),
    notes: t.field({
      type: [ChangeNoteRef],
      description: 'The warnings about a role and object, as data (code, grantee, object, the option that fixes it).',
      resolve: (change) => change.notes,
    }),
    eventId: t.field({ type: 'BigCursor', nullable: true, resolve: (change) => change.eventId }),
    previewToken: t.exposeString('previewToken', {
      nullable: true,
      description:
        'On a preview: pass it as `previewToken` to apply exactly what was previewed, refused if the catalog changed meanwhile.',
    }),
    impact: t.field({
      type: AccessImpactRef,
      nullable: true,
      description:
        'Who gains and who loses what (effective privileges, through memberships, CASCADE included), on a preview and on an applied change; null only where it cannot be computed (a preview whose first steps commit in other databases).',
      // A change with nothing to run (already as asked) has no effect.
      resolve: (change) => (change.impact === undefined ? NO_IMPACT : change.impact),
    }),
  }),
});

export const ObjectRef = builder.inputType('ObjectRef', {
  description:
    'DATABASE (the connected one; name optional); SCHEMA name; TABLE schema + name (views, sequences and partitions too); SEQUENCE schema + name; COLUMN schema + name (its table) + column; FUNCTION schema + name + arguments (its argument types, e.g. "integer, text": procedures and aggregates too); TYPE schema + name (domains too); LANGUAGE, FOREIGN_DATA_WRAPPER, FOREIGN_SERVER, TABLESPACE, PARAMETER name; LARGE_OBJECT name = its OID.',
  fields: (t) => ({
    kind: t.field({ type: ObjectKindEnum, required: true }),
    schema: t.string(),
    name: t.string(),
    column: t.string({ description: 'COLUMN: the column’s name.' }),
    arguments: t.string({ description: 'FUNCTION: its argument types, as PostgreSQL reads them (empty: none).' }),
  }),
});

const RoleAttributesInput = builder.inputType('RoleAttributesInput', {
  fields: (t) => ({
    login: t.boolean(),
    inherit: t.boolean(),
    createRole: t.boolean(),
    createDb: t.boolean(),
    replication: t.boolean(),
    bypassRls: t.boolean(),
    connectionLimit: t.int(),
    validUntil: t.field({ type: 'DateTime', description: 'VALID UNTIL this time; null or omitted: left as it is.' }),
    validUntilInfinity: t.boolean({
      description:
        "True: VALID UNTIL 'infinity', the password never expires again (clears validUntil); false or omitted: left as it is.",
    }),
  }),
});

const CreateRoleInput = builder.inputType('CreateRoleInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    login: t.boolean({
      defaultValue: false,
      description: 'A LOGIN role also gets CONNECT and CREATE on this database.',
    }),
    password: t.string(),
    configure: t.boolean({
      defaultValue: false,
      description: 'Store the password in Rolecall after a real login, so collaborators can use the role at once.',
    }),
    inherit: t.boolean(),
    createRole: t.boolean(),
    createDb: t.boolean(),
    replication: t.boolean({
      description: 'PostgreSQL decides who may: superusers (15), or roles that have REPLICATION themselves (16+).',
    }),
    bypassRls: t.boolean({
      description: 'PostgreSQL decides who may: superusers (15), or roles that have BYPASSRLS themselves (16+).',
    }),
    connectionLimit: t.int(),
    validUntil: t.field({ type: 'DateTime' }),
  }),
});

const MembershipInput = builder.inputType('MembershipInput', {
  fields: (t) => ({
    member: t.string({ required: true }),
    admin: t.boolean({ defaultValue: false, description: 'May grant and revoke this membership to others.' }),
    inherit: t.boolean({
      defaultValue: true,
      description: 'Has the role’s privileges without SET ROLE (16+; on 15 the member’s INHERIT decides).',
    }),
    set: t.boolean({ defaultValue: true, description: 'May SET ROLE to it (16+; always on 15).' }),
  }),
});

const DesiredGrantInput = builder.inputType('DesiredGrantInput', {
  fields: (t) => ({
    grantee: t.string({ description: 'A role name; null or omitted for PUBLIC.' }),
    preset: t.field({
      type: Preset,
      description: 'Instead of privileges: NONE (no access) or a preset of this kind of object.',
    }),
    privileges: t.stringList({ description: 'Exactly these (a custom set); ignored when preset is given.' }),
    grantable: t.stringList({ description: 'Which of them WITH GRANT OPTION.' }),
    withSchemaUsage: t.boolean({
      defaultValue: false,
      description:
        'When the grantee gains privileges on an object in a schema (table, sequence, column, routine, type): also grant USAGE on the schema if it lacks it.',
    }),
    withSequenceUsage: t.boolean({
      defaultValue: false,
      description:
        'When the grantee gains INSERT on a table: also grant USAGE on the sequences behind its serial columns.',
    }),
    withoutSchemaUsage: t.boolean({
      defaultValue: false,
      description:
        'When the grantee loses every privilege on an object in a schema: also revoke the USAGE on the schema granted to it directly.',
    }),
  }),
});

/** How the arguments ask a change to run: previewed, or applied (only as previewed, with a preview's token). */
export const modeOf = (args: { dryRun?: boolean | null; previewToken?: string | null }): ChangeMode => ({
  dryRun: Boolean(args.dryRun),
  previewToken: args.previewToken ?? null,
});

export const CHANGE_ERRORS = [...AS_VIEWER_ROLE, ValidationError, CatalogChangedError];
const changeField = { type: PermissionChangeRef, errors: { types: CHANGE_ERRORS } };
/** A GRANT or REVOKE PostgreSQL may answer with only a WARNING or NOTICE, changing nothing. */
const privilegeField = {
  type: PermissionChangeRef,
  errors: { types: [...CHANGE_ERRORS, NothingChangedError] },
};

builder.mutationFields((t) => {
  const databaseId = () => t.arg.id({ required: true });
  const dryRun = () =>
    t.arg.boolean({
      defaultValue: false,
      description:
        'Preview: run the statements as your role in a transaction that is rolled back, so the verdict is PostgreSQL’s.',
    });
  const previewToken = () =>
    t.arg.string({
      description:
        'The token a successful preview of this same change returned: apply only if nothing it read or touches changed since (else CatalogChangedError, and nothing runs).',
    });
  const id = (value: string | number) => localId(String(value), 'Database');
  return {
    createRole: t.field({
      ...changeField,
      description: 'CREATE ROLE (needs CREATEROLE); the creator holds ADMIN OPTION on it (16+).',
      args: {
        databaseId: databaseId(),
        input: t.arg({ type: CreateRoleInput, required: true }),
        dryRun: dryRun(),
        previewToken: previewToken(),
      },
      resolve: (_root, args, context) =>
        createRole(context, { databaseId: id(args.databaseId), role: args.input }, modeOf(args)),
    }),
    alterRole: t.field({
      ...changeField,
      args: {
        databaseId: databaseId(),
        name: t.arg.string({ required: true }),
        attributes: t.arg({ type: RoleAttributesInput, required: true }),
        dryRun: dryRun(),
        previewToken: previewToken(),
      },
      resolve: (_root, args, context) => alterRole(context, { ...args, databaseId: id(args.databaseId) }, modeOf(args)),
    }),
    renameRole: t.field({
      ...changeField,
      args: {
        databaseId: databaseId(),
        name: t.arg.string({ required: true }),
        newName: t.arg.string({ required: true }),
        dryRun: dryRun(),
        previewToken: previewToken(),
      },
      resolve: (_root, args, context) =>
        renameRole(context, { ...args, databaseId: id(args.databaseId) }, modeOf(args)),
    }),
    setRolePassword: t.field({
      ...changeField,
      description: 'ALTER ROLE … PASSWORD (sent as a SCRAM verifier); a password Rolecall stores for the role follows.',
      args: {
        databaseId: databaseId(),
        name: t.arg.string({ required: true }),
        password: t.arg.string({ required: true }),
        dryRun: dryRun(),
        previewToken: previewToken(),
      },
      resolve: (_root, args, context) =>
        setRolePassword(context, { ...args, databaseId: id(args.databaseId) }, modeOf(args)),
    }),
    dropRole: t.field({
      ...changeField,
      // A role still configured in Rolecall (a collaborator works through it) is not dropped.
      errors: { types: [...CHANGE_ERRORS, InUseError] },
      description:
        'REASSIGN OWNED (in every connected database of the server where it owns something), DROP OWNED, DROP ROLE — all or nothing.',
      args: {
        databaseId: databaseId(),
        name: t.arg.string({ required: true }),
        reassignTo: t.arg.string(),
        dryRun: dryRun(),
        previewToken: previewToken(),
      },
      resolve: (_root, args, context) =>
        dropRole(
          context,
          { databaseId: id(args.databaseId), name: args.name, reassignTo: args.reassignTo ?? null },
          modeOf(args),
        ),
    }),
    grantMembership: t.field({
      ...privilegeField,
      description:
        'GRANT role TO member WITH ADMIN / INHERIT / SET (16+); again to change the options of an existing grant.',
      args: {
        databaseId: databaseId(),
        role: t.arg.string({ required: true }),
        membership: t.arg({ type: MembershipInput, required: true }),
        dryRun: dryRun(),
        previewToken: previewToken(),
      },
      resolve: (_root, args, context) =>
        grantMembership(
          context,
          { databaseId: id(args.databaseId), role: args.role, membership: membershipOf(args.membership) },
          modeOf(args),
        ),
    }),
    revokeMembership: t.field({
      ...privilegeField,
      description: 'REVOKE role FROM member; warns when a grant by another grantor remains.',
      args: {
        databaseId: databaseId(),
        role: t.arg.string({ required: true }),
        member: t.arg.string({ required: true }),
        dryRun: dryRun(),
        previewToken: previewToken(),
      },
      resolve: (_root, args, context) =>
        revokeMembership(context, { ...args, databaseId: id(args.databaseId) }, modeOf(args)),
    }),
    setGroupMembers: t.field({
      ...changeField,
      description: 'Makes the members of a group exactly this list (diffed, one transaction).',
      args: {
        databaseId: databaseId(),
        role: t.arg.string({ required: true }),
        members: t.arg({ type: [MembershipInput], required: true }),
        dryRun: dryRun(),
        previewToken: previewToken(),
      },
      resolve: (_root, args, context) =>
        setGroupMembers(
          context,
          { databaseId: id(args.databaseId), role: args.role, members: args.members.map(membershipOf) },
          modeOf(args),
        ),
    }),
    grantPrivileges: t.field({
      ...privilegeField,
      args: {
        databaseId: databaseId(),
        object: t.arg({ type: ObjectRef, required: true }),
        grantee: t.arg.string({ description: 'A role name; null or omitted for PUBLIC.' }),
        privileges: t.arg.stringList({ required: true }),
        withGrantOption: t.arg.boolean({ defaultValue: false }),
        withSchemaUsage: t.arg.boolean({
          defaultValue: false,
          description: 'Also grant USAGE on the object’s schema if the grantee lacks it.',
        }),
        withSequenceUsage: t.arg.boolean({
          defaultValue: false,
          description: 'Also grant USAGE on the sequences behind the table’s serial columns.',
        }),
        dryRun: dryRun(),
        previewToken: previewToken(),
      },
      resolve: (_root, args, context) =>
        grantPrivileges(context, { ...args, databaseId: id(args.databaseId) }, modeOf(args)),
    }),
    grantOnAllTables: t.field({
      ...privilegeField,
      description:
        'GRANT … ON ALL TABLES (and SEQUENCES) IN SCHEMA: every one the schema holds now, in one change; PostgreSQL warns for those the role may not grant on.',
      args: {
        databaseId: databaseId(),
        schema: t.arg.string({ required: true }),
        grantee: t.arg.string({ description: 'A role name; null or omitted for PUBLIC.' }),
        privileges: t.arg.stringList({
          required: true,
          description: 'On every table, view, materialized view and foreign table.',
        }),
        sequencePrivileges: t.arg.stringList({ description: 'On every sequence (omit to leave sequences alone).' }),
        withGrantOption: t.arg.boolean({ defaultValue: false }),
        withSchemaUsage: t.arg.boolean({
          defaultValue: false,
          description: 'Also grant USAGE on the schema if the grantee lacks it.',
        }),
        andFuture: t.arg.boolean({
          defaultValue: false,
          description:
            'Also the tables (and, with sequencePrivileges, sequences) made in the schema from now on, in the same change: ALTER DEFAULT PRIVILEGES FOR ROLE <futureCreator> IN SCHEMA … GRANT the same. Default privileges follow the role that creates an object, so this covers what that one role creates; objects others create there get nothing from it. Skipped when that role’s new objects there already get these grants.',
        }),
        futureCreator: t.arg.string({
          description:
            'With andFuture: the role whose future tables get the grants (you must be it or a member of it, as PostgreSQL requires). Default: the schema’s owner, or the database’s owner when the schema belongs to pg_database_owner (as `public` does on 15+), since that role never creates anything itself.',
        }),
        dryRun: dryRun(),
        previewToken: previewToken(),
      },
      resolve: (_root, args, context) =>
        grantOnAllTables(context, { ...args, databaseId: id(args.databaseId) }, modeOf(args)),
    }),
    revokePrivileges: t.field({
      ...privilegeField,
      description: 'REVOKE; warns when grants by other grantors remain.',
      args: {
        databaseId: databaseId(),
        object: t.arg({ type: ObjectRef, required: true }),
        grantee: t.arg.string({ description: 'A role name; null or omitted for PUBLIC.' }),
        privileges: t.arg.stringList({ required: true }),
        grantOptionOnly: t.arg.boolean({ defaultValue: false }),
        cascade: t.arg.boolean({ defaultValue: false, description: 'Also revoke what the grantee granted onward.' }),
        dryRun: dryRun(),
        previewToken: previewToken(),
      },
      resolve: (_root, args, context) =>
        revokePrivileges(context, { ...args, databaseId: id(args.databaseId) }, modeOf(args)),
    }),
    setPrivileges: t.field({
      ...privilegeField,
      description:
        'Makes the privileges of these grantees on one object exactly these (diffed against its ACL, one transaction), with the schema and sequence USAGE each grant asks for.',
      args: {
        databaseId: databaseId(),
        object: t.arg({ type: ObjectRef, required: true }),
        grants: t.arg({ type: [DesiredGrantInput], required: true }),
        cascade: t.arg.boolean({ defaultValue: false }),
        dryRun: dryRun(),
        previewToken: previewToken(),
      },
      resolve: (_root, args, context) =>
        setPrivileges(
          context,
          { ...args, databaseId: id(args.databaseId), cascade: Boolean(args.cascade) },
          modeOf(args),
        ),
    }),
    transferOwnership: t.field({
      ...changeField,
      description:
        'ALTER … OWNER TO; for a schema, optionally with some of its tables that the viewer’s role (or a group of it) owns.',
      args: {
        databaseId: databaseId(),
        object: t.arg({ type: ObjectRef, required: true }),
        newOwner: t.arg.string({ required: true }),
        tables: t.arg.stringList({ defaultValue: [] }),
        dryRun: dryRun(),
        previewToken: previewToken(),
      },
      resolve: (_root, args, context) =>
        transferOwnership(
          context,
          { ...args, databaseId: id(args.databaseId), tables: args.tables ?? [] },
          modeOf(args),
        ),
    }),
    createSchema: t.field({
      ...changeField,
      args: {
        databaseId: databaseId(),
        name: t.arg.string({ required: true }),
        owner: t.arg.string({ description: 'Default: the viewer’s role.' }),
        dryRun: dryRun(),
        previewToken: previewToken(),
      },
      resolve: (_root, args, context) =>
        createSchema(context, { ...args, databaseId: id(args.databaseId) }, modeOf(args)),
    }),
  };
});

function membershipOf(input: {
  member: string;
  admin?: boolean | null;
  inherit?: boolean | null;
  set?: boolean | null;
}) {
  return { member: input.member, admin: input.admin ?? false, inherit: input.inherit ?? true, set: input.set ?? true };
}
