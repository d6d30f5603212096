import { describe, expect, it } from 'vitest';
import {
  EMPTY_GRAPH,
  type GraphMembership,
  type GraphRole,
  graphView,
  hasMoreToShow,
  inheritedBy,
  MAX_PER_ROLE,
  membersBelow,
  mergeNeighbourhood,
  nextPage,
  PER_ROLE,
  summaryLabel,
  wholeGraph,
} from '../src/lib/role-graph.js';

const role = (name: string, counts: Partial<GraphRole> = {}): GraphRole => ({
  name,
  canLogin: name.startsWith('login'),
  isSuperuser: false,
  memberCount: 0,
  memberOfCount: 0,
  ...counts,
});
const membership = (group: string, member: string, inherit = true): GraphMembership => ({
  role: group,
  member,
  admin: false,
  inherit,
  set: true,
});

/** What roleNeighbourhood answers for a group of 1,000 login roles with perRole members listed. */
function bigGroup(perRole: number) {
  const members = Array.from({ length: perRole }, (_, index) =>
    role(`login_${String(index).padStart(4, '0')}`, { memberOfCount: 1 }),
  );
  return {
    center: 'everyone',
    depth: 1,
    roles: [role('everyone', { memberCount: 1_000 }), ...members],
    memberships: members.map((member) => membership('everyone', member.name)),
  };
}

describe('the role graph model', () => {
  it('draws a listed group with more members than shown as its members and one "+N more members" node', () => {
    const graph = mergeNeighbourhood(EMPTY_GRAPH, bigGroup(PER_ROLE));
    const view = graphView(graph);
    const roles = view.nodes.filter((node) => node.kind === 'role');
    const more = view.nodes.filter((node) => node.kind !== 'role');
    expect(roles).toHaveLength(PER_ROLE + 1);
    expect(more).toEqual([expect.objectContaining({ kind: 'more-members', owner: 'everyone', hidden: 960 })]);
    expect(summaryLabel({ kind: 'more-members', hidden: 960 })).toBe('+960 more members');
    // The summary comes after every role, so the first node reached by Tab is a role.
    expect(view.nodes.at(-1)?.kind).toBe('more-members');
    expect(view.edges.filter((edge) => !edge.membership)).toHaveLength(1);
  });

  it('asks for the next page of a group and then counts down what is left', () => {
    let graph = mergeNeighbourhood(EMPTY_GRAPH, bigGroup(PER_ROLE));
    expect(nextPage(graph, 'everyone')).toBe(2 * PER_ROLE);
    graph = mergeNeighbourhood(graph, bigGroup(2 * PER_ROLE));
    const more = graphView(graph).nodes.find((node) => node.kind === 'more-members');
    expect(more).toMatchObject({ hidden: 1_000 - 2 * PER_ROLE });
    graph = mergeNeighbourhood(graph, bigGroup(MAX_PER_ROLE));
    expect(hasMoreToShow(graph, 'everyone')).toBe(false);
    expect(nextPage(graph, 'everyone')).toBe(MAX_PER_ROLE);
  });

  it('keeps the hidden neighbours of a role not yet expanded on the role itself, then lists them once expanded', () => {
    const first = {
      center: 'alice',
      depth: 1,
      roles: [role('alice', { memberOfCount: 1 }), role('staff', { memberCount: 12, memberOfCount: 2 })],
      memberships: [membership('staff', 'alice')],
    };
    let graph = mergeNeighbourhood(EMPTY_GRAPH, first);
    const staff = graphView(graph).nodes.find((node) => node.id === 'staff');
    expect(staff).toMatchObject({ kind: 'role', hiddenMembers: 11, hiddenGroups: 2 });
    expect(graphView(graph).nodes.filter((node) => node.kind !== 'role')).toEqual([]);
    expect(hasMoreToShow(graph, 'staff')).toBe(true);

    graph = mergeNeighbourhood(graph, {
      center: 'staff',
      depth: 1,
      roles: [role('staff', { memberCount: 12, memberOfCount: 2 }), role('alice'), role('org'), role('all')],
      memberships: [membership('staff', 'alice'), membership('org', 'staff'), membership('all', 'staff')],
    });
    const expanded = graphView(graph);
    expect(expanded.nodes.find((node) => node.id === 'staff')).toMatchObject({ hiddenMembers: 0, hiddenGroups: 0 });
    expect(expanded.nodes.filter((node) => node.kind !== 'role')).toEqual([
      expect.objectContaining({ kind: 'more-members', owner: 'staff', hidden: 11 }),
    ]);
  });

  it('lights up what a role inherits (INHERIT memberships only) and everything below it', () => {
    const graph = wholeGraph(
      ['a', 'b', 'c', 'login_x', 'login_y'].map((name) => role(name)),
      [membership('a', 'b'), membership('b', 'login_x'), membership('c', 'login_x', false), membership('b', 'login_y')],
    );
    expect([...inheritedBy(graph, 'login_x')].sort()).toEqual(['a', 'b']);
    expect([...membersBelow(graph, 'a')].sort()).toEqual(['b', 'login_x', 'login_y']);
  });

  it('draws the whole server without summaries, leaving out memberships of roles not in it', () => {
    const graph = wholeGraph(
      [role('a', { memberOfCount: 1 }), role('login_b', { memberOfCount: 1 })],
      [membership('a', 'login_b'), membership('pg_read_all_data', 'a')],
    );
    const view = graphView(graph, false);
    expect(view.nodes.map((node) => node.id)).toEqual(['a', 'login_b']);
    expect(view.edges).toHaveLength(1);
  });
});
