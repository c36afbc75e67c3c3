import { type Automation, DrillService, type ScenarioSource } from "../core/drills.js";
import type { Clock, Entropy, Store } from "../core/ports.js";
import { ProgramService } from "../core/programs.js";
import type { Scenario } from "../core/scenario.js";
import { createApp } from "./app.js";
import type { AuthConfig } from "./auth.js";
import type { AppDeps } from "./context.js";

export interface ComposeInput {
  store: Store;
  clock: Clock;
  entropy: Entropy;
  catalog: readonly Scenario[];
  auth: AuthConfig;
  automation?: Automation;
}

/** Wires the drill service and the API over one store; the same wiring on Lambda, `npm start` and tests. */
export function compose(input: ComposeInput) {
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
  const deps: AppDeps = { ...input, service, programs };
  return { app: createApp(deps), service, programs, deps };
}
