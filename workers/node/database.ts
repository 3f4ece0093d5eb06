import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import * as schema from "../../schema/index.ts";
import { applyMigrations } from "../../schema/migrate.ts";
import type { Db } from "../db.ts";
import { readMigrationsDir } from "./migrations-fs.ts";

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../drizzle");

/** The local path of a `file:` database URL, or null for remote and in-memory databases. */
export function localPath(url: string): string | null {
  return url.startsWith("file:") ? resolve(url.slice("file:".length)) : null;
}

/**
 * Opens a libSQL database (a local file, `:memory:`, or a libSQL server), with foreign keys on,
 * and brings its schema up to date.
 */
export async function openDatabase(url: string, authToken?: string): Promise<{ db: Db; close: () => void; migrated: string[] }> {
  const path = localPath(url);
  if (path) mkdirSync(dirname(path), { recursive: true });
  const client = createClient(authToken ? { url, authToken } : { url });
  if (path) {
    // WAL lets readers proceed while the job runner writes; busy_timeout rides out short locks.
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute("PRAGMA busy_timeout = 5000");
    // NORMAL is the usual setting under WAL: commits stay atomic and consistent; only the last
    // transactions before a power cut may be lost. FULL costs an fsync per commit.
    await client.execute("PRAGMA synchronous = NORMAL");
    // 64 MB of page cache (the default is 8 MB): the match index of a large tenant stays in memory.
    await client.execute("PRAGMA cache_size = -65536");
  }
  await client.execute("PRAGMA foreign_keys = ON");
  const db = drizzle(client, { schema });
  const migrated = await applyMigrations(db, readMigrationsDir(MIGRATIONS_DIR));
  return { db, close: () => client.close(), migrated };
}
