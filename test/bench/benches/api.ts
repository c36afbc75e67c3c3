import { AsyncLocalStorage } from "node:async_hooks";
import { execFile } from "node:child_process";
import { Agent, request as httpRequest } from "node:http";
import { join } from "node:path";
import { promisify } from "node:util";
import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { serve } from "@hono/node-server";
import { sign, verify } from "hono/jwt";
import { freePort } from "../../../functions/adapters/local/dynamodb-local.js";
import { createDynamoClient } from "../../../functions/store/client.js";
import { type Bench, median, ms, quantile } from "../harness.js";
import { startProduct } from "../support/product.js";

const run = promisify(execFile);

const WARMUP = 100;
const PAIRS = 300;
const PROFILED = 100;
const LOAD = { connections: 50, duration: 10 };

/** A clock that can jump ahead, so a drill's stimuli are already visible without waiting for them. */
class ShiftedClock {
  offset = 0;
  now() {
    return Date.now() + this.offset;
  }
}

interface Span {
  start: number;
  end: number;
}
interface RequestTrace extends Span {
  calls: Array<Span & { command: string }>;
}

/** One keep-alive connection, one request at a time: the single client the budget speaks of. */
function client(port: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return (path: string, body: string, cookie: string) =>
    new Promise<number>((resolve, reject) => {
      const start = process.hrtime.bigint();
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port,
          path,
          method: "POST",
          agent,
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), cookie },
        },
        (res) => {
          res.resume();
          res.on("end", () =>
            res.statusCode === 200 ? resolve(ms(start)) : reject(new Error(`${path}: ${res.statusCode}`)),
          );
        },
      );
      req.on("error", reject);
      req.end(body);
    });
}

/** Length of the union of spans: the time at least one DynamoDB call of a request was in flight. */
function covered(spans: Span[]): number {
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.end <= end) continue;
    total += s.end - Math.max(s.start, end);
    end = s.end;
  }
  return total;
}

export const apiBench: Bench = {
  id: "api",
  title: "API overhead over the database",
  what: `The detect request (POST /api/teams/{team}/drills/{drill}/flags, a responder's session cookie, the incident's items) through the local HTTP server (@hono/node-server, the local runtime with its schedule loop running, as \`npm start\`) against the one conditional UpdateItem a flag needs (SET on the drill item, condition: it exists and is live), issued with the AWS SDK straight at the same DynamoDB Local. One client each, ${PAIRS} pairs after ${WARMUP} warm-up pairs, interleaved and alternating which goes first so drift hits both; then ${PROFILED} traced requests (DynamoDB calls per request, time in DynamoDB, in the app, in HTTP); then ${LOAD.connections} concurrent clients for ${LOAD.duration} s with autocannon in its own process`,
  runs: 3,
  isolate: true,
  metrics: [
    {
      key: "ratio",
      label: "flag p50 / UpdateItem p50, one client",
      unit: "×",
      budget: { op: "<=", value: 1.5 },
    },
    { key: "flagP50Ms", label: "flag request p50", unit: "ms" },
    { key: "flagP90Ms", label: "flag request p90", unit: "ms" },
    { key: "updateP50Ms", label: "UpdateItem p50", unit: "ms" },
    { key: "updateP90Ms", label: "UpdateItem p90", unit: "ms" },
    { key: "dbCalls", label: "DynamoDB calls per flag request", unit: "", digits: 1 },
    { key: "dbMs", label: "time with a DynamoDB call in flight, per request (p50)", unit: "ms" },
    { key: "appMs", label: "time in the app outside DynamoDB (p50)", unit: "ms" },
    { key: "httpMs", label: "HTTP client + server + Node outside the app (p50)", unit: "ms" },
    { key: "sessionUs", label: "session check (HS256 JWT verify)", unit: "µs" },
    { key: "rps", label: `throughput at ${LOAD.connections} clients`, unit: "req/s" },
    { key: "loadP50Ms", label: `latency p50 at ${LOAD.connections} clients`, unit: "ms" },
    { key: "loadP99Ms", label: `latency p99 at ${LOAD.connections} clients`, unit: "ms" },
    { key: "loadErrors", label: "non-2xx and errors under load", unit: "", digits: 0 },
  ],
  findings: [
    "A flag makes two DynamoDB round trips in sequence where the baseline makes one: first the drill and the caller's membership (two GetItems, in parallel) to authorise it, check that the drill is live and that the flagged items are on screen at this moment; then the timeline entry (one conditional PutItem). The trace above shows DynamoDB in flight for most of the request; the app (session check, zod validation, Hono, the target check) and HTTP are the smaller part. That sequence, not overhead in the app, is what the ratio measures.",
    "Fixed on this branch: every flag after the first detection also sent the conditional UpdateItem that records detection, bound to fail because the drill just read was already detected; and every timeline entry was a two-item TransactWriteItems (the entry plus a guard on its id) even when the server had just drawn the id at random. Now the write is skipped when the drill already shows the time, and a server-drawn id is stored with one conditional PutItem (a client's requestId keeps its guard). A flag went from four DynamoDB calls including a transaction to three plain ones; transactions on one drill's partition had also serialised concurrent responders.",
    "To reach 1.5: let the write carry the authorisation. One TransactWriteItems with a ConditionCheck on the membership item (a role that may respond) and one on the drill item (status live), plus the entry's Put; the drill's immutable part (scenario snapshot, seed, injection time) comes from the per-process cache the service already keeps per drill for incidents, for the target check. A flag becomes one round trip, and a refused condition is explained by a read on the error path only. DynamoDB Local runs transactions slower than single writes, so this must be measured here before the budget is claimed.",
  ],
  async run() {
    const clock = new ShiftedClock();
    const product = await startProduct({ clock });
    const traces = new AsyncLocalStorage<RequestTrace>();
    const traced: RequestTrace[] = [];
    product.client.middlewareStack.add(
      (next, context) => async (args) => {
        const trace = traces.getStore();
        const start = performance.now();
        try {
          return await next(args);
        } finally {
          trace?.calls.push({ command: String(context.commandName), start, end: performance.now() });
        }
      },
      { step: "initialize", name: "benchTrace" },
    );
    const port = await freePort();
    const app = product.runtime.app;
    let tracing = false;
    const server = serve({
      port,
      hostname: "127.0.0.1",
      fetch: async (req: Request) => {
        if (!tracing) return app.fetch(req);
        const trace: RequestTrace = { start: performance.now(), end: 0, calls: [] };
        const res = await traces.run(trace, () => app.fetch(req));
        trace.end = performance.now();
        traced.push(trace);
        return res;
      },
    });
    const direct = DynamoDBDocumentClient.from(createDynamoClient({ endpoint: product.db.endpoint }));
    try {
      product.runtime.loop.start();
      const { teamId, manager, responder } = await product.team();
      const started = await product.call(
        "POST",
        `/teams/${teamId}/drills/run-now`,
        { scenarioId: "competitor-group-raid", practice: true },
        manager,
      );
      const drillId = started.json.id as string;
      const drill = await product.store.getDrill(drillId);
      if (!drill?.injectedAt) throw new Error("the drill was not injected");
      const incident = product.runtime.service.incidentOf(drill);
      const itemIds = incident.detection.itemIds;
      const lastAt = Math.max(...incident.items.filter((it) => itemIds.includes(it.id)).map((it) => it.at));
      // Jump to just after the incident's items appeared, well before the scenario's timeout.
      clock.offset = (lastAt + 5) * 1000;
      if (lastAt + 5 >= drill.scenario.timeout) throw new Error("the incident appears after the timeout");

      const path = `/api/teams/${teamId}/drills/${drillId}/flags`;
      const body = JSON.stringify({ itemIds });
      const flag = client(port);
      const flagOnce = () => flag(path, body, responder);

      // The baseline's own item, shaped like a live drill, so both sides do a successful conditional write.
      const key = { pk: "DRILL#bench-baseline", sk: "DRILL" };
      await direct.send(new PutCommand({ TableName: product.table, Item: { ...key, status: "injected" } }));
      const updateOnce = async () => {
        const start = process.hrtime.bigint();
        await direct.send(
          new UpdateCommand({
            TableName: product.table,
            Key: key,
            UpdateExpression: "SET #at = :at",
            ConditionExpression: "attribute_exists(pk) AND #status IN (:injected, :detected)",
            ExpressionAttributeNames: { "#at": "lastFlagAt", "#status": "status" },
            ExpressionAttributeValues: {
              ":at": clock.now(),
              ":injected": "injected",
              ":detected": "detected",
            },
          }),
        );
        return ms(start);
      };

      for (let i = 0; i < WARMUP; i++) {
        await flagOnce();
        await updateOnce();
      }
      const flags: number[] = [];
      const updates: number[] = [];
      for (let i = 0; i < PAIRS; i++) {
        if (i % 2 === 0) {
          flags.push(await flagOnce());
          updates.push(await updateOnce());
        } else {
          updates.push(await updateOnce());
          flags.push(await flagOnce());
        }
      }

      tracing = true;
      const observed: number[] = [];
      for (let i = 0; i < PROFILED; i++) observed.push(await flagOnce());
      tracing = false;
      const commands = new Map<string, number>();
      for (const t of traced)
        for (const c of t.calls) commands.set(c.command, (commands.get(c.command) ?? 0) + 1);
      const dbMs = traced.map((t) => covered(t.calls));
      const appMs = traced.map((t, i) => t.end - t.start - (dbMs[i] as number));
      const httpMs = traced.map((t, i) => (observed[i] as number) - (t.end - t.start));

      // What the session middleware spends on every request.
      const secret = "s".repeat(43);
      const token = await sign(
        { sub: "u-1", name: "值班", admin: false, exp: Math.floor(Date.now() / 1000) + 3600, typ: "session" },
        secret,
        "HS256",
      );
      const VERIFY = 2_000;
      for (let i = 0; i < 200; i++) await verify(token, secret, "HS256");
      const verifyStart = process.hrtime.bigint();
      for (let i = 0; i < VERIFY; i++) await verify(token, secret, "HS256");
      const sessionUs = (ms(verifyStart) * 1000) / VERIFY;

      const { stdout } = await run(
        process.execPath,
        [
          "--import",
          "tsx",
          join(import.meta.dirname, "../support/load.ts"),
          JSON.stringify({
            url: `http://127.0.0.1:${port}${path}`,
            method: "POST",
            headers: { "content-type": "application/json", cookie: responder },
            body,
            ...LOAD,
          }),
        ],
        { maxBuffer: 64 * 1024 * 1024, timeout: (LOAD.duration + 60) * 1000 },
      );
      const load = JSON.parse(stdout) as {
        requests: { average: number };
        latency: { p50: number; p99: number };
        non2xx: number;
        errors: number;
        timeouts: number;
      };

      const flagP50Ms = median(flags);
      const updateP50Ms = median(updates);
      const durations = (command: string) =>
        traced.flatMap((t) => t.calls.filter((c) => c.command === command).map((c) => c.end - c.start));
      const perRequest = [...commands]
        .map(
          ([c, n]) =>
            `${(n / traced.length).toFixed(1)} × ${c} (p50 ${median(durations(c)).toFixed(2)} ms each)`,
        )
        .join(", ");
      return {
        metrics: {
          ratio: flagP50Ms / updateP50Ms,
          flagP50Ms,
          flagP90Ms: quantile(flags, 0.9),
          updateP50Ms,
          updateP90Ms: quantile(updates, 0.9),
          dbCalls: [...commands.values()].reduce((a, b) => a + b, 0) / traced.length,
          dbMs: median(dbMs),
          appMs: median(appMs),
          httpMs: median(httpMs),
          sessionUs,
          rps: load.requests.average,
          loadP50Ms: load.latency.p50,
          loadP99Ms: load.latency.p99,
          loadErrors: load.non2xx + load.errors + load.timeouts,
        },
        notes: [
          `per flag request (traced, last run): ${perRequest}`,
          `traced request p50 ${median(observed).toFixed(2)} ms = DynamoDB in flight ${median(dbMs).toFixed(2)} + app ${median(appMs).toFixed(2)} + HTTP ${median(httpMs).toFixed(2)} (medians of each part, so they need not add up exactly)`,
          `under load: ${load.non2xx} non-2xx, ${load.errors} errors, ${load.timeouts} timeouts; ${product.warnings.length} runtime warnings`,
        ],
      };
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
      direct.destroy();
      await product.stop();
    }
  },
};
