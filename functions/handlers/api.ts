import { handle } from "hono/aws-lambda";
import catalog from "../../scenarios/catalog.json" with { type: "json" };
import { cryptoEntropy, systemClock } from "../adapters/system.js";
import { compose } from "../api/compose.js";
import type { Scenario } from "../core/scenario.js";
import { createDynamoClient } from "../store/client.js";
import { DynamoStore } from "../store/dynamo-store.js";
import { readApiConfig } from "./config.js";

// Created once per container: config, clients and the app outlive a single request.
const config = readApiConfig(process.env);
const store = new DynamoStore(
  createDynamoClient(config.YANLIAN_DYNAMODB_ENDPOINT ? { endpoint: config.YANLIAN_DYNAMODB_ENDPOINT } : {}),
  config.YANLIAN_TABLE,
);
const { app } = compose({
  store,
  clock: systemClock,
  entropy: cryptoEntropy,
  catalog: catalog as unknown as Scenario[],
  auth: {
    sessionKey: config.YANLIAN_SESSION_KEY,
    secureCookies: config.YANLIAN_PUBLIC_URL.startsWith("https://"),
    allowedOrigins: [new URL(config.YANLIAN_PUBLIC_URL).origin],
    publicUrl: config.YANLIAN_PUBLIC_URL,
    sessionHours: 12,
  },
});

export const handler = handle(app);
