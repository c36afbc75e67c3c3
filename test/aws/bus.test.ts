import "aws-sdk-client-mock-vitest/extend";
import {
  EventBridgeClient,
  PutEventsCommand,
  type PutEventsCommandInput,
  type PutEventsResultEntry,
} from "@aws-sdk/client-eventbridge";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { EventBridgeBus, EventPublishError } from "../../functions/adapters/aws/bus.js";
import { InvalidEventError } from "../../functions/core/events.js";
import { DETAIL_TYPES, type DomainEvent, EVENT_SOURCE } from "../../functions/core/ports.js";

const client = new EventBridgeClient({ region: "ap-east-1" });
const aws = mockClient(client);

const AT = Date.UTC(2026, 10, 22, 4, 33, 46, 374);
const base = { version: 1 as const, drillId: "dr-abc", teamId: "tm-1", at: AT };

const injected: DomainEvent = {
  detailType: DETAIL_TYPES.injected,
  detail: { ...base, scenarioId: "night-push", plannedAt: AT - 40_000, injectedAt: AT, practice: false },
};

/** One valid event of every detail type: the contract users write their rules against. */
const oneOfEach: DomainEvent[] = [
  {
    detailType: DETAIL_TYPES.scheduled,
    detail: { ...base, scenarioId: "night-push", plannedAt: AT, practice: false, programId: "pg-7" },
  },
  injected,
  { detailType: DETAIL_TYPES.acknowledged, detail: { ...base, by: "us-chen" } },
  { detailType: DETAIL_TYPES.detected, detail: { ...base, by: "us-chen" } },
  { detailType: DETAIL_TYPES.actionTaken, detail: { ...base, action: "notify_client", by: "us-chen" } },
  { detailType: DETAIL_TYPES.resolved, detail: { ...base, by: "us-chen" } },
  { detailType: DETAIL_TYPES.timedOut, detail: base },
  { detailType: DETAIL_TYPES.aborted, detail: { ...base, by: "system", reason: "kill switch" } },
  {
    detailType: DETAIL_TYPES.scored,
    detail: { ...base, total: 82, grade: "B", passed: true, practice: false },
  },
  {
    detailType: DETAIL_TYPES.paged,
    detail: { ...base, level: 0, channel: "wecom", ok: false, attempts: 3, status: 503 },
  },
  // No backup in the roster: the rung fails without a send, and the event says so.
  { detailType: DETAIL_TYPES.paged, detail: { ...base, level: 1, channel: "none", ok: false, attempts: 0 } },
];

const sleeps: number[] = [];
const bus = new EventBridgeBus({
  client,
  busName: "yanlian-drills",
  sleep: async (ms) => {
    sleeps.push(ms);
  },
});

const accepted = (i: number): PutEventsResultEntry => ({ EventId: `ev-${i}` });
const rejected = (code: string): PutEventsResultEntry => ({
  ErrorCode: code,
  ErrorMessage: "Request rate exceeded for dr-abc",
});
/** What EventBridge answers when every entry of the call was accepted. */
const acceptAll = (input: PutEventsCommandInput) => ({
  FailedEntryCount: 0,
  Entries: (input.Entries ?? []).map((_, i) => accepted(i)),
});

const numbered = (n: number): DomainEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    detailType: DETAIL_TYPES.actionTaken,
    detail: { ...base, drillId: `dr-${i}`, action: "reply", by: "us-chen" },
  }));

const drillIdsOfCall = (n: number) =>
  aws
    .commandCalls(PutEventsCommand)
    [n]!.args[0].input.Entries!.map((e) => (JSON.parse(e.Detail!) as { drillId: string }).drillId);

beforeEach(() => {
  aws.reset();
  aws.on(PutEventsCommand).callsFake(acceptAll);
  sleeps.length = 0;
});

describe("publishing drill events on the EventBridge bus", () => {
  it("sends each event with the one source, its detail type, its JSON detail, the bus and the time it happened", async () => {
    await bus.publish([injected]);

    expect(aws).toHaveReceivedCommandExactlyOnceWith(PutEventsCommand, {
      Entries: [
        {
          Source: EVENT_SOURCE,
          DetailType: "Drill Injected",
          Detail: JSON.stringify(injected.detail),
          EventBusName: "yanlian-drills",
          Time: new Date("2026-11-22T04:33:46.374Z"),
        },
      ],
    });
    expect(EVENT_SOURCE).toBe("yanlian.drills");
  });

  it("accepts one well-formed event of every detail type", async () => {
    await bus.publish(oneOfEach);

    const sent = aws.commandCalls(PutEventsCommand)[0]!.args[0].input.Entries!;
    expect(new Set(sent.map((e) => e.DetailType))).toEqual(new Set(Object.values(DETAIL_TYPES)));
  });

  it("sends nothing for no events", async () => {
    await bus.publish([]);

    expect(aws).not.toHaveReceivedAnyCommand();
  });

  it("splits 23 events into calls of 10, 10 and 3 (the PutEvents limit), in order", async () => {
    await bus.publish(numbered(23));

    expect(aws).toHaveReceivedCommandTimes(PutEventsCommand, 3);
    const sizes = aws.commandCalls(PutEventsCommand).map((c) => c.args[0].input.Entries!.length);
    expect(sizes).toEqual([10, 10, 3]);
    expect([...drillIdsOfCall(0), ...drillIdsOfCall(1), ...drillIdsOfCall(2)]).toEqual(
      numbered(23).map((e) => e.detail.drillId),
    );
  });
});

describe("when EventBridge rejects some entries of a call", () => {
  it("sends again only the rejected entries, matched by position, after a backoff", async () => {
    aws
      .on(PutEventsCommand)
      .callsFakeOnce(() => ({
        FailedEntryCount: 2,
        Entries: [accepted(0), rejected("ThrottlingException"), accepted(2), rejected("InternalFailure")],
      }))
      .callsFake(acceptAll);

    await bus.publish(numbered(4));

    expect(aws).toHaveReceivedCommandTimes(PutEventsCommand, 2);
    expect(drillIdsOfCall(1)).toEqual(["dr-1", "dr-3"]);
    expect(aws).toHaveReceivedNthCommandWith(PutEventsCommand, 2, {
      Entries: [
        expect.objectContaining({ Detail: JSON.stringify(numbered(4)[1]!.detail) }),
        expect.objectContaining({ Detail: JSON.stringify(numbered(4)[3]!.detail) }),
      ],
    });
    expect(sleeps).toEqual([100]);
  });

  it("keeps narrowing to what is still rejected on each retry", async () => {
    aws
      .on(PutEventsCommand)
      .callsFakeOnce(() => ({
        FailedEntryCount: 2,
        Entries: [rejected("ThrottlingException"), accepted(1), rejected("ThrottlingException")],
      }))
      .callsFakeOnce(() => ({ FailedEntryCount: 1, Entries: [accepted(0), rejected("InternalFailure")] }))
      .callsFake(acceptAll);

    await bus.publish(numbered(3));

    expect(drillIdsOfCall(1)).toEqual(["dr-0", "dr-2"]);
    expect(drillIdsOfCall(2)).toEqual(["dr-2"]);
    expect(sleeps).toEqual([100, 200]);
  });

  it("gives up after 3 retries, naming how many failed and why, never what they said", async () => {
    aws.on(PutEventsCommand).callsFake((input: PutEventsCommandInput) => ({
      FailedEntryCount: 1,
      Entries: (input.Entries ?? []).map((_, i) =>
        i === input.Entries!.length - 1 ? rejected("ThrottlingException") : accepted(i),
      ),
    }));

    const error = await bus.publish(numbered(3)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(EventPublishError);
    expect(error).toMatchObject({ failedCount: 1, total: 3, errorCodes: ["ThrottlingException"] });
    expect((error as Error).message).toBe(
      "EventBridge rejected 1 of 3 event(s) in a PutEvents batch after 4 attempt(s): ThrottlingException",
    );
    expect((error as Error).message).not.toMatch(/dr-|us-chen|Request rate/);
    expect(aws).toHaveReceivedCommandTimes(PutEventsCommand, 4);
    expect(sleeps).toEqual([100, 200, 400]);
  });

  it("stops at the failing batch: later batches are not sent", async () => {
    aws
      .on(PutEventsCommand)
      .callsFake(() => ({ FailedEntryCount: 10, Entries: Array(10).fill(rejected("InternalFailure")) }));

    await expect(bus.publish(numbered(15))).rejects.toThrow("rejected 10 of 10");
    expect(aws).toHaveReceivedCommandTimes(PutEventsCommand, 4);
    expect(drillIdsOfCall(3)).toHaveLength(10);
  });

  it("passes on a call that failed as a whole (the SDK has already retried it)", async () => {
    aws.on(PutEventsCommand).rejects(new Error("socket hang up"));

    await expect(bus.publish([injected])).rejects.toThrow("socket hang up");
  });
});

describe("validation of event details", () => {
  const refuses = async (event: unknown, message: RegExp) => {
    await expect(bus.publish([injected, event as DomainEvent])).rejects.toThrow(InvalidEventError);
    await expect(bus.publish([injected, event as DomainEvent])).rejects.toThrow(message);
    expect(aws).not.toHaveReceivedAnyCommand();
  };

  it("refuses a detail missing a field of its type, before sending anything", async () => {
    await refuses(
      { detailType: DETAIL_TYPES.scored, detail: { ...base, total: 82, passed: true, practice: false } },
      /"Drill Scored": detail\.grade/,
    );
  });

  it("refuses a detail of another version", async () => {
    await refuses(
      { detailType: DETAIL_TYPES.resolved, detail: { ...base, version: 2, by: "us-chen" } },
      /detail\.version/,
    );
  });

  it("refuses values out of range or of the wrong kind", async () => {
    await refuses(
      {
        detailType: DETAIL_TYPES.scored,
        detail: { ...base, total: 120, grade: "A", passed: true, practice: false },
      },
      /detail\.total/,
    );
    await refuses(
      { detailType: DETAIL_TYPES.actionTaken, detail: { ...base, action: "panic", by: "us-chen" } },
      /detail\.action/,
    );
    await refuses(
      { detailType: DETAIL_TYPES.injected, detail: { ...injected.detail, injectedAt: "now" } },
      /detail\.injectedAt/,
    );
  });

  it("refuses an unknown detail type", async () => {
    await refuses({ detailType: "Drill Exploded", detail: base }, /detailType/);
  });

  it("refuses fields the contract does not have, so a webhook URL can never ride along on a page event", async () => {
    const url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-key";
    const leaky = {
      detailType: DETAIL_TYPES.paged,
      detail: { ...base, level: 1, channel: "wecom", ok: true, attempts: 1, target: url },
    };

    await refuses(leaky, /Unrecognized key/);
    await expect(bus.publish([leaky as DomainEvent])).rejects.not.toThrow(/secret-key|qyapi/);
  });
});
