import { defineConfig } from 'prisma/config';

// `env('DATABASE_URL')` throws when the variable is unset, and `prisma generate` must work without a database.
const url = process.env.DATABASE_URL;

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: url ? { url } : {},
});
