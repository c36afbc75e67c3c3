import { beforeAll, describe, expect, it } from "vitest";
import { type Api, type Session, startApi, twoTeams } from "../support/api.js";
import { catalogSources } from "../support/drills.js";

type Caller = "manager" | "responder" | "viewer" | "stranger" | "anonymous";
const CALLERS: Caller[] = ["manager", "responder", "viewer", "stranger", "anonymous"];
const MEMBERS = ["manager", "responder", "viewer"] as const;

interface RouteCase {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  allowed: readonly Caller[];
  /** Mutates what later cases rely on: run it last, after every refusal has been checked. */
  destructive?: boolean;
}

/**
 * Object-level authorization, route by route: for every route that touches a team's objects,
 * who gets in, who is refused (403), and who is told it does not exist (404 for strangers, so
 * another team's ids reveal nothing). Everyone without a session gets 401.
 */
describe("the authorization matrix", () => {
  let api: Api;
  let sessions: Record<Exclude<Caller, "anonymous">, Session>;
  let cases: RouteCase[];
  const results: Array<{ route: string; caller: Caller; status: number }> = [];

  beforeAll(async () => {
    api = await startApi();
    const t = await twoTeams(api);
    sessions = { manager: t.a.manager, responder: t.a.responder, viewer: t.a.viewer, stranger: t.b.manager };
    const teamId = t.a.teamId;
    const live = await api.call("POST", `/api/teams/${teamId}/drills/run-now`, {
      session: t.a.manager,
      body: { scenarioId: "competitor-group-raid", seed: 1 },
    });
    const closed = await api.call("POST", `/api/teams/${teamId}/drills/run-now`, {
      session: t.a.manager,
      body: { scenarioId: "push-503", seed: 2 },
    });
    await api.call("POST", `/api/teams/${teamId}/drills/${closed.json.id}/resolve`, {
      session: t.a.manager,
      body: { summary: "done" },
    });
    const abortable = await api.call("POST", `/api/teams/${teamId}/drills/run-now`, {
      session: t.a.manager,
      body: { scenarioId: "push-503", seed: 3 },
    });
    const custom = catalogSources()
      .find((s) => s.file.endsWith("push-503.yaml"))
      ?.source.replace("id: push-503", "id: our-push-503");
    await api.call("PUT", `/api/teams/${teamId}/scenarios/our-push-503`, {
      session: t.a.manager,
      body: { source: custom, expectedVersion: 0 },
    });
    const extra = await api.addMember(t.a.manager, teamId, "extra@example.com", "viewer", "临时成员");
    const drill = `/api/teams/${teamId}/drills/${live.json.id}`;
    const done = `/api/teams/${teamId}/drills/${closed.json.id}`;
    const month = live.json.month;
    const everyone = ["manager", "responder", "viewer"] as const;
    const actors = ["manager", "responder"] as const;
    const managers = ["manager"] as const;
    cases = [
      { name: "get team", method: "GET", path: `/api/teams/${teamId}`, allowed: everyone },
      {
        name: "update team",
        method: "PATCH",
        path: `/api/teams/${teamId}`,
        body: { name: "A 组（新）" },
        allowed: managers,
      },
      { name: "list members", method: "GET", path: `/api/teams/${teamId}/members`, allowed: everyone },
      {
        name: "add member",
        method: "POST",
        path: `/api/teams/${teamId}/members`,
        body: { email: "new@example.com", name: "新人", role: "viewer" },
        allowed: managers,
      },
      {
        name: "change role",
        method: "PATCH",
        path: `/api/teams/${teamId}/members/${extra.userId}`,
        body: { role: "responder" },
        allowed: managers,
      },
      {
        name: "remove member",
        method: "DELETE",
        path: `/api/teams/${teamId}/members/${extra.userId}`,
        allowed: managers,
        destructive: true,
      },
      { name: "get roster", method: "GET", path: `/api/teams/${teamId}/roster`, allowed: everyone },
      {
        name: "set roster",
        method: "PUT",
        path: `/api/teams/${teamId}/roster`,
        body: {
          primary: {
            userId: sessions.responder.userId,
            channel: "webhook",
            target: "https://hooks.example.com/yanlian/abcd",
          },
        },
        allowed: managers,
      },
      { name: "list scenarios", method: "GET", path: `/api/teams/${teamId}/scenarios`, allowed: everyone },
      {
        name: "read a scenario's rubric",
        method: "GET",
        path: `/api/teams/${teamId}/scenarios/competitor-group-raid`,
        allowed: managers,
      },
      {
        name: "preview a scenario",
        method: "GET",
        path: `/api/teams/${teamId}/scenarios/competitor-group-raid/preview?seed=7`,
        allowed: managers,
      },
      {
        name: "write a custom scenario",
        method: "PUT",
        path: `/api/teams/${teamId}/scenarios/our-push-503`,
        body: { source: custom, expectedVersion: 1 },
        allowed: managers,
      },
      {
        name: "delete a custom scenario",
        method: "DELETE",
        path: `/api/teams/${teamId}/scenarios/our-push-503`,
        allowed: managers,
        destructive: true,
      },
      { name: "list drills", method: "GET", path: `/api/teams/${teamId}/drills`, allowed: everyone },
      {
        name: "schedule a drill",
        method: "POST",
        path: `/api/teams/${teamId}/drills`,
        body: { scenarioId: "push-503", plannedAt: new Date(Date.now() + 86_400_000).toISOString() },
        allowed: managers,
      },
      {
        name: "run a drill now",
        method: "POST",
        path: `/api/teams/${teamId}/drills/run-now`,
        body: { scenarioId: "push-503" },
        allowed: managers,
      },
      { name: "get a drill", method: "GET", path: drill, allowed: everyone },
      {
        name: "abort a drill",
        method: "POST",
        path: `/api/teams/${teamId}/drills/${abortable.json.id}/abort`,
        body: { reason: "测试" },
        allowed: managers,
        destructive: true,
      },
      { name: "watch the sandbox", method: "GET", path: `${drill}/feed`, allowed: actors },
      { name: "acknowledge", method: "POST", path: `${drill}/acknowledge`, body: {}, allowed: actors },
      {
        name: "flag",
        method: "POST",
        path: `${drill}/flags`,
        body: { itemIds: [api.service.incidentOf((await api.store.getDrill(live.json.id))!).items[0]?.id] },
        allowed: actors,
      },
      {
        name: "act",
        method: "POST",
        path: `${drill}/actions`,
        body: { action: "escalate", text: "通知主管" },
        allowed: actors,
      },
      { name: "read the timeline", method: "GET", path: `${drill}/timeline`, allowed: everyone },
      { name: "read a scorecard", method: "GET", path: `${done}/scorecard`, allowed: everyone },
      { name: "read the review", method: "GET", path: `${done}/review`, allowed: everyone },
      {
        name: "write the review",
        method: "PUT",
        path: `${done}/review`,
        body: { version: 0, notes: "复盘", findings: [], actionItems: [] },
        allowed: actors,
      },
      {
        name: "figures (JSON)",
        method: "GET",
        path: `/api/teams/${teamId}/scorecards?from=${month}&to=${month}`,
        allowed: everyone,
      },
      {
        name: "figures (CSV)",
        method: "GET",
        path: `/api/teams/${teamId}/scorecards?from=${month}&to=${month}&format=csv`,
        allowed: everyone,
      },
      {
        name: "resolve",
        method: "POST",
        path: `${drill}/resolve`,
        body: { summary: "结束" },
        allowed: actors,
        destructive: true,
      },
      {
        name: "pull the kill switch",
        method: "POST",
        path: `/api/teams/${teamId}/kill-switch`,
        body: { reason: "演练暂停" },
        allowed: managers,
        destructive: true,
      },
      {
        name: "lift the kill switch",
        method: "DELETE",
        path: `/api/teams/${teamId}/kill-switch`,
        allowed: managers,
        destructive: true,
      },
    ];
  });

  async function check(route: RouteCase, caller: Caller) {
    const session = caller === "anonymous" ? undefined : sessions[caller];
    const res = await api.call(route.method, route.path, {
      ...(session ? { session } : {}),
      ...(route.body !== undefined ? { body: route.body } : {}),
    });
    results.push({ route: route.name, caller, status: res.status });
    const label = `${route.method} ${route.name} as ${caller} → ${res.status} ${res.text.slice(0, 160)}`;
    if (caller === "anonymous") expect(res.status, label).toBe(401);
    else if (caller === "stranger") expect(res.status, label).toBe(404);
    else if (route.allowed.includes(caller)) expect([401, 403, 404, 500], label).not.toContain(res.status);
    else expect(res.status, label).toBe(403);
    if (res.status >= 400) expect(res.json?.error?.code, label).toEqual(expect.any(String));
  }

  it("refuses every caller the route does not allow, then lets the allowed ones in", async () => {
    // Refusals first: they must not change anything the allowed calls rely on.
    for (const route of cases) {
      for (const caller of CALLERS)
        if (caller === "anonymous" || caller === "stranger" || !route.allowed.includes(caller))
          await check(route, caller);
    }
    for (const route of cases.filter((r) => !r.destructive)) {
      for (const caller of MEMBERS) if (route.allowed.includes(caller)) await check(route, caller);
    }
    for (const route of cases.filter((r) => r.destructive)) await check(route, route.allowed[0] as Caller);
    expect(results.length).toBeGreaterThanOrEqual(cases.length * 3);
    console.info(`authorization matrix: ${cases.length} routes, ${results.length} checks`);
  });

  it("lets only an admin create teams", async () => {
    for (const caller of MEMBERS) {
      const res = await api.call("POST", "/api/teams", { session: sessions[caller], body: { name: "x" } });
      expect(res.status).toBe(403);
    }
  });

  it("hides another team's drill even when its id is known", async () => {
    const theirs = await api.call(
      "POST",
      `/api/teams/${(await api.call("GET", "/api/teams", { session: sessions.stranger })).json.items[0].id}/drills/run-now`,
      {
        session: sessions.stranger,
        body: { scenarioId: "push-503" },
      },
    );
    expect(theirs.status).toBe(201);
    // Team A's manager asks for team B's drill through team A's path, and through team B's path.
    const teamA = (await api.call("GET", "/api/teams", { session: sessions.manager })).json.items[0].id;
    expect(
      (await api.call("GET", `/api/teams/${teamA}/drills/${theirs.json.id}`, { session: sessions.manager }))
        .status,
    ).toBe(404);
    expect(
      (
        await api.call("GET", `/api/teams/${theirs.json.teamId}/drills/${theirs.json.id}`, {
          session: sessions.manager,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await api.call("POST", `/api/teams/${teamA}/drills/${theirs.json.id}/flags`, {
          session: sessions.responder,
          body: { itemIds: ["it-x"] },
        })
      ).status,
    ).toBe(404);
  });
});
