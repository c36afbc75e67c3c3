import catalog from "../../scenarios/catalog.json" with { type: "json" };
import type { Scenario } from "../core/scenario.js";

/**
 * The built-in scenarios, generated from scenarios/*.yaml by `npm run generate`. Only the api and the
 * planner choose scenarios, so only they import this; the other functions work from the snapshot a
 * drill carries, and their bundles stay some 200 KB lighter.
 */
export const builtInCatalog = catalog as unknown as Scenario[];
