import { createSignal, type JSX, Show } from 'solid-js';
import { ErrorText } from '../../components/ErrorText';
import { graphql } from '../../gql';
import { mutate } from '../../graphql/client';
import { createAction } from '../../lib/action';

const RequestEmailVerification = graphql(`
  mutation RequestEmailVerification {
    requestEmailVerification { __typename ... on Error { message } ... on EmailVerificationSent { email expiresAt } }
  }
`);

const NO_SMTP =
  'This Rolecall sends no e-mail (SMTP is not configured), so the address cannot be proven by e-mail: ask an admin to set it, which proves it.';
const REASON_ID = 'email-proof-reason';

/** Beside an address: whether it is proven (invitations reach an account only through a proven address). */
export function EmailBadge(props: { verified: boolean }): JSX.Element {
  return (
    <Show when={props.verified} fallback={<span class="badge warn">unproven</span>}>
      <span class="badge">proven</span>
    </Show>
  );
}

/** For an unproven address, the way to prove it: a one-time link e-mailed to it, when this Rolecall can send one. */
export function EmailProof(props: { canSendEmail: boolean }): JSX.Element {
  const [sentTo, setSentTo] = createSignal<string | null>(null);
  const { error, act } = createAction(() => undefined);
  const send = () =>
    act(async () => {
      const result = await mutate(RequestEmailVerification, {});
      const sent = result.requestEmailVerification;
      if (sent.__typename === 'EmailVerificationSent') setSentTo(sent.email);
    });
  return (
    <section aria-label="Prove your e-mail address" data-testid="email-proof">
      <p>Invitations sent to your address reach you only once you prove it is yours.</p>
      <button
        type="button"
        class="small"
        disabled={!props.canSendEmail}
        aria-describedby={props.canSendEmail ? undefined : REASON_ID}
        onClick={send}
      >
        Send verification e-mail
      </button>
      <Show when={!props.canSendEmail}>
        <p class="muted" id={REASON_ID} data-testid="email-proof-reason">
          {NO_SMTP}
        </p>
      </Show>
      <Show when={sentTo()}>
        <p class="success">
          Sent to {sentTo()}: open the link in it while signed in as this account. It works once, within 24 hours.
        </p>
      </Show>
      <ErrorText error={error()} />
    </section>
  );
}
