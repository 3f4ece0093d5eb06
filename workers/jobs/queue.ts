import type { Logger } from "../logger.ts";
import { describeError } from "../logger.ts";

/**
 * The in-process job runner of the Node entry: work deferred off the request path runs here, one
 * task at a time, in arrival order. A failed task is logged, never retried in a loop: tasks are
 * written to be idempotent, and the next change re-triggers them.
 */
export class JobQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;
  private readonly logger: Logger;

  constructor(logger: Logger) {
    this.logger = logger;
  }

  push(name: string, task: () => Promise<void>): void {
    this.pending++;
    this.tail = this.tail
      .then(task)
      .catch((err: unknown) => this.logger.error("job failed", { job: name, ...describeError(err) }))
      .finally(() => {
        this.pending--;
      });
  }

  /** Resolves when every task queued so far has finished (tests, shutdown). */
  async drain(): Promise<void> {
    while (this.pending > 0) await this.tail;
  }

  get size(): number {
    return this.pending;
  }
}
