import type { Db, Statement } from "../schema/db.ts";

export type { Db, Statement };

/** Runs statements as one atomic batch: the change, its audit row and its events commit together or not at all. */
export async function commit(db: Db, statements: Statement[]): Promise<void> {
  const [first, ...rest] = statements;
  if (!first) return;
  await db.batch([first, ...rest]);
}
