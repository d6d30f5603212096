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

const PAN_STEP = 40;
const ZOOM_STEP = 1.2;
const HOME = { x: 0, y: 0, scale: 1 };

const clampScale = (scale: number) => Math.min(3, Math.max(0.3, scale));

function edgeClass(edge: GraphEdge): string {
  return ['edge', edge.admin ? 'admin' : '', edge.inherit ? 'inherit' : 'noinherit', edge.set ? '' : 'noset']
    .filter(Boolean)
    .join(' ');
}

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [PAN_STEP, 0],
  ArrowRight: [-PAN_STEP, 0],
  ArrowUp: [0, PAN_STEP],
  ArrowDown: [0, -PAN_STEP],
};

/**
 * The membership graph: drag or arrow keys to pan, wheel or the buttons to zoom; click a role, or Tab to it and press
 * Enter or Space, to light up what it inherits and who its members are.
 */
export function RoleGraph(props: {
  roles: GraphRole[];
  edges: GraphEdge[];
  onSelect?: (name: string) => void;
}): JSX.Element {
  const positions = createMemo(() => layout(props.roles, props.edges));
  const [selected, setSelected] = createSignal<string | null>(null);
  const [view, setView] = createSignal(HOME);
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
  const select = (name: string, toggle: boolean) => {
    setSelected(toggle && name === selected() ? null : name);
    props.onSelect?.(name);
  };
  const zoom = (factor: number) => setView((current) => ({ ...current, scale: clampScale(current.scale * factor) }));
  const pan = (dx: number, dy: number) => setView((current) => ({ ...current, x: current.x + dx, y: current.y + dy }));
  const onKeyDown = (event: KeyboardEvent) => {
    const step = ARROWS[event.key];
    if (step) {
      event.preventDefault();
      pan(...step);
    } else if (event.key === '+' || event.key === '=') zoom(ZOOM_STEP);
    else if (event.key === '-') zoom(1 / ZOOM_STEP);
    else if (event.key === '0') setView(HOME);
  };

  return (
    <figure class="role-graph">
      <div class="graph-controls" role="toolbar" aria-label="Graph view">
        <button type="button" class="small" aria-label="Zoom in" onClick={() => zoom(ZOOM_STEP)}>
          +
        </button>
        <button type="button" class="small" aria-label="Zoom out" onClick={() => zoom(1 / ZOOM_STEP)}>
          −
        </button>
        <button type="button" class="small" onClick={() => setView(HOME)}>
          Reset view
        </button>
        <span class="muted" id="role-graph-help">
          Tab to a role, Enter or Space to select it; arrow keys pan, + and − zoom.
        </span>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset>; role="img" would hide its role buttons from assistive technology. */}
      <svg
        role="group"
        aria-label="Role membership graph"
        aria-describedby="role-graph-help"
        data-testid="role-graph"
        viewBox={`0 0 ${width()} ${height()}`}
        onKeyDown={onKeyDown}
        onWheel={(event) => {
          event.preventDefault();
          zoom(event.deltaY < 0 ? 1.1 : 0.9);
        }}
        onPointerDown={(event) => {
          drag = { x: event.clientX, y: event.clientY };
        }}
        onPointerMove={(event) => {
          if (!drag) return;
          const dx = event.clientX - drag.x;
          const dy = event.clientY - drag.y;
          drag = { x: event.clientX, y: event.clientY };
          pan(dx, dy);
        }}
        onPointerUp={() => {
          drag = null;
        }}
        onPointerLeave={() => {
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
        <g data-testid="graph-viewport" transform={`translate(${view().x} ${view().y}) scale(${view().scale})`}>
          <For each={props.edges}>
            {(edge) => {
              const from = () => positions().get(edge.member);
              const to = () => positions().get(edge.role);
              return (
                <line
                  class={edgeClass(edge)}
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
              // biome-ignore lint/a11y/useSemanticElements: an SVG node cannot be a <button>; it takes focus, Enter and Space like one.
              <g
                class={`node ${classOf(role.name)} ${role.canLogin ? 'login' : 'group'}`}
                transform={`translate(${positions().get(role.name)?.x ?? 0} ${positions().get(role.name)?.y ?? 0})`}
                tabindex="0"
                role="button"
                aria-label={`Role ${role.name}`}
                aria-pressed={role.name === selected()}
                data-role={role.name}
                onClick={() => select(role.name, true)}
                onKeyDown={(event) => {
                  if (event.key !== 'Enter' && event.key !== ' ') return;
                  // Space would scroll the page; Enter must not reach a form.
                  event.preventDefault();
                  select(role.name, false);
                }}
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
        <ul class="graph-legend" aria-label="Legend">
          <li>
            <LegendLine class="edge inherit" /> INHERIT: the member has the group's privileges
          </li>
          <li>
            <LegendLine class="edge noinherit" /> no INHERIT: only through SET ROLE
          </li>
          <li>
            <LegendLine class="edge admin inherit" /> ADMIN: may grant the group to others
          </li>
          <li>
            <LegendLine class="edge inherit noset" /> no SET: may not SET ROLE to it
          </li>
          <li>
            <span class="legend-node login" /> LOGIN role · <span class="legend-node group" /> group role
          </li>
        </ul>
        Arrows point from member to group. Selecting a role highlights what it inherits (green) and its members (blue).
      </figcaption>
    </figure>
  );
}

function LegendLine(props: { class: string }): JSX.Element {
  return (
    <svg class="legend-line" width="36" height="10" aria-hidden="true">
      <line class={props.class} x1="2" y1="5" x2="34" y2="5" />
    </svg>
  );
}
