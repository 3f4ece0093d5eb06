/** Every table of the product. Migrations in `drizzle/` are generated from these with drizzle-kit. */
export * from "./tenancy.ts";
export * from "./talents.ts";
export * from "./demands.ts";
export * from "./match-index.ts";
export * from "./outbox.ts";
