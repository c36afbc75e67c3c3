import type { RouteHandler } from "@hono/zod-openapi";
import type { Caller } from "../../core/drills.js";
import { type Drill, FINAL_STATUSES, LIVE_STATUSES, type Role } from "../../core/ports.js";
import { SANDBOX_SURFACES, SURFACES, type Surface } from "../../core/vocabulary.js";
import type { AppDeps, AppEnv } from "../context.js";
import type * as routes from "./drills.routes.js";

/**
 * The surfaces a team watches: its own (from the drill's snapshot of the team context, every sandbox
 * surface by default) and the on-call pages, in one fixed order. The same for every drill of the team,
 * so the list says nothing about which scenario runs.
 */
export function teamSurfaces(drill: Pick<Drill, "context">): Surface[] {
  const own = new Set<Surface>([...(drill.context.surfaces ?? SANDBOX_SURFACES), "oncall_page"]);
  return SURFACES.filter((s) => own.has(s));
}

/** A status as a member may read it: to all but managers a running drill is just "injected". */
export function visibleStatus(drill: Pick<Drill, "status">, role: Role): Drill["status"] {
  return role === "manager" || !LIVE_STATUSES.includes(drill.status) ? drill.status : "injected";
}

/**
 * What a member sees of a drill. While it runs, responders see where to look (its surfaces) but
 * not what it is: the title or the seed would give the incident away.
 */
export function drillView(drill: Drill, role: Role) {
  const revealed = role === "manager" || FINAL_STATUSES.includes(drill.status);
  const s = drill.scenario;
  return {
    id: drill.id,
    teamId: drill.teamId,
    // "detected" would tell a responder their flag was right, so a running drill just reads "injected".
    status: visibleStatus(drill, role),
    practice: drill.practice,
    month: drill.month,
    plannedAt: drill.plannedAt,
    ...(drill.injectedAt !== undefined ? { injectedAt: drill.injectedAt } : {}),
    ...(drill.injectedAt !== undefined && revealed ? { timeoutAt: drill.injectedAt + s.timeout * 1000 } : {}),
    ...(drill.acknowledgedAt !== undefined ? { acknowledgedAt: drill.acknowledgedAt } : {}),
    ...(drill.detectedAt !== undefined && revealed ? { detectedAt: drill.detectedAt } : {}),
    ...(drill.resolvedAt !== undefined ? { resolvedAt: drill.resolvedAt } : {}),
    ...(drill.closedAt !== undefined ? { closedAt: drill.closedAt } : {}),
    ...(drill.summary !== undefined ? { summary: drill.summary } : {}),
    ...(drill.abortReason !== undefined ? { abortReason: drill.abortReason } : {}),
    // The scenario's own surfaces would narrow down which scenario runs: while it runs, a responder sees
    // the team's; once it is over (and for managers) the scenario's are added.
    surfaces: revealed
      ? SURFACES.filter((x) => teamSurfaces(drill).includes(x) || s.surfaces.includes(x))
      : teamSurfaces(drill),
    ...(revealed
      ? {
          scenario: {
            id: s.id,
            version: s.version,
            category: s.category,
            severity: s.severity,
            title: s.title,
          },
          seed: drill.seed,
        }
      : {}),
  };
}

const ms = (iso: string) => new Date(iso).getTime();

export function drillHandlers(deps: AppDeps) {
  const { service } = deps;
  const caller = (c: { get(key: "caller"): Caller }) => c.get("caller");

  const listDrills: RouteHandler<typeof routes.listDrills, AppEnv> = async (c) => {
    const { teamId } = c.req.valid("param");
    const query = c.req.valid("query");
    const { membership, page } = await service.list(caller(c), teamId, query);
    return c.json(
      {
        items: page.items.map((d) => drillView(d, membership.role)),
        ...(page.cursor ? { cursor: page.cursor } : {}),
      },
      200,
    );
  };

  const scheduleDrill: RouteHandler<typeof routes.scheduleDrill, AppEnv> = async (c) => {
    const { teamId } = c.req.valid("param");
    const input = c.req.valid("json");
    const drill = await service.schedule(caller(c), teamId, { ...input, plannedAt: ms(input.plannedAt) });
    return c.json(drillView(drill, "manager"), 201);
  };

  const runNow: RouteHandler<typeof routes.runNow, AppEnv> = async (c) => {
    const { teamId } = c.req.valid("param");
    const { drill } = await service.runNow(caller(c), teamId, c.req.valid("json"));
    return c.json(drillView(drill, "manager"), 201);
  };

  const getDrill: RouteHandler<typeof routes.getDrill, AppEnv> = async (c) => {
    const { teamId, drillId } = c.req.valid("param");
    const { drill, membership } = await service.drillAccess(caller(c), teamId, drillId, "read");
    return c.json(drillView(drill, membership.role), 200);
  };

  const abortDrill: RouteHandler<typeof routes.abortDrill, AppEnv> = async (c) => {
    const { teamId, drillId } = c.req.valid("param");
    const drill = await service.abort(caller(c), teamId, drillId, c.req.valid("json").reason);
    return c.json(drillView(drill, "manager"), 200);
  };

  const killSwitch: RouteHandler<typeof routes.killSwitch, AppEnv> = async (c) => {
    const { teamId } = c.req.valid("param");
    const result = await service.killSwitch(caller(c), teamId, c.req.valid("json").reason);
    return c.json({ paused: true as const, aborted: result.aborted }, 200);
  };

  const resume: RouteHandler<typeof routes.resume, AppEnv> = async (c) => {
    await service.resume(caller(c), c.req.valid("param").teamId);
    return c.json({ paused: false as const }, 200);
  };

  const feed: RouteHandler<typeof routes.feed, AppEnv> = async (c) => {
    const { teamId, drillId } = c.req.valid("param");
    const page = await service.feed(caller(c), teamId, drillId, c.req.valid("query"));
    return c.json(
      {
        items: page.items,
        cursor: page.cursor,
        more: page.more,
        status: visibleStatus(page.drill, page.role),
      },
      200,
    );
  };

  const members: RouteHandler<typeof routes.members, AppEnv> = async (c) => {
    const { teamId, drillId } = c.req.valid("param");
    return c.json(await service.members(caller(c), teamId, drillId), 200);
  };

  const acknowledge: RouteHandler<typeof routes.acknowledge, AppEnv> = async (c) => {
    const { teamId, drillId } = c.req.valid("param");
    const { requestId } = c.req.valid("json");
    const result = await service.acknowledge(caller(c), teamId, drillId, requestId);
    return c.json({ entry: result.entry, duplicate: result.duplicate }, 200);
  };

  const flag: RouteHandler<typeof routes.flag, AppEnv> = async (c) => {
    const { teamId, drillId } = c.req.valid("param");
    const input = c.req.valid("json");
    const result = await service.flag(caller(c), teamId, drillId, input.itemIds, input.note, input.requestId);
    return c.json(result, 200);
  };

  const act: RouteHandler<typeof routes.act, AppEnv> = async (c) => {
    const { teamId, drillId } = c.req.valid("param");
    return c.json(await service.act(caller(c), teamId, drillId, c.req.valid("json")), 200);
  };

  const resolve: RouteHandler<typeof routes.resolve, AppEnv> = async (c) => {
    const { teamId, drillId } = c.req.valid("param");
    const { summary, requestId } = c.req.valid("json");
    const result = await service.resolve(caller(c), teamId, drillId, summary, requestId);
    return c.json(
      {
        drill: drillView(result.drill, "manager"),
        scorecard: result.scorecard.scorecard as unknown as Record<string, unknown>,
        duplicate: result.duplicate,
      },
      200,
    );
  };

  const timeline: RouteHandler<typeof routes.timeline, AppEnv> = async (c) => {
    const { teamId, drillId } = c.req.valid("param");
    const { entries } = await service.timeline(caller(c), teamId, drillId);
    return c.json({ items: entries }, 200);
  };

  const scorecard: RouteHandler<typeof routes.scorecard, AppEnv> = async (c) => {
    const { teamId, drillId } = c.req.valid("param");
    const { drill, record, incident } = await service.scorecard(caller(c), teamId, drillId);
    return c.json(
      {
        drill: drillView(drill, "viewer"),
        scorecard: record.scorecard as unknown as Record<string, unknown>,
        rubric: incident.rubric as unknown as Record<string, unknown>,
        hint: incident.detection.hint,
      },
      200,
    );
  };

  const getReview: RouteHandler<typeof routes.getReview, AppEnv> = async (c) => {
    const { teamId, drillId } = c.req.valid("param");
    return c.json(await service.getReview(caller(c), teamId, drillId), 200);
  };

  const putReview: RouteHandler<typeof routes.putReview, AppEnv> = async (c) => {
    const { teamId, drillId } = c.req.valid("param");
    return c.json(await service.saveReview(caller(c), teamId, drillId, c.req.valid("json")), 200);
  };

  return {
    listDrills,
    scheduleDrill,
    runNow,
    getDrill,
    abortDrill,
    killSwitch,
    resume,
    feed,
    members,
    acknowledge,
    flag,
    act,
    resolve,
    timeline,
    scorecard,
    getReview,
    putReview,
  };
}
