import { defineConfig } from "drizzle-kit";

// Generating migrations needs no database: `npm run db:generate` diffs db/schema against the snapshots.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/*.ts",
  out: "./db/migrations",
});
