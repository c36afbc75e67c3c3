import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { MemoryRateLimiter, StoreRateLimiter } from "../../functions/adapters/rate-limiter.js";
import { cryptoEntropy } from "../../functions/adapters/system.js";
import { hashPassword } from "../../functions/api/auth.js";
import { compose } from "../../functions/api/compose.js";
import type { Store } from "../../functions/core/ports.js";
import { SIGN_IN_LIMITS, SignInGuard } from "../../functions/core/sign-in.js";
import { TestClock } from "../support/api.js";
import { builtInScenarios } from "../support/drills.js";
import {
  expectErrorShape,
  type HttpResult,
  inBatches,
  inProcess,
  type Person,
  RELIABILITY_AUTH,
  seedTeam,
} from "../support/http.js";
import { freshStore } from "../support/store.js";

/**
 * Issue 13, item 5. The attackers: one who floods sign-in with made-up emails while a responder works
 * a live drill, one who does it from a hundred addresses at once, and one who tries wrong passwords for
 * the victim's account until the account would lock. The assertions are on counts (how many password
 * hashes ran, how many at once, who got a verdict), never on wall-clock times, so a busy machine
 * cannot make them flaky.
 */

const uid = () => randomBytes(5).toString("hex");
/** The test names each request's client in a header; the product reads the socket or CloudFront's header. */
const CLIENT = "x-test-client";

function world(store: Store, clock = new TestClock()) {
  const api = compose({
    store,
    clock,
    entropy: cryptoEntropy,
    catalog: builtInScenarios(),
    auth: RELIABILITY_AUTH,
    clientOf: (c) => c.req.header(CLIENT) ?? "unknown",
  });
  const send = inProcess(api.app);
  const login = (email: string, password: string, client: string) =>
    send("POST", "/api/auth/login", { body: { email, password }, headers: { [CLIENT]: client } });
  return { api, send, login, clock };
}

async function victim(store: Store) {
  const email = `victim-${uid()}@example.com`;
  const userId = cryptoEntropy.id("u-");
  const password = "the victim's own password";
  await store.createUser(
    { id: userId, email, name: "受害者", admin: false, lang: "zh", createdAt: Date.now() },
    { email, userId, passwordHash: await hashPassword(password) },
  );
  return { email, password };
}

const count = (results: HttpResult[], status: number) => results.filter((r) => r.status === status).length;

describe("sign-in under attack", () => {
  let store: Store;
  beforeAll(async () => {
    store = (await freshStore()).store;
  }, 60_000);

  it("lets the victim in after someone else tried 8 wrong passwords for their account from another client", async () => {
    const w = world(store);
    const v = await victim(store);
    const guesses: HttpResult[] = [];
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountClient + 4; i++) {
      guesses.push(await w.login(v.email, `guess number ${i} wrong`, "203.0.113.66"));
    }
    expect(count(guesses, 401)).toBe(SIGN_IN_LIMITS.perAccountClient);
    expect(count(guesses, 429)).toBe(4);
    for (const r of guesses.filter((g) => g.status === 429)) {
      expectErrorShape(r);
      expect(Number(r.headers["retry-after"])).toBeGreaterThan(0);
    }
    // The attacker's client is held even with the right password; the victim's own is not.
    expect((await w.login(v.email, v.password, "203.0.113.66")).status).toBe(429);
    const own = await w.login(v.email, v.password, "198.51.100.7");
    expect(own.status).toBe(200);
    expect(String(own.headers["set-cookie"])).toMatch(/^yl_session=/);
  });

  it("stops a one-client flood of new emails after 30 hashes, while the responder's feed keeps answering", async () => {
    const w = world(store);
    const team = await seedTeam(store, RELIABILITY_AUTH, {
      name: "洪水组",
      people: [{ role: "manager" }, { role: "responder" }],
    });
    const [manager, responder] = team.people as [Person, Person];
    const run = await w.send("POST", `/api/teams/${team.teamId}/drills/run-now`, {
      cookie: manager.cookie,
      body: { scenarioId: "competitor-group-raid" },
    });
    const feed = `/api/teams/${team.teamId}/drills/${run.json.id}/feed?surface=group_chat`;

    let flooding = true;
    const polls: number[] = [];
    const poller = (async () => {
      while (flooding) polls.push((await w.send("GET", feed, { cookie: responder.cookie })).status);
    })();
    const flood = await inBatches(
      Array.from({ length: 200 }, () => `nobody-${uid()}@example.com`),
      // Five at a time, within the hash queue, so every refusal here is the per-client limit's.
      5,
      (email) => w.login(email, "some password guess", "192.0.2.99"),
    );
    flooding = false;
    await poller;

    // Exactly the client's allowance got a verdict (and cost a hash); the rest were refused before any work.
    expect(count(flood, 401)).toBe(SIGN_IN_LIMITS.perClientFailures);
    expect(count(flood, 429)).toBe(200 - SIGN_IN_LIMITS.perClientFailures);
    expect(w.api.deps.signIn.gate.stats.admitted).toBe(SIGN_IN_LIMITS.perClientFailures);
    for (const r of flood.filter((x) => x.status === 429))
      expect(Number(r.headers["retry-after"])).toBeGreaterThan(0);
    expect(polls.length).toBeGreaterThan(0);
    expect(polls.every((s) => s === 200)).toBe(true);
    // Another client is not held up by this one's flood.
    const v = await victim(store);
    expect((await w.login(v.email, v.password, "198.51.100.8")).status).toBe(200);
  }, 60_000);

  it("keeps at most 2 hashes running under a flood from a hundred clients, and answers the rest 429 with Retry-After", async () => {
    const w = world(store);
    const team = await seedTeam(store, RELIABILITY_AUTH, {
      name: "分布式",
      people: [{ role: "manager" }, { role: "responder" }],
    });
    const [manager, responder] = team.people as [Person, Person];
    const run = await w.send("POST", `/api/teams/${team.teamId}/drills/run-now`, {
      cookie: manager.cookie,
      body: { scenarioId: "push-503" },
    });
    const feed = `/api/teams/${team.teamId}/drills/${run.json.id}/feed?surface=oncall_page`;
    let flooding = true;
    const polls: number[] = [];
    const poller = (async () => {
      while (flooding) polls.push((await w.send("GET", feed, { cookie: responder.cookie })).status);
    })();
    const flood = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        w.login(`bot-${uid()}@example.com`, "some password guess", `10.9.${Math.floor(i / 250)}.${i % 250}`),
      ),
    );
    flooding = false;
    await poller;

    const { stats } = w.api.deps.signIn.gate;
    expect(stats.peak).toBeLessThanOrEqual(SIGN_IN_LIMITS.concurrentHashes);
    expect(stats.admitted + stats.refused).toBe(100);
    expect(stats.refused).toBeGreaterThan(0);
    expect(count(flood, 401)).toBe(stats.admitted);
    const busy = flood.filter((r) => r.status === 429);
    expect(busy).toHaveLength(stats.refused);
    for (const r of busy) {
      expectErrorShape(r);
      expect(r.json.error.code).toBe("busy");
      expect(Number(r.headers["retry-after"])).toBeGreaterThan(0);
    }
    expect(polls.every((s) => s === 200)).toBe(true);
  }, 60_000);
});

describe("the limiter port", () => {
  it("counts the same in memory and in the table: per key, per window, with attempts given back", async () => {
    const { store } = await freshStore();
    const adapters = { memory: new MemoryRateLimiter(), table: new StoreRateLimiter(store) };
    const window = 15 * 60_000;
    const now = Date.now();
    for (const [name, limiter] of Object.entries(adapters)) {
      const key = `contract-${uid()}`;
      const seen = [
        await limiter.add(key, window, now),
        await limiter.add(key, window, now),
        await limiter.add(key, window, now),
        await limiter.add(key, window, now, -1),
        await limiter.add(key, window, now + window),
        await limiter.add(`${key}-other`, window, now),
      ];
      expect(seen, name).toEqual([1, 2, 3, 2, 1, 1]);
      // Concurrent adds are all counted.
      const burst = await Promise.all(Array.from({ length: 10 }, () => limiter.add(`${key}-b`, window, now)));
      expect(
        [...burst].sort((a, b) => a - b),
        name,
      ).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    }
  });
});

describe("an attacker who can claim to be any client", () => {
  it("gets at most 100 password checks on one account in a window, however many clients it names", async () => {
    const clock = new TestClock();
    const guard = new SignInGuard(new MemoryRateLimiter(), clock);
    let checked = 0;
    let refused = 0;
    // 8 tries each from 40 made-up client addresses: 320 guesses, 8 per client, within every per-client limit.
    for (let client = 0; client < 40; client++) {
      for (let attempt = 0; attempt < 8; attempt++) {
        try {
          await guard.admit("victim@example.com", `198.51.100.${client}`);
          checked++;
        } catch (err) {
          expect((err as { status?: number }).status).toBe(429);
          refused++;
        }
      }
    }
    expect(checked).toBe(SIGN_IN_LIMITS.perAccount);
    expect(refused).toBe(320 - SIGN_IN_LIMITS.perAccount);
    // The next window starts afresh: the owner is kept out only while the attack is sustained.
    clock.advance(SIGN_IN_LIMITS.windowMs);
    await expect(guard.admit("victim@example.com", "203.0.113.7")).resolves.toBeDefined();
  });
});
