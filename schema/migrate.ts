import { sql } from "drizzle-orm";
import type { Db, Statement } from "./db.ts";

/** A migration as wrangler and the vitest pool read it: a name and its statements. */
export interface Migration {
  name: string;
  queries: string[];
}

/** Splits a drizzle-kit migration file into statements. */
export function splitMigration(text: string): string[] {
  return text
    .split("--> statement-breakpoint")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Applies pending migrations with the same bookkeeping as `wrangler d1 migrations apply` (the
 * `d1_migrations` table), so a database migrated by either tool is recognised by the other.
 * Each migration is one atomic batch together with its bookkeeping row.
 */
export async function applyMigrations(db: Db, migrations: Migration[]): Promise<string[]> {
  await db.run(
    sql.raw(
      "CREATE TABLE IF NOT EXISTS d1_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)",
    ),
  );
  const applied = new Set((await db.all<{ name: string }>(sql`SELECT name FROM d1_migrations`)).map((r) => r.name));
  const done: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.name)) continue;
    const statements: Statement[] = migration.queries.map((q) => db.run(sql.raw(q)));
    statements.push(db.run(sql`INSERT INTO d1_migrations (name) VALUES (${migration.name})`));
    const [first, ...rest] = statements;
    if (first) await db.batch([first, ...rest]);
    done.push(migration.name);
  }
  return done;
}
