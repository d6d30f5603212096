import type { Config } from '../config.js';

type LinkConfig = Pick<Config, 'publicUrl' | 'host' | 'port'>;

/** Where each running app really listens (PORT 0 picks a free port), by the configuration it was built with. */
const listeningOrigins = new WeakMap<LinkConfig, string>();

/** Told once the HTTP server listens, so links name the port it really got. */
export function recordListeningOrigin(config: LinkConfig, origin: string): void {
  listeningOrigins.set(config, origin);
}

function configuredOrigin(config: LinkConfig): string {
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${host}:${config.port}`;
}

/**
 * The base of every link Rolecall hands out: PUBLIC_URL, else the address it listens at. Never a request's Host
 * header: whoever sends the request chooses it, and a link built from it would carry its token to their host.
 */
export function linkBase(config: LinkConfig): string {
  return config.publicUrl ?? listeningOrigins.get(config) ?? configuredOrigin(config);
}

/** A page of the web app that takes a one-time token, e.g. `/invitations/accept?token=…`. */
export function tokenLink(config: LinkConfig, path: `/${string}`, token: string): string {
  return `${linkBase(config)}${path}?token=${encodeURIComponent(token)}`;
}
