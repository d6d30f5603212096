import { createMemo, createSignal, For, type JSX } from 'solid-js';

export interface GraphRole {
  name: string;
  canLogin: boolean;
  isSuperuser: boolean;
}

export interface GraphEdge {
  role: string;
  member: string;
  admin: boolean;
  inherit: boolean;
  set: boolean;
}

const ROW = 90;
const COLUMN = 130;

/** Groups above their members: a node's row is the length of the longest chain of groups above it. */
function layout(roles: GraphRole[], edges: GraphEdge[]): Map<string, { x: number; y: number }> {
  const parents = new Map<string, string[]>();
  for (const edge of edges) parents.set(edge.member, [...(parents.get(edge.member) ?? []), edge.role]);
  const depth = new Map<string, number>();
  const depthOf = (name: string, seen: Set<string>): number => {
    const known = depth.get(name);
    if (known !== undefined) return known;
    if (seen.has(name)) return 0;
    seen.add(name);
    const value = Math.max(-1, ...(parents.get(name) ?? []).map((parent) => depthOf(parent, seen))) + 1;
    depth.set(name, value);
    return value;
  };
  const rows = new Map<number, string[]>();
  for (const role of roles) {
    const level = depthOf(role.name, new Set());
    rows.set(level, [...(rows.get(level) ?? []), role.name]);
  }
  const positions = new Map<string, { x: number; y: number }>();
  for (const [level, names] of rows) {
    for (const [index, name] of names.entries()) positions.set(name, { x: 70 + index * COLUMN, y: 50 + level * ROW });
  }
  return positions;
}

function reach(start: string, next: (name: string) => string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    for (const other of next(name)) {
      if (!seen.has(other)) {
        seen.add(other);
        queue.push(other);
      }
    }
  }
  return seen;
}

/** The membership graph: drag to pan, wheel to zoom, click a role to light up what it inherits and who its members are. */
export function RoleGraph(props: {
  roles: GraphRole[];
  edges: GraphEdge[];
  onSelect?: (name: string) => void;
}): JSX.Element {
  const positions = createMemo(() => layout(props.roles, props.edges));
  const [selected, setSelected] = createSignal<string | null>(null);
  const [view, setView] = createSignal({ x: 0, y: 0, scale: 1 });
  let drag: { x: number; y: number } | null = null;

  const inherited = createMemo(() => {
    const name = selected();
    if (!name) return new Set<string>();
    return reach(name, (member) =>
      props.edges.filter((edge) => edge.member === member && edge.inherit).map((edge) => edge.role),
    );
  });
  const members = createMemo(() => {
    const name = selected();
    if (!name) return new Set<string>();
    return reach(name, (role) => props.edges.filter((edge) => edge.role === role).map((edge) => edge.member));
  });
  const width = () => Math.max(600, ...[...positions().values()].map((point) => point.x + 90));
  const height = () => Math.max(240, ...[...positions().values()].map((point) => point.y + 60));
  const classOf = (name: string) =>
    name === selected()
      ? 'selected'
      : inherited().has(name)
        ? 'inherited'
        : members().has(name)
          ? 'member'
          : selected()
            ? 'dim'
            : '';

  return (
    <figure class="role-graph">
      <svg
        role="img"
        aria-label="Role membership graph"
        data-testid="role-graph"
        viewBox={`0 0 ${width()} ${height()}`}
        onWheel={(event) => {
          event.preventDefault();
          setView((current) => ({
            ...current,
            scale: Math.min(3, Math.max(0.3, current.scale * (event.deltaY < 0 ? 1.1 : 0.9))),
          }));
        }}
        onPointerDown={(event) => {
          drag = { x: event.clientX, y: event.clientY };
        }}
        onPointerMove={(event) => {
          if (!drag) return;
          const dx = event.clientX - drag.x;
          const dy = event.clientY - drag.y;
          drag = { x: event.clientX, y: event.clientY };
          setView((current) => ({ ...current, x: current.x + dx, y: current.y + dy }));
        }}
        onPointerUp={() => {
          drag = null;
        }}
      >
        <defs>
          <marker
            id="arrow"
            viewBox="0 0 10 10"
            refX="10"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" />
          </marker>
        </defs>
        <g transform={`translate(${view().x} ${view().y}) scale(${view().scale})`}>
          <For each={props.edges}>
            {(edge) => {
              const from = () => positions().get(edge.member);
              const to = () => positions().get(edge.role);
              return (
                <line
                  class={`edge ${edge.admin ? 'admin' : ''} ${edge.inherit ? 'inherit' : 'noinherit'} ${edge.set ? '' : 'noset'}`}
                  x1={from()?.x}
                  y1={(from()?.y ?? 0) - 14}
                  x2={to()?.x}
                  y2={(to()?.y ?? 0) + 14}
                  marker-end="url(#arrow)"
                >
                  <title>{`${edge.member} → ${edge.role}${edge.admin ? ', ADMIN' : ''}${edge.inherit ? ', INHERIT' : ', no inherit'}${edge.set ? ', SET' : ', no SET'}`}</title>
                </line>
              );
            }}
          </For>
          <For each={props.roles}>
            {(role) => (
              // biome-ignore lint/a11y/useSemanticElements: an SVG node cannot be a <button>; it takes focus and Enter like one.
              <g
                class={`node ${classOf(role.name)} ${role.canLogin ? 'login' : 'group'}`}
                transform={`translate(${positions().get(role.name)?.x ?? 0} ${positions().get(role.name)?.y ?? 0})`}
                tabindex="0"
                role="button"
                aria-label={`Role ${role.name}`}
                data-role={role.name}
                onClick={() => {
                  setSelected(role.name === selected() ? null : role.name);
                  props.onSelect?.(role.name);
                }}
                onKeyDown={(event) => event.key === 'Enter' && setSelected(role.name)}
              >
                <rect x="-58" y="-14" width="116" height="28" rx={role.canLogin ? 14 : 4} />
                <text text-anchor="middle" dy="4">
                  {role.name.length > 16 ? `${role.name.slice(0, 15)}…` : role.name}
                </text>
              </g>
            )}
          </For>
        </g>
      </svg>
      <figcaption>
        Arrows point from member to group. Solid: INHERIT · dashed: no INHERIT · thick: ADMIN · faint: no SET · rounded:
        LOGIN role. Click a role to highlight what it inherits (green) and its members (blue).
      </figcaption>
    </figure>
  );
}
