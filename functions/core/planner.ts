import { minuteOfDay, type ProgramSettings } from "./program.js";
import type { Rng } from "./random.js";
import type { Scenario } from "./scenario.js";
import type { Localized } from "./vocabulary.js";

/**
 * The monthly planner: which scenario(s) a program's team gets this month, and at which minute.
 *
 * Pure: the clock (`now`) and randomness (`rng`) come in, so a plan is reproducible and tested to
 * the minute. The draw is uniform over the month's allowed minutes. Rather than materialise ~44,640
 * minutes, the allowed set is kept as sorted UTC intervals with a running count, which is the same
 * set: a draw picks the k-th allowed minute, so a long day is exactly as likely as its minute count
 * says and window edges get no extra weight.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MINUTES_PER_DAY = 1440;
/** Drills of one month keep at least this far apart when the allowed minutes make it possible. */
export const MIN_SPACING_MS = 3 * DAY;
/** Plans redrawn before settling for one that breaks a soft rule (see `planMonth`). */
const ATTEMPTS = 64;

export type TimingWindow = Scenario["timing"]["window"];
export type Timing = Scenario["timing"];

export interface PlanInput {
  program: ProgramSettings;
  /** "YYYY-MM" in the program's timezone. */
  month: string;
  /** The catalog the team can draw from (built-in and its own scenarios). */
  scenarios: readonly Scenario[];
  /** The team's previous drill, so a month never starts with a repeat. */
  lastScenarioId?: string;
  /**
   * Seed it with a random uint32 (crypto): `Rng.seeded`'s first draw is a plain function of the
   * seed, so seeds 1, 2, 3… would give near-identical first picks.
   */
  rng: Rng;
  /** Epoch ms; earlier minutes are not eligible, so a program created mid-month plans only what is left. */
  now?: number;
}

export interface PlannedDrill {
  /** Epoch ms, at a whole minute. */
  plannedAt: number;
  scenarioId: string;
  /** A uint32 for the generator, drawn from the planner's rng so the whole plan replays from one seed. */
  seed: number;
  window: TimingWindow;
}

// ───────────────────────────── local time ─────────────────────────────

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Building a formatter costs ~50 µs, a format ~4 µs: one per zone, kept.
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's wall clock minus UTC at an instant, in ms (+8 h for Asia/Shanghai). */
export function offsetAt(epochMs: number, timeZone: string): number {
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  for (const p of formatter(timeZone).formatToParts(new Date(epochMs))) {
    if (p.type === "year") y = Number(p.value);
    else if (p.type === "month") mo = Number(p.value);
    else if (p.type === "day") d = Number(p.value);
    else if (p.type === "hour") h = Number(p.value);
    else if (p.type === "minute") mi = Number(p.value);
    else if (p.type === "second") s = Number(p.value);
  }
  return Date.UTC(y, mo - 1, d, h, mi, s) - Math.floor(epochMs / 1000) * 1000;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a wall-clock instant written as if it were UTC. */
function isoWeekday(wall: number): number {
  return ((new Date(wall).getUTCDay() + 6) % 7) + 1;
}

export interface ZonedTime {
  /** "YYYY-MM-DD" */
  date: string;
  /** "HH:MM" */
  time: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

/** What a clock on the wall in `timeZone` shows at an instant (to the minute). */
export function epochToZoned(epochMs: number, timeZone: string): ZonedTime {
  const wall = Math.floor(epochMs / 1000) * 1000 + offsetAt(epochMs, timeZone);
  const w = new Date(wall);
  return {
    date: w.toISOString().slice(0, 10),
    time: `${pad2(w.getUTCHours())}:${pad2(w.getUTCMinutes())}`,
    weekday: isoWeekday(wall),
  };
}

function wallOf(localDate: string, hhmm: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  const t = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m || !t) throw new RangeError(`expected "YYYY-MM-DD" and "HH:MM", got "${localDate}" "${hhmm}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(t[1]), Number(t[2]));
}

/**
 * The instant a local date and time happen in `timeZone`. A time that repeats when clocks fall back
 * gives its first occurrence; a time skipped when clocks spring forward gives null, because it never
 * happens there.
 */
export function zonedToEpoch(localDate: string, hhmm: string, timeZone: string): number | null {
  const wall = wallOf(localDate, hhmm);
  // Zones change offset at most once within a day or two, so the offsets a day either side are the
  // only candidates; each is kept only if the instant it gives really has that offset.
  const candidates = new Set([
    offsetAt(wall - DAY, timeZone),
    offsetAt(wall, timeZone),
    offsetAt(wall + DAY, timeZone),
  ]);
  let first: number | null = null;
  for (const offset of candidates) {
    const t = wall - offset;
    if (offsetAt(t, timeZone) === offset && (first === null || t < first)) first = t;
  }
  return first;
}

// ───────────────────────────── offset segments ─────────────────────────────

interface Segment {
  /** UTC ms, included. */
  from: number;
  /** UTC ms, excluded. */
  to: number;
  offset: number;
}

/** Offsets are sampled this often; a transition between two samples is then found by bisection. */
const SAMPLE_MS = 6 * HOUR;

/** The stretches of [from, to) during which the zone keeps one offset, transitions found to the minute. */
function offsetSegments(timeZone: string, from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let start = from;
  let offset = offsetAt(from, timeZone);
  let t = from;
  while (t < to) {
    const next = Math.min(t + SAMPLE_MS, to);
    if (offsetAt(next, timeZone) === offset) {
      t = next;
      continue;
    }
    let lo = t;
    let hi = next;
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
      if (offsetAt(mid, timeZone) === offset) lo = mid;
      else hi = mid;
    }
    if (hi > start) out.push({ from: start, to: hi, offset });
    start = hi;
    offset = offsetAt(hi, timeZone);
    t = hi;
  }
  if (to > start) out.push({ from: start, to, offset });
  return out;
}

// Every program of a zone shares the zone's month, so 10,000 programs cost a few hundred Intl calls
// per zone instead of one per minute. Bounded so a long-running process cannot grow it forever.
const segmentCache = new Map<string, Segment[]>();
const SEGMENT_CACHE_MAX = 2000;

function monthSegments(timeZone: string, month: MonthSpan): Segment[] {
  const key = `${timeZone}|${month.month}`;
  let segs = segmentCache.get(key);
  if (!segs) {
    // Offsets lie within a day of UTC, so a day either side covers every instant of the local month.
    segs = offsetSegments(timeZone, month.wallStart - DAY, month.wallEnd + DAY);
    if (segmentCache.size >= SEGMENT_CACHE_MAX) segmentCache.clear();
    segmentCache.set(key, segs);
  }
  return segs;
}

// ───────────────────────────── intervals ─────────────────────────────

/** Half-open [from, to). */
type Interval = readonly [number, number];

function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [a0, a1] = a[i] as Interval;
    const [b0, b1] = b[j] as Interval;
    const lo = Math.max(a0, b0);
    const hi = Math.min(a1, b1);
    if (lo < hi) out.push([lo, hi]);
    if (a1 < b1) i++;
    else j++;
  }
  return out;
}

function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const [a0, a1] of a) {
    let lo = a0;
    while (j < b.length && (b[j] as Interval)[1] <= lo) j++;
    let k = j;
    while (lo < a1 && k < b.length && (b[k] as Interval)[0] < a1) {
      const [b0, b1] = b[k] as Interval;
      if (b0 > lo) out.push([lo, b0]);
      lo = Math.max(lo, b1);
      k++;
    }
    if (lo < a1) out.push([lo, a1]);
  }
  return out;
}

/** Sorted, merged. */
function normalise(list: Interval[]): Interval[] {
  const sorted = [...list].filter(([lo, hi]) => lo < hi).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1]) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

/** Append keeping the list merged; callers add in ascending order. */
function pushMerged(out: [number, number][], lo: number, hi: number) {
  const last = out[out.length - 1];
  if (last && lo <= last[1]) last[1] = Math.max(last[1], hi);
  else out.push([lo, hi]);
}

/**
 * A set of whole UTC minutes, kept as sorted disjoint intervals with a running count, so the k-th
 * minute is a binary search away.
 */
export class MinuteSet {
  /** Number of minutes. */
  readonly size: number;
  private readonly cumulative: number[];

  constructor(readonly intervals: readonly Interval[]) {
    this.cumulative = [];
    let total = 0;
    for (const [lo, hi] of intervals) {
      this.cumulative.push(total);
      total += (hi - lo) / MINUTE;
    }
    this.size = total;
  }

  /** The k-th minute (0-based), in time order. */
  at(k: number): number {
    if (!(k >= 0 && k < this.size)) throw new RangeError(`minute ${k} of ${this.size}`);
    let lo = 0;
    let hi = this.intervals.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.cumulative[mid] as number) <= k) lo = mid;
      else hi = mid - 1;
    }
    return (this.intervals[lo] as Interval)[0] + (k - (this.cumulative[lo] as number)) * MINUTE;
  }

  /** One minute, every minute equally likely. */
  draw(rng: Rng): number {
    if (this.size === 0) throw new Error("no minute to draw from");
    return this.at(rng.int(0, this.size - 1));
  }

  has(epochMs: number): boolean {
    if (epochMs % MINUTE !== 0) return false;
    return this.intervals.some(([lo, hi]) => epochMs >= lo && epochMs < hi);
  }

  /** The minutes in [from, to) taken out. */
  without(from: number, to: number): MinuteSet {
    return new MinuteSet(subtract(this.intervals, [[from, to]]));
  }

  /** The minutes at or after an instant (a minute that has begun is past). */
  from(epochMs: number): MinuteSet {
    const first = Math.ceil(epochMs / MINUTE) * MINUTE;
    return new MinuteSet(intersect(this.intervals, [[first, Number.POSITIVE_INFINITY]]));
  }

  *[Symbol.iterator](): IterableIterator<number> {
    for (const [lo, hi] of this.intervals) for (let t = lo; t < hi; t += MINUTE) yield t;
  }
}

// ───────────────────────────── the allowed minutes ─────────────────────────────

interface MonthSpan {
  month: string;
  /** The month's first and the next month's first local midnight, as wall-clock ms. */
  wallStart: number;
  wallEnd: number;
}

function monthSpan(month: string): MonthSpan {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new RangeError(`expected a month such as "2026-11", got "${month}"`);
  const year = Number(m[1]);
  const index = Number(m[2]);
  return { month, wallStart: Date.UTC(year, index - 1, 1), wallEnd: Date.UTC(year, index, 1) };
}

const FULL_DAY: Interval[] = [[0, MINUTES_PER_DAY]];
/**
 * The night hours, local and inclusive: what a team that has not opted into night drills is never
 * woken for. A night scenario lands inside them (in its own, narrower hours) only with the opt-in;
 * an any-time scenario lands anywhere but inside them without it.
 */
export const NIGHT_HOURS = { start: "00:00", end: "05:59" } as const;
// The scenario schema requires night scenarios to state their hours; this only guards a hand-built one.
const DEFAULT_NIGHT = NIGHT_HOURS;

/** A scenario's `between` is inclusive ("03:59" is the last minute) and may run past midnight. */
function betweenMask(between: { start: string; end: string }): Interval[] {
  const s = minuteOfDay(between.start);
  const e = minuteOfDay(between.end) + 1;
  return s < e
    ? [[s, e]]
    : normalise([
        [s, MINUTES_PER_DAY],
        [0, e],
      ]);
}

/** Quiet periods are half-open and may run past midnight ("22:00"–"07:00"). */
function quietMask(program: ProgramSettings): Interval[] {
  const parts: Interval[] = [];
  for (const q of program.quietHours) {
    const s = minuteOfDay(q.start);
    const e = minuteOfDay(q.end);
    if (s < e) parts.push([s, e]);
    else parts.push([s, MINUTES_PER_DAY], [0, e]);
  }
  return normalise(parts);
}

/** Minutes of the local day (0–1440) a scenario may use on an ISO weekday, quiet hours removed. */
function dayMasks(program: ProgramSettings, timing: Timing): Interval[][] {
  const quiet = quietMask(program);
  const between =
    timing.window === "night"
      ? betweenMask(timing.between ?? DEFAULT_NIGHT)
      : timing.between && betweenMask(timing.between);
  const masks: Interval[][] = [[]];
  for (let weekday = 1; weekday <= 7; weekday++) {
    // The scenario's own rule wins: night and any ignore the program's weekly windows; business
    // hours use them (narrowed further by the scenario's hours, when it states some).
    let mask =
      timing.window === "business_hours"
        ? normalise(
            program.windows
              .filter((w) => w.days.includes(weekday))
              .map((w): Interval => [minuteOfDay(w.start), minuteOfDay(w.end)]),
          )
        : FULL_DAY;
    if (between) mask = intersect(mask, between);
    // "Any time" is any time the team agreed to be drilled: without the night opt-in the night is out,
    // or account-takeover would page a team at 3 a.m. that never said yes to it.
    if (timing.window === "any" && !program.nightDrills) mask = subtract(mask, betweenMask(NIGHT_HOURS));
    masks.push(subtract(mask, quiet));
  }
  return masks;
}

export interface MinutesQuery {
  program: ProgramSettings;
  month: string;
  now?: number;
}

/**
 * Every minute of the local month a scenario with this timing may land on: inside its hours (the
 * program's windows for business hours), outside quiet hours and blackout dates, not before `now`.
 * A local time skipped by a spring-forward is absent; one repeated by a fall-back is there once, at
 * its first occurrence.
 */
export function allowedMinutes(query: MinutesQuery, timing: Timing): MinuteSet {
  const { program } = query;
  const span = monthSpan(query.month);
  const masks = dayMasks(program, timing);
  const blackout = new Set(program.blackoutDates);

  // 1. The allowed local wall-clock minutes, day by day, as wall-clock ms ("local time as if UTC").
  const wall: [number, number][] = [];
  let weekday = isoWeekday(span.wallStart);
  for (let day = span.wallStart, d = 1; day < span.wallEnd; day += DAY, d++, weekday = (weekday % 7) + 1) {
    if (blackout.has(`${span.month}-${pad2(d)}`)) continue;
    for (const [lo, hi] of masks[weekday] as Interval[])
      pushMerged(wall, day + lo * MINUTE, day + hi * MINUTE);
  }

  // 2. Through the zone's offset segments to UTC. Within a segment wall = utc + offset. A wall time
  // already reached by an earlier segment is a fall-back repeat and is dropped; one no segment
  // reaches is a spring-forward gap and never appears.
  const utc: [number, number][] = [];
  let reached = Number.NEGATIVE_INFINITY;
  for (const seg of monthSegments(program.timezone, span)) {
    const lo = Math.max(seg.from + seg.offset, reached);
    const hi = seg.to + seg.offset;
    reached = Math.max(reached, hi);
    if (hi <= lo) continue;
    for (const [a, b] of intersect(wall, [[lo, hi]])) pushMerged(utc, a - seg.offset, b - seg.offset);
  }

  const set = new MinuteSet(utc);
  return query.now === undefined ? set : set.from(query.now);
}

// ───────────────────────────── the plan ─────────────────────────────

interface Candidate {
  scenario: Scenario;
  weight: number;
  /** Scenarios with the same timing share one minute set, so their times may be swapped. */
  timingKey: string;
  minutes: MinuteSet;
}

function timingKey(timing: Timing): string {
  return `${timing.window}|${timing.between?.start ?? ""}|${timing.between?.end ?? ""}`;
}

/** The pool as it stands this month: scenarios that exist, are allowed, and have a minute to land on. */
function candidatesOf(input: Omit<PlanInput, "rng">): Candidate[] {
  const { program, scenarios } = input;
  if (!program.enabled) return [];
  const byId = new Map<string, Scenario>();
  for (const s of scenarios) if (!byId.has(s.id)) byId.set(s.id, s);
  const pool =
    program.pool.length > 0 ? program.pool : scenarios.map((s) => ({ scenarioId: s.id, weight: 1 }));
  const sets = new Map<string, MinuteSet>();
  const out: Candidate[] = [];
  for (const entry of pool) {
    const scenario = byId.get(entry.scenarioId);
    if (!scenario) continue;
    if (scenario.timing.window === "night" && !program.nightDrills) continue;
    const key = timingKey(scenario.timing);
    let minutes = sets.get(key);
    if (!minutes) {
      minutes = allowedMinutes(input, scenario.timing);
      sets.set(key, minutes);
    }
    if (minutes.size > 0) out.push({ scenario, weight: entry.weight, timingKey: key, minutes });
  }
  return out;
}

function weightedPick(options: readonly Candidate[], rng: Rng): Candidate {
  // Weights have one decimal in practice; thousandths keep the draw in exact integers.
  // A record stored before weights existed has none; it counts as the default weight.
  const units = options.map((c) =>
    Number.isFinite(c.weight) ? Math.max(1, Math.round(c.weight * 1000)) : 1000,
  );
  let k = rng.int(0, units.reduce((a, b) => a + b, 0) - 1);
  for (let i = 0; i < options.length; i++) {
    k -= units[i] as number;
    if (k < 0) return options[i] as Candidate;
  }
  return options[options.length - 1] as Candidate;
}

interface Draft {
  candidate: Candidate;
  at: number;
}

interface Attempt {
  drafts: Draft[];
  /** No scenario twice in a row, in time order, counting the team's previous drill. */
  varied: boolean;
  spaced: boolean;
}

function drawAttempt(candidates: readonly Candidate[], count: number, last: string | undefined, rng: Rng) {
  const canVary = candidates.length > 1;
  const chosen: Candidate[] = [];
  let previous = last;
  for (let i = 0; i < count; i++) {
    const others = canVary ? candidates.filter((c) => c.scenario.id !== previous) : candidates;
    const pick = weightedPick(others.length > 0 ? others : candidates, rng);
    chosen.push(pick);
    previous = pick.scenario.id;
  }

  const times: number[] = [];
  let spaced = true;
  for (const c of chosen) {
    let free = c.minutes;
    for (const t of times) free = free.without(t - MIN_SPACING_MS + MINUTE, t + MIN_SPACING_MS);
    if (free.size === 0) {
      spaced = false;
      free = c.minutes;
      for (const t of times) free = free.without(t, t + MINUTE);
      if (free.size === 0) free = c.minutes;
    }
    times.push(free.draw(rng));
  }

  // Drills with the same timing may trade times, so each such group takes its times in ascending
  // order: the chosen sequence (already free of repeats) is then also the order in time.
  const groups = new Map<string, number[]>();
  chosen.forEach((c, i) => {
    groups.set(c.timingKey, [...(groups.get(c.timingKey) ?? []), i]);
  });
  const at = [...times];
  for (const indices of groups.values()) {
    const sorted = indices.map((i) => times[i] as number).sort((a, b) => a - b);
    indices.forEach((i, n) => {
      at[i] = sorted[n] as number;
    });
  }

  const drafts = chosen
    .map((candidate, i): Draft => ({ candidate, at: at[i] as number }))
    .sort((a, b) => a.at - b.at);
  let varied = true;
  if (canVary) {
    let prev = last;
    for (const d of drafts) {
      if (d.candidate.scenario.id === prev) varied = false;
      prev = d.candidate.scenario.id;
    }
  }
  return { drafts, varied, spaced } satisfies Attempt;
}

/**
 * Draws this month's drills for a program. Scenarios are picked by pool weight, never the same one
 * twice in a row while the pool has another; each drill lands on a minute drawn uniformly from those
 * its scenario may use; several drills keep 3 days apart when the month allows it. Returns [] when
 * nothing can be planned; `explainEmpty` says why.
 */
export function planMonth(input: PlanInput): PlannedDrill[] {
  const candidates = candidatesOf(input);
  if (candidates.length === 0) return [];
  const count = input.program.drillsPerMonth;

  // Scenarios with different timings (a night push and a daytime post) can come out of order in
  // time; such a plan, or one that could not keep the spacing, is redrawn, and after a few tries the
  // best one is kept: no repeat first, spacing second.
  let best: Attempt | undefined;
  for (let i = 0; i < ATTEMPTS; i++) {
    const attempt = drawAttempt(candidates, count, input.lastScenarioId, input.rng);
    if (attempt.varied && attempt.spaced) {
      best = attempt;
      break;
    }
    const rank = (a: Attempt) => (a.varied ? 2 : 0) + (a.spaced ? 1 : 0);
    if (!best || rank(attempt) > rank(best)) best = attempt;
  }

  return (best as Attempt).drafts.map((d) => ({
    plannedAt: d.at,
    scenarioId: d.candidate.scenario.id,
    seed: input.rng.int(0, 0xffff_ffff),
    window: d.candidate.scenario.timing.window,
  }));
}

/**
 * Why `planMonth` plans nothing, in both languages; null when it does plan something. Checked from
 * the most specific cause to the most general, so a manager sees the setting to change.
 */
export function explainEmpty(input: Omit<PlanInput, "rng"> & { rng?: Rng }): Localized | null {
  if (candidatesOf(input).length > 0) return null;
  const { program, month, scenarios } = input;
  if (!program.enabled) {
    return {
      zh: "该演练计划已暂停，暂停期间不会安排演练。",
      en: "The program is paused; a paused program plans no drill.",
    };
  }
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const inPool =
    program.pool.length > 0 ? program.pool.flatMap((p) => byId.get(p.scenarioId) ?? []) : [...scenarios];
  if (inPool.length === 0) {
    return program.pool.length > 0
      ? {
          zh: "场景池里的场景在本团队的场景目录中都不存在。",
          en: "None of the scenarios in the pool is in the team's catalog.",
        }
      : { zh: "本团队的场景目录是空的。", en: "The team's scenario catalog is empty." };
  }
  if (!program.nightDrills && inPool.every((s) => s.timing.window === "night")) {
    return {
      zh: "场景池里只有夜间场景，而本计划未开启夜间演练。请开启夜间演练，或加入白天的场景。",
      en: "The pool holds only night scenarios and night drills are off. Allow night drills or add daytime scenarios.",
    };
  }

  const span = monthSpan(month);
  const daysInMonth = Math.round((span.wallEnd - span.wallStart) / DAY);
  const blackout = new Set(program.blackoutDates);
  const firstDay =
    input.now !== undefined && monthOfEpoch(input.now, program.timezone) === month
      ? Number(epochToZoned(input.now, program.timezone).date.slice(8, 10))
      : 1;
  let openDays = 0;
  for (let d = firstDay; d <= daysInMonth; d++) if (!blackout.has(`${month}-${pad2(d)}`)) openDays++;
  const rest = firstDay > 1;
  if (openDays === 0) {
    return rest
      ? {
          zh: `${month} 余下的每一天都是禁排日期。`,
          en: `Every remaining day of ${month} is a blackout date.`,
        }
      : { zh: `${month} 的每一天都是禁排日期。`, en: `Every day of ${month} is a blackout date.` };
  }
  // Every minute of the month, the night included: only the calendar can have run out here.
  const anyTime = {
    program: { ...program, quietHours: [], blackoutDates: [], nightDrills: true },
    month,
    now: input.now,
  };
  if (input.now !== undefined && allowedMinutes(anyTime, { window: "any" }).size === 0) {
    return {
      zh: `${month} 已经过去，没有剩余时间可安排演练。`,
      en: `${month} is over: no time is left to plan.`,
    };
  }
  const plannable = (changes: Partial<ProgramSettings>, ignoreNow = false) =>
    candidatesOf({ ...input, now: ignoreNow ? undefined : input.now, program: { ...program, ...changes } })
      .length > 0;
  if (program.quietHours.length > 0 && plannable({ quietHours: [] })) {
    return {
      zh: `免打扰时段覆盖了 ${month} 所有可用的演练时间。`,
      en: `The quiet hours cover every minute the pool's scenarios could use in ${month}.`,
    };
  }
  if (program.blackoutDates.length > 0 && plannable({ blackoutDates: [] })) {
    return {
      zh: `禁排日期覆盖了 ${month} 中时间窗口允许的每一天。`,
      en: `The blackout dates cover every day of ${month} that the windows allow.`,
    };
  }
  if (input.now !== undefined && plannable({}, true)) {
    return {
      zh: `${month} 余下的时间里已没有符合时间窗口的时刻。`,
      en: `No allowed time is left in ${month} after now.`,
    };
  }
  return {
    zh: `${month} 没有任何一分钟同时符合计划的时间窗口、免打扰时段、禁排日期和场景自身的时间要求。`,
    en: `No minute of ${month} fits the program's windows, quiet hours and blackout dates together with the scenarios' own time rules.`,
  };
}

function monthOfEpoch(epochMs: number, timeZone: string): string {
  return epochToZoned(epochMs, timeZone).date.slice(0, 7);
}
