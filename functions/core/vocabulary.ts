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

export const CATEGORY_LABELS: Record<Category, Localized> = {
  tools: { zh: "工具类", en: "Tools" },
  account: { zh: "账号类", en: "Accounts" },
  people: { zh: "人员类", en: "People" },
  activity_rules: { zh: "活动规则类", en: "Activity rules" },
  operations: { zh: "运营类", en: "Operations" },
  content: { zh: "内容发布类", en: "Content" },
  technical: { zh: "技术故障类", en: "Technical" },
  client_demand: { zh: "客户需求突变类", en: "Client demands" },
  crisis_pr: { zh: "危机公关类", en: "Crisis PR" },
  ads: { zh: "广告炸群类", en: "Ads and raids" },
  negative_spread: { zh: "负面扩散类", en: "Negative spread" },
  group_rules: { zh: "群规失序类", en: "Group rules" },
  data_leak: { zh: "数据泄露类", en: "Data leaks" },
};

export const SEVERITY_LABELS: Record<Severity, Localized> = {
  low: { zh: "低", en: "Low" },
  medium: { zh: "中", en: "Medium" },
  high: { zh: "高", en: "High" },
  critical: { zh: "严重", en: "Critical" },
};

export const SURFACE_LABELS: Record<Surface, Localized> = {
  group_chat: { zh: "社群群聊", en: "Group chat" },
  articles: { zh: "公众号文章", en: "Articles" },
  comments: { zh: "留言区", en: "Comments" },
  client_dm: { zh: "客户私信", en: "Client messages" },
  account_console: { zh: "账号后台", en: "Account console" },
  oncall_page: { zh: "值班呼叫", en: "On-call page" },
};

export const ACTION_LABELS: Record<ActionKind, Localized> = {
  acknowledge: { zh: "确认收到呼叫", en: "Acknowledge the page" },
  flag: { zh: "标记为事件", en: "Flag as the incident" },
  remove_member: { zh: "移出群成员", en: "Remove member" },
  delete_post: { zh: "删除/撤回内容", en: "Delete or recall" },
  delete_comment: { zh: "删除留言", en: "Delete comment" },
  post_announcement: { zh: "发布群公告", en: "Post announcement" },
  reply: { zh: "统一口径回复", en: "Reply" },
  contact_user: { zh: "私信联系用户", en: "Contact the user" },
  notify_client: { zh: "告知客户", en: "Notify the client" },
  send_plan: { zh: "发送处理方案", en: "Send the plan" },
  blacklist_keyword: { zh: "加入关键词黑名单", en: "Blacklist keyword" },
  republish: { zh: "重新发布", en: "Republish" },
  restore_version: { zh: "恢复历史版本", en: "Restore version" },
  fix_config: { zh: "修正配置", en: "Fix configuration" },
  freeze_account: { zh: "冻结账号", en: "Freeze account" },
  collect_evidence: { zh: "整理证据", en: "Collect evidence" },
  contact_platform: { zh: "联系平台客服", en: "Contact the platform" },
  handoff: { zh: "转交备班", en: "Hand off to backup" },
  escalate: { zh: "升级上报", en: "Escalate" },
  resolve: { zh: "结束处置", en: "Resolve" },
};

/** Durations in scenario files read like people write them: "90s", "15m", "1h30m", "24h". */
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
