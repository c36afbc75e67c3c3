import { hc } from "hono/client";
import { describe, expect, it } from "vitest";
import type { AppType } from "../../functions/api/app.js";
import { ORIGIN, startApi } from "../support/api.js";

describe("the API through hono/client, as the web app will call it", () => {
  it("is typed end to end: paths, params and responses come from the routes", async () => {
    const api = await startApi();
    const manager = await api.setupManager();
    const client = hc<AppType>(ORIGIN, {
      fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) =>
        api.app.request(input instanceof Request ? input : String(input), init),
      headers: { cookie: manager.cookie },
    });
    const health = await client.api.health.$get();
    expect(health.status).toBe(200);
    const created = await client.api.teams.$post({
      json: { name: "客户端测试组", timezone: "Asia/Shanghai", context: {} },
    });
    expect(created.status).toBe(201);
    if (created.status !== 201) return;
    const team = await created.json();
    const scenarios = await client.api.teams[":teamId"].scenarios.$get({ param: { teamId: team.id } });
    if (scenarios.status !== 200) throw new Error(`scenarios: ${scenarios.status}`);
    const { items } = await scenarios.json();
    expect(items.map((s) => s.id)).toContain("urgent-push-2am");
    const run = await client.api.teams[":teamId"].drills["run-now"].$post({
      param: { teamId: team.id },
      json: { scenarioId: "urgent-push-2am", practice: true },
    });
    if (run.status !== 201) throw new Error(`run-now: ${run.status}`);
    const drill = await run.json();
    expect(drill.status).toBe("injected");
    expect(drill.surfaces).toContain("oncall_page");
  });
});
