import { createSignal, For, type JSX, Show } from 'solid-js';
import { graphql } from '../gql';
import type { ImpactPreviewFieldsFragment } from '../gql/graphql';
import {
  calloutText,
  changesAccess,
  impactHeadline,
  memberChangeText,
  membershipGroupText,
  moreText,
  privilegeGroupText,
  roleChangeText,
  truncatedText,
} from '../lib/impact-text';

/**
 * Who gains and who loses what, as a preview returns it (issue 16). The lists take the API's own page sizes (50 groups,
 * 100 roles in each): its cost limit multiplies every nested literal `first`, which no useful size here fits under.
 * The counts are exact, so a change that touches thousands of roles still reads "… and 900 more roles".
 */
graphql(`
  fragment ImpactPreviewFields on AccessImpact {
    roleCount collaboratorCount privilegeGroupCount truncated comparedPairs
    privilegeGroups {
      direction privilege grantOptionOnly roleCount collaboratorCount collaborators inheritorCount
      object { kind label }
      roles { role collaborators sources { kind path grantor } }
    }
    membershipGroups {
      direction role roleCount collaboratorCount collaborators heldObjectCount
      members { role collaborators path }
    }
    callouts { code role collaborators message }
  }
`);

type Impact = ImpactPreviewFieldsFragment;

/**
 * Before Apply: what the previewed change does to people's access. Callouts first (the viewer losing access, a
 * collaborator losing all of it), then one line per group, each opening onto its roles with their collaborators and
 * the membership path they hold (or will hold) it by. Nothing until there is a preview; a note when the server could
 * not compute the impact.
 */
export function ImpactPreview(props: { preview: { impact?: Impact | null } | null | undefined | false }): JSX.Element {
  return (
    <Show when={props.preview}>
      {(preview) => (
        <Show
          when={preview().impact}
          fallback={
            <p class="muted impact" data-testid="impact">
              The impact on access could not be worked out for this change.
            </p>
          }
        >
          {(impact) => <ImpactGroups impact={impact()} />}
        </Show>
      )}
    </Show>
  );
}

function ImpactGroups(props: { impact: Impact }): JSX.Element {
  return (
    <section class="impact" data-testid="impact" aria-label="Impact on access">
      <h3>Impact on access</h3>
      <For each={props.impact.callouts}>
        {(callout) => (
          <p class="callout" role="alert" data-code={callout.code}>
            ⚠ {calloutText(callout, props.impact)}
          </p>
        )}
      </For>
      <p class={changesAccess(props.impact) ? 'impact-headline' : 'muted'}>{impactHeadline(props.impact)}</p>
      <Show when={truncatedText(props.impact)}>
        {(note) => (
          <p class="muted impact-truncated" data-testid="impact-truncated">
            {note()}
          </p>
        )}
      </Show>
      <ul class="impact-groups">
        <For each={props.impact.membershipGroups}>
          {(group) => (
            <ImpactGroup
              direction={group.direction}
              text={membershipGroupText(group)}
              lines={group.members.map(memberChangeText)}
              more={moreText(group.members.length, group.roleCount, 'role')}
            />
          )}
        </For>
        <For each={props.impact.privilegeGroups}>
          {(group) => (
            <ImpactGroup
              direction={group.direction}
              text={privilegeGroupText(group)}
              lines={group.roles.map(roleChangeText)}
              more={moreText(group.roles.length, group.roleCount, 'role')}
            />
          )}
        </For>
      </ul>
      <Show when={moreText(props.impact.privilegeGroups.length, props.impact.privilegeGroupCount, 'privilege change')}>
        {(more) => <p class="muted">{more()}</p>}
      </Show>
    </section>
  );
}

/** One group's line, opening onto its roles (those listed, then how many more): built only once opened. */
function ImpactGroup(props: { direction: string; text: string; lines: string[]; more: string }): JSX.Element {
  const [open, setOpen] = createSignal(false);
  return (
    <li class="impact-group" data-direction={props.direction}>
      <details onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>
          <span class="impact-sign" aria-hidden="true">
            {props.direction === 'LOSS' ? '−' : '+'}
          </span>{' '}
          {props.text}
        </summary>
        <Show when={open()}>
          <ul class="impact-roles">
            <For each={props.lines}>{(line) => <li>{line}</li>}</For>
            <Show when={props.more}>
              <li class="muted">{props.more}</li>
            </Show>
          </ul>
        </Show>
      </details>
    </li>
  );
}
