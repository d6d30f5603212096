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
  };
}

/** Which databases a person sees at all: admins every connected one, everyone else their collaborations. */
export type DatabaseVisibility = 'ALL' | 'COLLABORATIONS';

export function visibleDatabases(person: Person): DatabaseVisibility {
  return person.isAdmin ? 'ALL' : 'COLLABORATIONS';
}

/**
 * The configured roles a person may give where they manage collaborators: admins any configured on the server; a
 * MANAGER only those already configured for their database, i.e. already in use on it. Roles are server-wide, so
 * anything wider would let a MANAGER give a puppet another database's owner role, change its password, and take
 * that database over.
 */
export type AssignableRoles = 'CONFIGURED_ON_SERVER' | 'IN_USE_ON_DATABASE';

export function assignableRoles(person: Person): AssignableRoles {
  return person.isAdmin ? 'CONFIGURED_ON_SERVER' : 'IN_USE_ON_DATABASE';
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

/** An invitation is answered (accepted or declined) by whoever signs in with the address it was sent to. */
export function canAnswerInvitation(person: { email: string }, invitation: { email: string }): boolean {
  return sameAddress(person.email, invitation.email);
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
