import type { Bench } from "../harness.js";
import { apiBench } from "./api.js";
import { coldStartBench } from "./cold-start.js";
import { generatorBench } from "./generator.js";
import { plannerBench } from "./planner.js";
import { schedulerBench } from "./scheduler.js";
import { scoringBench } from "./scoring.js";

/**
 * Every benchmark `npm run bench` runs, in this order. A new one is a file in this folder that
 * exports a `Bench`, added here (the web app's bundle and time-to-interactive bench belongs here
 * once web/ has landed).
 */
export const BENCHES: Bench[] = [
  apiBench,
  generatorBench,
  scoringBench,
  plannerBench,
  schedulerBench,
  coldStartBench,
];

/** Budgets from issue 7 that no benchmark here measures yet, listed in BENCHMARKS.md so the gap is visible. */
export const PENDING: string[] = [
  "Web: initial JS gzipped (budget ≤ 200 KB) and the war room's time to interactive on a cold load in headless Chromium. The web app (`web/`, built with `vite build --config web/vite.config.ts`) is not on this branch yet; its bench goes in `test/bench/benches/` and the list in `benches/index.ts`.",
];
