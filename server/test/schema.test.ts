import { readFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';

describe('the committed schema', () => {
  it('schema.graphql is the printed SDL of the current schema (run `npm run codegen` when it is not)', () => {
    const committed = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(`${printSchema(schema)}\n`);
  });

  it('exposes no generic node lookup that would bypass per-type authorization', () => {
    const fields = Object.keys(schema.getQueryType()?.getFields() ?? {});
    expect(fields).not.toContain('node');
    expect(fields).not.toContain('nodes');
  });

  it('never exposes a stored password or hash', () => {
    const sdl = printSchema(schema);
    expect(sdl).not.toMatch(/encryptedPassword|passwordHash|tokenHash/);
  });
});
