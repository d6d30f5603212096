/** The public GraphQL API over HTTP, as any third party would use it: a bearer token and the CSRF header. */

export const CSRF_HEADER = 'x-rolecall-csrf';

/** Every expected failure selects this, so a result union's error member carries `code` and `message`. */
export const ERROR = '__typename ... on Error { code message }';

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

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** The success member of a result union, or its typed error thrown as a CliError. */
export function unwrap<T>(value: unknown): T {
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.code === 'string' && typeof record.message === 'string') {
      throw new CliError(record.code, record.message);
    }
    if ('__typename' in record) {
      const { __typename, ...fields } = record;
      return fields as T;
    }
  }
  return value as T;
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

  async request<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const url = `${this.endpoint.url}/graphql`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: this.headers(),
        body: JSON.stringify({ query, variables }),
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
    let body: GraphQLBody;
    try {
      body = JSON.parse(text) as GraphQLBody;
    } catch {
      throw new CliError(`HTTP_${response.status}`, `${url} did not answer with GraphQL (HTTP ${response.status})`);
    }
    const [first] = body.errors ?? [];
    if (first) throw new CliError(first.extensions?.code ?? 'GRAPHQL_ERROR', first.message);
    return (body.data ?? {}) as T;
  }

  /** Runs an operation with one root field that is a result union; returns its success member. */
  async field<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const data = await this.request(query, variables);
    return unwrap<T>(Object.values(data)[0]);
  }
}
