import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from '../server/src/schema/index.js';

/** Writes the sorted SDL to schema.graphql (committed; a test fails when it is stale). */
writeFileSync(new URL('../schema.graphql', import.meta.url), `${printSchema(schema)}\n`);
