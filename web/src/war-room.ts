import type { ActionKind, Surface } from "../../functions/core/vocabulary.js";

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
