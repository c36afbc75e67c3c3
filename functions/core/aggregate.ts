import type { Scorecard } from "./scoring.js";
import type { ActionKind } from "./vocabulary.js";

/** A finished drill with its scorecard, as the figures need it. */
export interface ScoredDrill {
  drillId: string;
  teamId: string;
  scenarioId: string;
  /** "YYYY-MM" in the team's timezone; the caller knows the timezone, the domain does not. */
  month: string;
  /** Epoch ms of the real injection. */
  injectedAt: number;
  /** Practice drills (run now, announced) stay out of official figures unless asked for. */
  practice: boolean;
  scorecard: Scorecard;
}

export interface Spread {
  median: number | null;
  p90: number | null;
  /** Drills where it never happened (never detected, never resolved). */
  missing: number;
}

export interface StepAttainment {
  /** Drills whose rubric had a step of this kind. */
  drills: number;
  /** Drills where that step met its target. */
  met: number;
  rate: number;
}

export interface ResponderFigures {
  actor: string;
  detections: number;
  medianTimeToDetect: number | null;
  stepsDone: number;
  stepsOnTarget: number;
  medianStepTime: number | null;
}

export interface TeamMonthFigures {
  teamId: string;
  month: string;
  count: number;
  practice: number;
  averageScore: number | null;
  passRate: number | null;
  timeToAcknowledge: Spread;
  timeToDetect: Spread;
  timeToResolve: Spread;
  /** Per step kind, e.g. `notify_client` is the golden-15-minutes attainment. */
  sla: Partial<Record<ActionKind, StepAttainment>>;
  scenarios: Record<string, { count: number; averageScore: number; passRate: number }>;
  responders: ResponderFigures[];
}

/** Linear interpolation between closest ranks (the common "type 7" percentile). */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

function spread(values: Array<number | null>): Spread {
  const present = values.filter((v): v is number => v !== null);
  return {
    median: percentile(present, 0.5),
    p90: percentile(present, 0.9),
    missing: values.length - present.length,
  };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** Figures per team and month, sorted by team then month. */
export function aggregate(
  drills: readonly ScoredDrill[],
  options: { includePractice?: boolean } = {},
): TeamMonthFigures[] {
  const groups = new Map<string, ScoredDrill[]>();
  const practiceCounts = new Map<string, number>();
  for (const d of drills) {
    const key = `${d.teamId}\u0000${d.month}`;
    if (d.practice) practiceCounts.set(key, (practiceCounts.get(key) ?? 0) + 1);
    if (d.practice && !options.includePractice) {
      if (!groups.has(key)) groups.set(key, []);
      continue;
    }
    const list = groups.get(key);
    if (list) list.push(d);
    else groups.set(key, [d]);
  }

  const out: TeamMonthFigures[] = [];
  for (const [key, list] of groups) {
    const [teamId, month] = key.split("\u0000") as [string, string];
    const cards = list.map((d) => d.scorecard);
    const n = cards.length;

    const sla: Partial<Record<ActionKind, StepAttainment>> = {};
    for (const card of cards) {
      // A drill counts once per step kind: met if every step of that kind met its target.
      const byKind = new Map<ActionKind, boolean>();
      for (const s of card.steps) byKind.set(s.action, (byKind.get(s.action) ?? true) && s.metTarget);
      for (const [kind, met] of byKind) {
        const entry = sla[kind] ?? { drills: 0, met: 0, rate: 0 };
        entry.drills += 1;
        if (met) entry.met += 1;
        sla[kind] = entry;
      }
    }
    for (const entry of Object.values(sla)) entry.rate = round3(entry.met / entry.drills);

    const scenarios: TeamMonthFigures["scenarios"] = {};
    const perScenario = new Map<string, Scorecard[]>();
    for (const d of list) {
      const bucket = perScenario.get(d.scenarioId);
      if (bucket) bucket.push(d.scorecard);
      else perScenario.set(d.scenarioId, [d.scorecard]);
    }
    for (const [id, sc] of [...perScenario].sort(([a], [b]) => a.localeCompare(b))) {
      scenarios[id] = {
        count: sc.length,
        averageScore: round3(sc.reduce((s, c) => s + c.total, 0) / sc.length),
        passRate: round3(sc.filter((c) => c.passed).length / sc.length),
      };
    }

    out.push({
      teamId,
      month,
      count: n,
      practice: practiceCounts.get(key) ?? 0,
      averageScore: n ? round3(cards.reduce((s, c) => s + c.total, 0) / n) : null,
      passRate: n ? round3(cards.filter((c) => c.passed).length / n) : null,
      timeToAcknowledge: spread(
        cards.filter((c) => c.steps.some((s) => s.action === "acknowledge")).map((c) => c.timeToAcknowledge),
      ),
      timeToDetect: spread(cards.map((c) => c.timeToDetect)),
      timeToResolve: spread(cards.map((c) => c.timeToResolve)),
      sla,
      scenarios,
      responders: responders(cards),
    });
  }
  return out.sort((a, b) => a.teamId.localeCompare(b.teamId) || a.month.localeCompare(b.month));
}

function responders(cards: readonly Scorecard[]): ResponderFigures[] {
  const detect = new Map<string, number[]>();
  const steps = new Map<string, { times: number[]; onTarget: number }>();
  for (const card of cards) {
    if (card.detectedBy !== null && card.timeToDetect !== null) {
      const times = detect.get(card.detectedBy);
      if (times) times.push(card.timeToDetect);
      else detect.set(card.detectedBy, [card.timeToDetect]);
    }
    for (const s of card.steps) {
      if (s.by === null || s.doneAt === null) continue;
      const entry = steps.get(s.by) ?? { times: [], onTarget: 0 };
      entry.times.push(s.doneAt);
      if (s.metTarget) entry.onTarget += 1;
      steps.set(s.by, entry);
    }
  }
  const actors = [...new Set([...detect.keys(), ...steps.keys()])].sort();
  return actors.map((actor) => ({
    actor,
    detections: detect.get(actor)?.length ?? 0,
    medianTimeToDetect: percentile(detect.get(actor) ?? [], 0.5),
    stepsDone: steps.get(actor)?.times.length ?? 0,
    stepsOnTarget: steps.get(actor)?.onTarget ?? 0,
    medianStepTime: percentile(steps.get(actor)?.times ?? [], 0.5),
  }));
}

export interface ReadinessOptions {
  /** A drill's weight halves every this many days, so recent drills count more. */
  halfLifeDays: number;
  /** No decay while the last drill is at most this old (a monthly cadence plus slack). */
  graceDays: number;
  /** Past the grace period, readiness loses this share per 30 days without a drill. */
  lossPer30Days: number;
}

export const DEFAULT_READINESS: ReadinessOptions = { halfLifeDays: 60, graceDays: 35, lossPer30Days: 0.25 };

export interface Readiness {
  /** 0–100, or null when the team has never had an official drill. */
  value: number | null;
  /** The recency-weighted mean score before staleness decay. */
  weightedScore: number | null;
  lastDrillAt: number | null;
  daysSinceLastDrill: number | null;
  drills: number;
}

const DAY_MS = 86_400_000;

/**
 * A team's readiness at `asOf`: the recency-weighted mean of its official drill scores, shrunk
 * when drills stop happening, because a team that has not practised for months is not as ready
 * as its last score says.
 */
export function readiness(
  drills: readonly ScoredDrill[],
  asOf: number,
  options: ReadinessOptions = DEFAULT_READINESS,
): Readiness {
  const official = drills.filter((d) => !d.practice && d.injectedAt <= asOf);
  if (official.length === 0) {
    return { value: null, weightedScore: null, lastDrillAt: null, daysSinceLastDrill: null, drills: 0 };
  }
  let sum = 0;
  let weights = 0;
  let last = Number.NEGATIVE_INFINITY;
  for (const d of official) {
    const ageDays = (asOf - d.injectedAt) / DAY_MS;
    const w = 0.5 ** (ageDays / options.halfLifeDays);
    sum += w * d.scorecard.total;
    weights += w;
    last = Math.max(last, d.injectedAt);
  }
  const weightedScore = sum / weights;
  const daysSince = (asOf - last) / DAY_MS;
  const staleDays = Math.max(0, daysSince - options.graceDays);
  const value = weightedScore * (1 - options.lossPer30Days) ** (staleDays / 30);
  return {
    value: Math.round(value * 10) / 10,
    weightedScore: Math.round(weightedScore * 10) / 10,
    lastDrillAt: last,
    daysSinceLastDrill: Math.round(daysSince * 10) / 10,
    drills: official.length,
  };
}
