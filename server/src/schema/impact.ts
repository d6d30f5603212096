import { builder } from '../builder.js';
import type {
  AccessImpact,
  ImpactCallout,
  ImpactObject,
  ImpactSource,
  MemberAccessChange,
  MembershipImpactGroup,
  PrivilegeImpactGroup,
  RoleAccessChange,
} from '../impact/model.js';
import { ObjectKindEnum } from './objects.js';

/** The first `first` of a list (negative or missing: the default). */
const firstOf = <T>(items: readonly T[], first: number | null | undefined, fallback: number): T[] =>
  items.slice(0, Math.max(0, first ?? fallback));

const ImpactDirectionRef = builder.enumType('ImpactDirection', {
  values: {
    GAIN: { description: 'Held after the change, not before.' },
    LOSS: { description: 'Held before the change, not after.' },
  } as const,
});

const ImpactObjectRef = builder.objectRef<ImpactObject>('ImpactObject').implement({
  description: 'The object a privilege is gained or lost on (or, for default privileges, the objects made later).',
  fields: (t) => ({
    kind: t.field({ type: ObjectKindEnum, resolve: (object) => object.kind }),
    schema: t.exposeString('schema', { nullable: true }),
    name: t.exposeString('name'),
    column: t.exposeString('column', { nullable: true }),
    arguments: t.exposeString('arguments', { nullable: true }),
    label: t.exposeString('label', {
      description: 'As people read it: sales.orders, sales.orders(amount), sales.f(integer), database shop …',
    }),
  }),
});

const ImpactSourceRef = builder.objectRef<ImpactSource>('ImpactSource').implement({
  description: 'One reason a role held (or will hold) a privilege.',
  fields: (t) => ({
    kind: t.exposeString('kind', {
      description: 'GRANT, PUBLIC, OWNER, OWNER_GRANT_OPTION, SUPERUSER, PREDEFINED_ROLE (as Explain’s sources).',
    }),
    path: t.exposeStringList('path', {
      description:
        'Role names from the role itself to the grantee / owner / predefined role it inherits from ([] for PUBLIC and SUPERUSER).',
    }),
    grantor: t.exposeString('grantor', { nullable: true }),
    grantable: t.exposeBoolean('grantable'),
  }),
});

const RoleAccessChangeRef = builder.objectRef<RoleAccessChange>('RoleAccessChange').implement({
  description: 'A role whose privilege changes, the collaborators who work through it, and how it held it.',
  fields: (t) => ({
    role: t.exposeString('role'),
    collaborators: t.exposeStringList('collaborators'),
    sources: t.field({
      type: [ImpactSourceRef],
      description:
        'How the role held it before (LOSS) or will hold it after (GAIN): each source with its membership path.',
      resolve: (change) => change.sources,
    }),
  }),
});

const PrivilegeImpactGroupRef = builder.objectRef<PrivilegeImpactGroup>('PrivilegeImpactGroup').implement({
  description: 'The roles that gain, or lose, one privilege on one object.',
  fields: (t) => ({
    direction: t.field({ type: ImpactDirectionRef, resolve: (group) => group.direction }),
    object: t.field({ type: ImpactObjectRef, resolve: (group) => group.object }),
    privilege: t.exposeString('privilege', { description: 'e.g. SELECT' }),
    grantOptionOnly: t.exposeBoolean('grantOptionOnly', {
      description:
        'True when only WITH GRANT OPTION is gained or lost; the privilege itself is kept (LOSS) or was held (GAIN).',
    }),
    roleCount: t.exposeInt('roleCount'),
    collaboratorCount: t.exposeInt('collaboratorCount'),
    collaborators: t.exposeStringList('collaborators', {
      description: 'Every collaborator (username) affected through these roles, sorted.',
    }),
    inheritorCount: t.int({
      nullable: true,
      description:
        'Truncated impacts only: how many roles, besides those listed, have the privileges of the listed roles through inheriting memberships (before the change for LOSS, after for GAIN). They may gain or lose the same, but were not compared one by one. Null when the impact is complete (every role is listed).',
      resolve: (group) => group.inheritorCount ?? null,
    }),
    roles: t.field({
      type: [RoleAccessChangeRef],
      description:
        'The roles, by name, at most `first`: each with its collaborators and how it held (LOSS) / will hold (GAIN) it.',
      args: { first: t.arg.int({ defaultValue: 100 }) },
      resolve: (group, args) => firstOf(group.roles, args.first, 100),
    }),
  }),
});

const MemberAccessChangeRef = builder.objectRef<MemberAccessChange>('MemberAccessChange').implement({
  description: 'A role that gains or loses the privileges of a group, and through which memberships.',
  fields: (t) => ({
    role: t.exposeString('role'),
    collaborators: t.exposeStringList('collaborators'),
    path: t.exposeStringList('path', {
      description: 'The inheriting membership chain from this role to the group: before (LOSS) or after (GAIN).',
    }),
  }),
});

const MembershipImpactGroupRef = builder.objectRef<MembershipImpactGroup>('MembershipImpactGroup').implement({
  description: 'The roles that gain, or lose, the privileges of one role through inheriting memberships.',
  fields: (t) => ({
    direction: t.field({ type: ImpactDirectionRef, resolve: (group) => group.direction }),
    role: t.exposeString('role', {
      description: 'The role whose privileges are gained or lost (through inheriting memberships).',
    }),
    roleCount: t.exposeInt('roleCount'),
    collaboratorCount: t.exposeInt('collaboratorCount'),
    collaborators: t.exposeStringList('collaborators'),
    heldObjectCount: t.int({
      nullable: true,
      description:
        'Truncated impacts only (the largest groups): how many objects of this database (columns apart) the role, or a role whose privileges it has, owns or is granted something on: what its members gain or lose access to, at most ("1,000 roles lose the privileges of reporting, which reaches 5,000 objects"). Null otherwise.',
      resolve: (group) => group.heldObjectCount ?? null,
    }),
    members: t.field({
      type: [MemberAccessChangeRef],
      args: { first: t.arg.int({ defaultValue: 100 }) },
      resolve: (group, args) => firstOf(group.members, args.first, 100),
    }),
  }),
});

const ImpactCalloutCodeRef = builder.enumType('ImpactCalloutCode', {
  values: {
    ACTOR_LOSES_ACCESS: {
      description: 'The role the viewer acts as here (their collaborator role) loses a privilege or a membership.',
    },
    COLLABORATOR_LOSES_ALL_ACCESS: {
      description:
        "A collaborator's role is dropped, loses LOGIN or loses CONNECT on this database: it can no longer work here.",
    },
  } as const,
});

const ImpactCalloutRef = builder.objectRef<ImpactCallout>('ImpactCallout').implement({
  description: 'What must be called out before applying a change.',
  fields: (t) => ({
    code: t.field({ type: ImpactCalloutCodeRef, resolve: (callout) => callout.code }),
    role: t.exposeString('role'),
    collaborators: t.exposeStringList('collaborators'),
    message: t.exposeString('message', { description: 'The API’s own wording; clients may word it from the fields.' }),
  }),
});

export const AccessImpactRef = builder.objectRef<AccessImpact>('AccessImpact').implement({
  description: 'Who gains and who loses what, as effective privileges, through memberships, with the path for each.',
  fields: (t) => ({
    roleCount: t.exposeInt('roleCount', {
      description:
        'Distinct roles whose effective access changes (privileges on objects, or privileges of other roles).',
    }),
    collaboratorCount: t.exposeInt('collaboratorCount', {
      description: 'Distinct collaborators of this database who work through those roles.',
    }),
    truncated: t.boolean({
      description:
        'True when the change reaches too many (role, object) pairs to compare them one by one: membershipGroups stay exact, privilegeGroups then list only the roles the change itself moved (each with inheritorCount, the roles that have its privileges), and roleCount / collaboratorCount count only the roles listed.',
      resolve: (impact) => impact.truncated ?? false,
    }),
    comparedPairs: t.int({
      nullable: true,
      description: 'Truncated impacts: the (role, object) pairs counted before comparing stopped (at least this many).',
      resolve: (impact) => impact.comparedPairs ?? null,
    }),
    privilegeGroupCount: t.exposeInt('privilegeGroupCount', {
      description: 'Number of privilege groups in all (privilegeGroups may return fewer).',
    }),
    privilegeGroups: t.field({
      type: [PrivilegeImpactGroupRef],
      description: 'One per object, privilege and direction: most roles first, then by object and privilege.',
      args: { first: t.arg.int({ defaultValue: 50 }) },
      resolve: (impact, args) => firstOf(impact.privilegeGroups, args.first, 50),
    }),
    membershipGroups: t.field({
      type: [MembershipImpactGroupRef],
      description:
        'One per role whose privileges other roles gain or lose through membership ("1,000 roles lose the privileges of reporting"), and direction.',
      args: { first: t.arg.int({ defaultValue: 50 }) },
      resolve: (impact, args) => firstOf(impact.membershipGroups, args.first, 50),
    }),
    callouts: t.field({
      type: [ImpactCalloutRef],
      description:
        'What must be called out before applying: the actor losing access, a collaborator losing all access.',
      resolve: (impact) => impact.callouts,
    }),
  }),
});
