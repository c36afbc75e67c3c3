import { cpus, release, totalmem } from "node:os";
import { percentile } from "../../functions/core/aggregate.js";

/**
 * What every benchmark declares. A run returns raw figures; the runner repeats runs, summarises
 * them (median and range) and checks the budgets, so a bench file holds only what it measures.
 */

export interface Budget {
  op: "<=" | "<" | ">=";
  value: number;
}

export interface Metric {
  key: string;
  label: string;
  unit: string;
  budget?: Budget;
  /**
   * Which run the budget is checked against: the median run (default, right for a noisy shared
   * machine) or the worst one, for figures that are themselves a maximum.
   */
  check?: "median" | "worst";
  digits?: number;
}

export interface RunResult {
  metrics: Record<string, number>;
  /** Observations worth keeping with the figures (a profile, a caveat); the last run's are reported. */
  notes?: string[];
}

export interface BenchContext {
  /** Whatever `prepare` returned, passed through JSON so that isolated runs get it too. */
  prepared: unknown;
  /** 1-based, for logs. */
  run: number;
  log: (line: string) => void;
}

export interface Bench {
  id: string;
  title: string;
  /** One sentence for the report: what is timed, on what. */
  what: string;
  runs: number;
  /** Each run in a fresh Node process: no JIT warmth, no heap left over, a clean peak RSS. */
  isolate: boolean;
  metrics: Metric[];
  /** Once, in the runner, before the runs (e.g. building the bundles every run imports). */
  prepare?: (log: (line: string) => void) => Promise<unknown>;
  run(context: BenchContext): Promise<RunResult>;
  /**
   * Written by hand from a profile of a missed budget: where the time goes and what would close the
   * gap. Words, not figures (those come from the runs), so a later run cannot contradict it silently.
   */
  findings?: string[];
  /** After the last run, with what `prepare` returned (e.g. removing a build directory). */
  cleanup?: (prepared: unknown) => Promise<void>;
}

export interface Summary {
  median: number;
  min: number;
  max: number;
  values: number[];
}

/** The scorecards' own percentile (linear between closest ranks); NaN, not null, for no values. */
export const quantile = (values: readonly number[], p: number): number => percentile(values, p) ?? Number.NaN;

export const median = (values: readonly number[]) => quantile(values, 0.5);

export function summarise(values: readonly number[]): Summary {
  return {
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    values: [...values],
  };
}

/** The value a budget is judged on: "worst" is the max for an upper bound and the min for a lower one. */
export function judgedValue(metric: Metric, summary: Summary): number {
  if (metric.check !== "worst" || !metric.budget) return summary.median;
  return metric.budget.op === ">=" ? summary.min : summary.max;
}

export function meets(budget: Budget, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (budget.op === "<=") return value <= budget.value;
  if (budget.op === "<") return value < budget.value;
  return value >= budget.value;
}

export function format(value: number, metric: Pick<Metric, "digits">): string {
  if (!Number.isFinite(value)) return "n/a";
  const digits = metric.digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  os: string;
}

export function machine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? "unknown",
    cores: list.length,
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${process.platform} ${release()}`,
  };
}

/** Peak resident set size of this process so far, in MB (getrusage reports KiB on Linux). */
export const peakRssMb = () => (process.resourceUsage().maxRSS * 1024) / 1e6;

export const ms = (startNs: bigint) => Number(process.hrtime.bigint() - startNs) / 1e6;

/**
 * Wall and CPU time of a stretch of work. On a shared machine wall time includes the time other
 * processes held the cores; CPU time (user + system, every thread of this process, GC helpers
 * included) does not, and on an idle machine it is at least the wall time of single-threaded work.
 * CPU-bound budgets are therefore judged on CPU time, a conservative stand-in for an idle machine.
 */
export function stopwatch() {
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { wallMs: ms(wall), cpuMs: (used.user + used.system) / 1000 };
  };
}
