import { randomUUID } from "node:crypto";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { inject } from "vitest";
import { createDynamoClient } from "../../functions/store/client.js";
import { DynamoStore } from "../../functions/store/dynamo-store.js";
import { ensureTable } from "../../functions/store/table.js";

export interface FreshStore {
  store: DynamoStore;
  client: DynamoDBClient;
  tableName: string;
}

/** A store on a table of its own, so tests never see each other's records (and can run in parallel). */
export async function freshStore(): Promise<FreshStore> {
  const client = createDynamoClient({ endpoint: inject("dynamoEndpoint") });
  const tableName = `test-${randomUUID()}`;
  await ensureTable(client, tableName);
  return { store: new DynamoStore(client, tableName), client, tableName };
}
