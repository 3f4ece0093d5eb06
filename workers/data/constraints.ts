/**
 * True when a write failed on a UNIQUE constraint. libSQL and D1 word it the same way, and drizzle
 * may wrap the driver's error, so the whole cause chain is searched.
 */
export function isUniqueViolation(err: unknown, indexOrColumn?: string): boolean {
  let cur: unknown = err;
  for (let depth = 0; cur instanceof Error && depth < 5; depth++) {
    if (/UNIQUE constraint failed/i.test(cur.message)) return indexOrColumn ? cur.message.includes(indexOrColumn) : true;
    cur = cur.cause;
  }
  return false;
}
