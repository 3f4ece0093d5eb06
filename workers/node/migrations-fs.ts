import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Migration, splitMigration } from "../../schema/migrate.ts";

/** Reads `drizzle/*.sql` in name order, as `wrangler d1 migrations apply` does. */
export function readMigrationsDir(dir: string): Migration[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((name) => ({ name, queries: splitMigration(readFileSync(join(dir, name), "utf8")) }));
}
