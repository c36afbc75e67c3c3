import type { GenerateContext } from "./incident.js";
import type { QuotaCharge, QuotaUsage, TimelineLimits } from "./limits.js";
import type { Program } from "./program.js";
import type { Scenario } from "./scenario.js";
import type { Scorecard, TimelineEntry } from "./scoring.js";
import type { Lang } from "./vocabulary.js";

/**
 * The records the drill service keeps, and the store port that keeps them. The domain depends on
 * this interface only; `functions/store/` implements it on DynamoDB (AWS and DynamoDB Local alike).
 */

export const ROLES = ["manager", "responder", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  email: string;
  name: string;
  /** May create teams. The first account, made with the setup token, is one. */
  admin: boolean;
  lang: Lang;
  createdAt: number;
  /**
   * Every session cookie names the version it was issued under; bumping it (sign-out, a new password)
   * ends every session of the account on its next request. Absent means 0.
   */
  sessionVersion?: number;
}

/** A one-time password reset a manager issued. Only the token's SHA-256 is stored, never the token. */
export interface PasswordReset {
  tokenHash: string;
  userId: string;
  email: string;
  /** Epoch ms; the store's TTL removes the record some time after, so the reader checks it too. */
  expiresAt: number;
  issuedBy: string;
  teamId: string;
  /** The account's session version when issued: once the password changes (or any reset is used), older links are void. */
  sessionVersion: number;
}

/** Looked up by email at sign-in; kept apart from the profile so a profile read never carries the hash. */
export interface Credential {
  email: string;
  userId: string;
  passwordHash: string;
}

export interface Team {
  id: string;
  name: string;
  /** IANA timezone the team works in, e.g. Asia/Shanghai. */
  timezone: string;
  /** Names the generator uses so drills look like the team's own community. */
  context: GenerateContext;
  /** Kill switch: while true nothing is injected and programs are paused. */
  paused: boolean;
  createdAt: number;
  createdBy: string;
}

export interface Membership {
  teamId: string;
  userId: string;
  role: Role;
  /** Copied from the user so a team's member list is one query. */
  name: string;
  email: string;
  addedAt: number;
}

/**
 * A standing offer to join a team, one per team and email. Accepting it is the only way in: a new
 * person chooses their password with it, someone with an account proves it with theirs, and either way
 * the member's name is their own. Issuing it again for the same email replaces it (a new `id`), so a
 * lost link can be re-issued and the old one stops working.
 */
export interface Invite {
  teamId: string;
  /** Changes on every issue; the signed link names it. */
  id: string;
  email: string;
  role: Role;
  /** The name a brand-new account starts with unless its owner picks another; an existing account keeps its own. */
  name: string;
  invitedBy: string;
  createdAt: number;
  expiresAt: number;
}

/**
 * One change of a team's membership, written with the team's manager count in one transaction.
 * `from` is the role the writer saw (null: not a member); the write lands only if it still holds.
 */
export interface MembershipChange {
  teamId: string;
  userId: string;
  from: Role | null;
  /** The membership after the change; null removes it. */
  to: Membership | null;
  /** Spent by the same transaction: the invite being accepted, if it still has this id. */
  invite?: { email: string; id: string };
}

export const CHANNEL_KINDS = ["wecom", "dingtalk", "feishu", "slack", "webhook"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export interface Contact {
  userId: string;
  name: string;
  channel: ChannelKind;
  /** Webhook URL: a secret, never logged and never returned in full. */
  target: string;
  /** Signing secret some vendors use (DingTalk, Feishu). */
  secret?: string;
}

export interface Roster {
  teamId: string;
  primary?: Contact;
  backup?: Contact;
  /** The last rung of the escalation ladder: where the team's managers are reached (often a group robot). */
  managers?: Contact;
  updatedAt: number;
  updatedBy: string;
}

export interface CustomScenario {
  teamId: string;
  scenarioId: string;
  version: number;
  /** The YAML as the manager wrote it. */
  source: string;
  scenario: Scenario;
  updatedAt: number;
  updatedBy: string;
}

export const DRILL_STATUSES = [
  "scheduled",
  "injected",
  "detected",
  "resolved",
  "timed_out",
  "aborted",
] as const;
export type DrillStatus = (typeof DRILL_STATUSES)[number];
/** A drill that is running: the team can act on it. */
export const LIVE_STATUSES: readonly DrillStatus[] = ["injected", "detected"];
export const FINAL_STATUSES: readonly DrillStatus[] = ["resolved", "timed_out", "aborted"];

export interface Drill {
  id: string;
  teamId: string;
  /** Snapshot of the scenario at scheduling time, so a drill replays even after the catalog moves on. */
  scenario: Scenario;
  seed: number;
  context: GenerateContext;
  practice: boolean;
  status: DrillStatus;
  /** "YYYY-MM" of the planned time in the team's timezone. */
  month: string;
  plannedAt: number;
  injectedAt?: number;
  acknowledgedAt?: number;
  acknowledgedBy?: string;
  detectedAt?: number;
  detectedBy?: string;
  resolvedAt?: number;
  closedAt?: number;
  summary?: string;
  abortedBy?: string;
  abortReason?: string;
  createdAt: number;
  createdBy: string;
  programId?: string;
  /** Snapshot of the program's escalation delay; the default applies when absent. */
  escalationMinutes?: number;
  /** From an announced program: responders may see it before it is injected. */
  announced?: boolean;
  /**
   * What the team has done to the sandbox so far, kept on the drill as it happens (by the same write
   * that records a claim), so the feed and the member list read one item instead of the timeline.
   */
  marks?: DrillMarks;
}

/** Items flagged and deleted, and when each person was first removed from the group (epoch ms). */
export interface DrillMarks {
  flagged: readonly string[];
  deleted: readonly string[];
  removedAt: Readonly<Record<string, number>>;
}

/** What happens to a drill without a responder doing it. */
export const SYSTEM_EVENTS = [
  "injected",
  "paged",
  "page_failed",
  "escalated",
  "timed_out",
  "aborted",
] as const;
export type SystemEvent = (typeof SYSTEM_EVENTS)[number];

export interface TimelineRecord extends Omit<TimelineEntry, "action"> {
  action: TimelineEntry["action"] | SystemEvent;
  id: string;
  drillId: string;
  /** Who the actor is in words (name), kept for the report. */
  actorName: string;
  /** System entries (injected, paged, timed out) are not responder actions. */
  system?: boolean;
}

export interface ScorecardRecord {
  drillId: string;
  teamId: string;
  scenarioId: string;
  month: string;
  injectedAt: number;
  practice: boolean;
  scoredAt: number;
  scorecard: Scorecard;
}

export interface Finding {
  id: string;
  text: string;
}

export interface ActionItem {
  id: string;
  text: string;
  owner: string;
  /** "YYYY-MM-DD". */
  due: string;
  done: boolean;
}

export interface Review {
  drillId: string;
  notes: string;
  findings: Finding[];
  actionItems: ActionItem[];
  /** Optimistic lock: a save must name the version it edited. */
  version: number;
  updatedAt: number;
  updatedBy: string;
}

export interface Page<T> {
  items: T[];
  /** Opaque; pass back to get the next page. */
  cursor?: string;
}

/** A conditional write lost: someone else changed the record first. The API answers 409. */
export class ConflictError extends Error {
  override readonly name = "ConflictError";
}

/** A membership change that would leave a team without a manager. The API answers 409 `last_manager`. */
export class LastManagerError extends Error {
  override readonly name = "LastManagerError";
}

/** The database cannot be reached. The API answers 503 and recovers when it is back. */
export class StoreUnavailableError extends Error {
  override readonly name = "StoreUnavailableError";
}

export interface Store {
  /** Throws StoreUnavailableError when the table cannot be reached. */
  ping(): Promise<void>;

  // One-time setup: the token's hash is stored; using it creates the first admin, once.
  getSetupTokenHash(): Promise<{ tokenHash: string; used: boolean } | null>;
  /** ConflictError once setup has been used: a restart must never allow a second first admin. */
  putSetupTokenHash(tokenHash: string): Promise<void>;
  /** Marks the token used and creates the user in one transaction; ConflictError if already used. */
  completeSetup(tokenHash: string, user: User, credential: Credential): Promise<void>;

  /** ConflictError if the email is taken. */
  createUser(user: User, credential: Credential): Promise<void>;
  getUser(userId: string): Promise<User | null>;
  getCredential(email: string): Promise<Credential | null>;
  setPasswordHash(email: string, passwordHash: string): Promise<void>;
  /**
   * A new password and the end of every session of the account, in one transaction: both or neither.
   * Returns the new session version. ConflictError when the user or the credential is gone.
   */
  replacePassword(userId: string, email: string, passwordHash: string): Promise<number>;
  /** Ends every session of the account (sign-out); returns the new session version. */
  bumpSessionVersion(userId: string): Promise<number>;
  /** Grants or withdraws admin; read on every request, so it takes effect on the next one. */
  setAdmin(userId: string, admin: boolean): Promise<void>;

  putPasswordReset(reset: PasswordReset): Promise<void>;
  /** Reads and deletes a reset in one conditional write: a second use, even at the same moment, finds nothing. */
  takePasswordReset(tokenHash: string): Promise<PasswordReset | null>;

  /**
   * Adds `by` (default 1, negative to give an attempt back) to a counter in the current window and
   * returns the count so far. `expiresAt` in epoch seconds.
   */
  countFailedLogin(key: string, windowStart: number, expiresAt: number, by?: number): Promise<number>;

  /** Records a single-use token (acknowledge links, invites); false if it was already used. `expiresAt` in epoch seconds. */
  spendToken(tokenId: string, expiresAt: number): Promise<boolean>;

  createTeam(team: Team, manager: Membership): Promise<void>;
  getTeam(teamId: string): Promise<Team | null>;
  updateTeam(
    teamId: string,
    patch: Partial<Pick<Team, "name" | "timezone" | "context" | "paused">>,
  ): Promise<Team>;
  listMemberships(userId: string): Promise<Membership[]>;
  getMembership(teamId: string, userId: string): Promise<Membership | null>;
  listMembers(teamId: string): Promise<Membership[]>;
  /**
   * The one way a membership changes (join, role change, removal). Conditional on the member's role
   * still being `change.from`, and, when a manager stops being one, on the team keeping another: the
   * team's manager count and the membership are one transaction. LastManagerError when the team would
   * be left without a manager; ConflictError when the member (or the invite) changed meanwhile.
   */
  writeMembership(change: MembershipChange): Promise<void>;
  /** Creates or replaces a membership through `writeMembership` (reads the current role first). */
  putMembership(membership: Membership): Promise<void>;
  /** Removes a membership through `writeMembership`; LastManagerError for the last manager. */
  removeMembership(teamId: string, userId: string): Promise<void>;

  /** Creates or replaces the team's invite for `invite.email`. */
  putInvite(invite: Invite): Promise<void>;
  getInvite(teamId: string, email: string): Promise<Invite | null>;
  listInvites(teamId: string): Promise<Invite[]>;
  deleteInvite(teamId: string, email: string): Promise<void>;

  getRoster(teamId: string): Promise<Roster | null>;
  putRoster(roster: Roster): Promise<void>;

  /** ConflictError unless `expectedVersion` is the stored version (0 when creating). */
  putCustomScenario(scenario: CustomScenario, expectedVersion: number): Promise<void>;
  getCustomScenario(teamId: string, scenarioId: string): Promise<CustomScenario | null>;
  listCustomScenarios(teamId: string): Promise<CustomScenario[]>;
  deleteCustomScenario(teamId: string, scenarioId: string): Promise<void>;

  /** ConflictError if the id exists. */
  createDrill(drill: Drill): Promise<void>;
  getDrill(drillId: string): Promise<Drill | null>;
  listDrills(
    teamId: string,
    query: { month?: string; statuses?: readonly DrillStatus[]; limit: number; cursor?: string },
  ): Promise<Page<Drill>>;
  /**
   * Moves a drill from one of `from` to `to`, setting `patch`, as one conditional write.
   * ConflictError when the drill is not in one of `from` (someone else moved it first).
   */
  transitionDrill(
    drillId: string,
    from: readonly DrillStatus[],
    to: DrillStatus,
    patch: Partial<Omit<Drill, "id" | "teamId" | "status">>,
  ): Promise<Drill>;
  /**
   * The same conditional move, together with the timeline entry that records it, as one
   * transaction: both happen or neither does. With `scorecard`, the drill's one scorecard is stored
   * in the same transaction (a resolve: never resolved without its scorecard). Returns the drill as
   * it now stands.
   */
  transitionDrillWithEntry(
    drill: Drill,
    from: readonly DrillStatus[],
    to: DrillStatus,
    patch: Partial<Omit<Drill, "id" | "teamId" | "status" | "month" | "plannedAt">>,
    entry: TimelineRecord,
    scorecard?: ScorecardRecord,
  ): Promise<Drill>;
  /**
   * Adds a claim's ids to the drill's sets of right and wrong claims (distinct, atomic, one write
   * whether the claim is right or wrong) and returns how many each set holds now. `marks` joins
   * the drill's marks in the same write (sets, and a removal time only where none is set yet), so
   * applying the same marks twice changes nothing.
   */
  addClaims(
    drillId: string,
    claims: { right: string[]; wrong: string[] },
    marks?: {
      flagged?: readonly string[];
      deleted?: readonly string[];
      removed?: readonly string[];
      at: number;
    },
  ): Promise<{ right: number; wrong: number }>;
  /**
   * Counts one more timeline entry against the drill's and the person's budgets and the person's
   * rate window, as one conditional write; nothing is counted when any limit would be passed, and
   * the counters as they stood are returned instead (null: charged).
   */
  chargeQuota(drillId: string, charge: QuotaCharge, limits: TimelineLimits): Promise<QuotaUsage | null>;
  /** Gives a charge back (the entry turned out to be a retried request's, already stored). */
  refundQuota(drillId: string, charge: QuotaCharge): Promise<void>;
  /** Removes a drill's detection time and who detected (the scorecard found no detection). */
  clearDetection(drillId: string): Promise<Drill>;
  /** Sets fields only where they are still unset (first writer wins); returns whether it did. */
  setOnce(
    drillId: string,
    field: "acknowledgedAt" | "detectedAt",
    value: number,
    by?: string,
  ): Promise<boolean>;

  /**
   * Append-only. ConflictError when an entry with the same id exists (a retried request). `fresh`
   * says the id was just drawn at random by the server, so no earlier entry can have it and the
   * store may skip the id guard (one write instead of a transaction of two).
   */
  appendTimeline(record: TimelineRecord, options?: { fresh?: boolean }): Promise<void>;
  listTimeline(drillId: string): Promise<TimelineRecord[]>;
  /** Whether an entry with this id was stored through the id guard (every entry but `fresh` ones). */
  hasTimelineEntry(drillId: string, entryId: string): Promise<boolean>;

  /** Stores the one scorecard of a drill; returns the stored one if another writer was first. */
  putScorecard(record: ScorecardRecord): Promise<ScorecardRecord>;
  getScorecard(drillId: string): Promise<ScorecardRecord | null>;
  listScorecards(teamId: string, months: { from: string; to: string }): Promise<ScorecardRecord[]>;

  /** ConflictError unless `expectedVersion` is the stored version (0 when creating). */
  putProgram(program: Program, expectedVersion: number): Promise<void>;
  getProgram(teamId: string, programId: string): Promise<Program | null>;
  listPrograms(teamId: string): Promise<Program[]>;
  deleteProgram(teamId: string, programId: string): Promise<void>;

  getReview(drillId: string): Promise<Review | null>;
  /** ConflictError unless `review.version - 1` is the stored version (0 when new). */
  putReview(review: Review): Promise<void>;
}

/**
 * Fixed-window counters for sign-in limits. On one machine they live in memory; on AWS, where every
 * Lambda instance would otherwise count alone, in the table (see `functions/adapters/rate-limiter.ts`).
 */
export interface RateLimiter {
  /** Adds `by` to `key`'s counter in the window that holds `now` and returns the count after it. */
  add(key: string, windowMs: number, now: number, by?: number): Promise<number>;
}

/** The server clock. Every stored time comes from here, never from a client. */
export interface Clock {
  now(): number;
}

/** Where ids and drill seeds come from: crypto on a server, a counter in tests. */
export interface Entropy {
  seed(): number;
  id(prefix: string): string;
}

/** The entries a scorer reads: what people did, not what happened to the drill. */
export function responderEntries(timeline: readonly TimelineRecord[]): TimelineEntry[] {
  return timeline.filter(
    (e) => !e.system && !(SYSTEM_EVENTS as readonly string[]).includes(e.action),
  ) as TimelineEntry[];
}

// --- Scheduling, events and pages (issue: monthly randomized drills) ------------------------------

/** What a schedule invokes: the same handlers on AWS (Lambda targets) and on one machine (the local loop). */
export const SCHEDULE_TARGETS = ["plan", "inject", "close", "escalate"] as const;
export type ScheduleTarget = (typeof SCHEDULE_TARGETS)[number];

export interface SchedulePayload {
  target: ScheduleTarget;
  teamId: string;
  drillId?: string;
  programId?: string;
  /** For escalate: which step of the ladder fires (1 = backup, 2 = managers). */
  level?: number;
}

/** A one-shot invocation at an instant. `name` is unique and makes creation idempotent. */
export interface OneShotSchedule {
  /** `[A-Za-z0-9_.-]{1,64}`, e.g. `inject-dr-abc`. */
  name: string;
  /** Epoch ms. */
  at: number;
  payload: SchedulePayload;
}

/** A recurring invocation (the monthly planner), in the team's timezone. */
export interface RecurringSchedule {
  name: string;
  /** EventBridge Scheduler cron body without the `cron(...)` wrapper: "0 0 1 * ? *" = 00:00 on the 1st. */
  cron: string;
  timezone: string;
  payload: SchedulePayload;
}

export interface Scheduler {
  /** Creating the same name twice is a no-op (at-least-once callers may retry). */
  scheduleOnce(schedule: OneShotSchedule): Promise<void>;
  scheduleRecurring(schedule: RecurringSchedule): Promise<void>;
  /** Missing schedules are fine: cancelling is idempotent too. */
  cancel(name: string): Promise<void>;
}

export const EVENT_SOURCE = "yanlian.drills";

export const DETAIL_TYPES = {
  scheduled: "Drill Scheduled",
  injected: "Drill Injected",
  acknowledged: "Drill Acknowledged",
  detected: "Drill Detected",
  actionTaken: "Drill Action Taken",
  resolved: "Drill Resolved",
  timedOut: "Drill Timed Out",
  aborted: "Drill Aborted",
  scored: "Drill Scored",
  paged: "Drill Paged",
} as const;
export type DetailType = (typeof DETAIL_TYPES)[keyof typeof DETAIL_TYPES];

/** A domain event as it travels on the bus: one source, a detail type, a versioned detail. */
export interface DomainEvent {
  detailType: DetailType;
  detail: { version: 1; drillId: string; teamId: string; at: number } & Record<string, unknown>;
}

export interface EventBus {
  /** Publishes all or throws; entries the bus rejected are retried before giving up. */
  publish(events: readonly DomainEvent[]): Promise<void>;
}

/** What a page says, already in the team's language, with the drill marker and the one-click link. */
export interface PageMessage {
  drillId: string;
  teamId: string;
  lang: Lang;
  /** Starts with 【演练 DRILL】. */
  title: string;
  text: string;
  ackUrl: string;
  /** Who is being paged, for the text ("@陈晓"). */
  recipientName: string;
}

/**
 * delivered: the receiver took it. refused: nothing was sent, because the target breaks a rule (not
 * https, not the vendor's host, a private or metadata address). failed: sent, or tried, and it did not land.
 */
export const DELIVERY_OUTCOMES = ["delivered", "refused", "failed"] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

export interface DeliveryResult {
  ok: boolean;
  outcome: DeliveryOutcome;
  /**
   * Why it was refused or failed, as a stable code (`blocked_address`, `vendor_host`, `timeout`,
   * `network`, `redirect`, `http_status`, `vendor_rejected`…) that the web app words in zh and en.
   */
  code?: string;
  /** Last HTTP status, when there was a response. */
  status?: number;
  /** The vendor's own error code (WeCom/DingTalk errcode, Feishu code) when a vendor refused the page. */
  vendorCode?: number;
  attempts: number;
  /** Why it failed, in words safe to store (never the webhook URL, its secret or the receiver's answer). */
  error?: string;
  durationMs: number;
}

export interface TargetRefusal {
  code: string;
  /** Safe to show: never the URL or the address it resolves to. */
  reason: string;
}

export interface ChannelSender {
  /** Never throws: a failed channel is a result, so it cannot block the drill. */
  send(contact: Contact, message: PageMessage): Promise<DeliveryResult>;
  /**
   * The checks that need no network, by the same rules `send` applies, so a roster is refused when it
   * is written rather than on the night of a drill. `send` checks again, and resolves the name.
   */
  vet(contact: Pick<Contact, "channel" | "target">): TargetRefusal | null;
}
