/** The starting point of a custom scenario: small, valid, and showing each part a manager will edit. */
export function scenarioTemplate(id: string): string {
  return `id: ${id}
version: 1
category: group_rules
severity: medium
title:
  zh: 群里有人发外链拉人
  en: Someone posts an outside link to poach members
brief:
  zh: 一位群友在群里发了外部群的二维码链接拉人。发现它、移出这个人、发公告提醒大家。
  en: A member posts a link to another group to poach members. Spot it, remove them, remind everyone.
surfaces: [group_chat]
timing:
  window: business_hours
stimuli:
  - id: poach
    surface: group_chat
    kind: message
    at: 0s
    author: { pool: member }
    text:
      zh: 进这个群领免费资料 https://example.com/join
      en: Join this group for free material https://example.com/join
noise:
  - surface: group_chat
    history: 30m
    until: 30m
    every: 40s
detection:
  stimuli: [poach]
  hint:
    zh: 群里出现了外部拉群链接。
    en: An outside group link appeared in the chat.
steps:
  - id: flag-poach
    action: flag
    label: { zh: 识别拉人链接, en: Spot the poaching link }
    target: { stimuli: [poach] }
    within: 5m
    weight: 40
  - id: remove-poacher
    action: remove_member
    label: { zh: 移出发链接的人, en: Remove the poster }
    target: { stimuli: [poach], by: author }
    within: 10m
    weight: 40
  - id: remind
    action: post_announcement
    label: { zh: 发公告重申群规, en: Restate the rules }
    containsAny: [群规, rule]
    within: 15m
    weight: 20
timeout: 30m
`;
}
