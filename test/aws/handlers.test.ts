import { EventBridgeClient, PutEventsCommand } from "@aws-sdk/client-eventbridge";
import { CreateScheduleCommand, SchedulerClient } from "@aws-sdk/client-scheduler";
import { mockClient } from "aws-sdk-client-mock";
import "aws-sdk-client-mock-vitest/extend";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Drill } from "../../functions/core/ports.js";
import { createDynamoClient } from "../../functions/store/client.js";
import { DynamoStore } from "../../functions/store/dynamo-store.js";
import { ensureTable } from "../../functions/store/table.js";
import { AWS_ENV } from "../support/aws-env.js";
import { scenario } from "../support/drills.js";

const scheduler = mockClient(SchedulerClient);
const events = mockClient(EventBridgeClient);

describe("the injector Lambda, as EventBridge Scheduler invokes it", () => {
  let store: DynamoStore;
  const env = { ...AWS_ENV, YANLIAN_TABLE: "handlers-test" };
  beforeAll(async () => {
    const endpoint = inject("dynamoEndpoint");
    const client = createDynamoClient({ endpoint });
    await ensureTable(client, env.YANLIAN_TABLE);
    store = new DynamoStore(client, env.YANLIAN_TABLE);
    Object.assign(process.env, { ...env, YANLIAN_DYNAMODB_ENDPOINT: endpoint });
    scheduler
      .on(CreateScheduleCommand)
      .resolves({ ScheduleArn: "arn:aws:scheduler:ap-east-1:123456789012:schedule/g/x" });
    events.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: "e-1" }] });
  });
  afterAll(() => {
    for (const key of [...Object.keys(env), "YANLIAN_DYNAMODB_ENDPOINT"]) delete process.env[key];
    scheduler.restore();
    events.restore();
  });

  it("injects the drill once, schedules its closer and publishes Drill Injected, however often it is delivered", async () => {
    const now = Date.now();
    await store.createTeam(
      {
        id: "t-lambda",
        name: "Lambda 组",
        timezone: "Asia/Shanghai",
        context: {},
        paused: false,
        createdAt: now,
        createdBy: "u-1",
      },
      {
        teamId: "t-lambda",
        userId: "u-1",
        role: "manager",
        name: "主管",
        email: "m@example.com",
        addedAt: now,
      },
    );
    const drill: Drill = {
      id: "dr-lambda-1",
      teamId: "t-lambda",
      scenario: scenario("push-503"),
      seed: 3,
      context: {},
      practice: false,
      status: "scheduled",
      month: "2026-11",
      plannedAt: now - 1000,
      createdAt: now - 60_000,
      createdBy: "u-1",
    };
    await store.createDrill(drill);
    const { handler } = await import("../../functions/handlers/injector.js");
    const payload = { target: "inject", teamId: "t-lambda", drillId: drill.id };
    await handler(payload);
    await handler(payload);
    const stored = await store.getDrill(drill.id);
    expect(stored?.status).toBe("injected");
    expect(scheduler).toHaveReceivedCommandWith(CreateScheduleCommand, {
      Name: `close-${drill.id}`,
      GroupName: env.YANLIAN_SCHEDULE_GROUP,
      ActionAfterCompletion: "DELETE",
      Target: expect.objectContaining({
        Arn: env.YANLIAN_CLOSER_ARN,
        RoleArn: env.YANLIAN_SCHEDULER_ROLE_ARN,
      }),
    });
    expect(events).toHaveReceivedCommandWith(PutEventsCommand, {
      Entries: [
        expect.objectContaining({
          Source: "yanlian.drills",
          DetailType: "Drill Injected",
          EventBusName: env.YANLIAN_BUS_NAME,
        }),
      ],
    });
    const timeline = await store.listTimeline(drill.id);
    expect(timeline.filter((e) => e.action === "injected")).toHaveLength(1);
    await expect(handler({ target: "close", teamId: "t-lambda", drillId: drill.id })).rejects.toThrow(
      /unexpected schedule payload/,
    );
  });
});
