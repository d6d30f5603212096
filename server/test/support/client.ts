import { CSRF_HEADER } from '../../src/app.js';

/**
 * Every response body of this test file, for the leak scan: secrets-scan.setup.ts records whatever `fetch` returns
 * (this client's requests and raw() included) and what WebSocket clients receive.
 */
export { transcript } from './secrets-scan.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A GraphQL-over-HTTP client that keeps its session cookie like a browser, or sends a bearer token like the CLI. */
export class TestClient {
  private cookie: string | undefined;

  constructor(
    readonly url: string,
    private readonly token?: string,
  ) {}

  withToken(token: string): TestClient {
    return new TestClient(this.url, token);
  }

  /** The `rolecall_session=…` cookie this client sends, once it has signed in. */
  get sessionCookie(): string | undefined {
    return this.cookie;
  }

  async raw(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [CSRF_HEADER]: '1',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie().find((header) => header.startsWith('rolecall_session='));
    if (setCookie) this.cookie = setCookie.split(';')[0];
    return response;
  }

  async request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await this.raw({ query, variables });
    return (await response.json()) as GraphQLResponse<T>;
  }

  /** Runs an operation whose root field is a result union and returns that field, failing on transport errors. */
  async field<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T & { __typename: string }> {
    const result = await this.request(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    const values = Object.values(result.data ?? {});
    return values[0] as T & { __typename: string };
  }
}
