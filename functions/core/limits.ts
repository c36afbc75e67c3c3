import { DomainError } from "./errors.js";
import type { TimelineRecord } from "./ports.js";

/**
 * What one drill and one person may write to a drill's timeline. Pure: the store counts, this says
 * what the counts allow and how a refusal reads.
 *
 * Why: a timeline had no bound, and everything that reads it whole (the report, the timeline route,
 * scoring on resolve) read it on every call. A responder who posted 650 actions of 4,000 characters
 * pushed those reads past the store's page cap, and the drill could no longer be read, resolved or
 * scored. With these bounds a drill's timeline stays within a few of DynamoDB's 1 MB pages, however
 * hard anyone tries, while a real team (a handful of people, tens of actions each) never meets them.
 */
export const TIMELINE_LIMITS = {
  /** Responder entries (acknowledge, flag, act) one drill takes from everyone together. */
  drillEntries: 1_500,
  /** Their stored size, in bytes of UTF-8: the timeline read whole stays within ~4 pages of 1 MB. */
  drillBytes: 3_000_000,
  /** Entries one person may add to one drill: no single person can fill the drill for the others. */
  personEntries: 300,
  /** Bytes one person may add to one drill (about 125 actions of 4,000 Latin characters, 40 of Chinese). */
  personBytes: 512_000,
  /** A fixed window per person and drill: a burst of clicks fits, a script does not. */
  rateWindowMs: 10_000,
  rateMax: 30,
} as const;

export type TimelineLimits = typeof TIMELINE_LIMITS;

/** What a charge adds: one entry of this size, by this person, in this rate window. */
export interface QuotaCharge {
  userId: string;
  bytes: number;
  /** Start of the fixed rate window (epoch ms). */
  window: number;
}

/** The counters as they stood when a charge was refused. */
export interface QuotaUsage {
  entries: number;
  bytes: number;
  personEntries: number;
  personBytes: number;
  /** This person's entries in the charge's window. */
  windowEntries: number;
}

/** UTF-8 length without allocating: the unit DynamoDB measures an item in. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair is one code point of four bytes.
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** About what the entry costs in the table: its fields as JSON plus its keys and id guard. */
export function entryBytes(record: TimelineRecord): number {
  return utf8Length(JSON.stringify(record)) + 160;
}

export function rateWindow(now: number, limits: TimelineLimits = TIMELINE_LIMITS): number {
  return now - (now % limits.rateWindowMs);
}

/**
 * The refusal for a charge the store would not take, in the one error shape: 429 with a wait for the
 * rate (it passes by itself), 409 for a spent budget (it does not, while the drill runs). The message
 * carries both languages; `details.message` has each on its own for a client that shows one.
 */
export function quotaRefusal(
  usage: QuotaUsage,
  charge: QuotaCharge,
  now: number,
  limits: TimelineLimits = TIMELINE_LIMITS,
): DomainError {
  const refuse = (status: 409 | 429, code: string, en: string, zh: string, extra: Record<string, unknown>) =>
    new DomainError(status, code, `${en} (${zh})`, { ...extra, message: { en, zh } });
  if (usage.personEntries + 1 > limits.personEntries)
    return refuse(
      409,
      "person_limit_reached",
      `you have recorded ${limits.personEntries} actions in this drill, the most one person may`,
      `本次演练每人最多记录 ${limits.personEntries} 条操作，你已达到上限`,
      { scope: "person", limit: "entries", max: limits.personEntries },
    );
  if (usage.personBytes + charge.bytes > limits.personBytes)
    return refuse(
      409,
      "person_limit_reached",
      `your actions in this drill have reached ${Math.round(limits.personBytes / 1000)} KB of text, the most one person may`,
      `本次演练每人记录的文字最多 ${Math.round(limits.personBytes / 1000)} KB，你已达到上限`,
      { scope: "person", limit: "bytes", max: limits.personBytes },
    );
  if (usage.entries + 1 > limits.drillEntries || usage.bytes + charge.bytes > limits.drillBytes)
    return refuse(
      409,
      "drill_limit_reached",
      "this drill's timeline is full; resolve the drill to score it",
      "本次演练的时间线已满，请结束演练以生成评分",
      {
        scope: "drill",
        limit: usage.entries + 1 > limits.drillEntries ? "entries" : "bytes",
        max: usage.entries + 1 > limits.drillEntries ? limits.drillEntries : limits.drillBytes,
      },
    );
  const retryAfter = Math.max(1, Math.ceil((charge.window + limits.rateWindowMs - now) / 1000));
  const seconds = limits.rateWindowMs / 1000;
  return refuse(
    429,
    "rate_limited",
    `too many actions at once: at most ${limits.rateMax} every ${seconds} s; try again in ${retryAfter} s`,
    `操作过于频繁：每 ${seconds} 秒最多 ${limits.rateMax} 次，请 ${retryAfter} 秒后再试`,
    { scope: "person", limit: "rate", max: limits.rateMax, windowSeconds: seconds, retryAfter },
  );
}
