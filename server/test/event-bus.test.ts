import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import type { Event } from '../src/generated/prisma/client.js';
import { type Instance, startTestApp, type TestApp } from './support/app.js';

/**
 * An instance's event bus delivers the events it recorded itself as its insert returned them, without reading them
 * back (EventBus.recordedHere): they must be exactly what every other instance reads from the table, once each and
 * in id order, however the inserts of several instances interleave.
 */

let testApp: TestApp;
let other: Instance;

beforeAll(async () => {
  testApp = await startTestApp();
  other = await testApp.startInstance();
});

afterAll(async () => {
  await other?.stop();
  await testApp?.stop();
});

function delivered(app: App): Event[] {
  const seen: Event[] = [];
  app.services.bus.subscribe((event) => seen.push(event));
  return seen;
}

const record = (app: App, n: number) =>
  app.services.events.record(null, {
    kind: 'access_snapshot.deleted',
    actorId: null,
    payload: { snapshotId: String(n), subjectKind: 'ROLE', subjectLabel: `role ${n} with 'quotes', a \\ and ünïcode` },
    sql: [`-- ${n}`],
  });

describe("an instance's own events", () => {
  it('reach every instance as stored, once each, in id order, whichever instance recorded them', async () => {
    const here = delivered(testApp.app);
    const there = delivered(other.app);
    const recorded: bigint[] = [];
    // Inserts of both instances at once, so each one's own events interleave with the other's.
    await Promise.all(
      Array.from({ length: 40 }, async (_, n) => {
        recorded.push(await record(n % 2 === 0 ? testApp.app : other.app, n));
      }),
    );
    const burst = await testApp.app.services.events.recordMany(
      [40, 41, 42].map((n) => ({
        kind: 'access_snapshot.deleted' as const,
        actorId: null,
        payload: { snapshotId: String(n), subjectKind: 'ROLE', subjectLabel: `burst ${n}` },
      })),
    );
    recorded.push(...burst);
    const ids = recorded.sort((a, b) => (a < b ? -1 : 1));
    await expect.poll(() => here.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(ids.length);
    await expect.poll(() => there.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(ids.length);

    const stored = await testApp.app.services.metadata.event.findMany({
      where: { id: { in: ids } },
      orderBy: { id: 'asc' },
    });
    const ours = (events: Event[]) => events.filter((event) => ids.includes(event.id));
    expect(ours(here)).toEqual(stored);
    expect(ours(there)).toEqual(stored);
    for (const seen of [here, there]) {
      const order = seen.map((event) => event.id);
      expect(order).toEqual([...order].sort((a, b) => (a < b ? -1 : 1)));
      expect(new Set(order).size).toBe(order.length);
    }
  });
});
