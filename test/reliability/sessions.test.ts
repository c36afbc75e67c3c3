import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { cryptoEntropy } from "../../functions/adapters/system.js";
import { hashPassword, sha256 } from "../../functions/api/auth.js";
import type { Store } from "../../functions/core/ports.js";
import { TestClock } from "../support/api.js";
import {
  composeApi,
  expectErrorShape,
  inProcess,
  type Person,
  RELIABILITY_AUTH,
  seedTeam,
} from "../support/http.js";
import { freshStore } from "../support/store.js";

/**
 * Issue 13, item 4: a session ends when it should. Each test is an adversary holding a cookie that
 * used to work: copied before a sign-out, from before a password change, one that still claims admin
 * after a demotion, one of someone removed from the team. None of them gets further than 401/403/404.
 */

const uid = () => randomBytes(5).toString("hex");
const PASSWORD = "a long enough password";
const cookieOf = (res: { headers: Record<string, string | string[] | undefined> }) =>
  String(res.headers["set-cookie"] ?? "").split(";")[0] ?? "";

describe("revocable sessions", () => {
  let store: Store;
  let clock: TestClock;
  let send: ReturnType<typeof inProcess>;
  let teamId: string;
  let manager: Person;
  let responder: Person;

  /** An account with a real password, signed into `teamId` with `role`, and a way to sign in as it. */
  async function account(role?: "responder" | "viewer", admin = false) {
    const email = `s-${uid()}@example.com`;
    const userId = cryptoEntropy.id("u-");
    const name = `账号${uid().slice(0, 3)}`;
    await store.createUser(
      { id: userId, email, name, admin, lang: "zh", createdAt: Date.now() },
      { email, userId, passwordHash: await hashPassword(PASSWORD) },
    );
    if (role) await store.putMembership({ teamId, userId, role, name, email, addedAt: Date.now() });
    const login = async (password = PASSWORD) => {
      const res = await send("POST", "/api/auth/login", { body: { email, password } });
      return { status: res.status, cookie: cookieOf(res) };
    };
    return { email, userId, login };
  }

  beforeAll(async () => {
    store = (await freshStore()).store;
    clock = new TestClock();
    send = inProcess(composeApi(store, clock).app);
    const team = await seedTeam(store, RELIABILITY_AUTH, {
      name: "会话组",
      people: [{ role: "manager" }, { role: "responder" }],
    });
    teamId = team.teamId;
    [manager, responder] = team.people as [Person, Person];
  }, 60_000);

  it("refuses a copied cookie once its owner has signed out", async () => {
    const me = await account("responder");
    const { cookie } = await me.login();
    const copy = cookie;
    expect((await send("GET", "/api/auth/me", { cookie: copy })).status).toBe(200);
    const out = await send("POST", "/api/auth/logout", { cookie });
    expect(out.status).toBe(204);
    const stolen = await send("GET", "/api/auth/me", { cookie: copy });
    expect(stolen.status).toBe(401);
    expectErrorShape(stolen);
    expect((await send("GET", `/api/teams/${teamId}`, { cookie: copy })).status).toBe(401);
    // Signing in again works, and the old copy stays dead.
    const again = await me.login();
    expect(again.status).toBe(200);
    expect((await send("GET", "/api/auth/me", { cookie: again.cookie })).status).toBe(200);
    expect((await send("GET", "/api/auth/me", { cookie: copy })).status).toBe(401);
    // A dead copy cannot sign the owner out again (nothing to revoke with it).
    await send("POST", "/api/auth/logout", { cookie: copy });
    expect((await send("GET", "/api/auth/me", { cookie: again.cookie })).status).toBe(200);
  });

  it("ends every other session when the password changes, and keeps the one that changed it", async () => {
    const me = await account("responder");
    const laptop = (await me.login()).cookie;
    const phone = (await me.login()).cookie;
    const wrong = await send("POST", "/api/auth/password", {
      cookie: laptop,
      body: { currentPassword: "not my password", newPassword: "my new and longer password" },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.details[0].path).toBe("currentPassword");
    const weak = await send("POST", "/api/auth/password", {
      cookie: laptop,
      body: { currentPassword: PASSWORD, newPassword: "aaaaaaaaaa" },
    });
    expect(weak.status).toBe(400);
    expect(weak.json.error.details[0].path).toBe("newPassword");
    expect((await send("GET", "/api/auth/me", { cookie: phone })).status).toBe(200);

    const changed = await send("POST", "/api/auth/password", {
      cookie: laptop,
      body: { currentPassword: PASSWORD, newPassword: "my new and longer password" },
    });
    expect(changed.status).toBe(200);
    const fresh = cookieOf(changed);
    expect((await send("GET", "/api/auth/me", { cookie: phone })).status).toBe(401);
    expect((await send("GET", "/api/auth/me", { cookie: laptop })).status).toBe(401);
    expect((await send("GET", "/api/auth/me", { cookie: fresh })).status).toBe(200);
    expect((await me.login(PASSWORD)).status).toBe(401);
    expect((await me.login("my new and longer password")).status).toBe(200);
  });

  it("reads the admin flag from the store: a demoted admin's old cookie creates no team", async () => {
    const admin = await account(undefined, true);
    const { cookie } = await admin.login();
    const before = await send("POST", "/api/teams", { cookie, body: { name: "管理员建的组" } });
    expect(before.status).toBe(201);
    await store.setAdmin(admin.userId, false);
    const after = await send("POST", "/api/teams", { cookie, body: { name: "降级后还想建" } });
    expect(after.status).toBe(403);
    expectErrorShape(after);
    expect((await send("GET", "/api/auth/me", { cookie })).json.admin).toBe(false);
  });

  it("shuts a removed member out of the team on the very next request", async () => {
    const member = await account("responder");
    const { cookie } = await member.login();
    const run = await send("POST", `/api/teams/${teamId}/drills/run-now`, {
      cookie: manager.cookie,
      body: { scenarioId: "competitor-group-raid" },
    });
    const feed = `/api/teams/${teamId}/drills/${run.json.id}/feed?surface=group_chat`;
    expect((await send("GET", feed, { cookie })).status).toBe(200);
    const removed = await send("DELETE", `/api/teams/${teamId}/members/${member.userId}`, {
      cookie: manager.cookie,
    });
    expect(removed.status).toBe(204);
    expect((await send("GET", feed, { cookie })).status).toBe(404);
    expect(
      (
        await send("POST", `/api/teams/${teamId}/drills/${run.json.id}/actions`, {
          cookie,
          body: { action: "escalate", text: "还想操作" },
        })
      ).status,
    ).toBe(404);
    expect((await send("GET", "/api/teams", { cookie })).json.items).toEqual([]);
  });

  describe("a manager's reset link", () => {
    const reset = (memberId: string, cookie = manager.cookie) =>
      send("POST", `/api/teams/${teamId}/members/${memberId}/password-reset`, { cookie });
    const tokenOf = (url: string) => url.split("#")[1] as string;

    it("works once, stores only a hash, ends the member's sessions and signs them in", async () => {
      const member = await account("responder");
      const old = (await member.login()).cookie;
      const earlier = tokenOf((await reset(member.userId)).json.url);
      const issued = await reset(member.userId);
      expect(issued.status).toBe(201);
      expect(issued.json.url).toMatch(/\/reset#/);
      const token = tokenOf(issued.json.url);
      // The table is keyed by the hash: the token itself finds nothing.
      expect(await store.takePasswordReset(token)).toBeNull();

      const weak = await send("POST", "/api/auth/reset-password", {
        body: { token, password: "1234567890" },
      });
      expect(weak.status).toBe(400);
      expect(weak.json.error.details[0]).toEqual(
        expect.objectContaining({ path: "password", zh: expect.any(String) }),
      );
      const used = await send("POST", "/api/auth/reset-password", {
        body: { token, password: "the member's own new password" },
      });
      expect(used.status).toBe(200);
      expect((await send("GET", "/api/auth/me", { cookie: cookieOf(used) })).status).toBe(200);
      expect((await send("GET", "/api/auth/me", { cookie: old })).status).toBe(401);
      expect((await member.login("the member's own new password")).status).toBe(200);
      const twice = await send("POST", "/api/auth/reset-password", {
        body: { token, password: "yet another new password" },
      });
      expect(twice.status).toBe(401);
      expectErrorShape(twice);
      // A link issued before the password changed is void too.
      const stale = await send("POST", "/api/auth/reset-password", {
        body: { token: earlier, password: "yet another new password" },
      });
      expect(stale.status).toBe(401);
    });

    it("expires, and a personal password does not cost the link", async () => {
      const member = await account("viewer");
      const token = tokenOf((await reset(member.userId)).json.url);
      const personal = await send("POST", "/api/auth/reset-password", {
        body: { token, password: `${member.email}` },
      });
      expect(personal.status).toBe(400);
      clock.advance(25 * 3_600_000);
      const late = await send("POST", "/api/auth/reset-password", {
        body: { token, password: "a perfectly fine password" },
      });
      expect(late.status).toBe(401);
      expect(late.json.error.code).toBe("invalid_link");
    });

    it("gives a manager no more than they hold: not for admins, not for people in teams they do not manage", async () => {
      const admin = await account("viewer", true);
      const refusedAdmin = await reset(admin.userId);
      expect(refusedAdmin.status).toBe(403);
      expectErrorShape(refusedAdmin);
      // Someone who manages another team too: that team's manager or an admin resets them.
      const other = await seedTeam(store, RELIABILITY_AUTH, {
        name: "别的组",
        people: [{ role: "manager" }],
      });
      const both = await account("viewer");
      await store.putMembership({
        teamId: other.teamId,
        userId: both.userId,
        role: "manager",
        name: "兼任",
        email: both.email,
        addedAt: Date.now(),
      });
      expect((await reset(both.userId)).status).toBe(403);
      // A responder issues none; a stranger's id is not found.
      expect((await reset(manager.userId, responder.cookie)).status).toBe(403);
      expect((await reset((other.people[0] as Person).userId)).status).toBe(404);
      // Nothing usable was stored along the way: no reset record exists for a refused request.
      expect(await store.takePasswordReset(sha256("x"))).toBeNull();
    });
  });
});
