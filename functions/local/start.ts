import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import { createChannelSender } from "../adapters/channels/sender.js";
import { startDynamoLocal } from "../adapters/local/dynamodb-local.js";
import { loadCatalog } from "../adapters/scenario-files.js";
import { cryptoEntropy, systemClock } from "../adapters/system.js";
import { randomToken, sha256 } from "../api/auth.js";
import { formatProblem } from "../core/catalog.js";
import { createDynamoClient } from "../store/client.js";
import { DynamoStore } from "../store/dynamo-store.js";
import { DEFAULT_TABLE_NAME, ensureTable } from "../store/table.js";
import { seedDemo } from "./demo.js";
import { createLocalRuntime } from "./runtime.js";
import { ensureWebBuilt, serveWeb } from "./web.js";

/**
 * `npm start`: the whole product on one machine. DynamoDB Local keeps data under .data/, the web app
 * and the API share http://localhost:8787, and an empty store prints a one-time setup link.
 */
const { values } = (() => {
  try {
    return parseArgs({
      options: {
        port: { type: "string" },
        data: { type: "string", default: ".data" },
        demo: { type: "boolean", default: false },
        "allow-loopback-webhooks": { type: "boolean", default: false },
      },
    });
  } catch (err) {
    console.error(
      `${(err as Error).message}\nUsage: npm start -- [--port 8787] [--data .data] [--demo] [--allow-loopback-webhooks]`,
    );
    process.exit(2);
  }
})();

const port = Number(values.port ?? process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`--port must be a port number, not "${values.port ?? process.env.PORT}"`);
  process.exit(2);
}
const dataDir = resolve(values.data);
/**
 * Pages to 127.0.0.1 / localhost (a receiver you run next to `npm start`) only when you ask, read once
 * here: otherwise a roster could make this machine page, and so probe, its own services.
 */
const allowLoopback =
  values["allow-loopback-webhooks"] === true || process.env.YANLIAN_ALLOW_LOOPBACK_WEBHOOKS === "1";
const publicUrl = `http://localhost:${port}`;

const catalog = await loadCatalog();
if (catalog.problems.length > 0) {
  for (const p of catalog.problems) console.error(`✗ ${formatProblem(p)}`);
  console.error("Fix the scenario files above (npm run catalog -- check), then start again.");
  process.exit(1);
}

/** The session key lives with the data, so sessions survive a restart; override with YANLIAN_SESSION_KEY. */
async function sessionKey(): Promise<string> {
  if (process.env.YANLIAN_SESSION_KEY) {
    if (process.env.YANLIAN_SESSION_KEY.length < 32)
      throw new Error("YANLIAN_SESSION_KEY must be at least 32 characters");
    return process.env.YANLIAN_SESSION_KEY;
  }
  const file = join(dataDir, "session.key");
  try {
    return (await readFile(file, "utf8")).trim();
  } catch {
    const key = randomBytes(32).toString("base64url");
    await writeFile(file, key, { mode: 0o600 });
    await chmod(file, 0o600);
    return key;
  }
}

await mkdir(dataDir, { recursive: true });
console.log("Starting DynamoDB Local…");
const db = await startDynamoLocal({ dataDir: join(dataDir, "dynamodb") });
let server: ReturnType<typeof serve> | undefined;
let stopLoop: () => Promise<void> = async () => undefined;
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping…");
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  await stopLoop();
  await db.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  const client = createDynamoClient({ endpoint: db.endpoint });
  await ensureTable(client, DEFAULT_TABLE_NAME);
  const store = new DynamoStore(client, DEFAULT_TABLE_NAME);
  const runtime = createLocalRuntime({
    store,
    clock: systemClock,
    entropy: cryptoEntropy,
    catalog: catalog.scenarios,
    auth: {
      sessionKey: await sessionKey(),
      secureCookies: false,
      allowedOrigins: [publicUrl, `http://127.0.0.1:${port}`],
      publicUrl,
      sessionHours: 12,
    },
    channels: createChannelSender({ allowLoopback }),
  });
  const { app, service } = runtime;
  runtime.loop.start();
  stopLoop = () => runtime.loop.stop().then(() => runtime.bus.drain());
  await ensureWebBuilt();
  app.use("*", serveWeb());

  // The demo first: its manager is the first admin, so a demo start has no setup left to print.
  let demoNote: string | undefined;
  if (values.demo) demoNote = await seedDemo({ store, service, catalog: catalog.scenarios, publicUrl });

  const setup = await store.getSetupTokenHash();
  let setupToken: string | undefined;
  if (!setup?.used && !values.demo) {
    // Only the hash is stored, so each start while setup is pending prints a fresh token.
    const token = randomToken();
    await store.putSetupTokenHash(sha256(token));
    setupToken = token;
  }

  server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, () => {
    console.log(`\nYanlian is running at ${publicUrl}`);
    console.log(`API reference: ${publicUrl}/api/docs`);
    if (allowLoopback) {
      console.log("Webhooks to 127.0.0.1, [::1] and localhost are allowed (--allow-loopback-webhooks).");
    }
    if (setupToken) {
      console.log(`\nFirst run: open this one-time setup link to create the first manager:`);
      console.log(`  ${publicUrl}/setup#token=${setupToken}`);
      console.log(
        `\nOr from the command line (README.md, "A first drill from the command line", goes on from here):`,
      );
      console.log(`  curl -c jar -X POST ${publicUrl}/api/setup -H 'content-type: application/json' \\`);
      console.log(
        `    -d '{"token":"${setupToken}","email":"me@example.com","name":"主管","password":"a long password"}'`,
      );
      console.log("  (at least 10 characters, not easy to guess; choose your own)");
      console.log("  (until setup is done, every start prints a new token and the old one stops working)");
    }
    if (demoNote) console.log(`\n${demoNote}`);
    console.log(`\nData is kept in ${dataDir}. Ctrl-C stops everything.`);
  });
  server.on("error", (err) => {
    console.error(`Cannot listen on port ${port}: ${(err as Error).message}. Try npm start -- --port 8788`);
    void shutdown(1);
  });
} catch (err) {
  console.error(`Start failed: ${(err as Error).message}`);
  await shutdown(1);
}
