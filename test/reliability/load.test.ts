import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESPONSE_ACTIONS } from "../../functions/core/drills.js";
import type { ScorecardRecord, TimelineRecord } from "../../functions/core/ports.js";
import {
  composeApi,
  type HttpResult,
  httpClient,
  listen,
  type Person,
  RELIABILITY_AUTH,
  ShiftedClock,
  seedTeam,
} from "../support/http.js";
import { freshStore } from "../support/store.js";

const RESPONDERS = 200;
const DRILLS = 20;
const TEAMS = 4;
const LOAD_MS = 30_000;
/** Resolving starts late, so most of the load lands on live drills and the rest races the resolvers. */
const RESOLVE_AFTER_MS = 20_000;
/** Far enough into each scenario that its incident items have appeared in the sandbox. */
const SCENARIO_ELAPSED_MS = 3_600_000;
const SCENARIOS = [
  "competitor-group-raid",
  "push-503",
  "account-takeover",
  "urgent-push-2am",
  "red-packet-200",
];

interface LiveDrill {
  id: string;
  teamId: string;
  incidentIds: string[];
  noiseIds: string[];
  people: string[];
}

interface Sent {
  kind: "flag" | "act" | "resolve" | "feed" | "retry";
  drillId: string;
  requestId?: string;
  res: HttpResult;
  /** What was sent, so a request the database was too slow for can be sent again. */
  again?: { path: string; body: Record<string, unknown> };
}

/** The database was too slow to answer in time: the documented 503, which a client retries. */
const unavailable = (res: HttpResult) => res.status === 503 && res.json?.error?.code === "store_unavailable";

describe("under load: 200 responders hammer detect, act and resolve on 20 live drills for 30 s", () => {
  let closeServer: () => Promise<void>;
  let client: ReturnType<typeof httpClient>;
  let drills: LiveDrill[];
  const sent: Sent[] = [];
  const failures: string[] = [];
  let timelines: Map<string, TimelineRecord[]>;
  let scorecards: Map<string, ScorecardRecord | null>;
  let elapsedMs = 0;
  let api: ReturnType<typeof composeApi>;
  let store: Awaited<ReturnType<typeof freshStore>>["store"];

  beforeAll(async () => {
    store = (await freshStore()).store;
    const clock = new ShiftedClock();
    api = composeApi(store, clock);
    const server = await listen(api.app);
    closeServer = server.close;
    // DynamoDB Local commits a transaction in tens of milliseconds on two busy cores, so 200 responders
    // queue for seconds: the bound is there to catch a request that never comes back, not a slow one.
    client = httpClient(server.url, { sockets: RESPONDERS, timeoutMs: 60_000 });

    const perTeam = RESPONDERS / TEAMS;
    const teams: Awaited<ReturnType<typeof seedTeam>>[] = [];
    for (let t = 0; t < TEAMS; t++) {
      teams.push(
        await seedTeam(store, RELIABILITY_AUTH, {
          name: `负载组 ${t}`,
          people: [
            { role: "manager" },
            ...Array.from({ length: perTeam }, () => ({ role: "responder" as const })),
          ],
        }),
      );
    }
    drills = [];
    for (const [t, team] of teams.entries()) {
      const manager = team.people[0] as Person;
      for (let d = 0; d < DRILLS / TEAMS; d++) {
        const run = await client.send("POST", `/api/teams/${team.teamId}/drills/run-now`, {
          cookie: manager.cookie,
          body: {
            scenarioId: SCENARIOS[(t + d) % SCENARIOS.length],
            practice: false,
            seed: 100 + t * 10 + d,
          },
        });
        if (run.status !== 201) throw new Error(`run-now: ${run.status} ${run.text}`);
        const stored = await store.getDrill(run.json.id);
        if (!stored) throw new Error("the drill was not stored");
        const incident = api.service.incidentOf(stored);
        const visible = incident.items.filter((i) => i.at * 1000 <= SCENARIO_ELAPSED_MS);
        const incidentIds = visible.map((i) => i.id).filter((id) => incident.detection.itemIds.includes(id));
        drills.push({
          id: stored.id,
          teamId: team.teamId,
          incidentIds,
          noiseIds: visible.map((i) => i.id).filter((id) => !incidentIds.includes(id)),
          // Only people whose messages have appeared can be removed.
          people: [...new Set(visible.flatMap((i) => (i.authorId ? [i.authorId] : [])))],
        });
      }
    }
    clock.advance(SCENARIO_ELAPSED_MS);

    const started = Date.now();
    const deadline = started + LOAD_MS;
    const responders = teams.flatMap((team) =>
      team.people
        .slice(1)
        .map((person) => ({ person, mine: drills.filter((d) => d.teamId === team.teamId) })),
    );
    await Promise.all(
      responders.map(async ({ person, mine }, index) => {
        let counter = 0;
        const history: Array<{ path: string; body: Record<string, unknown>; kind: "flag" | "act" }> = [];
        // Bounded by time and by count, whatever the server does.
        while (Date.now() < deadline && counter < 5_000) {
          counter += 1;
          const drill = pick(mine);
          const base = `/api/teams/${drill.teamId}/drills/${drill.id}`;
          const requestId = `r${index}-${counter}-${randomBytes(4).toString("hex")}`;
          const roll = Math.random();
          try {
            if (roll < 0.1) {
              const res = await client.send("GET", `${base}/feed?limit=20`, { cookie: person.cookie });
              sent.push({ kind: "feed", drillId: drill.id, res });
            } else if (roll < 0.45) {
              const hit = drill.incidentIds.length > 0 && Math.random() < 0.3;
              const body = { itemIds: [pick(hit ? drill.incidentIds : drill.noiseIds)], requestId };
              const res = await client.send("POST", `${base}/flags`, { cookie: person.cookie, body });
              sent.push({
                kind: "flag",
                drillId: drill.id,
                requestId,
                res,
                again: { path: `${base}/flags`, body },
              });
              history.push({ path: `${base}/flags`, body, kind: "flag" });
            } else if (roll < 0.85) {
              const action = pick(RESPONSE_ACTIONS);
              const targets = action === "remove_member" ? [pick(drill.people)] : undefined;
              const body = { action, text: `处理中 ${counter}`, requestId, ...(targets ? { targets } : {}) };
              const res = await client.send("POST", `${base}/actions`, { cookie: person.cookie, body });
              sent.push({
                kind: "act",
                drillId: drill.id,
                requestId,
                res,
                again: { path: `${base}/actions`, body },
              });
              history.push({ path: `${base}/actions`, body, kind: "act" });
            } else if (roll < 0.97 || Date.now() - started < RESOLVE_AFTER_MS) {
              // A client that lost the answer sends the same request again.
              const again = history.length > 0 ? pick(history) : undefined;
              if (!again) continue;
              const res = await client.send("POST", again.path, { cookie: person.cookie, body: again.body });
              sent.push({
                kind: "retry",
                drillId: again.path.split("/")[5] as string,
                requestId: String(again.body.requestId),
                res,
                again,
              });
            } else {
              const res = await client.send("POST", `${base}/resolve`, {
                cookie: person.cookie,
                body: { summary: `已处理（${person.name}）` },
              });
              sent.push({ kind: "resolve", drillId: drill.id, res });
            }
          } catch (err) {
            failures.push((err as Error).message);
          }
        }
      }),
    );
    elapsedMs = Date.now() - started;

    // What the database was too slow for is sent again, as a client told "try again shortly" would.
    const slow = sent.filter((s) => unavailable(s.res) && s.again && s.requestId);
    const teamOf = new Map(drills.map((d) => [d.id, d.teamId]));
    const responderOf = (drillId: string) =>
      teams.find((t) => t.teamId === teamOf.get(drillId))?.people[1]?.cookie;
    for (const s of slow) {
      const res = await client.send("POST", s.again?.path as string, {
        cookie: responderOf(s.drillId),
        body: s.again?.body,
      });
      sent.push({ kind: "retry", drillId: s.drillId, requestId: s.requestId as string, res, again: s.again });
    }

    // Whatever the load left running is resolved now, so every drill ends with a scorecard to check.
    for (const drill of drills) {
      const stored = await store.getDrill(drill.id);
      if (stored?.status === "injected" || stored?.status === "detected") {
        const manager = teams.find((t) => t.teamId === drill.teamId)?.people[0] as Person;
        for (let attempt = 0; attempt < 5; attempt++) {
          const res = await client.send("POST", `/api/teams/${drill.teamId}/drills/${drill.id}/resolve`, {
            cookie: manager.cookie,
            body: { summary: "负载结束" },
          });
          sent.push({ kind: "resolve", drillId: drill.id, res });
          if (!unavailable(res)) break;
        }
      }
    }
    timelines = new Map(
      await Promise.all(drills.map(async (d) => [d.id, await store.listTimeline(d.id)] as const)),
    );
    scorecards = new Map(
      await Promise.all(drills.map(async (d) => [d.id, await store.getScorecard(d.id)] as const)),
    );
    const statuses = new Map<number, number>();
    for (const s of sent) statuses.set(s.res.status, (statuses.get(s.res.status) ?? 0) + 1);
    console.info(
      `load: ${sent.length} requests in ${(elapsedMs / 1000).toFixed(1)} s (${Math.round(
        (sent.length * 1000) / elapsedMs,
      )}/s), by status ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
  }, 120_000);

  afterAll(async () => {
    client?.close();
    await closeServer?.();
  });

  it("keeps 200 responders busy for the whole 30 s", () => {
    expect(elapsedMs).toBeGreaterThanOrEqual(LOAD_MS);
    expect(elapsedMs).toBeLessThan(LOAD_MS + 20_000);
    expect(sent.length).toBeGreaterThan(RESPONDERS * 5);
  });

  it("answers every request, none with a 5xx but the documented 503 when the database is slow, every refusal in the error shape", () => {
    expect(failures.slice(0, 5)).toEqual([]);
    const serverErrors = sent.filter((s) => s.res.status >= 500 && !unavailable(s.res));
    expect(serverErrors.slice(0, 5).map((s) => `${s.kind} ${s.res.status} ${s.res.text}`)).toEqual([]);
    // On an idle machine there are none; two cores shared with the rest of the suite and other work
    // made up to 3 % here. A database that is down rather than slow shows as far more.
    const slow = sent.filter((s) => unavailable(s.res));
    expect(slow.length).toBeLessThan(sent.length * 0.1);
    for (const s of slow) expect(s.res.headers["retry-after"]).toBeDefined();
    if (slow.length > 0)
      console.info(`load: ${slow.length} answered 503 (database too slow), all sent again`);
    const refusals = sent.filter((s) => s.res.status >= 400);
    for (const s of refusals) expect(s.res.json?.error?.code, s.res.text).toEqual(expect.any(String));
    // The only refusals a correct client gets here: the drill was closed under it.
    const codes = new Set(refusals.filter((s) => !unavailable(s.res)).map((s) => s.res.json?.error?.code));
    expect([...codes].filter((c) => c !== "drill_not_live")).toEqual([]);
  });

  it("puts every acknowledged flag and action on its drill's timeline exactly once", () => {
    for (const drill of drills) {
      const timeline = timelines.get(drill.id) ?? [];
      const count = new Map<string, number>();
      for (const entry of timeline) count.set(entry.id, (count.get(entry.id) ?? 0) + 1);
      expect([...count].filter(([, n]) => n > 1)).toEqual([]);
      const acknowledged = sent.filter(
        (s) => s.drillId === drill.id && s.requestId && s.res.status === 200 && s.kind !== "feed",
      );
      for (const s of acknowledged) expect(count.get(s.res.json.entry.id), s.res.json.entry.id).toBe(1);
    }
  });

  it("never records a refused request", () => {
    const accepted = new Set(sent.filter((s) => s.res.status === 200 && s.requestId).map((s) => s.requestId));
    // A 503 may come after the write landed (the answer timed out), so only 4xx refusals count here.
    const refused = sent.filter(
      (s) => s.requestId && s.res.status >= 400 && s.res.status < 500 && !accepted.has(s.requestId),
    );
    const slowOnce = new Set(sent.filter((s) => unavailable(s.res)).map((s) => s.requestId));
    for (const s of refused.filter((r) => !slowOnce.has(r.requestId))) {
      const ids = (timelines.get(s.drillId) ?? []).map((e) => e.id);
      expect(
        ids.some((id) => id.endsWith(`-${s.requestId}`)),
        s.requestId,
      ).toBe(false);
    }
  });

  it("answers a retried request as a duplicate of the first", () => {
    const firsts = new Map<string, Sent>();
    for (const s of sent)
      if (s.kind !== "retry" && s.requestId && s.res.status === 200) firsts.set(s.requestId, s);
    const retries = sent.filter((s) => s.kind === "retry" && s.res.status === 200);
    expect(retries.length).toBeGreaterThan(0);
    // After a 503 either may be true: the first attempt may or may not have landed before it failed.
    for (const s of retries.filter((r) => firsts.has(r.requestId as string))) {
      expect(s.res.json.duplicate, s.requestId).toBe(true);
      expect(s.res.json.entry.id).toBe(firsts.get(s.requestId as string)?.res.json.entry.id);
    }
  });

  it("resolves each drill once and keeps one scorecard, the one its resolver was given", () => {
    for (const drill of drills) {
      const resolved = sent.filter(
        (s) => s.kind === "resolve" && s.drillId === drill.id && s.res.status === 200,
      );
      // At most one resolver is told it won; none, if the winner's answer was a 503 after its write landed.
      expect(resolved.length, drill.id).toBeLessThanOrEqual(1);
      const entries = (timelines.get(drill.id) ?? []).filter((e) => e.action === "resolve");
      expect(entries).toHaveLength(1);
      const card = scorecards.get(drill.id);
      expect(card, drill.id).not.toBeNull();
      if (resolved[0]) expect(card?.scorecard).toEqual(resolved[0].res.json.scorecard);
    }
  });

  it("gives each drill one detection time: the first right flag, as its scorecard measures it", async () => {
    let detected = 0;
    for (const drill of drills) {
      const stored = await store.getDrill(drill.id);
      const card = scorecards.get(drill.id)?.scorecard;
      const injectedAt = stored?.injectedAt ?? 0;
      if (card?.timeToDetect === null || card?.timeToDetect === undefined) {
        expect(stored?.detectedAt, drill.id).toBeUndefined();
        continue;
      }
      detected += 1;
      expect((stored?.detectedAt ?? 0) - injectedAt, drill.id).toBe(Math.round(card.timeToDetect * 1000));
      expect(stored?.detectedBy).toBe(card.detectedBy);
    }
    // Nearly every drill gets a right flag long before it is resolved; otherwise this proves little.
    expect(detected).toBeGreaterThanOrEqual(DRILLS / 2);
  });
});

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}

describe("the same request sent ten times at once", () => {
  it("lands once, and exactly one of the ten is told it was the first", async () => {
    const { store } = await freshStore();
    const api = composeApi(store);
    const server = await listen(api.app);
    const client = httpClient(server.url, { sockets: 10 });
    try {
      const team = await seedTeam(store, RELIABILITY_AUTH, {
        name: "重试组",
        people: [{ role: "manager" }, { role: "responder" }],
      });
      const [manager, responder] = team.people as [Person, Person];
      const run = await client.send("POST", `/api/teams/${team.teamId}/drills/run-now`, {
        cookie: manager.cookie,
        body: { scenarioId: "push-503" },
      });
      const base = `/api/teams/${team.teamId}/drills/${run.json.id}`;
      for (let round = 0; round < 5; round++) {
        const requestId = `same-${round}-${randomBytes(4).toString("hex")}`;
        const answers = await Promise.all(
          Array.from({ length: 10 }, () =>
            client.send("POST", `${base}/actions`, {
              cookie: responder.cookie,
              body: { action: "escalate", text: "上报", requestId },
            }),
          ),
        );
        expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
        expect(answers.filter((a) => a.json.duplicate === false)).toHaveLength(1);
        const stored = (await store.listTimeline(run.json.id)).filter((e) => e.id.endsWith(requestId));
        expect(stored).toHaveLength(1);
      }
    } finally {
      client.close();
      await server.close();
    }
  }, 60_000);
});

describe("twenty right flags at once", () => {
  it("leave the drill, once scored, with the earliest as its one detection time, the time its scorecard measures", async () => {
    const { store } = await freshStore();
    const clock = new ShiftedClock();
    const api = composeApi(store, clock);
    const server = await listen(api.app);
    const client = httpClient(server.url, { sockets: 20 });
    try {
      const team = await seedTeam(store, RELIABILITY_AUTH, {
        name: "抢答组",
        people: [{ role: "manager" }, ...Array.from({ length: 20 }, () => ({ role: "responder" as const }))],
      });
      const [manager, ...responders] = team.people as [Person, ...Person[]];
      const mismatches: string[] = [];
      let liveOff = 0;
      for (let round = 0; round < 5; round++) {
        const run = await client.send("POST", `/api/teams/${team.teamId}/drills/run-now`, {
          cookie: manager.cookie,
          body: { scenarioId: "push-503", seed: round },
        });
        const drill = await store.getDrill(run.json.id);
        if (!drill) throw new Error("no drill");
        const incident = api.service.incidentOf(drill).detection.itemIds;
        const base = `/api/teams/${team.teamId}/drills/${drill.id}`;
        clock.advance(SCENARIO_ELAPSED_MS);
        const answers = await Promise.all(
          responders.map((r) =>
            client.send("POST", `${base}/flags`, { cookie: r.cookie, body: { itemIds: [incident[0]] } }),
          ),
        );
        expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
        const earliest = Math.min(
          ...(await store.listTimeline(drill.id)).filter((e) => e.action === "flag").map((e) => e.at),
        );
        const live = await store.getDrill(drill.id);
        expect(live?.status).toBe("detected");
        // While it runs, the first right flag to land is shown, a few ms off the earliest at worst.
        if (live?.detectedAt !== earliest) liveOff += 1;
        const resolved = await client.send("POST", `${base}/resolve`, {
          cookie: manager.cookie,
          body: { summary: "已处理" },
        });
        expect(resolved.status).toBe(200);
        const scored = await store.getDrill(drill.id);
        if (scored?.detectedAt !== earliest || resolved.json.drill.detectedAt !== earliest)
          mismatches.push(`${drill.id}: detectedAt ${scored?.detectedAt}, earliest right flag ${earliest}`);
      }
      expect(mismatches).toEqual([]);
      console.info(
        `twenty right flags: the live detection time was not the earliest in ${liveOff} of 5 drills`,
      );
    } finally {
      client.close();
      await server.close();
    }
  }, 60_000);
});
