import type { SQL } from "drizzle-orm";
import type { Db, Statement } from "../db.ts";

interface D1Like {
  prepare(sql: string): unknown;
}

function isD1(client: unknown): client is D1Like {
  return typeof client === "object" && client !== null && "prepare" in client && typeof (client as D1Like).prepare === "function";
}

/**
 * A hand-written SQL statement usable inside `db.batch()` on both drivers. drizzle's D1 batch
 * binds parameters on a prepared `stmt` that `db.run(sql)` never creates (it only works there for
 * statements without parameters), so on D1 the statement is prepared here.
 */
export function rawStatement(db: Db, query: SQL): Statement {
  const statement = db.run(query);
  const client = (db as { $client?: unknown }).$client;
  if (isD1(client)) {
    const built = statement.getQuery();
    Object.assign(statement, { stmt: client.prepare(built.sql) });
  }
  return statement;
}
