import type { StepAttainment, TeamMonthFigures } from "../../functions/core/aggregate.js";
import type { ActionKind } from "../../functions/core/vocabulary.js";
import { monthRange } from "./team-month.js";

/** One value per month of the range (null where the team had no figures), for a trend line. */
export function series(
  figures: readonly TeamMonthFigures[],
  from: string,
  to: string,
  pick: (f: TeamMonthFigures) => number | null,
): (number | null)[] {
  const byMonth = new Map(figures.map((f) => [f.month, f]));
  return monthRange(from, to).map((m) => {
    const f = byMonth.get(m);
    return f ? pick(f) : null;
  });
}

/** Seconds as minutes with one decimal, for charts. */
export const toMinutes = (s: number | null) => (s === null ? null : Math.round((s / 60) * 10) / 10);

/** SLA attainment per step kind over the whole range: met and drills summed, then the rate. */
export function slaOverRange(figures: readonly TeamMonthFigures[]): [ActionKind, StepAttainment][] {
  const sum = new Map<ActionKind, { drills: number; met: number }>();
  for (const f of figures) {
    for (const [kind, a] of Object.entries(f.sla) as [ActionKind, StepAttainment][]) {
      const s = sum.get(kind) ?? { drills: 0, met: 0 };
      s.drills += a.drills;
      s.met += a.met;
      sum.set(kind, s);
    }
  }
  return [...sum.entries()]
    .map(([kind, s]): [ActionKind, StepAttainment] => [kind, { ...s, rate: s.drills ? s.met / s.drills : 0 }])
    .sort((a, b) => a[0].localeCompare(b[0]));
}

/** Per-scenario results over the range, weighted by drill count. */
export function scenariosOverRange(
  figures: readonly TeamMonthFigures[],
): { scenarioId: string; count: number; averageScore: number; passRate: number }[] {
  const sum = new Map<string, { count: number; score: number; passed: number }>();
  for (const f of figures) {
    for (const [id, s] of Object.entries(f.scenarios)) {
      const x = sum.get(id) ?? { count: 0, score: 0, passed: 0 };
      x.count += s.count;
      x.score += s.averageScore * s.count;
      x.passed += s.passRate * s.count;
      sum.set(id, x);
    }
  }
  return [...sum.entries()]
    .map(([scenarioId, x]) => ({
      scenarioId,
      count: x.count,
      averageScore: x.count ? x.score / x.count : 0,
      passRate: x.count ? x.passed / x.count : 0,
    }))
    .sort((a, b) => b.count - a.count || a.scenarioId.localeCompare(b.scenarioId));
}

/** The figures route answers JSON or CSV; asked for JSON, its items are the team's months. */
export function figuresOf(body: unknown): TeamMonthFigures[] {
  if (body && typeof body === "object" && "items" in body && Array.isArray(body.items)) {
    return body.items as TeamMonthFigures[];
  }
  return [];
}
