import type { Viewer } from '../context.js';
import type { Event } from '../generated/prisma/client.js';
import type { Metadata } from '../metadata/client.js';
import type { EventBus } from './bus.js';
import type { EventKind } from './kinds.js';

/** How a viewer authenticated: the session or API token whose end ends what it opened. */
export type Credential = Viewer['via'];

/** Which event kind ends which credential; its payload names them by id (`sessionIds`, `tokenIds`). */
const ENDS: Record<Credential['kind'], EventKind> = {
  session: 'session.ended',
  token: 'api_token.revoked',
};

/** setTimeout fires at once for delays past 2^31-1 ms: longer waits are taken in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

function idOf(credential: Credential): string {
  return credential.kind === 'session' ? credential.sessionId : credential.tokenId;
}

function keyOf(kind: Credential['kind'], id: string): string {
  return `${kind}:${id}`;
}

/** The credentials an event ends, as keys. */
function endedBy(event: Event): string[] {
  const payload = (event.payload ?? {}) as { sessionIds?: unknown; tokenIds?: unknown };
  const ids = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  if (event.kind === ENDS.session) return ids(payload.sessionIds).map((id) => keyOf('session', id));
  if (event.kind === ENDS.token) return ids(payload.tokenIds).map((id) => keyOf('token', id));
  return [];
}

/** When the credential stops being valid by itself, or null if it already has (deleted, revoked or expired). */
async function validUntil(metadata: Metadata, credential: Credential): Promise<Date | null | 'never'> {
  if (credential.kind === 'session') {
    const session = await metadata.session.findUnique({
      where: { id: credential.sessionId },
      select: { expiresAt: true },
    });
    return session && session.expiresAt > new Date() ? session.expiresAt : null;
  }
  const token = await metadata.apiToken.findUnique({
    where: { id: credential.tokenId },
    select: { expiresAt: true, revokedAt: true },
  });
  if (!token || token.revokedAt) return null;
  if (!token.expiresAt) return 'never';
  return token.expiresAt > new Date() ? token.expiresAt : null;
}

function callAt(when: Date, callback: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const left = when.getTime() - Date.now();
    if (left <= 0) return callback();
    timer = setTimeout(arm, Math.min(left, LONGEST_TIMER_MS));
    timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}

interface Watch {
  listeners: Set<() => void>;
  cancelExpiry: () => void;
}

/**
 * The credentials watched on one instance, each once however many streams and sockets it opened: ended by an event
 * (whichever instance recorded it), by its expiry, or found already ended when the watch starts, which closes the
 * gap between authenticating a request and watching its credential.
 */
class CredentialWatches {
  private readonly watches = new Map<string, Watch>();

  constructor(
    private readonly metadata: Metadata,
    bus: EventBus,
  ) {
    bus.subscribe((event) => {
      for (const key of endedBy(event)) this.end(key);
    });
  }

  watch(credential: Credential, onEnd: () => void): () => void {
    const key = keyOf(credential.kind, idOf(credential));
    let watch = this.watches.get(key);
    if (!watch) {
      watch = { listeners: new Set(), cancelExpiry: () => undefined };
      this.watches.set(key, watch);
      this.startExpiry(key, watch, credential);
    }
    const listeners = watch.listeners;
    listeners.add(onEnd);
    return () => {
      listeners.delete(onEnd);
      if (listeners.size === 0 && this.watches.get(key) === watch) this.forget(key);
    };
  }

  private startExpiry(key: string, watch: Watch, credential: Credential): void {
    validUntil(this.metadata, credential).then(
      (until) => {
        if (this.watches.get(key) !== watch || until === 'never') return;
        if (until === null) this.end(key);
        else watch.cancelExpiry = callAt(until, () => this.end(key));
      },
      // The metadata store is unreachable: the stream cannot be vouched for, so it ends; the client reconnects.
      () => this.end(key),
    );
  }

  private forget(key: string): void {
    this.watches.get(key)?.cancelExpiry();
    this.watches.delete(key);
  }

  private end(key: string): void {
    const watch = this.watches.get(key);
    if (!watch) return;
    this.forget(key);
    for (const listener of watch.listeners) listener();
  }
}

const byBus = new WeakMap<EventBus, CredentialWatches>();

/**
 * Calls `onEnd` once the credential has ended: signed out, revoked, its user's password reset or account deactivated
 * (on any instance), or expired. Returns a function that stops watching.
 */
export function watchCredential(
  services: { metadata: Metadata; bus: EventBus },
  credential: Credential,
  onEnd: () => void,
): () => void {
  let watches = byBus.get(services.bus);
  if (!watches) {
    watches = new CredentialWatches(services.metadata, services.bus);
    byBus.set(services.bus, watches);
  }
  return watches.watch(credential, onEnd);
}
