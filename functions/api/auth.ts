import { createHash, randomBytes, scrypt as scryptCallback, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { sign, verify } from "hono/jwt";
import type { Caller } from "../core/drills.js";
import { DomainError } from "../core/errors.js";
import type { Store } from "../core/ports.js";
import type { AppEnv } from "./context.js";
import { VIEWER_ADDRESS_HEADER } from "./security-headers.js";

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32, maxmem: 64 * 1024 * 1024 };

function scrypt(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize("NFKC"), salt, SCRYPT.keylen, SCRYPT, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$salt$hash`, so the cost can be raised later without breaking stored hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt);
  return ["scrypt", SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString("base64url"), key.toString("base64url")].join(
    "$",
  );
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  // An invited account has no password until the invite is accepted. It still costs one full scrypt,
  // against the decoy: answering it at once told a stranger which emails were invited but pending
  // (~13 ms against ~70 ms for a real account).
  const usable = isPasswordHash(stored);
  const [, n, r, p, salt, hash] = (usable ? stored : DECOY_HASH).split("$") as string[];
  const expected = Buffer.from(hash ?? "", "base64url");
  const key = await new Promise<Buffer>((resolve, reject) => {
    scryptCallback(
      password.normalize("NFKC"),
      Buffer.from(salt ?? "", "base64url"),
      expected.length,
      { N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem },
      (err, derived) => (err ? reject(err) : resolve(derived)),
    );
  });
  return usable && key.length === expected.length && timingSafeEqual(key, expected);
}

/** Whether a stored credential holds a password at all (an invited account's is empty until accepted). */
export function isPasswordHash(stored: string): boolean {
  const [kind, n, r, p, salt, hash] = stored.split("$");
  return kind === "scrypt" && [n, r, p].every((x) => Number.isSafeInteger(Number(x))) && !!salt && !!hash;
}

/** A password hash that never matches: spent on unknown emails so timing does not reveal who has an account. */
export const DECOY_HASH = `scrypt$16384$8$1$${Buffer.alloc(16).toString("base64url")}$${Buffer.alloc(32).toString("base64url")}`;

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
export const randomToken = () => randomBytes(24).toString("base64url");

export interface AuthConfig {
  /** HMAC key for sessions; at least 32 bytes. */
  sessionKey: string;
  /**
   * HMAC key for one-click links (acknowledgement, invite); the session key when absent. On AWS it is
   * its own secret, so the notifier, which signs links, can never mint a session.
   */
  linkKey?: string;
  /** Cookies marked Secure (on AWS behind HTTPS); off for http://localhost. */
  secureCookies: boolean;
  /** Origins a browser may send state-changing requests from (the site itself). */
  allowedOrigins: string[];
  /** Where links in pages and invites point. */
  publicUrl: string;
  sessionHours: number;
}

export const SESSION_COOKIE = "yl_session";

/**
 * The cookie names the account and the session version it was issued under, nothing else: the name
 * and the admin flag are read from the store on every request, so a demotion or a rename counts on
 * the next one, and bumping the version (sign-out, a new password) ends every copy of the cookie.
 */
export async function startSession(
  c: Context<AppEnv>,
  config: AuthConfig,
  session: { userId: string; sessionVersion?: number },
): Promise<void> {
  const exp = Math.floor(Date.now() / 1000) + config.sessionHours * 3600;
  const token = await sign(
    { sub: session.userId, ver: session.sessionVersion ?? 0, exp, typ: "session" },
    config.sessionKey,
    "HS256",
  );
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: config.secureCookies,
    path: "/",
    maxAge: config.sessionHours * 3600,
  });
}

export function endSession(c: Context<AppEnv>, config: AuthConfig): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: config.secureCookies });
}

/** The claims of a validly signed, unexpired session cookie; says nothing yet about revocation. */
export async function sessionClaims(
  c: Context<AppEnv>,
  config: AuthConfig,
): Promise<{ userId: string; version: number } | null> {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) return null;
  try {
    const payload = await verify(token, config.sessionKey, "HS256");
    if (payload.typ !== "session" || typeof payload.sub !== "string") return null;
    const version = payload.ver === undefined ? 0 : payload.ver;
    if (typeof version !== "number") return null;
    return { userId: payload.sub, version };
  } catch {
    return null;
  }
}

/** The caller of a session that is still current: the account exists and has not moved its version on. */
export async function readSession(
  c: Context<AppEnv>,
  config: AuthConfig,
  store: Pick<Store, "getUser">,
): Promise<Caller | null> {
  const claims = await sessionClaims(c, config);
  if (!claims) return null;
  const user = await store.getUser(claims.userId);
  if (!user || (user.sessionVersion ?? 0) !== claims.version) return null;
  return { userId: user.id, name: user.name, admin: user.admin === true };
}

/** Every route behind it needs a current session: one profile read per request, by key. */
export function requireSession(config: AuthConfig, store: Pick<Store, "getUser">): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const caller = await readSession(c, config, store);
    if (!caller) throw new DomainError(401, "unauthenticated", "sign in first");
    c.set("caller", caller);
    await next();
  };
}

/**
 * Who is asking, for the per-client sign-in limits. On AWS the request comes through CloudFront,
 * which names the viewer in CloudFront-Viewer-Address (a header CloudFront sets itself); without it,
 * the HTTP API's source address. On `npm start`, the socket's peer. Nothing a client writes in
 * X-Forwarded-For is believed.
 */
export function clientAddress(c: Context): string {
  const env = c.env as
    | {
        incoming?: { socket?: { remoteAddress?: string } };
        requestContext?: { http?: { sourceIp?: string } };
      }
    | undefined;
  if (env?.requestContext) {
    const viewer = c.req.header(VIEWER_ADDRESS_HEADER);
    // "203.0.113.7:4567" or "[2001:db8::1]:4567": the port changes per connection, the address does not.
    if (viewer) return viewer.replace(/:\d+$/, "").replace(/^\[|\]$/g, "");
    return env.requestContext.http?.sourceIp ?? "unknown";
  }
  return env?.incoming?.socket?.remoteAddress ?? "local";
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * CSRF defence for cookie sessions: a browser always names the page a state-changing request
 * comes from (Origin, Sec-Fetch-Site); another site's page is refused. Clients that are not
 * browsers send neither and carry no ambient cookie risk. SameSite=Lax cookies are the second line.
 */
export function csrfGuard(config: AuthConfig): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (UNSAFE.has(c.req.method)) {
      const origin = c.req.header("origin");
      const site = c.req.header("sec-fetch-site");
      const own = new URL(c.req.url).origin;
      if (origin && origin !== own && !config.allowedOrigins.includes(origin)) {
        throw new DomainError(403, "csrf", "cross-site request refused");
      }
      if (!origin && site === "cross-site") throw new DomainError(403, "csrf", "cross-site request refused");
    }
    await next();
  };
}

interface LinkClaims {
  typ: "ack" | "invite";
  jti: string;
  exp: number;
  [key: string]: unknown;
}

/** What signing a link needs: the notifier on AWS holds only these, never the session key. */
export type LinkConfig = Pick<AuthConfig, "publicUrl" | "linkKey"> & { sessionKey?: string };

function linkKeyOf(config: LinkConfig): string {
  const key = config.linkKey ?? config.sessionKey;
  if (!key) throw new Error("no key to sign links with");
  return key;
}

export async function signLink(config: LinkConfig, claims: LinkClaims): Promise<string> {
  return sign(claims, linkKeyOf(config), "HS256");
}

export async function readLink(
  config: AuthConfig,
  token: string,
  typ: LinkClaims["typ"],
): Promise<LinkClaims> {
  try {
    const payload = (await verify(token, linkKeyOf(config), "HS256")) as unknown as LinkClaims;
    if (payload.typ !== typ || typeof payload.jti !== "string") throw new Error("wrong link type");
    return payload;
  } catch {
    throw new DomainError(401, "invalid_link", "the link is invalid or has expired");
  }
}

/** The one-click acknowledgement link a page carries: one drill, one person, expiring, single use. */
export async function acknowledgeLink(
  config: LinkConfig,
  input: { teamId: string; drillId: string; userId: string; jti: string; expiresAt: number },
): Promise<string> {
  const token = await signLink(config, {
    typ: "ack",
    jti: input.jti,
    exp: Math.floor(input.expiresAt / 1000),
    sub: input.userId,
    teamId: input.teamId,
    drillId: input.drillId,
  });
  return `${config.publicUrl}/api/ack/${token}`;
}

/**
 * An invite link: one team, one email, one issue of the invite (`inviteId`; a re-issue makes older
 * links worthless). A new person chooses their password with it; someone with an account signs in with theirs.
 */
export async function inviteLink(
  config: AuthConfig,
  input: { email: string; jti: string; expiresAt: number; teamId?: string; inviteId?: string },
) {
  const token = await signLink(config, {
    typ: "invite",
    jti: input.jti,
    exp: Math.floor(input.expiresAt / 1000),
    email: input.email,
    ...(input.teamId && input.inviteId ? { teamId: input.teamId, inviteId: input.inviteId } : {}),
  });
  return { token, url: `${config.publicUrl}/invite#${token}` };
}
