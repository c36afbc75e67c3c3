import type { Rubric, RubricHarm, RubricStep, RubricTarget } from "./incident.js";
import { ACTION_LABELS } from "./labels.js";
import { containsAnyTerm, formatDuration, normalizeForMatch } from "./text.js";
import type { ActionKind, Localized } from "./vocabulary.js";

/** One thing someone did during a drill, stamped by the server when it was stored. */
export interface TimelineEntry {
  /** Epoch milliseconds, from the server clock. */
  at: number;
  actor: string;
  action: ActionKind;
  /** Item ids (flag, delete…) or person ids (remove_member…). */
  targets?: string[];
  text?: string;
}

export interface Timeline {
  /** When the incident really appeared (never the planned time, so scheduler jitter cannot bias a score). */
  injectedAt: number;
  entries: readonly TimelineEntry[];
}

export type Grade = "A" | "B" | "C" | "D" | "F";

export interface StepResult {
  id: string;
  label: Localized;
  action: ActionKind;
  required: boolean;
  weight: number;
  targetSeconds: number;
  /** Seconds from injection when the step was complete, or null if it never was. */
  doneAt: number | null;
  by: string | null;
  metTarget: boolean;
  points: number;
  /**
   * Why the step earned less than its weight, in words the review can show: the terms that would
   * have matched, who is still in the group, which items were the incident. Absent when it earned all.
   */
  why?: Localized;
}

export interface PenaltyResult {
  id: string;
  label: Localized;
  count: number;
  points: number;
  by: string[];
}

export interface Scorecard {
  timeToAcknowledge: number | null;
  acknowledgedBy: string | null;
  timeToDetect: number | null;
  detectedBy: string | null;
  timeToResolve: number | null;
  resolvedBy: string | null;
  steps: StepResult[];
  penalties: PenaltyResult[];
  /**
   * Distinct items flagged, deleted or people removed that were not the incident. Past the allowance
   * each costs a share of the detection step's points.
   */
  falseFlags: number;
  /** How many false claims are free (absent on scorecards made before the claims rule). */
  falseFlagAllowance?: number;
  /** The share of the detection points the false claims left (1 when within the allowance). */
  detectionShare?: number;
  earned: number;
  possible: number;
  penaltyPoints: number;
  total: number;
  grade: Grade;
  passed: boolean;
  missedRequired: string[];
  breakdown: { zh: string[]; en: string[] };
}

export function gradeFor(total: number): Grade {
  if (total >= 90) return "A";
  if (total >= 80) return "B";
  if (total >= 70) return "C";
  if (total >= 60) return "D";
  return "F";
}

/** Full points within the target, falling linearly to zero at `decay` × target. */
export function stepPoints(
  weight: number,
  targetSeconds: number,
  decay: number,
  doneAt: number | null,
): number {
  if (doneAt === null) return 0;
  if (doneAt <= targetSeconds) return weight;
  const zeroAt = targetSeconds * decay;
  if (doneAt >= zeroAt || decay <= 1) return 0;
  return (weight * (zeroAt - doneAt)) / (zeroAt - targetSeconds);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function textMatches(entry: TimelineEntry, containsAny?: string[], excludes?: string[]): boolean {
  const text = entry.text ?? "";
  if (containsAny && !containsAnyTerm(text, containsAny)) return false;
  if (excludes && containsAnyTerm(text, excludes)) return false;
  return true;
}

/** The keywords one blacklist entry holds: people type several at once, separated as they please. */
export function keywordsOf(text: string): string[] {
  return text
    .split(/[\s,，、;；|/]+/)
    .map((k) => normalizeForMatch(k))
    .filter((k) => k.length >= 2);
}

/** A blacklisted keyword may also hit this share of everyday items and still be a fair one. */
export const KEYWORD_NOISE_SHARE = 0.05;

/**
 * Whether one of the entry's keywords is found in at least half of `texts` (already normalised)
 * and in no more than a few of the everyday `noise` texts: blacklisting "老师" would catch the
 * raiders and every real teacher with them.
 */
function keywordFound(
  entry: TimelineEntry,
  texts: readonly string[],
  noise: readonly string[] = [],
): boolean {
  return keywordsOf(entry.text ?? "").some((k) => fairKeyword(k, texts, noise));
}

/** In at least half of the incident's texts, and in no more than a few everyday ones. */
function fairKeyword(k: string, texts: readonly string[], noise: readonly string[]): boolean {
  if (texts.length === 0) return false;
  const allowed = Math.max(1, Math.floor(noise.length * KEYWORD_NOISE_SHARE));
  return (
    texts.filter((t) => t.includes(k)).length * 2 >= texts.length &&
    noise.filter((t) => t.includes(k)).length <= allowed
  );
}

/**
 * Keywords that would have counted: runs of two to eight characters of the first text found in at
 * least half of `texts` and in few `noise` texts, the longest first, none inside another. What the
 * report suggests when a blacklist missed.
 */
export function commonKeywords(texts: readonly string[], noise: readonly string[] = [], limit = 3): string[] {
  const first = texts[0];
  if (!first) return [];
  const chars = [...first];
  const found: string[] = [];
  for (let len = Math.min(8, chars.length); len >= 2; len--) {
    for (let i = 0; i + len <= chars.length; i++) {
      const k = chars.slice(i, i + len).join("");
      if (found.some((f) => f.includes(k)) || !fairKeyword(k, texts, noise)) continue;
      found.push(k);
      if (found.length >= limit) return found;
    }
  }
  return found;
}

function stepTextMatches(entry: TimelineEntry, step: RubricStep): boolean {
  if (step.excludes && containsAnyTerm(entry.text ?? "", step.excludes)) return false;
  if (!step.containsAny && !step.keywordIn) return true;
  if (step.containsAny && containsAnyTerm(entry.text ?? "", step.containsAny)) return true;
  return step.keywordIn !== undefined && keywordFound(entry, step.keywordIn, step.keywordNoise);
}

/**
 * Detection is judged on everything the team has claimed so far, never one flag at a time: a flag
 * names items, and deleting an item or removing a member is a claim too (acting on the incident
 * counts as finding it; acting on an innocent item is a false claim). The incident counts as found at
 * the first moment the claims include some of it while the false claims so far are no more than
 * the allowance plus the right ones; flagging one item at a time cannot split the rule away.
 */
export const FALSE_CLAIM_ALLOWANCE = 3;
/** Each false claim past the allowance costs this share of the detection step's points. */
export const FALSE_CLAIM_COST = 0.1;

const CLAIMS: Partial<Record<ActionKind, "item" | "person">> = {
  flag: "item",
  delete_post: "item",
  delete_comment: "item",
  remove_member: "person",
};

/** What a claim is judged against: the incident's items and, when known, who wrote them. */
interface ClaimTarget {
  items: ReadonlySet<string>;
  /** Absent for rubrics made before removal counted as a claim: then removals are not claims. */
  authors?: ReadonlySet<string>;
}

export interface ClaimJudgement {
  /** Seconds from injection when the claims first amounted to detection, or null. */
  doneAt: number | null;
  by: string | null;
  /** Distinct right and wrong claims over the whole (in-time) timeline. */
  right: number;
  wrong: number;
}

/** Whether claims with these counts amount to detection (the rule above). */
export function claimsDetect(right: number, wrong: number): boolean {
  return right > 0 && wrong <= FALSE_CLAIM_ALLOWANCE + right;
}

/** One entry's claims against the incident, as keys the drill's claim sets hold. */
export function claimsOf(rubric: Rubric, entry: { action: string; targets?: readonly string[] }) {
  const target = claimTargetOf(undefined, rubric);
  const right: string[] = [];
  const wrong: string[] = [];
  const kind = CLAIMS[entry.action as ActionKind];
  if (!kind || (kind === "person" && !target.authors)) return { right, wrong };
  const pool = kind === "item" ? target.items : (target.authors as ReadonlySet<string>);
  for (const id of entry.targets ?? []) (pool.has(id) ? right : wrong).push(`${kind}:${id}`);
  return { right, wrong };
}

function judgeClaims(timed: readonly Timed[], target: ClaimTarget): ClaimJudgement {
  const right = new Set<string>();
  const wrong = new Set<string>();
  let doneAt: number | null = null;
  let by: string | null = null;
  for (const { entry, seconds } of timed) {
    const kind = CLAIMS[entry.action];
    if (!kind || (kind === "person" && !target.authors)) continue;
    const pool = kind === "item" ? target.items : (target.authors as ReadonlySet<string>);
    for (const id of entry.targets ?? []) {
      const key = `${kind}:${id}`;
      if (pool.has(id)) right.add(key);
      else wrong.add(key);
    }
    if (doneAt === null && claimsDetect(right.size, wrong.size)) {
      doneAt = seconds;
      by = entry.actor;
    }
  }
  return { doneAt, by, right: right.size, wrong: wrong.size };
}

/** The share of a detection step's points its false claims leave. */
export function claimFactor(wrong: number): number {
  return Math.max(0, 1 - Math.max(0, wrong - FALSE_CLAIM_ALLOWANCE) * FALSE_CLAIM_COST);
}

function claimTargetOf(target: RubricTarget | undefined, rubric: Rubric): ClaimTarget {
  if (target && target.by === "item") {
    return { items: new Set(target.ids), ...(target.authors ? { authors: new Set(target.authors) } : {}) };
  }
  const authors = rubric.detection.authorIds;
  return { items: new Set(rubric.detection.itemIds), ...(authors ? { authors: new Set(authors) } : {}) };
}

/**
 * When the team found the incident, by the claims rule: a pure function of rubric and timeline,
 * the same one the scorer uses, so the drill's live "detected" mark and its scorecard agree.
 */
export function detection(rubric: Rubric, timeline: Timeline): ClaimJudgement {
  return judgeClaims(timedOf(rubric, timeline), claimTargetOf(undefined, rubric));
}

function hits(entry: TimelineEntry, target: RubricTarget): string[] {
  const wanted = new Set(target.ids);
  return (entry.targets ?? []).filter((id) => wanted.has(id));
}

interface Timed {
  entry: TimelineEntry;
  seconds: number;
}

function timedOf(rubric: Rubric, timeline: Timeline): Timed[] {
  return timeline.entries
    .map((entry) => ({ entry, seconds: Math.max(0, (entry.at - timeline.injectedAt) / 1000) }))
    .sort((a, b) => a.seconds - b.seconds)
    .filter((t) => t.seconds <= rubric.timeoutSeconds);
}

function completeStep(
  step: RubricStep,
  timed: readonly Timed[],
): { doneAt: number | null; by: string | null; covered: ReadonlySet<string> } {
  const covered = new Set<string>();
  const needAll = step.target && step.target.match === "all" && step.target.ids.length > 0;
  for (const { entry, seconds } of timed) {
    if (entry.action !== step.action || !stepTextMatches(entry, step)) continue;
    if (!step.target || step.target.ids.length === 0) return { doneAt: seconds, by: entry.actor, covered };
    const hit = hits(entry, step.target);
    if (hit.length === 0) continue;
    for (const id of hit) covered.add(id);
    if (!needAll) return { doneAt: seconds, by: entry.actor, covered };
    if (covered.size === step.target.ids.length) return { doneAt: seconds, by: entry.actor, covered };
  }
  return { doneAt: null, by: null, covered };
}

function penaltyFor(harm: RubricHarm, entries: readonly TimelineEntry[]): PenaltyResult {
  const struck = new Set<string>();
  const by = new Set<string>();
  let untargeted = false;
  for (const entry of entries) {
    if (entry.action !== harm.action || !textMatches(entry, harm.containsAny)) continue;
    if (harm.target) {
      const hit = hits(entry, harm.target);
      if (hit.length === 0) continue;
      for (const id of hit) struck.add(id);
    } else {
      untargeted = true;
    }
    by.add(entry.actor);
  }
  // The same wrong target hit twice is one mistake; a rule without targets counts once.
  const count = harm.target ? struck.size : untargeted ? 1 : 0;
  return { id: harm.id, label: harm.label, count, points: count * harm.penalty, by: [...by] };
}

/**
 * Scores one drill: a pure function of its rubric and timeline. Entries later than the timeout
 * earn nothing; harmful actions cost points whenever they happened.
 */
export function score(rubric: Rubric, timeline: Timeline): Scorecard {
  const inTime = timedOf(rubric, timeline);
  const first = (predicate: (e: TimelineEntry) => boolean) => inTime.find((t) => predicate(t.entry));
  const ack = first((e) => e.action === "acknowledge");
  const resolved = first((e) => e.action === "resolve");
  const found = judgeClaims(inTime, claimTargetOf(undefined, rubric));
  const factor = claimFactor(found.wrong);

  const raw: number[] = [];
  const steps: StepResult[] = rubric.steps.map((step) => {
    let doneAt: number | null;
    let by: string | null;
    let covered: ReadonlySet<string> = new Set();
    let judged: ClaimJudgement | undefined;
    if (step.action === "flag") {
      // A flag step is detection: judged on every claim so far, and false claims past the allowance cost.
      judged = judgeClaims(inTime, claimTargetOf(step.target, rubric));
      ({ doneAt, by } = judged);
    } else {
      ({ doneAt, by, covered } = completeStep(step, inTime));
    }
    const timely = stepPoints(step.weight, step.targetSeconds, step.decay, doneAt);
    const points = judged ? timely * claimFactor(judged.wrong) : timely;
    raw.push(points);
    const result: StepResult = {
      id: step.id,
      label: step.label,
      action: step.action,
      required: step.required,
      weight: step.weight,
      targetSeconds: step.targetSeconds,
      doneAt,
      by,
      metTarget: doneAt !== null && doneAt <= step.targetSeconds,
      points: round2(points),
    };
    const why = whyShort(step, result, inTime, covered, judged);
    if (why) result.why = why;
    return result;
  });
  const penalties = rubric.harmful.map((h) => penaltyFor(h, timeline.entries)).filter((p) => p.count > 0);

  // Optional steps are a bonus: they add points but their absence never costs any.
  const possible = rubric.steps.filter((s) => s.required).reduce((sum, s) => sum + s.weight, 0);
  const earned = raw.reduce((sum, p) => sum + p, 0);
  const penaltyPoints = penalties.reduce((sum, p) => sum + p.points, 0);
  const base = possible > 0 ? Math.min(100, (earned / possible) * 100) : 0;
  const total = round2(Math.max(0, base - penaltyPoints));
  const missedRequired = steps.filter((s) => s.required && s.doneAt === null).map((s) => s.id);
  const passed = total >= rubric.passMark && missedRequired.length === 0;
  const grade = gradeFor(total);

  const card: Scorecard = {
    timeToAcknowledge: ack ? ack.seconds : null,
    acknowledgedBy: ack ? ack.entry.actor : null,
    timeToDetect: found.doneAt,
    detectedBy: found.by,
    timeToResolve: resolved ? resolved.seconds : null,
    resolvedBy: resolved ? resolved.entry.actor : null,
    steps,
    penalties,
    falseFlags: found.wrong,
    falseFlagAllowance: FALSE_CLAIM_ALLOWANCE,
    detectionShare: round2(factor),
    earned: round2(earned),
    possible,
    penaltyPoints,
    total,
    grade,
    passed,
    missedRequired,
    breakdown: { zh: [], en: [] },
  };
  card.breakdown = explain(card, rubric);
  return card;
}

const MAX_LISTED = 5;

function listed(ids: readonly string[], labels: Record<string, Localized> | undefined, lang: "zh" | "en") {
  const names = ids.slice(0, MAX_LISTED).map((id) => {
    const label = labels?.[id]?.[lang];
    return label ? (lang === "zh" ? `「${label}」` : `"${label}"`) : id;
  });
  const more = ids.length - names.length;
  const sep = lang === "zh" ? "、" : ", ";
  if (more <= 0) return names.join(sep);
  return lang === "zh" ? `${names.join(sep)} 等 ${ids.length} 个` : `${names.join(sep)} and ${more} more`;
}

const quote = (text: string, lang: "zh" | "en") => {
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return lang === "zh" ? `「${short}」` : `"${short}"`;
};

/**
 * Why a step earned less than its weight, in words the review shows beside it: the terms that would
 * have matched, who is still in the group, which items were the incident, what false claims cost.
 */
function whyShort(
  step: RubricStep,
  result: StepResult,
  timed: readonly Timed[],
  covered: ReadonlySet<string>,
  judged: ClaimJudgement | undefined,
): Localized | undefined {
  if (result.points >= step.weight) return undefined;
  const zh: string[] = [];
  const en: string[] = [];
  const d = formatDuration;
  if (judged) {
    const ids = step.target?.ids ?? [];
    if (result.doneAt === null) {
      if (judged.right + judged.wrong === 0) {
        zh.push("没有标记或处理任何内容。");
        en.push("Nothing was flagged or acted on.");
      } else if (judged.right === 0) {
        zh.push(`标记或处理的 ${judged.wrong} 条都不是事件本身。`);
        en.push(`None of the ${judged.wrong} item(s) flagged or acted on was the incident.`);
      } else {
        zh.push(
          `误判太多：对 ${judged.right} 条、错 ${judged.wrong} 条，错的超过了对的加 ${FALSE_CLAIM_ALLOWANCE} 条。`,
        );
        en.push(
          `Too many wrong claims: ${judged.right} right, ${judged.wrong} wrong, more than the right ones plus ${FALSE_CLAIM_ALLOWANCE}.`,
        );
      }
      if (ids.length > 0) {
        zh.push(`属于事件的是：${listed(ids, step.target?.labels, "zh")}。`);
        en.push(`The incident was: ${listed(ids, step.target?.labels, "en")}.`);
      }
    } else if (judged.wrong > FALSE_CLAIM_ALLOWANCE) {
      const share = Math.round(claimFactor(judged.wrong) * 100);
      zh.push(
        `误标记 ${judged.wrong} 条，超出可容错的 ${FALSE_CLAIM_ALLOWANCE} 条，每多 1 条扣 ${FALSE_CLAIM_COST * 100}%，本项只得 ${share}%。`,
      );
      en.push(
        `${judged.wrong} false claims, ${FALSE_CLAIM_ALLOWANCE} allowed; each one more costs ${FALSE_CLAIM_COST * 100} %, so this step keeps ${share} %.`,
      );
    }
  } else if (result.doneAt === null) {
    const tried = timed.filter((t) => t.entry.action === step.action);
    const labelZh = ACTION_LABELS[step.action].zh;
    const labelEn = ACTION_LABELS[step.action].en.toLowerCase();
    if (tried.length === 0) {
      zh.push(`没有执行过「${labelZh}」。`);
      en.push(`Nobody did "${labelEn}".`);
    }
    if (step.target && step.target.ids.length > 0) {
      const left = step.target.ids.filter((id) => !covered.has(id));
      if (step.target.match === "all" && covered.size > 0) {
        zh.push(
          step.target.by === "author"
            ? `还有 ${left.length} 个没处理：${listed(left, step.target.labels, "zh")}。`
            : `还有 ${left.length} 条没处理：${listed(left, step.target.labels, "zh")}。`,
        );
        en.push(`${left.length} still left: ${listed(left, step.target.labels, "en")}.`);
      } else if (tried.length > 0 && covered.size === 0) {
        zh.push(`处理的对象不对，应当是：${listed(step.target.ids, step.target.labels, "zh")}。`);
        en.push(
          `It was done to the wrong target; it needed: ${listed(step.target.ids, step.target.labels, "en")}.`,
        );
      } else if (tried.length === 0) {
        zh.push(`对象是：${listed(step.target.ids, step.target.labels, "zh")}。`);
        en.push(`Its target: ${listed(step.target.ids, step.target.labels, "en")}.`);
      }
    }
    const texts = tried.map((t) => t.entry.text ?? "").filter((t) => t.length > 0);
    if ((step.containsAny || step.keywordIn) && tried.length > 0) {
      const terms = (step.containsAny ?? []).slice(0, 6);
      const last = texts.at(-1);
      if (terms.length > 0) {
        zh.push(
          `写的内容里要有这些词之一：${terms.join("、")}${last ? `；写的是${quote(last, "zh")}` : ""}。`,
        );
        en.push(
          `The text needed one of: ${terms.join(", ")}${last ? `; it said ${quote(last, "en")}` : ""}.`,
        );
      } else if (last) {
        const would = commonKeywords(step.keywordIn ?? [], step.keywordNoise);
        const hint = would.length > 0 ? would.join("、") : "";
        zh.push(
          `写的是${quote(last, "zh")}：不是事件内容里的共同说法，或者日常消息里也常见、拉黑会误伤${hint ? `；能命中的例如：${hint}` : ""}。`,
        );
        en.push(
          `It said ${quote(last, "en")}: not what the incident's items share, or common in everyday messages too, so blocking it would hit them${would.length > 0 ? `; keywords that would have counted: ${would.join(", ")}` : ""}.`,
        );
      }
    }
  } else if (!result.metTarget) {
    zh.push(`${d(result.doneAt, "zh")}才完成，超出目标 ${d(result.doneAt - step.targetSeconds, "zh")}。`);
    en.push(
      `Done after ${d(result.doneAt, "en")}, ${d(result.doneAt - step.targetSeconds, "en")} past the target.`,
    );
  }
  if (zh.length === 0) return undefined;
  return { zh: zh.join(""), en: en.join(" ") };
}

function explain(card: Scorecard, rubric: Rubric): { zh: string[]; en: string[] } {
  const zh: string[] = [];
  const en: string[] = [];
  const d = formatDuration;
  if (rubric.paged) {
    zh.push(
      card.timeToAcknowledge === null
        ? "呼叫无人确认"
        : `呼叫确认：${d(card.timeToAcknowledge, "zh")}（${card.acknowledgedBy}）`,
    );
    en.push(
      card.timeToAcknowledge === null
        ? "Nobody acknowledged the page"
        : `Page acknowledged after ${d(card.timeToAcknowledge, "en")} (${card.acknowledgedBy})`,
    );
  }
  zh.push(
    card.timeToDetect === null
      ? "未识别出事件"
      : `发现事件：${d(card.timeToDetect, "zh")}（${card.detectedBy}）`,
  );
  en.push(
    card.timeToDetect === null
      ? "The incident was never flagged"
      : `Incident flagged after ${d(card.timeToDetect, "en")} (${card.detectedBy})`,
  );
  for (const s of card.steps) {
    const pts = `${s.points}/${s.weight}`;
    const optionalZh = s.required ? "" : "（加分项）";
    const optionalEn = s.required ? "" : " (bonus)";
    if (s.doneAt === null) {
      zh.push(`${s.label.zh}${optionalZh}：未完成，得分 ${pts}`);
      en.push(`${s.label.en}${optionalEn}: not done, ${pts} points`);
    } else {
      const verdictZh = s.metTarget ? "达标" : "超时";
      const verdictEn = s.metTarget ? "on time" : "late";
      zh.push(
        `${s.label.zh}${optionalZh}：${d(s.doneAt, "zh")}完成，目标 ${d(s.targetSeconds, "zh")}内，${verdictZh}，得分 ${pts}`,
      );
      en.push(
        `${s.label.en}${optionalEn}: done after ${d(s.doneAt, "en")}, target ${d(s.targetSeconds, "en")}, ${verdictEn}, ${pts} points`,
      );
    }
  }
  for (const p of card.penalties) {
    zh.push(`扣分：${p.label.zh} ×${p.count}，−${p.points}`);
    en.push(`Penalty: ${p.label.en} ×${p.count}, −${p.points}`);
  }
  if (card.falseFlags > 0) {
    const free = card.falseFlags <= FALSE_CLAIM_ALLOWANCE;
    zh.push(
      free
        ? `误标记 ${card.falseFlags} 条正常内容（${FALSE_CLAIM_ALLOWANCE} 条以内不扣分，复盘时留意）`
        : `误标记或误处理 ${card.falseFlags} 条正常内容，超出 ${FALSE_CLAIM_ALLOWANCE} 条的每条扣识别分的 ${FALSE_CLAIM_COST * 100}%`,
    );
    en.push(
      free
        ? `${card.falseFlags} ordinary item(s) flagged by mistake (free up to ${FALSE_CLAIM_ALLOWANCE}; worth a look in the review)`
        : `${card.falseFlags} ordinary items flagged or acted on by mistake; each past ${FALSE_CLAIM_ALLOWANCE} costs ${FALSE_CLAIM_COST * 100} % of the detection points`,
    );
  }
  const verdictZh = card.passed
    ? "通过"
    : card.missedRequired.length > 0
      ? "未通过（有必做步骤未完成）"
      : "未通过";
  const verdictEn = card.passed
    ? "passed"
    : card.missedRequired.length > 0
      ? "not passed (a required step was missed)"
      : "not passed";
  zh.push(`总分 ${card.total}（${card.grade}），${verdictZh}`);
  en.push(`Total ${card.total} (${card.grade}), ${verdictEn}`);
  return { zh, en };
}
