import { describe, expect, it } from "vitest";
import { groupMembers, sandbox, unknownTargets } from "../../functions/core/feed.js";
import { generate } from "../../functions/core/generator.js";
import type { TimelineRecord } from "../../functions/core/ports.js";
import { scenario, T0 } from "../support/drills.js";

const incident = generate(scenario("competitor-group-raid"), 42, { timezone: "Asia/Shanghai" });
const END = Math.max(...incident.items.map((i) => i.at));
const raiders = incident.people.filter((p) => p.role === "raider");

const removal = (ids: string[], seconds: number): TimelineRecord => ({
  id: `tl-${seconds}`,
  drillId: "dr-1",
  at: T0 + seconds * 1000,
  actor: "u-1",
  actorName: "值班",
  action: "remove_member",
  targets: ids,
});

describe("the group chat's member list", () => {
  it("holds staff and members who were there, then every revealed join; never the client", () => {
    const start = groupMembers(incident, T0, T0, []);
    const end = groupMembers(incident, T0, T0 + END * 1000, []);
    const client = incident.people.find((p) => p.role === "client");
    for (const list of [start, end]) {
      expect(list.items.some((m) => m.id === client?.id)).toBe(false);
      expect(list.items.filter((m) => m.staff).length).toBeGreaterThanOrEqual(1);
      expect(list.count).toBe(list.items.length);
    }
    // Raiders join during the drill: none at the start, all of them (posted or not) by the end.
    const joined = incident.items.filter((i) => i.kind === "join" && i.at > 0).map((i) => i.authorId);
    expect(joined.length).toBeGreaterThan(0);
    for (const id of joined) {
      expect(start.items.some((m) => m.id === id)).toBe(false);
      const member = end.items.find((m) => m.id === id);
      expect(member?.joinedAt).toBeGreaterThan(T0);
    }
    for (const r of raiders) expect(end.items.some((m) => m.id === r.id)).toBe(true);
    expect(start.items.every((m) => m.joinedAt === null || m.joinedAt <= T0)).toBe(true);
  });

  it("counts down as the team removes members, and the chat shows a notice at each removal", () => {
    const [first, second] = raiders;
    if (!first || !second) throw new Error("the raid needs two raiders");
    const timeline = [removal([first.id], END + 10), removal([second.id, first.id], END + 20)];
    const now = T0 + (END + 30) * 1000;
    const before = groupMembers(incident, T0, T0 + (END + 5) * 1000, timeline);
    const after = groupMembers(incident, T0, now, timeline);
    expect(after.count).toBe(before.count - 2);
    expect(after.items.find((m) => m.id === first.id)?.removed).toBe(true);

    const page = sandbox(incident, T0, now, timeline, { surface: "group_chat", limit: 10_000 });
    const notices = page.items.filter((i) => i.id.startsWith("rm-"));
    expect(notices.map((n) => n.id)).toEqual([`rm-${first.id}`, `rm-${second.id}`]);
    expect(notices[0]?.kind).toBe("notice");
    expect(notices[0]?.at).toBe(T0 + (END + 10) * 1000);
    expect(notices[0]?.text.zh).toBe(`“${first.name.zh}”已被移出群聊`);
    expect(notices[0]?.text.en).toBe(`"${first.name.en}" was removed from the group`);
    // The notices come last: after everything that was in the chat when they were removed.
    expect(page.items.slice(-2).map((i) => i.id)).toEqual(notices.map((n) => n.id));
    // Not yet removed, no notice; a poller with the last cursor still gets them.
    expect(
      sandbox(incident, T0, T0 + (END + 5) * 1000, timeline, { limit: 10_000 }).items.some((i) =>
        i.id.startsWith("rm-"),
      ),
    ).toBe(false);
    const polled = sandbox(incident, T0, now, timeline, {
      surface: "group_chat",
      after: page.cursor,
      limit: 100,
    });
    expect(polled.items.map((i) => i.id)).toEqual(notices.map((n) => n.id));
    // Other surfaces carry no removal notices.
    expect(
      sandbox(incident, T0, now, timeline, { surface: "articles", limit: 10_000 }).items.some((i) =>
        i.id.startsWith("rm-"),
      ),
    ).toBe(false);
  });

  it("refuses removal notices as targets of a flag or an action", () => {
    const [first] = raiders;
    if (!first) throw new Error("no raider");
    expect(unknownTargets(incident, [`rm-${first.id}`, first.id], END)).toEqual([`rm-${first.id}`]);
  });

  it("carries the 公众号 list's meta for articles when the generator gives it", () => {
    const articles = sandbox(incident, T0, T0 + END * 1000, [], { surface: "articles", limit: 10_000 }).items;
    for (const a of articles) {
      const source = incident.items.find((i) => i.id === a.id);
      expect(a.article).toEqual(source?.article);
    }
  });
});
