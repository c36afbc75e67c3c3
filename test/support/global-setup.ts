import type { TestProject } from "vitest/node";
import { startDynamoLocal } from "../../functions/adapters/local/dynamodb-local.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the one in-memory DynamoDB Local the whole run shares; each test file makes its own tables. */
    dynamoEndpoint: string;
  }
}

/** One DynamoDB Local for the run: starting Java takes seconds, a table takes milliseconds. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const local = await startDynamoLocal();
  project.provide("dynamoEndpoint", local.endpoint);
  return async () => {
    await local.stop();
  };
}
