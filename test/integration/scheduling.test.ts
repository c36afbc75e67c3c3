import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChannelSender } from "../../functions/adapters/channels/sender.js";
import { cryptoEntropy } from "../../functions/adapters/system.js";
import { sha256 } from "../../functions/api/auth.js";
import { createLocalRuntime } from "../../functions/local/runtime.js";
import { ORIGIN, PASSWORD, TestClock } from "../support/api.js";
import { builtInScenarios } from "../support/drills.js";
import { freshStore } from "../support/store.js";

interface Received {
  path: string;
  body: { title?: string; text?: string; ackUrl?: string } & Record<string, unknown>;
  raw: string;
  signature?: string;
  timestamp?: string;
}

/** A team's webhook endpoint on loopback, recording every page it gets. */
async function receiver(): Promise<{ server: Server; url: string; pages: Received[] }> {
  const pages: Received[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let raw = "";
    req.on("data", (chunk) => {
      raw += chunk;
    });
    req.on("end", () => {
      pages.push({
        path: req.url ?? "",
        body: JSON.parse(raw || "{}"),
        raw,
        signature: req.headers["x-yanlian-signature"] as string | undefined,
        timestamp: req.headers["x-yanlian-timestamp"] as string | undefined,
      });
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, pages };
}

describe("drills that happen by themselves: schedule → inject → page → escalate → time out", () => {
  let hook: Awaited<ReturnType<typeof receiver>>;
  beforeAll(async () => {
    hook = await receiver();
  });
  afterAll(async () => {
    await new Promise((r) => hook.server.close(r));
  });

  async function setup() {
    const { store } = await freshStore();
    const clock = new TestClock();
    const runtime = createLocalRuntime({
      store,
      clock,
      entropy: cryptoEntropy,
      catalog: builtInScenarios(),
      auth: {
        sessionKey: "scheduling-test-key-0123456789abcdefghij",
        secureCookies: false,
        allowedOrigins: [ORIGIN],
        publicUrl: ORIGIN,
        sessionHours: 12,
      },
      channels: createChannelSender({ retries: 0, timeoutMs: 2000, allowLoopback: true }),
      log: () => undefined,
    });
    const call = async (method: string, path: string, body?: unknown, cookie?: string) => {
      const res = await runtime.app.request(`${ORIGIN}${path}`, {
        method,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(body !== undefined ? { "content-type": "application/json" } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return {
        status: res.status,
        // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies freely
        json: (await res.json().catch(() => undefined)) as any,
        headers: res.headers,
      };
    };
    /** One turn of the scheduler: fire what is due, and let the pages it causes go out. */
    const turn = async () => {
      await runtime.loop.tick();
      await runtime.loop.idle();
      await runtime.bus.drain();
    };
    /** The first manager of a fresh store, signed in. */
    const firstManager = async (email: string) => {
      await store.putSetupTokenHash(sha256(`setup-${email}`));
      const res = await call("POST", "/api/setup", {
        token: `setup-${email}`,
        email,
        name: "主管",
        password: PASSWORD,
      });
      return { id: res.json.id as string, cookie: res.headers.get("set-cookie")?.split(";")[0] ?? "" };
    };
    return { runtime, store, clock, call, turn, firstManager };
  }

  it("injects on time, pages the primary, escalates to the backup and managers, and times out into a scorecard", async () => {
    const { store, clock, call, turn, runtime, firstManager } = await setup();
    const manager = await firstManager("lead@example.com");
    const cookie = manager.cookie;
    const team = await call("POST", "/api/teams", { name: "夜班组" }, cookie);
    const teamId = team.json.id as string;
    // People join by accepting their invite; only then can they be on the roster.
    const join = async (email: string, name: string) => {
      const invited = await call(
        "POST",
        `/api/teams/${teamId}/members`,
        { email, name, role: "responder" },
        cookie,
      );
      return call("POST", "/api/auth/accept-invite", {
        token: String(invited.json.invite.url).split("#")[1],
        password: PASSWORD,
      });
    };
    const primary = { json: { userId: (await join("night@example.com", "夜班编辑")).json.id as string } };
    const backup = { json: { userId: (await join("backup@example.com", "备班")).json.id as string } };
    const roster = await call(
      "PUT",
      `/api/teams/${teamId}/roster`,
      {
        primary: {
          userId: primary.json.userId,
          channel: "webhook",
          target: `${hook.url}/primary`,
          secret: "primary-secret",
        },
        backup: { userId: backup.json.userId, channel: "webhook", target: `${hook.url}/backup` },
        managers: { userId: manager.id, channel: "webhook", target: `${hook.url}/managers` },
      },
      cookie,
    );
    expect(roster.status).toBe(200);
    expect(JSON.stringify(roster.json)).not.toContain("primary-secret");

    const plannedAt = new Date(clock.now() + 2 * 60_000).toISOString();
    const scheduled = await call(
      "POST",
      `/api/teams/${teamId}/drills`,
      { scenarioId: "urgent-push-2am", plannedAt, seed: 11 },
      cookie,
    );
    expect(scheduled.status).toBe(201);
    const drillId = scheduled.json.id as string;
    const before = hook.pages.length;

    await turn();
    expect((await store.getDrill(drillId))?.status).toBe("scheduled");

    clock.advance(2 * 60_000);
    await turn();
    const injected = await store.getDrill(drillId);
    expect(injected?.status).toBe("injected");
    expect(injected?.injectedAt).toBe(clock.now());
    const first = hook.pages.slice(before);
    expect(first.map((p) => p.path)).toEqual(["/primary"]);
    const page = first[0];
    expect(page?.raw).toContain("【演练 DRILL】");
    expect(page?.raw).toContain("/api/ack/");
    // Our generic webhook is signed so the receiver can tell a real Yanlian page from a forgery.
    expect(page?.signature).toBe(
      `sha256=${createHmac("sha256", "primary-secret").update(`${page?.timestamp}.${page?.raw}`).digest("hex")}`,
    );

    // A second delivery of the same schedule changes nothing and pages nobody again.
    await runtime.handle({
      name: `inject-${drillId}`,
      payload: { target: "inject", teamId, drillId },
      dueAt: clock.now(),
      firedAt: clock.now(),
      attempt: 1,
    });
    await turn();
    expect(hook.pages.slice(before)).toHaveLength(1);

    clock.advance(5 * 60_000);
    await turn();
    expect(hook.pages.slice(before).map((p) => p.path)).toEqual(["/primary", "/backup"]);
    clock.advance(5 * 60_000);
    await turn();
    expect(hook.pages.slice(before).map((p) => p.path)).toEqual(["/primary", "/backup", "/managers"]);

    clock.advance(2 * 3_600_000);
    await turn();
    const closed = await store.getDrill(drillId);
    expect(closed?.status).toBe("timed_out");
    const card = await call("GET", `/api/teams/${teamId}/drills/${drillId}/scorecard`, undefined, cookie);
    expect(card.status).toBe(200);
    expect(card.json.scorecard.timeToAcknowledge).toBeNull();
    const timeline = await call("GET", `/api/teams/${teamId}/drills/${drillId}/timeline`, undefined, cookie);
    expect(timeline.json.items.map((e: { action: string }) => e.action)).toEqual([
      "injected",
      "paged",
      "paged",
      "paged",
      "timed_out",
    ]);
  });

  it("stops escalating once someone acknowledges", async () => {
    const { clock, call, turn, firstManager } = await setup();
    const manager = await firstManager("lead2@example.com");
    const cookie = manager.cookie;
    const teamId = (await call("POST", "/api/teams", { name: "白班组" }, cookie)).json.id as string;
    await call(
      "PUT",
      `/api/teams/${teamId}/roster`,
      {
        primary: { userId: manager.id, channel: "webhook", target: `${hook.url}/lead` },
        backup: { userId: manager.id, channel: "webhook", target: `${hook.url}/lead-backup` },
      },
      cookie,
    );
    const run = await call(
      "POST",
      `/api/teams/${teamId}/drills/run-now`,
      { scenarioId: "account-takeover" },
      cookie,
    );
    await turn();
    expect(hook.pages.filter((p) => p.path === "/lead").length).toBeGreaterThan(0);
    await call("POST", `/api/teams/${teamId}/drills/${run.json.id}/acknowledge`, {}, cookie);
    clock.advance(6 * 60_000);
    await turn();
    expect(hook.pages.filter((p) => p.path === "/lead-backup")).toEqual([]);
  });

  it("turns a new program into this month's scheduled drills, and plans a month once", async () => {
    const { clock, call, runtime, firstManager } = await setup();
    const manager = await firstManager("lead3@example.com");
    const cookie = manager.cookie;
    const teamId = (await call("POST", "/api/teams", { name: "计划组" }, cookie)).json.id as string;
    // Every day, all day, so some minutes are always left in the month whatever day the test runs.
    const created = await call(
      "POST",
      `/api/teams/${teamId}/programs`,
      { drillsPerMonth: 2, windows: [{ days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "23:59" }] },
      cookie,
    );
    expect(created.status).toBe(201);
    const planned = created.json.plan.drills as Array<{ status: string; plannedAt: number }>;
    expect(planned.length).toBeGreaterThanOrEqual(1);
    expect(planned.every((d) => d.status === "scheduled" && d.plannedAt > clock.now())).toBe(true);
    const again = await runtime.programs.plan(teamId, created.json.program.id);
    expect(again.drills).toEqual([]);

    // Surprise: a responder sees nothing in advance. Announced: the planned drills are visible.
    const invite = await call(
      "POST",
      `/api/teams/${teamId}/members`,
      { email: "r3@example.com", name: "值班", role: "responder" },
      cookie,
    );
    const accepted = await call("POST", "/api/auth/accept-invite", {
      token: String(invite.json.invite.url).split("#")[1],
      password: PASSWORD,
    });
    const responder = accepted.headers.get("set-cookie")?.split(";")[0] ?? "";
    expect((await call("GET", `/api/teams/${teamId}/drills`, undefined, responder)).json.items).toEqual([]);
    const announced = await call(
      "POST",
      `/api/teams/${teamId}/programs`,
      { mode: "announced", windows: [{ days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "23:59" }] },
      cookie,
    );
    const visible = (await call("GET", `/api/teams/${teamId}/drills`, undefined, responder)).json.items.map(
      (d: { id: string }) => d.id,
    );
    expect(visible).toEqual(announced.json.plan.drills.map((d: { id: string }) => d.id));
    const bad = await call(
      "POST",
      `/api/teams/${teamId}/programs`,
      { drillsPerMonth: 9, timezone: "Mars/Olympus" },
      cookie,
    );
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      "drillsPerMonth",
      "timezone",
    ]);
    const unknown = await call(
      "POST",
      `/api/teams/${teamId}/programs`,
      { pool: [{ scenarioId: "no-such-drill" }] },
      cookie,
    );
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.details).toEqual([
      { path: "pool.0.scenarioId", message: 'unknown scenario "no-such-drill"' },
    ]);
    // A page could never go out over plain HTTP to another host, so such a contact is refused when it is set.
    const http = await call(
      "PUT",
      `/api/teams/${teamId}/roster`,
      { primary: { userId: manager.id, channel: "webhook", target: "http://hooks.example.com/x" } },
      cookie,
    );
    expect(http.status).toBe(400);
    expect(http.json.error.details[0].path).toBe("primary.target");
  });
});
