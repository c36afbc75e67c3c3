import { describe, expect, it } from "vitest";
import { digestOf, generate } from "../../functions/core/generator.js";
import type { Incident } from "../../functions/core/incident.js";
import { TRADE_ROLES } from "../../functions/core/noise/names.js";
import { DISGUISE_METHODS } from "../../functions/core/scenario.js";
import { incidentSignature, incidentTextSignature, variety } from "../../functions/core/variety.js";
import { builtInScenarios, HEADLINE_IDS, scenario, stimulusItems } from "../support/drills.js";

const isIncident = (incident: Incident) => {
  const ids = new Set(incident.detection.itemIds);
  return (id: string) => ids.has(id);
};

describe("generate(scenario, seed)", () => {
  it.each(HEADLINE_IDS)("is deterministic: the same seed gives byte-identical output (%s)", (id) => {
    const a = JSON.stringify(generate(scenario(id), 42));
    const b = JSON.stringify(generate(scenario(id), 42));
    expect(a).toBe(b);
  });

  it("depends on the scenario version, so a revised scenario never replays an old incident", () => {
    const s = scenario("competitor-group-raid");
    const a = incidentSignature(generate(s, 7));
    const b = incidentSignature(generate({ ...s, version: s.version + 1 }, 7));
    expect(a).not.toBe(b);
  });

  // "Distinct" counts the incident's texts with names and numbers stripped: a renamed copy is not new.
  it.each(HEADLINE_IDS)("gives at least 95 %% distinct incident texts over 1,000 seeds (%s)", (id) => {
    const { distinct, total } = variety(scenario(id), 1000);
    expect(distinct / total).toBeGreaterThanOrEqual(0.95);
  });

  // One test per scenario: each draws 200 whole drills, noise included, which is seconds on a busy machine.
  it.each(builtInScenarios())(
    "varies the incident texts of $id (at least 90 % distinct over 200 seeds)",
    (s) => {
      const { distinct, total } = variety(s, 200);
      expect(distinct / total).toBeGreaterThanOrEqual(0.9);
    },
  );

  it("counts a renamed, renumbered copy of an incident as the same incident, and another wording as another", () => {
    const incident = generate(scenario("competitor-group-raid"), 5);
    const names = [...incident.people].sort((a, b) => b.name.zh.length - a.name.zh.length);
    const rewrite = (text: string) =>
      names
        .reduce((t, p, i) => t.replaceAll(p.name.zh, `路人${i}`), text)
        .replace(/[0-9]/g, (d) => String((Number(d) + 3) % 10));
    const renamed: Incident = {
      ...incident,
      people: names.map((p, i) => ({ ...p, name: { zh: `路人${i}`, en: `Passer-by ${i}` } })),
      items: incident.items.map((it) => ({
        ...it,
        text: { ...it.text, zh: rewrite(it.text.zh) },
        ...(it.card
          ? { card: { name: { ...it.card.name, zh: rewrite(it.card.name.zh) }, note: it.card.note } }
          : {}),
      })),
    };
    expect(incidentTextSignature(renamed)).toBe(incidentTextSignature(incident));
    const [first] = incident.detection.itemIds;
    const reworded: Incident = {
      ...incident,
      items: incident.items.map((it) =>
        it.id === first ? { ...it, text: { ...it.text, zh: `${it.text.zh}，另一种说法` } } : it,
      ),
    };
    expect(incidentTextSignature(reworded)).not.toBe(incidentTextSignature(incident));
  });

  it("sends 5 to 30 raiders, each joining and posting a card, and real members who look alike", () => {
    const counts = new Set<number>();
    for (let seed = 0; seed < 300; seed++) {
      const incident = generate(scenario("competitor-group-raid"), seed);
      const raiders = Number(incident.params.raiderCount);
      counts.add(raiders);
      expect(stimulusItems(incident, "raider-join")).toHaveLength(raiders);
      expect(stimulusItems(incident, "raider-card")).toHaveLength(raiders);
      expect(stimulusItems(incident, "lookalike-card").length).toBeGreaterThan(0);
      const removal = incident.rubric.steps.find((s) => s.id === "remove-raiders");
      expect(removal?.target?.ids).toHaveLength(raiders);
      const lookalikes = incident.rubric.harmful.find((h) => h.id === "kick-real-member")?.target?.ids ?? [];
      expect(lookalikes.filter((id) => removal?.target?.ids.includes(id))).toEqual([]);
    }
    expect(Math.min(...counts)).toBe(5);
    expect(Math.max(...counts)).toBe(30);
  });

  it("lets a wave of raiders use different wordings before any repeats", () => {
    for (let seed = 0; seed < 50; seed++) {
      const cards = stimulusItems(generate(scenario("competitor-group-raid"), seed), "raider-card");
      const wordings =
        scenario("competitor-group-raid").stimuli.find((s) => s.id === "raider-card")?.variants?.length ?? 0;
      // Every wording is dealt before one repeats, and the slot grammar varies each further.
      expect(new Set(cards.map((c) => c.text.zh)).size).toBeGreaterThanOrEqual(
        Math.min(wordings, cards.length),
      );
    }
  });

  it("varies the sensitive word, its disguise and where it sits in the article", () => {
    const words = new Set<string>();
    const methods = new Set<string>();
    const positions = new Set<number>();
    for (let seed = 0; seed < 300; seed++) {
      const incident = generate(scenario("sensitive-word-post"), seed);
      words.add((incident.params.word as { zh: string }).zh);
      methods.add(String(incident.params.disguisedMethod));
      const [article] = stimulusItems(incident, "article");
      const disguised = (incident.params.disguised as { zh: string }).zh;
      const index = article?.paragraphs?.findIndex((p) => p.zh.includes(disguised)) ?? -1;
      expect(index).toBeGreaterThanOrEqual(0);
      positions.add(index);
    }
    expect(words.size).toBeGreaterThanOrEqual(8);
    expect(methods).toEqual(new Set(DISGUISE_METHODS));
    expect(positions.size).toBeGreaterThanOrEqual(4);
  });

  it("writes disguises the way filter dodgers do", () => {
    let sawFullwidth = false;
    let sawSpaced = false;
    for (let seed = 0; seed < 400; seed++) {
      const { params } = generate(scenario("sensitive-word-post"), seed);
      const word = (params.word as { zh: string }).zh;
      const disguised = (params.disguised as { zh: string }).zh;
      if (params.disguisedMethod === "fullwidth" && /[A-Z0-9%]/.test(word)) {
        expect(disguised).toMatch(/[Ａ-Ｚ０-９％]/);
        sawFullwidth = true;
      }
      if (params.disguisedMethod === "spaced") {
        expect(disguised.length).toBeGreaterThan(word.length);
        sawSpaced = true;
      }
    }
    expect(sawFullwidth && sawSpaced).toBe(true);
  });

  it("pages on injection in the 2 a.m. scenario and scores the acknowledgement", () => {
    const incident = generate(scenario("urgent-push-2am"), 3);
    expect(incident.page?.message.zh).toContain(String((incident.params.client as { zh: string }).zh));
    expect(incident.rubric.paged).toBe(true);
    expect(incident.rubric.steps[0]?.action).toBe("acknowledge");
  });

  it("leaves no placeholder unfilled in any language", () => {
    for (const s of builtInScenarios()) {
      for (const seed of [1, 2, 3]) {
        const text = JSON.stringify(generate(s, seed).items);
        expect(text, s.id).not.toMatch(/\{[A-Za-z]+\}/);
      }
    }
  });
});

describe("the noise a drill hides in", () => {
  it.each(HEADLINE_IDS)("makes detection a real search: the incident is rarely first or last (%s)", (id) => {
    let first = 0;
    let last = 0;
    const runs = 200;
    for (let seed = 0; seed < runs; seed++) {
      const incident = generate(scenario(id), seed);
      const incidentItem = isIncident(incident);
      // The page only says where to look; the search happens on the surfaces.
      const main = incident.items.find((it) => incidentItem(it.id) && it.surface !== "oncall_page");
      expect(main).toBeDefined();
      const surface = incident.items.filter((it) => it.surface === main?.surface);
      expect(surface.length).toBeGreaterThan(5);
      if (surface[0]?.id === main?.id) first++;
      if (surface.at(-1)?.id === main?.id) last++;
    }
    // "Look at the newest item" must lose more often than it wins.
    expect(first / runs).toBeLessThan(0.5);
    expect(last / runs).toBeLessThan(0.5);
  });

  it.each(HEADLINE_IDS)(
    "never leaves the incident the only item with a name, a link or a number (%s)",
    (id) => {
      const traits = {
        number: (t: string) => /[0-9０-９]/.test(t),
        link: (t: string) => /https?:\/\//.test(t),
      };
      for (let seed = 0; seed < 100; seed++) {
        const incident = generate(scenario(id), seed);
        const incidentItem = isIncident(incident);
        const names = incident.people.map((p) => p.name.zh);
        const hasName = (t: string) => names.some((n) => t.includes(n));
        const textOf = (it: Incident["items"][number]) =>
          [it.text.zh, it.title?.zh, it.card?.name.zh, ...(it.paragraphs ?? []).map((p) => p.zh)].join(" ");
        for (const item of incident.items.filter(
          (it) => incidentItem(it.id) && it.surface !== "oncall_page",
        )) {
          const noise = incident.items
            .filter((it) => it.surface === item.surface && "noise" in it.origin)
            .map(textOf);
          // Names only mean something where people talk; in articles short nicknames are ordinary words.
          const named = item.surface === "group_chat" || item.surface === "comments" ? { name: hasName } : {};
          for (const [trait, has] of Object.entries({ ...traits, ...named })) {
            if (has(textOf(item)))
              expect(noise.some(has), `${id} seed ${seed}: ${trait} on ${item.surface}`).toBe(true);
          }
        }
      }
    },
  );

  it("keeps the background noise the same when only the stimuli change", () => {
    const s = scenario("competitor-group-raid");
    const noise = (incident: Incident) =>
      incident.items.filter((it) => "noise" in it.origin).map((it) => it.text.zh);
    const shifted = { ...s, stimuli: s.stimuli.map((st) => ({ ...st, at: st.at + 60 })) };
    expect(noise(generate(shifted, 11))).toEqual(noise(generate(s, 11)));
  });
});

describe("seeded randomness", () => {
  it("gives neighbouring seeds unrelated first draws", async () => {
    const { Rng } = await import("../../functions/core/random.js");
    const firsts = Array.from({ length: 2000 }, (_, seed) => Rng.seeded(seed).int(0, 19));
    const counts = Array.from({ length: 20 }, (_, k) => firsts.filter((f) => f === k).length);
    // 2,000 draws over 20 values: each near 100; a seed-correlated generator piles them onto a few.
    expect(Math.min(...counts)).toBeGreaterThan(60);
    expect(Math.max(...counts)).toBeLessThan(140);
  });
});

describe("incidents a native operator would believe", () => {
  const raid = scenario("competitor-group-raid");

  it("writes each disguise the way posters do: no slashes, and each method changes the word its own way", () => {
    const seen = new Map<string, string[]>();
    for (let seed = 0; seed < 600; seed++) {
      const { params } = generate(scenario("sensitive-word-post"), seed);
      const word = (params.word as { zh: string }).zh;
      const disguised = (params.disguised as { zh: string }).zh;
      const method = String(params.disguisedMethod);
      seen.set(method, [...(seen.get(method) ?? []), disguised]);
      expect(disguised).not.toMatch(/\//);
      if (method === "plain") expect(disguised).toBe(word);
      else expect(disguised, method).not.toBe(word);
      if (method === "split") expect(disguised.replace("\n", "")).toBe(word);
      if (method === "emoji") expect(disguised).toMatch(/\p{Extended_Pictographic}/u);
    }
    expect([...seen.keys()].sort()).toEqual([...DISGUISE_METHODS].sort());
  });

  it("puts the word in a sentence that fits it, inside the account's ordinary article of the day", () => {
    for (let seed = 0; seed < 60; seed++) {
      const incident = generate(scenario("sensitive-word-post"), seed);
      const [article] = stimulusItems(incident, "article");
      const line = (incident.params.disguisedLine as { zh: string }).zh;
      expect(article?.paragraphs?.some((p) => p.zh.includes(line))).toBe(true);
      // The platform notice names the very post, by the title the generator wrote for it.
      const [notice] = stimulusItems(incident, "platform-warning");
      expect(notice?.text.zh).toContain(`《${article?.title?.zh}》`);
      expect(article?.text.zh).toBe(digestOf(article?.paragraphs ?? []).zh);
    }
  });

  it("sends raiders who copy the team's own staff and bait accounts of the group's trade", () => {
    let impostors = 0;
    let bait = 0;
    for (let seed = 0; seed < 40; seed++) {
      const incident = generate(raid, seed, { business: "parenting" });
      const staff = incident.people.filter((p) => p.role === "staff").map((p) => p.name.zh);
      const trade = TRADE_ROLES.parenting.map((r) => r.zh);
      for (const card of stimulusItems(incident, "raider-card")) {
        const name = card.card?.name.zh ?? "";
        const copies = staff.some((s) => name !== s && (name.includes(s) || similar(name, s)));
        const pitches = trade.some((t) => name.includes(t) || card.card?.note.zh.includes(t));
        if (copies) impostors++;
        else if (pitches) bait++;
        // No raider wears another trade's title: no 教练 in a parenting group.
        expect(name).not.toMatch(/教练|私教|茶艺/);
      }
    }
    expect(impostors).toBeGreaterThan(100);
    expect(bait).toBeGreaterThan(100);
  });

  it("gives every staff member one title all drill long, on the real card and on an impostor's copy", () => {
    for (let seed = 0; seed < 30; seed++) {
      const incident = generate(raid, seed);
      const staffName = (incident.params.staff as { zh: string }).zh;
      const notes = new Set(
        incident.items.filter((it) => it.card?.name.zh === staffName).map((it) => it.card?.note.zh),
      );
      expect(notes.size, staffName).toBeLessThanOrEqual(1);
    }
  });

  it("shows a client's draft as a draft, in the client's words, under a title that fits any reason", () => {
    for (let seed = 0; seed < 30; seed++) {
      const incident = generate(scenario("urgent-push-2am"), seed);
      const [draft] = stimulusItems(incident, "draft");
      expect(draft?.article?.status).toBe("draft");
      const notice = (incident.params.reasonLine as { zh: string }).zh;
      expect(draft?.paragraphs?.[0]?.zh).toContain(notice);
      // The client's instruction ("要发一篇更正说明") never leaks into the public text.
      expect(draft?.paragraphs?.[0]?.zh).not.toMatch(/要发|要赶紧|老板要求|要提醒/);
    }
  });
});

/** Same length and at most one character apart: 趙老師 and 赵老师 are not, 黃老师 and 黄老师 are. */
function similar(a: string, b: string): boolean {
  const x = [...a.trim()];
  const y = [...b];
  if (x.length !== y.length) return false;
  return x.filter((ch, i) => ch !== y[i]).length <= 1;
}

describe("people in the sandbox group", () => {
  it("never post before they join (a raider's card comes after the raider's join notice)", () => {
    for (let seed = 0; seed < 200; seed++) {
      const incident = generate(scenario("competitor-group-raid"), seed);
      const joinedAt = new Map<string, number>();
      for (const it of incident.items) {
        // The incident's own joins ("“名字”通过扫描二维码加入了群聊"); a noise join may also name its inviter.
        if (it.kind !== "join" || !("stimulus" in it.origin)) continue;
        const person = incident.people.find((p) => it.text.zh.includes(`“${p.name.zh}”`));
        if (person) joinedAt.set(person.id, it.at);
      }
      for (const it of incident.items) {
        const joined = it.authorId ? joinedAt.get(it.authorId) : undefined;
        if (joined !== undefined) expect(it.at, `seed ${seed}`).toBeGreaterThanOrEqual(joined);
      }
    }
  });
});
