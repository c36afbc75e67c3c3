import { beforeEach, describe, expect, it } from "vitest";
import { cryptoEntropy } from "../../functions/adapters/system.js";
import { hashPassword } from "../../functions/api/auth.js";
import { type Api, PASSWORD, type Session, startApi } from "../support/api.js";
import { expectErrorShape } from "../support/http.js";

/**
 * Issue 13, item 1: a team always keeps a manager, people join only by accepting an invite, and an
 * admin can always give a team its manager back. Each adversary below is a manager of the team
 * trying to break that through the API, on the real app over DynamoDB Local.
 */

const tokenOf = (url: string) => String(url).split("#")[1] as string;

describe("a team always keeps a manager (issue 13, item 1)", () => {
  let api: Api;
  let admin: Session;
  let teamId: string;

  const managersOf = async (team: string) =>
    (await api.store.listMembers(team)).filter((m) => m.role === "manager").map((m) => m.userId);
  const members = (team: string, session: Session) =>
    api.call("GET", `/api/teams/${team}/members`, { session });
  const setRole = (team: string, session: Session, userId: string, role: string) =>
    api.call("PATCH", `/api/teams/${team}/members/${userId}`, { session, body: { role } });
  const add = (team: string, session: Session, body: { email: string; name: string; role: string }) =>
    api.call("POST", `/api/teams/${team}/members`, { session, body });

  beforeEach(async () => {
    api = await startApi();
    admin = await api.setupManager("admin@example.com", "管理员");
    teamId = await api.createTeam(admin);
  }, 30_000);

  it("refuses a manager who demotes everyone, then himself, by re-adding them or by changing roles", async () => {
    const boss = (await api.addMember(admin, teamId, "boss@example.com", "manager", "老板")) as Session;
    const deputy = (await api.addMember(admin, teamId, "deputy@example.com", "manager", "副手")) as Session;

    // The old hole: re-adding a member with another role overwrote it, last-manager check or not.
    const readd = await add(teamId, boss, { email: "deputy@example.com", name: "副手", role: "viewer" });
    expect(readd.status).toBe(409);
    expect(readd.json.error.code).toBe("already_member");
    expect((await managersOf(teamId)).sort()).toEqual([admin.userId, boss.userId, deputy.userId].sort());

    // The one path: demote the others, then himself. The last step is refused.
    expect((await setRole(teamId, boss, deputy.userId, "responder")).status).toBe(200);
    expect((await setRole(teamId, boss, admin.userId, "viewer")).status).toBe(200);
    const self = await setRole(teamId, boss, boss.userId, "viewer");
    expect(self.status).toBe(409);
    expectErrorShape(self);
    expect(self.json.error.code).toBe("last_manager");
    const selfByReadd = await add(teamId, boss, { email: "boss@example.com", name: "老板", role: "viewer" });
    expect(selfByReadd.status).toBe(409);
    const leave = await api.call("DELETE", `/api/teams/${teamId}/members/${boss.userId}`, { session: boss });
    expect(leave.status).toBe(409);
    expect(leave.json.error.code).toBe("last_manager");
    expect(await managersOf(teamId)).toEqual([boss.userId]);
    // And the team can still stop its drills: its manager still holds the kill switch.
    const kill = await api.call("POST", `/api/teams/${teamId}/kill-switch`, {
      session: boss,
      body: { reason: "还在" },
    });
    expect(kill.status).toBe(200);
  });

  it("refuses a manager who re-adds an existing member with another role: role and name stay as they were", async () => {
    const responder = (await api.addMember(admin, teamId, "r@example.com", "responder", "小周")) as Session;
    const before = await api.store.getMembership(teamId, responder.userId);
    for (const role of ["manager", "viewer", "responder"]) {
      const res = await add(teamId, admin, { email: "R@Example.com", name: "改名", role });
      expect(res.status, role).toBe(409);
      expectErrorShape(res);
      expect(res.json.error).toMatchObject({ code: "already_member", details: { userId: responder.userId } });
    }
    expect(await api.store.getMembership(teamId, responder.userId)).toEqual(before);
    // The role changes through the one path, under the one rule.
    expect((await setRole(teamId, admin, responder.userId, "viewer")).json).toMatchObject({
      role: "viewer",
      name: "小周",
    });
  });

  it("gives a manager who pulls an outsider's account in under a fake name only an invite, which the owner accepts under their own name", async () => {
    const otherTeam = await api.createTeam(admin, "别的组");
    const outsider = (await api.addMember(
      admin,
      otherTeam,
      "out@example.com",
      "responder",
      "真名",
    )) as Session;
    const manager = (await api.addMember(admin, teamId, "m@example.com", "manager", "主管")) as Session;

    const res = await add(teamId, manager, { email: "out@example.com", name: "冒名顶替", role: "manager" });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ teamId, email: "out@example.com", role: "manager", status: "invited" });
    expect(res.json.userId).toBeUndefined();
    // Not in the team, not under any name, until the owner says so.
    expect(await api.store.getMembership(teamId, outsider.userId)).toBeNull();
    expect((await members(teamId, manager)).json.items.map((m: { email: string }) => m.email)).not.toContain(
      "out@example.com",
    );
    const me = await api.call("GET", "/api/auth/me", { session: outsider });
    expect(me.json.teams.map((t: { teamId: string }) => t.teamId)).toEqual([otherTeam]);

    // The manager holds the link, but not the account's password: the link alone does not let him in.
    const token = tokenOf(res.json.invite.url);
    const forged = await api.call("POST", "/api/auth/accept-invite", {
      body: { token, password: "a password the manager chose", name: "冒名顶替" },
    });
    expect(forged.status).toBe(401);
    expectErrorShape(forged);
    expect(await api.store.getMembership(teamId, outsider.userId)).toBeNull();
    // The account's password was not changed by the attempt.
    expect(
      (await api.call("POST", "/api/auth/login", { body: { email: "out@example.com", password: PASSWORD } }))
        .status,
    ).toBe(200);

    // The owner accepts with their own password; the name they chose stays, whatever the body says.
    const accepted = await api.call("POST", "/api/auth/accept-invite", {
      body: { token, password: PASSWORD, name: "冒名顶替" },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({
      id: outsider.userId,
      name: "真名",
      team: { teamId, role: "manager" },
    });
    expect(await api.store.getMembership(teamId, outsider.userId)).toMatchObject({
      role: "manager",
      name: "真名",
    });
    // Single use: the same link again is refused.
    const again = await api.call("POST", "/api/auth/accept-invite", { body: { token, password: PASSWORD } });
    expect(again.status).toBe(401);
  });

  it("lets no other team's manager take over an account that never chose its password; its own team re-issues the lost link", async () => {
    // Invited the old way into this team: account and membership exist, no password yet.
    const userId = cryptoEntropy.id("u-");
    const email = "pending@example.com";
    await api.store.createUser(
      { id: userId, email, name: "待定", admin: false, lang: "zh", createdAt: Date.now() },
      { email, userId, passwordHash: "" },
    );
    await api.store.putMembership({
      teamId,
      userId,
      role: "responder",
      name: "待定",
      email,
      addedAt: Date.now(),
    });
    const otherTeam = await api.createTeam(admin, "别的组");
    const rival = (await api.addMember(admin, otherTeam, "rival@example.com", "manager", "对手")) as Session;

    const theirs = await add(otherTeam, rival, { email, name: "冒名", role: "manager" });
    expect(theirs.status).toBe(201);
    const takeover = await api.call("POST", "/api/auth/accept-invite", {
      body: { token: tokenOf(theirs.json.invite.url), password: "the rival's chosen password" },
    });
    expect(takeover.status).toBe(401);
    expect((await api.store.getCredential(email))?.passwordHash).toBe("");
    expect(await api.store.getMembership(otherTeam, userId)).toBeNull();

    // Its own team re-issues the link; the role stays what it was (roles change only through PATCH).
    const reissued = await add(teamId, admin, { email, name: "待定", role: "manager" });
    expect(reissued.status).toBe(201);
    expect(reissued.json.role).toBe("responder");
    const accepted = await api.call("POST", "/api/auth/accept-invite", {
      body: { token: tokenOf(reissued.json.invite.url), password: PASSWORD },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.json.team).toEqual({ teamId, role: "responder" });
    expect((await api.call("POST", "/api/auth/login", { body: { email, password: PASSWORD } })).status).toBe(
      200,
    );
    // Now an account with a password: the rival's link needs it.
    const again = await api.call("POST", "/api/auth/accept-invite", {
      body: { token: tokenOf(theirs.json.invite.url), password: "the rival's chosen password" },
    });
    expect(again.status).toBe(401);
    expect(await api.store.getMembership(otherTeam, userId)).toBeNull();
  });

  it("gives whoever holds an invite link for an existing account no more password guesses than sign-in does", async () => {
    await api.addMember(admin, await api.createTeam(admin, "别的组"), "target@example.com", "viewer", "目标");
    const res = await add(teamId, admin, { email: "target@example.com", name: "目标", role: "manager" });
    const token = tokenOf(res.json.invite.url);
    const guesses = [];
    for (let i = 0; i < 9; i++) {
      guesses.push(
        (
          await api.call("POST", "/api/auth/accept-invite", {
            body: { token, password: `guess number ${i}` },
          })
        ).status,
      );
    }
    // The same bucket as sign-in: eight tries in a window, then 429, even for the right password.
    expect(guesses).toEqual([...Array(8).fill(401), 429]);
    const right = await api.call("POST", "/api/auth/accept-invite", { body: { token, password: PASSWORD } });
    expect(right.status).toBe(429);
    api.clock.advance(15 * 60_000);
    expect(
      (await api.call("POST", "/api/auth/accept-invite", { body: { token, password: PASSWORD } })).status,
    ).toBe(200);
  });

  it("lets exactly one of two concurrent demotions of the last two managers land, every time", async () => {
    const other = (await api.addMember(admin, teamId, "other@example.com", "manager", "另一位")) as Session;
    let raced = 0;
    for (let round = 0; round < 12; round++) {
      const [a, b] = await Promise.all([
        setRole(teamId, admin, other.userId, "responder"),
        setRole(teamId, other, admin.userId, "responder"),
      ]);
      // The loser is refused by the count (409), or, if the winner landed before it was let in, by
      // its new role (403). Never both through.
      const statuses = [a.status, b.status].sort();
      if (statuses[1] === 409) raced += 1;
      expect(
        statuses.filter((s) => s === 200),
        `round ${round}: ${statuses}`,
      ).toHaveLength(1);
      expect([403, 409], `round ${round}`).toContain(statuses[1]);
      const survivors = await managersOf(teamId);
      expect(survivors, `round ${round}`).toHaveLength(1);
      // Whoever is left promotes the other back for the next round.
      const survivor = survivors[0] === admin.userId ? admin : other;
      const demoted = survivor === admin ? other : admin;
      expect((await setRole(teamId, survivor, demoted.userId, "manager")).status).toBe(200);
    }
    // Most rounds both got past the role check at once: the count alone kept the team its manager.
    expect(raced).toBeGreaterThan(0);
    // Removals race the same way: of two managers removing each other, one stays.
    const [x, y] = await Promise.all([
      api.call("DELETE", `/api/teams/${teamId}/members/${other.userId}`, { session: admin }),
      api.call("DELETE", `/api/teams/${teamId}/members/${admin.userId}`, { session: other }),
    ]);
    expect([x.status, y.status].filter((s) => s === 204)).toHaveLength(1);
    expect(await managersOf(teamId)).toHaveLength(1);
  }, 60_000);

  it("lets an admin recover a team left without a manager, and nobody else", async () => {
    // A team as the old add-member could leave it: every manager demoted, no count on the team yet.
    const lockedOut = cryptoEntropy.id("t-");
    const now = Date.now();
    const people = ["a", "b"].map((p) => ({
      userId: cryptoEntropy.id("u-"),
      email: `${p}-${lockedOut}@example.com`,
    }));
    for (const p of people) {
      await api.store.createUser(
        { id: p.userId, email: p.email, name: p.email, admin: false, lang: "zh", createdAt: now },
        { email: p.email, userId: p.userId, passwordHash: await hashPassword(PASSWORD) },
      );
    }
    const [first, second] = people as [(typeof people)[0], (typeof people)[0]];
    await api.store.createTeam(
      {
        id: lockedOut,
        name: "锁死的组",
        timezone: "Asia/Shanghai",
        context: {},
        paused: false,
        createdAt: now,
        createdBy: first.userId,
      },
      {
        teamId: lockedOut,
        userId: first.userId,
        role: "responder",
        name: "甲",
        email: first.email,
        addedAt: now,
      },
    );
    await api.store.putMembership({
      teamId: lockedOut,
      userId: second.userId,
      role: "viewer",
      name: "乙",
      email: second.email,
      addedAt: now,
    });
    expect(await managersOf(lockedOut)).toEqual([]);

    const recover = (session: Session, email: string, team = lockedOut) =>
      api.call("POST", `/api/admin/teams/${team}/managers`, { session, body: { email } });
    const login = await api.call("POST", "/api/auth/login", {
      body: { email: first.email, password: PASSWORD },
    });
    const firstSession = {
      cookie: login.headers.get("set-cookie")?.split(";")[0] ?? "",
      userId: first.userId,
    };
    const manager = (await api.addMember(admin, teamId, "mgr@example.com", "manager", "别组主管")) as Session;

    // Not the team's own people, not another team's manager.
    for (const session of [firstSession, manager]) {
      const res = await recover(session, first.email);
      expect(res.status).toBe(403);
      expectErrorShape(res);
    }
    // An admin cannot pull an outsider in this way either: only a member, or the admin.
    const outsider = await recover(admin, "mgr@example.com");
    expect(outsider.status).toBe(409);
    expect(outsider.json.error.code).toBe("not_a_member");
    expect((await recover(admin, first.email, "t-nonexistent")).status).toBe(404);

    // A member is made manager; so may the admin make themself one.
    const promoted = await recover(admin, first.email);
    expect(promoted.status).toBe(200);
    expect(promoted.json).toMatchObject({
      teamId: lockedOut,
      userId: first.userId,
      role: "manager",
      name: "甲",
    });
    const self = await recover(admin, "admin@example.com");
    expect(self.json).toMatchObject({ userId: admin.userId, role: "manager", name: "管理员" });
    expect((await managersOf(lockedOut)).sort()).toEqual([first.userId, admin.userId].sort());

    // The recovered team is counted from here on: its last manager cannot go.
    expect((await setRole(lockedOut, firstSession, admin.userId, "viewer")).status).toBe(200);
    const last = await setRole(lockedOut, firstSession, first.userId, "viewer");
    expect(last.status).toBe(409);
    expect(last.json.error.code).toBe("last_manager");
  });

  it("re-issues a lost invite: the new link works, the lost one and a withdrawn one do not", async () => {
    const first = await add(teamId, admin, { email: "new@example.com", name: "新人", role: "responder" });
    const second = await add(teamId, admin, { email: "new@example.com", name: "新人", role: "responder" });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.json.invite.url).not.toBe(first.json.invite.url);
    const pending = await api.call("GET", `/api/teams/${teamId}/invites`, { session: admin });
    expect(pending.json.items).toHaveLength(1);
    expect(pending.json.items[0]).toMatchObject({ id: second.json.invite.id, email: "new@example.com" });

    const lost = await api.call("POST", "/api/auth/accept-invite", {
      body: { token: tokenOf(first.json.invite.url), password: PASSWORD },
    });
    expect(lost.status).toBe(401);
    expect(lost.json.error.code).toBe("invalid_link");
    const accepted = await api.call("POST", "/api/auth/accept-invite", {
      body: { token: tokenOf(second.json.invite.url), password: PASSWORD, name: "我自己" },
    });
    expect(accepted.status).toBe(200);
    // A new person picks their own name; the manager's was only a suggestion.
    expect(accepted.json).toMatchObject({ name: "我自己", team: { teamId, role: "responder" } });
    expect((await api.call("GET", `/api/teams/${teamId}/invites`, { session: admin })).json.items).toEqual(
      [],
    );

    const withdrawn = await add(teamId, admin, { email: "gone@example.com", name: "走了", role: "viewer" });
    const revoke = await api.call("DELETE", `/api/teams/${teamId}/invites/${withdrawn.json.invite.id}`, {
      session: admin,
    });
    expect(revoke.status).toBe(204);
    const late = await api.call("POST", "/api/auth/accept-invite", {
      body: { token: tokenOf(withdrawn.json.invite.url), password: PASSWORD },
    });
    expect(late.status).toBe(401);
    expect(await api.store.getCredential("gone@example.com")).toBeNull();
  });
});
