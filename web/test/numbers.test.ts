import { describe, expect, it } from 'vitest';
import { formatCount } from '../src/lib/numbers.js';
import { byCodePoint } from '../src/lib/text-search.js';

describe('counts and names as the pages show them', () => {
  it('writes a count as en-US does, thousands separated', () => {
    const values = [0, 1, 7, 999, 1_000, 10_018, 123_456, 1_000_000, 2_147_483_647, -1, -1_234, 12.5, 1234.75];
    for (const value of values) expect(formatCount(value)).toBe(value.toLocaleString('en-US'));
  });

  it('orders names by code point, as PostgreSQL’s C collation orders roles', () => {
    expect(['bob', 'Alice', 'é', 'alice', 'Zed', '_x'].sort(byCodePoint)).toEqual([
      'Alice',
      'Zed',
      '_x',
      'alice',
      'bob',
      'é',
    ]);
  });
});
