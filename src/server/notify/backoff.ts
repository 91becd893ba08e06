/**
 * Retry schedule of webhook and e-mail deliveries: exponential back-off with "full jitter"
 * (Marc Brooker, "Exponential Backoff and Jitter", AWS Architecture Blog, 2015): the wait
 * before retry n is uniformly random in [0, min(cap, base · 2^(n-1))]. The randomness spreads
 * the retries of many deliveries that failed together (a receiver down for an hour) instead of
 * sending them back in synchronised waves.
 */
export interface RetryPolicy {
  /** Ceiling of the first wait (ms). */
  baseMs: number;
  /** Largest wait (ms). */
  capMs: number;
  /** Attempts in all, the first included; after the last failure the delivery is `failed`. */
  maxAttempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  baseMs: 30_000,
  capMs: 6 * 60 * 60_000,
  maxAttempts: 10,
};

/** The ceiling of the wait after `attempt` failed attempts (1 = the first failed). */
export function backoffCeilingMs(policy: RetryPolicy, attempt: number): number {
  const exp = Math.min(attempt - 1, 30); // 2^30 · base is already far past any cap
  return Math.min(policy.capMs, policy.baseMs * 2 ** exp);
}

/** The wait before the next attempt; `random` returns a number in [0, 1). */
export function backoffDelayMs(
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  return Math.floor(random() * backoffCeilingMs(policy, attempt));
}
