import { DomainError } from "./errors.js";
import type { Invite, Membership, Role, User } from "./ports.js";

/**
 * Who belongs to a team, and the one rule every change of it obeys: a team always keeps at least one
 * manager. Without one nobody can stop its program, which goes on scheduling drills for people who can
 * no longer pause it. The rule is counted, not checked by reading the member list: the store keeps the
 * number of managers on the team's item and every write that changes it is conditional on that number
 * (see `Store.writeMembership`), so two managers demoting each other at the same moment cannot both win.
 *
 * People join by invitation only. Whether the invited email already has an account is never part of
 * the answer a manager gets (the invite looks the same either way), and an existing account joins only
 * when its owner accepts, under the name they chose for themselves.
 */

/** How many days an invite link stays valid. Adding the same email again re-issues it. */
export const INVITE_DAYS = 7;

/** What a membership change does to the team's manager count: the count the store guards. */
export function managerDelta(from: Role | null, to: Role | null): -1 | 0 | 1 {
  const was = from === "manager";
  const is = to === "manager";
  return was === is ? 0 : is ? 1 : -1;
}

/** The membership someone gets by accepting an invite: the invite's role, their own name. */
export function membershipFromInvite(
  invite: Invite,
  account: { userId: string; name: string },
  now: number,
): Membership {
  return {
    teamId: invite.teamId,
    userId: account.userId,
    role: invite.role,
    name: account.name,
    email: invite.email,
    addedAt: now,
  };
}

/** An invite is live until it expires; a re-issued one replaces it (the older link's id no longer matches). */
export function inviteIsLive(invite: Invite | null, id: string, now: number): invite is Invite {
  return invite !== null && invite.id === id && invite.expiresAt > now;
}

/**
 * An admin's recovery of a team: whatever its managers did, it gets one again. The new manager is a
 * member of the team, or the admin, who then invites the right person; nobody is pulled in from outside
 * this way, so the rule that people join by accepting holds for admins too. Null: nothing to change.
 */
export function recoveryAppointment(input: {
  admin: Pick<User, "id" | "name" | "email">;
  targetUserId: string;
  member: Membership | null;
  teamId: string;
  now: number;
}): Membership | null {
  const { admin, member } = input;
  if (member?.role === "manager") return null;
  if (member) return { ...member, role: "manager" };
  if (input.targetUserId !== admin.id) throw notAMember();
  return {
    teamId: input.teamId,
    userId: admin.id,
    role: "manager",
    name: admin.name,
    email: admin.email,
    addedAt: input.now,
  };
}

// The API speaks English; the web app words each code in zh and en (web/src/i18n.ts).
export const lastManager = () =>
  new DomainError(409, "last_manager", "a team needs at least one manager: make someone else manager first");

export const alreadyMember = (userId: string) =>
  new DomainError(
    409,
    "already_member",
    "this person is already in the team; change their role with PATCH /teams/{teamId}/members/{userId}",
    { userId },
  );

export const notAMember = () =>
  new DomainError(
    409,
    "not_a_member",
    "only a member of the team, or you, can be made its manager: appoint yourself, then invite them",
  );
