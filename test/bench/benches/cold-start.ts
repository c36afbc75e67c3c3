import { execFile } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { HANDLERS, type HandlerName } from "../../../infra/bundling.js";
import { AWS_ENV } from "../../support/aws-env.js";
import { type Bench, type Metric, median, ms } from "../harness.js";

const run = promisify(execFile);
const PAIRS = 10;
const BUDGET_MS: Record<HandlerName, number> = {
  api: 120,
  injector: 80,
  closer: 80,
  planner: 80,
  notifier: 80,
};

/** As on Lambda: configuration in the environment, keys handed over, so loading needs no network. */
const ENV = {
  PATH: process.env.PATH,
  ...AWS_ENV,
  AWS_REGION: "ap-east-1",
  AWS_ACCESS_KEY_ID: "test",
  AWS_SECRET_ACCESS_KEY: "test",
};

/** Ends every script: the process's own CPU time (all threads) from its start to here. */
const CPU =
  "const u = process.cpuUsage(); out.cpuMs = (u.user + u.system) / 1000; console.log(JSON.stringify(out));";

/** Wall time of a fresh `node` evaluating `code`, and the CPU time and figures it reported. */
async function timeNode(code: string) {
  const start = process.hrtime.bigint();
  const { stdout } = await run(
    process.execPath,
    ["--input-type=module", "-e", `const out = {}; ${code} ${CPU}`],
    {
      env: ENV,
      timeout: 30_000,
    },
  );
  const wallMs = ms(start);
  return { wallMs, ...(JSON.parse(stdout.trim()) as { cpuMs: number; insideMs?: number }) };
}

export const coldStartBench: Bench = {
  id: "cold-start",
  title: "Cold start proxy",
  what: `The five Lambda bundles built exactly as \`cdk synth\` builds them (the real CDK app, bundled by the local esbuild with infra/bundling.ts). Per bundle, ${PAIRS} interleaved pairs of fresh Node processes: one that imports the bundle (Lambda's environment variables set, no network), one that evaluates nothing; the figure is the median of the import runs minus the median of the empty runs. The budget is judged on the CPU time each process reports for itself (all its threads, start to finish), which leaves out the time other processes held the cores (contention still inflates it somewhat: see below); the wall-clock difference and the import time measured inside the process (performance.now() around import()) are shown too`,
  runs: 3,
  isolate: false,
  metrics: HANDLERS.flatMap((h): Metric[] => [
    {
      key: `${h}.ms`,
      label: `${h}: import − empty Node start (CPU time)`,
      unit: "ms",
      budget: { op: "<=", value: BUDGET_MS[h] },
    },
    { key: `${h}.wallMs`, label: `${h}: the same, wall-clock`, unit: "ms" },
    { key: `${h}.insideMs`, label: `${h}: import() inside the process`, unit: "ms" },
    { key: `${h}.kb`, label: `${h}: bundle size`, unit: "KB", digits: 0 },
    { key: `${h}.gzipKb`, label: `${h}: bundle gzipped`, unit: "KB", digits: 0 },
  ]),
  findings: [
    "Our own start-up code is a small part. A CPU profile of importing the closer bundle (built the same way, unminified for names) puts most of the time in V8 compiling the module source, in loading the Node built-ins the AWS SDK's HTTP stack requires, in decoding the source text and in garbage collection; creating the SDK clients and reading the configuration are a few percent. The cost follows the bytes to compile: the workers carry the DynamoDB, Scheduler and EventBridge clients, and the api bundle, about twice their size, adds the HTTP app with its zod route schemas and the scenario catalog.",
    "These are CPU times on a loaded two-core machine running Node 20; an empty Node start costs more CPU here than on a quiet one, so every figure is inflated by the load, but the gap to the budgets is wider than that inflation. Lambda runs Node 22 on arm64, so treat the figures as a proxy and confirm with the Init Duration of a deployed function.",
    "To close the gap: compile less at init. Create each SDK client and import its commands on first use rather than at module load, so a function pays only for the clients its invocation uses; ship the catalog as a JSON string parsed on first use rather than an object literal compiled at load; and try Node 22's compile cache (module.enableCompileCache) with a cache generated at build time and shipped in the asset, measuring Init Duration before and after.",
  ],
  async prepare(log) {
    log("synthesising the CDK app with bundling (esbuild)…");
    // Imported here so the other benches never load aws-cdk-lib.
    const { synthApp } = await import("../../support/infra.js");
    const { Template } = await import("aws-cdk-lib/assertions");
    const { stack, outdir } = synthApp({ bundle: true });
    const functions = Template.fromStack(stack).findResources("AWS::Lambda::Function");
    const bundles = {} as Record<HandlerName, string>;
    for (const handler of HANDLERS) {
      const fn = stack.functions[handler];
      const id = stack.getLogicalId(fn.node.defaultChild as never);
      const key: string = functions[id]?.Properties.Code.S3Key;
      bundles[handler] = join(outdir, `asset.${key.replace(/\.zip$/, "")}`, "index.mjs");
    }
    return { outdir, bundles };
  },
  async cleanup(prepared) {
    await rm((prepared as { outdir: string }).outdir, { recursive: true, force: true });
  },
  async run({ prepared }) {
    const { bundles } = prepared as { bundles: Record<HandlerName, string> };
    const metrics: Record<string, number> = {};
    const notes: string[] = [];
    for (const handler of HANDLERS) {
      const file = bundles[handler];
      const url = JSON.stringify(pathToFileURL(file).href);
      const code = `const t = performance.now(); const m = await import(${url}); if (typeof m.handler !== "function") throw new Error("no handler"); out.insideMs = performance.now() - t;`;
      const empty: number[] = [];
      const loaded: number[] = [];
      const emptyCpu: number[] = [];
      const loadedCpu: number[] = [];
      const inside: number[] = [];
      await timeNode("");
      for (let i = 0; i < PAIRS; i++) {
        const pair = i % 2 === 0 ? ["empty", "import"] : ["import", "empty"];
        for (const kind of pair) {
          if (kind === "empty") {
            const r = await timeNode("");
            empty.push(r.wallMs);
            emptyCpu.push(r.cpuMs);
          } else {
            const r = await timeNode(code);
            loaded.push(r.wallMs);
            loadedCpu.push(r.cpuMs);
            inside.push(r.insideMs ?? Number.NaN);
          }
        }
      }
      const bytes = statSync(file).size;
      metrics[`${handler}.ms`] = median(loadedCpu) - median(emptyCpu);
      metrics[`${handler}.wallMs`] = median(loaded) - median(empty);
      metrics[`${handler}.insideMs`] = median(inside);
      metrics[`${handler}.kb`] = bytes / 1000;
      metrics[`${handler}.gzipKb`] = gzipSync(readFileSync(file)).length / 1000;
      notes.push(
        `${handler}: empty Node start ${median(empty).toFixed(0)} ms wall / ${median(emptyCpu).toFixed(0)} ms CPU, with the import ${median(loaded).toFixed(0)} ms wall / ${median(loadedCpu).toFixed(0)} ms CPU (medians of ${PAIRS})`,
      );
    }
    return { metrics, notes };
  },
};
