import * as z from "zod";
import { ScenarioSchema } from "./scenario.js";

/** The JSON Schema editors use to autocomplete scenario files (`scenarios/schema.json`). */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, {
    io: "input",
    unrepresentable: "any",
    target: "draft-2020-12",
  });
  return {
    ...schema,
    $id: "https://yanlian.dev/schemas/scenario.json",
    title: "Yanlian drill scenario",
    description:
      "A versioned mock-incident template: what appears where and when, and how the response is scored.",
  };
}

export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
