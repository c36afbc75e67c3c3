import { RateLimitedError } from "./errors.js";
import type { Clock, RateLimiter } from "./ports.js";

/**
 * How sign-in is limited (issue 13, item 5). Three limits, each against a different attacker:
 *
 * - per account *and* client: 8 attempts in a fixed 15-minute window, successes included. Someone
 *   guessing a victim's password from their own machine exhausts their own bucket, not the victim's,
 *   so the owner still signs in from theirs.
 * - per client, across accounts: 30 failed (or still running) attempts in the window. A flood of
 *   random emails from one client stops after 30 password hashes instead of costing one each. A
 *   successful sign-in gives its attempt back, so an office behind one NAT address is not held up.
 * - per account, across clients: 100 attempts in the window, a backstop. The client is what the
 *   edge says it is; if an attacker can claim to be many clients (a direct call past CloudFront,
 *   a botnet), guessing one account's password stays bounded, and only a sustained attack of
 *   that size, not 8 wrong tries by anyone, keeps the owner out for the rest of the window.
 * - per process: at most 2 password hashes at once and 8 waiting. Past that the answer is 429 with
 *   Retry-After at once, so a flood from many clients cannot take the CPU every other request needs.
 *
 * Unknown emails still cost a full hash (timing must not tell them apart); the limits are what bound
 * the cost.
 */
export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60_000,
  perAccountClient: 8,
  perAccount: 100,
  perClientFailures: 30,
  concurrentHashes: 2,
  queuedHashes: 8,
} as const;
export type SignInLimits = { [K in keyof typeof SIGN_IN_LIMITS]: number };

const TOO_MANY = "too many sign-in attempts; wait a few minutes and try again";

/** Runs at most `max` jobs at once with at most `queue` waiting; refuses the rest straight away. */
export class Gate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  /** What a test or an operator can read: how many ran, how many were refused, the most at once. */
  readonly stats = { admitted: 0, refused: 0, peak: 0 };

  constructor(
    private readonly max: number,
    private readonly queue: number,
  ) {}

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) {
      if (this.waiting.length >= this.queue) {
        this.stats.refused += 1;
        throw new RateLimitedError("busy", "sign-in is busy; try again in a moment", 1);
      }
      await new Promise<void>((start) => this.waiting.push(start));
    } else {
      this.active += 1;
    }
    this.stats.admitted += 1;
    this.stats.peak = Math.max(this.stats.peak, this.active);
    try {
      return await job();
    } finally {
      // Hand the slot straight to the next in line, so `active` never dips below what is running.
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}

export interface Admission {
  clientKey: string;
}

/** The three limits around every password check (sign-in, a password change). */
export class SignInGuard {
  readonly gate: Gate;

  constructor(
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
    readonly limits: SignInLimits = SIGN_IN_LIMITS,
  ) {
    this.gate = new Gate(limits.concurrentHashes, limits.queuedHashes);
  }

  private retryAfter(now: number): number {
    const windowEnd = now - (now % this.limits.windowMs) + this.limits.windowMs;
    return Math.ceil((windowEnd - now) / 1000);
  }

  /** Counts the attempt against the client, then against the account from that client; 429 past either. */
  async admit(email: string, client: string): Promise<Admission> {
    const now = this.clock.now();
    const { windowMs } = this.limits;
    const clientKey = `client:${client}`;
    // The client first: once it is over, the flood's emails never reach a counter (nor the memory) of their own.
    if ((await this.limiter.add(clientKey, windowMs, now)) > this.limits.perClientFailures) {
      throw new RateLimitedError("too_many_attempts", TOO_MANY, this.retryAfter(now));
    }
    if ((await this.limiter.add(`login:${email}:${client}`, windowMs, now)) > this.limits.perAccountClient) {
      throw new RateLimitedError("too_many_attempts", TOO_MANY, this.retryAfter(now));
    }
    if ((await this.limiter.add(`login:${email}`, windowMs, now)) > this.limits.perAccount) {
      throw new RateLimitedError("too_many_attempts", TOO_MANY, this.retryAfter(now));
    }
    return { clientKey };
  }

  /** The password hash itself, within the process-wide cap. */
  check<T>(job: () => Promise<T>): Promise<T> {
    return this.gate.run(job);
  }

  /** A right password gives the client its attempt back: only failures count against a client. */
  async succeeded(admission: Admission): Promise<void> {
    await this.limiter.add(admission.clientKey, this.limits.windowMs, this.clock.now(), -1);
  }
}
