import * as z from "zod";

/** Every user-facing text exists in both languages the product ships. */
export const LANGS = ["zh", "en"] as const;
export type Lang = (typeof LANGS)[number];

export const Localized = z
  .object({
    zh: z.string().min(1).max(4000).describe("Chinese (zh-CN) text"),
    en: z.string().min(1).max(4000).describe("English text"),
  })
  .strict();
export type Localized = z.infer<typeof Localized>;

/** Where a stimulus shows up in the sandbox a team watches. */
export const SURFACES = [
  "group_chat",
  "articles",
  "comments",
  "client_dm",
  "account_console",
  "oncall_page",
] as const;
export const Surface = z.enum(SURFACES);
/** The surfaces a team watches in its sandbox (pages arrive on the on-call surface). */
export const SANDBOX_SURFACES = [
  "group_chat",
  "articles",
  "comments",
  "client_dm",
  "account_console",
] as const;
export type Surface = z.infer<typeof Surface>;

/**
 * Risk classes named in the seed articles: 001's tools / accounts / people / activity rules /
 * operations, 004's content / technical / client demand / crisis PR, and 002's ads / negative
 * spread / rule-less groups / data leaks. The catalog covers every one of them.
 */
export const CATEGORIES = [
  "tools",
  "account",
  "people",
  "activity_rules",
  "operations",
  "content",
  "technical",
  "client_demand",
  "crisis_pr",
  "ads",
  "negative_spread",
  "group_rules",
  "data_leak",
] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

/** What a responder can do in a drill. `acknowledge` and `flag` are detection; the rest are responses. */
export const ACTION_KINDS = [
  "acknowledge",
  "flag",
  "remove_member",
  "delete_post",
  "delete_comment",
  "post_announcement",
  "reply",
  "contact_user",
  "notify_client",
  "send_plan",
  "blacklist_keyword",
  "republish",
  "restore_version",
  "fix_config",
  "freeze_account",
  "collect_evidence",
  "contact_platform",
  "handoff",
  "escalate",
  "resolve",
] as const;
export const ActionKind = z.enum(ACTION_KINDS);
export type ActionKind = z.infer<typeof ActionKind>;

/** The kinds of item a surface shows. */
export const ITEM_KINDS = [
  "message",
  "card",
  "join",
  "notice",
  "article",
  "comment",
  "dm",
  "console",
  "page",
] as const;
export const ItemKind = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof ItemKind>;

export const AUTHOR_ROLES = ["member", "staff", "raider", "client", "system", "editor"] as const;
export const AuthorRole = z.enum(AUTHOR_ROLES);
export type AuthorRole = z.infer<typeof AuthorRole>;

// The labels live in a module without zod, so the web app can show them without shipping the schemas.
export { ACTION_LABELS, CATEGORY_LABELS, SEVERITY_LABELS, SURFACE_LABELS } from "./labels.js";

export const DURATION_PATTERN = "^(?=\\d)(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?$";

export function parseDuration(text: string): number {
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  if (!match || text.length === 0) throw new Error(`not a duration: ${text}`);
  const [, h, m, s] = match;
  return Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
}

export const Duration = z
  .string()
  .regex(new RegExp(DURATION_PATTERN), { message: 'expected a duration such as "90s", "15m", "1h30m"' })
  .transform(parseDuration)
  .describe('A duration such as "90s", "15m", "1h30m" or "24h"');
