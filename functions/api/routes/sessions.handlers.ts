import type { RouteHandler } from "@hono/zod-openapi";
import { DomainError, forbidden, invalid, notFound } from "../../core/errors.js";
import { checkNewPassword } from "../../core/passwords.js";
import type { User } from "../../core/ports.js";
import { hashPassword, randomToken, sha256, startSession, verifyPassword } from "../auth.js";
import type { AppDeps, AppEnv } from "../context.js";
import type * as routes from "./sessions.routes.js";

/** Long enough to reach a person who is away for a day, short enough that a forgotten link dies soon. */
export const RESET_HOURS = 24;

const publicUser = (u: User) => ({ id: u.id, email: u.email, name: u.name, admin: u.admin, lang: u.lang });

const badLink = () => new DomainError(401, "invalid_link", "the reset link is invalid, used or expired");

/** Password change and reset (issue 13, item 4): each one ends every session the account had. */
export function sessionHandlers(deps: AppDeps) {
  const { store, clock, auth, service, signIn, clientOf } = deps;

  const changePassword: RouteHandler<typeof routes.changePassword, AppEnv> = async (c) => {
    const { currentPassword, newPassword } = c.req.valid("json");
    const user = await store.getUser(c.get("caller").userId);
    if (!user) throw new DomainError(401, "unauthenticated", "the account no longer exists");
    // The same limits as sign-in: a stolen cookie must not become a way to guess the password.
    const admission = await signIn.admit(user.email, clientOf(c));
    const credential = await store.getCredential(user.email);
    const ok =
      credential?.userId === user.id &&
      (await signIn.check(() => verifyPassword(currentPassword, credential.passwordHash)));
    if (!ok) {
      throw invalid("the current password is wrong", [
        { path: "currentPassword", message: "wrong password", zh: "当前密码不对" },
      ]);
    }
    await signIn.succeeded(admission);
    if (newPassword === currentPassword) {
      throw invalid("the new password is the current one", [
        {
          path: "newPassword",
          message: "choose a password other than the current one",
          zh: "新密码不能和当前密码相同",
        },
      ]);
    }
    checkNewPassword(newPassword, [user.email, user.name], "newPassword");
    const version = await store.replacePassword(user.id, user.email, await hashPassword(newPassword));
    // Every other session (a phone left signed in, a copied cookie) ends; this browser carries on.
    await startSession(c, auth, { userId: user.id, sessionVersion: version });
    return c.json(publicUser(user), 200);
  };

  const issueReset: RouteHandler<typeof routes.issueReset, AppEnv> = async (c) => {
    const { teamId, userId } = c.req.valid("param");
    const caller = c.get("caller");
    const [, member, target, theirTeams, myTeams] = await Promise.all([
      service.access(caller, teamId, "manageTeam"),
      store.getMembership(teamId, userId),
      store.getUser(userId),
      store.listMemberships(userId),
      store.listMemberships(caller.userId),
    ]);
    if (!member || !target) throw notFound("member");
    // A reset link is the account itself: it must never give a manager more than they already hold.
    // So an admin's password is reset by an admin only, and someone who also belongs to a team the
    // caller does not manage (where they may be a manager) only by that team's manager or an admin.
    if (target.admin && !caller.admin) throw forbidden("only an admin can reset an admin's password");
    const managed = new Set(myTeams.filter((m) => m.role === "manager").map((m) => m.teamId));
    managed.add(teamId);
    if (!caller.admin && theirTeams.some((m) => !managed.has(m.teamId))) {
      throw forbidden(
        "this person is also in a team you do not manage; its manager or an admin can reset it",
      );
    }
    const token = randomToken();
    const expiresAt = clock.now() + RESET_HOURS * 3_600_000;
    // Only the hash is stored: someone reading the table (or a backup of it) holds no usable link.
    await store.putPasswordReset({
      tokenHash: sha256(token),
      userId,
      email: target.email,
      expiresAt,
      issuedBy: caller.userId,
      teamId,
      sessionVersion: target.sessionVersion ?? 0,
    });
    return c.json({ userId, url: `${auth.publicUrl}/reset#${token}`, expiresAt }, 201);
  };

  const redeemReset: RouteHandler<typeof routes.redeemReset, AppEnv> = async (c) => {
    const { token, password } = c.req.valid("json");
    // Taking it deletes it: two uses at once find one link between them.
    const reset = await store.takePasswordReset(sha256(token));
    if (!reset || reset.expiresAt <= clock.now()) throw badLink();
    const user = await store.getUser(reset.userId);
    // A link from before the last password change (another reset used, the member changed it) is void.
    if (!user || user.email !== reset.email || (user.sessionVersion ?? 0) !== reset.sessionVersion)
      throw badLink();
    try {
      checkNewPassword(password, [user.email, user.name]);
    } catch (err) {
      // A password refused for being personal should not cost the person their link.
      await store.putPasswordReset(reset);
      throw err;
    }
    const version = await store.replacePassword(user.id, user.email, await hashPassword(password));
    await startSession(c, auth, { userId: user.id, sessionVersion: version });
    return c.json(publicUser(user), 200);
  };

  return { changePassword, issueReset, redeemReset };
}
