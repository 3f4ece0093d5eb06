import type { BatchItem } from "drizzle-orm/batch";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type * as schema from "./index.ts";

export type Schema = typeof schema;

/**
 * The database both runtimes hand to data-access code: drizzle over libSQL (Node) or D1
 * (Workers). Only the common surface is used, and multi-statement writes go through `batch`,
 * which is atomic on both (D1 has no interactive transactions).
 */
export type Db = BaseSQLiteDatabase<"async", unknown, Schema> & {
  batch<U extends BatchItem<"sqlite">, T extends Readonly<[U, ...U[]]>>(batch: T): Promise<unknown>;
};

export type Statement = BatchItem<"sqlite">;
