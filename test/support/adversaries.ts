/**
 * Adversaries: bots that play the cheats of issue 12 against the real generator and the real scorer.
 *
 * A bot sees only what a responder sees (`Seen`): surface, kind, texts, the author's name and
 * whether they are staff, and when the item appeared. It never reads `origin`, the incident's
 * detection list or the rubric; those are used only afterwards, to measure what the bot earned.
 * It acts the way a responder does, with flags on the timeline, and `score()` decides.
 */
import { generate } from "../../functions/core/generator.js";
import type { FeedItem, GenerateContext, Incident } from "../../functions/core/incident.js";
import { Rng } from "../../functions/core/random.js";
import type { Scenario } from "../../functions/core/scenario.js";
import { score, type TimelineEntry } from "../../functions/core/scoring.js";
import { itemTexts, textNormalizer } from "../../functions/core/variety.js";
import { SANDBOX_SURFACES, type Surface } from "../../functions/core/vocabulary.js";

export const INJECTED_AT = Date.UTC(2026, 10, 3, 2, 0, 0);
/** How long after an item appears the bot flags it. */
export const DELAY = 5;

/** An item as the war room shows it. */
export interface Seen {
  id: string;
  at: number;
  surface: Surface;
  kind: FeedItem["kind"];
  text: string;
  title?: string;
  paragraphs?: string[];
  card?: { name: string; note: string };
  author?: { name: string; staff: boolean };
  /** Every text a responder reads on it, normalised (names, numbers, punctuation stripped). */
  normalized: string[];
}

const SANDBOX = new Set<Surface>(SANDBOX_SURFACES);

/**
 * The responder's view of an incident: the sandbox surfaces only (the page is not an item a
 * responder picks out of noise), nothing of `origin`.
 */
export function view(incident: Incident): Seen[] {
  const people = new Map(incident.people.map((p) => [p.id, p]));
  const normalize = textNormalizer(incident);
  return incident.items
    .filter((it) => SANDBOX.has(it.surface))
    .map((it) => {
      const author = it.authorId ? people.get(it.authorId) : undefined;
      return {
        id: it.id,
        at: it.at,
        surface: it.surface,
        kind: it.kind,
        text: it.text.zh,
        ...(it.title ? { title: it.title.zh } : {}),
        ...(it.paragraphs ? { paragraphs: it.paragraphs.map((p) => p.zh) } : {}),
        ...(it.card ? { card: { name: it.card.name.zh, note: it.card.note.zh } } : {}),
        ...(author ? { author: { name: author.name.zh, staff: author.role === "staff" } } : {}),
        normalized: itemTexts(it)
          .map(normalize)
          .filter((t) => t.length > 0),
      };
    });
}

/** A flag the bot raises: which item, and how many seconds after injection. */
export interface Flag {
  id: string;
  /** Seconds from injection; history is flagged at the start (0) at the earliest. */
  at: number;
}

/** A bot: given the responder's view, the flags it raises. */
export type Bot = (seen: readonly Seen[]) => Flag[];

/** Flags each chosen item `DELAY` seconds after it appears (or after `ready`, when later). */
export const flagEach = (items: readonly Seen[], ready?: (s: Seen) => number): Flag[] =>
  items.map((s) => ({ id: s.id, at: Math.max(0, ready ? ready(s) : s.at) + DELAY }));

export function timelineOf(flags: readonly Flag[], actor = "bot"): TimelineEntry[] {
  return flags.map((f) => ({
    at: INJECTED_AT + Math.round(f.at * 1000),
    actor,
    action: "flag",
    targets: [f.id],
  }));
}

export interface Outcome {
  /** Points of the rubric's flag steps the bot earned. */
  detectionPoints: number;
  /** Points the rubric's flag steps can give (their weights). */
  detectionPossible: number;
  /** Items flagged, and how many of them were the incident. */
  flagged: number;
  flaggedIncident: number;
  incidentItems: number;
}

/** Runs the bot's flags through the real scorer. The rubric is read only here, to measure. */
export function play(incident: Incident, flags: readonly Flag[]): Outcome {
  const card = score(incident.rubric, { injectedAt: INJECTED_AT, entries: timelineOf(flags) });
  const flagSteps = new Set(incident.rubric.steps.filter((s) => s.action === "flag").map((s) => s.id));
  const detection = new Set(incident.detection.itemIds);
  const sandboxIncident = incident.items.filter((it) => detection.has(it.id) && SANDBOX.has(it.surface));
  const ids = new Set(flags.map((f) => f.id));
  return {
    detectionPoints: card.steps.filter((s) => flagSteps.has(s.id)).reduce((sum, s) => sum + s.points, 0),
    detectionPossible: incident.rubric.steps
      .filter((s) => s.action === "flag")
      .reduce((sum, s) => sum + s.weight, 0),
    flagged: ids.size,
    flaggedIncident: [...ids].filter((id) => detection.has(id)).length,
    incidentItems: sandboxIncident.length,
  };
}

/** Pooled figures over many drills. */
export interface Tally {
  drills: number;
  /** Share of the possible detection points earned. */
  pointsShare: number;
  /** Share of drills with detection credit (flag-step points > 0). */
  creditShare: number;
  /** Incident items flagged / items flagged. */
  precision: number;
  /** Incident items flagged / incident items (sandbox surfaces). */
  recall: number;
  /** Mean items flagged that were not the incident, per drill. */
  falseFlags: number;
}

export function tally(outcomes: readonly Outcome[]): Tally {
  let points = 0;
  let possible = 0;
  let credit = 0;
  let flagged = 0;
  let hit = 0;
  let incident = 0;
  for (const o of outcomes) {
    points += o.detectionPoints;
    possible += o.detectionPossible;
    if (o.detectionPoints > 0) credit++;
    flagged += o.flagged;
    hit += o.flaggedIncident;
    incident += o.incidentItems;
  }
  const n = outcomes.length;
  return {
    drills: n,
    pointsShare: possible > 0 ? points / possible : 0,
    creditShare: n > 0 ? credit / n : 0,
    precision: flagged > 0 ? hit / flagged : 0,
    recall: incident > 0 ? hit / incident : 0,
    falseFlags: n > 0 ? (flagged - hit) / n : 0,
  };
}

export const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

export function describeTally(name: string, t: Tally): string {
  return `${name}: detection points ${pct(t.pointsShare)}, credit in ${pct(t.creditShare)} of ${t.drills} drills, precision ${pct(t.precision)}, recall ${pct(t.recall)}, ${t.falseFlags.toFixed(1)} false flags/drill`;
}

// ───────────────────────────── the drills ─────────────────────────────

export interface Drill {
  incident: Incident;
  seen: Seen[];
}

/** Every scenario × seeds `from`…`from + seeds - 1`, generated once and shared by the bots. */
export function catalogDrills(
  scenarios: readonly Scenario[],
  seeds: number,
  context: GenerateContext = {},
  from = 1,
): Drill[] {
  const out: Drill[] = [];
  for (const s of scenarios)
    for (let seed = from; seed < from + seeds; seed++) {
      const incident = generate(s, seed, context);
      out.push({ incident, seen: view(incident) });
    }
  return out;
}

export const run = (drills: readonly Drill[], bot: Bot): Tally =>
  tally(drills.map((d) => play(d.incident, bot(d.seen))));

// ───────────────────────────── 1. flag spam ─────────────────────────────

export const spamBots: Record<string, Bot> = {
  "every item, history included": (seen) => flagEach(seen),
  "only new items": (seen) => flagEach(seen.filter((s) => s.at >= 0)),
  "only the busiest surface": (seen) => {
    const counts = new Map<Surface, number>();
    for (const s of seen) counts.set(s.surface, (counts.get(s.surface) ?? 0) + 1);
    const busiest = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    return flagEach(seen.filter((s) => s.surface === busiest));
  },
};

// ───────────────────────────── 2. memorisation ─────────────────────────────

/** A team as the generator knows it; every drill of its history uses the same one. */
export interface Team {
  context: GenerateContext;
}

const TEAM_BRANDS = ["晨光", "小满", "青禾", "知夏", "橙子", "木棉", "星河", "远山", "白露", "暖阳"];
const TEAM_STAFF = ["周然", "林一", "陈默", "许诺", "苏晴", "顾言", "沈星", "陆遥", "叶舟", "唐糖"];
const TEAM_CLIENTS = ["王总", "刘经理", "赵总监", "孙总", "钱主管", "吴老板", "郑总", "冯经理"];

/** `count` teams with their own brand, group, client and staff, fixed by `seed`. */
export function teams(count: number, seed: number): Team[] {
  const rng = Rng.seeded(seed);
  return Array.from({ length: count }, (_, i) => {
    const brand = rng.pick(TEAM_BRANDS);
    const staff = rng.pick(TEAM_STAFF);
    const client = rng.pick(TEAM_CLIENTS);
    return {
      context: {
        brand: { zh: `${brand}${i}`, en: `Brand${i}` },
        group: { zh: `${brand}${i}学习群`, en: `Brand${i} study group` },
        client: { zh: client, en: `Client ${client}` },
        staff: { zh: `${staff}老师`, en: `Teacher ${staff}` },
      },
    };
  });
}

/** The team's drills, one after another: each a random scenario of the catalog and a random seed. */
export function history(team: Team, scenarios: readonly Scenario[], count: number, rng: Rng): Drill[] {
  return Array.from({ length: count }, () => {
    const incident = generate(rng.pick(scenarios), rng.int(0, 0x7fffffff), team.context);
    return { incident, seen: view(incident) };
  });
}

/** Everything the team has read in earlier drills, normalised. */
export function memoryOf(past: readonly Drill[]): Set<string> {
  const memory = new Set<string>();
  for (const d of past) for (const s of d.seen) for (const t of s.normalized) memory.add(t);
  return memory;
}

/** "Flag whatever I have not read before": any text of the item new to the team. */
export const noveltyBot =
  (memory: ReadonlySet<string>): Bot =>
  (seen) =>
    flagEach(seen.filter((s) => s.normalized.some((t) => !memory.has(t))));

/**
 * What the team learned from earlier reports: the texts that were the incident (the review names
 * them), less any text it also saw as ordinary noise. Reading reports is allowed; that is the point
 * of a review, and why the same incident must not come back.
 */
export function incidentMemoryOf(past: readonly Drill[]): Set<string> {
  const incident = new Set<string>();
  const ordinary = new Set<string>();
  for (const d of past) {
    const ids = new Set(d.incident.detection.itemIds);
    for (const s of d.seen) for (const t of s.normalized) (ids.has(s.id) ? incident : ordinary).add(t);
  }
  for (const t of ordinary) incident.delete(t);
  return incident;
}

export const recallBot =
  (incidentMemory: ReadonlySet<string>): Bot =>
  (seen) =>
    flagEach(seen.filter((s) => s.normalized.some((t) => incidentMemory.has(t))));

export interface MemoryFigures {
  novelty: Tally;
  recalled: Tally;
}

/**
 * Plays `teamCount` team histories: k earlier drills, then drill k+1, for each k asked. One history
 * of max(k) + 1 drills per team serves every k (drill k+1 is fresh for the shorter memories too).
 */
export function memorisation(
  scenarios: readonly Scenario[],
  ks: readonly number[],
  teamCount: number,
  seed: number,
): Map<number, MemoryFigures> {
  const rng = Rng.seeded(seed);
  const novelty = new Map<number, Outcome[]>(ks.map((k) => [k, []]));
  const recalled = new Map<number, Outcome[]>(ks.map((k) => [k, []]));
  const longest = Math.max(...ks);
  for (const team of teams(teamCount, seed)) {
    const drills = history(team, scenarios, longest + 1, rng);
    for (const k of ks) {
      const past = drills.slice(0, k);
      const next = drills[k] as Drill;
      novelty.get(k)?.push(play(next.incident, noveltyBot(memoryOf(past))(next.seen)));
      recalled.get(k)?.push(play(next.incident, recallBot(incidentMemoryOf(past))(next.seen)));
    }
  }
  return new Map(
    ks.map((k) => [k, { novelty: tally(novelty.get(k) ?? []), recalled: tally(recalled.get(k) ?? []) }]),
  );
}

// ───────────────────────────── 3. no-reading heuristics ─────────────────────────────

const MEDIA_TAG =
  /\[(图片|文件|聊天记录|红包|链接|语音|视频|表情|位置|小程序|名片|转账|Image|Photo|File|Chat History|Red Packet|Link|Voice|Video)\]/i;
const STAFF_NICKNAME = /老师|助教|顾问|官方|客服/;
const NOTICE = /！！|？？|!!|\?\?|【[^】]*】/;

const contentLength = (s: Seen) =>
  [s.title ?? "", s.text, s.card?.name ?? "", s.card?.note ?? "", ...(s.paragraphs ?? [])].join("").length;

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.POSITIVE_INFINITY;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}

/** For each item in a run of ≥ 3 items on one surface within 60 s, when that run became visible. */
function burstReady(seen: readonly Seen[]): Map<string, number> {
  const ready = new Map<string, number>();
  const bySurface = new Map<Surface, Seen[]>();
  for (const s of seen) bySurface.set(s.surface, [...(bySurface.get(s.surface) ?? []), s]);
  for (const items of bySurface.values()) {
    const sorted = [...items].sort((a, b) => a.at - b.at);
    let start = 0;
    for (let end = 0; end < sorted.length; end++) {
      const last = sorted[end] as Seen;
      while (last.at - (sorted[start] as Seen).at > 60) start++;
      if (end - start + 1 < 3) continue;
      for (let i = start; i <= end; i++) {
        const id = (sorted[i] as Seen).id;
        if (!ready.has(id)) ready.set(id, last.at);
      }
    }
  }
  return ready;
}

export const heuristicBots: Record<string, Bot> = {
  "article preview shape": (seen) =>
    flagEach(
      seen.filter(
        (s) =>
          s.kind === "article" &&
          (/[｜|]/.test(s.text) || (s.paragraphs !== undefined && s.text !== s.paragraphs[0])),
      ),
    ),
  "media tags": (seen) =>
    flagEach(seen.filter((s) => [s.text, ...(s.paragraphs ?? [])].some((t) => MEDIA_TAG.test(t)))),
  "doubled ！！/？？ or 【】 notices": (seen) =>
    flagEach(seen.filter((s) => [s.text, s.title ?? ""].some((t) => NOTICE.test(t)))),
  "staff-like nicknames": (seen) =>
    flagEach(seen.filter((s) => s.author !== undefined && STAFF_NICKNAME.test(s.author.name))),
  "bursts (≥3 on a surface within 60 s)": (seen) => {
    const ready = burstReady(seen);
    return flagEach(
      seen.filter((s) => ready.has(s.id)),
      (s) => ready.get(s.id) as number,
    );
  },
  "first-time speakers after injection": (seen) => {
    const spoke = new Set(seen.filter((s) => s.at < 0 && s.author).map((s) => s.author?.name));
    return flagEach(seen.filter((s) => s.at >= 0 && s.author && !spoke.has(s.author.name)));
  },
  "length outliers (> p90 of the surface)": (seen) => {
    const p90 = new Map<Surface, number>();
    for (const surface of new Set(seen.map((s) => s.surface))) {
      const lengths = seen
        .filter((s) => s.surface === surface)
        .map(contentLength)
        .sort((a, b) => a - b);
      p90.set(surface, quantile(lengths, 0.9));
    }
    return flagEach(seen.filter((s) => contentLength(s) > (p90.get(s.surface) as number)));
  },
  "every business card": (seen) => flagEach(seen.filter((s) => s.kind === "card" || s.card !== undefined)),
};

/** The five rules the issue combined (preview, media tags, punctuation, nicknames, cards), together. */
export const FIVE_RULES = [
  "article preview shape",
  "media tags",
  "doubled ！！/？？ or 【】 notices",
  "staff-like nicknames",
  "every business card",
] as const;

export const together =
  (bots: readonly Bot[]): Bot =>
  (seen) => {
    const first = new Map<string, number>();
    for (const bot of bots)
      for (const f of bot(seen)) first.set(f.id, Math.min(first.get(f.id) ?? Number.POSITIVE_INFINITY, f.at));
    return [...first].map(([id, at]) => ({ id, at }));
  };

// ───────────────────────────── 4. surfaces ─────────────────────────────

/** The team's surfaces with nothing visible at injection (no item at offset ≤ 0). */
export function emptyAtInjection(incident: Incident, surfaces: readonly Surface[]): Surface[] {
  const visible = new Set(incident.items.filter((it) => it.at <= 0).map((it) => it.surface));
  return surfaces.filter((s) => !visible.has(s));
}
