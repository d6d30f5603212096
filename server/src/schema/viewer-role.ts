import { builder } from '../builder.js';
import type { CatalogReader } from '../catalog/reader.js';
import { RoleGraph } from '../catalog/role-graph.js';
import type { PgRole } from '../catalog/roles.js';
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

/** Whether PostgreSQL would let the viewer's role do one thing to a role, and if not, why. */
interface Decision {
  allowed: boolean;
  reason: string | null;
}

const ALLOWED: Decision = { allowed: true, reason: null };
const denied = (reason: string): Decision => ({ allowed: false, reason });

const ATTRIBUTES = [
  'LOGIN',
  'INHERIT',
  'CREATEROLE',
  'CREATEDB',
  'REPLICATION',
  'BYPASSRLS',
  'CONNECTION_LIMIT',
  'VALID_UNTIL',
] as const;
type Attribute = (typeof ATTRIBUTES)[number];

interface RoleCapabilities {
  alter: Decision;
  /** Attributes refused even where `alter` is allowed (16+: only what the viewer's role has itself). */
  locked: { attribute: Attribute; reason: string }[];
  rename: Decision;
  drop: Decision;
  manageMembers: Decision;
  setPassword: Decision;
}

/** The viewer's role and the membership graph, once per request, from what the role graph has already read. */
interface Standing {
  viewer: PgRole | undefined;
  graph: RoleGraph;
  /** PostgreSQL 16+: CREATEROLE acts only on roles it holds ADMIN OPTION on. */
  adminOptionRules: boolean;
}

const standings = new WeakMap<CatalogReader, { promise: Promise<Standing>; value?: Standing }>();

function standingOf(reader: CatalogReader): Standing | Promise<Standing> {
  let entry = standings.get(reader);
  if (!entry) {
    const promise = Promise.all([reader.viewerRole(), reader.roles(), reader.memberships(), reader.features()]).then(
      ([viewer, roles, memberships, features]) => ({
        viewer,
        graph: new RoleGraph(roles, memberships),
        adminOptionRules: features.membershipOptions,
      }),
    );
    const created: { promise: Promise<Standing>; value?: Standing } = { promise };
    promise.then(
      (value) => {
        created.value = value;
      },
      () => undefined,
    );
    standings.set(reader, created);
    entry = created;
  }
  return entry.value ?? entry.promise;
}

/** The bootstrap superuser (initdb's user, OID 10) is pinned: PostgreSQL never drops it. */
const BOOTSTRAP_SUPERUSER = 10;

/**
 * PostgreSQL's own checks (user.c: AlterRole, RenameRole, DropRole, check_role_membership_authorization), in their
 * order, so the reason given is the one PostgreSQL would give. The viewer's role is also the session user.
 */
function capabilities({ viewer, graph, adminOptionRules }: Standing, target: PgRole): RoleCapabilities {
  if (!viewer) {
    const none = denied('Your role could not be read from the catalog.');
    return { alter: none, locked: [], rename: none, drop: none, manageMembers: none, setPassword: none };
  }
  const standing = {
    viewer,
    target,
    self: viewer.oid === target.oid,
    superuser: viewer.rolsuper,
    // 16+: CREATEROLE plus ADMIN OPTION on the role; 15: CREATEROLE suffices.
    manages: viewer.rolcreaterole && (!adminOptionRules || graph.isAdminOf(viewer.oid, target.oid)),
    admin: graph.isAdminOf(viewer.oid, target.oid),
    inheritedAdmin: graph.hasInheritedAdminOf(viewer.oid, target.oid),
    adminOptionRules,
  };
  const alter = alterDecision(standing);
  return {
    alter,
    locked: lockedAttributes(standing, alter),
    rename: renameDecision(standing),
    drop: dropDecision(standing),
    manageMembers: membersDecision(standing),
    setPassword: passwordDecision(standing),
  };
}

interface Judged {
  viewer: PgRole;
  target: PgRole;
  self: boolean;
  superuser: boolean;
  manages: boolean;
  admin: boolean;
  /** 16+: ADMIN OPTION held by the viewer's role or a role whose privileges it inherits (a grantor PostgreSQL can use). */
  inheritedAdmin: boolean;
  adminOptionRules: boolean;
}

const name = (role: PgRole) => `"${role.rolname}"`;

function lacksManagement(judged: Judged, verb: string): Decision {
  if (!judged.viewer.rolcreaterole) return denied(`Your role ${name(judged.viewer)} lacks CREATEROLE.`);
  if (judged.self) return denied(`No role holds ADMIN OPTION on itself, so it cannot ${verb} itself.`);
  return denied(`Your role ${name(judged.viewer)} has CREATEROLE but no ADMIN OPTION on ${name(judged.target)}.`);
}

function alterDecision(judged: Judged): Decision {
  const { target } = judged;
  if (target.is_predefined) return denied('Predefined roles cannot be altered.');
  if (judged.superuser) return ALLOWED;
  if (target.rolsuper) return denied('Only a superuser can alter a superuser role.');
  if (!judged.adminOptionRules && target.rolreplication)
    return denied('Only a superuser can alter a REPLICATION role (PostgreSQL 15).');
  return judged.manages ? ALLOWED : lacksManagement(judged, 'alter');
}

function lockedAttributes(judged: Judged, alter: Decision): RoleCapabilities['locked'] {
  if (!alter.allowed) return ATTRIBUTES.map((attribute) => ({ attribute, reason: alter.reason ?? '' }));
  if (judged.superuser) return [];
  const { viewer } = judged;
  if (!judged.adminOptionRules) {
    const reason = (keyword: string) => `Only a superuser can change ${keyword} (PostgreSQL 15).`;
    return [
      { attribute: 'REPLICATION', reason: reason('REPLICATION') },
      { attribute: 'BYPASSRLS', reason: reason('BYPASSRLS') },
    ];
  }
  const own = (keyword: string) => `Only a role that has ${keyword} itself can change ${keyword}.`;
  const locked: RoleCapabilities['locked'] = [];
  if (!viewer.rolcreatedb) locked.push({ attribute: 'CREATEDB', reason: own('CREATEDB') });
  if (!viewer.rolreplication) locked.push({ attribute: 'REPLICATION', reason: own('REPLICATION') });
  if (!viewer.rolbypassrls) locked.push({ attribute: 'BYPASSRLS', reason: own('BYPASSRLS') });
  return locked;
}

function renameDecision(judged: Judged): Decision {
  const { target } = judged;
  if (judged.self) return denied('Your role is the session user here, which PostgreSQL does not rename.');
  if (target.is_predefined) return denied('Predefined roles cannot be renamed.');
  if (judged.superuser) return ALLOWED;
  if (target.rolsuper) return denied('Only a superuser can rename a superuser role.');
  return judged.manages ? ALLOWED : lacksManagement(judged, 'rename');
}

function dropDecision(judged: Judged): Decision {
  const { target } = judged;
  if (!judged.superuser && !judged.viewer.rolcreaterole)
    return denied(`Your role ${name(judged.viewer)} lacks CREATEROLE.`);
  if (judged.self) return denied('Your role cannot drop itself.');
  if (target.rolsuper && !judged.superuser) return denied('Only a superuser can drop a superuser role.');
  if (!judged.superuser && !judged.manages) return lacksManagement(judged, 'drop');
  if (target.is_predefined || target.oid === BOOTSTRAP_SUPERUSER)
    return denied(`${name(target)} is required by the database system.`);
  return ALLOWED;
}

function membersDecision(judged: Judged): Decision {
  const { target } = judged;
  if (target.rolname === 'pg_database_owner' && target.is_predefined)
    return denied('pg_database_owner has exactly one implicit member, the database owner.');
  if (target.rolsuper && !judged.superuser) return denied('Only a superuser can grant a superuser role.');
  if (judged.adminOptionRules && judged.admin && !judged.inheritedAdmin)
    return denied(
      `Your role ${name(judged.viewer)} holds ADMIN OPTION on ${name(target)} only through a membership without INHERIT, so PostgreSQL finds no grantor.`,
    );
  if (judged.admin || (!judged.adminOptionRules && judged.viewer.rolcreaterole)) return ALLOWED;
  if (judged.self) return denied('No role holds ADMIN OPTION on itself.');
  return denied(`Your role ${name(judged.viewer)} has no ADMIN OPTION on ${name(target)}.`);
}

function passwordDecision(judged: Judged): Decision {
  const { target } = judged;
  if (target.is_predefined) return denied('Predefined roles cannot be altered.');
  if (judged.superuser) return ALLOWED;
  if (target.rolsuper) return denied('Only a superuser can change the password of a superuser role.');
  if (!judged.adminOptionRules && target.rolreplication)
    return denied('Only a superuser can alter a REPLICATION role (PostgreSQL 15).');
  if (judged.manages || judged.self) return ALLOWED;
  return lacksManagement(judged, 'alter');
}

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
      const standing = standingOf(role.catalog.reader);
      return standing instanceof Promise
        ? standing.then((known) => capabilities(known, role.row))
        : capabilities(standing, role.row);
    },
  }),
);
