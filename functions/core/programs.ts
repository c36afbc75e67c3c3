import type { Automation, Caller, DrillService } from "./drills.js";
import { monthIn } from "./drills.js";
import { DomainError, invalid, notFound } from "./errors.js";
import { explainEmpty, planMonth } from "./planner.js";
import type { Clock, Drill, Entropy, Store } from "./ports.js";
import { type Program, ProgramInput } from "./program.js";
import { Rng } from "./random.js";
import type { Scenario } from "./scenario.js";
import type { Localized } from "./vocabulary.js";

/** Every program's planner fires at 00:00 on the 1st of the month, in the program's timezone. */
export const MONTHLY = "0 0 1 * ? *";

export interface ProgramServiceDeps {
  store: Store;
  clock: Clock;
  entropy: Entropy;
  drills: DrillService;
  /** The built-in catalog; the team's custom scenarios come from the store. */
  catalog: readonly Scenario[];
  automation?: Pick<Automation, "scheduler">;
}

export interface PlanResult {
  month: string;
  drills: Drill[];
  /** Why nothing was planned, when nothing was. */
  reason?: Localized;
}

const planScheduleName = (programId: string) => `plan-${programId}`;

/**
 * Drill programs: a manager's monthly rules, and the planner run that turns them into scheduled
 * drills at random moments nobody on the team knows.
 */
export class ProgramService {
  constructor(private readonly deps: ProgramServiceDeps) {}

  async list(caller: Caller, teamId: string): Promise<Program[]> {
    await this.deps.drills.access(caller, teamId, "read");
    return this.deps.store.listPrograms(teamId);
  }

  async get(caller: Caller, teamId: string, programId: string): Promise<Program> {
    const [, program] = await Promise.all([
      this.deps.drills.access(caller, teamId, "read"),
      this.deps.store.getProgram(teamId, programId),
    ]);
    if (!program) throw notFound("program");
    return program;
  }

  /** Creates a program, registers its monthly planner and plans what is left of this month. */
  async create(
    caller: Caller,
    teamId: string,
    input: unknown,
  ): Promise<{ program: Program; plan: PlanResult }> {
    const [, team] = await Promise.all([
      this.deps.drills.access(caller, teamId, "manageTeam"),
      this.deps.store.getTeam(teamId),
    ]);
    const settings = parseSettings(input, team?.timezone);
    await this.checkPool(teamId, settings.pool);
    const now = this.deps.clock.now();
    const program: Program = {
      ...settings,
      id: this.deps.entropy.id("pg-"),
      teamId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await this.deps.store.putProgram(program, 0);
    await this.register(program);
    return { program, plan: await this.plan(teamId, program.id) };
  }

  async update(
    caller: Caller,
    teamId: string,
    programId: string,
    input: unknown,
    expectedVersion: number,
  ): Promise<Program> {
    const [, current, team] = await Promise.all([
      this.deps.drills.access(caller, teamId, "manageTeam"),
      this.deps.store.getProgram(teamId, programId),
      this.deps.store.getTeam(teamId),
    ]);
    if (!current) throw notFound("program");
    const settings = parseSettings(input, team?.timezone);
    await this.checkPool(teamId, settings.pool);
    const program: Program = {
      ...settings,
      id: programId,
      teamId,
      createdAt: current.createdAt,
      updatedAt: this.deps.clock.now(),
      version: expectedVersion + 1,
    };
    await this.deps.store.putProgram(program, expectedVersion).catch((err: Error) => {
      if (err.name === "ConflictError") {
        throw new DomainError(
          409,
          "program_changed",
          "someone changed the program first; reload it and apply your edit again",
        );
      }
      throw err;
    });
    // A new timezone moves the monthly planner with it.
    await this.register(program);
    return program;
  }

  async remove(caller: Caller, teamId: string, programId: string): Promise<void> {
    await this.get(caller, teamId, programId);
    await this.deps.drills.access(caller, teamId, "manageTeam");
    await this.deps.automation?.scheduler.cancel(planScheduleName(programId));
    await this.deps.store.deleteProgram(teamId, programId);
  }

  /** A pool naming a scenario that does not exist would plan nothing, silently: refuse it up front. */
  private async checkPool(teamId: string, pool: Program["pool"]): Promise<void> {
    if (pool.length === 0) return;
    const custom = await this.deps.store.listCustomScenarios(teamId);
    const known = new Set([...this.deps.catalog.map((s) => s.id), ...custom.map((c) => c.scenarioId)]);
    const unknown = pool.map((p, i) => ({ p, i })).filter(({ p }) => !known.has(p.scenarioId));
    if (unknown.length > 0) {
      throw invalid(
        "the pool names scenarios that do not exist",
        unknown.map(({ p, i }) => ({
          path: `pool.${i}.scenarioId`,
          message: `unknown scenario "${p.scenarioId}"`,
        })),
      );
    }
  }

  private async register(program: Program): Promise<void> {
    await this.deps.automation?.scheduler.scheduleRecurring({
      name: planScheduleName(program.id),
      cron: MONTHLY,
      timezone: program.timezone,
      payload: { target: "plan", teamId: program.teamId, programId: program.id },
    });
  }

  /**
   * The planner run (target of the monthly schedule). Idempotent per program and month: a second
   * delivery finds the month planned and does nothing. A paused program or team plans nothing.
   */
  async plan(teamId: string, programId: string, month?: string): Promise<PlanResult> {
    const { store, clock, entropy } = this.deps;
    const now = clock.now();
    const [program, team] = await Promise.all([store.getProgram(teamId, programId), store.getTeam(teamId)]);
    if (!program || !team)
      return {
        month: month ?? "",
        drills: [],
        reason: { zh: "计划或团队不存在", en: "no such program or team" },
      };
    const target = month ?? monthIn(now, program.timezone);
    if (!program.enabled || team.paused) {
      return {
        month: target,
        drills: [],
        reason: {
          zh: "计划已暂停或团队开启了紧急停止",
          en: "the program is paused or the team's kill switch is on",
        },
      };
    }
    const [custom, latest] = await Promise.all([
      store.listCustomScenarios(teamId),
      store.listDrills(teamId, { limit: 1 }),
    ]);
    const all = [...this.deps.catalog, ...custom.map((c) => c.scenario)];
    const pool = program.pool.length
      ? all.filter((s) => program.pool.some((p) => p.scenarioId === s.id))
      : all;
    const input = {
      program,
      month: target,
      scenarios: pool,
      ...(latest.items[0] ? { lastScenarioId: latest.items[0].scenario.id } : {}),
      rng: Rng.seeded(entropy.seed()),
      now,
    };
    const planned = planMonth(input);
    if (planned.length === 0) return { month: target, drills: [], reason: explainEmpty(input) ?? undefined };
    const drills: Drill[] = [];
    for (const [index, p] of planned.entries()) {
      const scenario = pool.find((s) => s.id === p.scenarioId);
      if (!scenario) continue;
      // One id per program, month and slot: a retried or repeated run finds its drills made and adds none.
      const id = `dr-${programId}-${target}-${index + 1}`;
      const drill = await this.deps.drills.scheduleFromProgram(
        team,
        program,
        scenario,
        p.plannedAt,
        p.seed,
        id,
      );
      if (drill) drills.push(drill);
    }
    if (drills.length === 0)
      return {
        month: target,
        drills,
        reason: { zh: "本月已经排过演练", en: "this month is planned already" },
      };
    return { month: target, drills };
  }
}

/**
 * A program without a timezone of its own works in its team's: a team in Asia/Shanghai whose program
 * fell back to a fixed default would have its windows and quiet hours shifted by the difference.
 */
function parseSettings(input: unknown, teamTimezone?: string) {
  const withZone =
    teamTimezone && input && typeof input === "object" && !Array.isArray(input) && !("timezone" in input)
      ? { ...input, timezone: teamTimezone }
      : input;
  const parsed = ProgramInput.safeParse(withZone);
  if (!parsed.success) {
    throw invalid(
      "the program is not valid",
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
    );
  }
  return parsed.data;
}
