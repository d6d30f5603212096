import type { ConnectionOptions } from 'node:tls';

/** libpq's sslmode names, without PREFER and ALLOW: node-postgres cannot fall back to a plain connection. */
export type SslMode = 'DISABLE' | 'REQUIRE' | 'VERIFY_CA' | 'VERIFY_FULL';

/** How Rolecall's connections to one managed server use TLS; stored with the server. */
export interface ServerTls {
  sslMode: SslMode;
  /** PEM text of the CA certificate(s) to trust; null: Node's trusted CAs (VERIFY_FULL only). */
  caCertificate: string | null;
}

export const NO_TLS: ServerTls = { sslMode: 'DISABLE', caCertificate: null };

/** The server's stored TLS settings (the `Server` row has both columns). */
export function tlsOf(server: ServerTls): ServerTls {
  return { sslMode: server.sslMode, caCertificate: server.caCertificate };
}

export function sameTls(a: ServerTls, b: ServerTls): boolean {
  return a.sslMode === b.sslMode && (a.caCertificate ?? null) === (b.caCertificate ?? null);
}

/** `pg`'s `ssl` option for `tls`: false, or the options of the TLS connection. */
export function sslOptions(tls: ServerTls): false | ConnectionOptions {
  const ca = tls.caCertificate ?? undefined;
  switch (tls.sslMode) {
    case 'DISABLE':
      return false;
    case 'REQUIRE':
      return { rejectUnauthorized: false };
    case 'VERIFY_CA':
      // The chain is checked against the CA; the name in the certificate is not compared with the host.
      return { rejectUnauthorized: true, ca, checkServerIdentity: () => undefined };
    case 'VERIFY_FULL':
      return { rejectUnauthorized: true, ca };
  }
}
