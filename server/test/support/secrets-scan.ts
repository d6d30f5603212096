import { randomBytes } from 'node:crypto';

/**
 * The suite-wide leak scan's records: every password a test made with `secret()`, and everything Rolecall said
 * back — response bodies and WebSocket messages (recorded by secrets-scan.setup.ts), the log lines of every app a
 * test started, and the Event table of each. The setup file's afterAll fails a test file if any record holds one
 * of its passwords.
 */

const secretsUsed = new Set<string>();

/** Every response body and WebSocket message this test file received. */
export const transcript: string[] = [];

const logSources: (readonly string[])[] = [];
const eventTexts: string[] = [];
const liveEventReaders = new Set<() => Promise<string>>();

/** A fresh password, remembered so that no response, log line or event may ever contain it. */
export function secret(label = 'pw'): string {
  const value = `${label}-${randomBytes(9).toString('base64url')}`;
  secretsUsed.add(value);
  return value;
}

/** This file's passwords that occur in `texts`. */
export function leakedSecrets(texts: readonly string[]): string[] {
  return [...secretsUsed].filter((value) => texts.some((text) => text.includes(value)));
}

/** Scans these log lines too (an app's `logs`, a child process's output); lines added later are scanned as well. */
export function watchLogs(lines: readonly string[]): void {
  logSources.push(lines);
}

export interface WatchedEvents {
  /** Reads the Event table now, while its database still runs (before the cluster stops). */
  capture(): Promise<void>;
}

/** Scans the Event table that `read` returns as text: at `capture()`, or at the end of the file if never captured. */
export function watchEvents(read: () => Promise<string>): WatchedEvents {
  liveEventReaders.add(read);
  return {
    capture: async () => {
      if (!liveEventReaders.delete(read)) return;
      eventTexts.push(await read());
    },
  };
}

/** A response body being read: its text grows as chunks arrive, so a cancelled stream still counts what came. */
export function recordingStream(): TransformStream<Uint8Array, Uint8Array> {
  const index = transcript.push('') - 1;
  const decoder = new TextDecoder();
  return new TransformStream({
    transform(chunk, controller) {
      transcript[index] += decoder.decode(chunk, { stream: true });
      controller.enqueue(chunk);
    },
    flush() {
      transcript[index] += decoder.decode();
    },
  });
}

export interface Source {
  /** Where the texts came from, for the failure message: "response", "log line", "Event table". */
  kind: string;
  texts: readonly string[];
}

export interface Leak {
  /** The secret's label (`secret('admin')` → `admin-…`), never the secret itself. */
  secret: string;
  kind: string;
  /** Index of the text within its source. */
  index: number;
}

/** `secret()` appends 12 random characters to `label-`. */
function labelOf(value: string): string {
  return `${value.slice(0, -12)}…`;
}

/**
 * Where any of `secrets` occurs in `sources`. Each source is searched as one joined text first, so a clean suite
 * costs one `includes` per secret and source, whatever the number of responses.
 */
export function findLeaks(secrets: Iterable<string>, sources: readonly Source[]): Leak[] {
  const leaks: Leak[] = [];
  const values = [...secrets].filter(Boolean);
  for (const source of sources) {
    const joined = source.texts.join('\u0000');
    for (const value of values) {
      if (!joined.includes(value)) continue;
      source.texts.forEach((text, index) => {
        if (text.includes(value)) leaks.push({ secret: labelOf(value), kind: source.kind, index });
      });
    }
  }
  return leaks;
}

/** Everything recorded so far, with the Event table of apps still running as it is now. */
export async function recordedSources(): Promise<Source[]> {
  const liveEvents = await Promise.all([...liveEventReaders].map((read) => read()));
  return [
    { kind: 'response or message', texts: transcript },
    { kind: 'log line', texts: logSources.flat() },
    { kind: 'Event table', texts: [...eventTexts, ...liveEvents] },
  ];
}

/** The leaks of this test file: its passwords in anything it recorded. */
export async function leaksOfThisFile(): Promise<Leak[]> {
  if (secretsUsed.size === 0) return [];
  return findLeaks(secretsUsed, await recordedSources());
}

export function describeLeaks(leaks: readonly Leak[]): string {
  const lines = leaks.map((leak) => `  ${leak.secret} in ${leak.kind} #${leak.index}`);
  return `A password made with secret() appears in what Rolecall returned, logged or recorded:\n${lines.join('\n')}`;
}
