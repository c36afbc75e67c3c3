import { loadCatalog } from "../../../functions/adapters/scenario-files.js";
import { planMonth } from "../../../functions/core/planner.js";
import { ProgramInput, type ProgramSettings } from "../../../functions/core/program.js";
import { hash32, Rng } from "../../../functions/core/random.js";
import { type Bench, stopwatch } from "../harness.js";

const PROGRAMS = 10_000;
/** March 2027: New York and Berlin change to summer time inside it, so the DST path is timed too. */
const MONTH = "2027-03";
const ZONES = [
  "Asia/Shanghai",
  "Asia/Hong_Kong",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Europe/Berlin",
  "Europe/London",
  "America/New_York",
  "America/Los_Angeles",
  "Australia/Sydney",
];

/** A spread of real-looking settings: default programs, busy ones, picky ones with blackouts and quiet hours. */
function programs(scenarioIds: readonly string[]): ProgramSettings[] {
  const rng = Rng.seeded(7);
  return Array.from({ length: PROGRAMS }, (_, i) => {
    const pool =
      i % 3 === 0
        ? rng.sample(scenarioIds, rng.int(3, 8)).map((scenarioId) => ({ scenarioId, weight: rng.int(1, 5) }))
        : [];
    return ProgramInput.parse({
      drillsPerMonth: rng.int(1, 3),
      timezone: rng.pick(ZONES),
      nightDrills: rng.chance(0.3),
      pool,
      ...(i % 4 === 1
        ? {
            windows: [
              { days: [1, 3, 5], start: "10:00", end: "12:00" },
              { days: [2, 4], start: "14:00", end: "17:30" },
            ],
          }
        : {}),
      ...(i % 5 === 2 ? { quietHours: [{ start: "12:00", end: "13:30" }] } : {}),
      ...(i % 6 === 3 ? { blackoutDates: ["2027-03-08", "2027-03-15", "2027-03-22"] } : {}),
    });
  });
}

export const plannerBench: Bench = {
  id: "planner",
  title: "Planner",
  what: `planMonth() for ${PROGRAMS.toLocaleString("en-US")} programs (9 timezones, pools, windows, quiet hours, blackouts) for ${MONTH}, in a fresh process per run; judged on CPU time, wall-clock shown too`,
  runs: 5,
  isolate: true,
  metrics: [
    {
      key: "cpuMs",
      label: "plan one month for 10,000 programs (CPU time)",
      unit: "ms",
      budget: { op: "<", value: 3_000 },
    },
    { key: "wallMs", label: "the same, wall-clock", unit: "ms" },
    { key: "perProgramUs", label: "CPU time per program", unit: "µs" },
  ],
  async run() {
    const catalog = (await loadCatalog()).scenarios;
    const settings = programs(catalog.map((s) => s.id));
    let drills = 0;
    const stop = stopwatch();
    for (const [i, program] of settings.entries()) {
      // As ProgramService does: the pool narrows the catalog, an empty pool means all of it.
      const scenarios =
        program.pool.length > 0
          ? catalog.filter((s) => program.pool.some((p) => p.scenarioId === s.id))
          : catalog;
      drills += planMonth({
        program,
        month: MONTH,
        scenarios,
        rng: Rng.seeded(hash32(`program-${i}`)),
      }).length;
    }
    const { wallMs, cpuMs } = stop();
    return {
      metrics: { cpuMs, wallMs, perProgramUs: (cpuMs * 1000) / PROGRAMS },
      notes: [`${drills} drills planned for ${PROGRAMS} programs`],
    };
  },
};
