import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChannelSender } from "../../functions/adapters/channels/sender.js";
import type { Delivery } from "../../functions/adapters/local/scheduler.js";
import { cryptoEntropy, systemClock } from "../../functions/adapters/system.js";
import type { Clock, Drill } from "../../functions/core/ports.js";
import { createLocalRuntime } from "../../functions/local/runtime.js";
import type { DynamoStore } from "../../functions/store/dynamo-store.js";
import { TestClock } from "../support/api.js";
import { builtInScenarios, scenario } from "../support/drills.js";
import {
  composeApi,
  expectErrorShape,
  inBatches,
  inProcess,
  type Person,
  RELIABILITY_AUTH,
  requestId,
  ShiftedClock,
  seedTeam,
  sleep,
  until,
} from "../support/http.js";
import { freshStore } from "../support/store.js";

/** A team's webhook on loopback that can be taken down, made slow, and brought back on the same port. */
class Receiver {
  mode: "up" | "slow" | "flaky" = "up";
  readonly hits: Array<{ path: string; mode: string }> = [];
  private server: Server | undefined;
  port = 0;

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        this.hits.push({ path: req.url ?? "", mode: this.mode });
        if (this.mode === "slow") {
          const timer = setTimeout(() => res.writeHead(200).end("{}"), 1_500);
          res.on("close", () => clearTimeout(timer));
        } else if (this.mode === "flaky") {
          // Back, but still warming up: one 503, then it works.
          this.mode = "up";
          res.writeHead(503).end("warming up");
        } else res.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((done) => server.listen(this.port, "127.0.0.1", done));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }

  url(path: string) {
    return `http://127.0.0.1:${this.port}${path}`;
  }
}

/** The one-machine runtime over a table of its own, with a clock the test moves and pages that retry fast. */
async function runtimeFor(clock: Clock) {
  const { store } = await freshStore();
  const runtime = createLocalRuntime({
    store,
    clock,
    entropy: cryptoEntropy,
    catalog: builtInScenarios(),
    auth: RELIABILITY_AUTH,
    channels: createChannelSender({ retries: 2, timeoutMs: 400, backoffMs: () => 50, allowLoopback: true }),
    intervalMs: 50,
    log: () => undefined,
  });
  /** One turn of the scheduler: fire what is due, and let the pages it causes go out. */
  const turn = async () => {
    await runtime.loop.tick();
    await runtime.loop.idle();
    await runtime.bus.drain();
  };
  return { store, runtime, turn, send: inProcess(runtime.app) };
}

async function teamWithRoster(store: DynamoStore, send: ReturnType<typeof inProcess>, receiver: Receiver) {
  const team = await seedTeam(store, RELIABILITY_AUTH, {
    name: "值班组",
    people: [{ role: "manager" }, { role: "responder" }, { role: "responder" }],
  });
  const [manager, primary, backup] = team.people as [Person, Person, Person];
  const roster = await send("PUT", `/api/teams/${team.teamId}/roster`, {
    cookie: manager.cookie,
    body: {
      primary: { userId: primary.userId, channel: "webhook", target: receiver.url("/primary") },
      backup: { userId: backup.userId, channel: "webhook", target: receiver.url("/backup") },
      managers: { userId: manager.userId, channel: "webhook", target: receiver.url("/managers") },
    },
  });
  expect(roster.status).toBe(200);
  return { teamId: team.teamId, manager, primary, backup };
}

describe("when the team's webhook is down, then slow, then back", () => {
  const receiver = new Receiver();
  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());

  it("retries each page, puts every failure and success on the timeline, and the drill goes on", async () => {
    const clock = new TestClock();
    const { store, turn, send } = await runtimeFor(clock);
    const { teamId, manager, primary, backup } = await teamWithRoster(store, send, receiver);

    await receiver.stop();
    const run = await send("POST", `/api/teams/${teamId}/drills/run-now`, {
      cookie: manager.cookie,
      body: { scenarioId: "urgent-push-2am", seed: 5 },
    });
    expect(run.status).toBe(201);
    const drillId = run.json.id as string;
    const base = `/api/teams/${teamId}/drills/${drillId}`;
    await turn();

    // The responders can work while nobody can be paged.
    const acted = await send("POST", `${base}/actions`, {
      cookie: primary.cookie,
      body: { action: "escalate", text: "推送失败，先上报", requestId: requestId() },
    });
    expect(acted.status).toBe(200);

    await receiver.start();
    receiver.mode = "slow";
    clock.advance(5 * 60_000);
    const slowStarted = Date.now();
    const [flagged] = await Promise.all([
      send("POST", `${base}/actions`, {
        cookie: primary.cookie,
        body: { action: "escalate", text: "仍在处理", requestId: requestId() },
      }),
      turn(),
    ]);
    expect(flagged.status).toBe(200);
    expect(receiver.hits.filter((h) => h.path === "/backup")).toHaveLength(3);
    expect(Date.now() - slowStarted).toBeLessThan(10_000);

    receiver.mode = "flaky";
    clock.advance(5 * 60_000);
    await turn();
    expect(receiver.hits.filter((h) => h.path === "/managers").map((h) => h.mode)).toEqual(["flaky", "up"]);

    const timeline = (await store.listTimeline(drillId)).filter((e) => e.system);
    expect(timeline.map((e) => [e.action, e.text?.split(":")[0]])).toEqual([
      ["injected", undefined],
      ["page_failed", `primary ${primary.name} via webhook`],
      ["page_failed", `backup ${backup.name} via webhook`],
      ["paged", `managers ${manager.name} via webhook`],
    ]);
    expect(timeline[1]?.text).toMatch(/network error: ECONNREFUSED/);
    expect(timeline[2]?.text).toMatch(/timeout after 400 ms/);
    expect(timeline[3]?.text).toMatch(/ok after 2 attempt/);

    const resolved = await send("POST", `${base}/resolve`, {
      cookie: primary.cookie,
      body: { summary: "已处理" },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.json.scorecard.total).toEqual(expect.any(Number));
  }, 60_000);
});

describe("a schedule delivered three times", () => {
  const receiver = new Receiver();
  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());

  it("injects once, pages once per rung, and closes once into one scorecard", async () => {
    const clock = new TestClock();
    const { store, runtime, turn, send } = await runtimeFor(clock);
    const { teamId, manager } = await teamWithRoster(store, send, receiver);
    const scheduled = await send("POST", `/api/teams/${teamId}/drills`, {
      cookie: manager.cookie,
      body: { scenarioId: "account-takeover", plannedAt: new Date(clock.now() + 60_000).toISOString() },
    });
    expect(scheduled.status).toBe(201);
    const drillId = scheduled.json.id as string;
    const thrice = async (payload: Delivery["payload"]) => {
      const delivery = {
        name: `${payload.target}-${drillId}`,
        payload,
        dueAt: clock.now(),
        firedAt: clock.now(),
      };
      await Promise.all([1, 2, 3].map((attempt) => runtime.handle({ ...delivery, attempt })));
      await runtime.bus.drain();
    };

    clock.advance(60_000);
    await thrice({ target: "inject", teamId, drillId });
    await thrice({ target: "inject", teamId, drillId });
    expect(receiver.hits.map((h) => h.path)).toEqual(["/primary"]);
    await thrice({ target: "escalate", teamId, drillId, level: 1 });
    expect(receiver.hits.map((h) => h.path)).toEqual(["/primary", "/backup"]);

    clock.advance(3 * 3_600_000);
    await thrice({ target: "close", teamId, drillId });
    // The loop's own schedules for the same drill fire too, and change nothing.
    await turn();
    expect(receiver.hits.map((h) => h.path)).toEqual(["/primary", "/backup"]);
    const actions = (await store.listTimeline(drillId)).map((e) => e.action);
    expect(actions.filter((a) => a === "injected")).toHaveLength(1);
    expect(actions.filter((a) => a === "timed_out")).toHaveLength(1);
    expect(actions.filter((a) => a === "paged")).toHaveLength(2);
    expect((await store.getDrill(drillId))?.status).toBe("timed_out");
    expect(await store.getScorecard(drillId)).not.toBeNull();
  }, 60_000);
});

describe("resolve racing the closer", () => {
  it("ends each of 100 drills once, with the one scorecard whoever won was given", async () => {
    const { store } = await freshStore();
    const clock = new ShiftedClock();
    const api = composeApi(store, clock);
    const send = inProcess(api.app);
    const team = await seedTeam(store, RELIABILITY_AUTH, {
      name: "竞态组",
      people: [{ role: "manager" }, { role: "responder" }],
    });
    const responder = team.people[1] as Person;
    const raid = scenario("competitor-group-raid");
    // Drills as the injector leaves them, written straight in: the race is what is under test.
    const drills: Drill[] = Array.from({ length: 100 }, (_, i) => ({
      id: cryptoEntropy.id("dr-"),
      teamId: team.teamId,
      scenario: raid,
      seed: i,
      context: {},
      practice: true,
      status: "injected",
      month: "2026-11",
      plannedAt: clock.now(),
      injectedAt: clock.now(),
      createdAt: clock.now(),
      createdBy: "test",
    }));
    await inBatches(drills, 20, (d) => store.createDrill(d));

    const wins = { resolve: 0, closer: 0 };
    await inBatches(drills, 10, async (drill) => {
      const [resolved, closed] = await Promise.all([
        send("POST", `/api/teams/${team.teamId}/drills/${drill.id}/resolve`, {
          cookie: responder.cookie,
          body: { summary: "抢先结束" },
        }),
        // The resolver does more before its write than the closer: a head start of up to 40 ms
        // makes either one win often enough to prove both orders.
        sleep(Math.random() * 40).then(() => api.service.close(drill.id)),
      ]);
      const [stored, card, timeline] = await Promise.all([
        store.getDrill(drill.id),
        store.getScorecard(drill.id),
        store.listTimeline(drill.id),
      ]);
      const endings = timeline.filter((e) => e.action === "resolve" || e.action === "timed_out");
      expect(endings, drill.id).toHaveLength(1);
      expect(card, drill.id).not.toBeNull();
      expect(closed.scorecard).toEqual(card);
      if (resolved.status === 200) {
        wins.resolve += 1;
        expect(stored?.status).toBe("resolved");
        expect(resolved.json.scorecard).toEqual(card?.scorecard);
      } else {
        wins.closer += 1;
        expect(resolved.status, resolved.text).toBe(409);
        expectErrorShape(resolved);
        expect(stored?.status).toBe("timed_out");
      }
    });
    expect(wins.resolve + wins.closer).toBe(100);
    expect(Math.min(wins.resolve, wins.closer)).toBeGreaterThan(0);
    console.info(`resolve vs closer: resolve won ${wins.resolve}, the closer ${wins.closer}`);
  }, 120_000);
});

describe("the local runtime restarted while drills are scheduled", () => {
  it("fires every drill, those that fell due while it was down and those due after, each once", async () => {
    const { store } = await freshStore();
    const start = () => {
      const runtime = createLocalRuntime({
        store,
        clock: systemClock,
        entropy: cryptoEntropy,
        catalog: builtInScenarios(),
        auth: RELIABILITY_AUTH,
        channels: createChannelSender({ retries: 0, timeoutMs: 200, allowLoopback: true }),
        intervalMs: 50,
        log: () => undefined,
      });
      runtime.loop.start();
      return runtime;
    };
    const first = start();
    const send = inProcess(first.app);
    const team = await seedTeam(store, RELIABILITY_AUTH, { name: "重启组", people: [{ role: "manager" }] });
    const manager = team.people[0] as Person;
    const now = Date.now();
    // Far enough ahead that scheduling on a busy machine is over before the first falls due.
    const due = [4_000, 4_000, 4_500, 9_000, 9_500].map((ms) => now + ms);
    const ids: string[] = [];
    for (const at of due) {
      const res = await send("POST", `/api/teams/${team.teamId}/drills`, {
        cookie: manager.cookie,
        body: { scenarioId: "push-503", plannedAt: new Date(at).toISOString() },
      });
      expect(res.status, res.text).toBe(201);
      ids.push(res.json.id);
    }
    await first.loop.stop();
    await first.bus.drain();
    expect(Date.now()).toBeLessThan(due[0] as number);
    // Down while the first three fall due.
    await sleep(Math.max(0, now + 6_000 - Date.now()));
    expect((await Promise.all(ids.map((id) => store.getDrill(id)))).map((d) => d?.status)).toEqual(
      Array(5).fill("scheduled"),
    );

    const second = start();
    try {
      await until("every drill injected", 20_000, async () =>
        (await Promise.all(ids.map((id) => store.getDrill(id)))).every((d) => d?.status === "injected"),
      );
    } finally {
      await second.loop.stop();
      await second.bus.drain();
    }
    for (const [i, id] of ids.entries()) {
      const drill = await store.getDrill(id);
      expect(drill?.injectedAt).toBeGreaterThanOrEqual(due[i] as number);
      const injected = (await store.listTimeline(id)).filter((e) => e.action === "injected");
      expect(injected).toHaveLength(1);
    }
  }, 60_000);
});
