import * as z from "zod";
import { CHANNEL_KINDS, DETAIL_TYPES, type DetailType, type DomainEvent } from "./ports.js";
import { ActionKind } from "./vocabulary.js";

/**
 * The contract of the drill events on the bus. Users attach their own EventBridge rules to these
 * details, so each one is versioned and closed: adding, renaming or dropping a field is a new
 * version, not a silent change. Closed objects also keep secrets off the bus — a page event can
 * never carry the webhook URL it was sent to, because there is no field for it.
 *
 * Every detail has `version`, `drillId`, `teamId` and `at` (epoch ms, server clock, when the thing
 * happened). People are named by user id, never by name or contact.
 */

const Id = z.string().min(1).max(200);
const EpochMs = z.number().int().nonnegative();

const base = {
  version: z.literal(1),
  drillId: Id,
  teamId: Id,
  at: EpochMs,
};

export const ScheduledDetail = z.strictObject({
  ...base,
  scenarioId: Id,
  plannedAt: EpochMs,
  practice: z.boolean(),
  /** Absent for a drill a manager started by hand. */
  programId: Id.optional(),
});

export const InjectedDetail = z.strictObject({
  ...base,
  scenarioId: Id,
  plannedAt: EpochMs,
  /** The real injection time; scores are measured from it, so consumers should be too. */
  injectedAt: EpochMs,
  practice: z.boolean(),
});

export const AcknowledgedDetail = z.strictObject({ ...base, by: Id });

export const DetectedDetail = z.strictObject({ ...base, by: Id });

export const ActionTakenDetail = z.strictObject({ ...base, action: ActionKind, by: Id });

export const ResolvedDetail = z.strictObject({ ...base, by: Id });

export const TimedOutDetail = z.strictObject({ ...base });

export const AbortedDetail = z.strictObject({
  ...base,
  /** A user id, or "system" when a paused program or the kill switch stopped the drill. */
  by: Id,
  /** As the manager wrote it (the API allows 4000 characters). */
  reason: z.string().max(4000),
});

export const ScoredDetail = z.strictObject({
  ...base,
  total: z.number().min(0).max(100),
  grade: z.enum(["A", "B", "C", "D", "F"]),
  passed: z.boolean(),
  /** Practice drills are scored but kept out of a team's figures; rules may want to skip them too. */
  practice: z.boolean(),
});

export const PagedDetail = z.strictObject({
  ...base,
  /** Rung of the escalation ladder: 0 = primary on-call, 1 = backup, 2 = managers. */
  level: z.number().int().min(0).max(2),
  /** "none" when the roster has nobody on that rung: the page failed without being sent. */
  channel: z.enum([...CHANNEL_KINDS, "none"]),
  ok: z.boolean(),
  /** 0 when nothing was sent (no contact). */
  attempts: z.number().int().min(0),
  /** Last HTTP status, when the channel answered. */
  status: z.number().int().optional(),
});

/** One schema per detail type; `satisfies` makes a new detail type without a schema a compile error. */
export const DETAIL_SCHEMAS = {
  [DETAIL_TYPES.scheduled]: ScheduledDetail,
  [DETAIL_TYPES.injected]: InjectedDetail,
  [DETAIL_TYPES.acknowledged]: AcknowledgedDetail,
  [DETAIL_TYPES.detected]: DetectedDetail,
  [DETAIL_TYPES.actionTaken]: ActionTakenDetail,
  [DETAIL_TYPES.resolved]: ResolvedDetail,
  [DETAIL_TYPES.timedOut]: TimedOutDetail,
  [DETAIL_TYPES.aborted]: AbortedDetail,
  [DETAIL_TYPES.scored]: ScoredDetail,
  [DETAIL_TYPES.paged]: PagedDetail,
} as const satisfies Record<DetailType, z.ZodType>;

const event = <T extends DetailType, S extends z.ZodType>(detailType: T, detail: S) =>
  z.strictObject({ detailType: z.literal(detailType), detail });

export const DomainEventSchema = z.discriminatedUnion("detailType", [
  event(DETAIL_TYPES.scheduled, ScheduledDetail),
  event(DETAIL_TYPES.injected, InjectedDetail),
  event(DETAIL_TYPES.acknowledged, AcknowledgedDetail),
  event(DETAIL_TYPES.detected, DetectedDetail),
  event(DETAIL_TYPES.actionTaken, ActionTakenDetail),
  event(DETAIL_TYPES.resolved, ResolvedDetail),
  event(DETAIL_TYPES.timedOut, TimedOutDetail),
  event(DETAIL_TYPES.aborted, AbortedDetail),
  event(DETAIL_TYPES.scored, ScoredDetail),
  event(DETAIL_TYPES.paged, PagedDetail),
]);
export type ValidDomainEvent = z.infer<typeof DomainEventSchema>;

/** A detail that does not match its schema. The message names fields and rules, never values. */
export class InvalidEventError extends Error {
  override readonly name = "InvalidEventError";
}

/**
 * Checks an event against its detail type's schema. Both buses call it before publishing, so a
 * malformed event fails where it was made instead of reaching someone's rule.
 */
export function validateDomainEvent(event: unknown): DomainEvent {
  const result = DomainEventSchema.safeParse(event);
  if (result.success) return result.data;
  const detailType = (event as { detailType?: unknown } | null)?.detailType;
  const label = typeof detailType === "string" ? `"${detailType}"` : "event";
  const issues = result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  throw new InvalidEventError(`invalid ${label}: ${issues.join("; ")}`);
}
