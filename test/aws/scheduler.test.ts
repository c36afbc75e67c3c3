import "aws-sdk-client-mock-vitest/extend";
import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
  ValidationException,
} from "@aws-sdk/client-scheduler";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { atExpression, EventBridgeScheduler, MIN_LEAD_MS } from "../../functions/adapters/aws/scheduler.js";
import type { OneShotSchedule, RecurringSchedule } from "../../functions/core/ports.js";

const client = new SchedulerClient({ region: "ap-east-1" });
const aws = mockClient(client);

const NOW = Date.UTC(2026, 10, 1, 0, 0, 0); // 2026-11-01T00:00:00Z
const ROLE = "arn:aws:iam::123456789012:role/yanlian-scheduler";
const DLQ = "arn:aws:sqs:ap-east-1:123456789012:yanlian-schedules-dlq";
const TARGETS = {
  plan: "arn:aws:lambda:ap-east-1:123456789012:function:yanlian-planner",
  inject: "arn:aws:lambda:ap-east-1:123456789012:function:yanlian-injector",
  close: "arn:aws:lambda:ap-east-1:123456789012:function:yanlian-closer",
  escalate: "arn:aws:lambda:ap-east-1:123456789012:function:yanlian-notifier",
};
const TOKEN = expect.stringMatching(/^[0-9a-f]{64}$/);

const scheduler = new EventBridgeScheduler({
  client,
  groupName: "yanlian-drills",
  roleArn: ROLE,
  targets: TARGETS,
  deadLetterArn: DLQ,
  clock: { now: () => NOW },
});

const inject: OneShotSchedule = {
  name: "inject-dr-abc",
  at: 1795322026374, // 2026-11-22T04:33:46.374Z
  payload: { target: "inject", teamId: "tm-1", drillId: "dr-abc" },
};

const planner: RecurringSchedule = {
  name: "plan-pg-7",
  cron: "0 0 1 * ? *",
  timezone: "Asia/Shanghai",
  payload: { target: "plan", teamId: "tm-1", programId: "pg-7" },
};

const awsError = <E>(
  Type: new (o: { message: string; Message: string; $metadata: object }) => E,
  message: string,
) => new Type({ message, Message: message, $metadata: {} });

const firstInput = <I>(command: abstract new (input: I) => unknown) =>
  // biome-ignore lint/suspicious/noExplicitAny: the mock's call log is untyped
  aws.commandCalls(command as any)[0]!.args[0].input as I;

beforeEach(() => {
  aws.reset();
});

describe("a one-shot schedule (inject, close, escalate)", () => {
  it("is one CreateSchedule: at() in UTC, the group, no flexible window, deleted after it fires, retried into a DLQ", async () => {
    await scheduler.scheduleOnce(inject);

    expect(aws).toHaveReceivedCommandTimes(CreateScheduleCommand, 1);
    expect(aws).toHaveReceivedCommandWith(CreateScheduleCommand, {
      Name: "inject-dr-abc",
      GroupName: "yanlian-drills",
      ScheduleExpression: "at(2026-11-22T04:33:46)",
      ScheduleExpressionTimezone: "UTC",
      FlexibleTimeWindow: { Mode: "OFF" },
      ActionAfterCompletion: "DELETE",
      Target: {
        Arn: TARGETS.inject,
        RoleArn: ROLE,
        Input: JSON.stringify({ target: "inject", teamId: "tm-1", drillId: "dr-abc" }),
        RetryPolicy: { MaximumRetryAttempts: 5, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: { Arn: DLQ },
      },
      ClientToken: TOKEN,
    });
    // Nothing beyond those fields: the matcher above only checks the fields it names.
    expect(Object.keys(firstInput(CreateScheduleCommand)).sort()).toEqual([
      "ActionAfterCompletion",
      "ClientToken",
      "FlexibleTimeWindow",
      "GroupName",
      "Name",
      "ScheduleExpression",
      "ScheduleExpressionTimezone",
      "Target",
    ]);
  });

  it("invokes the Lambda of its payload's target", async () => {
    await scheduler.scheduleOnce({
      name: "close-dr-abc",
      at: NOW + 3_600_000,
      payload: { target: "close", teamId: "tm-1", drillId: "dr-abc" },
    });
    await scheduler.scheduleOnce({
      name: "escalate-dr-abc-1",
      at: NOW + 300_000,
      payload: { target: "escalate", teamId: "tm-1", drillId: "dr-abc", level: 1 },
    });

    expect(aws).toHaveReceivedNthCommandWith(CreateScheduleCommand, 1, {
      Target: expect.objectContaining({ Arn: TARGETS.close }),
    });
    expect(aws).toHaveReceivedNthCommandWith(CreateScheduleCommand, 2, {
      ScheduleExpression: "at(2026-11-01T00:05:00)",
      Target: expect.objectContaining({
        Arn: TARGETS.escalate,
        Input: '{"target":"escalate","teamId":"tm-1","drillId":"dr-abc","level":1}',
      }),
    });
  });

  it("writes at() as UTC to the second, zero-padded, dropping milliseconds", () => {
    expect(atExpression(1795322026374)).toBe("at(2026-11-22T04:33:46)");
    expect(atExpression(Date.UTC(2027, 0, 2, 3, 4, 5, 999))).toBe("at(2027-01-02T03:04:05)");
    // 09:30 in Shanghai is 01:30 UTC: the zone of a drill never leaks into a one-shot time.
    expect(atExpression(Date.parse("2026-12-01T09:30:00+08:00"))).toBe("at(2026-12-01T01:30:00)");
    expect(() => atExpression(Number.NaN)).toThrow(RangeError);
  });

  it("carries a ClientToken made from the request, so a retried create is the same request", async () => {
    await scheduler.scheduleOnce(inject);
    await scheduler.scheduleOnce(inject);
    await scheduler.scheduleOnce({ ...inject, name: "inject-dr-xyz" });

    const tokens = aws.commandCalls(CreateScheduleCommand).map((c) => c.args[0].input.ClientToken);
    expect(tokens[0]).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    expect(tokens[1]).toBe(tokens[0]);
    expect(tokens[2]).not.toBe(tokens[0]);
  });

  it("treats ConflictException (the schedule already exists) as done", async () => {
    aws
      .on(CreateScheduleCommand)
      .rejects(awsError(ConflictException, "Schedule inject-dr-abc already exists."));

    await expect(scheduler.scheduleOnce(inject)).resolves.toBeUndefined();
    expect(aws).toHaveReceivedCommandTimes(CreateScheduleCommand, 1);
    expect(aws).not.toHaveReceivedCommand(UpdateScheduleCommand);
  });

  it("passes any other failure on to the caller, who will be redelivered", async () => {
    aws.on(CreateScheduleCommand).rejects(awsError(ValidationException, "Invalid target"));

    await expect(scheduler.scheduleOnce(inject)).rejects.toThrow("Invalid target");
  });

  it("moves a time in the past, or too close to now, to now + 5 s so a late planner's drill still fires", async () => {
    await scheduler.scheduleOnce({ ...inject, at: NOW - 120_000 });
    await scheduler.scheduleOnce({ ...inject, name: "inject-dr-soon", at: NOW + 2_000 });
    await scheduler.scheduleOnce({ ...inject, name: "inject-dr-later", at: NOW + MIN_LEAD_MS + 1_000 });

    const expressions = aws
      .commandCalls(CreateScheduleCommand)
      .map((c) => c.args[0].input.ScheduleExpression);
    expect(expressions).toEqual([
      "at(2026-11-01T00:00:05)",
      "at(2026-11-01T00:00:05)",
      "at(2026-11-01T00:00:06)",
    ]);
  });

  it("refuses a name Scheduler would refuse, before calling AWS", async () => {
    for (const name of ["", "inject dr-1", "inject/dr-1", "注入-dr-1", "x".repeat(65)]) {
      await expect(scheduler.scheduleOnce({ ...inject, name })).rejects.toThrow(RangeError);
    }
    await scheduler.scheduleOnce({ ...inject, name: `A.b_c-9${"x".repeat(57)}` });

    expect(aws).toHaveReceivedCommandTimes(CreateScheduleCommand, 1);
  });
});

describe("a recurring schedule (the monthly planner)", () => {
  const expected = {
    Name: "plan-pg-7",
    GroupName: "yanlian-drills",
    ScheduleExpression: "cron(0 0 1 * ? *)",
    ScheduleExpressionTimezone: "Asia/Shanghai",
    FlexibleTimeWindow: { Mode: "OFF" as const },
    Target: {
      Arn: TARGETS.plan,
      RoleArn: ROLE,
      Input: JSON.stringify({ target: "plan", teamId: "tm-1", programId: "pg-7" }),
      RetryPolicy: { MaximumRetryAttempts: 5, MaximumEventAgeInSeconds: 3600 },
      DeadLetterConfig: { Arn: DLQ },
    },
    ClientToken: TOKEN,
  };

  it("is a cron() in the team's timezone that stays after it fires", async () => {
    await scheduler.scheduleRecurring(planner);

    expect(aws).toHaveReceivedCommandExactlyOnceWith(CreateScheduleCommand, expected);
    expect(firstInput(CreateScheduleCommand)).not.toHaveProperty("ActionAfterCompletion");
  });

  it("updates the existing schedule with the same input when it exists, so an edited program takes effect", async () => {
    aws.on(CreateScheduleCommand).rejects(awsError(ConflictException, "Schedule plan-pg-7 already exists."));
    const edited = { ...planner, cron: "0 9 1 * ? *", timezone: "America/New_York" };

    await scheduler.scheduleRecurring(edited);

    const update = {
      ...expected,
      ScheduleExpression: "cron(0 9 1 * ? *)",
      ScheduleExpressionTimezone: "America/New_York",
    };
    expect(aws).toHaveReceivedCommandExactlyOnceWith(CreateScheduleCommand, update);
    expect(aws).toHaveReceivedCommandExactlyOnceWith(UpdateScheduleCommand, update);
    expect(firstInput(UpdateScheduleCommand)).toEqual(firstInput(CreateScheduleCommand));
  });

  it("creates it after all when it was deleted between the create and the update", async () => {
    aws
      .on(CreateScheduleCommand)
      .rejectsOnce(awsError(ConflictException, "Schedule plan-pg-7 already exists."))
      .resolves({
        ScheduleArn: "arn:aws:scheduler:ap-east-1:123456789012:schedule/yanlian-drills/plan-pg-7",
      });
    aws.on(UpdateScheduleCommand).rejects(awsError(ResourceNotFoundException, "Schedule not found."));

    await scheduler.scheduleRecurring(planner);

    expect(aws).toHaveReceivedCommandTimes(CreateScheduleCommand, 2);
    expect(aws).toHaveReceivedCommandTimes(UpdateScheduleCommand, 1);
  });

  it("refuses a five-field Unix cron and an unknown timezone, before calling AWS", async () => {
    await expect(scheduler.scheduleRecurring({ ...planner, cron: "0 0 1 * *" })).rejects.toThrow(/6 fields/);
    await expect(scheduler.scheduleRecurring({ ...planner, timezone: "Asia/Peking" })).rejects.toThrow(
      /IANA timezone/,
    );
    await expect(scheduler.scheduleRecurring({ ...planner, name: "plan pg 7" })).rejects.toThrow(RangeError);

    expect(aws).not.toHaveReceivedAnyCommand();
  });
});

describe("cancelling a schedule", () => {
  it("is a DeleteSchedule of the name in the group", async () => {
    await scheduler.cancel("close-dr-abc");

    expect(aws).toHaveReceivedCommandExactlyOnceWith(DeleteScheduleCommand, {
      Name: "close-dr-abc",
      GroupName: "yanlian-drills",
    });
    expect(firstInput(DeleteScheduleCommand)).toEqual({ Name: "close-dr-abc", GroupName: "yanlian-drills" });
  });

  it("treats ResourceNotFoundException (already fired and deleted, or cancelled) as done", async () => {
    aws.on(DeleteScheduleCommand).rejects(awsError(ResourceNotFoundException, "Schedule not found."));

    await expect(scheduler.cancel("close-dr-abc")).resolves.toBeUndefined();
  });

  it("passes any other failure on", async () => {
    aws.on(DeleteScheduleCommand).rejects(awsError(ConflictException, "Concurrent modification."));

    await expect(scheduler.cancel("close-dr-abc")).rejects.toThrow("Concurrent modification.");
  });

  it("refuses an invalid name before calling AWS", async () => {
    await expect(scheduler.cancel("close dr")).rejects.toThrow(RangeError);
    expect(aws).not.toHaveReceivedAnyCommand();
  });
});
