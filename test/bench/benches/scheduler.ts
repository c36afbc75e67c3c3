import { ScheduleLoop } from "../../../functions/adapters/local/scheduler.js";
import { systemClock } from "../../../functions/adapters/system.js";
import { nextCron } from "../../../functions/core/cron.js";
import type { Drill } from "../../../functions/core/ports.js";
import { type Bench, median, quantile } from "../harness.js";
import { startProduct } from "../support/product.js";

const SCHEDULES = 200;
/** Four schedules fall due together every 200 ms for 10 s: bursts, as a month's plans of many teams make. */
const BURST = 4;
const GAP_MS = 200;
/** Time to write the schedules before the first falls due: a loaded DynamoDB Local takes ~20 ms a write. */
const LEAD_MS = 2_000;
const WRITE_ALLOWANCE_MS = 40;

type Product = Awaited<ReturnType<typeof startProduct>>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Moves each named schedule to its measured moment; one at a time, as a loaded DynamoDB Local refuses floods. */
async function dueSoon(product: Product, names: string[], payloadOf: (i: number) => object) {
  const first = Date.now() + LEAD_MS + names.length * WRITE_ALLOWANCE_MS;
  const dueOf = (i: number) => first + Math.floor(i / BURST) * GAP_MS;
  for (const [i, name] of names.entries()) {
    await product.store.putSchedule({
      name,
      dueAt: dueOf(i),
      payload: payloadOf(i) as never,
      attempts: 0,
      createdAt: Date.now(),
    });
  }
  if (Date.now() > first) throw new Error("the schedules were not all written before the first fell due");
  return { dueOf, lastDue: dueOf(names.length - 1) };
}

async function until(loop: ScheduleLoop, lastDue: number) {
  while (loop.stats().count < SCHEDULES && Date.now() < lastDue + 30_000) await sleep(100);
  await loop.idle();
  return loop.stats();
}

export const schedulerBench: Bench = {
  id: "scheduler",
  title: "Local scheduler lateness",
  what: `${SCHEDULES} one-shot schedules on DynamoDB Local, due ${BURST} at a time every ${GAP_MS} ms; lateness = fired − due as the schedule loop records it (100 ms look interval). Judged on the product path: ${SCHEDULES} drills scheduled through the drill service and fired by the local runtime's loop into the real injector (drill transition, closer schedule, Drill Injected event, notifier). The loop alone, with a handler that does nothing, is shown for comparison`,
  runs: 3,
  isolate: true,
  metrics: [
    {
      key: "medianMs",
      label: "median lateness, real injector",
      unit: "ms",
      budget: { op: "<=", value: 250 },
    },
    {
      key: "maxMs",
      label: "max lateness, real injector",
      unit: "ms",
      budget: { op: "<=", value: 1_000 },
      check: "worst",
    },
    { key: "injectedMedianMs", label: "median injected − due (handler included)", unit: "ms" },
    { key: "injected", label: "drills injected", unit: "", digits: 0 },
    { key: "loopMedianMs", label: "median lateness, loop alone", unit: "ms" },
    { key: "loopMaxMs", label: "max lateness, loop alone", unit: "ms" },
  ],
  async run() {
    const product = await startProduct({ clock: systemClock });
    try {
      // The loop alone first: the same store and table, a handler that returns at once.
      const bare = new ScheduleLoop({
        store: product.store,
        clock: systemClock,
        next: nextCron,
        handle: async () => undefined,
      });
      const names = Array.from({ length: SCHEDULES }, (_, i) => `bench-${i}`);
      const bareDue = await dueSoon(product, names, () => ({ target: "inject", teamId: "t", drillId: "d" }));
      bare.start();
      const bareStats = await until(bare, bareDue.lastDue);
      await bare.stop();

      const { managerId, teamId } = await product.team();
      const caller = { userId: managerId, name: "主管", admin: true };
      // Created an hour ahead, then their schedules are moved to the measured moments, so the time
      // spent creating 200 drills does not eat into the first ones' lead.
      const drills: Drill[] = [];
      for (let i = 0; i < SCHEDULES; i++) {
        drills.push(
          await product.runtime.service.schedule(caller, teamId, {
            scenarioId: "sensitive-word-post",
            plannedAt: Date.now() + 3_600_000,
          }),
        );
      }
      const { dueOf, lastDue } = await dueSoon(
        product,
        drills.map((d) => `inject-${d.id}`),
        (i) => ({ target: "inject", teamId, drillId: drills[i]?.id }),
      );
      const loop = product.runtime.loop;
      loop.start();
      const stats = await until(loop, lastDue);
      const stored = await Promise.all(drills.map((d) => product.store.getDrill(d.id)));
      const injected = stored.filter((d) => d?.status === "injected").length;
      // The drill's own clock: when the injector stored it, which is what detection is timed from.
      const injectedLate = stored.flatMap((d, i) =>
        d?.injectedAt !== undefined ? [d.injectedAt - dueOf(i)] : [],
      );
      return {
        metrics: {
          medianMs: stats.medianMs ?? Number.NaN,
          maxMs: stats.maxMs ?? Number.NaN,
          injectedMedianMs: median(injectedLate),
          injected,
          loopMedianMs: bareStats.medianMs ?? Number.NaN,
          loopMaxMs: bareStats.maxMs ?? Number.NaN,
        },
        notes: [
          `real injector: ${stats.count} firings recorded, ${injected} of ${SCHEDULES} drills injected, injected − due p90 ${quantile(injectedLate, 0.9).toFixed(0)} ms; ${product.warnings.length} warnings from the runtime`,
        ],
      };
    } finally {
      await product.stop();
    }
  },
};
