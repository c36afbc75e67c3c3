import type {
  Clock,
  OneShotSchedule,
  RecurringSchedule,
  SchedulePayload,
  Scheduler,
} from "../../core/ports.js";
import type { StoredSchedule } from "../../store/dynamo-store.js";

/** The part of the store the local scheduler keeps its schedules in (the same table as everything else). */
export interface ScheduleStore {
  addSchedule(schedule: StoredSchedule): Promise<boolean>;
  putSchedule(schedule: StoredSchedule): Promise<void>;
  deleteSchedule(name: string): Promise<void>;
  listDueSchedules(until: number, limit: number): Promise<StoredSchedule[]>;
}

/** When a recurring schedule fires next, strictly after `after` (epoch ms). */
export type NextOccurrence = (cron: string, timezone: string, after: number) => number;

/** One firing of a schedule, as a handler receives it. */
export interface Delivery {
  name: string;
  payload: SchedulePayload;
  dueAt: number;
  firedAt: number;
  /** 1 for the first try; more after failures (the loop delivers at least once). */
  attempt: number;
}

export type DeliveryHandler = (delivery: Delivery) => Promise<void>;

const NAME = /^[0-9A-Za-z_.-]{1,64}$/;

/**
 * The one-machine stand-in for EventBridge Scheduler: schedules are rows in the table, so they
 * survive a restart, and `ScheduleLoop` fires them into the same handlers the Lambdas run.
 */
export class LocalScheduler implements Scheduler {
  constructor(
    private readonly store: ScheduleStore,
    private readonly clock: Clock,
    private readonly next: NextOccurrence,
  ) {}

  async scheduleOnce(schedule: OneShotSchedule): Promise<void> {
    assertName(schedule.name);
    // Like a ClientToken on AWS: creating the same schedule again changes nothing.
    await this.store.addSchedule({
      name: schedule.name,
      dueAt: schedule.at,
      payload: schedule.payload,
      attempts: 0,
      createdAt: this.clock.now(),
    });
  }

  async scheduleRecurring(schedule: RecurringSchedule): Promise<void> {
    assertName(schedule.name);
    await this.store.putSchedule({
      name: schedule.name,
      dueAt: this.next(schedule.cron, schedule.timezone, this.clock.now()),
      payload: schedule.payload,
      recurring: { cron: schedule.cron, timezone: schedule.timezone },
      attempts: 0,
      createdAt: this.clock.now(),
    });
  }

  async cancel(name: string): Promise<void> {
    assertName(name);
    await this.store.deleteSchedule(name);
  }
}

function assertName(name: string) {
  if (!NAME.test(name)) throw new RangeError(`schedule name must match ${NAME}: ${name}`);
}

export interface LoopOptions {
  store: ScheduleStore;
  clock: Clock;
  handle: DeliveryHandler;
  next: NextOccurrence;
  /** How often the loop looks for due schedules; lateness is about half of it. */
  intervalMs?: number;
  /** Deliveries started per look. */
  batch?: number;
  /** After this many failed tries a schedule is dropped (and logged), like a dead-letter queue. */
  maxAttempts?: number;
  log?: (entry: Record<string, unknown>) => void;
}

/** How late each firing was, for `npm start` logs and the benchmark. */
export interface LatenessStats {
  count: number;
  medianMs: number | null;
  maxMs: number | null;
}

/**
 * Fires due schedules at least once. A schedule that fell due while the process was down fires on
 * the first look after start, and its lateness is recorded. A failed delivery is retried with backoff.
 */
export class ScheduleLoop {
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Map<string, Promise<void>>();
  /**
   * Firings finished a moment ago, by name and due time. The due-time index is updated after the
   * write that deletes a schedule returns, so a look right after can still list it; this keeps
   * such a ghost from firing twice (handlers are idempotent anyway: this is about noise, not safety).
   */
  private readonly recent = new Map<string, { dueAt: number; until: number }>();
  private readonly lateness: number[] = [];
  private looking = false;
  private readonly intervalMs: number;
  private readonly batch: number;
  private readonly maxAttempts: number;

  constructor(private readonly options: LoopOptions) {
    this.intervalMs = options.intervalMs ?? 100;
    this.batch = options.batch ?? 50;
    this.maxAttempts = options.maxAttempts ?? 8;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    void this.tick();
  }

  /** Stops looking and waits for deliveries already under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await Promise.allSettled([...this.inFlight.values()]);
  }

  /** Resolves when every delivery under way has finished (tests drive the loop with `tick` and this). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight.values()]);
  }

  stats(): LatenessStats {
    const sorted = [...this.lateness].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    const median =
      sorted.length === 0
        ? null
        : sorted.length % 2
          ? sorted[mid]
          : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
    return { count: sorted.length, medianMs: median ?? null, maxMs: sorted.at(-1) ?? null };
  }

  /** One look for due schedules; public so tests can drive the loop step by step. */
  async tick(): Promise<void> {
    if (this.looking) return;
    this.looking = true;
    try {
      const now = this.options.clock.now();
      const due = await this.options.store.listDueSchedules(now, this.batch + this.inFlight.size);
      for (const [name, done] of this.recent) if (done.until < now) this.recent.delete(name);
      for (const schedule of due) {
        if (this.inFlight.has(schedule.name)) continue;
        if (this.recent.get(schedule.name)?.dueAt === schedule.dueAt) continue;
        const run = this.deliver(schedule).finally(() => this.inFlight.delete(schedule.name));
        this.inFlight.set(schedule.name, run);
      }
    } catch (err) {
      // The store being down is not fatal: the next look tries again.
      this.options.log?.({ level: "warn", msg: "schedule look failed", error: (err as Error).message });
    } finally {
      this.looking = false;
    }
  }

  private async deliver(schedule: StoredSchedule): Promise<void> {
    const { store, clock, handle, next, log } = this.options;
    const firedAt = clock.now();
    const attempt = schedule.attempts + 1;
    if (attempt === 1) this.record(firedAt - schedule.dueAt);
    try {
      await handle({
        name: schedule.name,
        payload: schedule.payload,
        dueAt: schedule.dueAt,
        firedAt,
        attempt,
      });
    } catch (err) {
      const error = (err as Error).message;
      if (attempt >= this.maxAttempts && schedule.recurring) {
        // A monthly planner must survive a bad night: skip this occurrence, keep the schedule.
        const { cron, timezone } = schedule.recurring;
        log?.({
          level: "error",
          msg: "recurring schedule skipped an occurrence after retries",
          name: schedule.name,
          error,
        });
        await store
          .putSchedule({
            ...schedule,
            dueAt: next(cron, timezone, Math.max(clock.now(), schedule.dueAt)),
            attempts: 0,
          })
          .catch(() => undefined);
        return;
      }
      if (attempt >= this.maxAttempts) {
        log?.({
          level: "error",
          msg: "schedule dropped after retries",
          name: schedule.name,
          attempts: attempt,
          error,
        });
        await store.deleteSchedule(schedule.name).catch(() => undefined);
        return;
      }
      const backoff = Math.min(60_000, 1_000 * 2 ** (attempt - 1));
      log?.({
        level: "warn",
        msg: "schedule delivery failed; retrying",
        name: schedule.name,
        attempt,
        backoffMs: backoff,
        error,
      });
      await store
        .putSchedule({ ...schedule, dueAt: clock.now() + backoff, attempts: attempt })
        .catch(() => undefined);
      return;
    }
    if (attempt > 1 || firedAt - schedule.dueAt > 1_000) {
      log?.({
        level: "info",
        msg: "schedule fired late",
        name: schedule.name,
        latenessMs: firedAt - schedule.dueAt,
        attempt,
      });
    }
    this.recent.set(schedule.name, { dueAt: schedule.dueAt, until: clock.now() + 10_000 });
    if (schedule.recurring) {
      const { cron, timezone } = schedule.recurring;
      await store.putSchedule({
        ...schedule,
        dueAt: next(cron, timezone, Math.max(firedAt, schedule.dueAt)),
        attempts: 0,
      });
    } else {
      await store.deleteSchedule(schedule.name);
    }
  }

  private record(ms: number) {
    this.lateness.push(ms);
    // Bounded: a long-running `npm start` keeps the recent figures only.
    if (this.lateness.length > 10_000) this.lateness.shift();
  }
}
