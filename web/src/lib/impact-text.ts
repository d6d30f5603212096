import { formatCount } from './numbers.js';

/**
 * An access impact (who gains and who loses what, issue 16) worded for people from its structure: the web's previews,
 * the live feed and the CLI's `rolecall impact` all word it here. The views are the contract's fields that wording
 * needs, so the web's and the CLI's generated fragment types both fit.
 */
export type ImpactDirection = 'GAIN' | 'LOSS';

export interface ImpactSourceView {
  kind: string;
  path: readonly string[];
  grantor?: string | null;
}

export interface RoleChangeView {
  role: string;
  collaborators: readonly string[];
  sources: readonly ImpactSourceView[];
}

export interface PrivilegeGroupView {
  direction: ImpactDirection;
  object: { label: string };
  privilege: string;
  grantOptionOnly: boolean;
  roleCount: number;
  collaboratorCount: number;
  collaborators: readonly string[];
  roles?: readonly RoleChangeView[];
  /** A truncated impact: the roles that have the listed roles' privileges, not compared one by one. */
  inheritorCount?: number | null;
}

export interface MemberChangeView {
  role: string;
  collaborators: readonly string[];
  path: readonly string[];
}

export interface MembershipGroupView {
  direction: ImpactDirection;
  role: string;
  roleCount: number;
  collaboratorCount: number;
  collaborators: readonly string[];
  members?: readonly MemberChangeView[];
  /** A truncated impact: the objects the role reaches (owns or is granted something on, itself or inherited). */
  heldObjectCount?: number | null;
}

export interface CalloutView {
  code: string;
  role: string;
  collaborators: readonly string[];
}

export interface ImpactView {
  roleCount: number;
  collaboratorCount: number;
  privilegeGroupCount: number;
  privilegeGroups: readonly PrivilegeGroupView[];
  membershipGroups: readonly MembershipGroupView[];
  callouts: readonly CalloutView[];
  /** Too large to compare role by role: told at the level of groups. */
  truncated?: boolean;
  comparedPairs?: number | null;
}

/** Names shown before "and N more": enough to recognise, few enough to read on one line. */
export const NAMES_SHOWN = 3;

const plural = (count: number, noun: string) => `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;

/** "ana, bob, carol and 9 more": the first names, then how many are left out of `total`. */
export function namesText(names: readonly string[], total = names.length, shown = NAMES_SHOWN): string {
  const first = names.slice(0, shown);
  const more = total - first.length;
  if (more <= 0) return first.length > 1 ? `${first.slice(0, -1).join(', ')} and ${first.at(-1)}` : (first[0] ?? '');
  return `${first.join(', ')} and ${formatCount(more)} more`;
}

/** "and 980 more roles", or '' when all are shown. */
export function moreText(shown: number, total: number, noun: string): string {
  const more = total - shown;
  return more > 0 ? `and ${formatCount(more)} more ${noun}${more === 1 ? '' : 's'}` : '';
}

/** "12 roles and 3 collaborators (ana, bob, carol)": who is affected, the people named. */
function whoText(roleCount: number, collaboratorCount: number, collaborators: readonly string[]): string {
  const roles = plural(roleCount, 'role');
  if (collaboratorCount === 0) return roles;
  return `${roles} and ${plural(collaboratorCount, 'collaborator')} (${namesText(collaborators, collaboratorCount)})`;
}

/** One role alone takes "loses"; several, or roles and collaborators together, take "lose". */
function verb(direction: ImpactDirection, roleCount: number, collaboratorCount: number): string {
  const singular = roleCount === 1 && collaboratorCount === 0;
  if (direction === 'LOSS') return singular ? 'loses' : 'lose';
  return singular ? 'gains' : 'gain';
}

/**
 * "12 roles and 3 collaborators (ana, bob, carol) lose SELECT on sales.orders"; in a truncated impact, "reporting
 * loses SELECT on sales.orders (and so may the 1,000 roles that have its privileges)".
 */
export function privilegeGroupText(group: PrivilegeGroupView): string {
  const what = group.grantOptionOnly ? `the grant option of ${group.privilege}` : group.privilege;
  const text = `${whoText(group.roleCount, group.collaboratorCount, group.collaborators)} ${verb(
    group.direction,
    group.roleCount,
    group.collaboratorCount,
  )} ${what} on ${group.object.label}`;
  const inheritors = group.inheritorCount ?? 0;
  if (inheritors === 0) return text;
  const whose = group.roleCount === 1 ? 'its' : 'their';
  return `${text} (and so may the ${plural(inheritors, 'role')} that have ${whose} privileges)`;
}

/** "1,000 roles lose the privileges of reporting"; in a truncated impact, "…, which reaches 5,000 objects". */
export function membershipGroupText(group: MembershipGroupView): string {
  const text = `${whoText(group.roleCount, group.collaboratorCount, group.collaborators)} ${verb(
    group.direction,
    group.roleCount,
    group.collaboratorCount,
  )} the privileges of ${group.role}`;
  return group.heldObjectCount == null ? text : `${text}, which reaches ${plural(group.heldObjectCount, 'object')}`;
}

/** A truncated impact's note: why it names groups rather than every role, or null for a complete one. */
export function truncatedText(impact: ImpactView): string | null {
  if (!impact.truncated) return null;
  const pairs = impact.comparedPairs ? ` (over ${formatCount(impact.comparedPairs)} role and object pairs)` : '';
  return `Summary only: this change reaches too many roles and objects to compare one by one${pairs}. Memberships are exact; privileges are told for the roles the change itself moves.`;
}

/** A membership chain as people read it: "ana → analysts → reporting". */
export const pathText = (path: readonly string[]) => path.join(' → ');

/** How a role holds (or will hold) a privilege: "ana → analysts → reporting", "PUBLIC", "owner: ana → app_owner". */
export function sourceText(source: ImpactSourceView): string {
  switch (source.kind) {
    case 'PUBLIC':
      return 'PUBLIC (every role)';
    case 'SUPERUSER':
      return 'superuser';
    case 'OWNER':
    case 'OWNER_GRANT_OPTION':
      return source.path.length > 1 ? `owner: ${pathText(source.path)}` : 'owner';
    default:
      return source.path.length > 1 ? pathText(source.path) : 'granted directly';
  }
}

/** "ana (bob): ana → analysts → reporting; PUBLIC (every role)": one role, its people, every way it holds it. */
export function roleChangeText(change: RoleChangeView): string {
  const people = change.collaborators.length > 0 ? ` (${change.collaborators.join(', ')})` : '';
  const ways = change.sources.map(sourceText).join('; ');
  return `${change.role}${people}${ways ? `: ${ways}` : ''}`;
}

/** "ana (bob): ana → analysts → reporting": a member and the membership chain it holds the group's privileges by. */
export function memberChangeText(change: MemberChangeView): string {
  const people = change.collaborators.length > 0 ? ` (${change.collaborators.join(', ')})` : '';
  return `${change.role}${people}${change.path.length > 0 ? `: ${pathText(change.path)}` : ''}`;
}

/**
 * What the role loses, from the groups listed (they may be capped), one phrase per object: "SELECT, UPDATE on s.t",
 * "the grant option of SELECT on s.u", "the privileges of reporting".
 */
function lossesOf(impact: ImpactView, role: string): string[] {
  const byObject = new Map<string, string[]>();
  for (const group of impact.privilegeGroups) {
    if (group.direction !== 'LOSS' || !group.roles?.some((change) => change.role === role)) continue;
    const key = `${group.grantOptionOnly ? 'the grant option of ' : ''}\u0000${group.object.label}`;
    byObject.set(key, [...(byObject.get(key) ?? []), group.privilege]);
  }
  const privileges = [...byObject].map(([key, names]) => {
    const [prefix = '', label = ''] = key.split('\u0000');
    return `${prefix}${names.join(', ')} on ${label}`;
  });
  const memberships = impact.membershipGroups
    .filter((group) => group.direction === 'LOSS' && group.members?.some((change) => change.role === role))
    .map((group) => `the privileges of ${group.role}`);
  return [...privileges, ...memberships];
}

/**
 * A callout before Apply: "You will lose SELECT on s.t (through your role ana)"; "bob will lose all access here (role
 * bob_role)". A code this client does not know yet keeps the API's message.
 */
export function calloutText(callout: CalloutView & { message?: string }, impact: ImpactView): string {
  if (callout.code === 'ACTOR_LOSES_ACCESS') {
    const losses = lossesOf(impact, callout.role);
    const what = losses.length > 0 ? namesText(losses) : 'access';
    return `You will lose ${what} (through your role ${callout.role}).`;
  }
  if (callout.code === 'COLLABORATOR_LOSES_ALL_ACCESS') {
    const who = callout.collaborators.length > 0 ? namesText(callout.collaborators) : `Role ${callout.role}`;
    const through = callout.collaborators.length > 0 ? ` (role ${callout.role})` : '';
    return `${who} will lose all access here${through}.`;
  }
  return callout.message ?? `${callout.code}: ${callout.role}`;
}

/** Whether the change alters anyone's access at all. */
export const changesAccess = (impact: ImpactView) =>
  impact.roleCount > 0 || impact.privilegeGroups.length > 0 || impact.membershipGroups.length > 0;

/** The whole impact in a line: "3 roles and 1 collaborator (bob) are affected" or "No one's access changes". */
export function impactHeadline(impact: ImpactView): string {
  if (!changesAccess(impact)) return "No one's access changes.";
  const who = whoText(impact.roleCount, impact.collaboratorCount, collaboratorsOf(impact));
  return `${who}: ${impact.roleCount === 1 && impact.collaboratorCount === 0 ? 'its' : 'their'} access changes.`;
}

/** Every collaborator named in the groups listed, sorted, each once. */
export function collaboratorsOf(impact: ImpactView): string[] {
  const names = new Set([
    ...impact.privilegeGroups.flatMap((group) => group.collaborators),
    ...impact.membershipGroups.flatMap((group) => group.collaborators),
  ]);
  return [...names].sort();
}

/** One line per group, memberships first (they carry the most): the live feed's and the CLI's summary. */
export function impactLines(impact: ImpactView): string[] {
  const lines = [
    ...impact.membershipGroups.map(membershipGroupText),
    ...impact.privilegeGroups.map(privilegeGroupText),
  ];
  const more = moreText(impact.privilegeGroups.length, impact.privilegeGroupCount, 'change');
  return more ? [...lines, more] : lines;
}

/** The impact in one line, for the live feed: its first group, then how many more; null when no one's access changed. */
export function impactSummary(impact: ImpactView): string | null {
  const lines = [
    ...impact.membershipGroups.map(membershipGroupText),
    ...impact.privilegeGroups.map(privilegeGroupText),
  ];
  const [first] = lines;
  if (first === undefined) return null;
  const more = lines.length - 1 + Math.max(0, impact.privilegeGroupCount - impact.privilegeGroups.length);
  const told = more > 0 ? `${first} (and ${formatCount(more)} more)` : first;
  return impact.truncated ? `${told} (summary only)` : told;
}

/** The CLI's `rolecall impact`: callouts, then each group with its roles (or members) and their paths, indented. */
export function impactReport(impact: ImpactView): string[] {
  const truncated = truncatedText(impact);
  const lines = [
    impactHeadline(impact),
    ...(truncated ? [truncated] : []),
    ...impact.callouts.map((callout) => `! ${calloutText(callout, impact)}`),
  ];
  for (const group of impact.membershipGroups) {
    lines.push(`- ${membershipGroupText(group)}`);
    const members = group.members ?? [];
    lines.push(...members.map((member) => `    ${memberChangeText(member)}`));
    const more = moreText(members.length, group.roleCount, 'role');
    if (more) lines.push(`    ${more}`);
  }
  for (const group of impact.privilegeGroups) {
    lines.push(`- ${privilegeGroupText(group)}`);
    const roles = group.roles ?? [];
    lines.push(...roles.map((role) => `    ${roleChangeText(role)}`));
    const more = moreText(roles.length, group.roleCount, 'role');
    if (more) lines.push(`    ${more}`);
  }
  const more = moreText(impact.privilegeGroups.length, impact.privilegeGroupCount, 'privilege change');
  if (more) lines.push(more);
  return lines;
}
