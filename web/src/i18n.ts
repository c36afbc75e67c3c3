import type { ChannelKind, DrillStatus, Role, SystemEvent } from "../../functions/core/ports.js";
import type { ActionKind } from "../../functions/core/vocabulary.js";

/**
 * Every string the app shows, in zh-CN and English, plus the Intl formatting of dates, times and
 * durations. Kept free of React so it can be tested and used anywhere.
 */

export type Lang = "zh" | "en";
export const LANGS: readonly Lang[] = ["zh", "en"];
export const LANG_KEY = "yanlian.lang";

const zh = {
  app_name: "演练",
  skip_to_content: "跳到正文",
  nav_overview: "总览",
  nav_teams: "团队",
  nav_programs: "演练计划",
  nav_scenarios: "场景库",
  nav_scorecards: "成绩单",
  nav_main: "主导航",
  language: "语言",
  sign_out: "退出登录",
  team: "团队",
  loading: "加载中…",
  save: "保存",
  saved: "已保存",
  cancel: "取消",
  confirm: "确认",
  close: "关闭",
  delete: "删除",
  edit: "编辑",
  add: "添加",
  remove: "移除",
  create: "创建",
  retry: "重试",
  none: "无",
  yes: "是",
  no: "否",
  required_field: "必填",
  error_generic: "出错了：{message}",
  error_network: "连不上服务器，请检查网络后重试。",
  error_forbidden: "你在这个团队的角色无权执行此操作。",
  error_not_found: "找不到，或者它不属于你所在的团队。",
  error_conflict: "有人先改了一步，请刷新后再试。",
  error_unauthenticated: "请先登录。",
  error_rate_limited: "尝试次数过多，请稍等 15 分钟再试。",
  error_unavailable: "数据库暂时连不上，请稍后重试。",
  field_errors: "请修改以下内容：",

  signin_title: "登录演练",
  signin_lead: "社群与公众号团队的突击应急演练平台。",
  email: "邮箱",
  password: "密码",
  password_hint: "至少 10 个字符",
  name: "姓名",
  signin_submit: "登录",
  signin_failed: "邮箱或密码不对。",
  setup_title: "首次设置",
  setup_lead: "用这条一次性链接创建第一位主管账号。创建后链接即作废。",
  setup_submit: "创建主管账号并登录",
  setup_no_token: "链接里没有设置令牌。请使用 npm start 打印出的完整链接（#token= 之后的部分）。",
  setup_done: "已经完成首次设置，请直接登录。",
  setup_bad_token: "设置令牌无效或已用过。重新运行 npm start 会打印一条新链接。",
  invite_title: "接受邀请",
  invite_lead: "设置一个密码，即可加入团队。",
  invite_submit: "设置密码并登录",
  invite_no_token: "链接里没有邀请令牌，请向主管索取新的邀请链接。",
  invite_bad: "邀请链接无效或已过期，请向主管索取新的邀请链接。",

  no_team_title: "还没有团队",
  no_team_lead: "先创建一个团队，再添加成员、设置值班表、运行演练。",
  no_team_member: "你还没有加入任何团队，请联系主管把你加进来。",
  team_name: "团队名称",
  timezone: "时区",
  create_team: "创建团队",

  overview_title: "总览",
  live_drills: "进行中的演练",
  no_live: "当前没有进行中的演练。",
  upcoming_drills: "即将进行的演练",
  upcoming_hint: "仅主管可见：突击演练不会提前透露给值班同事。",
  no_upcoming: "本月没有已排期的演练。",
  month_results: "本月结果",
  no_results: "本月还没有已结束的演练。",
  open_war_room: "进入作战室",
  open_report: "查看复盘报告",
  elapsed: "已用时",
  planned_at: "计划时间",
  kill_switch: "一键熔断",
  kill_switch_lead: "立即中止本团队所有已排期和进行中的演练，并暂停团队。用于真实事故发生时，避免演练干扰。",
  kill_switch_reason: "熔断原因",
  kill_switch_confirm_title: "确认一键熔断？",
  kill_switch_confirm_body: "所有已排期和进行中的演练会被中止，团队暂停，直到你恢复。",
  kill_switch_do: "中止全部演练并暂停",
  kill_switch_done: "已熔断，中止了 {count} 场演练。",
  team_paused: "团队已暂停：不会注入任何演练。",
  resume_team: "恢复演练",
  practice: "练习",
  official: "正式",
  score: "得分",
  grade: "等级",
  passed: "通过",
  failed: "未通过",

  teams_title: "团队",
  drill_names: "演练里用到的名字",
  drill_names_lead:
    "演练会用这些名字生成内容，让它看起来就像你们自己的社群。值班同事应当认得出自家的官方老师。",
  ctx_brand: "品牌",
  ctx_group: "社群名",
  ctx_client: "客户",
  ctx_staff: "官方老师 / 客服",
  in_zh: "中文",
  in_en: "英文",
  save_names: "保存名字",
  members: "成员与角色",
  role: "角色",
  invite_member: "邀请成员",
  invite_link_ready: "邀请链接（7 天内有效，只能用一次，请私下发给对方）：",
  copy: "复制",
  copied: "已复制",
  member_added: "已添加 {name}。",
  roster_title: "值班表",
  roster_lead: "演练注入时先呼叫主值班；超过升级时限未确认，呼叫备班，最后呼叫主管。",
  slot_primary: "主值班",
  slot_backup: "备班",
  slot_managers: "主管（最后一级）",
  channel: "渠道",
  webhook_url: "Webhook 地址",
  webhook_keep: "留空则保留已保存的地址（{masked}）",
  signing_secret: "签名密钥（钉钉、飞书等可选）",
  person: "人员",
  not_set: "未设置",
  save_roster: "保存值班表",
  test_page: "发送测试呼叫",
  test_page_lead: "向值班表上的每个渠道发一条带【演练 DRILL】标记的测试消息，确认能收到。",
  test_page_result: "投递结果",
  delivered: "已送达",
  not_delivered: "未送达",
  attempts: "尝试 {count} 次",
  http_status: "HTTP {status}",
  no_roster: "值班表为空，先设置主值班。",

  programs_title: "演练计划",
  programs_lead: "每月自动抽取场景、在允许的时段里随机安排演练。",
  new_program: "新建计划",
  edit_program: "编辑计划",
  no_programs: "还没有演练计划。",
  drills_per_month: "每月演练次数",
  scenario_pool: "场景池",
  pool_hint: "不选则从整个场景库平均抽取；权重越高越容易被抽到。",
  weight: "权重",
  windows: "每周可演练时段",
  add_window: "添加时段",
  window_start: "开始",
  window_end: "结束",
  quiet_hours: "免打扰时段",
  add_quiet: "添加免打扰时段",
  blackout_dates: "禁排日期",
  add_date: "添加日期",
  night_drills: "允许夜间演练（如凌晨 2 点的紧急推送）",
  mode: "模式",
  mode_surprise: "突击（值班同事事先不知道）",
  mode_announced: "预告（值班同事可看到计划日期）",
  enabled: "启用",
  escalation: "升级时限（分钟）",
  escalation_hint: "主值班多少分钟内未确认，就呼叫备班。",
  save_program: "保存计划",
  program_created: "已创建，本月已安排 {count} 场。",
  program_saved: "已保存。",
  plan_empty_reason: "本月未安排：{reason}",
  calendar_preview: "日历预览：演练可能落在哪里",
  calendar_hint: "颜色越深，当天可用的分钟越多；灰色表示当天不会安排演练。",
  calendar_month: "月份",
  allowed_minutes: "{date}：{minutes} 分钟可用",
  no_allowed: "{date}：不可用",
  weekday_short: "一,二,三,四,五,六,日",
  delete_program: "删除计划",
  delete_program_confirm: "删除这个计划？已排期的演练会保留。",

  scenarios_title: "场景库",
  category: "类别",
  severity: "严重程度",
  all: "全部",
  surfaces: "出现位置",
  custom: "自定义",
  builtin: "内置",
  preview: "预览",
  seed: "随机种子",
  preview_for_seed: "生成该种子的演练实例",
  preview_note: "预览会标出事件本身（★），真实演练里不会标。",
  incident_items: "各处会出现的内容",
  rubric: "评分标准",
  within: "时限 {duration}",
  run_now: "立即演练",
  run_now_for: "为团队「{team}」立即运行",
  run_practice: "练习（不计入正式成绩）",
  run_started: "演练已开始。",
  new_custom: "新建自定义场景",
  edit_custom: "编辑自定义场景",
  scenario_id: "场景 ID",
  yaml_source: "YAML 源文件",
  validate_save: "校验并保存",
  scenario_saved: "已保存，版本 {version}。",
  line: "第 {line} 行",
  back: "返回",
  target_time: "目标时间",
  brief: "简介",
  people: "出场人物",

  war_room: "作战室",
  drill_banner: "【演练 DRILL】这是一次演练，不是真实事故。",
  drill_banner_title: "演练进行中",
  drill_over: "演练已结束：{status}",
  acknowledge: "确认收到呼叫",
  acknowledged: "已确认收到",
  members_count: "{count} 位成员",
  join_notice: "{name} 加入了群聊",
  business_card: "个人名片",
  removed_member: "已移出",
  deleted_item: "已删除",
  flagged: "已标记",
  actions_for: "对「{name}」的操作",
  more_actions: "操作",
  flag_incident: "标记为事件",
  announcement: "群公告",
  post_announcement: "发布群公告",
  announcement_placeholder: "公告内容，例如：本群唯一官方老师是……，官方不会私加好友",
  reply_text: "回复内容",
  keyword: "关键词",
  message_text: "内容",
  send: "发送",
  action_done: "已记录：{action}",
  resolve: "结束处置",
  resolve_summary: "处置总结",
  resolve_hint: "写下发现了什么、做了什么、还有什么没做完。",
  resolve_submit: "结束并评分",
  resolved_ok: "已结束，正在生成复盘报告。",
  new_items: "有 {count} 条新内容",
  polling_note: "每 3 秒自动刷新",
  team_actions: "团队级操作",
  notify_client: "告知客户",
  send_plan: "发送处理方案",
  freeze_account: "冻结账号",
  escalate: "升级上报",
  articles_empty: "暂无文章",
  surface_empty: "这里暂时没有内容。",
  read_more: "展开全文",
  read_less: "收起",
  console_title: "账号后台",
  dm_with: "与 {name} 的私信",
  you: "我",
  not_allowed_role: "你的角色只能查看，不能在作战室里操作。",
  refused_title: "无权访问",
  refused_body: "这场演练不属于你所在的团队。",

  report_title: "复盘报告",
  print: "打印 / 存为 PDF",
  timeline_chart: "各步骤用时与目标",
  chart_target: "目标（分钟）",
  chart_actual: "实际（分钟）",
  chart_missed: "未完成",
  score_breakdown: "得分明细",
  step: "步骤",
  points: "得分",
  met: "达标",
  missed: "未达标",
  not_done: "未完成",
  penalties: "扣分项",
  false_flags: "误报 {count} 条（不扣分）",
  who_did_what: "谁在何时做了什么",
  time: "时间",
  actor: "人员",
  action: "操作",
  detail: "详情",
  review: "复盘",
  notes: "记录",
  findings: "发现的问题",
  add_finding: "添加问题",
  action_items: "改进事项",
  add_action_item: "添加改进事项",
  owner: "负责人",
  due: "截止日期",
  done: "已完成",
  save_review: "保存复盘",
  hint: "事件线索",
  ttd: "发现用时",
  tta: "确认用时",
  ttr: "处置用时",
  drill_summary: "处置总结",
  report_not_ready: "演练还在进行中，结束后才会生成复盘报告。",

  scorecards_title: "成绩单",
  from_month: "起始月份",
  to_month: "结束月份",
  include_practice: "包含练习演练",
  export_csv: "导出 CSV",
  compare_teams: "对比团队",
  ttd_trend: "发现用时（中位数 / P90）",
  ttr_trend: "处置用时（中位数 / P90）",
  median: "中位数",
  minutes_unit: "分钟",
  p90: "P90",
  pass_rate: "通过率",
  average_score: "平均分",
  drills_count: "演练场次",
  sla_attainment: "各步骤达标率",
  sla_hint: "黄金 15 分钟：事发 15 分钟内告知客户；0–1 小时止血、1–6 小时给方案、6–24 小时复盘。",
  per_scenario: "按场景",
  month: "月份",
  no_figures: "这段时间没有计入成绩的演练。",
  scenario: "场景",

  role_manager: "主管",
  role_responder: "值班",
  role_viewer: "观察员",
  status_scheduled: "已排期",
  status_injected: "进行中",
  status_detected: "已发现",
  status_resolved: "已处置",
  status_timed_out: "已超时",
  status_aborted: "已中止",
  not_found_title: "页面不存在",
  go_home: "回到总览",
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  app_name: "Yanlian",
  skip_to_content: "Skip to content",
  nav_overview: "Overview",
  nav_teams: "Teams",
  nav_programs: "Programs",
  nav_scenarios: "Scenarios",
  nav_scorecards: "Scorecards",
  nav_main: "Main",
  language: "Language",
  sign_out: "Sign out",
  team: "Team",
  loading: "Loading…",
  save: "Save",
  saved: "Saved",
  cancel: "Cancel",
  confirm: "Confirm",
  close: "Close",
  delete: "Delete",
  edit: "Edit",
  add: "Add",
  remove: "Remove",
  create: "Create",
  retry: "Retry",
  none: "None",
  yes: "Yes",
  no: "No",
  required_field: "required",
  error_generic: "Something went wrong: {message}",
  error_network: "Cannot reach the server. Check the connection and retry.",
  error_forbidden: "Your role in this team does not allow that.",
  error_not_found: "Not found, or not in a team you belong to.",
  error_conflict: "Someone changed this first. Reload and retry.",
  error_unauthenticated: "Please sign in.",
  error_rate_limited: "Too many attempts. Wait 15 minutes and retry.",
  error_unavailable: "The database is unreachable for a moment. Retry shortly.",
  field_errors: "Please fix:",

  signin_title: "Sign in to Yanlian",
  signin_lead: "Surprise incident drills for community and official-account teams.",
  email: "Email",
  password: "Password",
  password_hint: "At least 10 characters",
  name: "Name",
  signin_submit: "Sign in",
  signin_failed: "Wrong email or password.",
  setup_title: "First-run setup",
  setup_lead: "This one-time link creates the first manager. It stops working once used.",
  setup_submit: "Create the manager and sign in",
  setup_no_token:
    "The link has no setup token. Use the full link npm start printed (the part after #token=).",
  setup_done: "Setup is already done. Sign in instead.",
  setup_bad_token: "The setup token is wrong or used. Restart npm start to print a new link.",
  invite_title: "Accept your invite",
  invite_lead: "Choose a password to join the team.",
  invite_submit: "Set password and sign in",
  invite_no_token: "The link has no invite token. Ask your manager for a new invite link.",
  invite_bad: "The invite link is invalid or expired. Ask your manager for a new one.",

  no_team_title: "No team yet",
  no_team_lead: "Create a team first, then add people, set the on-call roster and run drills.",
  no_team_member: "You are not in any team yet. Ask a manager to add you.",
  team_name: "Team name",
  timezone: "Timezone",
  create_team: "Create team",

  overview_title: "Overview",
  live_drills: "Live drills",
  no_live: "No drill is running.",
  upcoming_drills: "Upcoming drills",
  upcoming_hint: "Managers only: surprise drills are never shown to responders in advance.",
  no_upcoming: "No drill scheduled this month.",
  month_results: "This month's results",
  no_results: "No finished drill this month yet.",
  open_war_room: "Open the war room",
  open_report: "Read the report",
  elapsed: "Elapsed",
  planned_at: "Planned",
  kill_switch: "Kill switch",
  kill_switch_lead:
    "Abort every scheduled and running drill of this team at once and pause it. Use it when a real incident happens, so a drill does not get in the way.",
  kill_switch_reason: "Reason",
  kill_switch_confirm_title: "Pull the kill switch?",
  kill_switch_confirm_body:
    "Every scheduled and running drill is aborted and the team paused until you resume it.",
  kill_switch_do: "Abort all drills and pause",
  kill_switch_done: "Kill switch pulled: {count} drill(s) aborted.",
  team_paused: "The team is paused: no drill will be injected.",
  resume_team: "Resume drills",
  practice: "Practice",
  official: "Official",
  score: "Score",
  grade: "Grade",
  passed: "Passed",
  failed: "Failed",

  teams_title: "Teams",
  drill_names: "Names drills use",
  drill_names_lead:
    "Drills fill in these names so they look like your own community. Responders should recognise your real staff.",
  ctx_brand: "Brand",
  ctx_group: "Group name",
  ctx_client: "Client",
  ctx_staff: "Official teacher / staff",
  in_zh: "Chinese",
  in_en: "English",
  save_names: "Save names",
  members: "Members and roles",
  role: "Role",
  invite_member: "Invite a member",
  invite_link_ready: "Invite link (valid 7 days, single use; send it privately):",
  copy: "Copy",
  copied: "Copied",
  member_added: "{name} added.",
  roster_title: "On-call roster",
  roster_lead:
    "A drill pages the primary first; unacknowledged after the escalation delay, the backup; last, the managers.",
  slot_primary: "Primary",
  slot_backup: "Backup",
  slot_managers: "Managers (last rung)",
  channel: "Channel",
  webhook_url: "Webhook URL",
  webhook_keep: "Leave empty to keep the saved URL ({masked})",
  signing_secret: "Signing secret (optional, DingTalk, Feishu…)",
  person: "Person",
  not_set: "Not set",
  save_roster: "Save roster",
  test_page: "Send test page",
  test_page_lead:
    "Sends a test message marked 【演练 DRILL】 to every channel on the roster, to check it arrives.",
  test_page_result: "Delivery result",
  delivered: "Delivered",
  not_delivered: "Not delivered",
  attempts: "{count} attempt(s)",
  http_status: "HTTP {status}",
  no_roster: "The roster is empty. Set a primary first.",

  programs_title: "Programs",
  programs_lead: "Each month, draw scenarios and place drills at random within the allowed times.",
  new_program: "New program",
  edit_program: "Edit program",
  no_programs: "No program yet.",
  drills_per_month: "Drills per month",
  scenario_pool: "Scenario pool",
  pool_hint: "Pick none to draw from the whole catalog equally; a higher weight is drawn more often.",
  weight: "Weight",
  windows: "Weekly windows",
  add_window: "Add window",
  window_start: "Start",
  window_end: "End",
  quiet_hours: "Quiet hours",
  add_quiet: "Add quiet hours",
  blackout_dates: "Blackout dates",
  add_date: "Add date",
  night_drills: "Allow night drills (such as the 2 a.m. urgent push)",
  mode: "Mode",
  mode_surprise: "Surprise (responders see nothing in advance)",
  mode_announced: "Announced (responders see the planned day)",
  enabled: "Enabled",
  escalation: "Escalation delay (minutes)",
  escalation_hint: "How long the primary has to acknowledge before the backup is paged.",
  save_program: "Save program",
  program_created: "Created; {count} drill(s) planned this month.",
  program_saved: "Saved.",
  plan_empty_reason: "Nothing planned this month: {reason}",
  calendar_preview: "Calendar preview: where drills may land",
  calendar_hint: "Darker days have more allowed minutes; grey days get no drill.",
  calendar_month: "Month",
  allowed_minutes: "{date}: {minutes} minutes allowed",
  no_allowed: "{date}: not allowed",
  weekday_short: "Mon,Tue,Wed,Thu,Fri,Sat,Sun",
  delete_program: "Delete program",
  delete_program_confirm: "Delete this program? Drills already scheduled stay.",

  scenarios_title: "Scenario catalog",
  category: "Category",
  severity: "Severity",
  all: "All",
  surfaces: "Surfaces",
  custom: "Custom",
  builtin: "Built-in",
  preview: "Preview",
  seed: "Seed",
  preview_for_seed: "Generate the instance for this seed",
  preview_note: "The preview marks the incident itself (★); a real drill never does.",
  incident_items: "What appears where",
  rubric: "Rubric",
  within: "within {duration}",
  run_now: "Run now",
  run_now_for: "Run now for team “{team}”",
  run_practice: "Practice (not counted in official figures)",
  run_started: "The drill has started.",
  new_custom: "New custom scenario",
  edit_custom: "Edit custom scenario",
  scenario_id: "Scenario id",
  yaml_source: "YAML source",
  validate_save: "Validate and save",
  scenario_saved: "Saved, version {version}.",
  line: "line {line}",
  back: "Back",
  target_time: "Target",
  brief: "Brief",
  people: "People",

  war_room: "War room",
  drill_banner: "【演练 DRILL】This is a drill, not a real incident.",
  drill_banner_title: "Drill in progress",
  drill_over: "The drill is over: {status}",
  acknowledge: "Acknowledge the page",
  acknowledged: "Acknowledged",
  members_count: "{count} members",
  join_notice: "{name} joined the group",
  business_card: "Business card",
  removed_member: "Removed",
  deleted_item: "Deleted",
  flagged: "Flagged",
  actions_for: "Actions on “{name}”",
  more_actions: "Actions",
  flag_incident: "Flag as incident",
  announcement: "Announcement",
  post_announcement: "Post announcement",
  announcement_placeholder:
    "Announcement, e.g. our only official teacher is …; staff never add you privately",
  reply_text: "Reply",
  keyword: "Keyword",
  message_text: "Message",
  send: "Send",
  action_done: "Recorded: {action}",
  resolve: "Resolve",
  resolve_summary: "Summary",
  resolve_hint: "What you found, what you did, what is still open.",
  resolve_submit: "Resolve and score",
  resolved_ok: "Resolved; opening the report.",
  new_items: "{count} new item(s)",
  polling_note: "Refreshes every 3 seconds",
  team_actions: "Team actions",
  notify_client: "Notify the client",
  send_plan: "Send the plan",
  freeze_account: "Freeze account",
  escalate: "Escalate",
  articles_empty: "No article yet",
  surface_empty: "Nothing here yet.",
  read_more: "Read all",
  read_less: "Collapse",
  console_title: "Account console",
  dm_with: "Messages with {name}",
  you: "Me",
  not_allowed_role: "Your role can watch but not act in the war room.",
  refused_title: "Not allowed",
  refused_body: "This drill does not belong to a team you are in.",

  report_title: "Drill report",
  print: "Print / save as PDF",
  timeline_chart: "Each step's time against its target",
  chart_target: "Target (minutes)",
  chart_actual: "Actual (minutes)",
  chart_missed: "Not done",
  score_breakdown: "Score breakdown",
  step: "Step",
  points: "Points",
  met: "On target",
  missed: "Late",
  not_done: "Not done",
  penalties: "Penalties",
  false_flags: "{count} false flag(s) (not penalised)",
  who_did_what: "Who did what when",
  time: "Time",
  actor: "Who",
  action: "Action",
  detail: "Detail",
  review: "Post-drill review",
  notes: "Notes",
  findings: "Findings",
  add_finding: "Add finding",
  action_items: "Action items",
  add_action_item: "Add action item",
  owner: "Owner",
  due: "Due",
  done: "Done",
  save_review: "Save review",
  hint: "Where the incident was",
  ttd: "Time to detect",
  tta: "Time to acknowledge",
  ttr: "Time to resolve",
  drill_summary: "Summary",
  report_not_ready: "The drill is still running; the report comes when it ends.",

  scorecards_title: "Scorecards",
  from_month: "From",
  to_month: "To",
  include_practice: "Include practice drills",
  export_csv: "Export CSV",
  compare_teams: "Compare teams",
  ttd_trend: "Time to detect (median / p90)",
  ttr_trend: "Time to resolve (median / p90)",
  median: "Median",
  minutes_unit: "minutes",
  p90: "p90",
  pass_rate: "Pass rate",
  average_score: "Average score",
  drills_count: "Drills",
  sla_attainment: "SLA attainment per step",
  sla_hint:
    "The golden 15 minutes: tell the client within 15 minutes; contain within 1 hour, a plan within 6, a review within 24.",
  per_scenario: "Per scenario",
  month: "Month",
  no_figures: "No counted drill in this period.",
  scenario: "Scenario",

  role_manager: "Manager",
  role_responder: "Responder",
  role_viewer: "Viewer",
  status_scheduled: "Scheduled",
  status_injected: "Running",
  status_detected: "Detected",
  status_resolved: "Resolved",
  status_timed_out: "Timed out",
  status_aborted: "Aborted",
  not_found_title: "Page not found",
  go_home: "Back to overview",
};

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** A message with its {placeholders} filled in. */
export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** zh-CN first when the browser prefers any Chinese over English; English otherwise. */
export function detectLang(stored: string | null, preferred: readonly string[]): Lang {
  if (stored === "zh" || stored === "en") return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split("-")[0];
    if (base === "zh") return "zh";
    if (base === "en") return "en";
  }
  return "zh";
}

export const locale = (lang: Lang) => (lang === "zh" ? "zh-CN" : "en-GB");

export function formatDateTime(lang: Lang, epochMs: number, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale(lang), {
    dateStyle: "medium",
    timeStyle: "short",
    ...(timeZone ? { timeZone } : {}),
  }).format(epochMs);
}

export function formatTime(lang: Lang, epochMs: number, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale(lang), {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    ...(timeZone ? { timeZone } : {}),
  }).format(epochMs);
}

export function formatDate(lang: Lang, isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: "medium", timeZone: "UTC" }).format(
    Date.UTC(y, m - 1, d),
  );
}

/** "2026-11" as the month's name: 2026年11月 / November 2026. */
export function formatMonth(lang: Lang, month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale(lang), { year: "numeric", month: "long", timeZone: "UTC" }).format(
    Date.UTC(y, m - 1, 1),
  );
}

/**
 * A duration in words, at most two units: "1 小时 5 分钟" / "1 hr, 5 min". Intl.DurationFormat where the
 * engine has it; unit formatting otherwise (Node 20 and older browsers).
 */
export function formatDuration(lang: Lang, seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts: [number, "hour" | "minute" | "second"][] =
    h > 0
      ? [
          [h, "hour"],
          [m, "minute"],
        ]
      : m > 0
        ? [
            [m, "minute"],
            [s, "second"],
          ]
        : [[s, "second"]];
  const shown = parts.filter(([n], i) => i === 0 || n > 0);
  const loc = locale(lang);
  const words = shown.map(([n, unit]) =>
    new Intl.NumberFormat(loc, { style: "unit", unit, unitDisplay: lang === "zh" ? "long" : "short" }).format(
      n,
    ),
  );
  return lang === "zh" ? words.join("") : words.join(" ");
}

/** A running clock: "04:07" under an hour, "1:04:07" past it. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, "0");
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function formatPercent(lang: Lang, rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return "—";
  return new Intl.NumberFormat(locale(lang), { style: "percent", maximumFractionDigits: 0 }).format(rate);
}

import {
  ACTION_LABELS as ACTION,
  CATEGORY_LABELS as CATEGORY,
  SEVERITY_LABELS as SEVERITY,
  SURFACE_LABELS as SURFACE,
} from "../../functions/core/labels.js";

// One set of labels for the CLI, the API and the web app.
export { ACTION, CATEGORY, SEVERITY, SURFACE };

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const SYSTEM_EVENT: Labels<SystemEvent> = {
  injected: { zh: "演练注入", en: "Drill injected" },
  paged: { zh: "已呼叫值班", en: "On-call paged" },
  page_failed: { zh: "呼叫发送失败", en: "Page failed" },
  escalated: { zh: "已升级呼叫", en: "Escalated" },
  timed_out: { zh: "超时结束", en: "Timed out" },
  aborted: { zh: "已中止", en: "Aborted" },
};

/** A timeline entry's action in words: a responder's action or a system event. */
export function timelineAction(action: string): { zh: string; en: string } {
  if (action in ACTION) return ACTION[action as ActionKind];
  if (action in SYSTEM_EVENT) return SYSTEM_EVENT[action as SystemEvent];
  return { zh: action, en: action };
}

export const CHANNEL: Labels<ChannelKind> = {
  wecom: { zh: "企业微信群机器人", en: "WeCom group robot" },
  dingtalk: { zh: "钉钉机器人", en: "DingTalk robot" },
  feishu: { zh: "飞书机器人", en: "Feishu bot" },
  slack: { zh: "Slack Webhook", en: "Slack webhook" },
  webhook: { zh: "自定义 Webhook（HMAC 签名）", en: "Custom webhook (HMAC-signed)" },
};

export const roleKey = (role: Role | string): MessageKey =>
  role === "manager" ? "role_manager" : role === "responder" ? "role_responder" : "role_viewer";

export const statusKey = (status: DrillStatus): MessageKey => `status_${status}` as MessageKey;
