import { handle } from "hono/aws-lambda";
import { StoreRateLimiter } from "../adapters/rate-limiter.js";
import { cryptoEntropy, systemClock } from "../adapters/system.js";
import { compose } from "../api/compose.js";
import { builtInCatalog } from "./catalog.js";
import { readConfig } from "./config.js";
import { createAwsAutomation } from "./runtime.js";
import { armSetupToken, loadKeys } from "./secrets.js";

// Created once per container: config, keys, clients and the app outlive a single request.
const config = readConfig(process.env, ["session", "link"]);
const keys = await loadKeys(config, ["session", "link"]);
const { store, automation, channels } = createAwsAutomation(config, keys.link);
await armSetupToken(config, store);

const { app } = compose({
  store,
  clock: systemClock,
  entropy: cryptoEntropy,
  catalog: builtInCatalog,
  auth: {
    sessionKey: keys.session,
    linkKey: keys.link,
    secureCookies: config.YANLIAN_PUBLIC_URL.startsWith("https://"),
    allowedOrigins: [new URL(config.YANLIAN_PUBLIC_URL).origin],
    publicUrl: config.YANLIAN_PUBLIC_URL,
    sessionHours: 12,
  },
  automation,
  channels,
  // Each Lambda instance serves one request at a time and lives minutes: counters kept in its memory
  // would be split across instances and reset by cold starts, so the sign-in limits count in the table.
  limiter: new StoreRateLimiter(store),
});

export const handler = handle(app);
