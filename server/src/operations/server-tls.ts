import { X509Certificate } from 'node:crypto';
import type { Context } from '../context.js';
import { ValidationError } from '../errors.js';
import { NO_TLS, type ServerTls, type SslMode, tlsOf } from '../pools/tls.js';

/** A bundle of a few CAs (a cloud provider's, say) fits; nothing near the request size limit is a CA list. */
const MAX_CA_CERTIFICATE_CHARS = 256 * 1024;
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export interface TlsInput {
  /** Omitted: the server's stored settings, or DISABLE for a new server. */
  sslMode?: SslMode | null;
  caCertificate?: string | null;
}

/** PEM text of one or more certificates, each readable by OpenSSL; never echoed back in an error. */
function checkCaCertificate(text: string): string {
  if (text.length > MAX_CA_CERTIFICATE_CHARS)
    throw new ValidationError('caCertificate', 'caCertificate: at most 256 KiB of PEM text.');
  const blocks = text.match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0)
    throw new ValidationError('caCertificate', 'caCertificate: expected PEM text (-----BEGIN CERTIFICATE-----).');
  for (const block of blocks) {
    try {
      new X509Certificate(block);
    } catch {
      throw new ValidationError('caCertificate', 'caCertificate: a PEM block is not a readable X.509 certificate.');
    }
  }
  return `${blocks.join('\n')}\n`;
}

/** The TLS settings the input asks for, checked; null when it asks for none (the stored ones apply). */
function requestedTls(input: TlsInput): ServerTls | null {
  const caText = input.caCertificate?.trim() || null;
  if (!input.sslMode) {
    if (caText)
      throw new ValidationError('sslMode', 'sslMode: choose VERIFY_CA or VERIFY_FULL to use a CA certificate.');
    return null;
  }
  const verifies = input.sslMode === 'VERIFY_CA' || input.sslMode === 'VERIFY_FULL';
  if (caText && !verifies)
    throw new ValidationError('caCertificate', 'caCertificate: only VERIFY_CA and VERIFY_FULL use a CA certificate.');
  // Without a CA of its own, VERIFY_CA would accept any certificate a public CA signed, whatever its name.
  if (input.sslMode === 'VERIFY_CA' && !caText)
    throw new ValidationError('caCertificate', 'caCertificate: VERIFY_CA needs the CA certificate to verify against.');
  return { sslMode: input.sslMode, caCertificate: caText ? checkCaCertificate(caText) : null };
}

/**
 * The TLS settings to connect to (host, port) with: the input's, else those stored with the server, else none.
 * Settings given for a known server replace its stored ones once a login with them worked (see connectDatabase).
 */
export async function tlsFor(context: Context, input: TlsInput, host: string, port: number): Promise<ServerTls> {
  const requested = requestedTls(input);
  if (requested) return requested;
  const server = await context.metadata.server.findUnique({ where: { host_port: { host, port } } });
  return server ? tlsOf(server) : NO_TLS;
}
