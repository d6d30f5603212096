import type { ObjectKind } from '../catalog/privileges.js';

/**
 * What a change does to effective access (issue 16): who gains and who loses which privileges, and the privileges of
 * which roles through membership, each with its path. The same shape answers a preview and is stored (capped, see
 * summary.ts) in the event of an applied change.
 */
export interface AccessImpact {
  roleCount: number;
  collaboratorCount: number;
  privilegeGroupCount: number;
  /** Most roles first, then by object and privilege. */
  privilegeGroups: PrivilegeImpactGroup[];
  membershipGroups: MembershipImpactGroup[];
  callouts: ImpactCallout[];
  /**
   * Too large to compare every (role, object) pair (see compute.ts): the membership groups are exact, the privilege
   * groups name only the roles the change itself moved, each with how many roles have its privileges.
   */
  truncated?: boolean;
  /** A truncated impact: the pairs a full one would have compared. */
  comparedPairs?: number | null;
}

export type ImpactDirection = 'GAIN' | 'LOSS';

export interface ImpactObject {
  kind: ObjectKind;
  schema: string | null;
  name: string;
  column: string | null;
  arguments: string | null;
  label: string;
}

export interface ImpactSource {
  kind: string;
  path: string[];
  grantor: string | null;
  grantable: boolean;
}

export interface RoleAccessChange {
  role: string;
  collaborators: string[];
  sources: ImpactSource[];
}

export interface PrivilegeImpactGroup {
  direction: ImpactDirection;
  object: ImpactObject;
  privilege: string;
  grantOptionOnly: boolean;
  roleCount: number;
  collaboratorCount: number;
  collaborators: string[];
  roles: RoleAccessChange[];
  /**
   * A truncated impact: the roles, besides those listed, that have the privileges of the listed ones through
   * inheriting memberships (before for LOSS, after for GAIN): they may gain or lose the same, not compared one by one.
   */
  inheritorCount?: number | null;
}

export interface MemberAccessChange {
  role: string;
  collaborators: string[];
  path: string[];
}

export interface MembershipImpactGroup {
  direction: ImpactDirection;
  role: string;
  roleCount: number;
  collaboratorCount: number;
  collaborators: string[];
  members: MemberAccessChange[];
  /**
   * A truncated impact: the objects of this database (columns counted apart) that the role, or a role whose
   * privileges it has, owns or is granted something on: what its members gain or lose access to, at most.
   */
  heldObjectCount?: number | null;
}

export type ImpactCalloutCode = 'ACTOR_LOSES_ACCESS' | 'COLLABORATOR_LOSES_ALL_ACCESS';

export interface ImpactCallout {
  code: ImpactCalloutCode;
  role: string;
  collaborators: string[];
  message: string;
}

export const NO_IMPACT: AccessImpact = Object.freeze({
  roleCount: 0,
  collaboratorCount: 0,
  privilegeGroupCount: 0,
  privilegeGroups: [],
  membershipGroups: [],
  callouts: [],
}) as AccessImpact;
