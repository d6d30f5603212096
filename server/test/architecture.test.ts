import madge from 'madge';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../src/paths.js';

/**
 * How the server's parts may depend on each other: `schema → operations → catalog / events / pools / metadata`, with
 * policy as pure functions. The layers below the operations never reach up, and no module imports itself back.
 */

/** Layers that hold data and mechanisms (and the request scope): they must not know the schema or the mutations. */
const LOWER_LAYERS = ['catalog/', 'events/', 'pools/', 'policy/', 'metadata/', 'secrets/', 'auth/', 'mail/', 'scope/'];
const UPPER_LAYERS = ['operations/', 'schema/'];

let graph: Record<string, string[]>;
let cycles: string[][];

beforeAll(async () => {
  const result = await madge(fromRoot('server', 'src'), {
    fileExtensions: ['ts'],
    tsConfig: fromRoot('tsconfig.json'),
    // Prisma's generated client is not ours to arrange.
    excludeRegExp: [/generated\//],
  });
  graph = result.obj();
  cycles = result.circular();
}, 60_000);

describe('the server’s module graph', () => {
  it('was read whole (the check would pass on an empty graph)', () => {
    expect(Object.keys(graph).length).toBeGreaterThan(100);
    expect(graph['schema/events.ts']).toContain('events/kinds.ts');
  });

  it('has no import cycles, type-only imports included', () => {
    expect(cycles).toEqual([]);
  });

  it('has no upward imports: nothing below the operations imports them or the schema', () => {
    const upward = Object.entries(graph).flatMap(([module, imports]) =>
      LOWER_LAYERS.some((layer) => module.startsWith(layer))
        ? imports
            .filter((target) => UPPER_LAYERS.some((layer) => target.startsWith(layer)))
            .map((t) => `${module} → ${t}`)
        : [],
    );
    expect(upward).toEqual([]);
  });
});
