import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildCatalog } from "../../functions/core/catalog.js";
import type { Incident, Rubric, RubricStep } from "../../functions/core/incident.js";
import type { Scenario } from "../../functions/core/scenario.js";
import { commonKeywords, type TimelineEntry } from "../../functions/core/scoring.js";

export const SCENARIO_DIR = join(import.meta.dirname, "../../scenarios");
export const HEADLINE_IDS = ["sensitive-word-post", "urgent-push-2am", "competitor-group-raid"] as const;

export function catalogSources(): Array<{ file: string; source: string }> {
  return readdirSync(SCENARIO_DIR)
    .filter((n) => n.endsWith(".yaml"))
    .sort()
    .map((n) => ({ file: `scenarios/${n}`, source: readFileSync(join(SCENARIO_DIR, n), "utf8") }));
}

let cached: Scenario[] | undefined;
export function builtInScenarios(): Scenario[] {
  cached ??= buildCatalog(catalogSources()).scenarios;
  return cached;
}

export function scenario(id: string): Scenario {
  const found = builtInScenarios().find((s) => s.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
}

export const T0 = Date.UTC(2026, 10, 3, 2, 0, 0);
export const at = (seconds: number) => T0 + seconds * 1000;

/** A text that satisfies the step: its first required term, and none of the excluded ones. */
export function textFor(step: RubricStep): string {
  if (step.containsAny?.[0]) return `OK ${step.containsAny[0]}`;
  // A keyword step without listed terms: the incident's own common mark, as a careful team finds it.
  const [keyword] = step.keywordIn ? commonKeywords(step.keywordIn, step.keywordNoise) : [];
  return keyword ? `OK ${keyword}` : "handled";
}

/** An entry that completes `step` at `seconds` after injection. */
export function entryFor(step: RubricStep, seconds: number, actor = "responder-a"): TimelineEntry {
  return {
    at: at(seconds),
    actor,
    action: step.action,
    ...(step.target ? { targets: [...step.target.ids] } : {}),
    text: textFor(step),
  };
}

/** Every step done at the given offsets (seconds), keyed by step id; steps not listed are skipped. */
export function timelineFor(rubric: Rubric, when: Record<string, number>): TimelineEntry[] {
  return rubric.steps.filter((s) => s.id in when).map((s) => entryFor(s, when[s.id] as number));
}

export function step(rubric: Rubric, id: string): RubricStep {
  const found = rubric.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

export function stimulusItems(incident: Incident, stimulus: string) {
  return incident.items.filter((it) => "stimulus" in it.origin && it.origin.stimulus === stimulus);
}
