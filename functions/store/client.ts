import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import { NodeHttpHandler } from "@smithy/node-http-handler";

export interface DynamoClientOptions {
  /** DynamoDB Local's URL; absent on AWS. */
  endpoint?: string;
  region?: string;
}

/**
 * One client per process. The timeouts are short on purpose: when the database is down a request
 * should fail within a few seconds as a 503, not hang until the caller gives up.
 */
export function createDynamoClient({ endpoint, region }: DynamoClientOptions = {}): DynamoDBClient {
  const config: DynamoDBClientConfig = {
    // One retry: enough to ride over a dropped keep-alive socket, few enough to fail fast.
    maxAttempts: 2,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: 1000,
      requestTimeout: 3000,
      // Without this the SDK only logs a warning when the request timeout passes and keeps waiting.
      throwOnRequestTimeout: true,
    }),
  };
  if (endpoint) {
    // DynamoDB Local checks that a signature is present, not who signed it; never look up real credentials.
    config.endpoint = endpoint;
    config.region = region ?? "local";
    config.credentials = { accessKeyId: "local", secretAccessKey: "local" };
  } else if (region) {
    config.region = region;
  }
  return new DynamoDBClient(config);
}
