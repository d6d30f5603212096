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
