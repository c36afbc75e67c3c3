import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { readScenarioSources, SCENARIO_DIR } from "../adapters/scenario-files.js";
import { buildCatalog, catalogJsonText, formatProblem } from "../core/catalog.js";
import { scenarioJsonSchemaText } from "../core/scenario-json-schema.js";

/**
 * `npm run generate`: the files derived from the catalog. schema.json lets editors autocomplete
 * scenario files; catalog.json is the validated catalog the Lambda bundles (it cannot read YAML files).
 */
const schema = join(SCENARIO_DIR, "schema.json");
await writeFile(schema, scenarioJsonSchemaText());
console.log(`wrote ${schema}`);

const { scenarios, problems } = buildCatalog(await readScenarioSources());
if (problems.length > 0) {
  for (const p of problems) console.error(`✗ ${formatProblem(p)}`);
  process.exit(1);
}
const target = join(SCENARIO_DIR, "catalog.json");
await writeFile(target, catalogJsonText(scenarios));
console.log(`wrote ${target} (${scenarios.length} scenarios)`);
