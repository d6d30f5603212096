import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../src/paths.js';

/**
 * What the server's process holds before anyone uses it (bench/README.md, fanout: its RSS against a raw server's):
 * V8 keeps every module's source, at two bytes a character if one character of it is beyond Latin-1.
 */
function firstBeyondAscii(text: string): number {
  for (let at = 0; at < text.length; at++) if (text.charCodeAt(at) > 0x7f) return at;
  return -1;
}

describe('the server bundle npm start runs', () => {
  it('is ASCII in every chunk, so that V8 keeps its sources at one byte a character', async () => {
    execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: fromRoot() });
    const dist = fromRoot('server/dist');
    const chunks = (await readdir(dist)).filter((name) => name.endsWith('.mjs'));
    expect(chunks).toContain('main.mjs');
    const wide: string[] = [];
    for (const chunk of chunks) {
      const text = await readFile(join(dist, chunk), 'utf8');
      const at = firstBeyondAscii(text);
      if (at >= 0) wide.push(`${chunk}: …${text.slice(Math.max(0, at - 40), at + 10)}…`);
    }
    expect(wide).toEqual([]);
  });
});
