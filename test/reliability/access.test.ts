import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sign } from "hono/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChannelSender } from "../../functions/adapters/channels/sender.js";
import { cryptoEntropy } from "../../functions/adapters/system.js";
import { acknowledgeLink, hashPassword, inviteLink, sha256 } from "../../functions/api/auth.js";
import type { Store } from "../../functions/core/ports.js";
import { createLocalRuntime } from "../../functions/local/runtime.js";
import { PASSWORD, TestClock } from "../support/api.js";
import { builtInScenarios, catalogSources } from "../support/drills.js";
import {
  composeApi,
  expectErrorShape,
  type HttpResult,
  inProcess,
  type Person,
  RELIABILITY_AUTH,
  seedTeam,
  sessionCookie,
} from "../support/http.js";
import { freshStore } from "../support/store.js";

type Who = "manager" | "responder" | "viewer" | "outsider" | "anonymous";
const WHO: Who[] = ["manager", "responder", "viewer", "outsider", "anonymous"];

/** One row per route: the status each caller gets in team A. The outsider manages team B. */
type Row = [manager: number, responder: number, viewer: number, outsider: number, anonymous: number];
const PUBLIC = (status: number): Row => [status, status, status, status, status];
const READ: Row = [200, 200, 200, 404, 401];
const MANAGE = (ok: number): Row => [ok, 403, 403, 404, 401];
const RESPOND: Row = [200, 200, 403, 404, 401];

/**
 * Who may do what, route by route. Strangers to a team learn nothing (404, as if it did not exist);
 * members without the right role are told no (403); nobody without a session gets further than 401.
 * A route missing from this table fails the first test below, so a new route cannot ship unguarded.
 */
const EXPECTED: Record<string, Row> = {
  "GET /health": PUBLIC(200),
  "GET /setup": PUBLIC(200),
  "POST /setup": PUBLIC(401),
  "POST /auth/login": PUBLIC(200),
  "POST /auth/logout": PUBLIC(204),
  "POST /auth/accept-invite": PUBLIC(200),
  // A reset link is the credential, like an invite: whoever holds it chooses the password, once.
  "POST /auth/reset-password": PUBLIC(200),
  // Behind a session; every caller here gives a wrong current password (the seeded people have none),
  // because a right one would end the sessions the rest of the matrix uses. sessions.test.ts has the rest.
  "POST /auth/password": [400, 400, 400, 400, 401],
  // The link is the credential: whoever holds it, signed in or not, acknowledges for its person.
  "GET /ack/{token}": PUBLIC(200),
  "POST /ack/{token}": PUBLIC(200),
  "GET /auth/me": [200, 200, 200, 200, 401],
  "GET /teams": [200, 200, 200, 200, 401],
  // Only admins create teams; a team's manager is not one.
  "POST /teams": [403, 403, 403, 403, 401],
  "GET /teams/{teamId}": READ,
  "PATCH /teams/{teamId}": MANAGE(200),
  "GET /teams/{teamId}/members": READ,
  "POST /teams/{teamId}/members": MANAGE(201),
  "GET /teams/{teamId}/invites": MANAGE(200),
  "DELETE /teams/{teamId}/invites/{inviteId}": MANAGE(204),
  // Recovering a team is an admin's: no team role reaches it, not even the team's own manager.
  "POST /admin/teams/{teamId}/managers": [403, 403, 403, 403, 401],
  "PATCH /teams/{teamId}/members/{userId}": MANAGE(200),
  "DELETE /teams/{teamId}/members/{userId}": MANAGE(204),
  "POST /teams/{teamId}/members/{userId}/password-reset": MANAGE(201),
  "GET /teams/{teamId}/roster": READ,
  "PUT /teams/{teamId}/roster": MANAGE(200),
  "POST /teams/{teamId}/roster/test-page": MANAGE(200),
  "GET /teams/{teamId}/scenarios": READ,
  // A scenario in full carries its rubric: the answers a responder must find alone.
  "GET /teams/{teamId}/scenarios/{scenarioId}": MANAGE(200),
  "PUT /teams/{teamId}/scenarios/{scenarioId}": MANAGE(200),
  "DELETE /teams/{teamId}/scenarios/{scenarioId}": MANAGE(204),
  "GET /teams/{teamId}/scenarios/{scenarioId}/preview": MANAGE(200),
  "GET /teams/{teamId}/drills": READ,
  "POST /teams/{teamId}/drills": MANAGE(201),
  "POST /teams/{teamId}/drills/run-now": MANAGE(201),
  "GET /teams/{teamId}/drills/{drillId}": READ,
  "POST /teams/{teamId}/drills/{drillId}/abort": MANAGE(200),
  "POST /teams/{teamId}/kill-switch": MANAGE(200),
  "DELETE /teams/{teamId}/kill-switch": MANAGE(200),
  "GET /teams/{teamId}/drills/{drillId}/feed": RESPOND,
  "GET /teams/{teamId}/drills/{drillId}/members": RESPOND,
  "POST /teams/{teamId}/drills/{drillId}/acknowledge": RESPOND,
  "POST /teams/{teamId}/drills/{drillId}/flags": RESPOND,
  "POST /teams/{teamId}/drills/{drillId}/actions": RESPOND,
  "POST /teams/{teamId}/drills/{drillId}/resolve": RESPOND,
  "GET /teams/{teamId}/drills/{drillId}/timeline": READ,
  "GET /teams/{teamId}/drills/{drillId}/scorecard": READ,
  "GET /teams/{teamId}/drills/{drillId}/review": READ,
  "PUT /teams/{teamId}/drills/{drillId}/review": RESPOND,
  "GET /teams/{teamId}/scorecards": READ,
  "GET /teams/{teamId}/programs": READ,
  "POST /teams/{teamId}/programs": MANAGE(201),
  "GET /teams/{teamId}/programs/{programId}": READ,
  "PUT /teams/{teamId}/programs/{programId}": MANAGE(200),
  "DELETE /teams/{teamId}/programs/{programId}": MANAGE(204),
};

interface Operation {
  key: string;
  method: string;
  path: string;
}

async function documentedOperations(): Promise<Operation[]> {
  const doc = (await (await composeApi({} as Store).app.request("/api/openapi.json")).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((m) => ({ key: `${m.toUpperCase()} ${path}`, method: m.toUpperCase(), path })),
  );
}

const operations = await documentedOperations();
const EVERYWHERE = { days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "23:59" };
const uid = () => randomBytes(5).toString("hex");

/** Team A with a manager, a responder and a viewer; team B, whose manager is the outsider. */
async function world() {
  const { store } = await freshStore();
  const api = composeApi(store);
  const send = inProcess(api.app);
  const a = await seedTeam(store, RELIABILITY_AUTH, {
    name: "A 组",
    people: [{ role: "manager" }, { role: "responder" }, { role: "viewer" }, { role: "viewer" }],
  });
  const b = await seedTeam(store, RELIABILITY_AUTH, {
    name: "B 组",
    people: [{ role: "manager" }, { role: "responder" }],
  });
  const [manager, responder, viewer, spare] = a.people as [Person, Person, Person, Person];
  const outsider = b.people[0] as Person;
  const people: Record<Exclude<Who, "anonymous">, Person> = { manager, responder, viewer, outsider };

  const runNow = async (teamId: string, by: Person, scenarioId = "competitor-group-raid") => {
    const res = await send("POST", `/api/teams/${teamId}/drills/run-now`, {
      cookie: by.cookie,
      body: { scenarioId },
    });
    if (res.status !== 201) throw new Error(`run-now: ${res.status} ${res.text}`);
    return res.json.id as string;
  };
  const closedDrill = async (teamId: string, by: Person) => {
    const id = await runNow(teamId, by, "push-503");
    await send("POST", `/api/teams/${teamId}/drills/${id}/resolve`, {
      cookie: by.cookie,
      body: { summary: "完" },
    });
    return id;
  };
  const program = async (teamId: string, by: Person) => {
    const res = await send("POST", `/api/teams/${teamId}/programs`, {
      cookie: by.cookie,
      body: { windows: [EVERYWHERE] },
    });
    if (res.status !== 201) throw new Error(`program: ${res.status} ${res.text}`);
    return res.json.program as { id: string; version: number };
  };
  const customSource = (id: string) =>
    (catalogSources().find((s) => s.file.endsWith("push-503.yaml"))?.source ?? "").replace(
      "id: push-503",
      `id: ${id}`,
    );
  const custom = async (teamId: string, by: Person) => {
    const id = `own-${uid()}`;
    await send("PUT", `/api/teams/${teamId}/scenarios/${id}`, {
      cookie: by.cookie,
      body: { source: customSource(id), expectedVersion: 0 },
    });
    return id;
  };
  const invite = async (teamId: string, by: Person) => {
    const res = await send("POST", `/api/teams/${teamId}/members`, {
      cookie: by.cookie,
      body: { email: `m-${uid()}@example.com`, name: "临时", role: "viewer" },
    });
    if (res.status !== 201) throw new Error(`invite: ${res.status} ${res.text}`);
    return res.json.invite as { id: string; url: string };
  };
  /** Someone who accepted an invite: a member is made only that way. */
  const member = async (teamId: string, by: Person) => {
    const link = await invite(teamId, by);
    const res = await send("POST", "/api/auth/accept-invite", {
      body: { token: link.url.split("#")[1], password: PASSWORD },
    });
    if (res.status !== 200) throw new Error(`accept: ${res.status} ${res.text}`);
    return { userId: res.json.id as string };
  };
  const itemOf = async (drillId: string) => {
    const drill = await store.getDrill(drillId);
    return drill ? (api.service.incidentOf(drill).items.find((i) => i.at <= 0)?.id ?? "none") : "none";
  };

  // One sign-in account with a real password, for the login row.
  const loginEmail = `login-${uid()}@example.com`;
  const loginUser = cryptoEntropy.id("u-");
  await store.createUser(
    { id: loginUser, email: loginEmail, name: "登录", admin: false, lang: "zh", createdAt: Date.now() },
    { email: loginEmail, userId: loginUser, passwordHash: await hashPassword("a long enough password") },
  );

  return {
    store,
    api,
    send,
    people,
    spare,
    a: {
      teamId: a.teamId,
      live: await runNow(a.teamId, manager),
      closed: await closedDrill(a.teamId, manager),
      program: await program(a.teamId, manager),
    },
    b: {
      teamId: b.teamId,
      live: await runNow(b.teamId, outsider),
      closed: await closedDrill(b.teamId, outsider),
      program: await program(b.teamId, outsider),
      custom: await custom(b.teamId, outsider),
      member: (b.people[1] as Person).userId,
      invite: (await invite(b.teamId, outsider)).id,
    },
    runNow,
    program,
    custom,
    invite,
    member,
    itemOf,
    loginEmail,
  };
}

type World = Awaited<ReturnType<typeof world>>;
interface Call {
  params: Record<string, string>;
  body?: unknown;
  query?: string;
  /** Undo what the call did, so the next caller finds the world as it was. */
  after?: () => Promise<void>;
}

/**
 * What each route needs to succeed for someone allowed to call it. Routes that use something up
 * (resolve, abort, delete, an invite, a link) get a fresh one for every caller.
 */
async function callFor(w: World, op: Operation, team: "a" | "b"): Promise<Call> {
  const t = w[team];
  const owner = team === "a" ? w.people.manager : w.people.outsider;
  const base = {
    teamId: t.teamId,
    drillId: t.live,
    programId: t.program.id,
    scenarioId: "competitor-group-raid",
  };
  switch (op.key) {
    case "POST /setup":
      return {
        params: {},
        body: {
          token: "not-the-setup-token",
          email: "x@example.com",
          name: "x",
          password: "a password of my own",
        },
      };
    case "POST /auth/logout":
      return {
        params: {},
        // Signing out ends every session of the account: give the people of the matrix new ones.
        after: async () => {
          for (const person of Object.values(w.people)) {
            const version = (await w.store.getUser(person.userId))?.sessionVersion ?? 0;
            person.cookie = await sessionCookie(RELIABILITY_AUTH, person.userId, person.name, version);
          }
        },
      };
    case "POST /auth/login":
      return { params: {}, body: { email: w.loginEmail, password: "a long enough password" } };
    case "POST /auth/accept-invite": {
      const invited = await w.invite(w.a.teamId, w.people.manager);
      return { params: {}, body: { token: invited.url.split("#")[1], password: "a password of my own" } };
    }
    case "POST /auth/reset-password": {
      const invited = await w.member(w.a.teamId, w.people.manager);
      const token = randomBytes(24).toString("base64url");
      await w.store.putPasswordReset({
        tokenHash: sha256(token),
        userId: invited.userId,
        email: (await w.store.getUser(invited.userId))?.email ?? "",
        expiresAt: Date.now() + 3_600_000,
        issuedBy: w.people.manager.userId,
        teamId: w.a.teamId,
        sessionVersion: 0,
      });
      return { params: {}, body: { token, password: "a password of my own" } };
    }
    case "POST /auth/password":
      return {
        params: {},
        body: { currentPassword: "not the password", newPassword: "a password of my own" },
      };
    case "POST /teams/{teamId}/members/{userId}/password-reset":
      return { params: { ...base, userId: team === "a" ? w.spare.userId : w.b.member } };
    case "GET /ack/{token}":
    case "POST /ack/{token}": {
      const url = await acknowledgeLink(RELIABILITY_AUTH, {
        teamId: w.a.teamId,
        drillId: w.a.live,
        userId: w.people.responder.userId,
        jti: uid(),
        expiresAt: Date.now() + 3_600_000,
      });
      return { params: { token: url.split("/api/ack/")[1] as string } };
    }
    case "POST /teams":
      return { params: {}, body: { name: "新组" } };
    case "PATCH /teams/{teamId}":
      return { params: base, body: { name: "改名" } };
    case "POST /teams/{teamId}/members":
      return { params: base, body: { email: `n-${uid()}@example.com`, name: "新人", role: "viewer" } };
    case "DELETE /teams/{teamId}/invites/{inviteId}":
      return {
        params: { ...base, inviteId: team === "a" ? (await w.invite(t.teamId, owner)).id : w.b.invite },
      };
    case "POST /admin/teams/{teamId}/managers":
      return { params: base, body: { email: "someone@example.com" } };
    case "PATCH /teams/{teamId}/members/{userId}":
      return {
        params: { ...base, userId: team === "a" ? w.spare.userId : w.b.member },
        body: { role: "viewer" },
      };
    case "DELETE /teams/{teamId}/members/{userId}":
      return {
        params: { ...base, userId: team === "a" ? (await w.member(t.teamId, owner)).userId : w.b.member },
      };
    case "PUT /teams/{teamId}/roster":
      return {
        params: base,
        body: {
          primary: {
            userId: owner.userId,
            channel: "webhook",
            target: "https://hooks.example.com/a/0123456789",
          },
        },
      };
    case "POST /teams/{teamId}/roster/test-page":
      return { params: base };
    case "PUT /teams/{teamId}/scenarios/{scenarioId}": {
      const id = `own-${uid()}`;
      const source = (catalogSources().find((s) => s.file.endsWith("push-503.yaml"))?.source ?? "").replace(
        "id: push-503",
        `id: ${id}`,
      );
      return { params: { ...base, scenarioId: id }, body: { source, expectedVersion: 0 } };
    }
    case "DELETE /teams/{teamId}/scenarios/{scenarioId}":
      return { params: { ...base, scenarioId: team === "a" ? await w.custom(t.teamId, owner) : w.b.custom } };
    case "POST /teams/{teamId}/drills":
      return {
        params: base,
        body: { scenarioId: "push-503", plannedAt: new Date(Date.now() + 86_400_000).toISOString() },
      };
    case "POST /teams/{teamId}/drills/run-now":
      return { params: base, body: { scenarioId: "push-503" } };
    case "POST /teams/{teamId}/drills/{drillId}/abort":
      return {
        params: { ...base, drillId: team === "a" ? await w.runNow(t.teamId, owner, "push-503") : t.live },
        body: { reason: "测试" },
      };
    case "POST /teams/{teamId}/kill-switch":
      return {
        params: base,
        body: { reason: "暂停" },
        // The switch aborts every running drill: lift it and start a new one for the routes after.
        after: async () => {
          await w.send("DELETE", `/api/teams/${t.teamId}/kill-switch`, { cookie: owner.cookie });
          t.live = await w.runNow(t.teamId, owner);
        },
      };
    case "POST /teams/{teamId}/drills/{drillId}/acknowledge":
      return { params: base, body: { requestId: `ack-${uid()}` } };
    case "POST /teams/{teamId}/drills/{drillId}/flags":
      return { params: base, body: { itemIds: [await w.itemOf(t.live)] } };
    case "POST /teams/{teamId}/drills/{drillId}/actions":
      return { params: base, body: { action: "escalate", text: "上报" } };
    case "POST /teams/{teamId}/drills/{drillId}/resolve":
      return {
        params: { ...base, drillId: team === "a" ? await w.runNow(t.teamId, owner, "push-503") : t.live },
        body: { summary: "完" },
      };
    case "GET /teams/{teamId}/drills/{drillId}/scorecard":
    case "GET /teams/{teamId}/drills/{drillId}/review":
      return { params: { ...base, drillId: t.closed } };
    case "PUT /teams/{teamId}/drills/{drillId}/review": {
      const current = await w.store.getReview(t.closed);
      return {
        params: { ...base, drillId: t.closed },
        body: { version: current?.version ?? 0, notes: "复盘", findings: [], actionItems: [] },
      };
    }
    case "GET /teams/{teamId}/scorecards": {
      const month = new Date().toISOString().slice(0, 7);
      return { params: base, query: `?from=${month}&to=${month}` };
    }
    case "POST /teams/{teamId}/programs":
      return { params: base, body: { windows: [EVERYWHERE] } };
    case "PUT /teams/{teamId}/programs/{programId}": {
      const current = await w.store.getProgram(t.teamId, t.program.id);
      return {
        params: base,
        body: { program: { windows: [EVERYWHERE], enabled: true }, expectedVersion: current?.version ?? 1 },
      };
    }
    case "DELETE /teams/{teamId}/programs/{programId}":
      return {
        params: { ...base, programId: team === "a" ? (await w.program(t.teamId, owner)).id : t.program.id },
      };
    default:
      return { params: base };
  }
}

async function perform(w: World, op: Operation, call: Call, who: Who): Promise<HttpResult> {
  const path = `/api${op.path.replace(/\{(\w+)\}/g, (_m, name: string) => call.params[name] ?? "missing")}${call.query ?? ""}`;
  const cookie = who === "anonymous" ? undefined : w.people[who].cookie;
  return w.send(op.method, path, {
    ...(cookie ? { cookie } : {}),
    ...(call.body !== undefined ? { body: call.body } : {}),
  });
}

describe("the access matrix, derived from the OpenAPI document", () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  }, 60_000);

  it("has a row for every documented route and none for a route that is gone", () => {
    expect(operations.map((op) => op.key).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it("gives every role in team A exactly the status its row says, on every route", async () => {
    const wrong: string[] = [];
    let checks = 0;
    for (const op of operations) {
      const row = EXPECTED[op.key] as Row;
      for (const [i, who] of WHO.entries()) {
        const call = await callFor(w, op, "a");
        const res = await perform(w, op, call, who);
        checks += 1;
        if (res.status !== row[i])
          wrong.push(`${op.key} as ${who}: ${res.status}, expected ${row[i]} ${res.text.slice(0, 120)}`);
        if (res.status >= 400) expectErrorShape(res, `${op.key} as ${who}`);
        if (res.status < 300) await call.after?.();
      }
    }
    expect(wrong).toEqual([]);
    console.info(`access matrix: ${operations.length} routes × ${WHO.length} callers = ${checks} checks`);
  }, 120_000);

  it("answers 404 to team A's manager for team B's objects, through B's path and through A's", async () => {
    const wrong: string[] = [];
    for (const op of operations.filter((o) => o.path.startsWith("/teams/{teamId}"))) {
      const theirs = await callFor(w, op, "b");
      const viaB = await perform(w, op, theirs, "manager");
      if (viaB.status !== 404) wrong.push(`${op.key} on B: ${viaB.status}`);
      // Team A's own path, holding one of team B's objects.
      // Built-in scenarios belong to everyone; a custom one, like every other object, to its team
      // (writing one under the same id in team A is team A's own scenario, hence no PUT here).
      const foreign = [...op.path.matchAll(/\{(\w+)\}/g)]
        .map((m) => m[1] as string)
        .filter(
          (k) =>
            k !== "teamId" &&
            (k !== "scenarioId" || (op.method !== "PUT" && theirs.params[k]?.startsWith("own-"))),
        );
      if (foreign.length === 0) continue;
      const viaA = await perform(
        w,
        op,
        { ...theirs, params: { ...theirs.params, teamId: w.a.teamId } },
        "manager",
      );
      if (viaA.status !== 404)
        wrong.push(
          `${op.key} on A holding B's ${foreign.join(",")}: ${viaA.status} ${viaA.text.slice(0, 100)}`,
        );
    }
    expect(wrong).toEqual([]);
    // None of that touched team B.
    expect((await w.store.getDrill(w.b.live))?.status).toBe("injected");
    expect(await w.store.getProgram(w.b.teamId, w.b.program.id)).not.toBeNull();
  }, 60_000);
});

describe("cross-site requests", () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  }, 60_000);

  const unsafe = operations.filter((op) => ["POST", "PUT", "PATCH", "DELETE"].includes(op.method));
  const forged: Array<[string, Record<string, string>]> = [
    ["another site's Origin", { origin: "https://evil.example" }],
    ["a null Origin (sandboxed frame)", { origin: "null" }],
    ["a look-alike Origin", { origin: "http://localhost:8787.evil.example" }],
    ["Sec-Fetch-Site: cross-site and no Origin", { "sec-fetch-site": "cross-site" }],
  ];

  it("refuses every state-changing route with 403 csrf when the browser says it comes from elsewhere, and changes nothing", async () => {
    expect(unsafe.length).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (const op of unsafe) {
      for (const [label, headers] of forged) {
        const call = await callFor(w, op, "a");
        const path = `/api${op.path.replace(/\{(\w+)\}/g, (_m, name: string) => call.params[name] ?? "x")}`;
        const res = await w.send(op.method, path, {
          cookie: w.people.manager.cookie,
          headers,
          ...(call.body !== undefined ? { body: call.body } : {}),
        });
        if (res.status !== 403 || res.json?.error?.code !== "csrf")
          wrong.push(`${op.key} with ${label}: ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
    expect((await w.store.getDrill(w.a.live))?.status).toBe("injected");
    expect((await w.store.getTeam(w.a.teamId))?.paused).toBe(false);
  }, 60_000);

  it("lets the site itself and non-browser clients through", async () => {
    const path = `/api/teams/${w.a.teamId}/drills/${w.a.live}/actions`;
    const own: Array<Record<string, string>> = [
      { origin: "http://localhost:8787" },
      { "sec-fetch-site": "same-origin" },
      {},
    ];
    for (const headers of own) {
      const res = await w.send("POST", path, {
        cookie: w.people.responder.cookie,
        headers,
        body: { action: "escalate", text: "上报" },
      });
      expect(res.status, JSON.stringify(headers)).toBe(200);
    }
  });
});

/** A loopback receiver that keeps the acknowledgement link of every page it gets. */
async function pageReceiver(): Promise<{ server: Server; url: string; links: string[] }> {
  const links: string[] = [];
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => {
      raw += chunk;
    });
    req.on("end", () => {
      const ack = (JSON.parse(raw || "{}") as { ackUrl?: string }).ackUrl;
      if (ack) links.push(ack);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, links };
}

describe("acknowledgement links", () => {
  let hook: Awaited<ReturnType<typeof pageReceiver>>;
  let send: ReturnType<typeof inProcess>;
  let store: Awaited<ReturnType<typeof freshStore>>["store"];
  let teamId: string;
  let manager: Person;
  let primary: Person;
  let stranger: Person;
  let drillId: string;
  let otherDrillId: string;
  let link: string;
  let otherLink: string;

  const tokenOf = (url: string) => url.split("/api/ack/")[1] as string;
  const ack = (token: string) => send("POST", `/api/ack/${token}`);

  beforeAll(async () => {
    hook = await pageReceiver();
    store = (await freshStore()).store;
    const runtime = createLocalRuntime({
      store,
      clock: new TestClock(),
      entropy: cryptoEntropy,
      catalog: builtInScenarios(),
      auth: RELIABILITY_AUTH,
      channels: createChannelSender({ retries: 0, timeoutMs: 2_000, allowLoopback: true }),
      log: () => undefined,
    });
    send = inProcess(runtime.app);
    const team = await seedTeam(store, RELIABILITY_AUTH, {
      name: "呼叫组",
      people: [{ role: "manager" }, { role: "responder" }],
    });
    const other = await seedTeam(store, RELIABILITY_AUTH, { name: "别组", people: [{ role: "manager" }] });
    teamId = team.teamId;
    [manager, primary] = team.people as [Person, Person];
    stranger = other.people[0] as Person;
    await send("PUT", `/api/teams/${teamId}/roster`, {
      cookie: manager.cookie,
      body: { primary: { userId: primary.userId, channel: "webhook", target: `${hook.url}/primary` } },
    });
    const run = async () => {
      const res = await send("POST", `/api/teams/${teamId}/drills/run-now`, {
        cookie: manager.cookie,
        body: { scenarioId: "urgent-push-2am" },
      });
      await runtime.bus.drain();
      return res.json.id as string;
    };
    drillId = await run();
    link = hook.links.at(-1) as string;
    otherDrillId = await run();
    otherLink = hook.links.at(-1) as string;
    expect(link).toContain("/api/ack/");
    expect(otherLink).not.toBe(link);
  }, 60_000);
  afterAll(() => new Promise<void>((done) => hook.server.close(() => done())));

  it("shows a confirm page on GET and acknowledges nothing until the button is pressed", async () => {
    const page = await send("GET", `/api/ack/${tokenOf(link)}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('method="post"');
    expect((await store.getDrill(drillId))?.acknowledgedAt).toBeUndefined();
  });

  it("refuses a forged link: the right claims signed with another key, or claims edited after signing", async () => {
    const [header, payload] = tokenOf(link).split(".") as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    const otherKey = await sign(claims, "someone-elses-key-0123456789abcdefghij", "HS256");
    const edited = Buffer.from(JSON.stringify({ ...claims, sub: manager.userId })).toString("base64url");
    const signature = tokenOf(link).split(".")[2];
    for (const token of [
      otherKey,
      `${header}.${edited}.${signature}`,
      `${header}.${payload}.`,
      "not.a.token",
    ]) {
      const res = await ack(token);
      expect(res.status, token.slice(0, 40)).toBe(401);
      expectErrorShape(res);
      expect(res.json.error.code).toBe("invalid_link");
    }
    expect((await store.getDrill(drillId))?.acknowledgedAt).toBeUndefined();
  });

  it("refuses another drill's link spliced onto this one, and a link for someone outside the team", async () => {
    const [, otherPayload] = tokenOf(otherLink).split(".") as [string, string, string];
    const [header, , signature] = tokenOf(link).split(".") as [string, string, string];
    const spliced = await ack(`${header}.${otherPayload}.${signature}`);
    expect(spliced.status).toBe(401);
    const outsider = await acknowledgeLink(RELIABILITY_AUTH, {
      teamId,
      drillId,
      userId: stranger.userId,
      jti: uid(),
      expiresAt: Date.now() + 600_000,
    });
    const res = await ack(tokenOf(outsider));
    expect(res.status).toBe(404);
    expectErrorShape(res);
    // A genuine link for the other team's drill, naming this team: the drill is not this team's.
    const crossed = await acknowledgeLink(RELIABILITY_AUTH, {
      teamId: (await store.listMemberships(stranger.userId))[0]?.teamId ?? "x",
      drillId,
      userId: stranger.userId,
      jti: uid(),
      expiresAt: Date.now() + 600_000,
    });
    expect((await ack(tokenOf(crossed))).status).toBe(404);
    expect((await store.getDrill(drillId))?.acknowledgedAt).toBeUndefined();
  });

  it("refuses an expired link and an invite presented as one", async () => {
    const expired = await acknowledgeLink(RELIABILITY_AUTH, {
      teamId,
      drillId,
      userId: primary.userId,
      jti: uid(),
      expiresAt: Date.now() - 1_000,
    });
    expect((await ack(tokenOf(expired))).status).toBe(401);
    const invite = await inviteLink(RELIABILITY_AUTH, {
      email: "x@example.com",
      jti: uid(),
      expiresAt: Date.now() + 600_000,
    });
    expect((await ack(invite.token)).status).toBe(401);
    expect((await store.getDrill(drillId))?.acknowledgedAt).toBeUndefined();
  });

  it("acknowledges its own drill once, for its own person, and refuses to be used again", async () => {
    const first = await ack(tokenOf(link));
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ acknowledged: true, drillId, teamId });
    const drill = await store.getDrill(drillId);
    expect(drill?.acknowledgedAt).toEqual(expect.any(Number));
    expect(drill?.acknowledgedBy).toBe(primary.userId);
    expect((await store.getDrill(otherDrillId))?.acknowledgedAt).toBeUndefined();
    const again = await Promise.all([ack(tokenOf(link)), ack(tokenOf(link))]);
    expect(again.map((r) => r.status)).toEqual([409, 409]);
    expect(again[0]?.json.error.code).toBe("link_used");
    const acks = (await store.listTimeline(drillId)).filter((e) => e.action === "acknowledge");
    expect(acks).toHaveLength(1);
  });

  it("cannot acknowledge a drill that is over", async () => {
    await send("POST", `/api/teams/${teamId}/drills/${otherDrillId}/abort`, {
      cookie: manager.cookie,
      body: { reason: "停" },
    });
    const res = await ack(tokenOf(otherLink));
    expect(res.status).toBe(409);
    expectErrorShape(res);
  });
});

describe("sign-in rate limiting", () => {
  it("lets 8 attempts per email through in a window, however fast they come, then 429 even with the right password", async () => {
    const { store } = await freshStore();
    const clock = new TestClock();
    const send = inProcess(composeApi(store, clock).app);
    const email = `limit-${uid()}@example.com`;
    const password = "the right password";
    const userId = cryptoEntropy.id("u-");
    await store.createUser(
      { id: userId, email, name: "限流", admin: false, lang: "zh", createdAt: Date.now() },
      { email, userId, passwordHash: await hashPassword(password) },
    );
    const login = (e: string, p: string) =>
      send("POST", "/api/auth/login", { body: { email: e, password: p } });

    // A burst, as a script would send it: the counter is atomic, so exactly eight get a verdict.
    const burst = await Promise.all(Array.from({ length: 20 }, () => login(email, "wrong password!")));
    const statuses = burst.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(8);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12);
    for (const r of burst.filter((x) => x.status === 429)) {
      expectErrorShape(r);
      expect(Number(r.headers["retry-after"])).toBeGreaterThan(0);
    }
    expect((await login(email, password)).status).toBe(429);
    // The same mailbox spelled differently is the same bucket.
    expect((await login(email.toUpperCase(), password)).status).toBe(429);
    // Someone else's sign-in is not held up.
    expect((await login(`other-${uid()}@example.com`, "wrong password!")).status).toBe(401);

    clock.advance(15 * 60_000);
    expect((await login(email, password)).status).toBe(200);
  }, 60_000);
});
