/** What the viewer's role may do to a role (Role.viewerCan), with PostgreSQL's reason for each refusal. */
export interface RoleCapabilitiesView {
  alter: boolean;
  alterReason: string | null;
  rename: boolean;
  renameReason: string | null;
  drop: boolean;
  dropReason: string | null;
  manageMembers: boolean;
  manageMembersReason: string | null;
  setPassword: boolean;
  setPasswordReason: string | null;
  lockedAttributes: { attribute: string; reason: string }[];
}

export interface MemberEdge {
  member: { name: string };
  admin: boolean;
  inherit: boolean;
  set: boolean;
}

export interface RoleView {
  name: string;
  canLogin: boolean;
  isSuperuser: boolean;
  inherit: boolean;
  createRole: boolean;
  createDb: boolean;
  replication: boolean;
  bypassRls: boolean;
  connectionLimit: number;
  validUntil: string | null;
  isPredefined: boolean;
  isConfigured: boolean;
  members: MemberEdge[];
  viewerCan: RoleCapabilitiesView;
}

/** A dry run's or an applied change's SQL, as the server returns it. */
export type { Change } from '../../../lib/previewed-change';
