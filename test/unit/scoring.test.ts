import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generate } from "../../functions/core/generator.js";
import type { Rubric } from "../../functions/core/incident.js";
import {
  claimsOf,
  commonKeywords,
  FALSE_CLAIM_ALLOWANCE,
  gradeFor,
  score,
  stepPoints,
  type TimelineEntry,
} from "../../functions/core/scoring.js";
import { at, entryFor, HEADLINE_IDS, scenario, step, T0, timelineFor } from "../support/drills.js";

const MIN = 60;

describe("stepPoints", () => {
  it("gives full points up to the target and falls linearly to zero at decay × target", () => {
    expect(stepPoints(20, 900, 3, 0)).toBe(20);
    expect(stepPoints(20, 900, 3, 900)).toBe(20);
    expect(stepPoints(20, 900, 3, 1800)).toBe(10);
    expect(stepPoints(20, 900, 3, 2700)).toBe(0);
    expect(stepPoints(20, 900, 3, 9999)).toBe(0);
    expect(stepPoints(20, 900, 2, 1350)).toBe(10);
    expect(stepPoints(20, 900, 3, null)).toBe(0);
  });

  it("grades A to F on 90/80/70/60", () => {
    expect([95, 90, 89.99, 80, 79, 70, 65, 60, 59.9, 0].map(gradeFor)).toEqual([
      "A",
      "A",
      "B",
      "B",
      "C",
      "C",
      "D",
      "D",
      "F",
      "F",
    ]);
  });
});

describe("competitor-group-raid, worked by hand", () => {
  const incident = generate(scenario("competitor-group-raid"), 42);
  const rubric = incident.rubric;
  const onTime = {
    "flag-raid": 5 * MIN,
    "remove-raiders": 10 * MIN,
    "name-real-staff": 15 * MIN,
    "reassure-rules": 20 * MIN,
    "blacklist-card": 30 * MIN,
  };
  const lookalikes = rubric.harmful.find((h) => h.id === "kick-real-member")?.target?.ids ?? [];

  it("scores 100 when every required step lands exactly on its target (optional ones are a bonus)", () => {
    const card = score(rubric, { injectedAt: T0, entries: timelineFor(rubric, onTime) });
    expect(card.possible).toBe(90);
    expect(card.total).toBe(100);
    expect(card.grade).toBe("A");
    expect(card.passed).toBe(true);
    expect(card.steps.every((s) => s.required === false || s.metTarget)).toBe(true);
    expect(card.timeToDetect).toBe(300);
    expect(card.detectedBy).toBe("responder-a");
  });

  it("misses the target one second past it, and starts to lose points", () => {
    const card = score(rubric, {
      injectedAt: T0,
      entries: timelineFor(rubric, { ...onTime, "remove-raiders": 10 * MIN + 1 }),
    });
    const removal = card.steps.find((s) => s.id === "remove-raiders");
    expect(removal?.metTarget).toBe(false);
    expect(removal?.doneAt).toBe(601);
    // 25 × (1800 − 601) / (1800 − 600)
    expect(removal?.points).toBe(24.98);
    expect(card.total).toBe(99.98);
  });

  it("counts removal of all raiders only when the last one is out", () => {
    const removal = step(rubric, "remove-raiders");
    const ids = removal.target?.ids ?? [];
    const half = Math.floor(ids.length / 2);
    const entries: TimelineEntry[] = [
      ...timelineFor(rubric, { "flag-raid": 60 }),
      { at: at(200), actor: "a", action: "remove_member", targets: ids.slice(0, half) },
      { at: at(700), actor: "b", action: "remove_member", targets: ids.slice(half) },
      { at: at(800), actor: "b", action: "remove_member", targets: ids.slice(half) },
    ];
    const card = score(rubric, { injectedAt: T0, entries });
    const result = card.steps.find((s) => s.id === "remove-raiders");
    expect(result?.doneAt).toBe(700);
    expect(result?.by).toBe("b");
    // 25 × (1800 − 700) / 1200
    expect(result?.points).toBe(22.92);
  });

  it("gives nothing for a missed step, and a drill with a missed required step does not pass", () => {
    const { "reassure-rules": _, ...rest } = onTime;
    const card = score(rubric, { injectedAt: T0, entries: timelineFor(rubric, rest) });
    expect(card.steps.find((s) => s.id === "reassure-rules")?.points).toBe(0);
    expect(card.total).toBe(83.33);
    expect(card.grade).toBe("B");
    expect(card.missedRequired).toEqual(["reassure-rules"]);
    expect(card.passed).toBe(false);
  });

  it("costs 15 points per real student kicked, however many times they are kicked", () => {
    const kick = (seconds: number, who: string[]): TimelineEntry => ({
      at: at(seconds),
      actor: "c",
      action: "remove_member",
      targets: who,
    });
    const base = timelineFor(rubric, onTime);
    const once = score(rubric, {
      injectedAt: T0,
      entries: [...base, kick(400, [lookalikes[0]!]), kick(500, [lookalikes[0]!])],
    });
    expect(once.total).toBe(85);
    expect(once.penalties).toEqual([
      expect.objectContaining({ id: "kick-real-member", count: 1, points: 15 }),
    ]);
    const both = score(rubric, { injectedAt: T0, entries: [...base, kick(400, lookalikes)] });
    expect(both.total).toBe(70);
    expect(both.grade).toBe("C");
  });

  it("only accepts an announcement that names the real staff", () => {
    const staffName = (incident.params.staff as { zh: string }).zh;
    const post = (text: string): TimelineEntry => ({
      at: at(120),
      actor: "a",
      action: "post_announcement",
      text,
    });
    const vague = score(rubric, { injectedAt: T0, entries: [post("大家注意，不要乱加好友")] });
    expect(vague.steps.find((s) => s.id === "name-real-staff")?.doneAt).toBeNull();
    const named = score(rubric, {
      injectedAt: T0,
      entries: [post(`本群官方老师只有 ${staffName}，其他都不是`)],
    });
    expect(named.steps.find((s) => s.id === "name-real-staff")?.doneAt).toBe(120);
  });
});

describe("sensitive-word-post, worked by hand", () => {
  const incident = generate(scenario("sensitive-word-post"), 8);
  const rubric = incident.rubric;
  const word = (incident.params.word as { zh: string }).zh;

  it("counts taking the offending article down as finding it, timed from the injection", () => {
    const takeDown = step(rubric, "take-down");
    const card = score(rubric, { injectedAt: T0, entries: [entryFor(takeDown, 120)] });
    expect(card.timeToDetect).toBe(120);
    expect(card.steps.find((s) => s.id === "take-down")).toMatchObject({
      doneAt: 120,
      metTarget: true,
      points: 25,
    });
  });

  it("counts a repeated action once", () => {
    const notify = step(rubric, "notify-client");
    const entries = [entryFor(notify, 600), entryFor(notify, 700), entryFor(notify, 800)];
    const card = score(rubric, { injectedAt: T0, entries });
    expect(card.steps.find((s) => s.id === "notify-client")).toMatchObject({ doneAt: 600, points: 20 });
    expect(card.earned).toBe(20);
  });

  it("does not accept a republished version that still carries the word, even spaced out or full-width", () => {
    for (const dirty of [
      `全新版本：${word}`,
      `全新版本：${[...word].join(" ")}`,
      `全新版本：${word.normalize("NFKC").replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))}`,
    ]) {
      const card = score(rubric, {
        injectedAt: T0,
        entries: [{ at: at(1200), actor: "a", action: "republish", text: dirty }],
      });
      expect(card.steps.find((s) => s.id === "republish-clean")?.doneAt, dirty).toBeNull();
      expect(
        card.penalties.map((p) => p.id),
        dirty,
      ).toEqual(["republish-still-dirty"]);
    }
    const clean = score(rubric, {
      injectedAt: T0,
      entries: [{ at: at(1200), actor: "a", action: "republish", text: "改过的版本，已删除违规表述" }],
    });
    expect(clean.steps.find((s) => s.id === "republish-clean")?.doneAt).toBe(1200);
    expect(clean.penalties).toEqual([]);
  });

  it("ignores what happens after the timeout", () => {
    const card = score(rubric, {
      injectedAt: T0,
      entries: [entryFor(step(rubric, "take-down"), 2 * 3600 + 1)],
    });
    expect(card.steps.find((s) => s.id === "take-down")?.doneAt).toBeNull();
  });

  it("counts flags on ordinary items as false flags, without a penalty", () => {
    const noise = incident.items
      .filter((it) => "noise" in it.origin)
      .slice(0, 2)
      .map((it) => it.id);
    const card = score(rubric, {
      injectedAt: T0,
      entries: [{ at: at(30), actor: "a", action: "flag", targets: noise }],
    });
    expect(card.falseFlags).toBe(2);
    expect(card.timeToDetect).toBeNull();
    expect(card.penaltyPoints).toBe(0);
  });
});

describe("urgent-push-2am, worked by hand", () => {
  const rubric = generate(scenario("urgent-push-2am"), 5).rubric;

  it("times the acknowledgement and the golden 15 minutes to the second", () => {
    const when = {
      "acknowledge-page": 299,
      "flag-request": 600,
      "answer-client": 15 * MIN,
      "send-plan": 30 * MIN + 1,
      "push-article": 60 * MIN,
    };
    const card = score(rubric, { injectedAt: T0, entries: timelineFor(rubric, when) });
    expect(card.timeToAcknowledge).toBe(299);
    expect(card.steps.find((s) => s.id === "answer-client")).toMatchObject({ metTarget: true, points: 25 });
    // 20 × (5400 − 1801) / 3600
    expect(card.steps.find((s) => s.id === "send-plan")).toMatchObject({ metTarget: false, points: 19.99 });
    expect(card.total).toBe(99.99);
  });

  it("halves the points of a client who hears back after 30 minutes instead of 15", () => {
    const card = score(rubric, {
      injectedAt: T0,
      entries: timelineFor(rubric, { "answer-client": 30 * MIN }),
    });
    expect(card.steps.find((s) => s.id === "answer-client")?.points).toBe(12.5);
  });

  it("explains itself in both languages", () => {
    const card = score(rubric, {
      injectedAt: T0,
      entries: timelineFor(rubric, { "acknowledge-page": 90, "answer-client": 16 * MIN }),
    });
    expect(card.breakdown.zh[0]).toBe("呼叫确认：1分30秒（responder-a）");
    expect(card.breakdown.en[0]).toBe("Page acknowledged after 1m 30s (responder-a)");
    expect(card.breakdown.zh.join("\n")).toContain("16分钟完成，目标 15分钟内，超时");
    expect(card.breakdown.en.join("\n")).toContain("done after 16m, target 15m, late");
    expect(card.breakdown.zh.at(-1)).toMatch(/^总分 .+，未通过/);
  });

  it("costs 25 points for pushing the wrong article", () => {
    const wrong = rubric.harmful.find((h) => h.id === "push-wrong-article")?.target?.ids[0] as string;
    const card = score(rubric, {
      injectedAt: T0,
      entries: [{ at: at(600), actor: "a", action: "republish", targets: [wrong] }],
    });
    expect(card.penaltyPoints).toBe(25);
    expect(card.total).toBe(0);
  });
});

/** Random timelines over the rubric's own actions, targets and words, so they hit steps often. */
function timelineArb(rubric: Rubric) {
  const actions = [
    ...new Set([
      ...rubric.steps.map((s) => s.action),
      ...rubric.harmful.map((h) => h.action),
      "resolve" as const,
    ]),
  ];
  const ids = [...new Set([...rubric.steps, ...rubric.harmful].flatMap((s) => s.target?.ids ?? []))];
  const words = [...new Set([...rubric.steps, ...rubric.harmful].flatMap((s) => s.containsAny ?? [])), "ok"];
  const entry = fc.record({
    at: fc.integer({ min: 0, max: Math.round(rubric.timeoutSeconds * 1.2) }).map(at),
    actor: fc.constantFrom("a", "b", "c"),
    action: fc.constantFrom(...actions),
    targets: fc.subarray(ids, { maxLength: Math.min(40, ids.length) }).map((list) => [...list]),
    text: fc.constantFrom(...words),
  });
  return fc.array(entry, { maxLength: 25 });
}

describe.each(HEADLINE_IDS)("scoring properties (%s)", (id) => {
  const rubric = generate(scenario(id), 1234).rubric;
  const total = (entries: TimelineEntry[]) => score(rubric, { injectedAt: T0, entries }).total;

  it("always scores within 0–100", () => {
    fc.assert(
      fc.property(timelineArb(rubric), (entries) => {
        const t = total(entries);
        return t >= 0 && t <= 100;
      }),
      { numRuns: 300 },
    );
  });

  it("never scores lower when someone acts earlier", () => {
    fc.assert(
      fc.property(timelineArb(rubric), fc.nat(), fc.integer({ min: 1, max: 7200 }), (entries, pick, by) => {
        fc.pre(entries.length > 0);
        const i = pick % entries.length;
        // A false claim moved before the right ones may rightly delay detection: not "acting earlier".
        fc.pre(claimsOf(rubric, entries[i] as TimelineEntry).wrong.length === 0);
        const moved = entries.map((e, j) => (j === i ? { ...e, at: Math.max(T0, e.at - by * 1000) } : e));
        return total(moved) >= total(entries);
      }),
      { numRuns: 300 },
    );
  });

  it("never scores higher when a harmful action is added", () => {
    const stepTargets = new Set(rubric.steps.flatMap((s) => s.target?.ids ?? []));
    const harms = rubric.harmful.map(
      (h): TimelineEntry => ({
        at: at(60),
        actor: "x",
        action: h.action,
        targets: (h.target?.ids ?? []).filter((t) => !stepTargets.has(t)).slice(0, 1),
        text: h.containsAny?.[0] ?? "",
      }),
    );
    fc.pre(harms.length > 0);
    fc.assert(
      fc.property(
        timelineArb(rubric),
        fc.constantFrom(...harms),
        (entries, harm) => total([...entries, harm]) <= total(entries),
      ),
      {
        numRuns: 300,
      },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(timelineArb(rubric), (entries) => {
        const once = JSON.stringify(score(rubric, { injectedAt: T0, entries }));
        return once === JSON.stringify(score(rubric, { injectedAt: T0, entries: structuredClone(entries) }));
      }),
      { numRuns: 100 },
    );
  });
});

describe("detection, judged on everything the team has claimed so far", () => {
  const incident = generate(scenario("competitor-group-raid"), 42);
  const rubric = incident.rubric;
  const noise = incident.items.filter((it) => "noise" in it.origin);
  const noiseIds = noise.map((it) => it.id);
  const card = rubric.detection.itemIds[0] as string;
  const flagOne = (id: string, seconds: number): TimelineEntry => ({
    at: at(seconds),
    actor: "a",
    action: "flag",
    targets: [id],
  });
  const flagStep = (c: ReturnType<typeof score>) => c.steps.find((s) => s.id === "flag-raid");

  it("does not detect when one flag names everything in sight", () => {
    const scattershot = score(rubric, {
      injectedAt: T0,
      entries: [{ at: at(60), actor: "a", action: "flag", targets: [card, ...noiseIds.slice(0, 30)] }],
    });
    expect(scattershot.timeToDetect).toBeNull();
    expect(flagStep(scattershot)?.doneAt).toBeNull();
  });

  it("cannot be split away: thirty one-item flags before the right one do not detect either", () => {
    const entries = [...noiseIds.slice(0, 30).map((id, i) => flagOne(id, 10 + i)), flagOne(card, 60)];
    const spam = score(rubric, { injectedAt: T0, entries });
    expect(spam.timeToDetect).toBeNull();
    expect(flagStep(spam)?.points).toBe(0);
    expect(spam.falseFlags).toBe(30);
  });

  it("forgives up to the allowance of false flags, then costs a tenth of the detection points each", () => {
    const within = score(rubric, {
      injectedAt: T0,
      entries: [
        ...noiseIds.slice(0, FALSE_CLAIM_ALLOWANCE).map((id, i) => flagOne(id, 10 + i)),
        flagOne(card, 60),
      ],
    });
    expect(within.timeToDetect).toBe(60);
    expect(flagStep(within)?.points).toBe(20);
    const past = score(rubric, {
      injectedAt: T0,
      entries: [
        flagOne(card, 60),
        ...noiseIds.slice(0, FALSE_CLAIM_ALLOWANCE + 2).map((id, i) => flagOne(id, 70 + i)),
      ],
    });
    expect(past.timeToDetect).toBe(60);
    expect(flagStep(past)?.points).toBe(16);
    expect(flagStep(past)?.why?.zh).toContain("误标记 5 条");
    expect(flagStep(past)?.why?.en).toContain("5 false claims");
  });

  it("counts removing a raider as finding the raid, and removing an innocent member as a false claim", () => {
    const raider = step(rubric, "remove-raiders").target?.ids[0] as string;
    const found = score(rubric, {
      injectedAt: T0,
      entries: [{ at: at(90), actor: "a", action: "remove_member", targets: [raider] }],
    });
    expect(found.timeToDetect).toBe(90);
    const bystander = noise.find((it) => it.authorId && it.kind === "message")?.authorId as string;
    const wrong = score(rubric, {
      injectedAt: T0,
      entries: [{ at: at(90), actor: "a", action: "remove_member", targets: [bystander] }],
    });
    expect(wrong.timeToDetect).toBeNull();
    expect(wrong.falseFlags).toBe(1);
  });

  it("detects with a few honest mistakes along the way", () => {
    const precise = score(rubric, {
      injectedAt: T0,
      entries: [{ at: at(60), actor: "a", action: "flag", targets: [card, noiseIds[0] as string] }],
    });
    expect(precise.timeToDetect).toBe(60);
    expect(precise.falseFlags).toBe(1);
  });

  it("says in the review who is still in the group when not every raider was removed", () => {
    const removal = step(rubric, "remove-raiders");
    const ids = removal.target?.ids ?? [];
    const left = ids[ids.length - 1] as string;
    const c = score(rubric, {
      injectedAt: T0,
      entries: [{ at: at(120), actor: "a", action: "remove_member", targets: ids.slice(0, -1) }],
    });
    const why = c.steps.find((s) => s.id === "remove-raiders")?.why;
    const name = removal.target?.labels?.[left];
    expect(name).toBeDefined();
    expect(why?.zh).toContain(`还有 1 个没处理：「${name?.zh}」`);
    expect(why?.en).toContain(`1 still left: "${name?.en}"`);
  });

  it("names the incident's items in the review when detection missed", () => {
    const c = score(rubric, { injectedAt: T0, entries: [flagOne(noiseIds[0] as string, 30)] });
    const why = c.steps.find((s) => s.id === "flag-raid")?.why;
    expect(why?.zh).toContain("都不是事件本身");
    expect(why?.zh).toContain("属于事件的是");
  });
});

describe("a blacklist keyword, judged against what the raiders share and what everyone else says", () => {
  const incident = generate(scenario("competitor-group-raid"), 42);
  const blacklist = step(incident.rubric, "blacklist-card");
  const handle = (incident.params.handle as { zh: string }).zh;
  const keyword = (text: string): TimelineEntry[] => [
    { at: at(600), actor: "responder-a", action: "blacklist_keyword", text },
  ];
  const done = (text: string) =>
    score(incident.rubric, { injectedAt: T0, entries: keyword(text) }).steps.find(
      (s) => s.id === blacklist.id,
    )?.doneAt != null;

  it("counts the raiders' shared contact handle or lure, written in the team's own words", () => {
    // "加V：xue1234" → the handle itself; "备注“资料”通过更快" → the lure words are common too.
    const [common] = commonKeywords(blacklist.keywordIn ?? [], blacklist.keywordNoise);
    expect(common, handle).toBeTruthy();
    expect(done(`拉黑 ${common}`)).toBe(true);
  });

  it("does not count a word that would also block the group's everyday chat (老师, 大家, 群)", () => {
    for (const broad of ["老师", "大家", "群里"]) expect(done(broad), broad).toBe(false);
  });

  it("says in the report which keywords would have counted", () => {
    const card = score(incident.rubric, { injectedAt: T0, entries: keyword("老师") });
    const why = card.steps.find((s) => s.id === blacklist.id)?.why;
    const [common] = commonKeywords(blacklist.keywordIn ?? [], blacklist.keywordNoise);
    expect(why?.zh).toContain("拉黑会误伤");
    expect(why?.zh).toContain(common as string);
    expect(why?.en).toContain("would have counted");
  });
});
