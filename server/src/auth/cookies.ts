import { parse, type SerializeOptions, serialize } from 'cookie';

export const SESSION_COOKIE = 'rolecall_session';

/** Cookies of one request, and the Set-Cookie headers its response must carry. */
export class CookieJar {
  private readonly incoming: Record<string, string | undefined>;
  private readonly outgoing: string[] = [];

  constructor(
    header: string | null,
    private readonly secure: boolean,
  ) {
    this.incoming = header ? parse(header) : {};
  }

  get(name: string): string | undefined {
    return this.incoming[name];
  }

  set(name: string, value: string, maxAgeSeconds: number): void {
    const options: SerializeOptions = {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.secure,
      path: '/',
      maxAge: maxAgeSeconds,
    };
    this.outgoing.push(serialize(name, value, options));
  }

  clear(name: string): void {
    this.set(name, '', 0);
  }

  get setCookieHeaders(): readonly string[] {
    return this.outgoing;
  }
}
