import { type JSX, Show } from 'solid-js';
import { NODE_HEIGHT, type PlacedNode, shortLabel } from '../../../lib/graph-layout';
import { formatCount } from '../../../lib/numbers';
import { hiddenText, MAX_PER_ROLE, PER_ROLE, type ViewNode } from '../../../lib/role-graph';
import { badgeOf, labelOf } from './state';

/** One box: a role (a button that selects it) or a "+N more" (a button that draws the next page). */
export function GraphNode(props: {
  node: ViewNode;
  box: PlacedNode | undefined;
  class: string;
  pressed: boolean;
  canShowMore: boolean;
  ref: (element: SVGGElement) => void;
  onActivate: () => void;
  onExpand: () => void;
}): JSX.Element {
  const node = props.node;
  const badge = badgeOf(node);
  const hidden = node.kind === 'role' ? hiddenText(node.hiddenMembers, node.hiddenGroups) : '';
  const width = () => props.box?.width ?? 0;
  const label =
    node.kind === 'role'
      ? `Role ${node.id}${node.role.canLogin ? '' : ' (group)'}${hidden ? `, ${hidden} not drawn` : ''}`
      : `Show more ${node.kind === 'more-members' ? 'members' : 'groups'} of ${node.owner}: ${formatCount(node.hidden)} not drawn`;
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG node cannot be a <button>; it takes focus, Enter and Space like one.
    <g
      ref={props.ref}
      class={props.class}
      transform={`translate(${props.box?.x ?? 0} ${props.box?.y ?? 0})`}
      tabindex="0"
      role="button"
      aria-label={label}
      aria-pressed={node.kind === 'role' ? props.pressed : undefined}
      aria-disabled={node.kind !== 'role' && !props.canShowMore ? 'true' : undefined}
      data-node-id={node.id}
      data-role={node.kind === 'role' ? node.id : undefined}
      data-more-of={node.kind === 'role' ? undefined : node.owner}
      data-more-kind={node.kind === 'role' ? undefined : node.kind}
      onClick={() => props.onActivate()}
      onDblClick={() => props.onExpand()}
      onKeyDown={(event) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        // Space would scroll the page; Enter must not reach a form.
        event.preventDefault();
        props.onActivate();
      }}
    >
      <title>
        {node.kind === 'role'
          ? `${node.id}${hidden ? ` (${hidden} not drawn: double-click to expand)` : ''}`
          : props.canShowMore
            ? `Draw ${PER_ROLE} more`
            : `At most ${MAX_PER_ROLE} are drawn: find the others in the list of roles`}
      </title>
      <rect
        x={-width() / 2}
        y={-NODE_HEIGHT / 2}
        width={width()}
        height={NODE_HEIGHT}
        rx={node.kind === 'role' && node.role.canLogin ? NODE_HEIGHT / 2 : 4}
      />
      <text text-anchor="middle" dy="4" x={badge ? -(badge.length * 3.5 + 2) : 0}>
        {shortLabel(labelOf(node))}
      </text>
      <Show when={badge}>
        <text class="badge" text-anchor="end" dy="4" x={width() / 2 - 8}>
          {badge}
        </text>
      </Show>
    </g>
  );
}
