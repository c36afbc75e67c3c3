import { describe, expect, it } from "vitest";
import type { TeamMonthFigures } from "../../functions/core/aggregate.js";
import { figuresOf, scenariosOverRange, series, slaOverRange, toMinutes } from "../../web/src/figures.js";
import { sinceInjection, stepBars } from "../../web/src/report.js";
import { addMonths, monthOf, monthRange } from "../../web/src/team-month.js";
import { countNew, ITEM_ACTIONS, ownMessages, TEXT_ACTIONS, targetsFor } from "../../web/src/war-room.js";

const spread = (median: number | null, p90: number | null) => ({ median, p90, missing: 0 });
function month(m: string, patch: Partial<TeamMonthFigures> = {}): TeamMonthFigures {
  return {
    teamId: "t-1",
    month: m,
    count: 2,
    practice: 0,
    averageScore: 80,
    passRate: 0.5,
    timeToAcknowledge: spread(null, null),
    timeToDetect: spread(120, 300),
    timeToResolve: spread(900, 1800),
    sla: {},
    scenarios: {},
    responders: [],
    ...patch,
  };
}

describe("scorecard figures in the browser", () => {
  it("lines a trend up month by month, with gaps where a month had no drill", () => {
    const figures = [month("2026-09"), month("2026-11", { timeToDetect: spread(60, 90) })];
    expect(series(figures, "2026-09", "2026-12", (f) => toMinutes(f.timeToDetect.median))).toEqual([
      2,
      null,
      1,
      null,
    ]);
  });

  it("sums SLA attainment per step over the range before taking the rate", () => {
    const figures = [
      month("2026-10", { sla: { notify_client: { drills: 1, met: 1, rate: 1 } } }),
      month("2026-11", {
        sla: { notify_client: { drills: 3, met: 0, rate: 0 }, send_plan: { drills: 2, met: 1, rate: 0.5 } },
      }),
    ];
    expect(slaOverRange(figures)).toEqual([
      ["notify_client", { drills: 4, met: 1, rate: 0.25 }],
      ["send_plan", { drills: 2, met: 1, rate: 0.5 }],
    ]);
  });

  it("weights per-scenario results by drill count", () => {
    const figures = [
      month("2026-10", { scenarios: { raid: { count: 1, averageScore: 100, passRate: 1 } } }),
      month("2026-11", { scenarios: { raid: { count: 3, averageScore: 60, passRate: 0 } } }),
    ];
    expect(scenariosOverRange(figures)).toEqual([
      { scenarioId: "raid", count: 4, averageScore: 70, passRate: 0.25 },
    ]);
  });

  it("reads JSON figures and ignores a CSV body", () => {
    expect(figuresOf({ items: [month("2026-11")] })).toHaveLength(1);
    expect(figuresOf("team,month\r\n")).toEqual([]);
  });
});

describe("months in the team's timezone", () => {
  it("files an instant under the team's local month", () => {
    const lateUtc = Date.UTC(2026, 10, 30, 17, 0); // 01:00 on 1 December in Shanghai
    expect(monthOf(lateUtc, "Asia/Shanghai")).toBe("2026-12");
    expect(monthOf(lateUtc, "America/New_York")).toBe("2026-11");
  });

  it("steps across years", () => {
    expect(addMonths("2026-11", 3)).toBe("2027-02");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(monthRange("2026-11", "2027-01")).toEqual(["2026-11", "2026-12", "2027-01"]);
    expect(monthRange("2026-11", "2026-10")).toEqual([]);
  });
});

describe("the report", () => {
  it("charts each step in minutes against its target, a missed step as null", () => {
    const label = { zh: "踢人", en: "Remove" };
    const step = { label, action: "remove_member" as const, required: true, weight: 25, by: null, points: 0 };
    const bars = stepBars(
      {
        steps: [
          { ...step, id: "a", targetSeconds: 600, doneAt: 450, metTarget: true },
          { ...step, id: "b", targetSeconds: 900, doneAt: null, metTarget: false },
        ],
      },
      (l) => l.en,
    );
    expect(bars).toEqual([
      { id: "a", label: "Remove", target: 10, actual: 7.5, met: true },
      { id: "b", label: "Remove", target: 15, actual: null, met: false },
    ]);
  });

  it("times timeline entries from the injection", () => {
    expect(sinceInjection(1_000_000 + 754_000, 1_000_000)).toBe("+12:34");
    expect(sinceInjection(1_000_000 + 3_661_000, 1_000_000)).toBe("+1:01:01");
    expect(sinceInjection(1_000_000 - 30_000, 1_000_000)).toBe("−00:30");
  });
});

describe("the war room's actions", () => {
  it("removes the author of an item, and acts on the item otherwise", () => {
    const item = { id: "i-1", author: { id: "p-9" } };
    expect(targetsFor("remove_member", item)).toEqual(["p-9"]);
    expect(targetsFor("remove_member", { id: "i-2" })).toEqual([]);
    expect(targetsFor("delete_post", item)).toEqual(["i-1"]);
  });

  it("offers flagging everywhere and asks for words where an action carries them", () => {
    for (const actions of Object.values(ITEM_ACTIONS)) expect(actions).toContain("flag");
    expect(TEXT_ACTIONS.has("post_announcement")).toBe(true);
    expect(TEXT_ACTIONS.has("remove_member")).toBe(false);
  });

  it("counts what arrived since a surface was last looked at", () => {
    expect(countNew(new Set(), [{ id: "a" }])).toBe(0);
    expect(countNew(new Set(["a"]), [{ id: "a" }, { id: "b" }, { id: "c" }])).toBe(2);
  });

  it("puts the team's own words on the surface they belong to", () => {
    const entry = { actorName: "王主管", at: 1 };
    const own = ownMessages(
      [
        { ...entry, id: "e1", action: "post_announcement", text: "官方老师只有林老师" },
        { ...entry, id: "e2", action: "reply", text: "已处理", targets: ["c-1"] },
        { ...entry, id: "e3", action: "notify_client", text: "已告知" },
        { ...entry, id: "e4", action: "remove_member", targets: ["p-1"] },
        { ...entry, id: "e5", action: "flag", text: "", targets: ["c-1"] },
      ],
      (id) => (id === "c-1" ? "comments" : undefined),
    );
    expect(own.get("group_chat")?.map((m) => m.id)).toEqual(["e1"]);
    expect(own.get("comments")?.map((m) => m.id)).toEqual(["e2"]);
    expect(own.get("client_dm")?.map((m) => m.text)).toEqual(["已告知"]);
    expect([...own.keys()].sort()).toEqual(["client_dm", "comments", "group_chat"]);
  });
});
