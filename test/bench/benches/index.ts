import type { Bench } from "../harness.js";
import { apiBench } from "./api.js";
import { coldStartBench } from "./cold-start.js";
import { generatorBench } from "./generator.js";
import { plannerBench } from "./planner.js";
import { schedulerBench } from "./scheduler.js";
import { scoringBench } from "./scoring.js";
import { webBench } from "./web.js";

/**
 * Every benchmark `npm run bench` runs, in this order. A new one is a file in this folder that
 * exports a `Bench`, added here.
 */
export const BENCHES: Bench[] = [
  apiBench,
  generatorBench,
  scoringBench,
  plannerBench,
  schedulerBench,
  coldStartBench,
  webBench,
];

/** Budgets from issue 7 that no benchmark here measures yet, listed in BENCHMARKS.md so the gap is visible. */
export const PENDING: string[] = [];
