import { A, useSearchParams } from '@solidjs/router';
import { createResource, type JSX, Match, Switch } from 'solid-js';
import { ErrorText } from '../../components/ErrorText';
import { graphql } from '../../gql';
import { mutate } from '../../graphql/client';

const VerifyEmail = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token) { __typename ... on Error { message } ... on User { email emailVerified } }
  }
`);

/**
 * The page a verification link opens, once signed in (the server accepts the link only from the account that asked
 * for it, so opening it is all there is to do).
 */
export function VerifyEmailPage(): JSX.Element {
  const [params] = useSearchParams<{ token: string }>();
  const [result] = createResource(
    () => ({ token: params.token ?? '' }),
    async ({ token }) => {
      const verified = (await mutate(VerifyEmail, { token })).verifyEmail;
      return verified.__typename === 'User' ? verified.email : null;
    },
  );
  return (
    <main class="card">
      <h1>Prove your e-mail address</h1>
      <Switch fallback={<p>Checking the link…</p>}>
        <Match when={result.error}>
          <ErrorText error={(result.error as Error).message} />
          <p>
            <A href="/account">Your account</A> can send a new link.
          </p>
        </Match>
        <Match when={result()}>
          {(email) => (
            <>
              <p class="success">{email()} is proven: invitations sent to it now reach you.</p>
              <p>
                <A href="/account">Your account</A>
              </p>
            </>
          )}
        </Match>
      </Switch>
    </main>
  );
}
