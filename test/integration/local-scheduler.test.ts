import { describe, expect, it } from "vitest";
import { type Delivery, LocalScheduler, ScheduleLoop } from "../../functions/adapters/local/scheduler.js";
import { systemClock } from "../../functions/adapters/system.js";
import { freshStore } from "../support/store.js";

const payload = { target: "inject" as const, teamId: "t-1", drillId: "dr-1" };
const everySecond = (_cron: string, _tz: string, after: number) => after + 1_000;
const waitFor = async (condition: () => boolean, ms: number) => {
  const until = Date.now() + ms;
  while (!condition() && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
};

describe("the local scheduler (schedules in the table, one loop firing them)", () => {
  it("fires each of 200 one-shot schedules once, never early, and measures how late", async () => {
    const { store } = await freshStore();
    const scheduler = new LocalScheduler(store, systemClock, everySecond);
    const fired: Delivery[] = [];
    const start = Date.now() + 500;
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        scheduler.scheduleOnce({
          name: `inject-dr-${i}`,
          at: start + (i % 40) * 50,
          payload: { ...payload, drillId: `dr-${i}` },
        }),
      ),
    );
    const loop = new ScheduleLoop({
      store,
      clock: systemClock,
      next: everySecond,
      handle: async (d) => void fired.push(d),
      intervalMs: 100,
    });
    loop.start();
    await waitFor(() => fired.length >= 200, 15_000);
    await loop.stop();
    expect(new Set(fired.map((d) => d.name)).size).toBe(200);
    expect(fired.every((d) => d.firedAt >= d.dueAt)).toBe(true);
    expect(await store.listDueSchedules(Date.now() + 60_000, 10)).toEqual([]);
    const stats = loop.stats();
    expect(stats.count).toBe(200);
    console.info(
      `local scheduler lateness over 200 schedules: median ${stats.medianMs} ms, max ${stats.maxMs} ms`,
    );
  });

  it("creates a schedule once however often it is asked to", async () => {
    const { store } = await freshStore();
    const scheduler = new LocalScheduler(store, systemClock, everySecond);
    const at = Date.now() - 10;
    await Promise.all([1, 2, 3].map(() => scheduler.scheduleOnce({ name: "close-dr-1", at, payload })));
    expect(await store.listDueSchedules(Date.now(), 10)).toHaveLength(1);
  });

  it("fires on start what fell due while it was down, and records the lateness", async () => {
    const { store } = await freshStore();
    const scheduler = new LocalScheduler(store, systemClock, everySecond);
    await scheduler.scheduleOnce({ name: "inject-while-down", at: Date.now() - 5_000, payload });
    const fired: Delivery[] = [];
    const loop = new ScheduleLoop({
      store,
      clock: systemClock,
      next: everySecond,
      handle: async (d) => void fired.push(d),
    });
    loop.start();
    await waitFor(() => fired.length > 0, 5_000);
    await loop.stop();
    expect(fired).toHaveLength(1);
    expect((fired[0]?.firedAt ?? 0) - (fired[0]?.dueAt ?? 0)).toBeGreaterThanOrEqual(5_000);
    expect(loop.stats().maxMs).toBeGreaterThanOrEqual(5_000);
  });

  it("delivers again after a failure, at least once, and cancels cleanly", async () => {
    const { store } = await freshStore();
    const scheduler = new LocalScheduler(store, systemClock, everySecond);
    await scheduler.scheduleOnce({ name: "flaky", at: Date.now(), payload });
    await scheduler.scheduleOnce({ name: "cancelled", at: Date.now() + 300, payload });
    await scheduler.cancel("cancelled");
    await scheduler.cancel("never-existed");
    const attempts: Delivery[] = [];
    const loop = new ScheduleLoop({
      store,
      clock: systemClock,
      next: everySecond,
      intervalMs: 50,
      handle: async (d) => {
        attempts.push(d);
        if (d.attempt === 1) throw new Error("handler down");
      },
    });
    loop.start();
    await waitFor(() => attempts.length >= 2, 5_000);
    await loop.stop();
    expect(attempts.map((a) => [a.name, a.attempt])).toEqual([
      ["flaky", 1],
      ["flaky", 2],
    ]);
  });

  it("moves a recurring schedule to its next time after each firing", async () => {
    const { store } = await freshStore();
    const scheduler = new LocalScheduler(store, systemClock, (_c, _t, after) => after + 300);
    await scheduler.scheduleRecurring({
      name: "plan-p-1",
      cron: "0 0 1 * ? *",
      timezone: "Asia/Shanghai",
      payload: { target: "plan", teamId: "t-1", programId: "p-1" },
    });
    const fired: Delivery[] = [];
    const loop = new ScheduleLoop({
      store,
      clock: systemClock,
      next: (_c, _t, after) => after + 300,
      handle: async (d) => void fired.push(d),
      intervalMs: 50,
    });
    loop.start();
    await waitFor(() => fired.length >= 3, 5_000);
    await loop.stop();
    expect(fired.slice(0, 3).map((d) => d.name)).toEqual(["plan-p-1", "plan-p-1", "plan-p-1"]);
    expect(await store.getSchedule("plan-p-1")).not.toBeNull();
  });
});
