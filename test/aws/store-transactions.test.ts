import { DynamoDBClient, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import {
  DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import "aws-sdk-client-mock-vitest/extend";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { DrillService } from "../../functions/core/drills.js";
import {
  ConflictError,
  type Drill,
  type Membership,
  StoreUnavailableError,
  type TimelineRecord,
} from "../../functions/core/ports.js";
import { DynamoStore, TransactionConflictError, toStoreError } from "../../functions/store/dynamo-store.js";
import { keys } from "../../functions/store/table.js";
import { scenario } from "../support/drills.js";

/**
 * Issue 13, item 9: a transaction DynamoDB cancelled because another transaction held one of its
 * items (TransactionConflict) wrote nothing. It used to be mapped like a failed condition, so a
 * retried flag or action was answered 200 "duplicate" although it was never stored.
 */

const doc = mockClient(DynamoDBDocumentClient);
const client = new DynamoDBClient({
  region: "ap-east-1",
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
});
const store = new DynamoStore(client, "yanlian-mock");

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(", ")}]`,
    $metadata: { httpStatusCode: 400 },
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

const NOW = Date.UTC(2026, 10, 3, 2, 0, 0);
const record: TimelineRecord = {
  id: "rq-flag-abcdefgh12",
  drillId: "dr-mock",
  at: NOW,
  actor: "u-1",
  actorName: "值班",
  action: "flag",
  targets: ["gc-1"],
};

beforeEach(() => doc.reset());
afterAll(() => doc.restore());

describe("a transaction cancelled for TransactionConflict", () => {
  it("is not a conflict: alone it is a retryable StoreUnavailableError (503)", () => {
    const mapped = toStoreError(cancelled("None", "TransactionConflict"));
    expect(mapped).toBeInstanceOf(StoreUnavailableError);
    expect(mapped).toBeInstanceOf(TransactionConflictError);
    expect(mapped).not.toBeInstanceOf(ConflictError);
  });

  it("beside a failed condition, the condition is the answer (ConflictError, as before)", () => {
    expect(toStoreError(cancelled("ConditionalCheckFailed", "TransactionConflict"))).toBeInstanceOf(
      ConflictError,
    );
    expect(toStoreError(cancelled("None", "ConditionalCheckFailed"))).toBeInstanceOf(ConflictError);
  });

  it("is sent again, and a transaction that then goes through is a success", async () => {
    doc.on(TransactWriteCommand).rejectsOnce(cancelled("None", "TransactionConflict")).resolves({});
    await expect(store.appendTimeline(record)).resolves.toBeUndefined();
    expect(doc).toHaveReceivedCommandTimes(TransactWriteCommand, 2);
  });

  it("that keeps conflicting ends as a 503 after three tries, never as a duplicate", async () => {
    doc.on(TransactWriteCommand).rejects(cancelled("None", "TransactionConflict"));
    const err = await store.appendTimeline(record).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect(err).not.toBeInstanceOf(ConflictError);
    expect(doc).toHaveReceivedCommandTimes(TransactWriteCommand, 3);
  });

  it("with a failed condition is a ConflictError at once: no retry of what cannot succeed", async () => {
    doc.on(TransactWriteCommand).rejects(cancelled("ConditionalCheckFailed", "None"));
    await expect(store.appendTimeline(record)).rejects.toBeInstanceOf(ConflictError);
    expect(doc).toHaveReceivedCommandTimes(TransactWriteCommand, 1);
  });

  it("resolving a drill: a conflicting transaction is a 503, not 'closed already'", async () => {
    doc.on(TransactWriteCommand).rejects(cancelled("TransactionConflict", "None", "None"));
    const drill = { id: "dr-mock", status: "injected" } as Drill;
    const err = await store
      .transitionDrillWithEntry(drill, ["injected"], "resolved", { resolvedAt: NOW }, record)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
  });
});

describe("a retried flag whose transaction met another one", () => {
  it("is not answered as a duplicate that landed: the service passes the 503 on", async () => {
    const raid = scenario("competitor-group-raid");
    const injectedAt = NOW - 3_600_000;
    const drill: Drill = {
      id: "dr-mock",
      teamId: "tm-mock",
      scenario: raid,
      seed: 42,
      context: { timezone: "Asia/Shanghai" },
      practice: true,
      status: "injected",
      month: "2026-11",
      plannedAt: injectedAt,
      injectedAt,
      createdAt: injectedAt,
      createdBy: "u-manager",
    };
    const membership: Membership = {
      teamId: "tm-mock",
      userId: "u-1",
      role: "responder",
      name: "值班",
      email: "duty@example.com",
      addedAt: injectedAt,
    };
    doc
      .on(GetCommand, { Key: keys.drill(drill.id) })
      .resolves({ Item: { ...drill, scenario: JSON.stringify(raid), ...keys.drill(drill.id) } });
    doc
      .on(GetCommand, { Key: keys.membership("tm-mock", "u-1") })
      .resolves({ Item: { ...membership, ...keys.membership("tm-mock", "u-1") } });
    doc.on(UpdateCommand).resolves({});
    doc.on(TransactWriteCommand).rejects(cancelled("None", "TransactionConflict"));

    const service = new DrillService({
      store,
      clock: { now: () => NOW },
      entropy: { id: (prefix) => `${prefix}x`, seed: () => 1 },
      scenarios: { find: async () => raid },
    });
    const item = service.incidentOf(drill).items.find((i) => i.at <= 3_600 && i.surface === "group_chat");
    if (!item) throw new Error("nothing revealed");
    const caller = { userId: "u-1", name: "值班", admin: false };
    const outcome = await service
      .flag(caller, "tm-mock", drill.id, [item.id], undefined, "abcdefgh12")
      .catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(StoreUnavailableError);
    expect(outcome).not.toHaveProperty("duplicate");
  });
});
