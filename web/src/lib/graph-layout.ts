import dagre from '@dagrejs/dagre';

/** A box to place; `id` is any string (role names may hold any character). */
export interface LayoutNodeInput {
  id: string;
  width: number;
  height: number;
}

/** An edge from the node drawn above (a group) to the node drawn below (its member). */
export interface LayoutEdgeInput {
  id: string;
  from: string;
  to: string;
}

export interface Point {
  x: number;
  y: number;
}

/** A placed box, by its centre. */
export interface PlacedNode extends LayoutNodeInput, Point {}

export interface PlacedEdge extends LayoutEdgeInput {
  /** From the bottom of `from` to the top of `to`. */
  points: Point[];
}

export interface GraphLayout {
  nodes: Map<string, PlacedNode>;
  edges: PlacedEdge[];
  width: number;
  height: number;
}

export const NODE_HEIGHT = 30;
const CHAR_WIDTH = 7;
const NODE_PADDING = 22;
const MIN_NODE_WIDTH = 56;
/** Labels longer than this are cut with an ellipsis (the full name stays in the node's aria-label and title). */
export const MAX_LABEL_CHARS = 30;
/** Siblings laid out side by side before they wrap onto the next row. */
export const WRAP_COLUMNS = 6;
const MARGIN = 16;
const COMPONENT_GAP = 40;

/** A node's width from its label (and badge) length, the label cut at MAX_LABEL_CHARS. */
export function nodeWidth(label: string, badge = ''): number {
  const chars = Math.min(label.length, MAX_LABEL_CHARS) + (badge ? badge.length + 1 : 0);
  return Math.max(MIN_NODE_WIDTH, Math.round(chars * CHAR_WIDTH + NODE_PADDING));
}

export function shortLabel(label: string): string {
  return label.length > MAX_LABEL_CHARS ? `${label.slice(0, MAX_LABEL_CHARS - 1)}…` : label;
}

/**
 * Groups above their members, by dagre (rankdir TB). Each connected part is laid out by itself, and the parts are
 * packed in rows, so a server of many small families is a block rather than one long strip. Siblings that share
 * exactly the same relatives (the 1,000 login members of one group) are wrapped into rows of WRAP_COLUMNS; edges
 * follow dagre's routes, kept vertical wherever they cross a row of nodes, so no edge passes under a node.
 */
export function layoutGraph(
  nodes: LayoutNodeInput[],
  edges: LayoutEdgeInput[],
  columns: number = WRAP_COLUMNS,
): GraphLayout {
  const known = new Set(nodes.map((node) => node.id));
  const seen = new Set<string>();
  const kept = edges.filter((edge) => {
    const key = pairKey(edge.from, edge.to);
    if (edge.from === edge.to || !known.has(edge.from) || !known.has(edge.to) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const parts = components(nodes, kept).map((part) => layoutComponent(part.nodes, part.edges, columns));
  return pack(parts);
}

interface Component {
  nodes: LayoutNodeInput[];
  edges: LayoutEdgeInput[];
}

const pairKey = (from: string, to: string) => JSON.stringify([from, to]);

/** The connected parts, largest first (then in the order of their first node). */
function components(nodes: LayoutNodeInput[], edges: LayoutEdgeInput[]): Component[] {
  const root = new Map(nodes.map((node) => [node.id, node.id]));
  const find = (id: string): string => {
    let current = id;
    while (root.get(current) !== current) current = root.get(current) as string;
    root.set(id, current);
    return current;
  };
  for (const edge of edges) root.set(find(edge.from), find(edge.to));
  const parts = new Map<string, Component>();
  for (const node of nodes) {
    const key = find(node.id);
    const part = parts.get(key) ?? { nodes: [], edges: [] };
    part.nodes.push(node);
    parts.set(key, part);
  }
  for (const edge of edges) parts.get(find(edge.from))?.edges.push(edge);
  return [...parts.values()].sort((a, b) => b.nodes.length - a.nodes.length);
}

/** How a family of siblings is wrapped: its rows, left to right, and the invisible edges that stack them. */
export interface Wrapping {
  rows: string[][];
  chains: [string, string][];
}

/**
 * Siblings stacked into rows: a node without members whose groups are exactly those of more than `columns` others
 * goes under the sibling `columns` places before it (and symmetrically for groups without groups above one same set
 * of members, stacked upwards). Each node belongs to one such family and the extra edges only point along its list,
 * so they never make a cycle. Chaining into ranks, rather than placing a grid by hand, keeps dagre in charge of
 * routing: the edges to lower rows run between the nodes of the rows above. The rows keep the order the nodes came
 * in (groups first, then by name), left to right, as dagre's ordering constraints.
 */
export function wrapFamilies(nodes: LayoutNodeInput[], edges: LayoutEdgeInput[], columns: number): Wrapping {
  const groups = new Map<string, string[]>();
  const members = new Map<string, string[]>();
  for (const edge of edges) {
    push(members, edge.from, edge.to);
    push(groups, edge.to, edge.from);
  }
  const signature = (names: string[]) => JSON.stringify([...names].sort());
  const leaves = new Map<string, string[]>();
  const tops = new Map<string, string[]>();
  for (const node of nodes) {
    const above = groups.get(node.id) ?? [];
    const below = members.get(node.id) ?? [];
    if (above.length > 0 && below.length === 0) push(leaves, signature(above), node.id);
    else if (above.length === 0 && below.length > 0) push(tops, signature(below), node.id);
  }
  const wrapping: Wrapping = { rows: [], chains: [] };
  for (const [families, downwards] of [
    [leaves, true],
    [tops, false],
  ] as const)
    for (const family of families.values()) {
      if (family.length <= columns) continue;
      for (let start = 0; start < family.length; start += columns)
        wrapping.rows.push(family.slice(start, start + columns));
      for (let index = columns; index < family.length; index++) {
        const [earlier, later] = [family[index - columns] as string, family[index] as string];
        wrapping.chains.push(downwards ? [earlier, later] : [later, earlier]);
      }
    }
  return wrapping;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function layoutComponent(nodes: LayoutNodeInput[], edges: LayoutEdgeInput[], columns: number): GraphLayout {
  const only = nodes[0];
  if (nodes.length === 1 && only) {
    const placed = { ...only, x: only.width / 2, y: only.height / 2 };
    return { nodes: new Map([[only.id, placed]]), edges: [], width: only.width, height: only.height };
  }
  const graph = new dagre.graphlib.Graph<object, { width: number; height: number; x?: number; y?: number }>();
  graph.setGraph({ rankdir: 'TB', nodesep: 22, edgesep: 8, ranksep: 56, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) graph.setNode(node.id, { width: node.width, height: node.height });
  for (const edge of edges) graph.setEdge(edge.from, edge.to, {});
  const wrapping = wrapFamilies(nodes, edges, columns);
  for (const [from, to] of wrapping.chains) if (!graph.hasEdge(from, to)) graph.setEdge(from, to, { weight: 2 });
  const constraints = wrapping.rows.flatMap((row) =>
    row.slice(1).map((right, index) => ({ left: row[index] as string, right })),
  );
  dagre.layout(graph, { constraints });
  const placed = new Map<string, PlacedNode>();
  for (const node of nodes) {
    const label = graph.node(node.id);
    placed.set(node.id, { ...node, x: label.x ?? 0, y: label.y ?? 0 });
  }
  const bands = rowBands([...placed.values()]);
  const routed = edges.map((edge) => {
    const route = (graph.edge(edge.from, edge.to) as { points?: Point[] }).points ?? [];
    return {
      ...edge,
      points: routeEdge(placed.get(edge.from) as PlacedNode, placed.get(edge.to) as PlacedNode, route, bands),
    };
  });
  return normalise(placed, routed);
}

interface Band {
  top: number;
  bottom: number;
}

/** The horizontal strips that hold nodes (one per dagre rank that has any). */
function rowBands(nodes: PlacedNode[]): Band[] {
  const bands: Band[] = [];
  for (const node of [...nodes].sort((a, b) => a.y - a.height / 2 - (b.y - b.height / 2))) {
    const top = node.y - node.height / 2;
    const bottom = node.y + node.height / 2;
    const last = bands[bands.length - 1];
    if (last && top <= last.bottom) last.bottom = Math.max(last.bottom, bottom);
    else bands.push({ top, bottom });
  }
  return bands;
}

/**
 * Dagre's route, made safe: it leaves the group's bottom and enters the member's top (dagre may cut through a box's
 * side, and so across its neighbour in the same row), and every bend dagre put inside a row of nodes (a slot it kept
 * free between them) becomes a vertical run through the whole row. Between rows there are no nodes at all.
 */
export function routeEdge(from: PlacedNode, to: PlacedNode, route: Point[], bands: Band[]): Point[] {
  const inner = route.slice(1, -1);
  const first = inner[0] ?? to;
  const last = inner[inner.length - 1] ?? from;
  const points: Point[] = [{ x: within(first.x, from), y: from.y + from.height / 2 }];
  for (const point of inner) {
    const band = bands.find((candidate) => point.y >= candidate.top && point.y <= candidate.bottom);
    if (band) points.push({ x: point.x, y: band.top }, { x: point.x, y: band.bottom });
    else points.push(point);
  }
  points.push({ x: within(last.x, to), y: to.y - to.height / 2 });
  return points;
}

/** An x on the node's flat bottom or top, away from its rounded corners. */
function within(x: number, node: PlacedNode): number {
  const inset = Math.min(10, node.width / 4);
  return Math.min(node.x + node.width / 2 - inset, Math.max(node.x - node.width / 2 + inset, x));
}

/** Moved so that everything (boxes and routes) starts at 0, 0. */
function normalise(nodes: Map<string, PlacedNode>, edges: PlacedEdge[]): GraphLayout {
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const node of nodes.values()) {
    left = Math.min(left, node.x - node.width / 2);
    right = Math.max(right, node.x + node.width / 2);
    top = Math.min(top, node.y - node.height / 2);
    bottom = Math.max(bottom, node.y + node.height / 2);
  }
  for (const point of edges.flatMap((edge) => edge.points)) {
    left = Math.min(left, point.x);
    right = Math.max(right, point.x);
  }
  return shift({ nodes, edges, width: right - left, height: bottom - top }, -left, -top);
}

function shift(layout: GraphLayout, dx: number, dy: number): GraphLayout {
  const nodes = new Map<string, PlacedNode>();
  for (const [id, node] of layout.nodes) nodes.set(id, { ...node, x: node.x + dx, y: node.y + dy });
  const edges = layout.edges.map((edge) => ({
    ...edge,
    points: edge.points.map((point) => ({ x: point.x + dx, y: point.y + dy })),
  }));
  return { ...layout, nodes, edges };
}

/** The parts in rows ("shelves") about as wide as the widest part, or as the square the parts would fill. */
function pack(parts: GraphLayout[]): GraphLayout {
  const area = parts.reduce((sum, part) => sum + (part.width + COMPONENT_GAP) * (part.height + COMPONENT_GAP), 0);
  const shelf = Math.max(...parts.map((part) => part.width), Math.sqrt(area) * 1.4, 0);
  const nodes = new Map<string, PlacedNode>();
  const edges: PlacedEdge[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  for (const part of parts) {
    if (x > 0 && x + part.width > shelf) {
      x = 0;
      y += rowHeight + COMPONENT_GAP;
      rowHeight = 0;
    }
    const moved = shift(part, x + MARGIN, y + MARGIN);
    for (const [id, node] of moved.nodes) nodes.set(id, node);
    edges.push(...moved.edges);
    width = Math.max(width, x + part.width);
    rowHeight = Math.max(rowHeight, part.height);
    x += part.width + COMPONENT_GAP;
  }
  return { nodes, edges, width: width + 2 * MARGIN, height: y + rowHeight + 2 * MARGIN };
}
