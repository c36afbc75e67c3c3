import { createRoute, z } from "@hono/zod-openapi";
import { body, DrillSchema, errorsOf, Id, json, Localized, TeamParams } from "../schemas.js";

const tags = ["programs"];
const ProgramParams = TeamParams.extend({
  programId: Id.openapi({ param: { name: "programId", in: "path" } }),
});
/** Validated in the domain with the program schema, so its messages and field paths are the ones a manager sees. */
const ProgramBody = z.record(z.string(), z.unknown()).openapi("ProgramInput", {
  description:
    "drillsPerMonth (1–5), pool [{scenarioId, weight}], timezone, windows [{days, start, end}], quietHours, blackoutDates, nightDrills, mode (surprise|announced), enabled, escalationMinutes",
});
const ProgramSchema = z.record(z.string(), z.unknown()).openapi("Program");

export const listPrograms = createRoute({
  method: "get",
  path: "/teams/{teamId}/programs",
  tags,
  summary: "The team's drill programs",
  request: { params: TeamParams },
  responses: {
    200: json(z.object({ items: z.array(ProgramSchema) }), "Programs"),
    ...errorsOf(401, 404, 503),
  },
});

export const createProgram = createRoute({
  method: "post",
  path: "/teams/{teamId}/programs",
  tags,
  summary: "Create a monthly program (managers); plans what is left of this month at once",
  request: { params: TeamParams, body: body(ProgramBody) },
  responses: {
    201: json(
      z.object({
        program: ProgramSchema,
        plan: z.object({ month: z.string(), drills: z.array(DrillSchema), reason: Localized.optional() }),
      }),
      "Created and planned",
    ),
    ...errorsOf(400, 401, 403, 404, 503),
  },
});

export const getProgram = createRoute({
  method: "get",
  path: "/teams/{teamId}/programs/{programId}",
  tags,
  summary: "One program",
  request: { params: ProgramParams },
  responses: {
    200: json(ProgramSchema, "The program"),
    ...errorsOf(401, 404, 503),
  },
});

export const updateProgram = createRoute({
  method: "put",
  path: "/teams/{teamId}/programs/{programId}",
  tags,
  summary: "Replace a program's rules, or pause it (managers)",
  request: {
    params: ProgramParams,
    body: body(z.object({ program: ProgramBody, expectedVersion: z.number().int().min(1) })),
  },
  responses: {
    200: json(ProgramSchema, "Saved"),
    ...errorsOf(400, 401, 403, 404, 409, 503),
  },
});

export const deleteProgram = createRoute({
  method: "delete",
  path: "/teams/{teamId}/programs/{programId}",
  tags,
  summary: "Delete a program and its monthly planner (managers); drills already scheduled stay",
  request: { params: ProgramParams },
  responses: {
    204: { description: "Deleted" },
    ...errorsOf(401, 403, 404, 503),
  },
});
