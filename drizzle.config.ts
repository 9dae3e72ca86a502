import { defineConfig } from "drizzle-kit";

// Used only by `npm run db:generate` (drizzle-kit generate), which needs no database.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
