import type { Scorecard } from "../../functions/core/scoring.js";

export interface StepBar {
  id: string;
  label: string;
  /** Minutes. */
  target: number;
  /** Minutes, or null when the step was never done. */
  actual: number | null;
  met: boolean;
}

/** The chart's rows: each step's time against its target, in minutes (one decimal). */
export function stepBars(
  scorecard: Pick<Scorecard, "steps">,
  pick: (l: { zh: string; en: string }) => string,
): StepBar[] {
  const minutes = (s: number) => Math.round((s / 60) * 10) / 10;
  return scorecard.steps.map((s) => ({
    id: s.id,
    label: pick(s.label),
    target: minutes(s.targetSeconds),
    actual: s.doneAt === null ? null : minutes(s.doneAt),
    met: s.metTarget,
  }));
}

/** "+mm:ss" from the injection, or "−mm:ss" for something before it. */
export function sinceInjection(at: number, injectedAt: number): string {
  const diff = Math.round((at - injectedAt) / 1000);
  const sign = diff < 0 ? "−" : "+";
  const abs = Math.abs(diff);
  const h = Math.floor(abs / 3600);
  const m = String(Math.floor((abs % 3600) / 60)).padStart(2, "0");
  const s = String(abs % 60).padStart(2, "0");
  return h > 0 ? `${sign}${h}:${m}:${s}` : `${sign}${m}:${s}`;
}
