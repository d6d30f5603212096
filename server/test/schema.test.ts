import { readdirSync, readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import codegenConfig from '../../codegen.js';
import { schema } from '../src/schema/index.js';

const root = new URL('../../', import.meta.url).pathname;

describe('the committed schema', () => {
  it('schema.graphql is the printed SDL of the current schema (run `npm run codegen` when it is not)', () => {
    const committed = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(`${printSchema(schema)}\n`);
  });

  it("web/src/gql and cli/src/gql are graphql-codegen's output for the committed schema and each client's documents", async () => {
    const generated = await generate({ ...codegenConfig, cwd: root, silent: true }, false);
    const expected = Object.fromEntries(
      generated.map((file: { filename: string; content: string }) => [file.filename, file.content]),
    );
    const folders = Object.keys(codegenConfig.generates);
    expect(folders).toEqual(['web/src/gql/', 'cli/src/gql/']);
    const committed = Object.fromEntries(
      folders.flatMap((folder) =>
        readdirSync(`${root}${folder}`).map((name) => [
          `${folder}${name}`,
          readFileSync(`${root}${folder}${name}`, 'utf8'),
        ]),
      ),
    );
    expect(committed).toEqual(expected);
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
