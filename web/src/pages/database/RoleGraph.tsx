import { createEffect, createMemo, createSignal, For, type JSX, on, onCleanup, Show } from 'solid-js';
import { ErrorText } from '../../components/ErrorText';
import { type Point, shortLabel } from '../../lib/graph-layout';
import { formatCount } from '../../lib/numbers';
import {
  type GraphMembership,
  hasMoreToShow,
  inheritedBy,
  MAX_PER_ROLE,
  membersBelow,
  type RoleGraph as RoleGraphData,
  shownGroups,
  shownMembers,
  type ViewNode,
} from '../../lib/role-graph';
import { GraphLegend } from './graph/GraphLegend';
import { GraphNode } from './graph/GraphNode';
import { createRoleGraphState } from './graph/state';

const PAN_STEP = 40;
const ZOOM_STEP = 1.2;
const HOME = { x: 0, y: 0, scale: 1 };
const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [PAN_STEP, 0],
  ArrowRight: [-PAN_STEP, 0],
  ArrowUp: [0, PAN_STEP],
  ArrowDown: [0, -PAN_STEP],
};
const clampScale = (scale: number) => Math.min(3, Math.max(0.2, scale));
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

function edgeClass(edge: GraphMembership | undefined): string {
  if (!edge) return 'edge more';
  return ['edge', edge.admin ? 'admin' : '', edge.inherit ? 'inherit' : 'noinherit', edge.set ? '' : 'noset']
    .filter(Boolean)
    .join(' ');
}

const edgeTitle = (edge: GraphMembership) =>
  `${edge.member} → ${edge.role}${edge.admin ? ', ADMIN' : ''}${edge.inherit ? ', INHERIT' : ', no inherit'}${edge.set ? ', SET' : ', no SET'}`;

/** From member to group, the way the arrows point. */
const polyline = (points: Point[]) =>
  [...points]
    .reverse()
    .map((point) => `${point.x.toFixed(1)},${point.y.toFixed(1)}`)
    .join(' ');

/** A "+N more" node asks for the next page unless its role already shows MAX_PER_ROLE of them. */
function canShowMore(graph: RoleGraphData, node: ViewNode): boolean {
  if (node.kind === 'role') return false;
  const shown = node.kind === 'more-members' ? shownMembers(graph, node.owner) : shownGroups(graph, node.owner);
  return shown < MAX_PER_ROLE;
}

/**
 * The membership graph around one role (`role`, else the viewer's role): its groups above and members below, laid out
 * by dagre, a role with many members showing PER_ROLE of them and "+N more", any node expandable (double-click, or
 * Expand); the whole server on request, when it is small enough to read. Drag or arrow keys pan, wheel or the buttons
 * zoom; click a role, or Tab to it and press Enter or Space, to select it (`onSelect`) and light up what it inherits and
 * who its members are. `version` changes on a live update: every part shown is read again.
 */
export function RoleGraph(props: {
  databaseId: string;
  version: number;
  role: string | null;
  onSelect: (name: string) => void;
}): JSX.Element {
  const state = createRoleGraphState({
    databaseId: () => props.databaseId,
    version: () => props.version,
    role: () => props.role,
  });
  const { graph, selected } = state;
  const layout = () => state.drawn().layout;
  const nodes = () => state.drawn().nodes;
  const edgeById = createMemo(() => new Map(state.drawn().edges.map((edge) => [edge.id, edge])));
  const nodeById = createMemo(() => new Map(nodes().map((node) => [node.id, node])));

  const [view, setView] = createSignal(HOME);
  const [focusOn, setFocusOn] = createSignal<string | null>(null);
  const [findText, setFindText] = createSignal('');
  const [findIndex, setFindIndex] = createSignal(0);
  const [frame, setFrame] = createSignal({ width: 800, height: 400 });
  const nodeElements = new Map<string, SVGGElement>();
  let lastFocused: string | null = null;

  // A new centre is shown from its home view.
  createEffect(
    on(state.center, (name) => {
      setFocusOn(name);
      setView(HOME);
    }),
  );
  // Nodes are drawn anew when the graph changes: the one that had the keyboard focus gets it back.
  createEffect(
    on(nodes, () => {
      if (lastFocused === null || (document.activeElement && document.activeElement !== document.body)) return;
      nodeElements.get(lastFocused)?.focus();
    }),
  );

  const inherited = createMemo(() => {
    const name = selected();
    return name ? inheritedBy(graph(), name) : new Set<string>();
  });
  const members = createMemo(() => {
    const name = selected();
    return name ? membersBelow(graph(), name) : new Set<string>();
  });
  const matches = createMemo(() => {
    const text = findText().trim().toLowerCase();
    if (!text) return [];
    return nodes().filter((node) => node.kind === 'role' && node.id.toLowerCase().includes(text));
  });
  const found = createMemo(() => new Set(matches().map((node) => node.id)));

  const classOf = (node: ViewNode) => {
    if (node.kind !== 'role') return `node more${canShowMore(graph(), node) ? '' : ' exhausted'}`;
    const name = node.id;
    const highlight =
      name === selected()
        ? 'selected'
        : inherited().has(name)
          ? 'inherited'
          : members().has(name)
            ? 'member'
            : nodeById().has(selected() ?? '')
              ? 'dim'
              : '';
    return ['node', highlight, node.role.canLogin ? 'login' : 'group', found().has(name) ? 'found' : '']
      .filter(Boolean)
      .join(' ');
  };

  // Selecting is not a toggle: the page keeps the selection (the Roles list and Explain show it too).
  const select = (name: string) => {
    state.setSelected(name);
    props.onSelect(name);
  };
  const activate = (node: ViewNode) => {
    if (node.kind === 'role') select(node.id);
    else if (canShowMore(graph(), node)) state.expand(node.owner);
  };
  const selectedRole = () => {
    const node = nodeById().get(selected() ?? '');
    return node?.kind === 'role' ? node.id : null;
  };
  const canExpand = () => {
    const name = selectedRole();
    return name !== null && !state.wholeServer() && hasMoreToShow(graph(), name);
  };

  // The point of the drawing in the middle of the frame: the role in focus, moved so the drawing fills the frame.
  const focusPoint = createMemo(() => {
    const drawing = layout();
    const node = drawing.nodes.get(focusOn() ?? '') ?? drawing.nodes.get(state.center() ?? '');
    const { width, height } = frame();
    const along = (size: number, room: number, at: number | undefined) =>
      size <= room ? size / 2 : clamp(at ?? size / 2, room / 2, size - room / 2);
    return { x: along(drawing.width, width, node?.x), y: along(drawing.height, height, node?.y) };
  });

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
  /** Brings the next role matching "Find in graph" to the middle of the frame and gives it the focus. */
  const findNext = () => {
    const list = matches();
    if (list.length === 0) return;
    const index = findIndex() % list.length;
    const node = list[index] as ViewNode;
    setFindIndex(index + 1);
    setFocusOn(node.id);
    setView(HOME);
    nodeElements.get(node.id)?.focus();
  };

  /** A node reached by Tab outside the frame comes to its middle, at the same zoom. */
  const showIfOutside = (id: string) => {
    const box = layout().nodes.get(id);
    if (!box) return;
    const { width, height } = frame();
    const { x, y, scale } = view();
    const screenX = (box.x - focusPoint().x) * scale + x + width / 2;
    const screenY = (box.y - focusPoint().y) * scale + y + height / 2;
    const margin = (box.width / 2) * scale;
    if (screenX - margin >= 0 && screenX + margin <= width && screenY >= 0 && screenY <= height) return;
    setFocusOn(id);
    setView({ ...HOME, scale });
  };

  let drag: { x: number; y: number } | null = null;
  const observer = new ResizeObserver(([entry]) => {
    if (entry) setFrame({ width: entry.contentRect.width, height: entry.contentRect.height });
  });
  onCleanup(() => observer.disconnect());

  return (
    <figure class="role-graph" aria-busy={state.loading()}>
      <div class="graph-controls" role="toolbar" aria-label="Graph view">
        <input
          type="search"
          aria-label="Find in graph"
          placeholder="Find in graph…"
          value={findText()}
          onInput={(event) => {
            setFindText(event.currentTarget.value);
            setFindIndex(0);
          }}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            findNext();
          }}
        />
        <Show when={findText().trim()}>
          <span class="muted" role="status" data-testid="graph-find-status">
            {matches().length === 0
              ? 'not in the graph'
              : `${matches().length} found${matches().length > 1 ? ', Enter for the next' : ''}`}
          </span>
        </Show>
        <button type="button" class="small" aria-pressed={state.wholeServer()} onClick={state.toggleWholeServer}>
          Whole server
        </button>
        <button
          type="button"
          class="small"
          disabled={!canExpand()}
          onClick={() => {
            const name = selectedRole();
            if (name) state.expand(name);
          }}
        >
          {selectedRole() ? `Expand ${shortLabel(selectedRole() ?? '')}` : 'Expand'}
        </button>
        <button
          type="button"
          class="small"
          disabled={selectedRole() === null || (selectedRole() === state.center() && !state.wholeServer())}
          onClick={() => {
            const name = selectedRole();
            if (name) state.showNeighbourhood(name);
          }}
        >
          Centre here
        </button>
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
          Tab to a role, Enter or Space to select it; double-click it or Expand to draw its neighbours; arrow keys pan,
          + and − zoom.
        </span>
      </div>
      <Show when={state.refusal()}>
        <p class="notice" role="status" data-testid="whole-server-refusal">
          {state.refusal()}
        </p>
      </Show>
      <ErrorText error={state.error()} />
      <p class="muted graph-summary" id="role-graph-summary" data-testid="graph-summary">
        {summaryText(graph(), state.center(), state.wholeServer(), state.loading())}
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset>; role="img" would hide its role buttons from assistive technology. */}
      <svg
        ref={(element) => observer.observe(element)}
        role="group"
        aria-label="Role membership graph"
        aria-describedby="role-graph-summary role-graph-help"
        data-testid="role-graph"
        style={{ height: `${clamp(layout().height + 40, 200, 640)}px` }}
        viewBox={`0 0 ${frame().width} ${frame().height}`}
        onKeyDown={onKeyDown}
        onFocusIn={(event) => {
          lastFocused = (event.target as Element).getAttribute('data-node-id');
          if (lastFocused !== null) showIfOutside(lastFocused);
        }}
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
        <g transform={`translate(${frame().width / 2} ${frame().height / 2})`}>
          <g data-testid="graph-viewport" transform={`translate(${view().x} ${view().y}) scale(${view().scale})`}>
            <g transform={`translate(${-focusPoint().x} ${-focusPoint().y})`}>
              <For each={layout().edges}>
                {(placed) => {
                  const edge = edgeById().get(placed.id)?.membership;
                  return (
                    <polyline
                      class={edgeClass(edge)}
                      points={polyline(placed.points)}
                      marker-end={edge ? 'url(#arrow)' : undefined}
                      data-group={edge?.role}
                      data-member={edge?.member}
                    >
                      {edge ? <title>{edgeTitle(edge)}</title> : null}
                    </polyline>
                  );
                }}
              </For>
              <For each={nodes()}>
                {(node) => (
                  <GraphNode
                    node={node}
                    box={layout().nodes.get(node.id)}
                    class={classOf(node)}
                    pressed={node.id === selected()}
                    canShowMore={canShowMore(graph(), node)}
                    ref={(element) => nodeElements.set(node.id, element)}
                    onActivate={() => activate(node)}
                    onExpand={() => node.kind === 'role' && !state.wholeServer() && state.expand(node.id)}
                  />
                )}
              </For>
            </g>
          </g>
        </g>
      </svg>
      <GraphLegend />
    </figure>
  );
}

function summaryText(graph: RoleGraphData, center: string | null, whole: boolean, loading: boolean): string {
  const count = graph.roles.size;
  const roles = `${formatCount(count)} role${count === 1 ? '' : 's'}`;
  if (whole) return `The whole server: ${roles}.`;
  if (center === null) return loading ? 'Loading the graph…' : '';
  if (count === 0) return `Loading the graph of ${center}…`;
  return `The neighbourhood of ${center}: ${roles} drawn.`;
}
