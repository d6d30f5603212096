import { For, type JSX } from 'solid-js';
import { graphql } from '../gql';
import type { EffectivePrivilegeFieldsFragment } from '../gql/graphql';
import { accessGroups } from '../lib/privilege-sources';

/** A privilege a role really holds, with every reason it holds it: what the access columns and lists show. */
graphql(`
  fragment EffectivePrivilegeFields on EffectivePrivilege {
    privilege held grantable
    sources { kind path grantee { name } predefinedRole }
  }
`);

/**
 * What a role can really do on an object: its privileges grouped by where they come from, each group marked in a few
 * words ("via reporting", "PUBLIC", "owner") with the whole path in its tooltip. "—" when it holds nothing.
 */
export function EffectiveAccess(props: { privileges: readonly EffectivePrivilegeFieldsFragment[] }): JSX.Element {
  const groups = () => accessGroups(props.privileges);
  return (
    <span class="effective-access">
      <For each={groups()} fallback="—">
        {(group) => (
          <span class="access-group" data-source={group.source.kind} title={group.detail}>
            {group.privileges.join(', ')} <span class="access-source">({group.source.label})</span>
          </span>
        )}
      </For>
    </span>
  );
}
