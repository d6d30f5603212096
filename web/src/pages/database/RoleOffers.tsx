import { For, type JSX, Show } from 'solid-js';
import { graphql } from '../../gql';
import type { RoleOfferFieldsFragment, RoleRefusal } from '../../gql/graphql';

graphql(`
  fragment RoleOfferFields on RoleOffer { mayGive refusal refusalMessage markedAssignable configuredRole { id rolname } }
`);

/** A configured role as a role picker offers it, keyed by the configured role's id (for stableById). */
const offerOf = (offer: RoleOfferFieldsFragment) => ({
  id: offer.configuredRole.id,
  rolname: offer.configuredRole.rolname,
  mayGive: offer.mayGive,
  refusal: offer.refusal ?? null,
  reason: offer.refusalMessage ?? null,
  markedAssignable: offer.markedAssignable,
});
export type RoleOfferView = ReturnType<typeof offerOf>;

/** The id of the hint that lists why the disabled roles of the pickers are not offered. */
export const REFUSALS_ID = 'role-refusals';

const REFUSAL_LABELS: Record<RoleRefusal, string> = {
  SERVER_WIDE_POWER: 'admins only: server-wide powers',
  NOT_SETTABLE: 'admins only: beyond your role',
};

/** The offers of a `roleOffers` result, or the error that stands in their place. */
export function offersOf(
  result: { __typename?: string; message?: string; nodes?: RoleOfferFieldsFragment[] } | undefined,
): { offers: RoleOfferView[]; error: string | null } {
  if (!result) return { offers: [], error: null };
  if (result.__typename !== 'DatabaseRoleOffersConnection')
    return { offers: [], error: result.message ?? 'The roles you may give could not be read.' };
  return { offers: (result.nodes ?? []).map(offerOf), error: null };
}

/**
 * A role picker's options: the roles the viewer may give, and the others disabled with why, so a manager sees that a
 * role exists and why it is not theirs to give. One option per role, kept as the offer changes (an option re-created
 * would lose a select's value). `current` is the role a collaborator already has, when no offer lists it (someone
 * who does not manage collaborators is offered none).
 */
export function RoleOptions(props: {
  offers: RoleOfferView[];
  current?: { id: string; rolname: string };
}): JSX.Element {
  const unlisted = () => {
    const current = props.current;
    return current && !props.offers.some((offer) => offer.id === current.id) ? current : undefined;
  };
  return (
    <>
      <For each={props.offers}>
        {(offer) => (
          <option value={offer.id} disabled={!offer.mayGive} title={offer.reason ?? undefined}>
            {offer.mayGive ? offer.rolname : `${offer.rolname} (${refusalLabel(offer.refusal)})`}
          </option>
        )}
      </For>
      <Show when={unlisted()} keyed>
        {(role) => <option value={role.id}>{role.rolname}</option>}
      </Show>
    </>
  );
}

const refusalLabel = (refusal: RoleRefusal | null) => (refusal ? REFUSAL_LABELS[refusal] : 'not offered');

/** Why each disabled role of the pickers is not offered, in words; the pickers point here with aria-describedby. */
export function RoleRefusals(props: { offers: RoleOfferView[] }): JSX.Element {
  const refused = () => props.offers.filter((offer) => !offer.mayGive);
  return (
    <Show when={refused().length > 0}>
      <ul class="muted" id={REFUSALS_ID} data-testid="role-refusals">
        <For each={refused()}>{(offer) => <li>{offer.reason}</li>}</For>
      </ul>
    </Show>
  );
}

/** aria-describedby for a role picker: the refusals hint, when there is one. */
export const describedByRefusals = (offers: RoleOfferView[]) =>
  offers.some((offer) => !offer.mayGive) ? REFUSALS_ID : undefined;
