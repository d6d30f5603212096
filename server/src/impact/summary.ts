import type { AccessImpact } from './model.js';

/** How many roles (or members) each group of a stored impact names, and how many groups it keeps. */
export const SUMMARY_ROLES = 20;
export const SUMMARY_GROUPS = 50;

/**
 * An impact as an event stores it: its groups, their roles and their collaborators capped (a database's thousand
 * collaborators would otherwise be written into each of 50 groups of every event), every count exact.
 */
export function impactSummary(impact: AccessImpact): AccessImpact {
  return {
    ...impact,
    privilegeGroups: impact.privilegeGroups.slice(0, SUMMARY_GROUPS).map((group) => ({
      ...group,
      collaborators: group.collaborators.slice(0, SUMMARY_ROLES),
      roles: group.roles.slice(0, SUMMARY_ROLES),
    })),
    membershipGroups: impact.membershipGroups.slice(0, SUMMARY_GROUPS).map((group) => ({
      ...group,
      collaborators: group.collaborators.slice(0, SUMMARY_ROLES),
      members: group.members.slice(0, SUMMARY_ROLES),
    })),
    callouts: impact.callouts.slice(0, SUMMARY_GROUPS),
  };
}
