import { createRoute, z } from "@hono/zod-openapi";
import { body, ErrorSchema, errorsOf, json, Lang, ScenarioSummary, Slug, TeamParams } from "../schemas.js";

const tags = ["scenarios"];
const ScenarioParams = TeamParams.extend({
  scenarioId: Slug.openapi({ param: { name: "scenarioId", in: "path" } }),
});

export const listScenarios = createRoute({
  method: "get",
  path: "/teams/{teamId}/scenarios",
  tags,
  summary: "The built-in catalog and the team's custom scenarios (summaries)",
  request: { params: TeamParams },
  responses: {
    200: json(z.object({ items: z.array(ScenarioSummary) }), "Scenarios"),
    ...errorsOf(401, 404, 503),
  },
});

export const getScenario = createRoute({
  method: "get",
  path: "/teams/{teamId}/scenarios/{scenarioId}",
  tags,
  summary: "A scenario in full, rubric included (managers: responders must not learn the answers)",
  request: { params: ScenarioParams },
  responses: {
    200: json(
      z.object({
        scenario: z.record(z.string(), z.unknown()),
        source: z.string().optional(),
        custom: z.boolean(),
      }),
      "The scenario",
    ),
    ...errorsOf(401, 403, 404, 503),
  },
});

export const previewScenario = createRoute({
  method: "get",
  path: "/teams/{teamId}/scenarios/{scenarioId}/preview",
  tags,
  summary: "Generate the incident a seed gives, with the team's names (managers)",
  request: {
    params: ScenarioParams,
    query: z.object({
      seed: z.coerce.number().int().min(0).max(4294967295).default(1),
      lang: Lang.default("zh"),
    }),
  },
  responses: {
    200: json(
      z.object({ incident: z.record(z.string(), z.unknown()) }),
      "The generated incident and its rubric",
    ),
    ...errorsOf(400, 401, 403, 404, 503),
  },
});

export const putScenario = createRoute({
  method: "put",
  path: "/teams/{teamId}/scenarios/{scenarioId}",
  tags,
  summary: "Write a custom scenario in YAML (managers), validated by the catalog's schema",
  request: {
    params: ScenarioParams,
    body: body(
      z.object({
        source: z
          .string()
          .min(1)
          .max(256 * 1024),
        expectedVersion: z
          .number()
          .int()
          .min(0)
          .openapi({ description: "0 to create; the stored version to replace it" }),
      }),
    ),
  },
  responses: {
    200: json(z.object({ scenarioId: z.string(), version: z.number() }), "Saved"),
    ...errorsOf(400, 401, 403, 404, 409),
    413: json(ErrorSchema, "Too large"),
    ...errorsOf(503),
  },
});

export const deleteScenario = createRoute({
  method: "delete",
  path: "/teams/{teamId}/scenarios/{scenarioId}",
  tags,
  summary: "Delete a custom scenario (managers); drills already run keep their snapshot",
  request: { params: ScenarioParams },
  responses: {
    204: { description: "Deleted" },
    ...errorsOf(401, 403, 404, 503),
  },
});
