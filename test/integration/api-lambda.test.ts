import type { APIGatewayProxyEventV2, Context } from "aws-lambda";
import { describe, expect, inject, it } from "vitest";
import { createDynamoClient } from "../../functions/store/client.js";
import { ensureTable } from "../../functions/store/table.js";
import { AWS_ENV } from "../support/aws-env.js";

function event(method: string, path: string): APIGatewayProxyEventV2 {
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: path,
    rawQueryString: "",
    headers: { host: "drills.example.com" },
    requestContext: {
      accountId: "123456789012",
      apiId: "api",
      domainName: "drills.example.com",
      domainPrefix: "drills",
      http: { method, path, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "test" },
      requestId: "r1",
      routeKey: "$default",
      stage: "$default",
      time: "22/Nov/2026:02:00:00 +0000",
      timeEpoch: Date.now(),
    },
    isBase64Encoded: false,
  };
}

describe("the API on Lambda (hono/aws-lambda)", () => {
  it("serves the same app from an API Gateway HTTP API event", async () => {
    const endpoint = inject("dynamoEndpoint");
    await ensureTable(createDynamoClient({ endpoint }), "lambda-test");
    const env = { ...AWS_ENV, YANLIAN_TABLE: "lambda-test", YANLIAN_DYNAMODB_ENDPOINT: endpoint };
    Object.assign(process.env, env);
    const { handler } = await import("../../functions/handlers/api.js");
    type LambdaEvent = Parameters<typeof handler>[0];
    const health = await handler(event("GET", "/api/health") as unknown as LambdaEvent, {} as Context);
    expect(health.statusCode).toBe(200);
    expect(JSON.parse(health.body ?? "{}")).toEqual({ ok: true, store: "reachable" });
    const anonymous = await handler(event("GET", "/api/teams") as unknown as LambdaEvent, {} as Context);
    expect(anonymous.statusCode).toBe(401);
    for (const key of [
      "YANLIAN_TABLE",
      "YANLIAN_PUBLIC_URL",
      "YANLIAN_SESSION_KEY",
      "YANLIAN_DYNAMODB_ENDPOINT",
    ]) {
      delete process.env[key];
    }
  });
});
