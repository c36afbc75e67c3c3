import { aggregate, type ScoredDrill, type TeamMonthFigures } from "./aggregate.js";
import { DomainError, forbidden, invalid, notFound } from "./errors.js";
import { type GroupMember, groupMembers, type SandboxPage, sandbox, unknownTargets } from "./feed.js";
import { generate } from "./generator.js";
import type { Incident } from "./incident.js";
import { entryBytes, quotaRefusal, rateWindow, TIMELINE_LIMITS } from "./limits.js";
import type { Notifier } from "./notifier.js";
import {
  type Clock,
  ConflictError,
  DETAIL_TYPES,
  type DomainEvent,
  type Drill,
  type DrillStatus,
  type Entropy,
  type EventBus,
  LIVE_STATUSES,
  type Membership,
  type Review,
  type Role,
  responderEntries,
  type Scheduler,
  type ScorecardRecord,
  type Store,
  type SystemEvent,
  type Team,
  type TimelineRecord,
} from "./ports.js";
import type { Program } from "./program.js";
import type { Scenario } from "./scenario.js";
import { claimsDetect, claimsOf, score } from "./scoring.js";
import { ACTION_KINDS, type ActionKind, type Surface } from "./vocabulary.js";

/** Who is calling: the account of a current session, its name and admin flag read from the store on this request. */
export interface Caller {
  userId: string;
  name: string;
  admin: boolean;
}

/** Acknowledge, flag and resolve have their own calls; every other action is a response. */
const OWN_CALLS = ["acknowledge", "flag", "resolve"] as const;
export type ResponseAction = Exclude<ActionKind, (typeof OWN_CALLS)[number]>;
export const RESPONSE_ACTIONS = ACTION_KINDS.filter(
  (kind): kind is ResponseAction => !(OWN_CALLS as readonly string[]).includes(kind),
) as [ResponseAction, ...ResponseAction[]];

/** Actions that claim what the incident is (see scoring's claims rule). */
const CLAIM_ACTIONS: ReadonlySet<ActionKind> = new Set(["delete_post", "delete_comment", "remove_member"]);

/** Which roles may do what, in the team that owns the object. */
export const POLICY = {
  readTeam: ["manager", "responder", "viewer"],
  manageTeam: ["manager"],
  runDrills: ["manager"],
  respond: ["manager", "responder"],
  watch: ["manager", "responder"],
  review: ["manager", "responder"],
  read: ["manager", "responder", "viewer"],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof POLICY;

/** "YYYY-MM" of an instant in a timezone. */
export function monthIn(at: number, timezone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
  }).formatToParts(new Date(at));
  const year = parts.find((p) => p.type === "year")?.value;
  const month = parts.find((p) => p.type === "month")?.value;
  return `${year}-${month}`;
}

export interface ScenarioSource {
  /** A built-in scenario, or the team's custom one; null when neither exists. */
  find(teamId: string, scenarioId: string): Promise<Scenario | null>;
}

export interface DrillServiceDeps {
  store: Store;
  clock: Clock;
  entropy: Entropy;
  scenarios: ScenarioSource;
  /** Schedules, events and pages. Absent in tests of the API alone; present on AWS and `npm start`. */
  automation?: Automation;
}

export interface Automation {
  scheduler: Scheduler;
  bus: EventBus;
  notifier: Notifier;
  log?: (entry: Record<string, unknown>) => void;
}

const INCIDENT_CACHE = 256;

/**
 * The drill use cases. Each checks the caller's role in the team that owns the object, then
 * reads and writes through the store port; all times come from the injected clock.
 */
export class DrillService {
  private readonly incidents = new Map<string, Incident>();

  constructor(private readonly deps: DrillServiceDeps) {}

  private get store() {
    return this.deps.store;
  }

  private now() {
    return this.deps.clock.now();
  }

  /** The caller's membership in `teamId` if their role allows `permission`; 404 for strangers. */
  async access(caller: Caller, teamId: string, permission: Permission): Promise<Membership> {
    const membership = await this.store.getMembership(teamId, caller.userId);
    // Strangers learn nothing, not even that the team exists.
    if (!membership) throw notFound("team");
    if (!(POLICY[permission] as readonly Role[]).includes(membership.role)) throw forbidden();
    return membership;
  }

  /** The drill and the caller's membership in its team, in one round trip. */
  async drillAccess(caller: Caller, teamId: string, drillId: string, permission: Permission) {
    const [drill, membership] = await Promise.all([
      this.store.getDrill(drillId),
      this.store.getMembership(teamId, caller.userId),
    ]);
    if (!membership || !drill || drill.teamId !== teamId) throw notFound("drill");
    // A surprise drill does not exist for anyone but managers until it is injected.
    if (drill.status === "scheduled" && membership.role !== "manager" && !drill.announced)
      throw notFound("drill");
    if (!(POLICY[permission] as readonly Role[]).includes(membership.role)) throw forbidden();
    return { drill, membership };
  }

  incidentOf(drill: Drill): Incident {
    let incident = this.incidents.get(drill.id);
    if (!incident) {
      // The planned moment sets the sandbox's wall clock (a night drill's group is quiet).
      incident = generate(drill.scenario, drill.seed, { startsAt: drill.plannedAt, ...drill.context });
      if (this.incidents.size >= INCIDENT_CACHE) {
        const oldest = this.incidents.keys().next().value;
        if (oldest !== undefined) this.incidents.delete(oldest);
      }
      this.incidents.set(drill.id, incident);
    }
    return incident;
  }

  async schedule(
    caller: Caller,
    teamId: string,
    input: { scenarioId: string; plannedAt?: number; practice?: boolean; seed?: number },
  ): Promise<Drill> {
    const { drill } = await this.scheduleDrill(caller, teamId, input);
    await this.deps.automation?.scheduler.scheduleOnce({
      name: `inject-${drill.id}`,
      at: drill.plannedAt,
      payload: { target: "inject", teamId, drillId: drill.id },
    });
    return drill;
  }

  private async scheduleDrill(
    caller: Caller,
    teamId: string,
    input: { scenarioId: string; plannedAt?: number; practice?: boolean; seed?: number },
  ): Promise<{ drill: Drill; team: Team }> {
    const [, team, scenario] = await Promise.all([
      this.access(caller, teamId, "runDrills"),
      this.store.getTeam(teamId),
      this.deps.scenarios.find(teamId, input.scenarioId),
    ]);
    if (!team) throw notFound("team");
    if (!scenario)
      throw invalid(`no scenario "${input.scenarioId}"`, [
        { path: "scenarioId", message: "unknown scenario" },
      ]);
    const now = this.now();
    const plannedAt = input.plannedAt ?? now;
    if (input.plannedAt !== undefined && plannedAt < now - 60_000) {
      throw invalid("plannedAt is in the past", [{ path: "plannedAt", message: "must be now or later" }]);
    }
    if (plannedAt > now + 400 * 86_400_000) {
      throw invalid("plannedAt is too far ahead", [
        { path: "plannedAt", message: "must be within 400 days" },
      ]);
    }
    const drill: Drill = {
      id: this.deps.entropy.id("dr-"),
      teamId,
      scenario,
      seed: input.seed ?? this.deps.entropy.seed(),
      context: { ...team.context, timezone: team.timezone },
      practice: input.practice ?? false,
      status: "scheduled",
      month: monthIn(plannedAt, team.timezone),
      plannedAt,
      createdAt: now,
      createdBy: caller.userId,
    };
    await this.store.createDrill(drill);
    await this.announce([
      this.event(drill, DETAIL_TYPES.scheduled, now, {
        scenarioId: scenario.id,
        plannedAt,
        practice: drill.practice,
      }),
    ]);
    return { drill, team };
  }

  /** A drill the planner drew: scheduled like any other, with the program's rules in its snapshot. */
  async scheduleFromProgram(
    team: Team,
    program: Program,
    scenario: Scenario,
    plannedAt: number,
    seed: number,
    id: string,
  ): Promise<Drill | null> {
    const now = this.now();
    const drill: Drill = {
      id,
      teamId: team.id,
      scenario,
      seed,
      context: { ...team.context, timezone: team.timezone },
      practice: false,
      status: "scheduled",
      month: monthIn(plannedAt, program.timezone),
      plannedAt,
      createdAt: now,
      createdBy: "planner",
      programId: program.id,
      escalationMinutes: program.escalationMinutes,
      announced: program.mode === "announced",
    };
    try {
      await this.store.createDrill(drill);
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      // Made by an earlier run that may have stopped before scheduling it: make sure it will fire.
      const existing = await this.store.getDrill(id);
      if (existing?.status === "scheduled") {
        await this.deps.automation?.scheduler.scheduleOnce({
          name: `inject-${id}`,
          at: existing.plannedAt,
          payload: { target: "inject", teamId: team.id, drillId: id },
        });
      }
      return null;
    }
    await this.deps.automation?.scheduler.scheduleOnce({
      name: `inject-${drill.id}`,
      at: plannedAt,
      payload: { target: "inject", teamId: team.id, drillId: drill.id },
    });
    await this.announce([
      this.event(drill, DETAIL_TYPES.scheduled, now, { scenarioId: scenario.id, plannedAt, practice: false }),
    ]);
    return drill;
  }

  /** Schedules and injects at once, through the same injection the scheduler calls. */
  async runNow(
    caller: Caller,
    teamId: string,
    input: { scenarioId: string; practice?: boolean; seed?: number },
  ) {
    const drill = await this.schedule(caller, teamId, { ...input, plannedAt: undefined });
    return this.inject(drill.id);
  }

  /**
   * The injector. Idempotent: a second delivery finds the drill no longer scheduled and does
   * nothing. A paused team (kill switch) turns the injection into a recorded no-op.
   */
  async inject(
    drillId: string,
    preloaded?: { drill: Drill; team: Team },
  ): Promise<{ drill: Drill; injected: boolean }> {
    const drill = preloaded?.drill ?? (await this.store.getDrill(drillId));
    if (!drill) throw notFound("drill");
    if (drill.status !== "scheduled") {
      // A redelivery after a crash between the injection and its follow-ups finishes them now.
      if (LIVE_STATUSES.includes(drill.status)) await this.afterInjection(drill);
      return { drill, injected: false };
    }
    const [team, program] = await Promise.all([
      preloaded?.team ?? this.store.getTeam(drill.teamId),
      drill.programId ? this.store.getProgram(drill.teamId, drill.programId) : Promise.resolve(null),
    ]);
    const now = this.now();
    try {
      const paused = drill.programId !== undefined && !program?.enabled;
      if (!team || team.paused || paused) {
        const reason = !team ? "team removed" : team.paused ? "kill switch on" : "program paused";
        const aborted = await this.store.transitionDrillWithEntry(
          drill,
          ["scheduled"],
          "aborted",
          { closedAt: now, abortedBy: "system", abortReason: reason },
          this.systemEntry(drill, "aborted", now, reason),
        );
        return { drill: aborted, injected: false };
      }
      const injected = await this.store.transitionDrillWithEntry(
        drill,
        ["scheduled"],
        "injected",
        { injectedAt: now },
        this.systemEntry(drill, "injected", now),
      );
      await this.afterInjection(injected);
      return { drill: injected, injected: true };
    } catch (err) {
      // Another delivery won the race: the drill is already injected (or aborted). Nothing to do.
      if (err instanceof ConflictError)
        return { drill: (await this.store.getDrill(drillId)) ?? drill, injected: false };
      throw err;
    }
  }

  /**
   * What follows an injection: the closer at injection + timeout, and the "Drill Injected" event,
   * which the notifier subscribes to for the first page. Both are idempotent (a named schedule, one
   * page per level), so a redelivered injection repeats them safely.
   */
  private async afterInjection(drill: Drill): Promise<void> {
    const automation = this.deps.automation;
    if (!automation || drill.injectedAt === undefined) return;
    await Promise.all([
      automation.scheduler.scheduleOnce({
        name: `close-${drill.id}`,
        at: drill.injectedAt + drill.scenario.timeout * 1000,
        payload: { target: "close", teamId: drill.teamId, drillId: drill.id },
      }),
      automation.bus.publish([
        this.event(drill, DETAIL_TYPES.injected, drill.injectedAt, {
          scenarioId: drill.scenario.id,
          plannedAt: drill.plannedAt,
          injectedAt: drill.injectedAt,
          practice: drill.practice,
        }),
      ]),
    ]);
  }

  /** The notifier's entry: level 0 on "Drill Injected", later levels from escalation schedules. */
  async page(drillId: string, level: number): Promise<void> {
    const automation = this.deps.automation;
    const drill = await this.store.getDrill(drillId);
    if (!automation || !drill) return;
    await automation.notifier.page(drill, this.incidentOf(drill), level);
  }

  private event(
    drill: Drill,
    detailType: DomainEvent["detailType"],
    at: number,
    extra: Record<string, unknown> = {},
  ): DomainEvent {
    return { detailType, detail: { version: 1, drillId: drill.id, teamId: drill.teamId, at, ...extra } };
  }

  /**
   * Events after a responder's request are best effort: the timeline already holds the truth, and
   * a bus hiccup must not turn a stored action into an error for the person who took it.
   */
  private async announce(events: DomainEvent[]): Promise<void> {
    const automation = this.deps.automation;
    if (!automation || events.length === 0) return;
    try {
      await automation.bus.publish(events);
    } catch (err) {
      automation.log?.({
        level: "warn",
        msg: "event publish failed",
        error: (err as Error).message,
        count: events.length,
      });
    }
  }

  /** System entries record what happened to the drill; they are not responder actions and never score. */
  private systemEntry(drill: Drill, event: SystemEvent, at: number, text?: string): TimelineRecord {
    return {
      // One id per drill and event kind, so a redelivered injection cannot record itself twice.
      id: `sys-${event}`,
      drillId: drill.id,
      at,
      actor: "system",
      actorName: "Yanlian",
      action: event,
      ...(text ? { text } : {}),
      system: true,
    };
  }

  private assertLive(drill: Drill) {
    if (!LIVE_STATUSES.includes(drill.status)) {
      throw new DomainError(
        409,
        "drill_not_live",
        `the drill is ${drill.status}; only a running drill takes actions`,
      );
    }
  }

  private entryId(action: ActionKind, requestId: string): string {
    return `rq-${action}-${requestId}`;
  }

  private entry(
    drill: Drill,
    caller: Caller,
    action: ActionKind,
    fields: { targets?: string[]; text?: string; requestId?: string },
  ): TimelineRecord {
    return {
      // A client-supplied request id makes a retried request land once.
      id: fields.requestId ? this.entryId(action, fields.requestId) : this.deps.entropy.id("tl-"),
      drillId: drill.id,
      at: this.now(),
      actor: caller.userId,
      actorName: caller.name,
      action,
      ...(fields.targets ? { targets: fields.targets } : {}),
      ...(fields.text !== undefined ? { text: fields.text } : {}),
    };
  }

  /**
   * `retriable`: the id comes from a client's requestId, so a retry may already have stored it.
   *
   * Every entry is counted against the drill's bounds first (`limits.ts`): one conditional write
   * that refuses, with a 4xx, what would make the timeline too long to read whole, one person's
   * share too large or their pace a script's. A retry of a request that did land is still answered
   * as the duplicate it is, whatever the budget says, and gives back what it was charged.
   */
  private async append(
    record: TimelineRecord,
    retriable: boolean,
  ): Promise<{ record: TimelineRecord; duplicate: boolean }> {
    const charge = { userId: record.actor, bytes: entryBytes(record), window: rateWindow(record.at) };
    const usage = await this.store.chargeQuota(record.drillId, charge, TIMELINE_LIMITS);
    if (usage) {
      if (retriable && (await this.store.hasTimelineEntry(record.drillId, record.id)))
        return { record, duplicate: true };
      throw quotaRefusal(usage, charge, record.at);
    }
    try {
      await this.store.appendTimeline(record, { fresh: !retriable });
      return { record, duplicate: false };
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      // Nothing new was stored: the charge goes back (best effort; a lost refund only tightens a budget).
      await this.store.refundQuota(record.drillId, charge).catch(() => undefined);
      return { record, duplicate: true };
    }
  }

  async acknowledge(caller: Caller, teamId: string, drillId: string, requestId?: string) {
    const { drill } = await this.drillAccess(caller, teamId, drillId, "respond");
    this.assertLive(drill);
    const record = this.entry(drill, caller, "acknowledge", { requestId });
    // Once set, the time never changes: a drill read with it set needs no conditional write bound to fail.
    const [{ duplicate }, first] = await Promise.all([
      this.append(record, requestId !== undefined),
      drill.acknowledgedAt === undefined
        ? this.store.setOnce(drill.id, "acknowledgedAt", record.at, caller.userId)
        : Promise.resolve(false),
    ]);
    if (first)
      await this.announce([this.event(drill, DETAIL_TYPES.acknowledged, record.at, { by: caller.userId })]);
    return { entry: record, first, duplicate };
  }

  async flag(
    caller: Caller,
    teamId: string,
    drillId: string,
    itemIds: string[],
    note?: string,
    requestId?: string,
  ) {
    const { drill } = await this.drillAccess(caller, teamId, drillId, "respond");
    this.assertLive(drill);
    const incident = this.incidentOf(drill);
    this.checkTargets(drill, incident, itemIds);
    const record = this.entry(drill, caller, "flag", { targets: itemIds, text: note, requestId });
    const { duplicate } = await this.append(record, requestId !== undefined);
    await this.markDetection(drill, incident, record, duplicate);
    // The answer says whether the flag was recorded, never whether it was right: that is the drill.
    return { entry: record, duplicate };
  }

  /**
   * Records the entry's claims in the drill's claim sets (one write, right or wrong alike, so the
   * answer's timing says nothing), with the sandbox marks the feed shows (flagged, deleted, removed),
   * and sets the detection time the first time the claims so far amount to detection by the
   * scorer's own rule: judged on every claim, never this one alone.
   *
   * A duplicate (a retried request) applies its claims and marks again: both are set unions, so this
   * changes nothing when the first attempt got that far, and heals the drill when it stopped after
   * storing the entry. Only the detection time is left to the first attempt and the scorecard.
   */
  private async markDetection(drill: Drill, incident: Incident, record: TimelineRecord, duplicate: boolean) {
    if (drill.injectedAt === undefined) return;
    const targets = record.targets ?? [];
    const counts = await this.store.addClaims(drill.id, claimsOf(incident.rubric, record), {
      at: record.at,
      ...(record.action === "flag" ? { flagged: targets } : {}),
      ...(record.action === "delete_post" || record.action === "delete_comment" ? { deleted: targets } : {}),
      ...(record.action === "remove_member" ? { removed: targets } : {}),
    });
    if (duplicate || drill.detectedAt !== undefined || !claimsDetect(counts.right, counts.wrong)) return;
    const first = await this.store.setOnce(drill.id, "detectedAt", record.at, record.actor);
    if (!first) return;
    await this.store.transitionDrill(drill.id, ["injected"], "detected", {}).catch((err) => {
      if (!(err instanceof ConflictError)) throw err;
    });
    await this.announce([this.event(drill, DETAIL_TYPES.detected, record.at, { by: record.actor })]);
  }

  private checkTargets(drill: Drill, incident: Incident, ids: string[]) {
    const elapsed = Math.floor((this.now() - (drill.injectedAt ?? this.now())) / 1000);
    const unknown = unknownTargets(incident, ids, elapsed);
    if (unknown.length > 0) {
      throw invalid(
        "some targets are not in this drill's sandbox",
        unknown.map((id) => ({ path: "targets", message: `unknown id ${id}` })),
      );
    }
  }

  async act(
    caller: Caller,
    teamId: string,
    drillId: string,
    input: { action: ResponseAction; targets?: string[]; text?: string; requestId?: string },
  ) {
    const { drill } = await this.drillAccess(caller, teamId, drillId, "respond");
    this.assertLive(drill);
    if (input.targets?.length) this.checkTargets(drill, this.incidentOf(drill), input.targets);
    const record = this.entry(drill, caller, input.action, input);
    const { duplicate } = await this.append(record, input.requestId !== undefined);
    // Deleting an item or removing a member is a claim about what the incident is, like a flag.
    if (input.targets?.length && CLAIM_ACTIONS.has(input.action))
      await this.markDetection(drill, this.incidentOf(drill), record, duplicate);
    if (!duplicate)
      await this.announce([
        this.event(drill, DETAIL_TYPES.actionTaken, record.at, { action: input.action, by: caller.userId }),
      ]);
    return { entry: record, duplicate };
  }

  /**
   * Resolves and scores the drill as one outcome. The timeline is read and scored first, then the
   * move to "resolved", its timeline entry and the scorecard are one conditional transaction: a
   * drill is never resolved without its scorecard, and a failed read leaves it running.
   *
   * Idempotent: the same request again (same `requestId`) answers the same scorecard. A drill that is
   * resolved but has no scorecard (resolved before this rule) is scored by the next resolve.
   */
  async resolve(caller: Caller, teamId: string, drillId: string, summary: string, requestId?: string) {
    const { drill } = await this.drillAccess(caller, teamId, drillId, "respond");
    if (!LIVE_STATUSES.includes(drill.status)) return this.resolvedAlready(drill, requestId);
    const now = this.now();
    const record = this.entry(drill, caller, "resolve", { text: summary, requestId });
    const patch = { resolvedAt: now, closedAt: now, summary };
    const timeline = await this.store.listTimeline(drill.id);
    const others = timeline.filter((e) => e.id !== record.id);
    const card = this.scorecardOf({ ...drill, ...patch, status: "resolved" }, [...others, record]);
    let resolved: Drill;
    try {
      resolved = await this.store.transitionDrillWithEntry(
        drill,
        LIVE_STATUSES,
        "resolved",
        patch,
        record,
        card,
      );
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      // Closed under us (the closer, another resolver) or this very request landed before: ask again.
      return this.resolvedAlready((await this.store.getDrill(drill.id)) ?? drill, requestId);
    }
    const synced = await this.syncDetection(resolved, card);
    await this.announce([
      this.event(synced, DETAIL_TYPES.resolved, now, { by: caller.userId }),
      this.scoredEvent(synced, card),
    ]);
    return { drill: synced, scorecard: card, duplicate: false };
  }

  /** A resolve that found the drill no longer running: the same request again, a drill left unscored, or a 409. */
  private async resolvedAlready(drill: Drill, requestId: string | undefined) {
    if (LIVE_STATUSES.includes(drill.status))
      throw new DomainError(409, "conflict", "the drill changed while resolving; try again");
    if (drill.status !== "resolved") this.assertLive(drill);
    const [existing, retried] = await Promise.all([
      this.store.getScorecard(drill.id),
      requestId === undefined
        ? Promise.resolve(false)
        : this.store.hasTimelineEntry(drill.id, this.entryId("resolve", requestId)),
    ]);
    if (existing && !retried) throw new DomainError(409, "drill_not_live", "the drill was closed already");
    // Resolved and never scored (a resolve that failed half-way before resolving and scoring became
    // one transaction): scoring it now is what the caller asked for.
    const record =
      existing ?? (await this.scoreAndStore(drill, await this.store.listTimeline(drill.id))).record;
    return { drill: (await this.store.getDrill(drill.id)) ?? drill, scorecard: record, duplicate: true };
  }

  /**
   * The closer. Idempotent and safe against a racing resolve: whichever closes the drill first
   * decides its status, and the store keeps exactly one scorecard.
   */
  async close(drillId: string): Promise<{ drill: Drill; scorecard: ScorecardRecord | null }> {
    const drill = await this.store.getDrill(drillId);
    if (!drill) throw notFound("drill");
    let closed = drill;
    if (LIVE_STATUSES.includes(drill.status)) {
      try {
        const now = this.now();
        closed = await this.store.transitionDrillWithEntry(
          drill,
          LIVE_STATUSES,
          "timed_out",
          { closedAt: now },
          this.systemEntry(drill, "timed_out", now),
        );
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
        closed = (await this.store.getDrill(drillId)) ?? drill;
      }
    }
    if (closed.status !== "resolved" && closed.status !== "timed_out")
      return { drill: closed, scorecard: null };
    const existing = await this.store.getScorecard(drillId);
    if (existing) return { drill: closed, scorecard: existing };
    const scored = await this.scoreAndStore(closed, await this.store.listTimeline(drillId));
    if (closed.status === "timed_out") {
      await this.announce([
        this.event(scored.drill, DETAIL_TYPES.timedOut, closed.closedAt ?? this.now()),
        this.scoredEvent(scored.drill, scored.record),
      ]);
    }
    return { drill: scored.drill, scorecard: scored.record };
  }

  private scoredEvent(drill: Drill, record: ScorecardRecord): DomainEvent {
    const card = record.scorecard;
    return this.event(drill, DETAIL_TYPES.scored, record.scoredAt, {
      total: card.total,
      grade: card.grade,
      passed: card.passed,
      practice: drill.practice,
    });
  }

  /**
   * Scores the drill and keeps its one detection time in step with the scorecard. The drill's
   * `detectedAt` is written by whichever right flag's conditional write lands first, which under
   * concurrency (or after a request that stored its flag and then failed) need not be the earliest
   * right flag on the timeline; the scorecard, a pure function of the timeline, is the truth.
   */
  private async scoreAndStore(
    drill: Drill,
    timeline: readonly TimelineRecord[],
  ): Promise<{ drill: Drill; record: ScorecardRecord }> {
    const record = await this.store.putScorecard(this.scorecardOf(drill, timeline));
    return { drill: await this.syncDetection(drill, record), record };
  }

  /** The drill's scorecard from its timeline: pure, so every path that scores agrees. */
  private scorecardOf(drill: Drill, timeline: readonly TimelineRecord[]): ScorecardRecord {
    const incident = this.incidentOf(drill);
    const closedAt = drill.closedAt ?? this.now();
    // Nothing after the drill closed counts, whatever order the writes landed in.
    const entries = responderEntries(timeline).filter((e) => e.at <= closedAt);
    const injectedAt = drill.injectedAt ?? drill.plannedAt;
    return {
      drillId: drill.id,
      teamId: drill.teamId,
      scenarioId: drill.scenario.id,
      month: drill.month,
      injectedAt,
      practice: drill.practice,
      scoredAt: this.now(),
      scorecard: score(incident.rubric, { injectedAt, entries }),
    };
  }

  /** Brings the drill's one detection time in line with its stored scorecard. */
  private async syncDetection(drill: Drill, record: ScorecardRecord): Promise<Drill> {
    const injectedAt = drill.injectedAt ?? drill.plannedAt;
    // The stored scorecard, never a fresh one: a racing resolver or closer may have stored theirs first.
    const { timeToDetect, detectedBy } = record.scorecard;
    if (timeToDetect === null || detectedBy === null) {
      // A live mark set by claims that raced (a wrong claim stamped earlier but stored later) gives
      // way to the scorecard, which judges every claim in time order.
      if (drill.detectedAt === undefined) return drill;
      try {
        const cleared = await this.store.clearDetection(drill.id);
        return cleared;
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
        return drill;
      }
    }
    const detectedAt = injectedAt + Math.round(timeToDetect * 1000);
    if (drill.detectedAt === detectedAt && drill.detectedBy === detectedBy) return drill;
    try {
      const synced = await this.store.transitionDrill(drill.id, [drill.status], drill.status, {
        detectedAt,
        detectedBy,
      });
      return synced;
    } catch (err) {
      // The drill moved on (an abort cannot follow a close, so nothing should): keep the scorecard.
      if (!(err instanceof ConflictError)) throw err;
      return drill;
    }
  }

  async abort(caller: Caller, teamId: string, drillId: string, reason: string) {
    const { drill } = await this.drillAccess(caller, teamId, drillId, "runDrills");
    try {
      return await this.abortOne(drill, caller, reason);
    } catch (err) {
      if (err instanceof ConflictError)
        throw new DomainError(409, "drill_closed", `the drill is already ${drill.status}`);
      throw err;
    }
  }

  private async abortOne(drill: Drill, caller: Caller, reason: string) {
    const now = this.now();
    const aborted = await this.store.transitionDrillWithEntry(
      drill,
      ["scheduled", "injected", "detected"],
      "aborted",
      { closedAt: now, abortedBy: caller.userId, abortReason: reason },
      { ...this.systemEntry(drill, "aborted", now, reason), actor: caller.userId, actorName: caller.name },
    );
    await this.announce([this.event(aborted, DETAIL_TYPES.aborted, now, { by: caller.userId, reason })]);
    return aborted;
  }

  /** Pauses the team and aborts everything scheduled or running. Safe to press twice. */
  async killSwitch(caller: Caller, teamId: string, reason: string) {
    await this.access(caller, teamId, "runDrills");
    await this.store.updateTeam(teamId, { paused: true });
    const aborted: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 20; page++) {
      const batch = await this.store.listDrills(teamId, {
        statuses: ["scheduled", "injected", "detected"],
        limit: 100,
        cursor,
      });
      await Promise.all(
        batch.items.map(async (d) => {
          try {
            await this.abortOne(d, caller, reason);
            aborted.push(d.id);
          } catch (err) {
            if (!(err instanceof ConflictError)) throw err;
          }
        }),
      );
      cursor = batch.cursor;
      if (!cursor) break;
    }
    return { paused: true, aborted: aborted.sort() };
  }

  async resume(caller: Caller, teamId: string) {
    await this.access(caller, teamId, "runDrills");
    return this.store.updateTeam(teamId, { paused: false });
  }

  async list(
    caller: Caller,
    teamId: string,
    query: { status?: DrillStatus; month?: string; limit: number; cursor?: string },
  ) {
    const membership = await this.access(caller, teamId, "read");
    const hidden = membership.role !== "manager";
    // To anyone but a manager "detected" and "injected" both mean "running": a filter on either must
    // not tell a responder whether their flag was right.
    const statuses = query.status
      ? hidden && LIVE_STATUSES.includes(query.status)
        ? [...LIVE_STATUSES]
        : [query.status]
      : undefined;
    const page = await this.store.listDrills(teamId, {
      limit: query.limit,
      ...(query.month ? { month: query.month } : {}),
      ...(statuses ? { statuses } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    // Surprise drills stay invisible to responders and viewers until injected; announced ones do not.
    if (hidden) page.items = page.items.filter((d) => d.status !== "scheduled" || d.announced === true);
    return { membership, page };
  }

  async feed(
    caller: Caller,
    teamId: string,
    drillId: string,
    query: { surface?: Surface; after?: number; limit: number },
  ): Promise<SandboxPage & { drill: Drill; role: Role }> {
    const { drill, membership } = await this.drillAccess(caller, teamId, drillId, "watch");
    if (drill.injectedAt === undefined) throw notFound("drill");
    // A closed drill's sandbox stops where the drill stopped.
    const until = drill.closedAt ?? this.now();
    // The sandbox is the incident (from the seed) plus the marks kept on the drill item, which the
    // access check has just read: a poll costs the same two reads on a long timeline as on an empty
    // one, and never reads the timeline at all.
    return {
      drill,
      role: membership.role,
      ...sandbox(this.incidentOf(drill), drill.injectedAt, until, drill.marks, query),
    };
  }

  /** The sandbox group chat's member list as it stands now (watchers, like the feed). */
  async members(
    caller: Caller,
    teamId: string,
    drillId: string,
  ): Promise<{ items: GroupMember[]; count: number }> {
    const { drill } = await this.drillAccess(caller, teamId, drillId, "watch");
    if (drill.injectedAt === undefined) throw notFound("drill");
    const until = drill.closedAt ?? this.now();
    return groupMembers(this.incidentOf(drill), drill.injectedAt, until, drill.marks);
  }

  async timeline(caller: Caller, teamId: string, drillId: string) {
    const { drill } = await this.drillAccess(caller, teamId, drillId, "read");
    return { drill, entries: await this.store.listTimeline(drill.id) };
  }

  async scorecard(caller: Caller, teamId: string, drillId: string) {
    const { drill } = await this.drillAccess(caller, teamId, drillId, "read");
    const record = await this.store.getScorecard(drill.id);
    if (!record)
      throw new DomainError(
        404,
        "not_scored",
        "the drill has no scorecard until it is resolved or times out",
      );
    return { drill, record, incident: this.incidentOf(drill) };
  }

  async figures(
    caller: Caller,
    teamId: string,
    query: { from: string; to: string; includePractice: boolean },
  ): Promise<TeamMonthFigures[]> {
    await this.access(caller, teamId, "read");
    const records = await this.store.listScorecards(teamId, { from: query.from, to: query.to });
    const drills: ScoredDrill[] = records.map((r) => ({
      drillId: r.drillId,
      teamId: r.teamId,
      scenarioId: r.scenarioId,
      month: r.month,
      injectedAt: r.injectedAt,
      practice: r.practice,
      scorecard: r.scorecard,
    }));
    return aggregate(drills, { includePractice: query.includePractice });
  }

  async getReview(caller: Caller, teamId: string, drillId: string): Promise<Review> {
    const { drill } = await this.drillAccess(caller, teamId, drillId, "read");
    return (
      (await this.store.getReview(drill.id)) ?? {
        drillId: drill.id,
        notes: "",
        findings: [],
        actionItems: [],
        version: 0,
        updatedAt: drill.createdAt,
        updatedBy: drill.createdBy,
      }
    );
  }

  async saveReview(
    caller: Caller,
    teamId: string,
    drillId: string,
    input: Pick<Review, "notes" | "findings" | "actionItems" | "version">,
  ): Promise<Review> {
    const { drill } = await this.drillAccess(caller, teamId, drillId, "review");
    const review: Review = {
      drillId: drill.id,
      notes: input.notes,
      findings: input.findings,
      actionItems: input.actionItems,
      version: input.version + 1,
      updatedAt: this.now(),
      updatedBy: caller.userId,
    };
    try {
      await this.store.putReview(review);
    } catch (err) {
      if (err instanceof ConflictError) {
        throw new DomainError(
          409,
          "review_changed",
          "someone saved the review first; reload it and apply your edit again",
        );
      }
      throw err;
    }
    return review;
  }

  async team(caller: Caller, teamId: string): Promise<{ team: Team; membership: Membership }> {
    const [membership, team] = await Promise.all([
      this.access(caller, teamId, "readTeam"),
      this.store.getTeam(teamId),
    ]);
    if (!team) throw notFound("team");
    return { team, membership };
  }
}
