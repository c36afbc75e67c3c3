import type { RateLimiter, Store } from "../core/ports.js";

/**
 * Sign-in counters in the process's memory: `npm start` and tests, where one process serves every
 * request. Windows are fixed (their start is part of the key), so an old window is simply dropped.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly counts = new Map<string, { windowEnd: number; count: number }>();

  constructor(private readonly maxKeys = 100_000) {}

  async add(key: string, windowMs: number, now: number, by = 1): Promise<number> {
    const windowStart = now - (now % windowMs);
    const id = `${key}@${windowStart}`;
    const entry = this.counts.get(id);
    if (entry) {
      entry.count += by;
      return entry.count;
    }
    if (this.counts.size >= this.maxKeys) this.prune(now);
    this.counts.set(id, { windowEnd: windowStart + windowMs, count: by });
    return by;
  }

  /** Drops ended windows; under a flood of fresh keys in one window, the oldest keys go first. */
  private prune(now: number): void {
    for (const [id, entry] of this.counts) if (entry.windowEnd <= now) this.counts.delete(id);
    for (const id of this.counts.keys()) {
      if (this.counts.size < this.maxKeys) break;
      this.counts.delete(id);
    }
  }
}

/**
 * Sign-in counters in the table: on AWS every request may land on another Lambda instance, each with
 * its own memory, so a count kept in memory would be divided by the number of instances (and reset by
 * every cold start). One atomic UpdateItem per count; the TTL removes a window after it has passed.
 */
export class StoreRateLimiter implements RateLimiter {
  constructor(private readonly store: Pick<Store, "countFailedLogin">) {}

  add(key: string, windowMs: number, now: number, by = 1): Promise<number> {
    const windowStart = now - (now % windowMs);
    return this.store.countFailedLogin(key, windowStart, Math.ceil((windowStart + 2 * windowMs) / 1000), by);
  }
}
