import { readdirSync, readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { type GraphQLInterfaceType, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import codegenConfig from '../../codegen.js';
import { schema } from '../src/schema/index.js';
import { NODE_TYPES } from '../src/schema/node.js';

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

  it("looks nodes up only through each type's own rule: node(id:) has one for every type with a global id", () => {
    const fields = Object.keys(schema.getQueryType()?.getFields() ?? {});
    expect(fields).toContain('node');
    expect(fields).not.toContain('nodes');
    const withIds = schema.getPossibleTypes(schema.getType('Node') as GraphQLInterfaceType).map((type) => type.name);
    expect([...NODE_TYPES].sort()).toEqual(withIds.sort());
  });

  it('never exposes a stored password or hash', () => {
    const sdl = printSchema(schema);
    expect(sdl).not.toMatch(/encryptedPassword|passwordHash|tokenHash/);
  });
});
