import { type Automation, DrillService, type ScenarioSource } from "./drills.js";
import type { Clock, Entropy, Store } from "./ports.js";
import { ProgramService } from "./programs.js";
import type { Scenario } from "./scenario.js";

export interface ServicesInput {
  store: Store;
  clock: Clock;
  entropy: Entropy;
  catalog: readonly Scenario[];
  automation?: Automation;
}

/**
 * The drill and program use cases over one store. The scheduled Lambdas need only these; the api
 * adds the HTTP app on top (`api/compose.ts`), so the workers' bundles carry no HTTP code.
 */
export function createServices(input: ServicesInput) {
  const builtIn = new Map(input.catalog.map((s) => [s.id, s]));
  const scenarios: ScenarioSource = {
    find: async (teamId, scenarioId) =>
      builtIn.get(scenarioId) ?? (await input.store.getCustomScenario(teamId, scenarioId))?.scenario ?? null,
  };
  const service = new DrillService({
    store: input.store,
    clock: input.clock,
    entropy: input.entropy,
    scenarios,
    ...(input.automation ? { automation: input.automation } : {}),
  });
  const programs = new ProgramService({
    store: input.store,
    clock: input.clock,
    entropy: input.entropy,
    drills: service,
    catalog: input.catalog,
    ...(input.automation ? { automation: input.automation } : {}),
  });
  return { service, programs };
}
