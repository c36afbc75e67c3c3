import type { RouteHandler } from "@hono/zod-openapi";
import type { TeamMonthFigures } from "../../core/aggregate.js";
import { invalid } from "../../core/errors.js";
import type { AppDeps, AppEnv } from "../context.js";
import type * as routes from "./scorecards.routes.js";

const CSV_COLUMNS = [
  "team",
  "month",
  "drills",
  "practice_drills",
  "average_score",
  "pass_rate",
  "ttd_median_s",
  "ttd_p90_s",
  "never_detected",
  "ttr_median_s",
  "ttr_p90_s",
  "never_resolved",
  "golden15_attainment",
  "plan30_attainment",
] as const;

const cell = (v: unknown) => {
  if (v === null || v === undefined) return "";
  const text = typeof v === "number" ? String(Math.round(v * 1000) / 1000) : String(v);
  // Quote anything a spreadsheet could misread; neutralise leading formula characters.
  const safe = /^[=+\-@]/.test(text) && typeof v !== "number" ? `'${text}` : text;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function figuresCsv(items: readonly TeamMonthFigures[]): string {
  const rows = items.map((f) =>
    [
      f.teamId,
      f.month,
      f.count,
      f.practice,
      f.averageScore,
      f.passRate,
      f.timeToDetect.median,
      f.timeToDetect.p90,
      f.timeToDetect.missing,
      f.timeToResolve.median,
      f.timeToResolve.p90,
      f.timeToResolve.missing,
      f.sla.notify_client?.rate,
      f.sla.send_plan?.rate,
    ]
      .map(cell)
      .join(","),
  );
  return `${[CSV_COLUMNS.join(","), ...rows].join("\r\n")}\r\n`;
}

export function scorecardHandlers(deps: AppDeps) {
  const figures: RouteHandler<typeof routes.figures, AppEnv> = async (c) => {
    const { teamId } = c.req.valid("param");
    const query = c.req.valid("query");
    if (query.from > query.to)
      throw invalid("from is after to", [{ path: "from", message: "must not be after to" }]);
    const items = await deps.service.figures(c.get("caller"), teamId, query);
    if (query.format === "csv") {
      c.header(
        "Content-Disposition",
        `attachment; filename="yanlian-${teamId}-${query.from}-${query.to}.csv"`,
      );
      return c.body(figuresCsv(items), 200, { "Content-Type": "text/csv; charset=utf-8" });
    }
    return c.json({ items: items as unknown as Record<string, unknown>[] }, 200);
  };
  return { figures };
}
