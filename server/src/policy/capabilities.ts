import type { Viewer } from '../context.js';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import type { Access } from '../generated/prisma/enums.js';

/**
 * Who may do what in Rolecall itself (what PostgreSQL allows is PostgreSQL's business).
 * Pure functions of the viewer and their collaboration; every resolver asks here, and the README's matrix is this file.
 */
export interface Person {
  id: string;
  isAdmin: boolean;
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
    canConfigureRoles: person.isAdmin,
    canDisconnect: person.isAdmin,
    canLeave: isCollaborator,
  };
}

/** A MANAGER manages the database's collaborators, but an admin's own collaboration is the admins' business. */
export function canManageCollaborator(
  person: Person,
  access: Access | null,
  target: { user: { isAdmin: boolean } },
): boolean {
  if (person.isAdmin) return true;
  return access === 'MANAGER' && !target.user.isAdmin;
}

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new UnauthenticatedError();
  return viewer;
}

export function requireAdmin(viewer: Viewer | null): Viewer {
  const signedIn = requireViewer(viewer);
  if (!signedIn.user.isAdmin) throw new ForbiddenError('Only Rolecall admins may do this.');
  return signedIn;
}
