import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { csrfGuard, requireSession } from "./auth.js";
import { type AppDeps, createRouter } from "./context.js";
import { docsRoutes } from "./docs-page.js";
import { errorBody, notFoundHandler, onError } from "./errors.js";
import { drillHandlers } from "./routes/drills.handlers.js";
import * as drills from "./routes/drills.routes.js";
import { programHandlers } from "./routes/programs.handlers.js";
import * as programs from "./routes/programs.routes.js";
import { scenarioHandlers } from "./routes/scenarios.handlers.js";
import * as scenarios from "./routes/scenarios.routes.js";
import { scorecardHandlers } from "./routes/scorecards.handlers.js";
import * as scorecards from "./routes/scorecards.routes.js";
import { sessionHandlers } from "./routes/sessions.handlers.js";
import * as sessions from "./routes/sessions.routes.js";
import { systemHandlers } from "./routes/system.handlers.js";
import * as system from "./routes/system.routes.js";
import { teamHandlers } from "./routes/teams.handlers.js";
import * as teams from "./routes/teams.routes.js";

/** Bodies are small JSON; custom scenarios (YAML inside JSON) are the largest legitimate ones. */
export const MAX_BODY_BYTES = 64 * 1024;
export const MAX_SCENARIO_BODY_BYTES = 300 * 1024;

function publicRoutes(deps: AppDeps) {
  const h = systemHandlers(deps);
  return createRouter()
    .openapi(system.health, h.health)
    .openapi(system.setupStatus, h.setupStatus)
    .openapi(system.setup, h.setup)
    .openapi(system.login, h.login)
    .openapi(system.logout, h.logout)
    .openapi(system.acceptInvite, h.acceptInvite)
    .openapi(sessions.redeemReset, sessionHandlers(deps).redeemReset)
    .openapi(system.confirmAcknowledgement, h.confirmAcknowledgement)
    .openapi(system.acknowledgeLink, h.acknowledgeLink);
}

function privateRoutes(deps: AppDeps) {
  const s = systemHandlers(deps);
  const t = teamHandlers(deps);
  const sc = scenarioHandlers(deps);
  const d = drillHandlers(deps);
  const f = scorecardHandlers(deps);
  const p = programHandlers(deps);
  const a = sessionHandlers(deps);
  const router = createRouter();
  const session = requireSession(deps.auth, deps.store);
  router.use("/auth/me", session);
  router.use("/auth/password", session);
  router.use("/teams", session);
  router.use("/teams/*", session);
  router.use("/admin/*", session);
  return router
    .openapi(system.me, s.me)
    .openapi(sessions.changePassword, a.changePassword)
    .openapi(teams.listTeams, t.listTeams)
    .openapi(teams.createTeam, t.createTeam)
    .openapi(teams.getTeam, t.getTeam)
    .openapi(teams.updateTeam, t.updateTeam)
    .openapi(teams.listMembers, t.listMembers)
    .openapi(teams.addMember, t.addMember)
    .openapi(teams.listInvites, t.listInvites)
    .openapi(teams.revokeInvite, t.revokeInvite)
    .openapi(teams.appointManager, t.appointManager)
    .openapi(teams.updateMember, t.updateMember)
    .openapi(teams.removeMember, t.removeMember)
    .openapi(sessions.issueReset, a.issueReset)
    .openapi(teams.getRoster, t.getRoster)
    .openapi(teams.putRoster, t.putRoster)
    .openapi(teams.testPage, t.testPage)
    .openapi(scenarios.listScenarios, sc.listScenarios)
    .openapi(scenarios.getScenario, sc.getScenario)
    .openapi(scenarios.previewScenario, sc.previewScenario)
    .openapi(scenarios.putScenario, sc.putScenario)
    .openapi(scenarios.deleteScenario, sc.deleteScenario)
    .openapi(drills.listDrills, d.listDrills)
    .openapi(drills.scheduleDrill, d.scheduleDrill)
    .openapi(drills.runNow, d.runNow)
    .openapi(drills.getDrill, d.getDrill)
    .openapi(drills.abortDrill, d.abortDrill)
    .openapi(drills.killSwitch, d.killSwitch)
    .openapi(drills.resume, d.resume)
    .openapi(drills.feed, d.feed)
    .openapi(drills.members, d.members)
    .openapi(drills.acknowledge, d.acknowledge)
    .openapi(drills.flag, d.flag)
    .openapi(drills.act, d.act)
    .openapi(drills.resolve, d.resolve)
    .openapi(drills.timeline, d.timeline)
    .openapi(drills.scorecard, d.scorecard)
    .openapi(drills.getReview, d.getReview)
    .openapi(drills.putReview, d.putReview)
    .openapi(scorecards.figures, f.figures)
    .openapi(programs.listPrograms, p.listPrograms)
    .openapi(programs.createProgram, p.createProgram)
    .openapi(programs.getProgram, p.getProgram)
    .openapi(programs.updateProgram, p.updateProgram)
    .openapi(programs.deleteProgram, p.deleteProgram);
}

/** The whole API under /api: one app on Lambda (hono/aws-lambda) and on `npm start` (@hono/node-server). */
export function createApi(deps: AppDeps) {
  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) =>
        c.json(errorBody("payload_too_large", `the body is larger than ${maxSize / 1024} KB`), 413),
    });
  const api = createRouter();
  api.onError(onError);
  api.notFound(notFoundHandler);
  api.use("*", secureHeaders());
  api.use("/teams/:teamId/scenarios/*", limit(MAX_SCENARIO_BODY_BYTES));
  api.use("*", async (c, next) =>
    c.req.path.includes("/scenarios/") ? next() : limit(MAX_BODY_BYTES)(c, next),
  );
  api.use("*", csrfGuard(deps.auth));
  const routes = api.route("/", publicRoutes(deps)).route("/", privateRoutes(deps));
  api.doc31("/openapi.json", {
    openapi: "3.1.0",
    servers: [{ url: "/api" }],
    info: {
      title: "Yanlian API",
      version: "1.0.0",
      description:
        "Surprise incident drills for private-domain community and official-account teams. Errors always have the shape `{ error: { code, message, details } }`.",
    },
  });
  // Served from this code, not a CDN: it works offline and no third-party script runs on this origin.
  api.route("/docs", docsRoutes());
  return routes;
}

export function createApp(deps: AppDeps) {
  const app = createRouter();
  app.onError(onError);
  app.notFound(notFoundHandler);
  const routes = app.route("/api", createApi(deps));
  return routes;
}

/** For `hono/client`: `hc<AppType>(origin)` gives the web app typed calls. */
export type AppType = ReturnType<typeof createApp>;
