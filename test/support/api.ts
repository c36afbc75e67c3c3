import { cryptoEntropy } from "../../functions/adapters/system.js";
import { sha256 } from "../../functions/api/auth.js";
import { compose } from "../../functions/api/compose.js";
import type { ChannelSender, Clock, Store } from "../../functions/core/ports.js";
import { builtInScenarios } from "./drills.js";
import { freshStore } from "./store.js";

export const ORIGIN = "http://localhost:8787";
export const SETUP_TOKEN = "test-setup-token-0123456789";
export const PASSWORD = "correct horse battery";

/** A clock that stands still until a test moves it; it starts at the real time so TTLs and tokens behave. */
export class TestClock implements Clock {
  private current = Date.now();
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

export interface Session {
  cookie: string;
  userId: string;
}

export type Api = Awaited<ReturnType<typeof startApi>>;

/** The API over a fresh table in the shared DynamoDB Local, with helpers that speak to it like a browser. */
export async function startApi(options: { store?: Store; channels?: ChannelSender } = {}) {
  const store = options.store ?? (await freshStore()).store;
  const clock = new TestClock();
  const { app, service } = compose({
    store,
    clock,
    entropy: cryptoEntropy,
    catalog: builtInScenarios(),
    auth: {
      sessionKey: "test-session-key-that-is-at-least-32-bytes-long",
      secureCookies: false,
      allowedOrigins: [ORIGIN],
      publicUrl: ORIGIN,
      sessionHours: 12,
    },
    ...(options.channels ? { channels: options.channels } : {}),
  });

  async function call(
    method: string,
    path: string,
    init: { body?: unknown; session?: Session; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...init.headers };
    if (init.session) headers.cookie = init.session.cookie;
    if (init.body !== undefined) headers["content-type"] ??= "application/json";
    const res = await app.request(`${ORIGIN}${path}`, {
      method,
      headers,
      ...(init.body !== undefined
        ? { body: typeof init.body === "string" ? init.body : JSON.stringify(init.body) }
        : {}),
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies freely
    return { status: res.status, json: json as any, text, headers: res.headers };
  }

  const sessionFrom = (res: { headers: Headers; json: { id: string } }): Session => {
    const cookie = res.headers.get("set-cookie")?.split(";")[0];
    if (!cookie) throw new Error("no session cookie");
    return { cookie, userId: res.json.id };
  };

  async function setupManager(email = "manager@example.com", name = "王主管"): Promise<Session> {
    await store.putSetupTokenHash(sha256(SETUP_TOKEN));
    const res = await call("POST", "/api/setup", {
      body: { token: SETUP_TOKEN, email, name, password: PASSWORD },
    });
    if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${res.text}`);
    return sessionFrom(res);
  }

  async function createTeam(manager: Session, name = "青禾学堂运营组") {
    const res = await call("POST", "/api/teams", {
      session: manager,
      body: { name, timezone: "Asia/Shanghai", context: { staff: { zh: "林老师", en: "Ms. Lin" } } },
    });
    if (res.status !== 201) throw new Error(`create team failed: ${res.status} ${res.text}`);
    return res.json.id as string;
  }

  /** Adds a person to a team and signs them in through their invite link. */
  async function addMember(
    manager: Session,
    teamId: string,
    email: string,
    role: string,
    name = email.split("@")[0] ?? email,
  ) {
    const res = await call("POST", `/api/teams/${teamId}/members`, {
      session: manager,
      body: { email, name, role },
    });
    if (res.status !== 201) throw new Error(`add member failed: ${res.status} ${res.text}`);
    if (!res.json.invite) return { userId: res.json.userId as string };
    const token = String(res.json.invite.url).split("#")[1];
    const accepted = await call("POST", "/api/auth/accept-invite", { body: { token, password: PASSWORD } });
    if (accepted.status !== 200) throw new Error(`accept invite failed: ${accepted.status} ${accepted.text}`);
    return sessionFrom(accepted);
  }

  return { app, service, store, clock, call, setupManager, createTeam, addMember };
}

/** Two teams with a manager, a responder and a viewer each. Team B's people are strangers to team A. */
export async function twoTeams(api: Api) {
  const admin = await api.setupManager();
  const teamA = await api.createTeam(admin, "A 组");
  const teamB = await api.createTeam(admin, "B 组");
  const a = {
    teamId: teamA,
    manager: (await api.addMember(admin, teamA, "a.manager@example.com", "manager", "A 主管")) as Session,
    responder: (await api.addMember(
      admin,
      teamA,
      "a.responder@example.com",
      "responder",
      "A 值班",
    )) as Session,
    viewer: (await api.addMember(admin, teamA, "a.viewer@example.com", "viewer", "A 观察")) as Session,
  };
  const b = {
    teamId: teamB,
    manager: (await api.addMember(admin, teamB, "b.manager@example.com", "manager", "B 主管")) as Session,
    responder: (await api.addMember(
      admin,
      teamB,
      "b.responder@example.com",
      "responder",
      "B 值班",
    )) as Session,
  };
  return { admin, a, b };
}
