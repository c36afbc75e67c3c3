import { randomBytes } from "node:crypto";
import { Agent, request } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { sign } from "hono/jwt";
import { expect } from "vitest";
import { createChannelSender } from "../../functions/adapters/channels/sender.js";
import { cryptoEntropy } from "../../functions/adapters/system.js";
import { type AuthConfig, SESSION_COOKIE } from "../../functions/api/auth.js";
import { compose } from "../../functions/api/compose.js";
import {
  type Clock,
  ConflictError,
  type Membership,
  type Role,
  type Store,
  StoreUnavailableError,
} from "../../functions/core/ports.js";
import { builtInScenarios } from "./drills.js";

/** The real clock, moved forward on demand: responders act at server speed while the scenario has had time to unfold. */
export class ShiftedClock implements Clock {
  private shift = 0;
  now(): number {
    return Date.now() + this.shift;
  }
  advance(ms: number): void {
    this.shift += ms;
  }
}

export const RELIABILITY_AUTH: AuthConfig = {
  sessionKey: "reliability-session-key-0123456789abcdefghij",
  linkKey: "reliability-link-key-0123456789abcdefghijklm",
  secureCookies: false,
  allowedOrigins: ["http://localhost:8787"],
  publicUrl: "http://localhost:8787",
  sessionHours: 12,
};

type FetchApp = { fetch: (request: Request) => Response | Promise<Response> };

/** Serves an app on 127.0.0.1 the way `npm start` does (@hono/node-server), on a free port. */
export async function listen(app: FetchApp): Promise<{ url: string; close: () => Promise<void> }> {
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((done) => {
    if (server.listening) done();
    else server.once("listening", () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        if ("closeAllConnections" in server) server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export interface HttpResult {
  status: number;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies freely
  json: any;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * A keep-alive HTTP client, as a browser or a load tool would be: sockets are reused, so the load
 * measures the server and not connection setup. Every request is bounded by a timeout.
 */
export function httpClient(base: string, options: { sockets?: number; timeoutMs?: number } = {}) {
  const agent = new Agent({ keepAlive: true, maxSockets: options.sockets ?? 64 });
  const timeoutMs = options.timeoutMs ?? 15_000;
  function send(
    method: string,
    path: string,
    init: { body?: unknown; cookie?: string; headers?: Record<string, string> } = {},
  ): Promise<HttpResult> {
    const raw =
      init.body === undefined
        ? undefined
        : typeof init.body === "string"
          ? init.body
          : JSON.stringify(init.body);
    const headers: Record<string, string> = { ...init.headers };
    if (init.cookie) headers.cookie = init.cookie;
    if (raw !== undefined) {
      headers["content-type"] ??= "application/json";
      headers["content-length"] = String(Buffer.byteLength(raw));
    }
    return new Promise((resolve, reject) => {
      const req = request(`${base}${path}`, { method, headers, agent, timeout: timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, text, json, headers: res.headers });
        });
      });
      req.on("timeout", () => req.destroy(new Error(`${method} ${path}: no answer within ${timeoutMs} ms`)));
      req.on("error", reject);
      if (raw !== undefined) req.write(raw);
      req.end();
    });
  }
  return { send, close: () => agent.destroy() };
}

/** The documented error shape: `{ error: { code, message, details? } }` and nothing else at the top. */
export function expectErrorShape(res: { status: number; json: unknown; text: string }, label = ""): void {
  const where = `${label} → ${res.status} ${res.text.slice(0, 200)}`;
  expect(res.json, where).toEqual({
    error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
  });
  const keys = Object.keys((res.json as { error: object }).error).sort();
  expect(
    keys.every((k) => ["code", "details", "message"].includes(k)),
    where,
  ).toBe(true);
}

/** A session cookie for a user, signed as the API signs them; scrypt for hundreds of people would eat the time budget. */
export async function sessionCookie(
  auth: AuthConfig,
  userId: string,
  _name: string,
  sessionVersion = 0,
): Promise<string> {
  const exp = Math.floor(Date.now() / 1000) + auth.sessionHours * 3600;
  // What startSession signs: the account and its session version; name and admin come from the store.
  const token = await sign(
    { sub: userId, ver: sessionVersion, exp, typ: "session" },
    auth.sessionKey,
    "HS256",
  );
  return `${SESSION_COOKIE}=${token}`;
}

/** The API on the shared DynamoDB Local, on a real clock, without the scheduler (tests drive what it would). */
export function composeApi(
  store: Store,
  clock: Clock = new ShiftedClock(),
  auth: AuthConfig = RELIABILITY_AUTH,
) {
  // Pages (the roster's test page) must not leave the machine: every delivery fails, and says so.
  const offline = () => Promise.reject(new Error("the reliability suite sends nothing off the machine"));
  // Names resolve to a public address without asking DNS, so the rules run and nothing leaves the machine.
  const lookup = async () => [{ address: "93.184.215.14", family: 4 as const }];
  const channels = createChannelSender({ retries: 0, fetch: offline, lookup });
  return compose({ store, clock, entropy: cryptoEntropy, catalog: builtInScenarios(), auth, channels });
}

export interface Person {
  userId: string;
  name: string;
  role: Role;
  cookie: string;
}

/** A team and its people written straight into the store: what the API would have made, minus the invites. */
export async function seedTeam(
  store: Store,
  auth: AuthConfig,
  input: { name: string; people: Array<{ role: Role; name?: string }> },
): Promise<{ teamId: string; people: Person[] }> {
  const teamId = cryptoEntropy.id("tm-");
  const now = Date.now();
  const people: Person[] = [];
  const memberships: Membership[] = [];
  for (const [i, p] of input.people.entries()) {
    const userId = cryptoEntropy.id("u-");
    const name = p.name ?? `${p.role}-${i}`;
    const email = `${userId.toLowerCase()}@example.com`;
    memberships.push({ teamId, userId, role: p.role, name, email, addedAt: now });
    people.push({ userId, name, role: p.role, cookie: await sessionCookie(auth, userId, name) });
  }
  // Users are independent items: writing a few at a time keeps a 200-person seed to a second or two.
  await inBatches(memberships, 10, (m) =>
    patiently(() =>
      store.createUser(
        { id: m.userId, email: m.email, name: m.name, admin: false, lang: "zh", createdAt: now },
        { email: m.email, userId: m.userId, passwordHash: "unusable" },
      ),
    ),
  );
  const [first, ...rest] = memberships;
  if (first?.role !== "manager") throw new Error("seedTeam: the first person must be a manager");
  await store.createTeam(
    {
      id: teamId,
      name: input.name,
      timezone: "Asia/Shanghai",
      context: {},
      paused: false,
      createdAt: now,
      createdBy: first.userId,
    },
    first,
  );
  await inBatches(rest, 10, (m) => patiently(() => store.putMembership(m)));
  return { teamId, people };
}

/**
 * Setting the scene must not fail because two busy cores made DynamoDB Local slow for a moment: a
 * write that timed out is tried again, and one that had landed after all (a conflict) counts as done.
 */
async function patiently(write: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      if (attempt > 1 && err instanceof ConflictError) return;
      if (!(err instanceof StoreUnavailableError) || attempt >= 4) throw err;
      await new Promise((done) => setTimeout(done, 500 * attempt));
    }
  }
}

/** Runs `body` with at most `width` at a time: enough to exercise concurrency without drowning two cores. */
export async function inBatches<T, R>(items: readonly T[], width: number, body: (item: T) => Promise<R>) {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) {
    out.push(...(await Promise.all(items.slice(i, i + width).map(body))));
  }
  return out;
}

/** The same calls as `httpClient`, straight into the app: for tests about what happens behind the API, not in front of it. */
export function inProcess(app: {
  request: (url: string, init: RequestInit) => Response | Promise<Response>;
}) {
  return async function send(
    method: string,
    path: string,
    init: { body?: unknown; cookie?: string; headers?: Record<string, string> } = {},
  ): Promise<HttpResult> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.cookie) headers.cookie = init.cookie;
    if (init.body !== undefined) headers["content-type"] ??= "application/json";
    const res = await app.request(`http://localhost:8787${path}`, {
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
    return { status: res.status, text, json, headers: Object.fromEntries(res.headers) };
  };
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
/** A client's idempotency key, as the web app sends with every state change. */
export const requestId = () => `f-${randomBytes(8).toString("hex")}`;

/** Waits until `ready()` holds, checking every 100 ms, and fails after `ms`: nothing here waits forever. */
export async function until(what: string, ms: number, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(100);
  }
}
