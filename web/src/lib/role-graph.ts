import { formatCount } from './numbers.js';
/** The role graph as the browser holds it: neighbourhoods read from the server, merged as nodes are expanded. */

export interface GraphRole {
  name: string;
  canLogin: boolean;
  isSuperuser: boolean;
  /** All its direct members on the server, shown or not. */
  memberCount: number;
  /** All the roles it is a direct member of, shown or not. */
  memberOfCount: number;
}

export interface GraphMembership {
  /** The group. */
  role: string;
  member: string;
  admin: boolean;
  inherit: boolean;
  set: boolean;
}

export interface RoleGraph {
  roles: ReadonlyMap<string, GraphRole>;
  /** By membershipKey. */
  memberships: ReadonlyMap<string, GraphMembership>;
  /** Roles whose members the server listed (a page of them): the others may only show some by chance. */
  membersListed: ReadonlySet<string>;
  /** Roles whose groups the server listed. */
  groupsListed: ReadonlySet<string>;
}

/** One answer of roleNeighbourhood: `center`, its groups `depth` steps up and its members `depth` steps down. */
export interface Neighbourhood {
  center: string;
  depth: number;
  roles: GraphRole[];
  memberships: GraphMembership[];
}

/** Members (and groups) a role shows at first, and how many more each "+N more" asks for. */
export const PER_ROLE = 40;
/** Beyond this many members of one role the graph stops growing: a list reads better than 500 boxes. */
export const MAX_PER_ROLE = 200;

export const EMPTY_GRAPH: RoleGraph = {
  roles: new Map(),
  memberships: new Map(),
  membersListed: new Set(),
  groupsListed: new Set(),
};

export const membershipKey = (group: string, member: string) => JSON.stringify([group, member]);

/** The graph with a neighbourhood added: its roles replace older copies (fresher counts), memberships are joined. */
export function mergeNeighbourhood(graph: RoleGraph, part: Neighbourhood): RoleGraph {
  const roles = new Map(graph.roles);
  for (const role of part.roles) roles.set(role.name, role);
  const memberships = new Map(graph.memberships);
  for (const edge of part.memberships) memberships.set(membershipKey(edge.role, edge.member), edge);
  const down = (name: string) => part.memberships.filter((edge) => edge.role === name).map((edge) => edge.member);
  const up = (name: string) => part.memberships.filter((edge) => edge.member === name).map((edge) => edge.role);
  return {
    roles,
    memberships,
    membersListed: new Set([...graph.membersListed, ...within(part.center, part.depth - 1, down)]),
    groupsListed: new Set([...graph.groupsListed, ...within(part.center, part.depth - 1, up)]),
  };
}

/** The whole server at once: every role's groups and members are all there. */
export function wholeGraph(roles: GraphRole[], memberships: GraphMembership[]): RoleGraph {
  const names = new Set(roles.map((role) => role.name));
  const kept = memberships.filter((edge) => names.has(edge.role) && names.has(edge.member));
  return {
    roles: new Map(roles.map((role) => [role.name, role])),
    memberships: new Map(kept.map((edge) => [membershipKey(edge.role, edge.member), edge])),
    membersListed: names,
    groupsListed: names,
  };
}

/** `start` and the roles at most `steps` steps away along `next`. */
function within(start: string, steps: number, next: (name: string) => string[]): Set<string> {
  const found = new Set<string>();
  if (steps < 0) return found;
  found.add(start);
  let frontier = [start];
  for (let step = 0; step < steps; step++) {
    frontier = frontier.flatMap(next).filter((name) => !found.has(name));
    for (const name of frontier) found.add(name);
  }
  return found;
}

/** Every role reachable from `start` along `next`, `start` itself left out. */
export function reach(start: string, next: (name: string) => string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    for (const other of next(name))
      if (!seen.has(other) && other !== start) {
        seen.add(other);
        queue.push(other);
      }
  }
  return seen;
}

/** The groups whose privileges `name` has: up through INHERIT memberships only. */
export function inheritedBy(graph: RoleGraph, name: string): Set<string> {
  const edges = [...graph.memberships.values()];
  return reach(name, (member) =>
    edges.filter((edge) => edge.member === member && edge.inherit).map((edge) => edge.role),
  );
}

/** Its members, and theirs, down every membership. */
export function membersBelow(graph: RoleGraph, name: string): Set<string> {
  const edges = [...graph.memberships.values()];
  return reach(name, (group) => edges.filter((edge) => edge.role === group).map((edge) => edge.member));
}

export function shownMembers(graph: RoleGraph, name: string): number {
  let count = 0;
  for (const edge of graph.memberships.values()) if (edge.role === name) count++;
  return count;
}

export function shownGroups(graph: RoleGraph, name: string): number {
  let count = 0;
  for (const edge of graph.memberships.values()) if (edge.member === name) count++;
  return count;
}

/** Whether expanding `name` would show more: members or groups not drawn, within MAX_PER_ROLE of each. */
export function hasMoreToShow(graph: RoleGraph, name: string): boolean {
  const role = graph.roles.get(name);
  if (!role) return false;
  const members = shownMembers(graph, name);
  const groups = shownGroups(graph, name);
  return (
    (role.memberCount > members && members < MAX_PER_ROLE) || (role.memberOfCount > groups && groups < MAX_PER_ROLE)
  );
}

/** What one more page of `name`'s neighbourhood asks for: those shown and PER_ROLE more, within MAX_PER_ROLE. */
export function nextPage(graph: RoleGraph, name: string): number {
  return Math.min(MAX_PER_ROLE, Math.max(shownMembers(graph, name), shownGroups(graph, name)) + PER_ROLE);
}

export type ViewNode =
  | { kind: 'role'; id: string; role: GraphRole; hiddenMembers: number; hiddenGroups: number }
  | { kind: 'more-members' | 'more-groups'; id: string; owner: string; hidden: number };

export interface ViewEdge {
  id: string;
  /** The node drawn above: the group, or a role above its "+N more members". */
  from: string;
  to: string;
  membership?: GraphMembership;
}

/** A summary node's id: role names may hold any character but NUL, so this cannot be a role's. */
const summaryId = (kind: 'members' | 'groups', owner: string) => `\u0000${kind}\u0000${owner}`;

const byKindThenName = (a: GraphRole, b: GraphRole) =>
  a.canLogin !== b.canLogin ? (a.canLogin ? 1 : -1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/**
 * What to draw: every role (groups first, then by name, the order the server pages them in), each membership, and
 * for a role whose members (or groups) were listed but not all of them, a "+N more" node below (or above) it. A role
 * whose neighbours were never listed keeps its hidden count on itself (`hiddenMembers`, `hiddenGroups`): expanding
 * it lists them.
 */
export function graphView(graph: RoleGraph, summaries = true): { nodes: ViewNode[]; edges: ViewEdge[] } {
  const nodes: ViewNode[] = [];
  const more: ViewNode[] = [];
  const edges: ViewEdge[] = [...graph.memberships.entries()].map(([id, membership]) => ({
    id,
    from: membership.role,
    to: membership.member,
    membership,
  }));
  for (const role of [...graph.roles.values()].sort(byKindThenName)) {
    const hiddenMembers = summaries ? Math.max(0, role.memberCount - shownMembers(graph, role.name)) : 0;
    const hiddenGroups = summaries ? Math.max(0, role.memberOfCount - shownGroups(graph, role.name)) : 0;
    const membersSummarised = hiddenMembers > 0 && graph.membersListed.has(role.name);
    const groupsSummarised = hiddenGroups > 0 && graph.groupsListed.has(role.name);
    nodes.push({
      kind: 'role',
      id: role.name,
      role,
      hiddenMembers: membersSummarised ? 0 : hiddenMembers,
      hiddenGroups: groupsSummarised ? 0 : hiddenGroups,
    });
    if (membersSummarised) {
      const id = summaryId('members', role.name);
      more.push({ kind: 'more-members', id, owner: role.name, hidden: hiddenMembers });
      edges.push({ id, from: role.name, to: id });
    }
    if (groupsSummarised) {
      const id = summaryId('groups', role.name);
      more.push({ kind: 'more-groups', id, owner: role.name, hidden: hiddenGroups });
      edges.push({ id, from: id, to: role.name });
    }
  }
  return { nodes: [...nodes, ...more], edges };
}

const plural = (count: number, word: string) => `${formatCount(count)} ${word}${count === 1 ? '' : 's'}`;

/** The text of a summary node: "+960 more members". */
export function summaryLabel(node: { kind: 'more-members' | 'more-groups'; hidden: number }): string {
  return `+${plural(node.hidden, node.kind === 'more-members' ? 'more member' : 'more group')}`;
}

/** What a role node says it does not show, for its badge's title and its aria-label ("3 more members, 1 more group"). */
export function hiddenText(hiddenMembers: number, hiddenGroups: number): string {
  const parts: string[] = [];
  if (hiddenMembers > 0) parts.push(plural(hiddenMembers, 'more member'));
  if (hiddenGroups > 0) parts.push(plural(hiddenGroups, 'more group'));
  return parts.join(', ');
}
