import type { RouteHandler } from "@hono/zod-openapi";
import { DomainError, forbidden, invalid } from "../../core/errors.js";
import { DRILL_MARKER } from "../../core/notifier.js";
import type { Contact, Invite, Membership, Roster, Team } from "../../core/ports.js";
import { alreadyMember, INVITE_DAYS, recoveryAppointment } from "../../core/teams.js";
import { inviteLink, isPasswordHash } from "../auth.js";
import type { AppDeps, AppEnv } from "../context.js";
import type * as routes from "./teams.routes.js";

const TEST_PAGE = {
  title: { zh: "测试呼叫", en: "Test page" },
  text: {
    zh: "这是一条值班呼叫测试，用来确认这个渠道能收到演练通知。无需处理，也无需确认。",
    en: "This is an on-call test page, to check this channel receives drill pages. Nothing to do, nothing to acknowledge.",
  },
} as const;

/** Webhook URLs are secrets: show enough to recognise one, never enough to use it. */
export function maskTarget(target: string): string {
  try {
    const url = new URL(target);
    return `${url.protocol}//${url.host}/…${target.slice(-4)}`;
  } catch {
    return "…";
  }
}

const contactView = (c?: Contact) =>
  c
    ? {
        userId: c.userId,
        name: c.name,
        channel: c.channel,
        target: maskTarget(c.target),
        hasSecret: Boolean(c.secret),
      }
    : undefined;

export const rosterView = (teamId: string, r: Roster | null) => ({
  teamId,
  ...(r?.primary ? { primary: contactView(r.primary) } : {}),
  ...(r?.backup ? { backup: contactView(r.backup) } : {}),
  ...(r?.managers ? { managers: contactView(r.managers) } : {}),
  ...(r ? { updatedAt: r.updatedAt } : {}),
});

const teamView = (t: Team, role?: Membership["role"]) => ({
  id: t.id,
  name: t.name,
  timezone: t.timezone,
  context: t.context,
  paused: t.paused,
  createdAt: t.createdAt,
  ...(role ? { role } : {}),
});

export function teamHandlers(deps: AppDeps) {
  const { store, service, clock, entropy, auth, channels } = deps;

  const listTeams: RouteHandler<typeof routes.listTeams, AppEnv> = async (c) => {
    const memberships = await store.listMemberships(c.get("caller").userId);
    const teams = await Promise.all(memberships.map((m) => store.getTeam(m.teamId)));
    const items = teams.flatMap((t, i) => (t ? [teamView(t, memberships[i]?.role)] : []));
    return c.json({ items }, 200);
  };

  const createTeam: RouteHandler<typeof routes.createTeam, AppEnv> = async (c) => {
    const caller = c.get("caller");
    if (!caller.admin) throw forbidden("only an admin can create teams");
    const input = c.req.valid("json");
    const user = await store.getUser(caller.userId);
    if (!user) throw new DomainError(401, "unauthenticated", "the account no longer exists");
    const now = clock.now();
    const team: Team = {
      id: entropy.id("t-"),
      name: input.name,
      timezone: input.timezone,
      context: input.context,
      paused: false,
      createdAt: now,
      createdBy: caller.userId,
    };
    await store.createTeam(team, {
      teamId: team.id,
      userId: user.id,
      role: "manager",
      name: user.name,
      email: user.email,
      addedAt: now,
    });
    return c.json(teamView(team, "manager"), 201);
  };

  const getTeam: RouteHandler<typeof routes.getTeam, AppEnv> = async (c) => {
    const { team, membership } = await service.team(c.get("caller"), c.req.valid("param").teamId);
    return c.json(teamView(team, membership.role), 200);
  };

  const updateTeam: RouteHandler<typeof routes.updateTeam, AppEnv> = async (c) => {
    const { teamId } = c.req.valid("param");
    const membership = await service.access(c.get("caller"), teamId, "manageTeam");
    const team = await store.updateTeam(teamId, c.req.valid("json"));
    return c.json(teamView(team, membership.role), 200);
  };

  const listMembers: RouteHandler<typeof routes.listMembers, AppEnv> = async (c) => {
    const { teamId } = c.req.valid("param");
    await service.access(c.get("caller"), teamId, "readTeam");
    return c.json({ items: await store.listMembers(teamId) }, 200);
  };

  const addMember: RouteHandler<typeof routes.addMember, AppEnv> = async (c) => {
    const { teamId } = c.req.valid("param");
    const input = c.req.valid("json");
    const caller = c.get("caller");
    // Nothing here looks at accounts: the answer and its cost are the same whether the email has one.
    const [, members] = await Promise.all([
      service.access(caller, teamId, "manageTeam"),
      store.listMembers(teamId),
    ]);
    const member = members.find((m) => m.email.toLowerCase() === input.email);
    if (member) {
      // A member from before invites waited for acceptance who never chose a password: their lost link
      // is re-issued (the member list already shows them, so this tells the manager nothing new).
      const credential = await store.getCredential(member.email);
      if (!credential || isPasswordHash(credential.passwordHash)) throw alreadyMember(member.userId);
    }
    const now = clock.now();
    const invite: Invite = {
      teamId,
      id: entropy.id("in-"),
      email: input.email,
      // Roles change only through PATCH: a re-issued link keeps the member's.
      role: member?.role ?? input.role,
      name: input.name,
      invitedBy: caller.userId,
      createdAt: now,
      expiresAt: now + INVITE_DAYS * 86_400_000,
    };
    // One invite per email: this replaces a lost one, whose link names the old id and stops working.
    await store.putInvite(invite);
    const { url } = await inviteLink(auth, {
      email: invite.email,
      jti: invite.id,
      expiresAt: invite.expiresAt,
      teamId,
      inviteId: invite.id,
    });
    return c.json(
      {
        teamId,
        email: invite.email,
        role: invite.role,
        status: "invited" as const,
        invite: { id: invite.id, url, expiresAt: invite.expiresAt },
      },
      201,
    );
  };

  const listInvites: RouteHandler<typeof routes.listInvites, AppEnv> = async (c) => {
    const { teamId } = c.req.valid("param");
    const [, invites] = await Promise.all([
      service.access(c.get("caller"), teamId, "manageTeam"),
      store.listInvites(teamId),
    ]);
    const now = clock.now();
    return c.json({ items: invites.filter((i) => i.expiresAt > now) }, 200);
  };

  const revokeInvite: RouteHandler<typeof routes.revokeInvite, AppEnv> = async (c) => {
    const { teamId, inviteId } = c.req.valid("param");
    const [, invites] = await Promise.all([
      service.access(c.get("caller"), teamId, "manageTeam"),
      store.listInvites(teamId),
    ]);
    const invite = invites.find((i) => i.id === inviteId);
    if (!invite) throw new DomainError(404, "not_found", "invite not found");
    await store.deleteInvite(teamId, invite.email);
    return c.body(null, 204);
  };

  // Role changes and removals are conditional on the role the manager saw and on the team's manager
  // count (Store.writeMembership): the last manager cannot be demoted or removed, even by a race.
  const updateMember: RouteHandler<typeof routes.updateMember, AppEnv> = async (c) => {
    const { teamId, userId } = c.req.valid("param");
    const { role } = c.req.valid("json");
    const [, member] = await Promise.all([
      service.access(c.get("caller"), teamId, "manageTeam"),
      store.getMembership(teamId, userId),
    ]);
    if (!member) throw new DomainError(404, "not_found", "member not found");
    const updated = { ...member, role };
    if (member.role !== role) await store.writeMembership({ teamId, userId, from: member.role, to: updated });
    return c.json(updated, 200);
  };

  const removeMember: RouteHandler<typeof routes.removeMember, AppEnv> = async (c) => {
    const { teamId, userId } = c.req.valid("param");
    const [, member] = await Promise.all([
      service.access(c.get("caller"), teamId, "manageTeam"),
      store.getMembership(teamId, userId),
    ]);
    if (!member) throw new DomainError(404, "not_found", "member not found");
    await store.writeMembership({ teamId, userId, from: member.role, to: null });
    return c.body(null, 204);
  };

  /**
   * However a team's managers left it (all demoted, all gone), an admin can give it one again: a member
   * of the team, or the admin, who then invites the right person. Nobody else is pulled in this way.
   */
  const appointManager: RouteHandler<typeof routes.appointManager, AppEnv> = async (c) => {
    const { teamId } = c.req.valid("param");
    const { email } = c.req.valid("json");
    const caller = c.get("caller");
    const admin = await store.getUser(caller.userId);
    if (!admin?.admin) throw forbidden("only an admin can recover a team");
    const [team, credential] = await Promise.all([store.getTeam(teamId), store.getCredential(email)]);
    if (!team) throw new DomainError(404, "not_found", "team not found");
    if (!credential) throw new DomainError(404, "not_found", "no account has this email");
    const member = await store.getMembership(teamId, credential.userId);
    const manager = recoveryAppointment({
      admin,
      targetUserId: credential.userId,
      member,
      teamId,
      now: clock.now(),
    });
    if (!manager) return c.json(member as Membership, 200);
    await store.writeMembership({ teamId, userId: manager.userId, from: member?.role ?? null, to: manager });
    return c.json(manager, 200);
  };

  const getRoster: RouteHandler<typeof routes.getRoster, AppEnv> = async (c) => {
    const { teamId } = c.req.valid("param");
    const [, roster] = await Promise.all([
      service.access(c.get("caller"), teamId, "readTeam"),
      store.getRoster(teamId),
    ]);
    return c.json(rosterView(teamId, roster), 200);
  };

  const putRoster: RouteHandler<typeof routes.putRoster, AppEnv> = async (c) => {
    const { teamId } = c.req.valid("param");
    const input = c.req.valid("json");
    const caller = c.get("caller");
    const [, members, stored] = await Promise.all([
      service.access(caller, teamId, "manageTeam"),
      store.listMembers(teamId),
      store.getRoster(teamId),
    ]);
    const toContact = (slot: "primary" | "backup" | "managers"): Contact | undefined => {
      const contact = input[slot];
      if (!contact) return undefined;
      const member = members.find((m) => m.userId === contact.userId);
      // The managers' rung is reached through a manager; the others through someone who can respond.
      const fits = slot === "managers" ? member?.role === "manager" : member && member.role !== "viewer";
      if (!member || !fits) {
        throw invalid("the on-call person must be a manager or responder of this team", [
          {
            path: `${slot}.userId`,
            message: slot === "managers" ? "not a manager of this team" : "not a responder of this team",
          },
        ]);
      }
      if (contact.target) {
        const { target, secret } = contact;
        // The same rules the sender applies before each page: a vendor channel reaches only its vendor,
        // and no webhook names a private, loopback, link-local or metadata address.
        const refused = channels.vet({ channel: contact.channel, target });
        if (refused) {
          throw invalid("the webhook URL is not allowed", [
            { path: `${slot}.target`, message: refused.reason, code: refused.code },
          ]);
        }
        return {
          userId: contact.userId,
          channel: contact.channel,
          target,
          name: member.name,
          ...(secret ? { secret } : {}),
        };
      }
      // The API only ever shows a masked URL, so an edit that leaves it out keeps the stored one, as long
      // as it still reaches the same person on the same channel.
      const kept = [stored?.primary, stored?.backup, stored?.managers].find(
        (c) => c?.userId === contact.userId && c.channel === contact.channel,
      );
      if (!kept) {
        throw invalid("a new on-call contact needs its webhook URL", [
          { path: `${slot}.target`, message: "required for a new person or channel" },
        ]);
      }
      // A stored URL is held to today's rules too, and a kept URL cannot move to another vendor's channel.
      const refused = channels.vet({ channel: contact.channel, target: kept.target });
      if (refused) {
        throw invalid("the stored webhook URL is no longer allowed; enter a new one", [
          { path: `${slot}.target`, message: refused.reason, code: refused.code },
        ]);
      }
      const secret = contact.secret ?? kept.secret;
      return {
        userId: contact.userId,
        channel: contact.channel,
        target: kept.target,
        name: member.name,
        ...(secret ? { secret } : {}),
      };
    };
    const primary = toContact("primary");
    const backup = toContact("backup");
    const managers = toContact("managers");
    const roster: Roster = {
      teamId,
      ...(primary ? { primary } : {}),
      ...(backup ? { backup } : {}),
      ...(managers ? { managers } : {}),
      updatedAt: clock.now(),
      updatedBy: caller.userId,
    };
    await store.putRoster(roster);
    return c.json(rosterView(teamId, roster), 200);
  };

  const testPage: RouteHandler<typeof routes.testPage, AppEnv> = async (c) => {
    const { teamId } = c.req.valid("param");
    const caller = c.get("caller");
    const [, roster, user] = await Promise.all([
      service.access(caller, teamId, "manageTeam"),
      store.getRoster(teamId),
      store.getUser(caller.userId),
    ]);
    const lang = user?.lang ?? "zh";
    const slots = (["primary", "backup", "managers"] as const).flatMap((slot) => {
      const contact = roster?.[slot];
      return contact ? [{ slot, contact }] : [];
    });
    // In parallel: a slow channel (the sender retries with backoff) must not hold the others back.
    const results = await Promise.all(
      slots.map(async ({ slot, contact }) => {
        const delivery = await channels.send(contact, {
          drillId: "test-page",
          teamId,
          lang,
          title: `${DRILL_MARKER}${TEST_PAGE.title[lang]}`,
          text: TEST_PAGE.text[lang],
          // Nothing to acknowledge: the link opens the team's page in the web app.
          ackUrl: `${auth.publicUrl}/teams/${teamId}`,
          recipientName: contact.name,
        });
        // The verdict and its code, never the sender's `error`: what a receiver answered, or how a
        // connection failed, is a reading of someone else's service, and this page is not its window.
        return {
          slot,
          userId: contact.userId,
          name: contact.name,
          channel: contact.channel,
          target: maskTarget(contact.target),
          ok: delivery.ok,
          outcome: delivery.outcome,
          ...(delivery.code ? { code: delivery.code } : {}),
          ...(delivery.status !== undefined && delivery.outcome !== "refused"
            ? { status: delivery.status }
            : {}),
          ...(delivery.vendorCode !== undefined ? { vendorCode: delivery.vendorCode } : {}),
          attempts: delivery.attempts,
          durationMs: delivery.durationMs,
        };
      }),
    );
    return c.json({ results }, 200);
  };

  return {
    testPage,
    listTeams,
    createTeam,
    getTeam,
    updateTeam,
    listMembers,
    addMember,
    listInvites,
    revokeInvite,
    appointManager,
    updateMember,
    removeMember,
    getRoster,
    putRoster,
  };
}
