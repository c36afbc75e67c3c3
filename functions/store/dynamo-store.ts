import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import {
  ConflictError,
  type Credential,
  type CustomScenario,
  type Drill,
  type DrillStatus,
  type Membership,
  type Page,
  type PasswordReset,
  type Review,
  type Roster,
  type SchedulePayload,
  type ScorecardRecord,
  type Store,
  StoreUnavailableError,
  type Team,
  type TimelineRecord,
  type User,
} from "../core/ports.js";
import type { Program } from "../core/program.js";
import { GSI1, KEY_ATTRIBUTES, type Key, keys, keysOfTeam, ms13, TTL_ATTRIBUTE } from "./table.js";

/** A list cursor that did not come from this store (or was tampered with). The API answers 400. */
/** A schedule of the local stand-in for EventBridge Scheduler, kept in the same table. */
export interface StoredSchedule {
  name: string;
  dueAt: number;
  payload: SchedulePayload;
  /** Recurring schedules carry their cron and timezone and move to their next time after firing. */
  recurring?: { cron: string; timezone: string };
  /** Deliveries that failed so far; the next try backs off. */
  attempts: number;
  createdAt: number;
}

export class BadCursorError extends Error {
  override readonly name = "BadCursorError";
}

type Item = Record<string, unknown>;

/** Lists read whole partitions; a partition this large means a bug, not a busy team. */
const MAX_PAGES = 10;
const MAX_CURSOR_LENGTH = 2048;

/**
 * The Store port on one DynamoDB table (see README.md for the access patterns). Every method is one
 * round trip, except that the loser of a `putScorecard` race reads the winner's record, and list
 * methods follow DynamoDB's 1 MB pages (a team's members or timeline fit in one).
 */
export class DynamoStore implements Store {
  private readonly doc: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly table: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  async ping(): Promise<void> {
    await this.io(() =>
      this.doc.send(new GetCommand({ TableName: this.table, Key: keys.ping(), ProjectionExpression: "pk" })),
    );
  }

  // --- setup, users, sign-in -------------------------------------------------------------------

  async getSetupTokenHash(): Promise<{ tokenHash: string; used: boolean } | null> {
    const item = await this.get<{ tokenHash: string; used: boolean }>(keys.setup());
    return item ? { tokenHash: item.tokenHash, used: item.used === true } : null;
  }

  /** Replaces an unused token (each `npm start` on an empty store prints a new one), never a used one. */
  async putSetupTokenHash(tokenHash: string): Promise<void> {
    await this.io(() =>
      this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...keys.setup(), tokenHash, used: false },
          ConditionExpression: "attribute_not_exists(pk) OR used = :false",
          ExpressionAttributeValues: { ":false": false },
        }),
      ),
    );
  }

  async completeSetup(tokenHash: string, user: User, credential: Credential): Promise<void> {
    assertSameUser(user, credential);
    await this.io(() =>
      this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: keys.setup(),
                UpdateExpression: "SET used = :true, usedBy = :userId",
                ConditionExpression: "tokenHash = :hash AND used = :false",
                ExpressionAttributeValues: {
                  ":true": true,
                  ":false": false,
                  ":hash": tokenHash,
                  ":userId": user.id,
                },
              },
            },
            { Put: this.putNew(this.userItem(user)) },
            { Put: this.putNew(this.credentialItem(credential)) },
          ],
        }),
      ),
    );
  }

  async createUser(user: User, credential: Credential): Promise<void> {
    assertSameUser(user, credential);
    await this.io(() =>
      this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: this.putNew(this.userItem(user)) },
            // The credential's key is the lower-cased email: its existence is what makes an email taken.
            { Put: this.putNew(this.credentialItem(credential)) },
          ],
        }),
      ),
    );
  }

  async getUser(userId: string): Promise<User | null> {
    return this.get<User>(keys.user(userId));
  }

  async getCredential(email: string): Promise<Credential | null> {
    return this.get<Credential>(keys.credential(email));
  }

  async setPasswordHash(email: string, passwordHash: string): Promise<void> {
    await this.io(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.credential(email),
          UpdateExpression: "SET passwordHash = :hash",
          // Without it an update on an unknown email would create a credential with no user.
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: { ":hash": passwordHash },
        }),
      ),
    );
  }

  async replacePassword(userId: string, email: string, passwordHash: string): Promise<number> {
    await this.io(() =>
      this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: keys.credential(email),
                UpdateExpression: "SET passwordHash = :hash",
                ConditionExpression: "attribute_exists(pk) AND userId = :userId",
                ExpressionAttributeValues: { ":hash": passwordHash, ":userId": userId },
              },
            },
            {
              Update: {
                TableName: this.table,
                Key: keys.user(userId),
                UpdateExpression: "ADD sessionVersion :one",
                ConditionExpression: "attribute_exists(pk)",
                ExpressionAttributeValues: { ":one": 1 },
              },
            },
          ],
        }),
      ),
    );
    // A transaction returns no values; the profile read is strongly consistent, so it sees the bump.
    return (await this.getUser(userId))?.sessionVersion ?? 1;
  }

  async bumpSessionVersion(userId: string): Promise<number> {
    const out = await this.io(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.user(userId),
          UpdateExpression: "ADD sessionVersion :one",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: { ":one": 1 },
          ReturnValues: "UPDATED_NEW",
        }),
      ),
    );
    return Number(out.Attributes?.sessionVersion ?? 1);
  }

  async setAdmin(userId: string, admin: boolean): Promise<void> {
    await this.io(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.user(userId),
          UpdateExpression: "SET admin = :admin",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: { ":admin": admin },
        }),
      ),
    );
  }

  async putPasswordReset(reset: PasswordReset): Promise<void> {
    await this.io(() =>
      this.doc.send(
        new PutCommand({
          TableName: this.table,
          // The record's expiry is the TTL attribute itself (epoch seconds), so the table removes it too.
          Item: {
            ...reset,
            ...keys.passwordReset(reset.tokenHash),
            [TTL_ATTRIBUTE]: ttlSeconds(reset.expiresAt),
          },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      ),
    );
  }

  async takePasswordReset(tokenHash: string): Promise<PasswordReset | null> {
    try {
      const out = await this.io(() =>
        this.doc.send(
          new DeleteCommand({
            TableName: this.table,
            Key: keys.passwordReset(tokenHash),
            // Two requests with the same link at once: one deletes it and gets it, the other finds nothing.
            ConditionExpression: "attribute_exists(pk)",
            ReturnValues: "ALL_OLD",
          }),
        ),
      );
      if (!out.Attributes) return null;
      const reset = strip<PasswordReset>(out.Attributes);
      return { ...reset, expiresAt: Number(out.Attributes[TTL_ATTRIBUTE]) * 1000 };
    } catch (err) {
      if (err instanceof ConflictError) return null;
      throw err;
    }
  }

  async countFailedLogin(key: string, windowStart: number, expiresAt: number, by = 1): Promise<number> {
    const out = await this.io(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.failedLogins(key, windowStart),
          // ADD creates the counter at 0 first, so concurrent failures are all counted.
          UpdateExpression: "ADD #count :by SET #ttl = :ttl",
          ExpressionAttributeNames: { "#count": "count", "#ttl": TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ":by": by, ":ttl": ttlSeconds(expiresAt) },
          ReturnValues: "UPDATED_NEW",
        }),
      ),
    );
    return Number(out.Attributes?.count ?? 0);
  }

  async spendToken(tokenId: string, expiresAt: number): Promise<boolean> {
    try {
      await this.io(() =>
        this.doc.send(
          new PutCommand({
            TableName: this.table,
            Item: { ...keys.token(tokenId), [TTL_ATTRIBUTE]: ttlSeconds(expiresAt) },
            ConditionExpression: "attribute_not_exists(pk)",
          }),
        ),
      );
      return true;
    } catch (err) {
      if (err instanceof ConflictError) return false;
      throw err;
    }
  }

  // --- teams --------------------------------------------------------------------------------------

  async createTeam(team: Team, manager: Membership): Promise<void> {
    if (manager.teamId !== team.id)
      throw new Error("createTeam: the manager's membership names another team");
    await this.io(() =>
      this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: this.putNew({ ...team, ...keys.team(team.id) }) },
            { Put: { TableName: this.table, Item: this.membershipItem(manager) } },
          ],
        }),
      ),
    );
  }

  async getTeam(teamId: string): Promise<Team | null> {
    return this.get<Team>(keys.team(teamId));
  }

  async updateTeam(
    teamId: string,
    patch: Partial<Pick<Team, "name" | "timezone" | "context" | "paused">>,
  ): Promise<Team> {
    const fields = definedFields(patch, ["name", "timezone", "context", "paused"]);
    if (fields.length === 0) {
      const team = await this.getTeam(teamId);
      if (!team) throw new ConflictError(`team ${teamId} does not exist`);
      return team;
    }
    const update = setExpression(fields);
    const out = await this.io(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.team(teamId),
          UpdateExpression: update.expression,
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeNames: update.names,
          ExpressionAttributeValues: update.values,
          ReturnValues: "ALL_NEW",
        }),
      ),
    );
    return strip<Team>(out.Attributes);
  }

  async listMemberships(userId: string): Promise<Membership[]> {
    return this.queryAll<Membership>({
      IndexName: GSI1,
      KeyConditionExpression: "gsi1pk = :pk",
      ExpressionAttributeValues: { ":pk": keys.membershipsOfUser(userId) },
    });
  }

  async getMembership(teamId: string, userId: string): Promise<Membership | null> {
    return this.get<Membership>(keys.membership(teamId, userId));
  }

  async listMembers(teamId: string): Promise<Membership[]> {
    return this.queryPrefix<Membership>(keys.team(teamId).pk, keys.membershipPrefix);
  }

  async putMembership(membership: Membership): Promise<void> {
    await this.io(() =>
      this.doc.send(new PutCommand({ TableName: this.table, Item: this.membershipItem(membership) })),
    );
  }

  async removeMembership(teamId: string, userId: string): Promise<void> {
    await this.remove(keys.membership(teamId, userId));
  }

  async getRoster(teamId: string): Promise<Roster | null> {
    return this.get<Roster>(keys.roster(teamId));
  }

  async putRoster(roster: Roster): Promise<void> {
    await this.io(() =>
      this.doc.send(
        new PutCommand({ TableName: this.table, Item: { ...roster, ...keys.roster(roster.teamId) } }),
      ),
    );
  }

  // --- custom scenarios ---------------------------------------------------------------------------

  async putCustomScenario(scenario: CustomScenario, expectedVersion: number): Promise<void> {
    await this.putVersioned(
      { ...withScenarioText(scenario), ...keys.customScenario(scenario.teamId, scenario.scenarioId) },
      expectedVersion,
    );
  }

  async getCustomScenario(teamId: string, scenarioId: string): Promise<CustomScenario | null> {
    return this.get<CustomScenario>(keys.customScenario(teamId, scenarioId));
  }

  async listCustomScenarios(teamId: string): Promise<CustomScenario[]> {
    return this.queryPrefix<CustomScenario>(keys.team(teamId).pk, keys.customScenarioPrefix);
  }

  async deleteCustomScenario(teamId: string, scenarioId: string): Promise<void> {
    await this.remove(keys.customScenario(teamId, scenarioId));
  }

  // --- programs -----------------------------------------------------------------------------------

  async putProgram(program: Program, expectedVersion: number): Promise<void> {
    await this.putVersioned({ ...program, ...keys.program(program.teamId, program.id) }, expectedVersion);
  }

  async getProgram(teamId: string, programId: string): Promise<Program | null> {
    return this.get<Program>(keys.program(teamId, programId));
  }

  async listPrograms(teamId: string): Promise<Program[]> {
    return this.queryPrefix<Program>(keys.team(teamId).pk, keys.programPrefix);
  }

  async deleteProgram(teamId: string, programId: string): Promise<void> {
    await this.remove(keys.program(teamId, programId));
  }

  // --- drills -------------------------------------------------------------------------------------

  async createDrill(drill: Drill): Promise<void> {
    await this.io(() =>
      this.doc.send(
        new PutCommand(
          this.putNew({
            ...withScenarioText(drill),
            ...keys.drill(drill.id),
            ...keys.drillByTeam(drill.teamId, drill.month, drill.plannedAt, drill.id),
          }),
        ),
      ),
    );
  }

  async getDrill(drillId: string): Promise<Drill | null> {
    return this.get<Drill>(keys.drill(drillId));
  }

  /**
   * Newest first. A status filter is applied after `Limit`, so a page may hold fewer than `limit`
   * drills (even none) and still have a cursor: follow cursors until there is none.
   */
  async listDrills(
    teamId: string,
    query: { month?: string; statuses?: readonly DrillStatus[]; limit: number; cursor?: string },
  ): Promise<Page<Drill>> {
    const { month, statuses, limit, cursor } = query;
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`listDrills: bad limit ${limit}`);
    const partition = keysOfTeam.drills(teamId);
    const startKey = cursor === undefined ? undefined : decodeCursor(cursor, partition, month);

    const values: Item = { ":pk": partition };
    let keyCondition = "gsi1pk = :pk";
    if (month !== undefined) {
      keyCondition += " AND begins_with(gsi1sk, :month)";
      values[":month"] = `${month}#`;
    }
    let filter: Pick<QueryCommandInput, "FilterExpression" | "ExpressionAttributeNames"> = {};
    if (statuses && statuses.length > 0) {
      const placeholders = statuses.map((status, i) => {
        values[`:s${i}`] = status;
        return `:s${i}`;
      });
      filter = {
        FilterExpression: `#status IN (${placeholders.join(", ")})`,
        ExpressionAttributeNames: { "#status": "status" },
      };
    }

    const out = await this.io(async () => {
      try {
        return await this.doc.send(
          new QueryCommand({
            TableName: this.table,
            IndexName: GSI1,
            KeyConditionExpression: keyCondition,
            ...filter,
            ExpressionAttributeValues: values,
            ScanIndexForward: false,
            Limit: limit,
            ExclusiveStartKey: startKey,
          }),
        );
      } catch (err) {
        // The shape checks above catch nearly everything; DynamoDB judges the rest.
        if (startKey && err instanceof Error && err.name === "ValidationException") {
          throw new BadCursorError(`bad cursor: ${err.message}`);
        }
        throw err;
      }
    });
    const items = (out.Items ?? []).map((item) => strip<Drill>(item));
    return out.LastEvaluatedKey ? { items, cursor: encodeCursor(out.LastEvaluatedKey) } : { items };
  }

  async transitionDrill(
    drillId: string,
    from: readonly DrillStatus[],
    to: DrillStatus,
    patch: Partial<Omit<Drill, "id" | "teamId" | "status">>,
  ): Promise<Drill> {
    if (from.length === 0) throw new RangeError("transitionDrill: no status to move from");
    const fields = definedFields(patch).filter(
      ([name]) => name !== "id" && name !== "teamId" && name !== "status",
    );
    const patched = Object.fromEntries(fields);
    // The month index key is derived from month and planned time: moving either must move the key.
    if ("month" in patched || "plannedAt" in patched) {
      if (!("month" in patched && "plannedAt" in patched)) {
        throw new RangeError("transitionDrill: month and plannedAt change together");
      }
      fields.push([
        "gsi1sk",
        keysOfTeam.drillSortKey(String(patched.month), Number(patched.plannedAt), drillId),
      ]);
    }
    fields.push(["status", to]);
    const update = setExpression(fields);
    const fromValues = from.map((status, i) => {
      update.values[`:from${i}`] = status;
      return `:from${i}`;
    });
    update.names["#status"] = "status";

    try {
      const out = await this.io(() =>
        this.doc.send(
          new UpdateCommand({
            TableName: this.table,
            Key: keys.drill(drillId),
            UpdateExpression: update.expression,
            ConditionExpression: `attribute_exists(pk) AND #status IN (${fromValues.join(", ")})`,
            ExpressionAttributeNames: update.names,
            ExpressionAttributeValues: update.values,
            ReturnValues: "ALL_NEW",
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          }),
        ),
      );
      return strip<Drill>(out.Attributes);
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      const current = storedAttribute(err, "status");
      throw new ConflictError(
        current === undefined
          ? `drill ${drillId} does not exist`
          : `drill ${drillId} is ${current}, not ${from.join(" or ")}: it cannot become ${to}`,
        { cause: err.cause },
      );
    }
  }

  async transitionDrillWithEntry(
    drill: Drill,
    from: readonly DrillStatus[],
    to: DrillStatus,
    patch: Partial<Omit<Drill, "id" | "teamId" | "status" | "month" | "plannedAt">>,
    entry: TimelineRecord,
  ): Promise<Drill> {
    if (from.length === 0) throw new RangeError("transitionDrillWithEntry: no status to move from");
    const fields = definedFields(patch).filter(
      ([name]) => !["id", "teamId", "status", "month", "plannedAt"].includes(name),
    );
    fields.push(["status", to]);
    const update = setExpression(fields);
    const fromValues = from.map((status, i) => {
      update.values[`:from${i}`] = status;
      return `:from${i}`;
    });
    update.names["#status"] = "status";
    try {
      await this.io(() =>
        this.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: this.table,
                  Key: keys.drill(drill.id),
                  UpdateExpression: update.expression,
                  ConditionExpression: `attribute_exists(pk) AND #status IN (${fromValues.join(", ")})`,
                  ExpressionAttributeNames: update.names,
                  ExpressionAttributeValues: update.values,
                },
              },
              { Put: this.putNew({ ...keys.timelineId(entry.drillId, entry.id), at: entry.at }) },
              { Put: this.putNew({ ...entry, ...keys.timelineEntry(entry.drillId, entry.at, entry.id) }) },
            ],
          }),
        ),
      );
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      throw new ConflictError(`drill ${drill.id} is no longer ${from.join(" or ")}: it cannot become ${to}`, {
        cause: err.cause,
      });
    }
    return { ...drill, ...Object.fromEntries(fields), status: to } as Drill;
  }

  async clearDetection(drillId: string): Promise<Drill> {
    const out = await this.io(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.drill(drillId),
          UpdateExpression: "REMOVE detectedAt, detectedBy",
          ConditionExpression: "attribute_exists(pk)",
          ReturnValues: "ALL_NEW",
        }),
      ),
    );
    return strip<Drill>(out.Attributes);
  }

  async addClaims(
    drillId: string,
    claims: { right: string[]; wrong: string[] },
  ): Promise<{ right: number; wrong: number }> {
    // ADD on a string set is a set union done by the database: concurrent claims never lose one.
    // Both sets always get a marker member, so every claim is the same one write whether it is right
    // or wrong, and UPDATED_NEW returns both sets (never the drill's large scenario snapshot).
    const out = await this.io(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.drill(drillId),
          UpdateExpression: "ADD claimsRight :r, claimsWrong :w",
          ExpressionAttributeValues: {
            ":r": new Set([CLAIM_MARKER, ...claims.right]),
            ":w": new Set([CLAIM_MARKER, ...claims.wrong]),
          },
          ConditionExpression: "attribute_exists(pk)",
          ReturnValues: "UPDATED_NEW",
        }),
      ),
    ).catch((err) => {
      if (err instanceof ConflictError) throw new ConflictError(`drill ${drillId} does not exist`);
      throw err;
    });
    const size = (v: unknown) => (v instanceof Set ? v.size - 1 : 0);
    return { right: size(out.Attributes?.claimsRight), wrong: size(out.Attributes?.claimsWrong) };
  }

  async setOnce(
    drillId: string,
    field: "acknowledgedAt" | "detectedAt",
    value: number,
    by?: string,
  ): Promise<boolean> {
    const fields: Array<[string, unknown]> = [[field, value]];
    // `Drill` has no acknowledgedBy yet; it is stored all the same so the information is not lost.
    if (by !== undefined) fields.push([field === "detectedAt" ? "detectedBy" : "acknowledgedBy", by]);
    const update = setExpression(fields);
    try {
      await this.io(() =>
        this.doc.send(
          new UpdateCommand({
            TableName: this.table,
            Key: keys.drill(drillId),
            UpdateExpression: update.expression,
            ConditionExpression: `attribute_exists(pk) AND attribute_not_exists(#f0)`,
            ExpressionAttributeNames: update.names,
            ExpressionAttributeValues: update.values,
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          }),
        ),
      );
      return true;
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      if (storedAttribute(err, "pk") === undefined)
        throw new ConflictError(`drill ${drillId} does not exist`);
      return false;
    }
  }

  // --- timeline -----------------------------------------------------------------------------------

  async appendTimeline(record: TimelineRecord, options: { fresh?: boolean } = {}): Promise<void> {
    const entry = this.putNew({ ...record, ...keys.timelineEntry(record.drillId, record.at, record.id) });
    if (options.fresh) {
      await this.io(() => this.doc.send(new PutCommand(entry)));
      return;
    }
    await this.io(() =>
      this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            // A retry carries the same id but a new server time, so the id has its own guard item.
            { Put: this.putNew({ ...keys.timelineId(record.drillId, record.id), at: record.at }) },
            { Put: entry },
          ],
        }),
      ),
    );
  }

  async listTimeline(drillId: string): Promise<TimelineRecord[]> {
    return this.queryPrefix<TimelineRecord>(keys.drill(drillId).pk, keys.timelinePrefix);
  }

  // --- scorecards and reviews ---------------------------------------------------------------------

  async putScorecard(record: ScorecardRecord): Promise<ScorecardRecord> {
    try {
      await this.io(() =>
        this.doc.send(
          new PutCommand(
            this.putNew({
              ...record,
              ...keys.scorecard(record.drillId),
              ...keys.scorecardByTeam(record.teamId, record.month, record.injectedAt, record.drillId),
            }),
          ),
        ),
      );
      return record;
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      // The resolver and the timeout closer can both score a drill; the first scorecard stands.
      const stored = await this.getScorecard(record.drillId);
      if (!stored) throw err;
      return stored;
    }
  }

  async getScorecard(drillId: string): Promise<ScorecardRecord | null> {
    return this.get<ScorecardRecord>(keys.scorecard(drillId));
  }

  /** Both months inclusive ("YYYY-MM"), oldest first. */
  async listScorecards(teamId: string, months: { from: string; to: string }): Promise<ScorecardRecord[]> {
    if (months.from > months.to) return [];
    return this.queryAll<ScorecardRecord>({
      IndexName: GSI1,
      KeyConditionExpression: "gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to",
      ExpressionAttributeValues: {
        ":pk": keysOfTeam.scorecards(teamId),
        ":from": `${months.from}#`,
        // "~" sorts after the digits that follow the month, so every key of the last month is inside.
        ":to": `${months.to}#~`,
      },
    });
  }

  async getReview(drillId: string): Promise<Review | null> {
    return this.get<Review>(keys.review(drillId));
  }

  async putReview(review: Review): Promise<void> {
    if (!Number.isSafeInteger(review.version) || review.version < 1) {
      throw new RangeError(`review version must be a positive integer, not ${review.version}`);
    }
    await this.io(() =>
      this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...review, ...keys.review(review.drillId) },
          ...versionCondition(review.version - 1),
        }),
      ),
    );
  }

  // --- plumbing -----------------------------------------------------------------------------------

  /** Runs one DynamoDB call and translates its failure into the port's errors. */
  private async io<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      throw toStoreError(err);
    }
  }

  private async remove(key: Key): Promise<void> {
    await this.io(() => this.doc.send(new DeleteCommand({ TableName: this.table, Key: key })));
  }

  /** Strongly consistent, so a read right after a conditional write sees it. */
  private async get<T>(key: Key): Promise<T | null> {
    const out = await this.io(() =>
      this.doc.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true })),
    );
    return out.Item ? strip<T>(out.Item) : null;
  }

  // --- local schedules ------------------------------------------------------------------------------

  /** Creates or replaces a schedule by name (re-creating the same one is harmless). */
  async putSchedule(schedule: StoredSchedule): Promise<void> {
    await this.io(() =>
      this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...schedule,
            ...keys.schedule(schedule.name),
            ...keys.scheduleByDue(schedule.dueAt, schedule.name),
          },
        }),
      ),
    );
  }

  /** Adds a schedule unless one of that name exists; returns whether it did. */
  async addSchedule(schedule: StoredSchedule): Promise<boolean> {
    try {
      await this.io(() =>
        this.doc.send(
          new PutCommand(
            this.putNew({
              ...schedule,
              ...keys.schedule(schedule.name),
              ...keys.scheduleByDue(schedule.dueAt, schedule.name),
            }),
          ),
        ),
      );
      return true;
    } catch (err) {
      if (err instanceof ConflictError) return false;
      throw err;
    }
  }

  async getSchedule(name: string): Promise<StoredSchedule | null> {
    return this.get<StoredSchedule>(keys.schedule(name));
  }

  async deleteSchedule(name: string): Promise<void> {
    await this.remove(keys.schedule(name));
  }

  /** Schedules due at or before `until`, earliest first. */
  async listDueSchedules(until: number, limit: number): Promise<StoredSchedule[]> {
    const out = await this.io(() =>
      this.doc.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: GSI1,
          KeyConditionExpression: "gsi1pk = :pk AND gsi1sk <= :until",
          ExpressionAttributeValues: { ":pk": "SCHEDULES", ":until": `${ms13(until)}#~` },
          Limit: limit,
        }),
      ),
    );
    return (out.Items ?? []).map((item) => strip<StoredSchedule>(item));
  }

  /** Optimistic locking: writes only over `expectedVersion` (0: must not exist yet). */
  private async putVersioned(item: Item & { version: number }, expectedVersion: number): Promise<void> {
    // Two editors of version n must not both write version n: the lock only works if versions grow.
    if (!(item.version > expectedVersion)) {
      throw new RangeError(`version ${item.version} must exceed ${expectedVersion} (${String(item.sk)})`);
    }
    await this.io(() =>
      this.doc.send(
        new PutCommand({ TableName: this.table, Item: item, ...versionCondition(expectedVersion) }),
      ),
    );
  }

  private putNew(item: Item) {
    return { TableName: this.table, Item: item, ConditionExpression: "attribute_not_exists(pk)" };
  }

  private userItem(user: User): Item {
    return { ...user, ...keys.user(user.id) };
  }

  private credentialItem(credential: Credential): Item {
    return { ...credential, ...keys.credential(credential.email) };
  }

  private membershipItem(membership: Membership): Item {
    return {
      ...membership,
      ...keys.membership(membership.teamId, membership.userId),
      ...keys.membershipByUser(membership.userId, membership.teamId),
    };
  }

  private queryPrefix<T>(pk: string, prefix: string): Promise<T[]> {
    return this.queryAll<T>({
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
      ExpressionAttributeValues: { ":pk": pk, ":prefix": prefix },
      ConsistentRead: true,
    });
  }

  private async queryAll<T>(input: Omit<QueryCommandInput, "TableName">): Promise<T[]> {
    const items: T[] = [];
    let startKey: Item | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const out = await this.io(() =>
        this.doc.send(new QueryCommand({ ...input, TableName: this.table, ExclusiveStartKey: startKey })),
      );
      for (const item of out.Items ?? []) items.push(strip<T>(item));
      if (!out.LastEvaluatedKey) return items;
      startKey = out.LastEvaluatedKey;
    }
    throw new Error(`query ${input.KeyConditionExpression} read more than ${MAX_PAGES} pages`);
  }
}

// --- helpers ---------------------------------------------------------------------------------------

/** The record an item holds: the item without its key attributes. Types are the writer's promise. */
/** A member of both claim sets from the first claim on, so neither set is ever added empty. */
const CLAIM_MARKER = "·";

function strip<T = Item>(item: Item | undefined): T {
  const record: Item = { ...item };
  for (const name of KEY_ATTRIBUTES) delete record[name];
  // The drill's claim sets are the detection rule's bookkeeping, never part of what a drill shows.
  delete record.claimsRight;
  delete record.claimsWrong;
  if (typeof record.scenario === "string") record.scenario = JSON.parse(record.scenario);
  return record as T;
}

/**
 * A scenario snapshot is stored as JSON text, not as a map: a DynamoDB map does not keep the order of
 * its keys, and the generator draws parameters in the order the author wrote them (a later one may use
 * an earlier one), so a reordered snapshot would replay another incident for the same seed.
 */
function withScenarioText<T extends { scenario: unknown }>(
  item: T,
): Omit<T, "scenario"> & { scenario: string } {
  return { ...item, scenario: JSON.stringify(item.scenario) };
}

function assertSameUser(user: User, credential: Credential): void {
  if (credential.userId !== user.id) throw new Error("the credential belongs to another user");
}

/** [name, value] pairs of the fields that are set, optionally only the allowed ones. */
function definedFields(patch: object, allowed?: readonly string[]): Array<[string, unknown]> {
  return Object.entries(patch).filter(
    ([name, value]) => value !== undefined && (allowed === undefined || allowed.includes(name)),
  );
}

/** `SET #f0 = :v0, …` with every name escaped, since record fields include reserved words (status). */
function setExpression(fields: Array<[string, unknown]>): {
  expression: string;
  names: Record<string, string>;
  values: Item;
} {
  const names: Record<string, string> = {};
  const values: Item = {};
  const parts = fields.map(([name, value], i) => {
    names[`#f${i}`] = name;
    values[`:v${i}`] = value;
    return `#f${i} = :v${i}`;
  });
  return { expression: `SET ${parts.join(", ")}`, names, values };
}

/** Optimistic lock: version 0 means "must not exist yet". */
function versionCondition(storedVersion: number) {
  return storedVersion === 0
    ? { ConditionExpression: "attribute_not_exists(pk)" }
    : {
        ConditionExpression: "#version = :stored",
        ExpressionAttributeNames: { "#version": "version" },
        ExpressionAttributeValues: { ":stored": storedVersion },
      };
}

/**
 * The TTL attribute is epoch seconds. The port does not name a unit and uses milliseconds for every
 * other time, so both are accepted: no real date is ambiguous (seconds reach 1e12 in the year 33658).
 */
function ttlSeconds(expiresAt: number): number {
  if (!Number.isFinite(expiresAt) || expiresAt <= 0) throw new RangeError(`bad expiry ${expiresAt}`);
  return expiresAt >= 1e12 ? Math.ceil(expiresAt / 1000) : Math.ceil(expiresAt);
}

/** A raw attribute of the item DynamoDB returned with a failed condition (ALL_OLD), if any. */
function storedAttribute(err: ConflictError, name: string): string | undefined {
  const item = (err.cause as { Item?: Record<string, { S?: string }> } | undefined)?.Item;
  return item?.[name]?.S;
}

function encodeCursor(key: Item): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

/** The cursor is opaque to clients but not trusted: it must be a drill key of this team's partition. */
function decodeCursor(cursor: string, partition: string, month: string | undefined): Item {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw new BadCursorError("bad cursor");
  }
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new BadCursorError("bad cursor");
  }
  const valid =
    typeof key === "object" &&
    key !== null &&
    !Array.isArray(key) &&
    Object.keys(key).length === 4 &&
    KEY_ATTRIBUTES.every((name) => typeof (key as Item)[name] === "string") &&
    (key as Item).gsi1pk === partition &&
    (key as Item).sk === "DRILL" &&
    String((key as Item).pk).startsWith("DRILL#") &&
    (month === undefined || String((key as Item).gsi1sk).startsWith(`${month}#`));
  if (!valid) throw new BadCursorError("bad cursor");
  return key as Item;
}

// --- error mapping ---------------------------------------------------------------------------------

const UNAVAILABLE_NAMES = new Set([
  "TimeoutError",
  "RequestTimeout",
  "RequestTimeoutException",
  "ServiceUnavailable",
  "ServiceUnavailableException",
  "InternalServerError",
  "InternalFailure",
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "RequestLimitExceeded",
  // A plain write that met a transaction in flight on the same item (a resolve, say): AWS's advice is
  // to send it again, which is what a 503 with Retry-After tells the client, with its requestId.
  "TransactionConflictException",
]);

const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/**
 * Lost conditions become ConflictError (409) and an unreachable or failing service becomes
 * StoreUnavailableError (503); anything else is a bug and goes up unchanged. The SDK has already
 * retried by the time an error gets here.
 */
export function toStoreError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  if (err instanceof ConflictError || err instanceof StoreUnavailableError || err instanceof BadCursorError) {
    return err;
  }
  if (err.name === "ConditionalCheckFailedException") {
    return new ConflictError("the record was changed by someone else", { cause: err });
  }
  if (err.name === "TransactionCanceledException") {
    const reasons = (err as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
    // TransactionConflict: another transaction on the same item was in flight; the outcome is the same.
    if (reasons.some((r) => r.Code === "ConditionalCheckFailed" || r.Code === "TransactionConflict")) {
      return new ConflictError("the record was changed by someone else", { cause: err });
    }
  }
  if (isUnavailable(err, 0)) {
    return new StoreUnavailableError(`the database is unavailable: ${err.name}: ${err.message}`, {
      cause: err,
    });
  }
  return err;
}

function isUnavailable(err: unknown, depth: number): boolean {
  if (depth > 3 || typeof err !== "object" || err === null) return false;
  const e = err as {
    name?: unknown;
    code?: unknown;
    $metadata?: { httpStatusCode?: number };
    errors?: unknown;
    cause?: unknown;
  };
  if (typeof e.name === "string" && UNAVAILABLE_NAMES.has(e.name)) return true;
  if (typeof e.code === "string" && UNAVAILABLE_CODES.has(e.code)) return true;
  if ((e.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  // Node reports a refused dual-stack connection as an AggregateError of per-address errors.
  if (Array.isArray(e.errors) && e.errors.some((inner) => isUnavailable(inner, depth + 1))) return true;
  return isUnavailable(e.cause, depth + 1);
}
