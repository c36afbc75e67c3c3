import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../functions/core/ports.js";
import {
  composeApi,
  inProcess,
  type Person,
  RELIABILITY_AUTH,
  requestId,
  ShiftedClock,
  seedTeam,
} from "../support/http.js";
import { freshStore } from "../support/store.js";

/**
 * While a drill runs, nothing a responder can read says whether their flag was right, which scenario
 * runs or which surface holds it. A responder flags the incident correctly, then reads everything
 * they may read: the feed's status, the drill list's status filter, the drill itself, the catalog.
 */

let store: Store;
let clock: ShiftedClock;
let api: ReturnType<typeof composeApi>;
let send: ReturnType<typeof inProcess>;
let teamId = "";
let manager: Person;
let responder: Person;
let viewer: Person;

const TEAM_SURFACES = ["group_chat", "articles", "client_dm"] as const;

async function runNow(scenarioId: string): Promise<string> {
  const res = await send("POST", `/api/teams/${teamId}/drills/run-now`, {
    cookie: manager.cookie,
    body: { scenarioId },
  });
  if (res.status !== 201) throw new Error(`run-now: ${res.status} ${res.text}`);
  return (res.json as { id: string }).id;
}

/** Everything a responder reads about a running drill, except the items themselves. */
async function whatTheyRead(by: Person, drillId: string) {
  const base = `/api/teams/${teamId}/drills`;
  const [feed, drill, detected, injected, catalog] = await Promise.all([
    send("GET", `${base}/${drillId}/feed?limit=200`, { cookie: by.cookie }),
    send("GET", `${base}/${drillId}`, { cookie: by.cookie }),
    send("GET", `${base}?status=detected`, { cookie: by.cookie }),
    send("GET", `${base}?status=injected`, { cookie: by.cookie }),
    send("GET", `/api/teams/${teamId}/scenarios`, { cookie: by.cookie }),
  ]);
  const ids = (r: typeof detected) =>
    ((r.json as { items: { id: string }[] }).items ?? []).map((d) => d.id).sort();
  return {
    feedStatus: by.role === "viewer" ? null : (feed.json as { status: string }).status,
    drill: drill.json as Record<string, unknown>,
    listedAsDetected: ids(detected),
    listedAsInjected: ids(injected),
    catalog: catalog.json as { items: Record<string, unknown>[] },
  };
}

beforeAll(async () => {
  ({ store } = await freshStore());
  clock = new ShiftedClock();
  api = composeApi(store, clock, RELIABILITY_AUTH);
  send = inProcess(api.app);
  const team = await seedTeam(store, RELIABILITY_AUTH, {
    name: "泄露组",
    people: [{ role: "manager" }, { role: "responder" }, { role: "viewer" }],
  });
  teamId = team.teamId;
  [manager, responder, viewer] = team.people as [Person, Person, Person];
  const patched = await send("PATCH", `/api/teams/${teamId}`, {
    cookie: manager.cookie,
    body: { context: { business: "cooking", surfaces: [...TEAM_SURFACES] } },
  });
  expect(patched.status, patched.text).toBe(200);
}, 60_000);

afterAll(() => undefined);

describe("a live drill tells a responder nothing about their flag or the scenario", () => {
  it("reads the same before and after a right flag: feed status, list filter, drill view, catalog", async () => {
    const drillId = await runNow("competitor-group-raid");
    clock.advance(12 * 60_000);
    const before = await whatTheyRead(responder, drillId);
    const viewerBefore = await whatTheyRead(viewer, drillId);

    const drill = await store.getDrill(drillId);
    if (!drill) throw new Error("no drill");
    const incident = api.service.incidentOf(drill);
    const res = await send("POST", `/api/teams/${teamId}/drills/${drillId}/flags`, {
      cookie: responder.cookie,
      body: { itemIds: incident.detection.itemIds, requestId: requestId() },
    });
    expect(res.status, res.text).toBe(200);
    // The flag was right: the drill is detected in the store, and a manager reads it so.
    expect((await store.getDrill(drillId))?.status).toBe("detected");
    const managerView = await whatTheyRead(manager, drillId);
    expect(managerView.feedStatus).toBe("detected");
    expect(managerView.listedAsDetected).toContain(drillId);
    expect(managerView.listedAsInjected).not.toContain(drillId);

    const after = await whatTheyRead(responder, drillId);
    expect(after.feedStatus).toBe("injected");
    expect(after.feedStatus).toBe(before.feedStatus);
    expect(after.drill).toEqual(before.drill);
    expect(after.drill.status).toBe("injected");
    expect(after.drill).not.toHaveProperty("detectedAt");
    // "detected" and "injected" both mean "running": the filter gives the same drills either way.
    expect(after.listedAsDetected).toEqual(after.listedAsInjected);
    expect(after.listedAsDetected).toContain(drillId);
    expect(after.listedAsDetected).toEqual(before.listedAsDetected);
    expect(after.catalog).toEqual(before.catalog);

    const viewerAfter = await whatTheyRead(viewer, drillId);
    expect(viewerAfter.drill).toEqual(viewerBefore.drill);
    expect(viewerAfter.listedAsDetected).toEqual(viewerAfter.listedAsInjected);
    expect(viewerAfter.listedAsDetected).toContain(drillId);
  });

  it("lists the team's surfaces for every drill, whatever the scenario", async () => {
    const raid = await runNow("competitor-group-raid");
    const post = await runNow("sensitive-word-post");
    const push = await runNow("urgent-push-2am").catch(() => null);
    const seen = new Set<string>();
    for (const id of [raid, post, push].filter((x): x is string => x !== null)) {
      const res = await send("GET", `/api/teams/${teamId}/drills/${id}`, { cookie: responder.cookie });
      expect(res.status).toBe(200);
      const surfaces = (res.json as { surfaces: string[] }).surfaces;
      expect(surfaces).toEqual([...TEAM_SURFACES, "oncall_page"]);
      seen.add(JSON.stringify(surfaces));
      // The snapshot carries the team's timezone, so the sandbox knows what time of day it is.
      expect((await store.getDrill(id))?.context).toMatchObject({
        timezone: "Asia/Shanghai",
        business: "cooking",
        surfaces: [...TEAM_SURFACES],
      });
    }
    expect(seen.size).toBe(1);
  });

  it("gives responders and viewers the catalog without the scenarios' surfaces or windows; managers keep them", async () => {
    for (const who of [responder, viewer]) {
      const res = await send("GET", `/api/teams/${teamId}/scenarios`, { cookie: who.cookie });
      expect(res.status).toBe(200);
      const items = (res.json as { items: Record<string, unknown>[] }).items;
      expect(items.length).toBeGreaterThan(10);
      for (const item of items) {
        expect(item).not.toHaveProperty("surfaces");
        expect(item).not.toHaveProperty("window");
      }
    }
    const res = await send("GET", `/api/teams/${teamId}/scenarios`, { cookie: manager.cookie });
    const items = (res.json as { items: Record<string, unknown>[] }).items;
    for (const item of items) {
      expect(Array.isArray(item.surfaces)).toBe(true);
      expect(typeof item.window).toBe("string");
    }
  });

  it("refuses a team context with an unknown business or no surfaces", async () => {
    for (const context of [{ business: "casino" }, { surfaces: [] }, { surfaces: ["oncall_page"] }]) {
      const res = await send("PATCH", `/api/teams/${teamId}`, { cookie: manager.cookie, body: { context } });
      expect(res.status, JSON.stringify(context)).toBe(400);
    }
  });
});
