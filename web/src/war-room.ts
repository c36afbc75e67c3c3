import type {
  ActionKind,
  SANDBOX_SURFACES as DOMAIN_SANDBOX,
  Surface,
} from "../../functions/core/vocabulary.js";

/**
 * The surfaces a team may work on, in the domain's order. A copy, so this module (and the pages that
 * use it) do not pull the domain's zod schemas into the bundle; the type below fails if they drift.
 */
export const SANDBOX_SURFACES = [
  "group_chat",
  "articles",
  "comments",
  "client_dm",
  "account_console",
] as const;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameSurfaces: Same<(typeof SANDBOX_SURFACES)[number], (typeof DOMAIN_SANDBOX)[number]> = true;
void _sameSurfaces;

/** The actions that make sense on one item of a surface (the drill never says which is right). */
export const ITEM_ACTIONS: Record<Surface, ActionKind[]> = {
  group_chat: ["flag", "remove_member", "delete_post", "reply"],
  articles: ["flag", "delete_post", "republish", "restore_version"],
  comments: ["flag", "delete_comment", "reply", "contact_user"],
  client_dm: ["flag", "reply"],
  account_console: ["flag", "freeze_account", "contact_platform", "fix_config"],
  oncall_page: ["flag"],
};

/** Actions on a surface as a whole, with no item to point at. */
export const SURFACE_ACTIONS: Record<Surface, ActionKind[]> = {
  group_chat: ["post_announcement", "blacklist_keyword"],
  articles: ["blacklist_keyword"],
  comments: ["reply"],
  client_dm: ["notify_client", "send_plan"],
  account_console: ["freeze_account", "contact_platform"],
  oncall_page: [],
};

/** Team-wide moves, available whatever the surface. */
export const TEAM_ACTIONS: ActionKind[] = [
  "notify_client",
  "send_plan",
  "escalate",
  "handoff",
  "collect_evidence",
  "contact_platform",
];

/** Actions that carry words: an announcement, a reply, a keyword, a plan. */
export const TEXT_ACTIONS: ReadonlySet<ActionKind> = new Set<ActionKind>([
  "post_announcement",
  "reply",
  "contact_user",
  "notify_client",
  "send_plan",
  "blacklist_keyword",
  "republish",
  "escalate",
  "handoff",
  "collect_evidence",
  "contact_platform",
  "fix_config",
]);

/** What an action's targets are: remove_member names people, the rest name items. */
export function targetsFor(
  action: ActionKind,
  item: { id: string; author?: { id: string } | undefined },
): string[] {
  if (action === "remove_member") return item.author ? [item.author.id] : [];
  return [item.id];
}

/** Items newer than the ones already seen, for the "n new" notice. */
export function countNew(previousIds: ReadonlySet<string>, items: readonly { id: string }[]): number {
  if (previousIds.size === 0) return 0;
  return items.reduce((n, item) => n + (previousIds.has(item.id) ? 0 : 1), 0);
}

export interface OwnMessage {
  id: string;
  at: number;
  actorName: string;
  action: ActionKind;
  text: string;
}

/**
 * What the team itself said, per surface, from the timeline: announcements in the group, replies next
 * to what they answer, messages to the client in the client's chat. Shown so the sandbox reads like the
 * real thing after someone acts.
 */
export function ownMessages(
  entries: readonly {
    id: string;
    at: number;
    actorName: string;
    action: string;
    text?: string;
    targets?: string[];
  }[],
  surfaceOf: (itemId: string) => Surface | undefined,
): Map<Surface, OwnMessage[]> {
  const out = new Map<Surface, OwnMessage[]>();
  const add = (surface: Surface, e: (typeof entries)[number]) =>
    out.set(surface, [
      ...(out.get(surface) ?? []),
      { id: e.id, at: e.at, actorName: e.actorName, action: e.action as ActionKind, text: e.text ?? "" },
    ]);
  for (const e of entries) {
    if (!e.text) continue;
    if (e.action === "post_announcement") add("group_chat", e);
    else if (e.action === "notify_client" || e.action === "send_plan") add("client_dm", e);
    else if (e.action === "reply") {
      const surface = e.targets?.map(surfaceOf).find(Boolean);
      add(surface ?? "group_chat", e);
    }
  }
  return out;
}

/** The sandbox's own removal notices ("X was removed from the group"): nothing to flag or act on. */
export const isRemovalNotice = (item: { id: string }) => item.id.startsWith("rm-");

/** How many of a surface's items the reader has not opened yet (all of them before the first look). */
export function unreadCount(
  seenIds: ReadonlySet<string> | undefined,
  items: readonly { id: string }[],
): number {
  if (!seenIds) return items.length;
  return items.reduce((n, item) => n + (seenIds.has(item.id) ? 0 : 1), 0);
}

/** The calendar day of an instant in a timezone, as "YYYY-MM-DD". */
export function localDay(epochMs: number, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(epochMs));
}

/**
 * A chat's date separator, the way chat apps write it: 今天 / 昨天 / 12月1日 (Today / Yesterday /
 * Dec 1), with the year when it is not this year's.
 */
export function dayLabel(lang: "zh" | "en", epochMs: number, now: number, timeZone?: string): string {
  const day = localDay(epochMs, timeZone);
  const today = localDay(now, timeZone);
  if (day === today) return lang === "zh" ? "今天" : "Today";
  // Noon of the day before today, so a daylight-saving change cannot skip a day.
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const yesterday = new Date(Date.UTC(y, m - 1, d - 1, 12)).toISOString().slice(0, 10);
  if (day === yesterday) return lang === "zh" ? "昨天" : "Yesterday";
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  if (lang === "zh") {
    const [dy, dm, dd] = day.split("-").map(Number) as [number, number, number];
    return `${sameYear ? "" : `${dy}年`}${dm}月${dd}日`;
  }
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    month: "short",
    day: "numeric",
    ...(sameYear ? {} : { year: "numeric" }),
  }).format(new Date(epochMs));
}

/** Rows of a chat with a date separator before the first row of each local day. */
export function withDays<T>(
  rows: readonly T[],
  atOf: (row: T) => number,
  timeZone?: string,
): Array<{ day: string; at: number } | { row: T }> {
  const out: Array<{ day: string; at: number } | { row: T }> = [];
  let last = "";
  for (const row of rows) {
    const at = atOf(row);
    const day = localDay(at, timeZone);
    if (day !== last) out.push({ day, at });
    last = day;
    out.push({ row });
  }
  return out;
}
