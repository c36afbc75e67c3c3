import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDynamoLocal } from "../../functions/adapters/local/dynamodb-local.js";
import { createDynamoClient } from "../../functions/store/client.js";
import { DynamoStore } from "../../functions/store/dynamo-store.js";
import { ensureTable } from "../../functions/store/table.js";
import { type Api, startApi, twoTeams } from "../support/api.js";

type Teams = Awaited<ReturnType<typeof twoTeams>>;

describe("errors: one JSON shape, 4xx for a client's mistake", () => {
  let api: Api;
  let t: Teams;
  beforeAll(async () => {
    api = await startApi();
    t = await twoTeams(api);
  });

  it("names every offending field of an invalid body", async () => {
    const res = await api.call("POST", `/api/teams/${t.a.teamId}/drills`, {
      session: t.a.manager,
      body: { scenarioId: "Not A Slug", plannedAt: "tomorrow", practice: "yes" },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("invalid_request");
    expect(res.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      "plannedAt",
      "practice",
      "scenarioId",
    ]);
  });

  it("refuses malformed JSON with a 400, not a 500", async () => {
    const res = await api.call("POST", `/api/teams/${t.a.teamId}/drills/run-now`, {
      session: t.a.manager,
      body: "{not json",
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toEqual(expect.any(String));
  });

  it("refuses a body that is not JSON", async () => {
    const res = await api.call("POST", `/api/teams/${t.a.teamId}/drills/run-now`, {
      session: t.a.manager,
      body: "scenarioId=push-503",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.json?.error?.code).toEqual(expect.any(String));
  });

  it("refuses an oversized body with 413", async () => {
    const res = await api.call("POST", `/api/teams/${t.a.teamId}/drills/run-now`, {
      session: t.a.manager,
      body: { scenarioId: "push-503", padding: "x".repeat(100_000) },
    });
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe("payload_too_large");
  });

  it("answers unknown ids and routes with 404", async () => {
    expect(
      (await api.call("GET", `/api/teams/${t.a.teamId}/drills/dr-nope`, { session: t.a.manager })).json.error
        .code,
    ).toBe("not_found");
    const route = await api.call("GET", "/api/nothing-here", { session: t.a.manager });
    expect(route.status).toBe(404);
    expect(route.json.error.code).toBe("not_found");
  });

  it("answers a bad cursor and an unknown scenario with 400", async () => {
    const cursor = await api.call("GET", `/api/teams/${t.a.teamId}/drills?cursor=%%%garbage`, {
      session: t.a.manager,
    });
    expect(cursor.status).toBe(400);
    const scenario = await api.call("POST", `/api/teams/${t.a.teamId}/drills/run-now`, {
      session: t.a.manager,
      body: { scenarioId: "no-such-scenario" },
    });
    expect(scenario.status).toBe(400);
    expect(scenario.json.error.details[0].path).toBe("scenarioId");
  });

  it("refuses targets that are not in the drill's sandbox", async () => {
    const run = await api.call("POST", `/api/teams/${t.a.teamId}/drills/run-now`, {
      session: t.a.manager,
      body: { scenarioId: "push-503" },
    });
    const res = await api.call("POST", `/api/teams/${t.a.teamId}/drills/${run.json.id}/actions`, {
      session: t.a.responder,
      body: { action: "delete_post", targets: ["it-doesnotexist"] },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.details[0]).toEqual({ path: "targets", message: "unknown id it-doesnotexist" });
  });

  it("reports a bad custom scenario with field paths", async () => {
    const res = await api.call("PUT", `/api/teams/${t.a.teamId}/scenarios/my-drill`, {
      session: t.a.manager,
      body: { source: "id: my-drill\nversion: 1\ncategory: gossip\n", expectedVersion: 0 },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.details.map((d: { path: string }) => d.path)).toContain("category");
  });

  it("refuses a cross-site state change and requires a session", async () => {
    const csrf = await api.call("POST", `/api/teams/${t.a.teamId}/drills/run-now`, {
      session: t.a.manager,
      body: { scenarioId: "push-503" },
      headers: { origin: "https://evil.example" },
    });
    expect(csrf.status).toBe(403);
    expect(csrf.json.error.code).toBe("csrf");
    const anonymous = await api.call("GET", "/api/teams");
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.error.code).toBe("unauthenticated");
  });

  it("rate-limits sign-in attempts per email", async () => {
    const attempt = () =>
      api.call("POST", "/api/auth/login", {
        body: { email: "a.responder@example.com", password: "wrong password" },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(401));
    expect(statuses.slice(8)).toEqual([429, 429]);
  });

  it("uses the setup token once", async () => {
    const again = await api.call("POST", "/api/setup", {
      body: {
        token: "test-setup-token-0123456789",
        email: "second@example.com",
        name: "x",
        password: "another password",
      },
    });
    expect(again.status).toBe(401);
    expect((await api.call("GET", "/api/setup")).json).toEqual({ needed: false });
  });
});

describe("when the database goes away", () => {
  let dir: string;
  let db: Awaited<ReturnType<typeof startDynamoLocal>>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "yanlian-outage-"));
    db = await startDynamoLocal({ dataDir: dir });
  });
  afterAll(async () => {
    await db?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("answers 503 with the JSON error while it is down, and recovers when it is back", async () => {
    const client = createDynamoClient({ endpoint: db.endpoint });
    await ensureTable(client, "outage");
    const api = await startApi({ store: new DynamoStore(client, "outage") });
    const t = await twoTeams(api);
    expect((await api.call("GET", "/api/health")).status).toBe(200);

    await db.stop();
    const down = await api.call("GET", `/api/teams/${t.a.teamId}/drills`, { session: t.a.manager });
    expect(down.status).toBe(503);
    expect(down.json.error.code).toBe("store_unavailable");
    expect((await api.call("GET", "/api/health")).status).toBe(503);

    db = await startDynamoLocal({ dataDir: dir, port: db.port });
    const back = await api.call("GET", `/api/teams/${t.a.teamId}/drills`, { session: t.a.manager });
    expect(back.status).toBe(200);
  });
});
