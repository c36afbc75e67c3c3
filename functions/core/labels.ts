import type { ActionKind, Category, Localized, Severity, Surface } from "./vocabulary.js";

/** What people read for each kind the vocabulary names: the CLI, the API's texts and the web app share these. */
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
