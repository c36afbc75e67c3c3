import type { RouteHandler } from "@hono/zod-openapi";
import { DomainError, forbidden, invalid } from "../../core/errors.js";
import { DRILL_MARKER } from "../../core/notifier.js";
import type { Contact, Membership, Roster, Team } from "../../core/ports.js";
import { inviteLink } from "../auth.js";
import type { AppDeps, AppEnv } from "../context.js";
import type * as routes from "./teams.routes.js";

const INVITE_DAYS = 7;

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
    const [, credential] = await Promise.all([
      service.access(c.get("caller"), teamId, "manageTeam"),
      store.getCredential(input.email),
    ]);
    const now = clock.now();
    let userId = credential?.userId;
    let invite: { url: string; expiresAt: number } | undefined;
    if (!userId) {
      // No default password: the account cannot sign in until the invite sets one.
      userId = entropy.id("u-");
      await store.createUser(
        { id: userId, email: input.email, name: input.name, admin: false, lang: "zh", createdAt: now },
        { email: input.email, userId, passwordHash: "" },
      );
      const expiresAt = now + INVITE_DAYS * 86_400_000;
      invite = {
        url: (await inviteLink(auth, { email: input.email, jti: entropy.id("in-"), expiresAt })).url,
        expiresAt,
      };
    }
    const membership: Membership = {
      teamId,
      userId,
      role: input.role,
      name: input.name,
      email: input.email,
      addedAt: now,
    };
    await store.putMembership(membership);
    return c.json({ ...membership, ...(invite ? { invite } : {}) }, 201);
  };

  const managersLeft = async (teamId: string, without: string) =>
    (await store.listMembers(teamId)).filter((m) => m.role === "manager" && m.userId !== without).length;

  const updateMember: RouteHandler<typeof routes.updateMember, AppEnv> = async (c) => {
    const { teamId, userId } = c.req.valid("param");
    const { role } = c.req.valid("json");
    const [, member] = await Promise.all([
      service.access(c.get("caller"), teamId, "manageTeam"),
      store.getMembership(teamId, userId),
    ]);
    if (!member) throw new DomainError(404, "not_found", "member not found");
    if (member.role === "manager" && role !== "manager" && (await managersLeft(teamId, userId)) === 0) {
      throw new DomainError(409, "last_manager", "a team needs at least one manager");
    }
    const updated = { ...member, role };
    await store.putMembership(updated);
    return c.json(updated, 200);
  };

  const removeMember: RouteHandler<typeof routes.removeMember, AppEnv> = async (c) => {
    const { teamId, userId } = c.req.valid("param");
    const [, member] = await Promise.all([
      service.access(c.get("caller"), teamId, "manageTeam"),
      store.getMembership(teamId, userId),
    ]);
    if (!member) throw new DomainError(404, "not_found", "member not found");
    if (member.role === "manager" && (await managersLeft(teamId, userId)) === 0) {
      throw new DomainError(409, "last_manager", "a team needs at least one manager");
    }
    await store.removeMembership(teamId, userId);
    return c.body(null, 204);
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
    updateMember,
    removeMember,
    getRoster,
    putRoster,
  };
}
