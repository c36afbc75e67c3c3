import type { RouteHandler } from "@hono/zod-openapi";
import { parseScenario } from "../../core/catalog.js";
import { DomainError, invalid, notFound } from "../../core/errors.js";
import { generate } from "../../core/generator.js";
import { playtest } from "../../core/playtest.js";
import type { Scenario } from "../../core/scenario.js";
import type { AppDeps, AppEnv } from "../context.js";
import type * as routes from "./scenarios.routes.js";

/**
 * A custom scenario is stored as its source and its parsed form in one item, and the parsed form
 * again in every drill's snapshot; DynamoDB refuses items over 400 KB. Aliases can make the parsed
 * form many times the source, so both are measured, with room left for the other fields.
 */
export const MAX_STORED_SCENARIO_BYTES = 350 * 1024;

/**
 * A catalog entry. Managers get where and when each scenario lands; to anyone else those would tell
 * which scenario is running (a drill at 2 a.m., an item on the console), so they are left out.
 */
const summary = (s: Scenario, custom: boolean, manager: boolean) => ({
  id: s.id,
  version: s.version,
  category: s.category,
  severity: s.severity,
  title: s.title,
  brief: s.brief,
  ...(manager ? { surfaces: s.surfaces, window: s.timing.window } : {}),
  custom,
});

export function scenarioHandlers(deps: AppDeps) {
  const { store, service, catalog, clock } = deps;
  const builtIn = new Map(catalog.map((s) => [s.id, s]));

  const find = async (teamId: string, scenarioId: string) => {
    const own = builtIn.get(scenarioId);
    if (own) return { scenario: own, custom: false as const };
    const stored = await store.getCustomScenario(teamId, scenarioId);
    if (!stored) throw notFound("scenario");
    return { scenario: stored.scenario, custom: true as const, source: stored.source };
  };

  const listScenarios: RouteHandler<typeof routes.listScenarios, AppEnv> = async (c) => {
    const { teamId } = c.req.valid("param");
    const [membership, custom] = await Promise.all([
      service.access(c.get("caller"), teamId, "read"),
      store.listCustomScenarios(teamId),
    ]);
    const manager = membership.role === "manager";
    const items = [
      ...catalog.map((s) => summary(s, false, manager)),
      ...custom.map((s) => summary(s.scenario, true, manager)),
    ];
    return c.json({ items }, 200);
  };

  const getScenario: RouteHandler<typeof routes.getScenario, AppEnv> = async (c) => {
    const { teamId, scenarioId } = c.req.valid("param");
    const [, found] = await Promise.all([
      service.access(c.get("caller"), teamId, "runDrills"),
      find(teamId, scenarioId),
    ]);
    return c.json(
      {
        scenario: found.scenario as unknown as Record<string, unknown>,
        custom: found.custom,
        ...(found.custom ? { source: found.source } : {}),
      },
      200,
    );
  };

  const previewScenario: RouteHandler<typeof routes.previewScenario, AppEnv> = async (c) => {
    const { teamId, scenarioId } = c.req.valid("param");
    const { seed } = c.req.valid("query");
    const [, found, team] = await Promise.all([
      service.access(c.get("caller"), teamId, "runDrills"),
      find(teamId, scenarioId),
      store.getTeam(teamId),
    ]);
    const incident = generate(found.scenario, seed, team?.context ?? {});
    return c.json({ incident: incident as unknown as Record<string, unknown> }, 200);
  };

  const putScenario: RouteHandler<typeof routes.putScenario, AppEnv> = async (c) => {
    const { teamId, scenarioId } = c.req.valid("param");
    const { source, expectedVersion } = c.req.valid("json");
    const caller = c.get("caller");
    await service.access(caller, teamId, "manageTeam");
    if (builtIn.has(scenarioId)) {
      throw new DomainError(409, "built_in", `"${scenarioId}" is a built-in scenario; choose another id`);
    }
    const file = `${scenarioId}.yaml`;
    const parsed = parseScenario(source, file);
    if (!parsed.ok) {
      throw invalid(
        "the scenario is not valid",
        parsed.problems.map((p) => ({
          path: p.path,
          message: p.message,
          ...(p.line ? { line: p.line } : {}),
        })),
      );
    }
    const storedBytes = Buffer.byteLength(source) + Buffer.byteLength(JSON.stringify(parsed.scenario));
    if (storedBytes > MAX_STORED_SCENARIO_BYTES) {
      throw invalid("the scenario is too large to store", [
        {
          path: "source",
          message: `the file and what it expands to come to ${Math.ceil(storedBytes / 1024)} KB, over ${
            MAX_STORED_SCENARIO_BYTES / 1024
          } KB: shorten its texts or repeat less through aliases`,
        },
      ]);
    }
    if (parsed.scenario.id !== scenarioId) {
      throw invalid("the id in the file must match the URL", [
        { path: "id", message: `expected "${scenarioId}"` },
      ]);
    }
    const problems = playtest(parsed.scenario, file, 6);
    if (problems.length > 0)
      throw invalid(
        "the scenario cannot be played as written",
        problems.map((p) => ({ path: p.path, message: p.message })),
      );
    const version = expectedVersion + 1;
    await store.putCustomScenario(
      {
        teamId,
        scenarioId,
        version,
        source,
        scenario: { ...parsed.scenario, version },
        updatedAt: clock.now(),
        updatedBy: caller.userId,
      },
      expectedVersion,
    );
    return c.json({ scenarioId, version }, 200);
  };

  const deleteScenario: RouteHandler<typeof routes.deleteScenario, AppEnv> = async (c) => {
    const { teamId, scenarioId } = c.req.valid("param");
    const [, existing] = await Promise.all([
      service.access(c.get("caller"), teamId, "manageTeam"),
      store.getCustomScenario(teamId, scenarioId),
    ]);
    if (!existing) throw notFound("scenario");
    await store.deleteCustomScenario(teamId, scenarioId);
    return c.body(null, 204);
  };

  return { listScenarios, getScenario, previewScenario, putScenario, deleteScenario, find };
}
