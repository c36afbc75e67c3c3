import { createHash } from "node:crypto";
import {
  CreateScheduleCommand,
  type CreateScheduleCommandInput,
  DeleteScheduleCommand,
  type SchedulerClient,
  type Target,
  UpdateScheduleCommand,
} from "@aws-sdk/client-scheduler";
import type {
  Clock,
  OneShotSchedule,
  RecurringSchedule,
  SchedulePayload,
  Scheduler,
  ScheduleTarget,
} from "../../core/ports.js";

export interface EventBridgeSchedulerOptions {
  client: SchedulerClient;
  /** The schedule group the stack creates for drills; the functions may only touch schedules in it. */
  groupName: string;
  /** The role EventBridge Scheduler assumes to invoke the targets. */
  roleArn: string;
  /** The Lambda function ARN each schedule target invokes. */
  targets: Record<ScheduleTarget, string>;
  /** SQS queue that receives invocations Scheduler gave up on. */
  deadLetterArn: string;
  /** The zone `at()` times are written in. Only UTC, so an epoch converts without zone arithmetic. */
  timezone?: "UTC";
  /** Used only to keep one-shot times out of the past; defaults to the system clock. */
  clock?: Clock;
}

/**
 * Scheduler only invokes with 60-second precision and treats an `at()` in the past as invalid, so
 * a one-shot time closer than this is moved to now + this: a planner or injector that runs late
 * still gets its schedule, merely late (the injector records the real time, so scores are unbiased).
 */
export const MIN_LEAD_MS = 5_000;

/**
 * Failed invocations (throttling, an unavailable function) are retried for at most an hour, then
 * go to the dead-letter queue whose depth raises an alarm: a page or a drill that is hours late
 * is worth less than a visible failure.
 */
export const RETRY_POLICY = { MaximumRetryAttempts: 5, MaximumEventAgeInSeconds: 3600 } as const;

const NAME = /^[0-9a-zA-Z_.-]{1,64}$/;

/** EventBridge Scheduler behind the `Scheduler` port: one-shot `at()` schedules and recurring `cron()` ones. */
export class EventBridgeScheduler implements Scheduler {
  private readonly client: SchedulerClient;
  private readonly groupName: string;
  private readonly roleArn: string;
  private readonly targets: Record<ScheduleTarget, string>;
  private readonly deadLetterArn: string;
  private readonly timezone: "UTC";
  private readonly clock: Clock;

  constructor(options: EventBridgeSchedulerOptions) {
    this.client = options.client;
    this.groupName = options.groupName;
    this.roleArn = options.roleArn;
    this.targets = options.targets;
    this.deadLetterArn = options.deadLetterArn;
    this.timezone = options.timezone ?? "UTC";
    this.clock = options.clock ?? { now: () => Date.now() };
  }

  async scheduleOnce(schedule: OneShotSchedule): Promise<void> {
    assertName(schedule.name);
    const at = Math.max(schedule.at, this.clock.now() + MIN_LEAD_MS);
    const input = this.withToken({
      Name: schedule.name,
      GroupName: this.groupName,
      ScheduleExpression: atExpression(at),
      ScheduleExpressionTimezone: this.timezone,
      FlexibleTimeWindow: { Mode: "OFF" },
      // Scheduler keeps completed one-shot schedules forever otherwise, and a group has a quota.
      ActionAfterCompletion: "DELETE",
      Target: this.target(schedule.payload),
    });
    try {
      await this.client.send(new CreateScheduleCommand(input));
    } catch (error) {
      // The name is unique per drill and purpose, so an existing schedule is this one, made by an
      // earlier delivery of the same work: the port promises that creating it again is a no-op.
      if (!isAwsError(error, "ConflictException")) throw error;
    }
  }

  async scheduleRecurring(schedule: RecurringSchedule): Promise<void> {
    assertName(schedule.name);
    assertCron(schedule.cron);
    assertTimezone(schedule.timezone);
    const input = this.withToken({
      Name: schedule.name,
      GroupName: this.groupName,
      ScheduleExpression: `cron(${schedule.cron})`,
      ScheduleExpressionTimezone: schedule.timezone,
      FlexibleTimeWindow: { Mode: "OFF" },
      Target: this.target(schedule.payload),
    });
    try {
      await this.client.send(new CreateScheduleCommand(input));
      return;
    } catch (error) {
      if (!isAwsError(error, "ConflictException")) throw error;
    }
    // Unlike a one-shot, a recurring schedule outlives the program's edits: the existing one takes
    // the new timezone, cron and target. Update replaces every field, hence the same full input.
    try {
      await this.client.send(new UpdateScheduleCommand(input));
    } catch (error) {
      if (!isAwsError(error, "ResourceNotFoundException")) throw error;
      // Cancelled between our create and update: the caller still wants it to exist.
      await this.client.send(new CreateScheduleCommand(input));
    }
  }

  async cancel(name: string): Promise<void> {
    assertName(name);
    try {
      await this.client.send(new DeleteScheduleCommand({ Name: name, GroupName: this.groupName }));
    } catch (error) {
      // Already gone: cancelled before, or a one-shot that fired and deleted itself.
      if (!isAwsError(error, "ResourceNotFoundException")) throw error;
    }
  }

  private target(payload: SchedulePayload): Target {
    const arn = this.targets[payload.target];
    if (!arn) throw new RangeError(`no Lambda ARN configured for schedule target ${payload.target}`);
    return {
      Arn: arn,
      RoleArn: this.roleArn,
      Input: JSON.stringify(payload),
      RetryPolicy: { ...RETRY_POLICY },
      DeadLetterConfig: { Arn: this.deadLetterArn },
    };
  }

  /**
   * A retried request (the SDK's own retries, or a redelivered Lambda invocation) carries the same
   * token, so Scheduler treats it as the same request. The token covers the content as well as the
   * name: a schedule cancelled and later made again under its name, or a program whose cron
   * changed, is a different request and must not be answered as a replay of the old one.
   */
  private withToken(
    input: Omit<CreateScheduleCommandInput, "ClientToken">,
  ): CreateScheduleCommandInput & { ClientToken: string } {
    return { ...input, ClientToken: clientToken(input) };
  }
}

/** `at(yyyy-mm-ddThh:mm:ss)` in UTC. Milliseconds are dropped: Scheduler fires within the minute anyway. */
export function atExpression(epochMs: number): string {
  if (!Number.isFinite(epochMs)) throw new RangeError(`schedule time must be an epoch in ms: ${epochMs}`);
  return `at(${new Date(epochMs).toISOString().slice(0, 19)})`;
}

/** Scheduler's tokens allow `[a-zA-Z0-9-_]{1,64}` (no dots, unlike names): a SHA-256 in hex fits exactly. */
export function clientToken(input: Omit<CreateScheduleCommandInput, "ClientToken">): string {
  return createHash("sha256").update(JSON.stringify(input)).digest("hex");
}

function assertName(name: string) {
  if (!NAME.test(name)) throw new RangeError(`schedule name must match ${NAME}: ${name}`);
}

function assertCron(cron: string) {
  // Scheduler's cron has six fields (minutes hours day-of-month month day-of-week year); a
  // five-field Unix cron is the likely mistake, and Scheduler's own error would not say so.
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 6) {
    throw new RangeError(
      `cron must have 6 fields (min hour dom month dow year), got ${fields.length}: ${cron}`,
    );
  }
}

function assertTimezone(timezone: string) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: timezone });
  } catch {
    throw new RangeError(`not an IANA timezone: ${timezone}`);
  }
}

function isAwsError(error: unknown, name: string): boolean {
  // By name rather than instanceof: two copies of the SDK in one bundle would defeat instanceof.
  return error instanceof Error && error.name === name;
}
