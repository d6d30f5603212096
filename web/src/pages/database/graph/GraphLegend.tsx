import type { JSX } from 'solid-js';

/** What the lines, boxes and badges of the role graph mean. */
export function GraphLegend(): JSX.Element {
  return (
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
          <span class="legend-node login" /> LOGIN role · <span class="legend-node group" /> group role ·{' '}
          <span class="legend-node more" /> more, not drawn · <span class="legend-badge">+3</span> neighbours not drawn
        </li>
      </ul>
      Groups above their members; arrows point from member to group. Selecting a role highlights what it inherits
      (green) and its members (blue).
    </figcaption>
  );
}

function LegendLine(props: { class: string }): JSX.Element {
  return (
    <svg class="legend-line" width="36" height="10" aria-hidden="true">
      <line class={props.class} x1="2" y1="5" x2="34" y2="5" />
    </svg>
  );
}
