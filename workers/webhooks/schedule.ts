const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Wait after the n-th consecutive failure (index n-1); after the last one the delivery is `failed`. */
export const RETRY_DELAYS_MS = [0, 5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR] as const;

/** At most this many attempts per queueing: the first one and one per retry delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** An endpoint failing without a single success for this long is disabled. */
export const DISABLE_AFTER_MS = 5 * 24 * HOUR;

/** How long a claimed attempt is reserved for its runner before another may take it over. */
export const CLAIM_MS = 60 * SECOND;

/**
 * The delay before the next attempt after `failures` consecutive failures, with up to ±10 %
 * jitter so retries of many deliveries do not arrive together; null when no retry is left.
 */
export function retryDelayMs(failures: number, random: () => number, delays: readonly number[] = RETRY_DELAYS_MS): number | null {
  const base = delays[failures - 1];
  if (base === undefined) return null;
  return Math.round(base * (1 + (random() * 2 - 1) * 0.1));
}
