import { beforeAll, describe, expect, it } from "vitest";
import { acknowledgeLink, sha256 } from "../../functions/api/auth.js";
import { seedDemo } from "../../functions/local/demo.js";
import { type Api, ORIGIN, PASSWORD, startApi, twoTeams } from "../support/api.js";
import { builtInScenarios } from "../support/drills.js";

type Teams = Awaited<ReturnType<typeof twoTeams>>;

const AUTH = {
  sessionKey: "test-session-key-that-is-at-least-32-bytes-long",
  secureCookies: false,
  allowedOrigins: [ORIGIN],
  publicUrl: ORIGIN,
  sessionHours: 12,
};

describe("sessions and one-click links", () => {
  let api: Api;
  let t: Teams;
  beforeAll(async () => {
    api = await startApi();
    t = await twoTeams(api);
  });

  it("signs in with email and password into an HttpOnly, SameSite session cookie", async () => {
    const res = await api.call("POST", "/api/auth/login", {
      body: { email: "A.Viewer@Example.com", password: PASSWORD },
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^yl_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await api.call("GET", "/api/auth/me", {
      session: { cookie: cookie.split(";")[0] ?? "", userId: res.json.id },
    });
    expect(me.json.teams).toEqual([expect.objectContaining({ role: "viewer", teamId: t.a.teamId })]);
    expect(JSON.stringify(me.json)).not.toMatch(/passwordHash|scrypt/);
  });

  it("refuses a forged session", async () => {
    const forged = "yl_session=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LXgiLCJ0eXAiOiJzZXNzaW9uIn0.bad";
    expect(
      (await api.call("GET", "/api/auth/me", { session: { cookie: forged, userId: "u-x" } })).status,
    ).toBe(401);
  });

  it("acknowledges a page once from its signed link, for that person and drill only", async () => {
    const run = await api.call("POST", `/api/teams/${t.a.teamId}/drills/run-now`, {
      session: t.a.manager,
      body: { scenarioId: "urgent-push-2am" },
    });
    const drillId = run.json.id as string;
    const link = await acknowledgeLink(AUTH, {
      teamId: t.a.teamId,
      drillId,
      userId: t.a.responder.userId,
      jti: "ack-test-1",
      expiresAt: Date.now() + 30 * 60_000,
    });
    const path = new URL(link).pathname;
    // Opening the link (or a chat app previewing it) only shows a confirm button.
    const preview = await api.call("GET", path);
    expect(preview.status).toBe(200);
    expect(preview.text).toContain("【演练 DRILL】");
    expect(preview.text).toContain('method="post"');
    expect((await api.store.getDrill(drillId))?.acknowledgedAt).toBeUndefined();
    const first = await api.call("POST", path);
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ acknowledged: true, drillId, teamId: t.a.teamId });
    expect((await api.call("POST", path)).status).toBe(409);
    const drill = await api.store.getDrill(drillId);
    expect(drill?.acknowledgedBy).toBe(t.a.responder.userId);

    const expired = await acknowledgeLink(AUTH, {
      teamId: t.a.teamId,
      drillId,
      userId: t.a.responder.userId,
      jti: "ack-test-2",
      expiresAt: Date.now() - 1000,
    });
    expect((await api.call("POST", new URL(expired).pathname)).status).toBe(401);
    const forged = await acknowledgeLink(
      { ...AUTH, sessionKey: "another-key-that-is-also-32-bytes-long!!" },
      {
        teamId: t.a.teamId,
        drillId,
        userId: t.a.responder.userId,
        jti: "ack-test-3",
        expiresAt: Date.now() + 60_000,
      },
    );
    expect((await api.call("POST", new URL(forged).pathname)).status).toBe(401);
    // A link naming someone outside the drill's team acknowledges nothing.
    const stranger = await acknowledgeLink(AUTH, {
      teamId: t.a.teamId,
      drillId,
      userId: t.b.responder.userId,
      jti: "ack-test-4",
      expiresAt: Date.now() + 60_000,
    });
    expect((await api.call("POST", new URL(stranger).pathname)).status).toBe(404);
  });

  it("keeps exactly one scorecard when resolve races the closer", async () => {
    for (let round = 0; round < 10; round++) {
      const run = await api.call("POST", `/api/teams/${t.a.teamId}/drills/run-now`, {
        session: t.a.manager,
        body: { scenarioId: "push-503" },
      });
      const drillId = run.json.id as string;
      const [resolved, closed] = await Promise.all([
        api.call("POST", `/api/teams/${t.a.teamId}/drills/${drillId}/resolve`, {
          session: t.a.responder,
          body: { summary: "done" },
        }),
        api.service.close(drillId),
      ]);
      const drill = await api.store.getDrill(drillId);
      const card = await api.store.getScorecard(drillId);
      expect(card).not.toBeNull();
      expect(closed.scorecard?.scoredAt).toBe(card?.scoredAt);
      if (resolved.status === 200) expect(drill?.status).toBe("resolved");
      else expect([resolved.status, drill?.status]).toEqual([409, "timed_out"]);
      const timeline = await api.store.listTimeline(drillId);
      expect(timeline.filter((e) => e.action === "resolve" || e.action === "timed_out")).toHaveLength(1);
    }
  });
});

describe("npm start -- --demo", () => {
  it("seeds two teams with months of scored drills, once", async () => {
    const api = await startApi();
    // The README's invitee (li@example.com) and someone using a demo person's email are here already:
    // the demo starts anyway and leaves both accounts alone.
    for (const [id, email] of [
      ["u-readme-li", "li@example.com"],
      ["u-real-li", "li@demo.example.com"],
    ] as const) {
      await api.store.createUser(
        { id, email, name: "李值班", admin: false, lang: "zh", createdAt: 1 },
        { email, userId: id, passwordHash: "" },
      );
    }
    // A plain `npm start` before left a setup token pending; this start is `--demo`.
    await api.store.putSetupTokenHash(sha256("a setup token nobody will use"));
    expect((await api.call("GET", "/api/setup")).json).toEqual({ needed: true });
    const note = await seedDemo({ store: api.store, service: api.service, catalog: builtInScenarios() });
    expect(note).toMatch(/demo\.manager@example\.com/);
    // The demo manager is the first admin: npm start prints no setup link, and none is left open.
    expect((await api.call("GET", "/api/setup")).json).toEqual({ needed: false });
    expect(note).not.toMatch(/setup/);
    const password = /password (\S+)/.exec(note)?.[1];
    const login = await api.call("POST", "/api/auth/login", {
      body: { email: "demo.manager@example.com", password },
    });
    expect(login.status).toBe(200);
    const session = { cookie: login.headers.get("set-cookie")?.split(";")[0] ?? "", userId: login.json.id };
    const teams = await api.call("GET", "/api/teams", { session });
    expect(teams.json.items).toHaveLength(2);
    const now = new Date();
    const to = now.toISOString().slice(0, 7);
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 4, 1)).toISOString().slice(0, 7);
    for (const team of teams.json.items) {
      const figures = await api.call("GET", `/api/teams/${team.id}/scorecards?from=${from}&to=${to}`, {
        session,
      });
      expect(figures.json.items.length).toBeGreaterThanOrEqual(3);
    }
    // The demo roster holds to today's rules (no loopback without the operator's say): it saves again as it is.
    const qinghe = teams.json.items.find((t: { id: string }) => t.id === "t-demo-qinghe");
    const roster = await api.call("GET", `/api/teams/${qinghe.id}/roster`, { session });
    const resaved = await api.call("PUT", `/api/teams/${qinghe.id}/roster`, {
      session,
      body: {
        primary: { userId: roster.json.primary.userId, channel: roster.json.primary.channel },
        backup: { userId: roster.json.backup.userId, channel: roster.json.backup.channel },
      },
    });
    expect(resaved.status).toBe(200);
    const again = await seedDemo({ store: api.store, service: api.service, catalog: builtInScenarios() });
    expect(again).not.toMatch(/were created/);
  });
});
