import { execFile } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { HANDLERS, type HandlerName } from "../../infra/bundling.js";
import { AWS_ENV } from "../support/aws-env.js";
import { synthApp } from "../support/infra.js";

const run = promisify(execFile);

/**
 * Minified bundle budgets in bytes (decimal MB): the api carries the HTTP app and the catalog. The
 * api and the planner also carry the generator's noise banks (issue 12: ~0.1 MB of grammar per
 * surface and trade), which is what their extra allowance is for.
 */
const BUDGET: Record<HandlerName, number> = {
  api: 1_700_000,
  injector: 1_000_000,
  closer: 1_000_000,
  planner: 1_150_000,
  notifier: 1_000_000,
};

describe("the Lambda bundles CDK builds with the local esbuild", () => {
  const bundles = {} as Record<HandlerName, string>;

  beforeAll(() => {
    const { stack, outdir } = synthApp({ bundle: true });
    const functions = Template.fromStack(stack).findResources("AWS::Lambda::Function");
    for (const handler of HANDLERS) {
      const fn = stack.functions[handler];
      const id = stack.getLogicalId(fn.node.defaultChild as never);
      const key: string = functions[id]!.Properties.Code.S3Key;
      bundles[handler] = join(outdir, `asset.${key.replace(/\.zip$/, "")}`);
    }
  }, 120_000);

  it.each(HANDLERS)("%s: one ESM file with its source map, within its size budget", (handler) => {
    const files = readdirSync(bundles[handler]).sort();
    expect(files).toEqual(["index.mjs", "index.mjs.map"]);
    const size = statSync(join(bundles[handler], "index.mjs")).size;
    console.log(`bundle ${handler}: ${size} bytes (budget ${BUDGET[handler]})`);
    expect(size).toBeLessThan(BUDGET[handler]);
  });

  it("bundle the Secrets Manager client only into the functions that read secrets", async () => {
    const { readFile } = await import("node:fs/promises");
    for (const handler of HANDLERS) {
      const code = await readFile(join(bundles[handler], "index.mjs"), "utf8");
      expect(code.includes("GetSecretValue"), handler).toBe(handler === "api" || handler === "notifier");
      // Only the api and the planner choose scenarios; the rest carry no catalog.
      expect(code.includes("竞品批量进群冒充老师刷名片"), handler).toBe(
        handler === "api" || handler === "planner",
      );
    }
  });

  it.each(HANDLERS)(
    "%s: loads in a fresh Node process and exports its handler",
    async (handler) => {
      const url = pathToFileURL(join(bundles[handler], "index.mjs")).href;
      const { stdout } = await run(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          `const m = await import(${JSON.stringify(url)}); console.log(typeof m.handler);`,
        ],
        {
          // Keys handed over directly, so loading needs no network; nothing is called.
          env: {
            PATH: process.env.PATH,
            ...AWS_ENV,
            AWS_REGION: "ap-east-1",
            AWS_ACCESS_KEY_ID: "test",
            AWS_SECRET_ACCESS_KEY: "test",
          },
          timeout: 20_000,
        },
      );
      expect(stdout.trim()).toBe("function");
    },
    30_000,
  );
});
