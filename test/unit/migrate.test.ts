import { createClient } from "@libsql/client";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import { describe, expect, it } from "vitest";
import * as schema from "../../schema/index.ts";
import { applyMigrations, splitMigration } from "../../schema/migrate.ts";
import { MIGRATIONS_DIR } from "../../workers/node/database.ts";
import { readMigrationsDir } from "../../workers/node/migrations-fs.ts";

describe("migrations", () => {
  it("split drizzle-kit files on statement breakpoints", () => {
    expect(splitMigration("CREATE TABLE a (x);\n--> statement-breakpoint\nCREATE INDEX i ON a (x);--> statement-breakpoint\n")).toEqual([
      "CREATE TABLE a (x);",
      "CREATE INDEX i ON a (x);",
    ]);
  });

  it("apply once, with wrangler's d1_migrations bookkeeping", async () => {
    const db = drizzle(createClient({ url: ":memory:" }), { schema });
    const migrations = readMigrationsDir(MIGRATIONS_DIR);
    expect(migrations.length).toBeGreaterThan(0);
    expect(await applyMigrations(db, migrations)).toEqual(migrations.map((m) => m.name));
    expect(await applyMigrations(db, migrations)).toEqual([]);
    const rows = await db.all<{ name: string }>(sql`SELECT name FROM d1_migrations ORDER BY id`);
    expect(rows.map((r) => r.name)).toEqual(migrations.map((m) => m.name));
  });

  it("leave nothing behind when a migration fails", async () => {
    const db = drizzle(createClient({ url: ":memory:" }), { schema });
    const bad = [{ name: "0001_bad.sql", queries: ["CREATE TABLE t (x)", "THIS IS NOT SQL"] }];
    await expect(applyMigrations(db, bad)).rejects.toThrow();
    const tables = await db.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 't'`);
    expect(tables).toEqual([]);
  });
});
