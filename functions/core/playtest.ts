import type { ScenarioProblem } from "./catalog.js";
import { generate } from "./generator.js";
import type { Scenario } from "./scenario.js";

/**
 * A schema cannot tell whether a scenario makes sense once generated: whether its incident can be
 * detected and each targeted step has something to act on. This runs it for a few seeds and says.
 */
export function playtest(scenario: Scenario, file: string, seeds = 12): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const seen = new Set<string>();
  const report = (path: string, message: string) => {
    if (seen.has(path + message)) return;
    seen.add(path + message);
    problems.push({ file, path, message });
  };
  for (let seed = 1; seed <= seeds; seed++) {
    let incident: ReturnType<typeof generate>;
    try {
      incident = generate(scenario, seed);
    } catch (err) {
      report("", `generating with seed ${seed} failed: ${(err as Error).message}`);
      continue;
    }
    if (incident.detection.itemIds.length === 0)
      report("detection.stimuli", "the incident has no item to detect");
    incident.rubric.steps.forEach((step, i) => {
      const declared = scenario.steps[i]?.target;
      if (declared?.stimuli && step.target?.ids.length === 0) {
        report(`steps[${i}].target`, `step "${step.id}" has nothing to act on (seed ${seed})`);
      }
    });
    const placeholder = /\{[A-Za-z][A-Za-z0-9]*\}/;
    for (const item of incident.items) {
      for (const text of [
        item.text,
        item.title,
        item.card?.name,
        item.card?.note,
        ...(item.paragraphs ?? []),
      ]) {
        if (text && (placeholder.test(text.zh) || placeholder.test(text.en))) {
          report("", `an unfilled placeholder is left in "${text.zh}"`);
        }
      }
    }
  }
  return problems;
}
