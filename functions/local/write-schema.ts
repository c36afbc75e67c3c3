import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { SCENARIO_DIR } from "../adapters/scenario-files.js";
import { scenarioJsonSchemaText } from "../core/scenario-json-schema.js";

const target = join(SCENARIO_DIR, "schema.json");
await writeFile(target, scenarioJsonSchemaText());
console.log(`wrote ${target}`);
