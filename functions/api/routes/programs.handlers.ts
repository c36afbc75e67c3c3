import type { RouteHandler } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../context.js";
import { drillView } from "./drills.handlers.js";
import type * as routes from "./programs.routes.js";

export function programHandlers(deps: AppDeps) {
  const { programs } = deps;

  const listPrograms: RouteHandler<typeof routes.listPrograms, AppEnv> = async (c) => {
    const items = await programs.list(c.get("caller"), c.req.valid("param").teamId);
    return c.json({ items: items as unknown as Record<string, unknown>[] }, 200);
  };

  const createProgram: RouteHandler<typeof routes.createProgram, AppEnv> = async (c) => {
    const { program, plan } = await programs.create(
      c.get("caller"),
      c.req.valid("param").teamId,
      c.req.valid("json"),
    );
    return c.json(
      {
        program: program as unknown as Record<string, unknown>,
        plan: {
          month: plan.month,
          drills: plan.drills.map((d) => drillView(d, "manager")),
          ...(plan.reason ? { reason: plan.reason } : {}),
        },
      },
      201,
    );
  };

  const getProgram: RouteHandler<typeof routes.getProgram, AppEnv> = async (c) => {
    const { teamId, programId } = c.req.valid("param");
    return c.json(
      (await programs.get(c.get("caller"), teamId, programId)) as unknown as Record<string, unknown>,
      200,
    );
  };

  const updateProgram: RouteHandler<typeof routes.updateProgram, AppEnv> = async (c) => {
    const { teamId, programId } = c.req.valid("param");
    const { program, expectedVersion } = c.req.valid("json");
    const saved = await programs.update(c.get("caller"), teamId, programId, program, expectedVersion);
    return c.json(saved as unknown as Record<string, unknown>, 200);
  };

  const deleteProgram: RouteHandler<typeof routes.deleteProgram, AppEnv> = async (c) => {
    const { teamId, programId } = c.req.valid("param");
    await programs.remove(c.get("caller"), teamId, programId);
    return c.body(null, 204);
  };

  return { listPrograms, createProgram, getProgram, updateProgram, deleteProgram };
}
