import { generate } from "./generator.js";
import type { Incident } from "./incident.js";
import type { Scenario } from "./scenario.js";

/**
 * What makes one incident different from another, leaving out the background noise (which alone
 * would make every seed distinct and hide a scenario that always plays out the same way).
 */
export function incidentSignature(incident: Incident): string {
  const names = new Map(incident.people.map((p) => [p.id, p.name.zh]));
  const stimuli = incident.items
    .filter((it) => "stimulus" in it.origin)
    .map((it) => [
      it.at,
      it.surface,
      it.kind,
      it.authorId ? names.get(it.authorId) : "",
      it.text.zh,
      it.paragraphs?.map((p) => p.zh),
    ]);
  return JSON.stringify([incident.params, stimuli]);
}

/** How many of `seeds` consecutive seeds give distinct incidents. */
export function variety(scenario: Scenario, seeds: number, from = 0): { distinct: number; total: number } {
  const seen = new Set<string>();
  for (let seed = from; seed < from + seeds; seed++) seen.add(incidentSignature(generate(scenario, seed)));
  return { distinct: seen.size, total: seeds };
}
