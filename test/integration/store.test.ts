import { randomUUID } from "node:crypto";
import { createServer, type Server, type Socket } from "node:net";
import { GetItemCommand } from "@aws-sdk/client-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../functions/adapters/local/dynamodb-local.js";
import { generate } from "../../functions/core/generator.js";
import {
  ConflictError,
  type CustomScenario,
  type Drill,
  type DrillStatus,
  type Membership,
  type Review,
  type ScorecardRecord,
  StoreUnavailableError,
  type Team,
  type TimelineRecord,
  type User,
} from "../../functions/core/ports.js";
import { score } from "../../functions/core/scoring.js";
import { createDynamoClient } from "../../functions/store/client.js";
import { BadCursorError, DynamoStore, toStoreError } from "../../functions/store/dynamo-store.js";
import { keys } from "../../functions/store/table.js";
import { scenario, T0 } from "../support/drills.js";
import { type FreshStore, freshStore } from "../support/store.js";

const RAID = scenario("competitor-group-raid");
const uid = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

function user(overrides: Partial<User> = {}): User {
  const id = uid("user");
  return {
    id,
    email: `${id}@example.com`,
    name: "Ana",
    admin: false,
    lang: "zh",
    createdAt: T0,
    ...overrides,
  };
}

function team(overrides: Partial<Team> = {}): Team {
  return {
    id: uid("team"),
    name: "私域一组",
    timezone: "Asia/Shanghai",
    context: { brand: { zh: "小满", en: "Xiaoman" } },
    paused: false,
    createdAt: T0,
    createdBy: "user-admin",
    ...overrides,
  };
}

function member(teamId: string, userId: string, role: Membership["role"] = "responder"): Membership {
  return { teamId, userId, role, name: "Ana", email: `${userId}@example.com`, addedAt: T0 };
}

function drill(overrides: Partial<Drill> = {}): Drill {
  return {
    id: uid("drill"),
    teamId: "team-a",
    scenario: RAID,
    seed: 42,
    context: {},
    practice: false,
    status: "scheduled",
    month: "2026-11",
    plannedAt: T0,
    createdAt: T0 - 86_400_000,
    createdBy: "user-manager",
    ...overrides,
  };
}

function entry(drillId: string, at: number, id = uid("tl")): TimelineRecord {
  return {
    id,
    drillId,
    at,
    actor: "user-a",
    actorName: "Ana",
    action: "flag",
    targets: ["item-1"],
    text: "raid",
  };
}

function scorecard(drillId: string, overrides: Partial<ScorecardRecord> = {}): ScorecardRecord {
  const rubric = generate(RAID, 42).rubric;
  return {
    drillId,
    teamId: "team-a",
    scenarioId: RAID.id,
    month: "2026-11",
    injectedAt: T0,
    practice: false,
    scoredAt: T0 + 3_600_000,
    scorecard: score(rubric, { injectedAt: T0, entries: [] }),
    ...overrides,
  };
}

/** Settles every promise and sorts the outcomes, so a race reads as "n won, m lost with this error". */
async function race<T>(attempts: Array<Promise<T>>) {
  const results = await Promise.allSettled(attempts);
  const won = results
    .filter((r): r is PromiseFulfilledResult<Awaited<T>> => r.status === "fulfilled")
    .map((r) => r.value);
  const lost = results
    .filter((r): r is PromiseRejectedResult => r.status === "rejected")
    .map((r) => r.reason);
  return { won, lost };
}

let db: FreshStore;
let store: DynamoStore;
beforeAll(async () => {
  db = await freshStore();
  store = db.store;
});

describe("health", () => {
  it("ping answers while the table is reachable", async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it("ping raises StoreUnavailableError, quickly, when nothing listens on the port", async () => {
    const port = await freePort();
    const client = createDynamoClient({ endpoint: `http://127.0.0.1:${port}` });
    const started = Date.now();
    await expect(new DynamoStore(client, db.tableName).ping()).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(Date.now() - started).toBeLessThan(3_000);
    client.destroy();
  });

  it("ping raises StoreUnavailableError within the request timeouts when the server never answers", async () => {
    // Accepts connections and says nothing: the outage that would hang a client without timeouts.
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((done) => silent.listen(0, "127.0.0.1", done));
    const { port } = silent.address() as { port: number };
    const client = createDynamoClient({ endpoint: `http://127.0.0.1:${port}` });
    try {
      const started = Date.now();
      await expect(new DynamoStore(client, db.tableName).ping()).rejects.toBeInstanceOf(
        StoreUnavailableError,
      );
      // Two attempts of at most 3 s each, plus a retry delay.
      expect(Date.now() - started).toBeLessThan(8_000);
    } finally {
      client.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise((done) => silent.close(done));
    }
  });
});

describe("error mapping", () => {
  const awsError = (name: string, extra: object = {}) => Object.assign(new Error(name), { name, ...extra });

  it("a lost condition, alone or inside a transaction, is a ConflictError", () => {
    expect(toStoreError(awsError("ConditionalCheckFailedException"))).toBeInstanceOf(ConflictError);
    const cancelled = awsError("TransactionCanceledException", {
      CancellationReasons: [{ Code: "None" }, { Code: "ConditionalCheckFailed" }],
    });
    expect(toStoreError(cancelled)).toBeInstanceOf(ConflictError);
  });

  it("an unreachable, overloaded or failing service is StoreUnavailableError", () => {
    for (const err of [
      Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
      Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }),
      new AggregateError([Object.assign(new Error("refused"), { code: "ECONNREFUSED" })], "connect"),
      awsError("TimeoutError"),
      awsError("RequestTimeout"),
      awsError("ServiceUnavailable"),
      awsError("InternalServerError"),
      awsError("ProvisionedThroughputExceededException"),
      awsError("TransactionConflictException", { $metadata: { httpStatusCode: 400 } }),
      awsError("SomethingNew", { $metadata: { httpStatusCode: 503 } }),
    ]) {
      expect(toStoreError(err), err.message).toBeInstanceOf(StoreUnavailableError);
    }
  });

  it("anything else is passed on unchanged, so a bug stays a 500", () => {
    const validation = awsError("ValidationException", { $metadata: { httpStatusCode: 400 } });
    expect(toStoreError(validation)).toBe(validation);
    const otherCancel = awsError("TransactionCanceledException", {
      CancellationReasons: [{ Code: "ValidationError" }],
    });
    expect(toStoreError(otherCancel)).toBe(otherCancel);
  });
});

describe("setup token", () => {
  it("is absent on an empty table, stored unused, then used exactly once", async () => {
    const { store: empty } = await freshStore();
    expect(await empty.getSetupTokenHash()).toBeNull();
    await empty.putSetupTokenHash("hash-1");
    // A restart before anyone used it prints a new token; the new one replaces the old.
    await empty.putSetupTokenHash("hash-2");
    expect(await empty.getSetupTokenHash()).toEqual({ tokenHash: "hash-2", used: false });

    const admin = user({ admin: true });
    await expect(
      empty.completeSetup("hash-1", admin, { email: admin.email, userId: admin.id, passwordHash: "h" }),
    ).rejects.toBeInstanceOf(ConflictError);
    await empty.completeSetup("hash-2", admin, { email: admin.email, userId: admin.id, passwordHash: "h" });

    expect(await empty.getSetupTokenHash()).toEqual({ tokenHash: "hash-2", used: true });
    expect(await empty.getUser(admin.id)).toEqual(admin);
    expect(await empty.getCredential(admin.email)).toEqual({
      email: admin.email,
      userId: admin.id,
      passwordHash: "h",
    });

    const second = user({ admin: true });
    await expect(
      empty.completeSetup("hash-2", second, { email: second.email, userId: second.id, passwordHash: "h" }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await empty.getUser(second.id)).toBeNull();
    // Nor can a used token be replaced by a fresh one, which would allow a second first admin.
    await expect(empty.putSetupTokenHash("hash-3")).rejects.toBeInstanceOf(ConflictError);
  });

  it("creates one admin when ten requests use the token at once", async () => {
    const { store: empty } = await freshStore();
    await empty.putSetupTokenHash("hash");
    const admins = Array.from({ length: 10 }, () => user({ admin: true }));
    const { won, lost } = await race(
      admins.map((a) => empty.completeSetup("hash", a, { email: a.email, userId: a.id, passwordHash: "h" })),
    );
    expect(won).toHaveLength(1);
    expect(lost.every((err) => err instanceof ConflictError)).toBe(true);
    const created = await Promise.all(admins.map((a) => empty.getUser(a.id)));
    expect(created.filter(Boolean)).toHaveLength(1);
  });
});

describe("users and credentials", () => {
  it("keeps the profile and the credential apart, and finds the credential whatever the email's case", async () => {
    const ana = user({ email: "Ana.Li@Example.com" });
    await store.createUser(ana, { email: ana.email, userId: ana.id, passwordHash: "scrypt$1" });
    expect(await store.getUser(ana.id)).toEqual(ana);
    expect(await store.getUser(ana.id)).not.toHaveProperty("passwordHash");
    expect(await store.getCredential("ana.li@example.COM")).toEqual({
      email: "Ana.Li@Example.com",
      userId: ana.id,
      passwordHash: "scrypt$1",
    });
    expect(await store.getUser("user-nobody")).toBeNull();
    expect(await store.getCredential("nobody@example.com")).toBeNull();
  });

  it("refuses a second account on the same email, in any case, and creates nothing of it", async () => {
    const first = user({ email: "dup@example.com" });
    await store.createUser(first, { email: first.email, userId: first.id, passwordHash: "h1" });
    const second = user({ email: "DUP@example.com" });
    await expect(
      store.createUser(second, { email: second.email, userId: second.id, passwordHash: "h2" }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await store.getUser(second.id)).toBeNull();
    expect((await store.getCredential("dup@example.com"))?.userId).toBe(first.id);
  });

  it("changes a password hash, and refuses to invent a credential for an unknown email", async () => {
    const ana = user();
    await store.createUser(ana, { email: ana.email, userId: ana.id, passwordHash: "old" });
    await store.setPasswordHash(ana.email.toUpperCase(), "new");
    expect((await store.getCredential(ana.email))?.passwordHash).toBe("new");
    await expect(store.setPasswordHash("ghost@example.com", "x")).rejects.toBeInstanceOf(ConflictError);
    expect(await store.getCredential("ghost@example.com")).toBeNull();
  });
});

describe("failed sign-ins", () => {
  it("counts per key and per window, every concurrent failure included", async () => {
    const key = uid("login");
    const window = T0;
    const expiry = Math.ceil((T0 + 600_000) / 1000);
    expect(await store.countFailedLogin(key, window, expiry)).toBe(1);
    expect(await store.countFailedLogin(key, window, expiry)).toBe(2);
    const counts = await Promise.all(
      Array.from({ length: 20 }, () => store.countFailedLogin(key, window, expiry)),
    );
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 3));

    expect(await store.countFailedLogin(key, window + 300_000, expiry)).toBe(1);
    expect(await store.countFailedLogin(uid("login"), window, expiry)).toBe(1);
  });
});

describe("single-use tokens", () => {
  it("accept the first use only, even when twenty uses arrive at once", async () => {
    const token = uid("ack");
    const { won } = await race(Array.from({ length: 20 }, () => store.spendToken(token, T0 / 1000 + 3600)));
    expect(won.filter((first) => first)).toHaveLength(1);
    expect(await store.spendToken(token, T0 / 1000 + 3600)).toBe(false);
  });

  it("store their expiry in epoch seconds for DynamoDB's TTL, given seconds or milliseconds", async () => {
    const inSeconds = uid("tok");
    const inMillis = uid("tok");
    await store.spendToken(inSeconds, 1_800_000_000);
    await store.spendToken(inMillis, 1_800_000_000_500);
    const expiryOf = async (tokenId: string) => {
      const { Item } = await db.client.send(
        new GetItemCommand({
          TableName: db.tableName,
          Key: { pk: { S: keys.token(tokenId).pk }, sk: { S: keys.token(tokenId).sk } },
        }),
      );
      return Item?.expiresAt?.N;
    };
    expect(await expiryOf(inSeconds)).toBe("1800000000");
    expect(await expiryOf(inMillis)).toBe("1800000001");
  });
});

describe("teams, members and rosters", () => {
  it("creates a team together with its manager, once", async () => {
    const t = team();
    const manager = member(t.id, uid("user"), "manager");
    await store.createTeam(t, manager);
    expect(await store.getTeam(t.id)).toEqual(t);
    expect(await store.getMembership(t.id, manager.userId)).toEqual(manager);
    expect(await store.listMembers(t.id)).toEqual([manager]);
    await expect(store.createTeam(t, member(t.id, uid("user"), "manager"))).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await store.listMembers(t.id)).toEqual([manager]);
    expect(await store.getTeam(uid("team"))).toBeNull();
  });

  it("updates only the fields named and returns the whole team", async () => {
    const t = team();
    await store.createTeam(t, member(t.id, uid("user"), "manager"));
    const paused = await store.updateTeam(t.id, { paused: true, name: "私域二组" });
    expect(paused).toEqual({ ...t, paused: true, name: "私域二组" });
    expect(await store.getTeam(t.id)).toEqual(paused);
    expect(await store.updateTeam(t.id, {})).toEqual(paused);
    await expect(store.updateTeam(uid("team"), { paused: true })).rejects.toBeInstanceOf(ConflictError);
    expect(await store.getTeam("team-never-created")).toBeNull();
  });

  it("lists a team's members, and a user's teams, and forgets removed members", async () => {
    const [a, b] = [team(), team()];
    const userId = uid("user");
    await store.createTeam(a, member(a.id, uid("user"), "manager"));
    await store.createTeam(b, member(b.id, userId, "manager"));
    await store.putMembership(member(a.id, userId, "responder"));
    await store.putMembership(member(a.id, uid("user"), "viewer"));

    expect(await store.listMembers(a.id)).toHaveLength(3);
    const mine = await store.listMemberships(userId);
    expect(mine.map((m) => [m.teamId, m.role]).sort()).toEqual(
      [
        [a.id, "responder"],
        [b.id, "manager"],
      ].sort(),
    );

    await store.putMembership(member(a.id, userId, "manager"));
    expect((await store.getMembership(a.id, userId))?.role).toBe("manager");
    await store.removeMembership(a.id, userId);
    expect(await store.getMembership(a.id, userId)).toBeNull();
    expect(await store.listMembers(a.id)).toHaveLength(2);
    expect((await store.listMemberships(userId)).map((m) => m.teamId)).toEqual([b.id]);
  });

  it("keeps the on-call roster, secrets included, and replaces it whole", async () => {
    const teamId = uid("team");
    expect(await store.getRoster(teamId)).toBeNull();
    await store.putRoster({
      teamId,
      primary: {
        userId: "u1",
        name: "Ana",
        channel: "dingtalk",
        target: "https://oapi.example/x",
        secret: "S",
      },
      backup: { userId: "u2", name: "Bo", channel: "wecom", target: "https://qyapi.example/y" },
      updatedAt: T0,
      updatedBy: "u0",
    });
    const replacement = { teamId, updatedAt: T0 + 1, updatedBy: "u0" };
    await store.putRoster(replacement);
    expect(await store.getRoster(teamId)).toEqual(replacement);
  });
});

describe("custom scenarios", () => {
  it("are created at version 0 and then saved only by whoever edited the stored version", async () => {
    const teamId = uid("team");
    const custom = (version: number, source: string): CustomScenario => ({
      teamId,
      scenarioId: "night-raid",
      version,
      source,
      scenario: { ...RAID, id: "night-raid" },
      updatedAt: T0 + version,
      updatedBy: "u1",
    });
    await store.putCustomScenario(custom(1, "v1"), 0);
    await expect(store.putCustomScenario(custom(1, "again"), 0)).rejects.toBeInstanceOf(ConflictError);
    await store.putCustomScenario(custom(2, "v2"), 1);
    await expect(store.putCustomScenario(custom(2, "stale edit of v1"), 1)).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await store.getCustomScenario(teamId, "night-raid")).toEqual(custom(2, "v2"));
    // A save that does not raise the version would let two editors of one version both win.
    await expect(store.putCustomScenario(custom(2, "same"), 2)).rejects.toBeInstanceOf(RangeError);

    await store.putCustomScenario({ ...custom(1, "other"), scenarioId: "other" }, 0);
    expect((await store.listCustomScenarios(teamId)).map((s) => s.scenarioId).sort()).toEqual([
      "night-raid",
      "other",
    ]);
    await store.deleteCustomScenario(teamId, "night-raid");
    expect(await store.getCustomScenario(teamId, "night-raid")).toBeNull();
    expect(await store.listCustomScenarios(teamId)).toHaveLength(1);
  });
});

describe("drills", () => {
  it("are stored with their scenario snapshot and created once per id", async () => {
    const d = drill();
    await store.createDrill(d);
    expect(await store.getDrill(d.id)).toEqual(d);
    await expect(store.createDrill({ ...d, seed: 7 })).rejects.toBeInstanceOf(ConflictError);
    expect((await store.getDrill(d.id))?.seed).toBe(42);
    expect(await store.getDrill(uid("drill"))).toBeNull();
  });

  it("keep the order of their scenario's keys, so the same seed replays the same incident", async () => {
    const d = drill({ teamId: uid("team"), status: "injected", injectedAt: T0 });
    await store.createDrill(d);
    const read = (await store.getDrill(d.id))!;
    const transitioned = await store.transitionDrill(d.id, ["injected"], "detected", { detectedAt: T0 + 1 });
    const [listed] = (await store.listDrills(d.teamId, { limit: 10 })).items;
    for (const copy of [read, transitioned, listed!]) {
      expect(JSON.stringify(copy.scenario)).toBe(JSON.stringify(d.scenario));
      expect(JSON.stringify(generate(copy.scenario, d.seed, {}))).toBe(
        JSON.stringify(generate(d.scenario, d.seed, {})),
      );
    }
    const custom: CustomScenario = {
      teamId: d.teamId,
      scenarioId: "raid-copy",
      version: 1,
      source: "id: raid-copy",
      scenario: RAID,
      updatedAt: T0,
      updatedBy: "u1",
    };
    await store.putCustomScenario(custom, 0);
    const stored = await store.getCustomScenario(d.teamId, "raid-copy");
    expect(JSON.stringify(stored?.scenario)).toBe(JSON.stringify(RAID));
  });

  it("move from one status to the next with a patch, and only from the statuses named", async () => {
    const d = drill();
    await store.createDrill(d);
    const injected = await store.transitionDrill(d.id, ["scheduled"], "injected", { injectedAt: T0 + 5 });
    expect(injected).toEqual({ ...d, status: "injected", injectedAt: T0 + 5 });

    const attempt = store.transitionDrill(d.id, ["scheduled"], "aborted", { abortedBy: "u1" });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toThrow(/is injected, not scheduled/);
    expect((await store.getDrill(d.id))?.status).toBe("injected");
    await expect(store.transitionDrill(uid("drill"), ["scheduled"], "injected", {})).rejects.toThrow(
      /does not exist/,
    );
  });

  it("let exactly one of ten concurrent resolutions through", async () => {
    const d = drill({ status: "injected", injectedAt: T0 });
    await store.createDrill(d);
    const { won, lost } = await race(
      Array.from({ length: 10 }, (_, i) =>
        store.transitionDrill(d.id, ["injected", "detected"], "resolved", {
          resolvedAt: T0 + i,
          summary: `#${i}`,
        }),
      ),
    );
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(9);
    expect(lost.every((err) => err instanceof ConflictError)).toBe(true);
    expect(await store.getDrill(d.id)).toEqual(won[0]);
  });

  it("move to another month's list when rescheduled", async () => {
    const teamId = uid("team");
    const d = drill({ teamId, month: "2026-11", plannedAt: T0 });
    await store.createDrill(d);
    const later = Date.UTC(2026, 11, 5);
    await store.transitionDrill(d.id, ["scheduled"], "scheduled", { month: "2026-12", plannedAt: later });
    expect((await store.listDrills(teamId, { month: "2026-11", limit: 10 })).items).toEqual([]);
    expect((await store.listDrills(teamId, { month: "2026-12", limit: 10 })).items.map((x) => x.id)).toEqual([
      d.id,
    ]);
    await expect(
      store.transitionDrill(d.id, ["scheduled"], "scheduled", { plannedAt: later + 1 }),
    ).rejects.toThrow(RangeError);
  });

  it("record the first acknowledgement and the first detection only, among fifty at once", async () => {
    const d = drill({ status: "injected", injectedAt: T0 });
    await store.createDrill(d);
    const tries = Array.from({ length: 50 }, (_, i) => ({ at: T0 + 1000 + i, by: `user-${i}` }));
    const results = await Promise.all(tries.map((t) => store.setOnce(d.id, "detectedAt", t.at, t.by)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = tries[results.indexOf(true)]!;
    const stored = await store.getDrill(d.id);
    expect(stored?.detectedAt).toBe(winner.at);
    expect(stored?.detectedBy).toBe(winner.by);

    expect(await store.setOnce(d.id, "acknowledgedAt", T0 + 10, "user-a")).toBe(true);
    expect(await store.setOnce(d.id, "acknowledgedAt", T0 + 5, "user-b")).toBe(false);
    expect((await store.getDrill(d.id))?.acknowledgedAt).toBe(T0 + 10);
    await expect(store.setOnce(uid("drill"), "detectedAt", T0, "u")).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("listing drills", () => {
  const teamId = uid("team");
  const statuses: DrillStatus[] = [
    "resolved",
    "scheduled",
    "resolved",
    "aborted",
    "resolved",
    "injected",
    "resolved",
  ];
  // Seven November drills a day apart, two in December, and one of another team.
  const november = statuses.map((status, i) =>
    drill({ teamId, status, month: "2026-11", plannedAt: Date.UTC(2026, 10, 1 + i, 3) }),
  );
  const december = [1, 2].map((day) =>
    drill({ teamId, month: "2026-12", plannedAt: Date.UTC(2026, 11, day) }),
  );
  const newestFirst = (list: Drill[]) => [...list].sort((a, b) => b.plannedAt - a.plannedAt).map((d) => d.id);

  /** Follows cursors to the end (bounded), returning every page. */
  async function allPages(query: { month?: string; statuses?: DrillStatus[]; limit: number }) {
    const pages: Drill[][] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 20; i++) {
      const page = await store.listDrills(teamId, { ...query, cursor });
      pages.push(page.items);
      cursor = page.cursor;
      if (!cursor) return pages;
    }
    throw new Error("more than 20 pages");
  }

  beforeAll(async () => {
    await Promise.all(
      [...november, ...december, drill({ teamId: uid("team") })].map((d) => store.createDrill(d)),
    );
  });

  it("pages through one month, newest first, each drill once", async () => {
    const first = await store.listDrills(teamId, { month: "2026-11", limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.cursor).toEqual(expect.any(String));
    const pages = await allPages({ month: "2026-11", limit: 3 });
    expect(pages.slice(0, 3).map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat().map((d) => d.id)).toEqual(newestFirst(november));
    expect(pages[0]?.[0]).toEqual(november[6]);
  });

  it("lists every month of the team when no month is given, and no other team's drills", async () => {
    const ids = (await allPages({ limit: 4 })).flat().map((d) => d.id);
    expect(ids).toEqual(newestFirst([...november, ...december]));
  });

  it("filters by status; a page may come back short, the cursors still lead to every match", async () => {
    const pages = await allPages({ month: "2026-11", statuses: ["resolved"], limit: 2 });
    expect(pages.flat().map((d) => d.id)).toEqual(
      newestFirst(november.filter((d) => d.status === "resolved")),
    );
    const live = await allPages({ statuses: ["injected", "scheduled"], limit: 50 });
    expect(
      live
        .flat()
        .map((d) => d.status)
        .sort(),
    ).toEqual(["injected", "scheduled", "scheduled", "scheduled"]);
  });

  it("rejects a cursor it did not make with BadCursorError", async () => {
    const december1 = (await store.listDrills(teamId, { month: "2026-12", limit: 1 })).cursor!;
    const forged = (key: object) => Buffer.from(JSON.stringify(key)).toString("base64url");
    const bad = [
      "not a cursor!",
      "",
      Buffer.from("not json").toString("base64url"),
      forged(["pk", "sk"]),
      forged({ pk: "DRILL#x", sk: "DRILL", gsi1pk: "TEAM#someone-else#DRILLS", gsi1sk: "2026-11#1#x" }),
      forged({ pk: "USER#x", sk: "PROFILE", gsi1pk: `TEAM#${teamId}#DRILLS`, gsi1sk: "2026-11#1#x" }),
      "A".repeat(5000),
    ];
    for (const cursor of bad) {
      await expect(store.listDrills(teamId, { limit: 2, cursor }), cursor).rejects.toBeInstanceOf(
        BadCursorError,
      );
    }
    // A December cursor used on November is outside the query, not a way to read past it.
    await expect(
      store.listDrills(teamId, { month: "2026-11", limit: 2, cursor: december1 }),
    ).rejects.toBeInstanceOf(BadCursorError);
  });
});

describe("timeline", () => {
  it("returns entries in server-time order, ties broken by id, and only the drill's own", async () => {
    const drillId = uid("drill");
    const late = entry(drillId, T0 + 3000, "c");
    const early = entry(drillId, T0 + 1000, "z");
    const tieB = entry(drillId, T0 + 2000, "b");
    const tieA = entry(drillId, T0 + 2000, "a");
    for (const e of [late, early, tieB, tieA]) await store.appendTimeline(e);
    await store.appendTimeline(entry(uid("drill"), T0 + 1500));
    await store.appendTimeline({ ...entry(drillId, T0 + 4000, "d"), actor: "system", system: true });

    const timeline = await store.listTimeline(drillId);
    expect(timeline.map((e) => e.id)).toEqual(["z", "a", "b", "c", "d"]);
    expect(timeline[0]).toEqual(early);
    expect(await store.listTimeline(uid("drill"))).toEqual([]);
  });

  it("refuses an entry whose id is already there, even when the retry carries a new time", async () => {
    const drillId = uid("drill");
    const first = entry(drillId, T0 + 1000, "req-1");
    await store.appendTimeline(first);
    await expect(store.appendTimeline(first)).rejects.toBeInstanceOf(ConflictError);
    await expect(store.appendTimeline({ ...first, at: T0 + 9000 })).rejects.toBeInstanceOf(ConflictError);
    expect(await store.listTimeline(drillId)).toEqual([first]);
  });

  it("stores a fresh server-drawn id in one write, in order with guarded entries", async () => {
    const drillId = uid("drill");
    const guarded = entry(drillId, T0 + 1000, "rq-flag-1");
    const fresh = entry(drillId, T0 + 2000, "tl-fresh");
    await store.appendTimeline(fresh, { fresh: true });
    await store.appendTimeline(guarded);
    expect(await store.listTimeline(drillId)).toEqual([guarded, fresh]);
    // The same entry written twice is still refused: the entry itself is a conditional put.
    await expect(store.appendTimeline(fresh, { fresh: true })).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("scorecards", () => {
  it("keep the first of twenty concurrent writers and hand it to all of them", async () => {
    const drillId = uid("drill");
    const attempts = Array.from({ length: 20 }, (_, i) => scorecard(drillId, { scoredAt: T0 + i }));
    const returned = await Promise.all(attempts.map((card) => store.putScorecard(card)));
    const stored = await store.getScorecard(drillId);
    expect(stored).not.toBeNull();
    // Each writer gets the one stored card, whichever writer it came from.
    for (const card of returned) expect(card).toEqual(stored);
    expect(attempts.map((card) => card.scoredAt)).toContain(stored?.scoredAt);
  });

  it("are listed by team over an inclusive range of months", async () => {
    const teamId = uid("team");
    const cards = ["2026-09", "2026-10", "2026-11", "2026-12"].map((month, i) =>
      scorecard(uid("drill"), { teamId, month, injectedAt: Date.UTC(2026, 8 + i, 10) }),
    );
    await Promise.all(
      [...cards, scorecard(uid("drill"), { teamId: uid("team") })].map((c) => store.putScorecard(c)),
    );
    expect(await store.listScorecards(teamId, { from: "2026-10", to: "2026-11" })).toEqual([
      cards[1],
      cards[2],
    ]);
    expect(await store.listScorecards(teamId, { from: "2026-01", to: "2026-12" })).toEqual(cards);
    expect(await store.listScorecards(teamId, { from: "2026-12", to: "2026-10" })).toEqual([]);
    expect(await store.getScorecard(uid("drill"))).toBeNull();
  });
});

describe("reviews", () => {
  it("are saved only by whoever edited the stored version", async () => {
    const drillId = uid("drill");
    const review = (version: number, notes: string): Review => ({
      drillId,
      notes,
      findings: [{ id: "f1", text: "答复太慢" }],
      actionItems: [{ id: "a1", text: "演练前核对白名单", owner: "u1", due: "2026-12-01", done: false }],
      version,
      updatedAt: T0 + version,
      updatedBy: "u1",
    });
    expect(await store.getReview(drillId)).toBeNull();
    await store.putReview(review(1, "first"));
    await expect(store.putReview(review(1, "also first"))).rejects.toBeInstanceOf(ConflictError);
    await store.putReview(review(2, "second"));
    await expect(store.putReview(review(2, "edited v1 too"))).rejects.toBeInstanceOf(ConflictError);
    await expect(store.putReview(review(5, "skipped ahead"))).rejects.toBeInstanceOf(ConflictError);
    expect(await store.getReview(drillId)).toEqual(review(2, "second"));

    const { won } = await race(
      Array.from({ length: 5 }, (_, i) => store.putReview(review(3, `editor ${i}`))),
    );
    expect(won).toHaveLength(1);
  });
});
