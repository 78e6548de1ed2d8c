import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./server/platform/*/tables.ts', './server/modules/*/tables.ts', './server/modules/*/*-tables.ts'],
  out: './migrations',
});
