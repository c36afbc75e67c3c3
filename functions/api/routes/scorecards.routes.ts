import { createRoute, z } from "@hono/zod-openapi";
import { errorsOf, Month, TeamParams } from "../schemas.js";

export const figures = createRoute({
  method: "get",
  path: "/teams/{teamId}/scorecards",
  tags: ["scorecards"],
  summary:
    "Figures per month: median and p90 time-to-detect and -resolve, pass rate, SLA attainment per step (JSON or CSV)",
  request: {
    params: TeamParams,
    query: z.object({
      from: Month,
      to: Month,
      includePractice: z
        .enum(["true", "false"])
        .default("false")
        .transform((v) => v === "true"),
      format: z.enum(["json", "csv"]).default("json"),
    }),
  },
  responses: {
    200: {
      content: {
        "application/json": { schema: z.object({ items: z.array(z.record(z.string(), z.unknown())) }) },
        "text/csv": { schema: z.string() },
      },
      description: "Figures per team and month",
    },
    ...errorsOf(400, 401, 404, 503),
  },
});
