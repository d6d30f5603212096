/** The public GraphQL API over HTTP, as any third party would use it: a bearer token and the CSRF header. */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { graphql } from './gql/index.js';

export const CSRF_HEADER = 'x-rolecall-csrf';

/** Every result union selects `__typename ...CliError`, so its error members carry `code` and `message`. */
export const ErrorFields = graphql(`
  fragment CliError on Error { code message }
`);

/** A failure to report as `code: message` with exit code 1. */
export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Wrong use of the command line: exit code 2. */
export class UsageError extends Error {}

export interface Endpoint {
  url: string;
  token: string | null;
}

interface GraphQLBody<Result> {
  data?: Result | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A result union's member as the CLI selects it: its `__typename`, and for errors `...CliError`. */
interface Member {
  __typename: string;
}

interface Failure extends Member {
  code: string;
  message: string;
}

/** The member of `Result` named `Typename`. */
type Named<Result, Typename> = Extract<Result, { __typename: Typename }>;

/** The union's other members, all of them errors (else the document forgot `...CliError`: `never`). */
type OnlyErrorsBesides<Result, Typename> = Exclude<Result, { __typename: Typename }> extends Failure ? Typename : never;

function isNamed<Result extends Member, Typename extends string>(
  value: Result,
  typename: Typename,
): value is Named<Result, Typename> {
  return value.__typename === typename;
}

function isFailure<Result extends Member>(value: Result): value is Result & Failure {
  return 'code' in value && typeof value.code === 'string' && 'message' in value && typeof value.message === 'string';
}

/**
 * The success member of a result union (named by its `__typename`, which is left out), or its typed error thrown as
 * a CliError. Every other member of the union must be an error selecting `...CliError`.
 */
export function unwrap<Result extends Member, Typename extends Result['__typename']>(
  value: Result,
  success: Typename & OnlyErrorsBesides<Result, Typename>,
): Omit<Named<Result, Typename>, '__typename'> {
  if (isNamed<Result, Typename>(value, success)) {
    const { __typename, ...fields } = value;
    return fields;
  }
  if (isFailure(value)) throw new CliError(value.code, value.message);
  throw new CliError('UNEXPECTED_RESULT', `the server answered ${value.__typename} where ${success} was expected`);
}

export class Api {
  private cookie: string | null = null;

  constructor(readonly endpoint: Endpoint) {}

  headers(): Record<string, string> {
    return {
      'content-type': 'application/json',
      accept: 'application/json',
      [CSRF_HEADER]: '1',
      ...(this.endpoint.token ? { authorization: `Bearer ${this.endpoint.token}` } : {}),
      ...(this.cookie ? { cookie: this.cookie } : {}),
    };
  }

  /** Runs a typed document; its `data` (typed by codegen), or its first GraphQL error thrown as a CliError. */
  async request<Result, Variables>(
    document: TypedDocumentNode<Result, Variables>,
    variables: Variables,
  ): Promise<Result> {
    const url = `${this.endpoint.url}/graphql`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: this.headers(),
        body: JSON.stringify({ query: print(document), variables }),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new CliError(
        'UNREACHABLE',
        `cannot reach ${this.endpoint.url} (${cause?.code ?? cause?.message ?? error})`,
      );
    }
    // `login` answers with a session cookie; keep it for the requests that follow (createApiToken, logout).
    const session = response.headers.getSetCookie().find((header) => header.startsWith('rolecall_session='));
    if (session) this.cookie = session.split(';')[0] ?? null;
    const text = await response.text();
    let body: GraphQLBody<Result>;
    try {
      body = JSON.parse(text) as GraphQLBody<Result>;
    } catch {
      throw new CliError(`HTTP_${response.status}`, `${url} did not answer with GraphQL (HTTP ${response.status})`);
    }
    const [first] = body.errors ?? [];
    if (first) throw new CliError(first.extensions?.code ?? 'GRAPHQL_ERROR', first.message);
    if (!body.data) throw new CliError('GRAPHQL_ERROR', `${url} answered without data`);
    return body.data;
  }
}
