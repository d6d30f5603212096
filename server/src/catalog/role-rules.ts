import type { RoleGraph } from './role-graph.js';
import type { PgRole } from './roles.js';

/**
 * PostgreSQL's rules for what a role may do to another (alter, rename, drop, grant membership in it, set its password),
 * for the server's version: what `Role.viewerCan` answers beforehand, checked against PostgreSQL itself in
 * role-capabilities-versions.test.ts on 15-18.
 */

/** Whether PostgreSQL would let the viewer's role do one thing to a role, and if not, why. */
export interface Decision {
  allowed: boolean;
  reason: string | null;
}

const ALLOWED: Decision = { allowed: true, reason: null };
const denied = (reason: string): Decision => ({ allowed: false, reason });

export const ATTRIBUTES = [
  'LOGIN',
  'INHERIT',
  'CREATEROLE',
  'CREATEDB',
  'REPLICATION',
  'BYPASSRLS',
  'CONNECTION_LIMIT',
  'VALID_UNTIL',
] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

export interface RoleCapabilities {
  alter: Decision;
  /** Attributes refused even where `alter` is allowed (16+: only what the viewer's role has itself). */
  locked: { attribute: Attribute; reason: string }[];
  rename: Decision;
  drop: Decision;
  manageMembers: Decision;
  setPassword: Decision;
}

/** The viewer's role and the membership graph (CatalogReader.roleStanding gives it once per request). */
export interface Standing {
  viewer: PgRole | undefined;
  graph: RoleGraph;
  /** PostgreSQL 16+: CREATEROLE acts only on roles it holds ADMIN OPTION on. */
  adminOptionRules: boolean;
}

/** The bootstrap superuser (initdb's user, OID 10) is pinned: PostgreSQL never drops it. */
const BOOTSTRAP_SUPERUSER = 10;

/**
 * PostgreSQL's own checks (user.c: AlterRole, RenameRole, DropRole, check_role_membership_authorization), in their
 * order, so the reason given is the one PostgreSQL would give. The viewer's role is also the session user.
 */
export function capabilities({ viewer, graph, adminOptionRules }: Standing, target: PgRole): RoleCapabilities {
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

type Locks = RoleCapabilities['locked'];

const everyAttribute = (reason: string): Locks => ATTRIBUTES.map((attribute) => ({ attribute, reason }));

function lockedAttributes(judged: Judged, alter: Decision): Locks {
  if (!alter.allowed) return everyAttribute(alter.reason ?? '');
  if (judged.superuser) return [];
  return powersBeyond(judged.viewer, judged.adminOptionRules, 'change');
}

/**
 * What a non-superuser CREATEROLE role may not set on a role: on 15 REPLICATION and BYPASSRLS are a superuser's; on
 * 16+ CREATEDB, REPLICATION and BYPASSRLS are set only by a role that has them itself.
 */
function powersBeyond(viewer: PgRole, adminOptionRules: boolean, verb: 'change' | 'give'): Locks {
  if (!adminOptionRules) {
    const reason = (keyword: string) => `Only a superuser can ${verb} ${keyword} (PostgreSQL 15).`;
    return [
      { attribute: 'REPLICATION', reason: reason('REPLICATION') },
      { attribute: 'BYPASSRLS', reason: reason('BYPASSRLS') },
    ];
  }
  const own = (keyword: string) => `Only a role that has ${keyword} itself can ${verb} ${keyword}.`;
  const locked: Locks = [];
  if (!viewer.rolcreatedb) locked.push({ attribute: 'CREATEDB', reason: own('CREATEDB') });
  if (!viewer.rolreplication) locked.push({ attribute: 'REPLICATION', reason: own('REPLICATION') });
  if (!viewer.rolbypassrls) locked.push({ attribute: 'BYPASSRLS', reason: own('BYPASSRLS') });
  return locked;
}

/** The attributes CREATE ROLE may not give as the viewer's role (user.c: CreateRole), each with the reason. */
export function creationLocks(viewer: PgRole | undefined, adminOptionRules: boolean): Locks {
  if (!viewer) return everyAttribute('Your role could not be read from the catalog.');
  if (viewer.rolsuper) return [];
  if (!viewer.rolcreaterole) return everyAttribute(`Your role ${name(viewer)} lacks CREATEROLE.`);
  return powersBeyond(viewer, adminOptionRules, 'give');
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
