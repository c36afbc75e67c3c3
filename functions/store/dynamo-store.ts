import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import type { QuotaCharge, QuotaUsage, TimelineLimits } from "../core/limits.js";
import {
  ConflictError,
  type Credential,
  type CustomScenario,
  type Drill,
  type DrillMarks,
  type DrillStatus,
  type Invite,
  LastManagerError,
  type Membership,
  type MembershipChange,
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
import { managerDelta } from "../core/teams.js";
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
    await this.transact({
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
    });
  }

  async createUser(user: User, credential: Credential): Promise<void> {
    assertSameUser(user, credential);
    await this.transact({
      TransactItems: [
        { Put: this.putNew(this.userItem(user)) },
        // The credential's key is the lower-cased email: its existence is what makes an email taken.
        { Put: this.putNew(this.credentialItem(credential)) },
      ],
    });
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
    await this.transact({
      TransactItems: [
        // The manager count starts with the creator: every later change of it is conditional.
        {
          Put: this.putNew({
            ...team,
            ...keys.team(team.id),
            managerCount: manager.role === "manager" ? 1 : 0,
          }),
        },
        { Put: { TableName: this.table, Item: this.membershipItem(manager) } },
      ],
    });
  }

  async getTeam(teamId: string): Promise<Team | null> {
    const item = await this.get<Team & { managerCount?: number }>(keys.team(teamId));
    if (!item) return null;
    const { managerCount: _, ...team } = item;
    return team;
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
    const { managerCount: _, ...team } = strip<Team & { managerCount?: number }>(out.Attributes);
    return team;
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
    const current = await this.getMembership(membership.teamId, membership.userId);
    await this.writeMembership({
      teamId: membership.teamId,
      userId: membership.userId,
      from: current?.role ?? null,
      to: membership,
    });
  }

  async removeMembership(teamId: string, userId: string): Promise<void> {
    const current = await this.getMembership(teamId, userId);
    if (!current) return;
    await this.writeMembership({ teamId, userId, from: current.role, to: null });
  }

  /**
   * The membership and the team's `managerCount` in one transaction. A manager leaving needs
   * `managerCount > 1`, so of two managers demoting each other at once one wins and the other finds
   * the count at 1; the membership's own condition (its role is still `from`) makes a stale change lose.
   * Another transaction in flight on the team item (TransactionConflict) means nothing was written: the
   * change is tried again, a few times, rather than reported as a conflict it never met. A team from
   * before the count is counted (`countManagers`) by the first change that makes or unmakes a manager.
   */
  async writeMembership(change: MembershipChange): Promise<void> {
    if (change.to && (change.to.teamId !== change.teamId || change.to.userId !== change.userId)) {
      throw new Error("writeMembership: the membership names another team or person");
    }
    const delta = managerDelta(change.from, change.to?.role ?? null);
    const writes = this.membershipWrites(change, delta);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.doc.send(new TransactWriteCommand({ TransactItems: writes.items }));
        return;
      } catch (err) {
        const reasons = cancellationCodes(err);
        if (reasons.length === 0) throw toStoreError(err);
        const teamReason = writes.teamIndex < 0 ? undefined : reasons[writes.teamIndex];
        if (reasons.some((r, i) => i !== writes.teamIndex && r === "ConditionalCheckFailed")) {
          throw new ConflictError("the membership or the invite was changed by someone else", { cause: err });
        }
        if (teamReason === "ConditionalCheckFailed") {
          // Either the count says this is the last manager, or the team predates the count.
          const counted = await this.managerCount(change.teamId);
          if (counted === "missing-team") throw new ConflictError(`team ${change.teamId} does not exist`);
          if (counted === "uncounted" && attempt < 6) {
            await this.countManagers(change.teamId);
            continue;
          }
          if (delta < 0) throw new LastManagerError("the team would be left without a manager");
          throw new ConflictError("the team was changed by someone else", { cause: err });
        }
        if (reasons.includes("TransactionConflict") && attempt < 8) {
          await new Promise((done) => setTimeout(done, 10 * attempt + Math.random() * 20 * attempt));
          continue;
        }
        throw toStoreError(err);
      }
    }
  }

  /** The transaction of a membership change: the team's count (or a check that it is counted), the member, the invite. */
  private membershipWrites(change: MembershipChange, delta: -1 | 0 | 1) {
    const team = keys.team(change.teamId);
    const counted = "attribute_exists(pk) AND attribute_exists(managerCount)";
    // A change that makes nobody a manager or not one leaves the team item alone, so joining
    // responders do not queue behind each other on it (each would be a TransactionConflict).
    const teamItem =
      delta === 0
        ? []
        : [
            {
              Update: {
                TableName: this.table,
                Key: team,
                UpdateExpression: "ADD managerCount :delta",
                ConditionExpression: delta < 0 ? `${counted} AND managerCount > :one` : counted,
                ExpressionAttributeValues: { ":delta": delta, ...(delta < 0 ? { ":one": 1 } : {}) },
              },
            },
          ];
    const key = keys.membership(change.teamId, change.userId);
    const was =
      change.from === null
        ? { ConditionExpression: "attribute_not_exists(pk)" }
        : {
            ConditionExpression: "attribute_exists(pk) AND #role = :from",
            ExpressionAttributeNames: { "#role": "role" },
            ExpressionAttributeValues: { ":from": change.from },
          };
    const memberItem = change.to
      ? { Put: { TableName: this.table, Item: this.membershipItem(change.to), ...was } }
      : { Delete: { TableName: this.table, Key: key, ...was } };
    const inviteItem = change.invite
      ? [
          {
            Delete: {
              TableName: this.table,
              Key: keys.invite(change.teamId, change.invite.email),
              ConditionExpression: "attribute_exists(pk) AND id = :id",
              ExpressionAttributeValues: { ":id": change.invite.id },
            },
          },
        ]
      : [];
    return { items: [...teamItem, memberItem, ...inviteItem], teamIndex: teamItem.length ? 0 : -1 };
  }

  private async managerCount(teamId: string): Promise<number | "uncounted" | "missing-team"> {
    const item = await this.get<{ managerCount?: number }>(keys.team(teamId));
    if (!item) return "missing-team";
    return typeof item.managerCount === "number" ? item.managerCount : "uncounted";
  }

  /**
   * A team created before the count existed gets it once, from its members. Safe without a lock: until
   * the count exists no write can change who is a manager (each one needs the count), so the members
   * read here are still the members when the count lands, and of two callers only the first sets it.
   */
  private async countManagers(teamId: string): Promise<void> {
    const managers = (await this.listMembers(teamId)).filter((m) => m.role === "manager").length;
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.team(teamId),
          UpdateExpression: "SET managerCount = :n",
          ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(managerCount)",
          ExpressionAttributeValues: { ":n": managers },
        }),
      );
    } catch (err) {
      if ((err as Error).name !== "ConditionalCheckFailedException") throw toStoreError(err);
    }
  }

  // --- invites ------------------------------------------------------------------------------------

  async putInvite(invite: Invite): Promise<void> {
    await this.io(() =>
      this.doc.send(
        new PutCommand({
          TableName: this.table,
          // Kept a day past expiry so a late click reads "expired", then DynamoDB's TTL tidies up.
          Item: {
            ...invite,
            ...keys.invite(invite.teamId, invite.email),
            [TTL_ATTRIBUTE]: ttlSeconds(invite.expiresAt + 86_400_000),
            inviteExpiresAt: invite.expiresAt,
          },
        }),
      ),
    );
  }

  async getInvite(teamId: string, email: string): Promise<Invite | null> {
    const item = await this.get<Item>(keys.invite(teamId, email));
    return item ? inviteOf(item) : null;
  }

  async listInvites(teamId: string): Promise<Invite[]> {
    return (await this.queryPrefix<Item>(keys.team(teamId).pk, keys.invitePrefix)).map(inviteOf);
  }

  async deleteInvite(teamId: string, email: string): Promise<void> {
    await this.remove(keys.invite(teamId, email));
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
    scorecard?: ScorecardRecord,
  ): Promise<Drill> {
    if (from.length === 0) throw new RangeError("transitionDrillWithEntry: no status to move from");
    if (scorecard && scorecard.drillId !== drill.id)
      throw new RangeError("transitionDrillWithEntry: the scorecard belongs to another drill");
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
      await this.transact({
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
          // A resolve closes the drill and scores it in one outcome: both land or neither does.
          ...(scorecard ? [{ Put: this.putNew(this.scorecardItem(scorecard)) }] : []),
        ],
      });
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
    marks?: {
      flagged?: readonly string[];
      deleted?: readonly string[];
      removed?: readonly string[];
      at: number;
    },
  ): Promise<{ right: number; wrong: number }> {
    // ADD on a string set is a set union done by the database: concurrent claims never lose one.
    // Both sets always get a marker member, so every claim is the same one write whether it is right
    // or wrong, and UPDATED_NEW returns both sets (never the drill's large scenario snapshot).
    const values: Item = {
      ":r": new Set([CLAIM_MARKER, ...claims.right]),
      ":w": new Set([CLAIM_MARKER, ...claims.wrong]),
    };
    const adds = ["claimsRight :r", "claimsWrong :w"];
    // The sandbox's marks ride on the same write: the feed then reads them with the drill, never the
    // timeline. Sets are bounded by the incident (targets are checked against its items and people).
    if (marks?.flagged?.length) {
      adds.push(`${MARKS_FLAGGED} :f`);
      values[":f"] = new Set(marks.flagged);
    }
    if (marks?.deleted?.length) {
      adds.push(`${MARKS_DELETED} :d`);
      values[":d"] = new Set(marks.deleted);
    }
    const names: Record<string, string> = {};
    const sets: string[] = [];
    // The first removal of a person stands (if_not_exists): a retried or repeated removal keeps it.
    for (const [i, id] of [...new Set(marks?.removed ?? [])].entries()) {
      names[`#rm${i}`] = `${REMOVED_AT_PREFIX}${id}`;
      sets.push(`#rm${i} = if_not_exists(#rm${i}, :at)`);
      values[":at"] = marks?.at;
    }
    const out = await this.io(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.drill(drillId),
          UpdateExpression: `ADD ${adds.join(", ")}${sets.length ? ` SET ${sets.join(", ")}` : ""}`,
          ...(sets.length ? { ExpressionAttributeNames: names } : {}),
          ExpressionAttributeValues: values,
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

  async chargeQuota(
    drillId: string,
    charge: QuotaCharge,
    limits: TimelineLimits,
  ): Promise<QuotaUsage | null> {
    const names = quotaNames(charge);
    // One conditional ADD on one small item: counted only if every limit still holds after it. A
    // plain write, not a transaction, so concurrent responders of one drill queue instead of failing.
    // DynamoDB cannot add in a condition, so each byte limit is compared with the room left for it.
    const fits = (name: string, value: string) => `(attribute_not_exists(${name}) OR ${name} ${value})`;
    try {
      await this.io(() =>
        this.doc.send(
          new UpdateCommand({
            TableName: this.table,
            Key: keys.quota(drillId),
            UpdateExpression: "ADD #entries :one, #bytes :size, #pn :one, #pb :size, #rw :one",
            ConditionExpression: [
              fits("#entries", "< :maxEntries"),
              fits("#bytes", "<= :roomBytes"),
              fits("#pn", "< :maxPersonEntries"),
              fits("#pb", "<= :roomPersonBytes"),
              fits("#rw", "< :rateMax"),
            ].join(" AND "),
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: {
              ":one": 1,
              ":size": charge.bytes,
              ":maxEntries": limits.drillEntries,
              ":roomBytes": limits.drillBytes - charge.bytes,
              ":maxPersonEntries": limits.personEntries,
              ":roomPersonBytes": limits.personBytes - charge.bytes,
              ":rateMax": limits.rateMax,
            },
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          }),
        ),
      );
      return null;
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      const item = (err.cause as { Item?: Record<string, { N?: string }> } | undefined)?.Item ?? {};
      const n = (name: string) => Number(item[names[name] as string]?.N ?? 0);
      return {
        entries: n("#entries"),
        bytes: n("#bytes"),
        personEntries: n("#pn"),
        personBytes: n("#pb"),
        windowEntries: n("#rw"),
      };
    }
  }

  async refundQuota(drillId: string, charge: QuotaCharge): Promise<void> {
    await this.io(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.quota(drillId),
          UpdateExpression: "ADD #entries :minus, #bytes :minusSize, #pn :minus, #pb :minusSize, #rw :minus",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeNames: quotaNames(charge),
          ExpressionAttributeValues: { ":minus": -1, ":minusSize": -charge.bytes },
        }),
      ),
    );
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
    await this.transact({
      TransactItems: [
        // A retry carries the same id but a new server time, so the id has its own guard item.
        { Put: this.putNew({ ...keys.timelineId(record.drillId, record.id), at: record.at }) },
        { Put: entry },
      ],
    });
  }

  async listTimeline(drillId: string): Promise<TimelineRecord[]> {
    return this.queryPrefix<TimelineRecord>(keys.drill(drillId).pk, keys.timelinePrefix);
  }

  async hasTimelineEntry(drillId: string, entryId: string): Promise<boolean> {
    const out = await this.io(() =>
      this.doc.send(
        new GetCommand({
          TableName: this.table,
          Key: keys.timelineId(drillId, entryId),
          ProjectionExpression: "pk",
          ConsistentRead: true,
        }),
      ),
    );
    return out.Item !== undefined;
  }

  // --- scorecards and reviews ---------------------------------------------------------------------

  async putScorecard(record: ScorecardRecord): Promise<ScorecardRecord> {
    try {
      await this.io(() => this.doc.send(new PutCommand(this.putNew(this.scorecardItem(record)))));
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

  /**
   * One TransactWriteItems. A transaction cancelled only because another one held an item
   * (TransactionConflict) wrote nothing, and nothing was wrong with it: it is sent again after a
   * short jittered pause, then reported as the store being busy (503, retry), never as a conflict or
   * a duplicate, which would tell the caller something landed that did not.
   */
  private async transact(input: TransactWriteCommandInput): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.io(() => this.doc.send(new TransactWriteCommand(input)));
        return;
      } catch (err) {
        if (!(err instanceof TransactionConflictError) || attempt >= TRANSACTION_ATTEMPTS) throw err;
        await new Promise((done) => setTimeout(done, 10 * attempt + Math.random() * 30));
      }
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

  private scorecardItem(record: ScorecardRecord): Item {
    return {
      ...record,
      ...keys.scorecard(record.drillId),
      ...keys.scorecardByTeam(record.teamId, record.month, record.injectedAt, record.drillId),
    };
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

/** The drill's sandbox marks, as top-level attributes (see `addClaims`). */
const MARKS_FLAGGED = "marksFlagged";
const MARKS_DELETED = "marksDeleted";
const REMOVED_AT_PREFIX = "removedAt#";

/** The quota item's attribute names for a charge: the drill's totals, the person's, the window's. */
function quotaNames(charge: QuotaCharge): Record<string, string> {
  return {
    "#entries": "entries",
    "#bytes": "bytes",
    "#pn": `entries#${charge.userId}`,
    "#pb": `bytes#${charge.userId}`,
    "#rw": `rate#${charge.userId}#${charge.window}`,
  };
}

/** Reads the marks attributes off a drill item (and removes them from it); undefined when none. */
function takeMarks(record: Item): DrillMarks | undefined {
  const flagged = record[MARKS_FLAGGED];
  const deleted = record[MARKS_DELETED];
  delete record[MARKS_FLAGGED];
  delete record[MARKS_DELETED];
  const removedAt: Record<string, number> = {};
  for (const name of Object.keys(record)) {
    if (!name.startsWith(REMOVED_AT_PREFIX)) continue;
    removedAt[name.slice(REMOVED_AT_PREFIX.length)] = Number(record[name]);
    delete record[name];
  }
  if (!(flagged instanceof Set) && !(deleted instanceof Set) && Object.keys(removedAt).length === 0)
    return undefined;
  return {
    flagged: flagged instanceof Set ? [...flagged].map(String).sort() : [],
    deleted: deleted instanceof Set ? [...deleted].map(String).sort() : [],
    removedAt,
  };
}

function strip<T = Item>(item: Item | undefined): T {
  const record: Item = { ...item };
  for (const name of KEY_ATTRIBUTES) delete record[name];
  // The drill's claim sets are the detection rule's bookkeeping, never part of what a drill shows.
  delete record.claimsRight;
  delete record.claimsWrong;
  const marks = takeMarks(record);
  if (marks) record.marks = marks;
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

/** The codes of a cancelled transaction, one per item in order; empty for any other error. */
function cancellationCodes(err: unknown): string[] {
  if (!(err instanceof Error) || err.name !== "TransactionCanceledException") return [];
  const reasons = (err as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
  return reasons.map((r) => r.Code ?? "None");
}

/** The invite record: its TTL attribute is seconds for DynamoDB, its expiry stays milliseconds. */
function inviteOf(item: Item): Invite {
  const { inviteExpiresAt, [TTL_ATTRIBUTE]: _ttl, ...rest } = item;
  return { ...(rest as unknown as Invite), expiresAt: Number(inviteExpiresAt) };
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

/** A transaction cancelled only by another in flight: nothing written; the store retries, then 503s. */
export class TransactionConflictError extends StoreUnavailableError {
  readonly transactionConflict = true;
}

/** Tries of a transaction that keeps meeting another one on the same items, before a 503. */
const TRANSACTION_ATTEMPTS = 3;

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
    // A condition that failed is an answer: the record was changed first (or the entry exists).
    if (reasons.some((r) => r.Code === "ConditionalCheckFailed")) {
      return new ConflictError("the record was changed by someone else", { cause: err });
    }
    // TransactionConflict alone: another transaction held an item, so this one wrote nothing and
    // proved nothing. It is not a duplicate (that would answer 200 for a write that never happened);
    // it is worth sending again.
    if (reasons.some((r) => r.Code === "TransactionConflict")) {
      return new TransactionConflictError(
        "the database was busy with another change to the same records; try again",
        { cause: err },
      );
    }
    if (reasons.some((r) => r.Code === "ThrottlingError" || r.Code === "ProvisionedThroughputExceeded")) {
      return new StoreUnavailableError("the database is throttling writes", { cause: err });
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
