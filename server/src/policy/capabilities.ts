import type { Viewer } from '../context.js';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import type { Access } from '../generated/prisma/enums.js';

/**
 * Who may do what in Rolecall itself (what PostgreSQL allows is PostgreSQL's business).
 * Pure functions of the person and their collaboration (`access`, null when they have none); operations and
 * resolvers ask here, and server/test/policy.test.ts holds the README's table to these functions.
 */
export interface Person {
  isAdmin: boolean;
}

/** Users, connecting databases and stored role passwords are Rolecall-wide matters: admins only. */
export function isRolecallAdmin(person: Person): boolean {
  return person.isAdmin;
}

export interface DatabaseCapabilities {
  canView: boolean;
  /** Reading the live catalog needs a role to read it as. */
  canReadCatalog: boolean;
  canManageCollaborators: boolean;
  canConfigureRoles: boolean;
  canDisconnect: boolean;
  canLeave: boolean;
  canChangeOwnCollaboration: boolean;
}

export function databaseCapabilities(person: Person, access: Access | null): DatabaseCapabilities {
  const isCollaborator = access !== null;
  return {
    canView: person.isAdmin || isCollaborator,
    canReadCatalog: isCollaborator,
    canManageCollaborators: person.isAdmin || access === 'MANAGER',
    canConfigureRoles: isRolecallAdmin(person),
    canDisconnect: isRolecallAdmin(person),
    canLeave: isCollaborator,
    canChangeOwnCollaboration: isCollaborator && canChangeOwnCollaboration(person),
  };
}

/** Which databases a person sees at all: admins every connected one, everyone else their collaborations. */
export type DatabaseVisibility = 'ALL' | 'COLLABORATIONS';

export function visibleDatabases(person: Person): DatabaseVisibility {
  return person.isAdmin ? 'ALL' : 'COLLABORATIONS';
}

/**
 * No one gives more power than they hold. Admins may give any role configured on the server. A MANAGER may give only
 * roles their own role may `SET ROLE` to (so nothing their role could not already act as), or roles an admin marked
 * assignable for the database; never a role with superuser, CREATEROLE, BYPASSRLS or REPLICATION, whose powers reach
 * past any one database. Roles are server-wide: "in use on this database" would let a MANAGER take the connecting
 * admin's role.
 */
export type AssignableRoles = 'CONFIGURED_ON_SERVER' | 'SETTABLE_OR_MARKED';

export function assignableRoles(person: Person): AssignableRoles {
  return person.isAdmin ? 'CONFIGURED_ON_SERVER' : 'SETTABLE_OR_MARKED';
}

/** What the policy needs to know of a configured role, read live (attributes, SET) and from metadata (the mark). */
export interface RoleToGive {
  /** superuser, CREATEROLE, BYPASSRLS or REPLICATION. */
  hasServerWidePower: boolean;
  /** The giver's own role may SET ROLE to it (`pg_has_role(…, 'SET')`; membership on PostgreSQL 15). */
  giverMaySetRole: boolean;
  markedAssignable: boolean;
}

export type RoleRefusal = 'SERVER_WIDE_POWER' | 'NOT_SETTABLE';

/** Why the person may not give this role, or null when they may (admins: always). */
export function refusalToGive(person: Person, role: RoleToGive): RoleRefusal | null {
  if (assignableRoles(person) === 'CONFIGURED_ON_SERVER') return null;
  if (role.hasServerWidePower) return 'SERVER_WIDE_POWER';
  return role.giverMaySetRole || role.markedAssignable ? null : 'NOT_SETTABLE';
}

/** Roles with powers beyond any one database are never marked assignable: only admins give them. */
export function mayMarkAssignable(role: Pick<RoleToGive, 'hasServerWidePower'>): boolean {
  return !role.hasServerWidePower;
}

/** A MANAGER never changes their own collaboration (role or access): that would be giving themselves power. */
export function canChangeOwnCollaboration(person: Person): boolean {
  return person.isAdmin;
}

/**
 * The password of a configured role is Rolecall's secret: only admins set it (collaborators working through it never
 * learn or change it). Other roles' passwords are PostgreSQL's business.
 */
export function canSetRolePassword(person: Person, role: { isConfigured: boolean }): boolean {
  return person.isAdmin || !role.isConfigured;
}

/** Adding or inviting someone: a MANAGER may not bring an admin in, since an admin's collaborations are the admins' business. */
export function canBringIn(person: Person, access: Access | null, newcomer: Person | null): boolean {
  if (!databaseCapabilities(person, access).canManageCollaborators) return false;
  return person.isAdmin || !newcomer?.isAdmin;
}

/** Changing or removing a collaboration: a MANAGER manages the database's collaborators, but not an admin's. */
export function canManageCollaborator(
  person: Person,
  access: Access | null,
  target: { user: { isAdmin: boolean } },
): boolean {
  if (!databaseCapabilities(person, access).canManageCollaborators) return false;
  return person.isAdmin || !target.user.isAdmin;
}

/** How someone answering an invitation shows it is theirs: by their account's address, or with its link in hand. */
export type InvitationAnswer = 'BY_ADDRESS' | 'WITH_LINK';

/**
 * An invitation is answered (accepted or declined) by the account with the address it was sent to, once that
 * address is proven: an unproven address is only a claim, which whoever created the account could have typed. With
 * the invitation's link in hand that account may accept before, since the link went to that address by e-mail or
 * was handed over by the inviter.
 */
export function canAnswerInvitation(
  person: { email: string; emailVerifiedAt: Date | null },
  invitation: { email: string },
  answer: InvitationAnswer = 'BY_ADDRESS',
): boolean {
  if (!sameAddress(person.email, invitation.email)) return false;
  return answer === 'WITH_LINK' || person.emailVerifiedAt !== null;
}

export const sameAddress = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new UnauthenticatedError();
  return viewer;
}

export function requireAdmin(viewer: Viewer | null): Viewer {
  const signedIn = requireViewer(viewer);
  if (!isRolecallAdmin(signedIn.user)) throw new ForbiddenError('Only Rolecall admins may do this.');
  return signedIn;
}
