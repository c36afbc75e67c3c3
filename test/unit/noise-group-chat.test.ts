import { describe, expect, it } from "vitest";
import type { Person } from "../../functions/core/incident.js";
import { groupChatEvent, memberNickname } from "../../functions/core/noise/group-chat.js";
import { TEACHER_LIKE } from "../../functions/core/noise/names.js";
import { CHAT_TOPICS } from "../../functions/core/noise/topics-chat.js";
import {
  BUSINESSES,
  type Business,
  type LocalMoment,
  type NoiseDraft,
  type Scene,
} from "../../functions/core/noise/types.js";
import { Rng } from "../../functions/core/random.js";

/** A scene stub: a group of 40 members and 3 staff, its clock at `startHour` local time on a date. */
function stubScene(
  business: Business,
  seed = 1,
  startHour = 10,
  date = "2026-06-10",
): Scene & { people: Person[] } {
  const rng = Rng.seeded(seed);
  const people: Person[] = [];
  let next = 0;
  const person = (name: { zh: string; en: string }, role: Person["role"]): Person => {
    const p = { id: `p${next++}`, name, role };
    people.push(p);
    return p;
  };
  const staff = [
    person({ zh: "王老师", en: "Ms. Wang" }, "staff"),
    person({ zh: "助教小美", en: "TA Mei" }, "staff"),
    person({ zh: "班主任小林", en: "Class lead Lin" }, "staff"),
  ];
  const members: Person[] = [];
  for (let i = 0; i < 40; i++) members.push(person(memberNickname(rng, business), "member"));
  const start = Date.parse(`${date}T00:00:00Z`) + startHour * 3600_000;
  return {
    people,
    business,
    brand: { zh: "青禾学堂", en: "Qinghe Academy" },
    group: { zh: "青禾学堂家长交流群", en: "Qinghe Parents' Chat" },
    client: { id: "client", name: { zh: "品牌方刘总", en: "Mr. Liu" }, role: "client" },
    staff,
    members,
    newMember(r: Rng): Person {
      const p = person(memberNickname(r, business), "member");
      members.push(p);
      return p;
    },
    momentAt(offset: number): LocalMoment {
      const d = new Date(start + offset * 1000);
      return {
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        weekday: d.getUTCDay(),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
      };
    },
  };
}

/** Names and digits stripped: what a memoriser would compare. */
function normaliser(scene: { people: Person[] }): (text: string) => string {
  const names = scene.people.flatMap((p) => [p.name.zh, p.name.en]).sort((a, b) => b.length - a.length);
  const escaped = names.filter(Boolean).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const re = new RegExp(escaped.join("|"), "g");
  return (text: string) => text.replace(re, "#").replace(/[0-9０-９]+/g, "");
}

/** Events spread over daytime hours of a drill. */
function run(
  business: Business,
  seed: number,
  count: number,
  step = 97,
): { drafts: NoiseDraft[][]; scene: ReturnType<typeof stubScene> } {
  const scene = stubScene(business, seed, 9);
  const rng = Rng.seeded(seed * 7919 + 1);
  const drafts: NoiseDraft[][] = [];
  for (let i = 0; i < count; i++) drafts.push(groupChatEvent(scene, rng, (i * step) % (12 * 3600)));
  return { drafts, scene };
}

describe("memberNickname", () => {
  it("builds thousands of distinct nicknames, 8–15 % of them teacher- or official-looking", () => {
    const rng = Rng.seeded(3);
    const names = Array.from({ length: 10_000 }, () => memberNickname(rng, "education"));
    const distinct = new Set(names.map((n) => n.zh));
    expect(distinct.size).toBeGreaterThan(3000);
    const teacherLike = names.filter((n) => TEACHER_LIKE.test(n.zh)).length / names.length;
    expect(teacherLike).toBeGreaterThan(0.08);
    expect(teacherLike).toBeLessThan(0.15);
    for (const n of names.slice(0, 500)) {
      expect(n.en.length).toBeGreaterThan(0);
      expect(n.en).not.toMatch(/[\u4e00-\u9fff]/);
      expect(n.zh).not.toMatch(/[<>[\]{}]/);
    }
  });
});

describe("groupChatEvent", () => {
  it("is deterministic for a seed", () => {
    const a = run("cooking", 5, 50).drafts;
    const b = run("cooking", 5, 50).drafts;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it("never leaves grammar or placeholders in a text, and never lands before `at`", () => {
    for (const business of BUSINESSES) {
      const scene = stubScene(business, 2, 8);
      const rng = Rng.seeded(9);
      for (let i = 0; i < 300; i++) {
        const at = i * 120;
        for (const d of groupChatEvent(scene, rng, at)) {
          expect(d.at).toBeGreaterThanOrEqual(at);
          const texts = [
            d.text.zh,
            d.text.en,
            ...(d.card ? [d.card.name.zh, d.card.name.en, d.card.note.zh, d.card.note.en] : []),
          ];
          for (const t of texts) {
            expect(t).not.toMatch(/[{}<>]|\u27e6|\u27e7|\|/);
            expect(t.length).toBeGreaterThan(0);
          }
        }
      }
    }
  });

  it("talks about each team's own business", () => {
    for (const business of BUSINESSES) {
      const { drafts } = run(business, 11, 400);
      const keywords = CHAT_TOPICS[business].keywords;
      const texts = drafts
        .flat()
        .filter((d) => d.kind === "message")
        .map((d) => d.text.zh);
      const onTopic = texts.filter((t) => keywords.some((k) => t.includes(k))).length;
      expect(onTopic / texts.length, business).toBeGreaterThan(0.15);
    }
    // a cooking group does not talk about tea brewing, a tea house not about chiffon cakes
    const cooking = run("cooking", 4, 400)
      .drafts.flat()
      .map((d) => d.text.zh)
      .join("\n");
    expect(cooking).not.toMatch(/盖碗|普洱|辅食/);
    const tea = run("tea", 4, 400)
      .drafts.flat()
      .map((d) => d.text.zh)
      .join("\n");
    expect(tea).not.toMatch(/戚风|红烧肉|减脂/);
  });

  it("answers questions within the same event, later and by someone else", () => {
    const { drafts } = run("education", 8, 2000);
    const questions = drafts.filter(
      (e) => e.length > 1 && /？|\?|吗/.test(e[0]!.text.zh) && e[0]!.kind === "message",
    );
    expect(questions.length).toBeGreaterThan(200);
    for (const e of questions) {
      const [q, ...rest] = e;
      for (const r of rest) expect(r.at).toBeGreaterThan(q!.at);
      expect(rest.some((r) => r.authorId !== q!.authorId)).toBe(true);
    }
  });

  it("keeps 01:00–05:00 quiet: no daytime greetings, short night-owl lines", () => {
    const scene = stubScene("parenting", 3, 1);
    const rng = Rng.seeded(4);
    const night: NoiseDraft[] = [];
    for (let i = 0; i < 400; i++) night.push(...groupChatEvent(scene, rng, (i * 37) % (4 * 3600)));
    const text = night.map((d) => d.text.zh).join("\n");
    expect(text).not.toMatch(/早上好|早安|中午好|下午好|晚上好|【通知】|直播/);
    expect(night.length / 400).toBeLessThan(1.5);
    expect(night.every((d) => d.kind === "message")).toBe(true);
  });

  it("greets the hour it is", () => {
    const scene = stubScene("fitness", 3, 20);
    const rng = Rng.seeded(5);
    const text = Array.from({ length: 600 }, (_, i) => groupChatEvent(scene, rng, (i * 11) % 3600))
      .flat()
      .map((d) => d.text.zh)
      .join("\n");
    expect(text).not.toMatch(/早上好|早安|中午好|下午好/);
  });

  it("speaks of the holiday the date is, and only then", () => {
    const scene = stubScene("tea", 3, 10, "2026-12-31");
    const withHoliday: Scene = {
      ...scene,
      momentAt: (o) => ({
        ...scene.momentAt(o),
        upcoming: { name: { zh: "元旦", en: "New Year's Day" }, inDays: 1 },
      }),
    };
    const rng = Rng.seeded(6);
    const texts = Array.from({ length: 600 }, (_, i) => groupChatEvent(withHoliday, rng, i * 30))
      .flat()
      .map((d) => d.text.zh);
    expect(texts.some((t) => t.includes("元旦"))).toBe(true);
    expect(texts.join("\n")).not.toMatch(/端午|中秋|春节/);
  });

  it("has variety: ≥ 3,000 distinct normalised texts over 5,000 events", () => {
    const { drafts, scene } = run("education", 21, 5000);
    const norm = normaliser(scene);
    const distinct = new Set(drafts.flat().map((d) => norm(d.text.zh)));
    console.log(`variety: ${distinct.size} distinct normalised texts over 5000 events`);
    expect(distinct.size).toBeGreaterThanOrEqual(3000);
  });

  it("defeats a memoriser: after 12 drills, ≥ 75 % of a 13th drill's normalised lines are unseen", () => {
    for (const business of ["cooking", "parenting", "education"] as const) {
      const seen = new Set<string>();
      for (let k = 0; k < 12; k++) {
        const { drafts, scene } = run(business, 100 + k, 80, 431);
        const norm = normaliser(scene);
        for (const d of drafts.flat()) seen.add(norm(d.text.zh));
      }
      const { drafts, scene } = run(business, 200, 80, 431);
      const norm = normaliser(scene);
      const lines = [...new Set(drafts.flat().map((d) => norm(d.text.zh)))];
      const unseen = lines.filter((l) => !seen.has(l)).length / lines.length;
      if (process.env.SHOW_SEEN) console.log(lines.filter((l) => seen.has(l)).join("\n"));
      console.log(`memoriser ${business}: ${(unseen * 100).toFixed(1)} % of the 13th drill's lines unseen`);
      expect(unseen).toBeGreaterThanOrEqual(0.75);
    }
  });

  it("spreads every feature a no-reading rule would key on across ordinary events", () => {
    const { drafts } = run("yoga", 31, 3000);
    const share = (f: (e: NoiseDraft[]) => boolean) => drafts.filter(f).length / drafts.length;
    const any = (e: NoiseDraft[], re: RegExp) => e.some((d) => re.test(d.text.zh));
    const figures = {
      media: share((e) => any(e, /\[(图片|文件|聊天记录|红包|语音|链接|视频|动画表情)\]/)),
      doubled: share((e) => any(e, /！！|？？/)),
      brackets: share((e) => any(e, /【.+】/)),
      cards: share((e) => e.some((d) => d.kind === "card")),
      staffCards: share((e) => e.some((d) => d.kind === "card" && /老师|助教|班主任/.test(d.card!.name.zh))),
      joinWaves: share((e) => e.filter((d) => d.kind === "join").length >= 2),
      long: share((e) => e.some((d) => d.text.zh.length >= 60)),
    };
    console.log("feature shares", figures);
    expect(figures.media).toBeGreaterThan(0.08);
    expect(figures.doubled).toBeGreaterThan(0.05);
    expect(figures.brackets).toBeGreaterThan(0.04);
    expect(figures.cards).toBeGreaterThan(0.03);
    expect(figures.staffCards).toBeGreaterThan(0.01);
    expect(figures.joinWaves).toBeGreaterThan(0.02);
    expect(figures.long).toBeGreaterThan(0.005);
    const scene = stubScene("yoga", 31);
    const teacherLike = scene.members.filter((m) => TEACHER_LIKE.test(m.name.zh)).length;
    expect(teacherLike).toBeGreaterThan(0);
  });
});
