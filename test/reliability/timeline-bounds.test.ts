import { randomBytes } from "node:crypto";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { TIMELINE_LIMITS } from "../../functions/core/limits.js";
import type { TimelineRecord } from "../../functions/core/ports.js";
import { type Api, type Session, startApi } from "../support/api.js";
import { expectErrorShape, inBatches } from "../support/http.js";
import { freshStore } from "../support/store.js";

/**
 * Issue 13, item 2: a responder could break a live drill. These are the adversaries: one who posts
 * 650 actions of 4,000 characters, one who floods at a script's pace, and a poller whose every poll
 * used to read the whole timeline. After them the drill still reads, resolves and scores, once.
 */

const HUGE = "演".repeat(4_000);
const requestId = () => `rq${randomBytes(8).toString("hex")}`;

/** Every DynamoDB call the store makes, and how many items each read returned. */
function countReads(client: DynamoDBClient) {
  const calls: Array<{ command: string; items: number }> = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      const output = out.output as { Item?: unknown; Items?: unknown[]; Responses?: unknown };
      const items = output.Items ? output.Items.length : output.Item ? 1 : 0;
      calls.push({ command: String(context.commandName), items });
      return out;
    },
    { step: "initialize", name: "countReads" },
  );
  return {
    calls,
    async during<T>(run: () => Promise<T>) {
      calls.length = 0;
      const result = await run();
      return { result, calls: [...calls] };
    },
  };
}

describe("a responder who tries to break a live drill", () => {
  let api: Api;
  let client: DynamoDBClient;
  let reads: ReturnType<typeof countReads>;
  let teamId: string;
  let manager: Session;
  let responder: Session;
  let flooder: Session;

  beforeAll(async () => {
    const fresh = await freshStore();
    client = fresh.client;
    reads = countReads(client);
    api = await startApi({ store: fresh.store });
    manager = await api.setupManager();
    teamId = await api.createTeam(manager);
    responder = (await api.addMember(manager, teamId, "calm@example.com", "responder", "值班")) as Session;
    flooder = (await api.addMember(manager, teamId, "flood@example.com", "responder", "捣乱")) as Session;
  });

  async function liveDrill(seed: number) {
    const run = await api.call("POST", `/api/teams/${teamId}/drills/run-now`, {
      session: manager,
      body: { scenarioId: "competitor-group-raid", seed },
    });
    expect(run.status, run.text).toBe(201);
    // Far enough in that the incident has appeared.
    api.clock.advance(20 * 60_000);
    return run.json.id as string;
  }

  const post = (drillId: string, session: Session, body: object) =>
    api.call("POST", `/api/teams/${teamId}/drills/${drillId}/actions`, { session, body });

  it("posts 650 actions of 4,000 characters: a bounded share lands, the rest is refused in the error shape, and the drill still reads, resolves and scores", async () => {
    const drillId = await liveDrill(7);
    const statuses = new Map<number, number>();
    const refusals: Array<{ status: number; json: unknown; text: string }> = [];
    let sent = 0;
    // A patient adversary: the rate window passes between bursts, so what stops them is the budget.
    while (sent < 650) {
      const burst = Array.from({ length: Math.min(25, 650 - sent) }, () =>
        post(drillId, flooder, { action: "post_announcement", text: HUGE, requestId: requestId() }),
      );
      sent += burst.length;
      for (const res of await Promise.all(burst)) {
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status !== 200) refusals.push(res);
      }
      api.clock.advance(TIMELINE_LIMITS.rateWindowMs);
    }
    const accepted = statuses.get(200) ?? 0;
    // Never a 5xx: a client's abuse is a client's error.
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    // Their share of the drill is bounded in bytes: about 40 such actions, not 650 (~8 MB).
    expect(accepted).toBeGreaterThan(0);
    expect(accepted * HUGE.length * 3).toBeLessThanOrEqual(TIMELINE_LIMITS.personBytes);
    expect(refusals.length).toBe(650 - accepted);
    for (const res of refusals) {
      expect(res.status).toBe(409);
      expectErrorShape(res);
      const error = (
        res.json as {
          error: { code: string; message: string; details: { message: { zh: string; en: string } } };
        }
      ).error;
      expect(error.code).toBe("person_limit_reached");
      expect(error.details.message.zh).toMatch(/上限/);
      expect(error.details.message.en).toMatch(/most one person may/);
      expect(error.message).toContain(error.details.message.zh);
    }

    // The rest of the team is not locked out by one person's flood.
    const calm = await post(drillId, responder, { action: "notify_client", text: "已通知客户" });
    expect(calm.status, calm.text).toBe(200);

    const base = `/api/teams/${teamId}/drills/${drillId}`;
    const feed = await api.call("GET", `${base}/feed?limit=200`, { session: responder });
    expect(feed.status, feed.text).toBe(200);
    const timeline = await api.call("GET", `${base}/timeline`, { session: manager });
    expect(timeline.status, timeline.text.slice(0, 200)).toBe(200);
    expect(
      timeline.json.items.filter((e: { action: string }) => e.action === "post_announcement"),
    ).toHaveLength(accepted);

    // Resolve after the flood gives a scorecard, and the drill is never resolved without it.
    const resolved = await api.call("POST", `${base}/resolve`, {
      session: responder,
      body: { summary: "已清理刷屏" },
    });
    expect(resolved.status, resolved.text.slice(0, 300)).toBe(200);
    expect(resolved.json.drill.status).toBe("resolved");
    expect(resolved.json.scorecard.total).toEqual(expect.any(Number));
    const card = await api.call("GET", `${base}/scorecard`, { session: manager });
    expect(card.status).toBe(200);
    expect(card.json.scorecard).toEqual(resolved.json.scorecard);
  }, 180_000);

  it("floods at a script's pace: the rate is held to its window with a 429 and Retry-After, a retry still lands once, a teammate is not slowed", async () => {
    const drillId = await liveDrill(8);
    const first = { action: "escalate", text: "上报", requestId: requestId() };
    const landed = await post(drillId, flooder, first);
    expect(landed.status, landed.text).toBe(200);
    const flood = await Promise.all(
      Array.from({ length: 100 }, (_, i) => post(drillId, flooder, { action: "reply", text: `刷屏 ${i}` })),
    );
    const ok = flood.filter((r) => r.status === 200).length;
    const limited = flood.filter((r) => r.status === 429);
    expect(ok + 1).toBe(TIMELINE_LIMITS.rateMax);
    expect(limited).toHaveLength(100 - ok);
    for (const res of limited) {
      expectErrorShape(res);
      expect(res.json.error.code).toBe("rate_limited");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(res.json.error.details.retryAfter).toBe(Number(res.headers.get("retry-after")));
      expect(res.json.error.details.message.zh).toMatch(/操作过于频繁/);
      expect(res.json.error.details.message.en).toMatch(/too many actions/);
    }
    // At-least-once: the client that lost the answer to its first request sends it again and is
    // told it landed, whatever the rate says; the timeline holds it once.
    const retried = await post(drillId, flooder, first);
    expect(retried.status, retried.text).toBe(200);
    expect(retried.json.duplicate).toBe(true);
    // Someone else on the team acts as usual meanwhile.
    const calm = await post(drillId, responder, { action: "notify_client", text: "已通知客户" });
    expect(calm.status, calm.text).toBe(200);
    // The window passes and the flooder may act again.
    api.clock.advance(TIMELINE_LIMITS.rateWindowMs);
    expect((await post(drillId, flooder, { action: "reply", text: "好了" })).status).toBe(200);
    const timeline = await api.store.listTimeline(drillId);
    expect(timeline.filter((e) => e.id === `rq-escalate-${first.requestId}`)).toHaveLength(1);
    expect(timeline.filter((e) => e.actor === flooder.userId)).toHaveLength(TIMELINE_LIMITS.rateMax + 1);
  });

  it("a feed poll with `after` costs the same reads on a long timeline as on a short one", async () => {
    const short = await liveDrill(9);
    const long = await liveDrill(10);
    // The long one as the flood would leave it, written straight to the timeline: the cost of a poll
    // is what is measured here, not the bounds.
    const now = api.clock.now();
    const records: TimelineRecord[] = Array.from({ length: 1_000 }, (_, i) => ({
      id: `tl-flood-${i}`,
      drillId: long,
      at: now - 1_000 + i,
      actor: flooder.userId,
      actorName: "捣乱",
      action: "post_announcement",
      text: `刷屏 ${i} ${"x".repeat(200)}`,
    }));
    await inBatches(records, 25, (r) => api.store.appendTimeline(r, { fresh: true }));
    for (const drillId of [short, long]) {
      const flag = await api.call("POST", `/api/teams/${teamId}/drills/${drillId}/flags`, {
        session: responder,
        body: { itemIds: [(await firstItem(drillId)).id] },
      });
      expect(flag.status, flag.text).toBe(200);
    }

    const poll = async (drillId: string) => {
      const base = `/api/teams/${teamId}/drills/${drillId}`;
      const whole = await api.call("GET", `${base}/feed?limit=200`, { session: responder });
      expect(whole.status).toBe(200);
      api.clock.advance(60_000);
      const { result, calls } = await reads.during(() =>
        api.call("GET", `${base}/feed?after=${whole.json.cursor}&limit=200`, { session: responder }),
      );
      expect(result.status, result.text).toBe(200);
      return { calls, page: result.json, whole: whole.json };
    };
    const a = await poll(short);
    const b = await poll(long);
    const itemsRead = (calls: typeof a.calls) => calls.reduce((n, c) => n + c.items, 0);
    expect(b.calls.map((c) => c.command)).toEqual(a.calls.map((c) => c.command));
    expect(itemsRead(b.calls)).toBe(itemsRead(a.calls));
    // Never a query of the timeline: the marks come with the drill the access check reads anyway.
    expect(b.calls.filter((c) => c.command === "QueryCommand")).toEqual([]);
    expect(itemsRead(b.calls)).toBeLessThanOrEqual(3);
    // And the marks are still there: the flagged item reads flagged on both drills.
    for (const p of [a, b])
      expect(p.whole.items.filter((i: { flagged: boolean }) => i.flagged)).toHaveLength(1);

    // The member list, polled beside the feed, costs the same on both too.
    const members = async (drillId: string) =>
      (
        await reads.during(() =>
          api.call("GET", `/api/teams/${teamId}/drills/${drillId}/members`, { session: responder }),
        )
      ).calls;
    expect(itemsRead(await members(long))).toBe(itemsRead(await members(short)));
  });

  async function firstItem(drillId: string) {
    const drill = await api.store.getDrill(drillId);
    if (!drill?.injectedAt) throw new Error("not injected");
    const incident = api.service.incidentOf(drill);
    const elapsed = (api.clock.now() - drill.injectedAt) / 1000;
    const item = incident.items.find((i) => i.at <= elapsed && i.surface === "group_chat");
    if (!item) throw new Error("nothing revealed");
    return item;
  }

  it("resolving twice gives the same scorecard; another resolver is told it is closed", async () => {
    const drillId = await liveDrill(11);
    const base = `/api/teams/${teamId}/drills/${drillId}`;
    const body = { summary: "已处理", requestId: requestId() };
    const first = await api.call("POST", `${base}/resolve`, { session: responder, body });
    expect(first.status, first.text).toBe(200);
    expect(first.json.duplicate).toBe(false);
    api.clock.advance(5_000);
    const again = await api.call("POST", `${base}/resolve`, { session: responder, body });
    expect(again.status, again.text).toBe(200);
    expect(again.json.duplicate).toBe(true);
    expect(again.json.scorecard).toEqual(first.json.scorecard);
    expect(again.json.drill.resolvedAt).toBe(first.json.drill.resolvedAt);
    const other = await api.call("POST", `${base}/resolve`, {
      session: manager,
      body: { summary: "我也来" },
    });
    expect(other.status).toBe(409);
    expectErrorShape(other);
    expect(other.json.error.code).toBe("drill_not_live");
    const timeline = await api.store.listTimeline(drillId);
    expect(timeline.filter((e) => e.action === "resolve")).toHaveLength(1);
  });

  it("a drill left resolved without a scorecard is scored by the next resolve, not answered 409", async () => {
    const drillId = await liveDrill(12);
    const drill = await api.store.getDrill(drillId);
    if (!drill) throw new Error("no drill");
    // What the old resolve left behind when its timeline read failed after the move had landed.
    const now = api.clock.now();
    await api.store.transitionDrillWithEntry(
      drill,
      ["injected", "detected"],
      "resolved",
      { resolvedAt: now, closedAt: now, summary: "半途" },
      {
        id: "tl-half",
        drillId,
        at: now,
        actor: responder.userId,
        actorName: "值班",
        action: "resolve",
        text: "半途",
      },
    );
    expect(await api.store.getScorecard(drillId)).toBeNull();
    const base = `/api/teams/${teamId}/drills/${drillId}`;
    const retry = await api.call("POST", `${base}/resolve`, {
      session: responder,
      body: { summary: "半途" },
    });
    expect(retry.status, retry.text).toBe(200);
    expect(retry.json.scorecard.total).toEqual(expect.any(Number));
    const stored = await api.store.getScorecard(drillId);
    expect(stored?.scorecard).toEqual(retry.json.scorecard);
    // Scored now, so it is closed like any other.
    const late = await api.call("POST", `${base}/resolve`, { session: responder, body: { summary: "再来" } });
    expect(late.status).toBe(409);
  });
});
