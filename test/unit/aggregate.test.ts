import { describe, expect, it } from "vitest";
import { aggregate, percentile, readiness, type ScoredDrill } from "../../functions/core/aggregate.js";
import type { Scorecard, StepResult } from "../../functions/core/scoring.js";
import type { ActionKind } from "../../functions/core/vocabulary.js";

const DAY = 86_400_000;
const NOV = Date.UTC(2026, 10, 1);

function stepResult(
  action: ActionKind,
  doneAt: number | null,
  targetSeconds: number,
  by = "amy",
): StepResult {
  return {
    id: action,
    label: { zh: action, en: action },
    action,
    required: true,
    weight: 10,
    targetSeconds,
    doneAt,
    by: doneAt === null ? null : by,
    metTarget: doneAt !== null && doneAt <= targetSeconds,
    points: 0,
  };
}

function drill(partial: {
  id: string;
  team?: string;
  month?: string;
  total: number;
  ttd: number | null;
  ttr?: number | null;
  notifyAt?: number | null;
  practice?: boolean;
  scenario?: string;
  detectedBy?: string;
  injectedAt?: number;
}): ScoredDrill {
  const scorecard: Scorecard = {
    timeToAcknowledge: null,
    acknowledgedBy: null,
    timeToDetect: partial.ttd,
    detectedBy: partial.ttd === null ? null : (partial.detectedBy ?? "amy"),
    timeToResolve: partial.ttr ?? null,
    resolvedBy: null,
    steps: [stepResult("notify_client", partial.notifyAt ?? null, 900, partial.detectedBy)],
    penalties: [],
    falseFlags: 0,
    earned: 0,
    possible: 100,
    penaltyPoints: 0,
    total: partial.total,
    grade: "A",
    passed: partial.total >= 80,
    missedRequired: [],
    breakdown: { zh: [], en: [] },
  };
  return {
    drillId: partial.id,
    teamId: partial.team ?? "team-a",
    scenarioId: partial.scenario ?? "sensitive-word-post",
    month: partial.month ?? "2026-11",
    injectedAt: partial.injectedAt ?? NOV,
    practice: partial.practice ?? false,
    scorecard,
  };
}

describe("percentile", () => {
  it("interpolates between closest ranks", () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBe(91);
  });
});

describe("aggregate", () => {
  const drills = [
    drill({ id: "d1", total: 92, ttd: 120, ttr: 1500, notifyAt: 600 }),
    drill({ id: "d2", total: 78, ttd: 300, ttr: 3000, notifyAt: 1200, detectedBy: "bo" }),
    drill({ id: "d3", total: 85, ttd: 600, ttr: null, notifyAt: 900 }),
    drill({ id: "d4", total: 40, ttd: null, notifyAt: null, scenario: "competitor-group-raid" }),
    drill({ id: "p1", total: 10, ttd: 5000, practice: true }),
    drill({ id: "d5", team: "team-b", total: 100, ttd: 60, notifyAt: 300 }),
    drill({ id: "d6", month: "2026-10", total: 70, ttd: 200 }),
  ];

  it("groups by team and month, leaving practice drills out of official figures", () => {
    const figures = aggregate(drills);
    expect(figures.map((f) => [f.teamId, f.month, f.count, f.practice])).toEqual([
      ["team-a", "2026-10", 1, 0],
      ["team-a", "2026-11", 4, 1],
      ["team-b", "2026-11", 1, 0],
    ]);
  });

  it("gives median and p90 of time-to-detect and time-to-resolve, counting what never happened", () => {
    const nov = aggregate(drills).find((f) => f.teamId === "team-a" && f.month === "2026-11");
    expect(nov?.timeToDetect).toEqual({ median: 300, p90: 540, missing: 1 });
    expect(nov?.timeToResolve).toEqual({ median: 2250, p90: 2850, missing: 2 });
  });

  it("gives the pass rate and the golden-15-minutes attainment", () => {
    const nov = aggregate(drills).find((f) => f.teamId === "team-a" && f.month === "2026-11");
    expect(nov?.passRate).toBe(0.5);
    expect(nov?.sla.notify_client).toEqual({ drills: 4, met: 2, rate: 0.5 });
    expect(nov?.scenarios["competitor-group-raid"]).toEqual({ count: 1, averageScore: 40, passRate: 0 });
  });

  it("says who detected and acted, and how fast", () => {
    const nov = aggregate(drills).find((f) => f.teamId === "team-a" && f.month === "2026-11");
    expect(nov?.responders).toEqual([
      {
        actor: "amy",
        detections: 2,
        medianTimeToDetect: 360,
        stepsDone: 2,
        stepsOnTarget: 2,
        medianStepTime: 750,
      },
      {
        actor: "bo",
        detections: 1,
        medianTimeToDetect: 300,
        stepsDone: 1,
        stepsOnTarget: 0,
        medianStepTime: 1200,
      },
    ]);
  });

  it("can include practice drills when asked", () => {
    const nov = aggregate(drills, { includePractice: true }).find(
      (f) => f.teamId === "team-a" && f.month === "2026-11",
    );
    expect(nov?.count).toBe(5);
  });
});

describe("readiness", () => {
  it("is unknown before the first official drill", () => {
    expect(readiness([drill({ id: "p", total: 90, ttd: 1, practice: true })], NOV).value).toBeNull();
  });

  it("weighs recent drills more: a drill 60 days old counts half as much", () => {
    const r = readiness(
      [
        drill({ id: "old", total: 40, ttd: 1, injectedAt: NOV - 60 * DAY }),
        drill({ id: "new", total: 100, ttd: 1, injectedAt: NOV }),
      ],
      NOV,
    );
    // (0.5 × 40 + 1 × 100) / 1.5
    expect(r.weightedScore).toBe(80);
    expect(r.value).toBe(80);
  });

  it("holds for 35 days after the last drill, then loses 25 % per 30 days", () => {
    const last = [drill({ id: "d", total: 80, ttd: 1, injectedAt: NOV })];
    expect(readiness(last, NOV + 35 * DAY).value).toBe(80);
    expect(readiness(last, NOV + 65 * DAY).value).toBe(60);
    expect(readiness(last, NOV + 95 * DAY).value).toBe(45);
  });
});
