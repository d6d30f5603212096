import { describe, expect, it } from 'vitest';
import {
  type GraphLayout,
  type LayoutEdgeInput,
  type LayoutNodeInput,
  layoutGraph,
  NODE_HEIGHT,
  nodeWidth,
  type PlacedNode,
  type Point,
  WRAP_COLUMNS,
  wrapFamilies,
} from '../src/lib/graph-layout.js';

const node = (id: string): LayoutNodeInput => ({ id, width: nodeWidth(id), height: NODE_HEIGHT });
const edge = (from: string, to: string): LayoutEdgeInput => ({ id: `${from}>${to}`, from, to });

/** Whether the segment a–b passes through the inside of the box (Liang–Barsky clipping, touching the border is fine). */
function crossesBox(a: Point, b: Point, box: PlacedNode): boolean {
  const inset = 0.5;
  const left = box.x - box.width / 2 + inset;
  const right = box.x + box.width / 2 - inset;
  const top = box.y - box.height / 2 + inset;
  const bottom = box.y + box.height / 2 - inset;
  let start = 0;
  let end = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  for (const [p, q] of [
    [-dx, a.x - left],
    [dx, right - a.x],
    [-dy, a.y - top],
    [dy, bottom - a.y],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) start = Math.max(start, t);
    else end = Math.min(end, t);
    if (start > end) return false;
  }
  return true;
}

const overlap = (a: PlacedNode, b: PlacedNode) =>
  Math.abs(a.x - b.x) < (a.width + b.width) / 2 && Math.abs(a.y - b.y) < (a.height + b.height) / 2;

/** Every geometric promise of the layout, as a list of what breaks it (empty when the layout keeps them all). */
function problems(layout: GraphLayout, edges: LayoutEdgeInput[]): string[] {
  const found: string[] = [];
  const nodes = [...layout.nodes.values()];
  for (const [index, a] of nodes.entries())
    for (const b of nodes.slice(index + 1)) if (overlap(a, b)) found.push(`${a.id} overlaps ${b.id}`);
  for (const placed of layout.edges) {
    for (const [index, point] of placed.points.slice(1).entries()) {
      const from = placed.points[index] as Point;
      for (const box of nodes)
        if (box.id !== placed.from && box.id !== placed.to && crossesBox(from, point, box))
          found.push(`${placed.id} passes through ${box.id}`);
    }
  }
  for (const input of edges) {
    const group = layout.nodes.get(input.from) as PlacedNode;
    const member = layout.nodes.get(input.to) as PlacedNode;
    if (group.y + group.height / 2 > member.y - member.height / 2) found.push(`${input.from} is not above ${input.to}`);
  }
  for (const placed of nodes)
    if (placed.x - placed.width / 2 < 0 || placed.x + placed.width / 2 > layout.width + 0.001)
      found.push(`${placed.id} is outside the drawing`);
  return found;
}

/** Deterministic pseudo-random numbers, so a failing shape can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** A DAG: each edge goes from a lower index to a higher one, as group above member. */
function randomDag(seed: number, size: number, density: number) {
  const next = random(seed);
  const nodes = Array.from({ length: size }, (_, index) => node(`role_${index}${'x'.repeat(Math.floor(next() * 14))}`));
  const edges: LayoutEdgeInput[] = [];
  for (let to = 1; to < size; to++)
    for (let from = 0; from < to; from++)
      if (next() < density / to)
        edges.push(edge((nodes[from] as LayoutNodeInput).id, (nodes[to] as LayoutNodeInput).id));
  return { nodes, edges };
}

describe('the role graph layout', () => {
  it('puts each group of a chain above its member, edges clear of other nodes', () => {
    const names = ['top', 'middle', 'lower', 'bottom'];
    const edges = names.slice(1).map((name, index) => edge(names[index] as string, name));
    const layout = layoutGraph(names.map(node), edges);
    expect(problems(layout, edges)).toEqual([]);
    const ys = names.map((name) => layout.nodes.get(name)?.y ?? 0);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
  });

  it('routes a diamond and a long edge that skips a row around the nodes in between', () => {
    const nodes = ['admins', 'readers', 'writers', 'alice', 'wide_neighbour_role_name'].map(node);
    const edges = [
      edge('admins', 'readers'),
      edge('admins', 'writers'),
      edge('readers', 'alice'),
      edge('writers', 'alice'),
      edge('admins', 'alice'),
      edge('admins', 'wide_neighbour_role_name'),
    ];
    const layout = layoutGraph(nodes, edges);
    expect(problems(layout, edges)).toEqual([]);
    // The edge that skips the middle row bends: it runs between readers and writers or beside them.
    const skip = layout.edges.find((placed) => placed.id === 'admins>alice');
    expect(skip?.points.length).toBeGreaterThan(2);
  });

  it('wraps the members of a large group into rows, readable in width, clear of every node', () => {
    const members = Array.from({ length: 40 }, (_, index) => node(`member_${String(index).padStart(4, '0')}`));
    const more = { id: 'more', width: nodeWidth('+960 more members'), height: NODE_HEIGHT };
    const nodes = [node('everyone'), ...members, more];
    const edges = [...members, more].map((member) => edge('everyone', member.id));
    const started = performance.now();
    const layout = layoutGraph(nodes, edges);
    const took = performance.now() - started;
    console.log(
      `40 members + summary: ${Math.round(layout.width)} × ${Math.round(layout.height)} px in ${took.toFixed(0)} ms`,
    );
    expect(problems(layout, edges)).toEqual([]);
    expect(layout.nodes.size).toBeLessThanOrEqual(40 + 2);
    expect(layout.width).toBeLessThanOrEqual(2_500);
    const rows = new Set([...layout.nodes.values()].map((placed) => Math.round(placed.y)));
    expect(rows.size).toBeGreaterThanOrEqual(1 + Math.ceil(41 / WRAP_COLUMNS));
    expect(took).toBeLessThan(1_000);
    // Each row reads in the order the members came in (groups first, then by name), left to right.
    const { rows: wrapped } = wrapFamilies(nodes, edges, WRAP_COLUMNS);
    expect(wrapped).toHaveLength(Math.ceil(41 / WRAP_COLUMNS));
    for (const row of wrapped) {
      const xs = row.map((id) => layout.nodes.get(id)?.x ?? 0);
      expect(xs).toEqual([...xs].sort((a, b) => a - b));
      expect(new Set(row.map((id) => Math.round(layout.nodes.get(id)?.y ?? 0))).size).toBe(1);
    }
  });

  it('wraps the groups of a role in many groups into rows above it', () => {
    const groups = Array.from({ length: 30 }, (_, index) => node(`group_${index}`));
    const nodes = [...groups, node('alice')];
    const edges = groups.map((group) => edge(group.id, 'alice'));
    const layout = layoutGraph(nodes, edges);
    expect(problems(layout, edges)).toEqual([]);
    expect(layout.width).toBeLessThanOrEqual(2_500);
  });

  it('keeps random DAGs free of overlaps and of edges under nodes, groups above members', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const { nodes, edges } = randomDag(seed, 20 + seed * 6, 1.2 + (seed % 3) * 0.6);
      const layout = layoutGraph(nodes, edges);
      expect(problems(layout, edges), `seed ${seed}`).toEqual([]);
    }
  });

  it('packs unconnected roles and small families into a block rather than one strip', () => {
    const loners = Array.from({ length: 120 }, (_, index) => node(`loner_${index}`));
    const families = Array.from({ length: 10 }, (_, index) => [`family_${index}`, `kid_${index}_a`, `kid_${index}_b`]);
    const nodes = [...loners, ...families.flat().map(node)];
    const edges = families.flatMap(([group, ...kids]) => kids.map((kid) => edge(group as string, kid)));
    const layout = layoutGraph(nodes, edges);
    expect(problems(layout, edges)).toEqual([]);
    expect(layout.width).toBeLessThan(3_000);
    expect(layout.height).toBeLessThan(3_000);
  });

  it('the checks above see an edge through a node, overlapping boxes and a member above its group', () => {
    const box = (id: string, x: number, y: number): PlacedNode => ({ id, x, y, width: 100, height: NODE_HEIGHT });
    const nodes = new Map([
      ['a', box('a', 50, 15)],
      ['b', box('b', 50, 215)],
      ['c', box('c', 60, 115)],
      ['d', box('d', 90, 120)],
    ]);
    const layout: GraphLayout = {
      nodes,
      edges: [
        {
          id: 'a>b',
          from: 'a',
          to: 'b',
          points: [
            { x: 50, y: 30 },
            { x: 50, y: 200 },
          ],
        },
      ],
      width: 200,
      height: 300,
    };
    expect(problems(layout, [edge('a', 'b'), edge('b', 'c')])).toEqual([
      'c overlaps d',
      'a>b passes through c',
      'a>b passes through d',
      'b is not above c',
    ]);
  });

  it('ignores edges to unknown nodes and repeated edges', () => {
    const layout = layoutGraph([node('a'), node('b')], [edge('a', 'b'), edge('a', 'b'), edge('a', 'ghost')]);
    expect(layout.edges.map((placed) => placed.id)).toEqual(['a>b']);
  });
});
