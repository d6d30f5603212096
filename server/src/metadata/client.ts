import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';

export type Metadata = PrismaClient;

/** Prisma Client over the pg driver adapter: no native query engine is needed. */
export function createMetadataClient(databaseUrl: string): Metadata {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }) });
}
