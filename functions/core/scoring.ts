import type { Rubric, RubricHarm, RubricStep, RubricTarget } from "./incident.js";
import { containsAnyTerm, formatDuration } from "./text.js";
import type { ActionKind, Localized } from "./vocabulary.js";

/** One thing someone did during a drill, stamped by the server when it was stored. */
export interface TimelineEntry {
  /** Epoch milliseconds, from the server clock. */
  at: number;
  actor: string;
  action: ActionKind;
  /** Item ids (flag, delete…) or person ids (remove_member…). */
  targets?: string[];
  text?: string;
}

export interface Timeline {
  /** When the incident really appeared (never the planned time, so scheduler jitter cannot bias a score). */
  injectedAt: number;
  entries: readonly TimelineEntry[];
}

export type Grade = "A" | "B" | "C" | "D" | "F";

export interface StepResult {
  id: string;
  label: Localized;
  action: ActionKind;
  required: boolean;
  weight: number;
  targetSeconds: number;
  /** Seconds from injection when the step was complete, or null if it never was. */
  doneAt: number | null;
  by: string | null;
  metTarget: boolean;
  points: number;
  /**
   * Why the step earned less than its weight, in words the review can show: the terms that would
   * have matched, who is still in the group, which items were the incident. Absent when it earned all.
   */
  why?: Localized;
}

export interface PenaltyResult {
  id: string;
  label: Localized;
  count: number;
  points: number;
  by: string[];
}

export interface Scorecard {
  timeToAcknowledge: number | null;
  acknowledgedBy: string | null;
  timeToDetect: number | null;
  detectedBy: string | null;
  timeToResolve: number | null;
  resolvedBy: string | null;
  steps: StepResult[];
  penalties: PenaltyResult[];
  /** Distinct items flagged that were not part of the incident. Reported, not penalised. */
  falseFlags: number;
  earned: number;
  possible: number;
  penaltyPoints: number;
  total: number;
  grade: Grade;
  passed: boolean;
  missedRequired: string[];
  breakdown: { zh: string[]; en: string[] };
}

export function gradeFor(total: number): Grade {
  if (total >= 90) return "A";
  if (total >= 80) return "B";
  if (total >= 70) return "C";
  if (total >= 60) return "D";
  return "F";
}

/** Full points within the target, falling linearly to zero at `decay` × target. */
export function stepPoints(
  weight: number,
  targetSeconds: number,
  decay: number,
  doneAt: number | null,
): number {
  if (doneAt === null) return 0;
  if (doneAt <= targetSeconds) return weight;
  const zeroAt = targetSeconds * decay;
  if (doneAt >= zeroAt || decay <= 1) return 0;
  return (weight * (zeroAt - doneAt)) / (zeroAt - targetSeconds);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function textMatches(entry: TimelineEntry, containsAny?: string[], excludes?: string[]): boolean {
  const text = entry.text ?? "";
  if (containsAny && !containsAnyTerm(text, containsAny)) return false;
  if (excludes && containsAnyTerm(text, excludes)) return false;
  return true;
}

/**
 * A flag is a claim that these items are the incident. Flagging everything in sight is not
 * detection: a flag counts only when at least half of what it names is the incident.
 */
export const FLAG_PRECISION = 0.5;

export function flagHits(targets: readonly string[], incident: ReadonlySet<string>): string[] {
  const hit = targets.filter((id) => incident.has(id));
  return targets.length > 0 && hit.length / targets.length >= FLAG_PRECISION ? hit : [];
}

function hits(entry: TimelineEntry, target: RubricTarget): string[] {
  const wanted = new Set(target.ids);
  if (entry.action === "flag") return flagHits(entry.targets ?? [], wanted);
  return (entry.targets ?? []).filter((id) => wanted.has(id));
}

interface Timed {
  entry: TimelineEntry;
  seconds: number;
}

function completeStep(
  step: RubricStep,
  timed: readonly Timed[],
): { doneAt: number | null; by: string | null } {
  const covered = new Set<string>();
  const needAll = step.target && step.target.match === "all" && step.target.ids.length > 0;
  for (const { entry, seconds } of timed) {
    if (entry.action !== step.action || !textMatches(entry, step.containsAny, step.excludes)) continue;
    if (!step.target || step.target.ids.length === 0) return { doneAt: seconds, by: entry.actor };
    const hit = hits(entry, step.target);
    if (hit.length === 0) continue;
    if (!needAll) return { doneAt: seconds, by: entry.actor };
    for (const id of hit) covered.add(id);
    if (covered.size === step.target.ids.length) return { doneAt: seconds, by: entry.actor };
  }
  return { doneAt: null, by: null };
}

function penaltyFor(harm: RubricHarm, entries: readonly TimelineEntry[]): PenaltyResult {
  const struck = new Set<string>();
  const by = new Set<string>();
  let untargeted = false;
  for (const entry of entries) {
    if (entry.action !== harm.action || !textMatches(entry, harm.containsAny)) continue;
    if (harm.target) {
      const hit = hits(entry, harm.target);
      if (hit.length === 0) continue;
      for (const id of hit) struck.add(id);
    } else {
      untargeted = true;
    }
    by.add(entry.actor);
  }
  // The same wrong target hit twice is one mistake; a rule without targets counts once.
  const count = harm.target ? struck.size : untargeted ? 1 : 0;
  return { id: harm.id, label: harm.label, count, points: count * harm.penalty, by: [...by] };
}

/**
 * Scores one drill: a pure function of its rubric and timeline. Entries later than the timeout
 * earn nothing; harmful actions cost points whenever they happened.
 */
export function score(rubric: Rubric, timeline: Timeline): Scorecard {
  const limit = rubric.timeoutSeconds;
  const timed: Timed[] = timeline.entries
    .map((entry) => ({ entry, seconds: Math.max(0, (entry.at - timeline.injectedAt) / 1000) }))
    .sort((a, b) => a.seconds - b.seconds);
  const inTime = timed.filter((t) => t.seconds <= limit);

  const first = (predicate: (e: TimelineEntry) => boolean) => inTime.find((t) => predicate(t.entry));
  const detectionIds = new Set(rubric.detection.itemIds);
  const ack = first((e) => e.action === "acknowledge");
  const detect = first((e) => e.action === "flag" && flagHits(e.targets ?? [], detectionIds).length > 0);
  const resolved = first((e) => e.action === "resolve");

  const falsely = new Set<string>();
  for (const { entry } of inTime) {
    if (entry.action !== "flag") continue;
    for (const id of entry.targets ?? []) if (!detectionIds.has(id)) falsely.add(id);
  }

  const raw: number[] = [];
  const steps: StepResult[] = rubric.steps.map((step) => {
    const { doneAt, by } = completeStep(step, inTime);
    const points = stepPoints(step.weight, step.targetSeconds, step.decay, doneAt);
    raw.push(points);
    return {
      id: step.id,
      label: step.label,
      action: step.action,
      required: step.required,
      weight: step.weight,
      targetSeconds: step.targetSeconds,
      doneAt,
      by,
      metTarget: doneAt !== null && doneAt <= step.targetSeconds,
      points: round2(points),
    };
  });
  const penalties = rubric.harmful.map((h) => penaltyFor(h, timeline.entries)).filter((p) => p.count > 0);

  // Optional steps are a bonus: they add points but their absence never costs any.
  const possible = rubric.steps.filter((s) => s.required).reduce((sum, s) => sum + s.weight, 0);
  const earned = raw.reduce((sum, p) => sum + p, 0);
  const penaltyPoints = penalties.reduce((sum, p) => sum + p.points, 0);
  const base = possible > 0 ? Math.min(100, (earned / possible) * 100) : 0;
  const total = round2(Math.max(0, base - penaltyPoints));
  const missedRequired = steps.filter((s) => s.required && s.doneAt === null).map((s) => s.id);
  const passed = total >= rubric.passMark && missedRequired.length === 0;
  const grade = gradeFor(total);

  const card: Scorecard = {
    timeToAcknowledge: ack ? ack.seconds : null,
    acknowledgedBy: ack ? ack.entry.actor : null,
    timeToDetect: detect ? detect.seconds : null,
    detectedBy: detect ? detect.entry.actor : null,
    timeToResolve: resolved ? resolved.seconds : null,
    resolvedBy: resolved ? resolved.entry.actor : null,
    steps,
    penalties,
    falseFlags: falsely.size,
    earned: round2(earned),
    possible,
    penaltyPoints,
    total,
    grade,
    passed,
    missedRequired,
    breakdown: { zh: [], en: [] },
  };
  card.breakdown = explain(card, rubric);
  return card;
}

function explain(card: Scorecard, rubric: Rubric): { zh: string[]; en: string[] } {
  const zh: string[] = [];
  const en: string[] = [];
  const d = formatDuration;
  if (rubric.paged) {
    zh.push(
      card.timeToAcknowledge === null
        ? "呼叫无人确认"
        : `呼叫确认：${d(card.timeToAcknowledge, "zh")}（${card.acknowledgedBy}）`,
    );
    en.push(
      card.timeToAcknowledge === null
        ? "Nobody acknowledged the page"
        : `Page acknowledged after ${d(card.timeToAcknowledge, "en")} (${card.acknowledgedBy})`,
    );
  }
  zh.push(
    card.timeToDetect === null
      ? "未识别出事件"
      : `发现事件：${d(card.timeToDetect, "zh")}（${card.detectedBy}）`,
  );
  en.push(
    card.timeToDetect === null
      ? "The incident was never flagged"
      : `Incident flagged after ${d(card.timeToDetect, "en")} (${card.detectedBy})`,
  );
  for (const s of card.steps) {
    const pts = `${s.points}/${s.weight}`;
    const optionalZh = s.required ? "" : "（加分项）";
    const optionalEn = s.required ? "" : " (bonus)";
    if (s.doneAt === null) {
      zh.push(`${s.label.zh}${optionalZh}：未完成，得分 ${pts}`);
      en.push(`${s.label.en}${optionalEn}: not done, ${pts} points`);
    } else {
      const verdictZh = s.metTarget ? "达标" : "超时";
      const verdictEn = s.metTarget ? "on time" : "late";
      zh.push(
        `${s.label.zh}${optionalZh}：${d(s.doneAt, "zh")}完成，目标 ${d(s.targetSeconds, "zh")}内，${verdictZh}，得分 ${pts}`,
      );
      en.push(
        `${s.label.en}${optionalEn}: done after ${d(s.doneAt, "en")}, target ${d(s.targetSeconds, "en")}, ${verdictEn}, ${pts} points`,
      );
    }
  }
  for (const p of card.penalties) {
    zh.push(`扣分：${p.label.zh} ×${p.count}，−${p.points}`);
    en.push(`Penalty: ${p.label.en} ×${p.count}, −${p.points}`);
  }
  if (card.falseFlags > 0) {
    zh.push(`误标记 ${card.falseFlags} 条正常内容（不扣分，复盘时留意）`);
    en.push(
      `${card.falseFlags} ordinary item(s) flagged by mistake (no penalty; worth a look in the review)`,
    );
  }
  const verdictZh = card.passed
    ? "通过"
    : card.missedRequired.length > 0
      ? "未通过（有必做步骤未完成）"
      : "未通过";
  const verdictEn = card.passed
    ? "passed"
    : card.missedRequired.length > 0
      ? "not passed (a required step was missed)"
      : "not passed";
  zh.push(`总分 ${card.total}（${card.grade}），${verdictZh}`);
  en.push(`Total ${card.total} (${card.grade}), ${verdictEn}`);
  return { zh, en };
}
