import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";

/**
 * The single-table design: every record of the drill service lives in one table, addressed by the
 * key builders below. The CDK stack and the tests import these names so that nobody spells a key twice.
 * `README.md` next to this file lists the access patterns.
 */

export const DEFAULT_TABLE_NAME = "yanlian";
export const TABLE_NAME_ENV = "YANLIAN_TABLE";

/** The table the process uses: `YANLIAN_TABLE` when set (the CDK stack sets it), else the default. */
export function tableName(env: NodeJS.ProcessEnv = process.env): string {
  const name = env[TABLE_NAME_ENV]?.trim() || DEFAULT_TABLE_NAME;
  // DynamoDB's own rule; checked here so a typo fails at start-up rather than on the first request.
  if (!/^[a-zA-Z0-9_.-]{3,255}$/.test(name)) throw new Error(`invalid DynamoDB table name: ${name}`);
  return name;
}

export const GSI1 = "gsi1";
/** Attribute DynamoDB's TTL reads: epoch seconds, items are deleted some time after it passes. */
export const TTL_ATTRIBUTE = "expiresAt";
/** The key attributes; records never carry them, items always do. */
export const KEY_ATTRIBUTES = ["pk", "sk", "gsi1pk", "gsi1sk"] as const;

export function tableDefinition(name: string): CreateTableCommandInput {
  return {
    TableName: name,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: [
      { AttributeName: "pk", AttributeType: "S" },
      { AttributeName: "sk", AttributeType: "S" },
      { AttributeName: "gsi1pk", AttributeType: "S" },
      { AttributeName: "gsi1sk", AttributeType: "S" },
    ],
    KeySchema: [
      { AttributeName: "pk", KeyType: "HASH" },
      { AttributeName: "sk", KeyType: "RANGE" },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: GSI1,
        KeySchema: [
          { AttributeName: "gsi1pk", KeyType: "HASH" },
          { AttributeName: "gsi1sk", KeyType: "RANGE" },
        ],
        // Lists return whole records, so the index must carry every attribute.
        Projection: { ProjectionType: "ALL" },
      },
    ],
  };
}

/** Epoch milliseconds as 13 digits, so string order is time order (good until the year 2286). */
export function ms13(epochMs: number): string {
  if (!Number.isSafeInteger(epochMs) || epochMs < 0) throw new RangeError(`not an epoch time: ${epochMs}`);
  return String(epochMs).padStart(13, "0");
}

export interface Key {
  pk: string;
  sk: string;
}

export interface IndexKey {
  gsi1pk: string;
  gsi1sk: string;
}

/**
 * Key builders, one per entity. Ids are opaque strings chosen by the service. Nothing parses a key
 * back into fields, so the store never depends on an id being free of `#`.
 */
export const keys = {
  ping: (): Key => ({ pk: "PING", sk: "PING" }),
  setup: (): Key => ({ pk: "SETUP", sk: "SETUP" }),

  user: (userId: string): Key => ({ pk: `USER#${userId}`, sk: "PROFILE" }),
  /** Emails compare case-insensitively; the item's key is what makes them unique. */
  credential: (email: string): Key => ({ pk: `EMAIL#${normalizeEmail(email)}`, sk: "CREDENTIAL" }),
  failedLogins: (key: string, windowStart: number): Key => ({
    pk: `LOGINFAIL#${key}`,
    sk: `WINDOW#${ms13(windowStart)}`,
  }),
  token: (tokenId: string): Key => ({ pk: `TOKEN#${tokenId}`, sk: "TOKEN" }),
  /** Keyed by the token's SHA-256: the table never holds a usable reset link. */
  passwordReset: (tokenHash: string): Key => ({ pk: `RESET#${tokenHash}`, sk: "RESET" }),

  team: (teamId: string): Key => ({ pk: `TEAM#${teamId}`, sk: "TEAM" }),
  membership: (teamId: string, userId: string): Key => ({ pk: `TEAM#${teamId}`, sk: `MEMBER#${userId}` }),
  membershipPrefix: "MEMBER#",
  membershipByUser: (userId: string, teamId: string): IndexKey => ({
    gsi1pk: `USER#${userId}#TEAMS`,
    gsi1sk: `TEAM#${teamId}`,
  }),
  membershipsOfUser: (userId: string): string => `USER#${userId}#TEAMS`,
  /** One invite per team and email: issuing it again overwrites the lost one. */
  invite: (teamId: string, email: string): Key => ({
    pk: `TEAM#${teamId}`,
    sk: `INVITE#${normalizeEmail(email)}`,
  }),
  invitePrefix: "INVITE#",
  roster: (teamId: string): Key => ({ pk: `TEAM#${teamId}`, sk: "ROSTER" }),
  customScenario: (teamId: string, scenarioId: string): Key => ({
    pk: `TEAM#${teamId}`,
    sk: `SCENARIO#${scenarioId}`,
  }),
  customScenarioPrefix: "SCENARIO#",

  drill: (drillId: string): Key => ({ pk: `DRILL#${drillId}`, sk: "DRILL" }),
  /** Month first so one month is a `begins_with`; then planned time so the newest comes first. */
  drillByTeam: (teamId: string, month: string, plannedAt: number, drillId: string): IndexKey => ({
    gsi1pk: keysOfTeam.drills(teamId),
    gsi1sk: drillSortKey(month, plannedAt, drillId),
  }),
  /** Server time first so a partition query returns the timeline in order; the id breaks ties. */
  timelineEntry: (drillId: string, at: number, entryId: string): Key => ({
    pk: `DRILL#${drillId}`,
    sk: `TL#${ms13(at)}#${entryId}`,
  }),
  timelinePrefix: "TL#",
  /** Guards the entry id: a retried request stores a new server time, so the entry key alone cannot. */
  timelineId: (drillId: string, entryId: string): Key => ({ pk: `DRILL#${drillId}`, sk: `TLID#${entryId}` }),
  /** The drill's timeline budget: entries and bytes, per drill and per person, and rate windows. */
  quota: (drillId: string): Key => ({ pk: `DRILL#${drillId}`, sk: "QUOTA" }),
  scorecard: (drillId: string): Key => ({ pk: `DRILL#${drillId}`, sk: "SCORECARD" }),
  scorecardByTeam: (teamId: string, month: string, injectedAt: number, drillId: string): IndexKey => ({
    gsi1pk: keysOfTeam.scorecards(teamId),
    gsi1sk: `${month}#${ms13(injectedAt)}#${drillId}`,
  }),
  review: (drillId: string): Key => ({ pk: `DRILL#${drillId}`, sk: "REVIEW" }),

  program: (teamId: string, programId: string): Key => ({ pk: `TEAM#${teamId}`, sk: `PROGRAM#${programId}` }),
  programPrefix: "PROGRAM#",

  /** Local schedules (the one-machine stand-in for EventBridge Scheduler). */
  schedule: (name: string): Key => ({ pk: `SCHEDULE#${name}`, sk: "SCHEDULE" }),
  /** Due time first, so "everything due by now" is one range query. */
  scheduleByDue: (dueAt: number, name: string): IndexKey => ({
    gsi1pk: "SCHEDULES",
    gsi1sk: `${ms13(dueAt)}#${name}`,
  }),
} as const;

function drillSortKey(month: string, plannedAt: number, drillId: string): string {
  return `${month}#${ms13(plannedAt)}#${drillId}`;
}

/** The gsi1 partitions of a team, and the one sort key a drill update may have to move. */
export const keysOfTeam = {
  drills: (teamId: string): string => `TEAM#${teamId}#DRILLS`,
  scorecards: (teamId: string): string => `TEAM#${teamId}#SCORECARDS`,
  drillSortKey,
} as const;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const ENSURE_TIMEOUT_MS = 60_000;
const ENSURE_POLL_MS = 200;

/**
 * Creates the table if it is missing, waits until it and its index are ACTIVE, and turns TTL on.
 * Idempotent, so `npm start` and every test run can call it; on AWS the CDK stack owns the table.
 */
export async function ensureTable(client: DynamoDBClient, name: string): Promise<void> {
  try {
    await client.send(new CreateTableCommand(tableDefinition(name)));
  } catch (err) {
    // Already there (a restart on persisted data, or two callers at once): fine, wait for it below.
    if (!(err instanceof ResourceInUseException)) throw err;
  }

  const deadline = Date.now() + ENSURE_TIMEOUT_MS;
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    const ready =
      Table?.TableStatus === "ACTIVE" &&
      (Table.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === "ACTIVE");
    if (ready) break;
    if (Date.now() > deadline) {
      throw new Error(`table ${name} not ACTIVE after ${ENSURE_TIMEOUT_MS / 1000}s (${Table?.TableStatus})`);
    }
    await new Promise((resolve) => setTimeout(resolve, ENSURE_POLL_MS));
  }

  try {
    const { TimeToLiveDescription } = await client.send(new DescribeTimeToLiveCommand({ TableName: name }));
    const status = TimeToLiveDescription?.TimeToLiveStatus;
    if (status === "ENABLED" || status === "ENABLING") return;
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: name,
        TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      }),
    );
  } catch (err) {
    // Raced by another caller enabling TTL at the same moment: the result is what we wanted.
    if (!(err instanceof Error && /already enabled/i.test(err.message))) throw err;
  }
}
