import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Fixed-window counters for throttling (failed authentications per client address, writes per
 * key). One row per bucket, moved to the current window and counted by a single UPSERT per
 * request, so concurrent requests never lose a count and no read-then-write is needed.
 */
export const rateLimits = sqliteTable("rate_limits", {
  /** What is counted and for whom: `auth:ip:203.0.113.7`, `write:key:key_…`. */
  bucket: text("bucket").primaryKey(),
  /** Start of the window the count belongs to, in seconds since the epoch. */
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
});
