import { describe, expect, it } from "vitest";
import { ROLES } from "../../functions/core/ports.js";
import {
  inviteIsLive,
  managerDelta,
  membershipFromInvite,
  recoveryAppointment,
} from "../../functions/core/teams.js";

const invite = {
  teamId: "t-1",
  id: "in-2",
  email: "li@example.com",
  role: "responder" as const,
  name: "经理起的名字",
  invitedBy: "u-boss",
  createdAt: 1_000,
  expiresAt: 2_000,
};

describe("the team's one rule, as the store counts it", () => {
  it("moves the manager count only when someone becomes or stops being a manager", () => {
    const all = [null, ...ROLES] as const;
    for (const from of all) {
      for (const to of all) {
        const expected = from === to ? 0 : to === "manager" ? 1 : from === "manager" ? -1 : 0;
        expect(managerDelta(from, to), `${from} → ${to}`).toBe(expected);
      }
    }
  });

  it("makes the member under their own name, with the invite's role", () => {
    expect(membershipFromInvite(invite, { userId: "u-li", name: "李值班" }, 1_500)).toEqual({
      teamId: "t-1",
      userId: "u-li",
      role: "responder",
      name: "李值班",
      email: "li@example.com",
      addedAt: 1_500,
    });
  });

  it("takes an invite as live only for its latest issue and before it expires", () => {
    expect(inviteIsLive(invite, "in-2", 1_999)).toBe(true);
    expect(inviteIsLive(invite, "in-1", 1_500)).toBe(false);
    expect(inviteIsLive(invite, "in-2", 2_000)).toBe(false);
    expect(inviteIsLive(null, "in-2", 1_500)).toBe(false);
  });

  it("recovers a team through a member or the admin, never an outsider", () => {
    const admin = { id: "u-admin", name: "管理员", email: "admin@example.com" };
    const member = {
      teamId: "t-1",
      userId: "u-li",
      role: "viewer" as const,
      name: "李",
      email: "li@example.com",
      addedAt: 1,
    };
    const base = { admin, teamId: "t-1", now: 5 };
    expect(recoveryAppointment({ ...base, targetUserId: "u-li", member })?.role).toBe("manager");
    expect(
      recoveryAppointment({ ...base, targetUserId: "u-li", member: { ...member, role: "manager" } }),
    ).toBeNull();
    expect(recoveryAppointment({ ...base, targetUserId: "u-admin", member: null })).toMatchObject({
      userId: "u-admin",
      role: "manager",
      name: "管理员",
      addedAt: 5,
    });
    expect(() => recoveryAppointment({ ...base, targetUserId: "u-outsider", member: null })).toThrow(
      /only a member/,
    );
  });
});
