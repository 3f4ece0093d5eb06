import type { Context } from "hono";
import type { AppEnv } from "../context.ts";
import { describeError } from "../logger.ts";

/**
 * Runs work after the response: `waitUntil` on Workers, the in-process job queue on Node. The
 * request never waits for it and never fails because of it.
 */
export function defer(c: Context<AppEnv>, name: string, task: () => Promise<void>): void {
  const { jobs, logger } = c.get("deps");
  if (jobs) {
    jobs.push(name, task);
    return;
  }
  const guarded = task().catch((err: unknown) => logger.error("job failed", { job: name, ...describeError(err) }));
  try {
    c.executionCtx.waitUntil(guarded);
  } catch {
    // No execution context (plain fetch in a script): the promise still runs to completion.
  }
}
