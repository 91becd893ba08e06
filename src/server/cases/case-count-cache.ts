/**
 * Totals of the case list, kept for a few seconds per organisation and filter set. Counting up
 * to 10,000 matching cases is the most expensive part of a list request (bench/README.md); a
 * total at most `ttlMs` old is good enough for "1–25 of 4,812", while the page of cases itself
 * is always read fresh. Creating a case through the service clears the organisation's totals in
 * this process; other writers (other processes, status changes, bulk imports) show within `ttlMs`.
 *
 * The key holds the organisation, so no organisation ever reads another's figure. If case
 * visibility ever depends on the user (not only the organisation), the key must include it.
 */
export class CaseCountCache {
  readonly #entries = new Map<string, { total: number; at: number }>();

  constructor(
    readonly ttlMs = 5_000,
    readonly maxEntries = 10_000,
  ) {}

  get(orgId: string, filters: string, now: number): number | undefined {
    const hit = this.#entries.get(`${orgId}|${filters}`);
    return hit && now - hit.at < this.ttlMs ? hit.total : undefined;
  }

  set(orgId: string, filters: string, total: number, now: number): void {
    if (this.#entries.size >= this.maxEntries) this.#entries.clear();
    this.#entries.set(`${orgId}|${filters}`, { total, at: now });
  }

  invalidate(orgId: string): void {
    for (const key of this.#entries.keys())
      if (key.startsWith(`${orgId}|`)) this.#entries.delete(key);
  }
}
