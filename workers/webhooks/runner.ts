import { describeError } from "../logger.ts";
import { deliverDue } from "./deliver.ts";
import { dispatchEvents } from "./dispatch.ts";
import type { WebhookRuntime } from "./runtime.ts";

export interface PassResult {
  events: number;
  deliveries: number;
  attempts: number;
}

/** One pass: fan out pending outbox events, then send one batch of due attempts. */
export async function runPass(rt: WebhookRuntime): Promise<PassResult> {
  const fanned = await dispatchEvents(rt);
  const attempts = await deliverDue(rt);
  return { events: fanned.events, deliveries: fanned.deliveries, attempts };
}

/**
 * Passes until nothing is due right now, or until the time budget is spent (the Worker's cron
 * run). Attempts scheduled for later are left to a later run.
 */
export async function drain(rt: WebhookRuntime, budgetMs = Number.POSITIVE_INFINITY): Promise<PassResult> {
  const started = Date.now();
  const total: PassResult = { events: 0, deliveries: 0, attempts: 0 };
  while (Date.now() - started < budgetMs) {
    const pass = await runPass(rt);
    total.events += pass.events;
    total.deliveries += pass.deliveries;
    total.attempts += pass.attempts;
    if (pass.events === 0 && pass.attempts === 0) break;
  }
  return total;
}

export interface RunningRunner {
  /** Run a pass now instead of waiting for the next tick. */
  kick(): void;
  /** Stops after the pass in progress; resolves when it has finished. */
  stop(): Promise<void>;
}

/**
 * The Node entry's in-process runner: passes back to back while there is work, then one every
 * `intervalMs`. A failed pass is logged and the loop goes on.
 */
export function startWebhookRunner(rt: WebhookRuntime, intervalMs: number): RunningRunner {
  let stopped = false;
  let wake: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const sleep = () =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, intervalMs);
    });
  const loop = (async () => {
    while (!stopped) {
      let busy = false;
      try {
        const pass = await runPass(rt);
        busy = pass.events > 0 || pass.attempts > 0;
      } catch (err) {
        rt.logger.error("webhook pass failed", describeError(err));
      }
      if (!busy && !stopped) await sleep();
    }
  })();
  const interrupt = () => {
    if (timer) clearTimeout(timer);
    wake?.();
  };
  return {
    kick: interrupt,
    stop: async () => {
      stopped = true;
      interrupt();
      await loop;
    },
  };
}
