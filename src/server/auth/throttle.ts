/**
 * Sign-in attempts per source address in a sliding window, in memory (one process). It slows
 * password guessing across many accounts; per-account lock-out (auth.service.ts) covers one
 * account guessed from many addresses. OWASP Authentication Cheat Sheet, "Login Throttling".
 */
export class AttemptThrottle {
  readonly #hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Records an attempt; false when the address has used up its attempts for the window. */
  allow(key: string, now: number): boolean {
    const recent = (this.#hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.#hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.#hits.set(key, recent);
    if (this.#hits.size > 50_000) this.#prune(now);
    return true;
  }

  #prune(now: number): void {
    for (const [k, v] of this.#hits)
      if (v.every((t) => now - t >= this.windowMs)) this.#hits.delete(k);
  }
}
