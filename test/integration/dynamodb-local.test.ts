import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type DynamoLocal, startDynamoLocal } from "../../functions/adapters/local/dynamodb-local.js";
import { StoreUnavailableError, type User } from "../../functions/core/ports.js";
import { createDynamoClient } from "../../functions/store/client.js";
import { DynamoStore } from "../../functions/store/dynamo-store.js";
import { ensureTable } from "../../functions/store/table.js";

const dataDir = mkdtempSync(join(tmpdir(), "yanlian-ddb-"));
const started: DynamoLocal[] = [];

async function start(options: { port?: number; dataDir?: string } = {}) {
  const local = await startDynamoLocal(options);
  started.push(local);
  return local;
}

function isRunning(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

afterAll(async () => {
  await Promise.all(started.map((local) => local.stop()));
  rmSync(dataDir, { recursive: true, force: true });
});

describe("DynamoDB Local", () => {
  it("keeps data in its data folder across a restart on the same port, where the same client recovers", async () => {
    const ana: User = {
      id: "u1",
      email: "ana@example.com",
      name: "Ana",
      admin: true,
      lang: "zh",
      createdAt: 1,
    };
    const first = await start({ dataDir: join(dataDir, "nested") });
    expect(first.endpoint).toBe(`http://127.0.0.1:${first.port}`);
    const client = createDynamoClient({ endpoint: first.endpoint });
    const store = new DynamoStore(client, "yanlian");
    try {
      await ensureTable(client, "yanlian");
      await store.createUser(ana, { email: ana.email, userId: ana.id, passwordHash: "h" });

      await Promise.all([first.stop(), first.stop()]);
      // Nothing left behind: the Java child has exited, not merely been asked to.
      expect(first.process.exitCode !== null || first.process.signalCode !== null).toBe(true);
      expect(isRunning(first.process.pid)).toBe(false);
      await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);

      await start({ port: first.port, dataDir: join(dataDir, "nested") });
      await ensureTable(client, "yanlian");
      await store.ping();
      expect(await store.getUser("u1")).toEqual(ana);
    } finally {
      client.destroy();
    }
  });

  it("explains how to install Java when there is none", async () => {
    const path = process.env.PATH;
    process.env.PATH = join(dataDir, "no-java-here");
    try {
      await expect(startDynamoLocal()).rejects.toThrow(/java was not found[\s\S]*openjdk-17-jre-headless/);
    } finally {
      process.env.PATH = path;
    }
  });
});
