import type { RouteHandler } from "@hono/zod-openapi";
import { DomainError } from "../../core/errors.js";
import { checkNewPassword } from "../../core/passwords.js";
import type { User } from "../../core/ports.js";
import { inviteIsLive, membershipFromInvite } from "../../core/teams.js";
import {
  DECOY_HASH,
  endSession,
  hashPassword,
  isPasswordHash,
  readLink,
  sessionClaims,
  sha256,
  startSession,
  verifyPassword,
} from "../auth.js";
import type { AppDeps, AppEnv } from "../context.js";
import type * as routes from "./system.routes.js";

const publicUser = (u: User) => ({ id: u.id, email: u.email, name: u.name, admin: u.admin, lang: u.lang });

export function systemHandlers(deps: AppDeps) {
  const { store, clock, entropy, auth, signIn, clientOf } = deps;

  const health: RouteHandler<typeof routes.health, AppEnv> = async (c) => {
    await store.ping();
    return c.json({ ok: true as const, store: "reachable" as const }, 200);
  };

  const setupStatus: RouteHandler<typeof routes.setupStatus, AppEnv> = async (c) => {
    const setup = await store.getSetupTokenHash();
    return c.json({ needed: setup !== null && !setup.used }, 200);
  };

  const setup: RouteHandler<typeof routes.setup, AppEnv> = async (c) => {
    const input = c.req.valid("json");
    checkNewPassword(input.password, [input.email, input.name]);
    const stored = await store.getSetupTokenHash();
    const tokenHash = sha256(input.token);
    if (!stored || stored.used || stored.tokenHash !== tokenHash) {
      throw new DomainError(401, "invalid_setup_token", "the setup token is wrong or has been used");
    }
    const user: User = {
      id: entropy.id("u-"),
      email: input.email,
      name: input.name,
      admin: true,
      lang: input.lang,
      createdAt: clock.now(),
    };
    await store.completeSetup(tokenHash, user, {
      email: input.email,
      userId: user.id,
      passwordHash: await hashPassword(input.password),
    });
    await startSession(c, auth, { userId: user.id });
    return c.json(publicUser(user), 201);
  };

  const login: RouteHandler<typeof routes.login, AppEnv> = async (c) => {
    const { email, password } = c.req.valid("json");
    // Counted before any work, so a burst cannot slip past; over a limit, nothing is hashed.
    const admission = await signIn.admit(email, clientOf(c));
    const credential = await store.getCredential(email);
    // Unknown emails cost the same scrypt as known ones, so timing does not tell them apart.
    const ok = await signIn.check(() => verifyPassword(password, credential?.passwordHash ?? DECOY_HASH));
    const user = ok && credential ? await store.getUser(credential.userId) : null;
    if (!user) throw new DomainError(401, "invalid_credentials", "wrong email or password");
    await signIn.succeeded(admission);
    await startSession(c, auth, { userId: user.id, sessionVersion: user.sessionVersion });
    return c.json(publicUser(user), 200);
  };

  const logout: RouteHandler<typeof routes.logout, AppEnv> = async (c) => {
    // Clearing the cookie is not enough: a copy of it would still work. Moving the account's session
    // version on ends every session, this one and any copy. A stale cookie moves nothing, so holding
    // an old copy is no way to keep signing the owner out.
    const claims = await sessionClaims(c, auth);
    if (claims) {
      const user = await store.getUser(claims.userId);
      if (user && (user.sessionVersion ?? 0) === claims.version) await store.bumpSessionVersion(user.id);
    }
    endSession(c, auth);
    return c.body(null, 204);
  };

  const me: RouteHandler<typeof routes.me, AppEnv> = async (c) => {
    const caller = c.get("caller");
    const [user, memberships] = await Promise.all([
      store.getUser(caller.userId),
      store.listMemberships(caller.userId),
    ]);
    if (!user) throw new DomainError(401, "unauthenticated", "the account no longer exists");
    const teams = await Promise.all(memberships.map((m) => store.getTeam(m.teamId)));
    return c.json(
      {
        ...publicUser(user),
        teams: memberships.map((m, i) => ({
          teamId: m.teamId,
          name: teams[i]?.name ?? m.teamId,
          role: m.role,
        })),
      },
      200,
    );
  };

  const acceptInvite: RouteHandler<typeof routes.acceptInvite, AppEnv> = async (c) => {
    const { token, password, name } = c.req.valid("json");
    const claims = await readLink(auth, token, "invite");
    const email = String(claims.email);
    const teamId = typeof claims.teamId === "string" ? claims.teamId : undefined;
    const inviteId = typeof claims.inviteId === "string" ? claims.inviteId : undefined;
    if (!teamId || !inviteId) return acceptLegacyInvite(c, claims, email, password);
    const now = clock.now();
    const [invite, credential] = await Promise.all([
      store.getInvite(teamId, email),
      store.getCredential(email),
    ]);
    if (!inviteIsLive(invite, inviteId, now)) {
      throw new DomainError(
        401,
        "invalid_link",
        "this invite was used, withdrawn or replaced by a newer one; ask your manager to invite you again",
      );
    }
    let user: User | null;
    if (credential && isPasswordHash(credential.passwordHash)) {
      // An account of its own: its owner proves it, and joins under the name they chose. Whoever
      // holds the link (the inviting manager does) gets no more guesses at the password than sign-in gives.
      const admission = await signIn.admit(email, clientOf(c));
      const hash = credential.passwordHash;
      if (!(await signIn.check(() => verifyPassword(password, hash)))) {
        throw new DomainError(
          401,
          "invalid_credentials",
          "wrong password for the account this invite is for",
        );
      }
      await signIn.succeeded(admission);
      user = await store.getUser(credential.userId);
    } else {
      checkNewPassword(password, [email, name ?? invite.name]);
      if (credential) {
        // Invited before invites waited for acceptance: the account exists, its password does not yet.
        // Whoever chooses it owns the account, so only the team that made the account may hand that
        // choice out; another team's manager inviting the same email must not be able to take it over.
        const memberships = await store.listMemberships(credential.userId);
        if (memberships.some((m) => m.teamId !== teamId)) {
          throw new DomainError(
            401,
            "invalid_link",
            "this account is waiting for its first invite from another team: accept that one first",
          );
        }
        await store.setPasswordHash(email, await hashPassword(password));
        user = await store.getUser(credential.userId);
        const already = memberships.find((m) => m.teamId === teamId);
        if (user && already) {
          // Already in the team from the old invite: this link only lets them choose the password.
          await store.deleteInvite(teamId, email);
          await startSession(c, auth, { userId: user.id, sessionVersion: user.sessionVersion });
          return c.json({ ...publicUser(user), team: { teamId, role: already.role } }, 200);
        }
      } else {
        user = {
          id: entropy.id("u-"),
          email,
          name: name ?? invite.name,
          admin: false,
          lang: "zh",
          createdAt: now,
        };
        await store.createUser(user, { email, userId: user.id, passwordHash: await hashPassword(password) });
      }
    }
    if (!user) throw new DomainError(401, "invalid_link", "the invite no longer matches an account");
    const membership = membershipFromInvite(invite, { userId: user.id, name: user.name }, now);
    // Spends the invite in the same transaction: of two clicks on one link, one joins.
    await store.writeMembership({
      teamId,
      userId: user.id,
      from: null,
      to: membership,
      invite: { email, id: inviteId },
    });
    await startSession(c, auth, { userId: user.id, sessionVersion: user.sessionVersion });
    return c.json({ ...publicUser(user), team: { teamId, role: membership.role } }, 200);
  };

  /** A link issued before invites named their team: the account and membership exist, the password does not. */
  const acceptLegacyInvite = async (
    c: Parameters<RouteHandler<typeof routes.acceptInvite, AppEnv>>[0],
    claims: { jti: string; exp: number },
    email: string,
    password: string,
  ) => {
    const credential = await store.getCredential(email);
    if (!credential || isPasswordHash(credential.passwordHash)) {
      throw new DomainError(401, "invalid_link", "this invite link has been used already");
    }
    checkNewPassword(password, [email]);
    if (!(await store.spendToken(`invite:${claims.jti}`, claims.exp))) {
      throw new DomainError(401, "invalid_link", "this invite link has been used already");
    }
    await store.setPasswordHash(email, await hashPassword(password));
    const user = await store.getUser(credential.userId);
    if (!user) throw new DomainError(401, "invalid_link", "the invite no longer matches an account");
    await startSession(c, auth, { userId: user.id, sessionVersion: user.sessionVersion });
    return c.json(publicUser(user), 200);
  };

  const confirmAcknowledgement: RouteHandler<typeof routes.confirmAcknowledgement, AppEnv> = async (c) => {
    // No state changes on GET: messengers fetch links to preview them, and must not acknowledge.
    const action = `${auth.publicUrl}/api/ack/${encodeURIComponent(c.req.valid("param").token)}`;
    return c.html(
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>【演练 DRILL】确认收到 · Acknowledge</title></head><body style="font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem"><h1>【演练 DRILL】</h1><p>这是一次演练呼叫。点击下方按钮，确认你已收到。</p><p lang="en">This is a drill page. Press the button to acknowledge it.</p><form method="post" action="${action}"><button type="submit" style="font-size:1.2rem;padding:.8rem 1.6rem">确认收到 · Acknowledge</button></form></body></html>`,
      200,
    );
  };

  const acknowledgeLink: RouteHandler<typeof routes.acknowledgeLink, AppEnv> = async (c) => {
    const claims = await readLink(auth, c.req.valid("param").token, "ack");
    const teamId = String(claims.teamId);
    const drillId = String(claims.drillId);
    const userId = String(claims.sub);
    // Spending the token alongside the membership read keeps the request within three round trips;
    // a link for someone outside the team is worthless either way.
    const [membership, fresh] = await Promise.all([
      store.getMembership(teamId, userId),
      store.spendToken(`ack:${claims.jti}`, claims.exp),
    ]);
    if (!membership) throw new DomainError(404, "not_found", "drill not found");
    if (!fresh) throw new DomainError(409, "link_used", "this acknowledgement link has been used already");
    await deps.service.acknowledge({ userId, name: membership.name, admin: false }, teamId, drillId);
    return c.json({ acknowledged: true as const, drillId, teamId }, 200);
  };

  return {
    health,
    setupStatus,
    setup,
    login,
    logout,
    me,
    acceptInvite,
    confirmAcknowledgement,
    acknowledgeLink,
  };
}
