import type { Incident } from "./incident.js";
import type {
  ChannelSender,
  Clock,
  Contact,
  DeliveryResult,
  Drill,
  EventBus,
  PageMessage,
  Scheduler,
  Store,
  TimelineRecord,
} from "./ports.js";
import { DETAIL_TYPES, LIVE_STATUSES } from "./ports.js";
import type { Lang } from "./vocabulary.js";

/** Every outbound message starts with this, so a drill can never be mistaken for a real incident. */
export const DRILL_MARKER = "【演练 DRILL】";

/** The escalation ladder: the primary on call, then the backup, then the team's managers. */
export const LEVELS = ["primary", "backup", "managers"] as const;
export type Level = (typeof LEVELS)[number];

export const DEFAULT_ESCALATION_MINUTES = 5;

export interface NotifierDeps {
  store: Store;
  channels: ChannelSender;
  scheduler: Scheduler;
  bus: EventBus;
  clock: Clock;
  /** Builds the signed one-click acknowledgement link for one drill and one person. */
  ackLink(input: {
    teamId: string;
    drillId: string;
    userId: string;
    jti: string;
    expiresAt: number;
  }): Promise<string>;
}

const T = {
  title: { zh: "值班呼叫", en: "On-call page" },
  ack: { zh: "点此确认已收到", en: "Acknowledge" },
  escalated: {
    zh: "（已升级：前一位值班人员未确认）",
    en: "(escalated: the previous person did not acknowledge)",
  },
} as const;

/**
 * Pages the on-call people of a drill and escalates when nobody answers. Every page and every
 * failure goes on the drill's timeline, so a wrong or dead contact shows up in the review.
 */
export class Notifier {
  constructor(private readonly deps: NotifierDeps) {}

  /**
   * Level 0 on injection, then one escalation schedule per further level. Idempotent per level.
   * `drill` must be as stored now (the caller reads it), so a late acknowledgement stops the ladder.
   */
  async page(drill: Drill, incident: Incident, level: number): Promise<DeliveryResult | null> {
    const { store, clock } = this.deps;
    if (!incident.page) return null;
    // `drill` is read fresh by the caller. Someone answered, or the drill is over: the ladder stops here.
    if (!LIVE_STATUSES.includes(drill.status)) return null;
    if (level > 0 && drill.acknowledgedAt !== undefined) return null;
    const name = LEVELS[level];
    if (!name) return null;
    // One page per drill and level, however often the schedule or the bus delivers.
    const fresh = await store.spendToken(
      `page:${drill.id}:${level}`,
      Math.floor(clock.now() / 1000) + 7 * 86_400,
    );
    const at = clock.now();
    let result: DeliveryResult | null = null;
    if (fresh) {
      const contact = await this.contactFor(drill.teamId, name);
      if (!contact) {
        result = {
          ok: false,
          outcome: "refused",
          code: "no_contact",
          attempts: 0,
          error: `no ${name} contact in the on-call roster`,
          durationMs: 0,
        };
      } else {
        const lang = await this.langOf(contact.userId);
        result = await this.deps.channels.send(
          contact,
          await this.message(drill, incident, contact, lang, level, at),
        );
      }
      await this.record(drill, level, name, contact, result, at);
    }
    // Whether this delivery paged or an earlier one did and then failed, the ladder must go on.
    const delay = (drill.escalationMinutes ?? DEFAULT_ESCALATION_MINUTES) * 60_000;
    if (level + 1 < LEVELS.length) {
      await this.deps.scheduler.scheduleOnce({
        name: `escalate-${drill.id}-${level + 1}`,
        at: at + delay,
        payload: { target: "escalate", teamId: drill.teamId, drillId: drill.id, level: level + 1 },
      });
    }
    return result;
  }

  private async contactFor(teamId: string, level: Level): Promise<Contact | undefined> {
    const roster = await this.deps.store.getRoster(teamId);
    return roster?.[level];
  }

  private async langOf(userId: string): Promise<Lang> {
    return (await this.deps.store.getUser(userId))?.lang ?? "zh";
  }

  private async message(
    drill: Drill,
    incident: Incident,
    contact: Contact,
    lang: Lang,
    level: number,
    at: number,
  ): Promise<PageMessage> {
    const ackUrl = await this.deps.ackLink({
      teamId: drill.teamId,
      drillId: drill.id,
      userId: contact.userId,
      jti: `${drill.id}-${level}`,
      expiresAt: at + (drill.scenario.timeout + 600) * 1000,
    });
    const text = `${incident.page?.message[lang] ?? ""}${level > 0 ? ` ${T.escalated[lang]}` : ""}`;
    return {
      drillId: drill.id,
      teamId: drill.teamId,
      lang,
      title: `${DRILL_MARKER}${T.title[lang]}`,
      text,
      ackUrl,
      recipientName: contact.name,
    };
  }

  private async record(
    drill: Drill,
    level: number,
    name: Level,
    contact: Contact | undefined,
    result: DeliveryResult,
    at: number,
  ) {
    const outcome = result.ok
      ? `ok after ${result.attempts} attempt(s)`
      : `failed: ${result.error ?? "unknown"}`;
    const entry: TimelineRecord = {
      id: `sys-page-${level}`,
      drillId: drill.id,
      at,
      actor: "system",
      actorName: "Yanlian",
      action: result.ok ? "paged" : "page_failed",
      text: `${name}${contact ? ` ${contact.name} via ${contact.channel}` : ""}: ${outcome}`,
      ...(contact ? { targets: [contact.userId] } : {}),
      system: true,
    };
    await this.deps.store.appendTimeline(entry).catch((err: Error) => {
      if (err.name !== "ConflictError") throw err;
    });
    // The page is on the timeline; the event is for other subscribers and must not undo or block it.
    try {
      await this.deps.bus.publish([
        {
          detailType: DETAIL_TYPES.paged,
          detail: {
            version: 1,
            drillId: drill.id,
            teamId: drill.teamId,
            at,
            level,
            channel: contact?.channel ?? "none",
            ok: result.ok,
            attempts: result.attempts,
          },
        },
      ]);
    } catch {
      // Best effort, like every event published after the fact.
    }
  }
}
