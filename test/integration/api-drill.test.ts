import { beforeAll, describe, expect, it } from "vitest";
import { type Api, startApi, twoTeams } from "../support/api.js";

type Teams = Awaited<ReturnType<typeof twoTeams>>;

describe("a drill through the API, from schedule to scorecard", () => {
  let api: Api;
  let t: Teams;
  beforeAll(async () => {
    api = await startApi();
    t = await twoTeams(api);
  });

  it("answers health with the store's reachability", async () => {
    const res = await api.call("GET", "/api/health");
    expect(res).toMatchObject({ status: 200, json: { ok: true, store: "reachable" } });
  });

  it("serves the OpenAPI document and a readable reference", async () => {
    const spec = await api.call("GET", "/api/openapi.json");
    expect(spec.status).toBe(200);
    expect(spec.json.openapi).toBe("3.1.0");
    expect(spec.json.servers).toEqual([{ url: "/api" }]);
    expect(Object.keys(spec.json.paths)).toContain("/teams/{teamId}/drills/{drillId}/flags");
    const flags = spec.json.paths["/teams/{teamId}/drills/{drillId}/flags"].post;
    expect(Object.keys(flags.responses).sort()).toEqual([
      "200",
      "400",
      "401",
      "403",
      "404",
      "409",
      "429",
      "503",
    ]);
    expect(flags.responses["404"].content["application/json"].schema.$ref).toBe("#/components/schemas/Error");
    const docs = await api.call("GET", "/api/docs");
    expect(docs.status).toBe(200);
    // Our own page, with no script from another origin (issue 13, test/reliability/local-headers.test.ts).
    expect(docs.text).toContain("/api/docs/docs.js");
  });

  it("runs schedule → inject → feed → detect → act → resolve → scorecard → figures → review", async () => {
    const { teamId, manager, responder } = t.a;
    const plannedAt = new Date(api.clock.now() + 10 * 60_000).toISOString();
    const scheduled = await api.call("POST", `/api/teams/${teamId}/drills`, {
      session: manager,
      body: { scenarioId: "competitor-group-raid", plannedAt, seed: 42 },
    });
    expect(scheduled.status).toBe(201);
    expect(scheduled.json.status).toBe("scheduled");
    const drillId = scheduled.json.id as string;

    // A surprise drill does not exist for responders before it is injected.
    expect(
      (await api.call("GET", `/api/teams/${teamId}/drills/${drillId}`, { session: responder })).status,
    ).toBe(404);
    const hidden = await api.call("GET", `/api/teams/${teamId}/drills`, { session: responder });
    expect(hidden.json.items.map((d: { id: string }) => d.id)).not.toContain(drillId);

    // The scheduler fires late; detection is measured from the real injection, not the plan.
    api.clock.advance(11 * 60_000);
    const { injected, drill } = await api.service.inject(drillId);
    expect(injected).toBe(true);
    expect(drill.injectedAt).toBeGreaterThan(new Date(plannedAt).getTime());
    expect((await api.service.inject(drillId)).injected).toBe(false);

    const seen = await api.call("GET", `/api/teams/${teamId}/drills/${drillId}`, { session: responder });
    expect(seen.status).toBe(200);
    expect(seen.json.status).toBe("injected");
    expect(seen.json.scenario).toBeUndefined();
    expect(seen.json.seed).toBeUndefined();
    // Every surface, in one order, whatever the scenario: its own list would say which one it is.
    expect(seen.json.surfaces).toEqual([
      "group_chat",
      "articles",
      "comments",
      "client_dm",
      "account_console",
      "oncall_page",
    ]);
    expect(seen.json.timeoutAt).toBeUndefined();

    api.clock.advance(9 * 60_000);
    const feed = await api.call(
      "GET",
      `/api/teams/${teamId}/drills/${drillId}/feed?surface=group_chat&limit=200`,
      {
        session: responder,
      },
    );
    expect(feed.status).toBe(200);
    const items = feed.json.items as Array<{
      id: string;
      kind: string;
      offset: number;
      author?: { id: string };
    }>;
    expect(items.length).toBeGreaterThan(20);
    expect(items.every((i) => i.offset <= 9 * 60)).toBe(true);
    expect(JSON.stringify(items)).not.toMatch(/stimulus|noise|raider/);

    const incident = api.service.incidentOf(drill);
    const detectionIds = new Set(incident.detection.itemIds);
    const card = items.find((i) => detectionIds.has(i.id) && i.kind === "card");
    expect(card).toBeDefined();
    const flag = await api.call("POST", `/api/teams/${teamId}/drills/${drillId}/flags`, {
      session: responder,
      body: { itemIds: [card?.id], note: "一分钟内进来一堆“老师”在发名片" },
    });
    expect(flag.status).toBe(200);
    expect(flag.json.entry.action).toBe("flag");
    expect(JSON.stringify(flag.json)).not.toMatch(/correct|detected/);
    // The drill moves to detected, but a responder's view does not say so: that would grade the flag.
    const afterFlag = await api.call("GET", `/api/teams/${teamId}/drills/${drillId}`, { session: responder });
    expect(afterFlag.json.status).toBe("injected");
    expect(afterFlag.json.detectedAt).toBeUndefined();
    const managerView = await api.call("GET", `/api/teams/${teamId}/drills/${drillId}`, { session: manager });
    expect(managerView.json.status).toBe("detected");

    api.clock.advance(30_000);
    const raiders = incident.rubric.steps.find((s) => s.id === "remove-raiders")?.target?.ids ?? [];
    expect(raiders.length).toBeGreaterThanOrEqual(5);
    const removed = await api.call("POST", `/api/teams/${teamId}/drills/${drillId}/actions`, {
      session: responder,
      body: { action: "remove_member", targets: raiders },
    });
    expect(removed.status).toBe(200);
    api.clock.advance(30_000);
    const announce = await api.call("POST", `/api/teams/${teamId}/drills/${drillId}/actions`, {
      session: responder,
      body: {
        action: "post_announcement",
        text: "本群官方老师只有林老师，官方不会私加好友，请大家遵守群规。",
      },
    });
    expect(announce.status).toBe(200);
    api.clock.advance(30_000);

    const resolved = await api.call("POST", `/api/teams/${teamId}/drills/${drillId}/resolve`, {
      session: responder,
      body: { summary: "已清理刷群账号并公告" },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.json.drill.status).toBe("resolved");
    expect(resolved.json.drill.scenario.id).toBe("competitor-group-raid");
    expect(resolved.json.scorecard.timeToDetect).toBe(9 * 60);
    expect(
      resolved.json.scorecard.steps.find((s: { id: string }) => s.id === "remove-raiders").metTarget,
    ).toBe(true);
    expect(
      (
        await api.call("POST", `/api/teams/${teamId}/drills/${drillId}/resolve`, {
          session: responder,
          body: { summary: "again" },
        })
      ).status,
    ).toBe(409);

    const scorecard = await api.call("GET", `/api/teams/${teamId}/drills/${drillId}/scorecard`, {
      session: t.a.viewer,
    });
    expect(scorecard.status).toBe(200);
    expect(scorecard.json.scorecard.total).toBe(resolved.json.scorecard.total);
    expect(scorecard.json.hint.zh).toContain("名片");

    const timeline = await api.call("GET", `/api/teams/${teamId}/drills/${drillId}/timeline`, {
      session: t.a.viewer,
    });
    expect(timeline.json.items.map((e: { action: string }) => e.action)).toEqual([
      "injected",
      "flag",
      "remove_member",
      "post_announcement",
      "resolve",
    ]);

    const month = drill.month;
    const figures = await api.call("GET", `/api/teams/${teamId}/scorecards?from=${month}&to=${month}`, {
      session: t.a.viewer,
    });
    expect(figures.status).toBe(200);
    expect(figures.json.items[0]).toMatchObject({ teamId, month, count: 1 });
    const csv = await api.call(
      "GET",
      `/api/teams/${teamId}/scorecards?from=${month}&to=${month}&format=csv`,
      {
        session: t.a.viewer,
      },
    );
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.text.split("\r\n")[0]).toMatch(/^team,month,drills,/);
    expect(csv.text.split("\r\n")[1]).toContain(`${teamId},${month},1,`);

    const review = await api.call("PUT", `/api/teams/${teamId}/drills/${drillId}/review`, {
      session: manager,
      body: {
        version: 0,
        notes: "名片特征：昵称带“老师”",
        findings: [{ id: "f1", text: "夜班没有人看群" }],
        actionItems: [
          {
            id: "a1",
            text: "把“学习规划师”加入关键词黑名单",
            owner: "A 值班",
            due: "2026-12-01",
            done: false,
          },
        ],
      },
    });
    expect(review.status).toBe(200);
    expect(review.json.version).toBe(1);
    const stale = await api.call("PUT", `/api/teams/${teamId}/drills/${drillId}/review`, {
      session: responder,
      body: { version: 0, notes: "覆盖", findings: [], actionItems: [] },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe("review_changed");
  });

  it("records a retried request once when it carries the same requestId", async () => {
    const { teamId, manager, responder } = t.a;
    const run = await api.call("POST", `/api/teams/${teamId}/drills/run-now`, {
      session: manager,
      body: { scenarioId: "urgent-push-2am", seed: 5 },
    });
    expect(run.status).toBe(201);
    expect(run.json.status).toBe("injected");
    const path = `/api/teams/${teamId}/drills/${run.json.id}/acknowledge`;
    const first = await api.call("POST", path, { session: responder, body: { requestId: "retry-0001" } });
    api.clock.advance(1000);
    const again = await api.call("POST", path, { session: responder, body: { requestId: "retry-0001" } });
    expect([first.json.duplicate, again.json.duplicate]).toEqual([false, true]);
    const timeline = await api.call("GET", `/api/teams/${teamId}/drills/${run.json.id}/timeline`, {
      session: responder,
    });
    expect(timeline.json.items.filter((e: { action: string }) => e.action === "acknowledge")).toHaveLength(1);
  });

  it("gives 50 concurrent flags of the incident one detection time", async () => {
    const { teamId, manager, responder } = t.a;
    const run = await api.call("POST", `/api/teams/${teamId}/drills/run-now`, {
      session: manager,
      body: { scenarioId: "sensitive-word-post", seed: 3 },
    });
    const drillId = run.json.id as string;
    const drill = await api.store.getDrill(drillId);
    if (!drill) throw new Error("missing drill");
    const article = api.service.incidentOf(drill).detection.itemIds[0];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api.call("POST", `/api/teams/${teamId}/drills/${drillId}/flags`, {
          session: i % 2 ? responder : manager,
          body: { itemIds: [article] },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    const after = await api.store.getDrill(drillId);
    const timeline = await api.store.listTimeline(drillId);
    const flags = timeline.filter((e) => e.action === "flag");
    expect(flags).toHaveLength(50);
    expect(after?.status).toBe("detected");
    // One detection time, set by whichever flag was stored first, and never moved by the others.
    expect(flags.map((f) => f.at)).toContain(after?.detectedAt);
    expect((await api.store.getDrill(drillId))?.detectedAt).toBe(after?.detectedAt);
  });

  it("does not mark a drill detected for a right flag buried under flag spam, but does for a removal of a raider", async () => {
    const { teamId, manager, responder } = t.a;
    const run = await api.call("POST", `/api/teams/${teamId}/drills/run-now`, {
      session: manager,
      body: { scenarioId: "competitor-group-raid", seed: 11 },
    });
    const drillId = run.json.id as string;
    const drill = await api.store.getDrill(drillId);
    if (!drill) throw new Error("missing drill");
    const incident = api.service.incidentOf(drill);
    api.clock.advance(3_600_000);
    const noise = incident.items.filter((it) => "noise" in it.origin && it.at <= 3_600).map((it) => it.id);
    // Eight one-item flags on ordinary chatter, then the right one: judged together, not one at a time.
    for (const id of noise.slice(0, 8)) {
      const res = await api.call("POST", `/api/teams/${teamId}/drills/${drillId}/flags`, {
        session: responder,
        body: { itemIds: [id] },
      });
      expect(res.status).toBe(200);
    }
    const right = incident.detection.itemIds[0] as string;
    await api.call("POST", `/api/teams/${teamId}/drills/${drillId}/flags`, {
      session: responder,
      body: { itemIds: [right] },
    });
    expect((await api.store.getDrill(drillId))?.detectedAt).toBeUndefined();
    // The drill record keeps its claim bookkeeping to itself.
    const view = await api.call("GET", `/api/teams/${teamId}/drills/${drillId}`, { session: manager });
    expect(JSON.stringify(view.json)).not.toMatch(/claims/);

    const raiders = incident.rubric.steps.find((s) => s.id === "remove-raiders")?.target?.ids ?? [];
    expect(raiders.length).toBeGreaterThanOrEqual(5);
    const removed = await api.call("POST", `/api/teams/${teamId}/drills/${drillId}/actions`, {
      session: responder,
      body: { action: "remove_member", targets: raiders },
    });
    expect(removed.status).toBe(200);
    // Eight wrong; one right item plus five or more raiders removed: now the claims amount to detection.
    const after = await api.store.getDrill(drillId);
    expect(after?.status).toBe("detected");
    expect(after?.detectedAt).toBe(removed.json.entry.at);
  });

  it("aborts one drill, and the kill switch aborts the rest and pauses the team", async () => {
    const { teamId, manager } = t.b;
    const future = new Date(api.clock.now() + 3_600_000).toISOString();
    const one = await api.call("POST", `/api/teams/${teamId}/drills`, {
      session: manager,
      body: { scenarioId: "push-503", plannedAt: future },
    });
    const two = await api.call("POST", `/api/teams/${teamId}/drills/run-now`, {
      session: manager,
      body: { scenarioId: "comment-flood" },
    });
    const three = await api.call("POST", `/api/teams/${teamId}/drills`, {
      session: manager,
      body: { scenarioId: "mass-unfollow", plannedAt: future },
    });
    const aborted = await api.call("POST", `/api/teams/${teamId}/drills/${one.json.id}/abort`, {
      session: manager,
      body: { reason: "客户今天有活动" },
    });
    expect(aborted.json.status).toBe("aborted");
    const kill = await api.call("POST", `/api/teams/${teamId}/kill-switch`, {
      session: manager,
      body: { reason: "真实事故，暂停所有演练" },
    });
    expect(kill.status).toBe(200);
    expect(kill.json.aborted.sort()).toEqual([two.json.id, three.json.id].sort());
    expect((await api.call("GET", `/api/teams/${teamId}`, { session: manager })).json.paused).toBe(true);
    // A schedule that fires while the switch is on is a recorded no-op.
    const late = await api.call("POST", `/api/teams/${teamId}/drills`, {
      session: manager,
      body: { scenarioId: "push-503", plannedAt: future },
    });
    const fired = await api.service.inject(late.json.id);
    expect(fired).toMatchObject({
      injected: false,
      drill: { status: "aborted", abortReason: "kill switch on" },
    });
    expect(
      (await api.call("DELETE", `/api/teams/${teamId}/kill-switch`, { session: manager })).json.paused,
    ).toBe(false);
  });
});
