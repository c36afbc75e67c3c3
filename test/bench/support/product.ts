import { randomBytes } from "node:crypto";
import { startDynamoLocal } from "../../../functions/adapters/local/dynamodb-local.js";
import { loadCatalog } from "../../../functions/adapters/scenario-files.js";
import { cryptoEntropy } from "../../../functions/adapters/system.js";
import { sha256 } from "../../../functions/api/auth.js";
import type { Clock } from "../../../functions/core/ports.js";
import { createLocalRuntime } from "../../../functions/local/runtime.js";
import { createDynamoClient } from "../../../functions/store/client.js";
import { DynamoStore } from "../../../functions/store/dynamo-store.js";
import { ensureTable } from "../../../functions/store/table.js";

export const ORIGIN = "http://127.0.0.1";
const PASSWORD = "a long bench password";

/**
 * The product as `npm start` wires it (DynamoDB Local in memory, the local runtime with its schedule
 * loop and bus), plus what a bench needs to get to a running drill: a manager, a team and a responder.
 */
export async function startProduct(options: { clock: Clock }) {
  const db = await startDynamoLocal();
  const client = createDynamoClient({ endpoint: db.endpoint });
  const table = "bench";
  await ensureTable(client, table);
  const store = new DynamoStore(client, table);
  const catalog = await loadCatalog();
  const warnings: Array<Record<string, unknown>> = [];
  const runtime = createLocalRuntime({
    store,
    clock: options.clock,
    entropy: cryptoEntropy,
    catalog: catalog.scenarios,
    auth: {
      sessionKey: randomBytes(32).toString("base64url"),
      secureCookies: false,
      allowedOrigins: [ORIGIN],
      publicUrl: ORIGIN,
      sessionHours: 12,
    },
    // Logging every firing to the console would be part of what is measured; warnings are kept.
    log: (entry) => {
      if (entry.level === "warn" || entry.level === "error") warnings.push(entry);
    },
  });

  /** In-process requests, for setting up; what is measured goes over HTTP. */
  async function call(method: string, path: string, body?: unknown, cookie?: string) {
    const res = await runtime.app.request(`${ORIGIN}/api${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...(cookie ? { cookie } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    const cookieOut = res.headers.get("set-cookie")?.split(";")[0];
    return { json: json ?? {}, cookie: cookieOut };
  }

  /** A manager, a team and a signed-in responder of that team. */
  async function team() {
    const token = randomBytes(16).toString("hex");
    await store.putSetupTokenHash(sha256(token));
    const setup = await call("POST", "/setup", {
      token,
      email: "manager@example.com",
      name: "主管",
      password: PASSWORD,
    });
    const manager = setup.cookie as string;
    const created = await call(
      "POST",
      "/teams",
      { name: "青禾学堂运营组", timezone: "Asia/Shanghai" },
      manager,
    );
    const teamId = created.json.id as string;
    const member = await call(
      "POST",
      `/teams/${teamId}/members`,
      { email: "responder@example.com", name: "值班", role: "responder" },
      manager,
    );
    const invite = member.json.invite as { url: string };
    const accepted = await call("POST", "/auth/accept-invite", {
      token: invite.url.split("#")[1],
      password: PASSWORD,
    });
    return {
      teamId,
      manager,
      managerId: setup.json.id as string,
      responder: accepted.cookie as string,
    };
  }

  async function stop() {
    await runtime.loop.stop();
    await runtime.bus.drain();
    client.destroy();
    await db.stop();
  }

  return { db, client, table, store, runtime, catalog: catalog.scenarios, warnings, call, team, stop };
}
