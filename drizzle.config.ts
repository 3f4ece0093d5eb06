import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  // Every table module, so a new one is picked up without touching a shared index.
  schema: ["./schema/tenancy.ts", "./schema/talents.ts", "./schema/demands.ts", "./schema/match-index.ts", "./schema/outbox.ts", "./schema/tables/*.ts"],
  out: "./drizzle",
});
