import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { serve } from "@hono/node-server";
import { chromium } from "playwright-core";
import { freePort } from "../../../functions/adapters/local/dynamodb-local.js";
import { systemClock } from "../../../functions/adapters/system.js";
import { ensureWebBuilt, serveWeb, WEB_DIST } from "../../../functions/local/web.js";
import { CHROMIUM, CHROMIUM_ARGS, initialChunks } from "../../support/web.js";
import type { Bench } from "../harness.js";
import { startProduct } from "../support/product.js";

/** A sandbox item a responder can act on: what "interactive" means in the war room. */
const ACTIONABLE = "#surface-panel [data-item] input.select:not([disabled])";

interface Prepared {
  dist: string;
  initialJs: Array<{ file: string; bytes: number; gzip: number }>;
}

/** The entry chunk and every chunk it imports statically: what the browser must fetch before the app runs. */
async function initialJs(dist: string): Promise<Prepared["initialJs"]> {
  return Promise.all(
    (await initialChunks(dist)).map(async (file) => {
      const code = await readFile(join(dist, file));
      return { file, bytes: code.length, gzip: gzipSync(code, { level: 9 }).length };
    }),
  );
}

export const webBench: Bench = {
  id: "web",
  title: "Web app",
  what: "The production build (vite build, as `npm start` and the CDK stack build it): the entry chunk and every chunk it imports statically, gzipped at level 9. Then a cold load of a responder's war room on a live competitor-group-raid drill, in headless Chromium with a fresh profile per run (no cache), from the local server (`@hono/node-server` serving web/dist and the API on DynamoDB Local): the time from navigation start to the first sandbox item a responder can act on, observed in the page",
  runs: 5,
  isolate: false,
  metrics: [
    {
      key: "initialJsKb",
      label: "initial JS, gzipped",
      unit: "KB",
      budget: { op: "<=", value: 200 },
      digits: 1,
    },
    { key: "domContentLoadedMs", label: "war room: DOMContentLoaded (cold)", unit: "ms", digits: 0 },
    { key: "interactiveMs", label: "war room: first actionable sandbox item (cold)", unit: "ms", digits: 0 },
  ],
  async prepare(log) {
    await ensureWebBuilt(log);
    return { dist: WEB_DIST, initialJs: await initialJs(WEB_DIST) } satisfies Prepared;
  },
  async run({ prepared, log }) {
    const { dist, initialJs } = prepared as Prepared;
    const product = await startProduct({ clock: systemClock });
    product.runtime.app.use("*", serveWeb(dist));
    const port = await freePort();
    const server = serve({ fetch: product.runtime.app.fetch, port, hostname: "127.0.0.1" });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const { teamId, manager, responder } = await product.team();
      const ran = await product.call(
        "POST",
        `/teams/${teamId}/drills/run-now`,
        { scenarioId: "competitor-group-raid", practice: true },
        manager,
      );
      const drillId = ran.json.id as string;
      const [name, value] = responder.split("=", 2) as [string, string];
      const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 800 } });
      await context.addCookies([{ name, value, domain: "127.0.0.1", path: "/" }]);
      const page = await context.newPage();
      // Recorded by the page itself, so the test driver's round trips are not part of the figure.
      // (Strings, not functions: this file is type-checked for Node, without the DOM's types.)
      await page.addInitScript({
        content: `new MutationObserver((_, observer) => {
          if (window.__interactive === undefined && document.querySelector(${JSON.stringify(ACTIONABLE)})) {
            window.__interactive = performance.now();
            window.__apiCallsBefore = performance.getEntriesByType("resource").filter((e) => e.name.includes("/api/"))
              .map((e) => new URL(e.name).pathname.replace(/\\/teams\\/[^/]+/, "/teams/:team").replace(/\\/drills\\/[^/]+/, "/drills/:drill") + " " + Math.round(e.startTime) + "+" + Math.round(e.duration) + " ms");
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true, attributes: true });`,
      });
      await page.goto(`http://127.0.0.1:${port}/teams/${teamId}/drills/${drillId}`);
      await page.waitForSelector(ACTIONABLE, { timeout: 30_000 });
      const timing = (await page.evaluate(`({
        interactive: window.__interactive,
        apiCalls: window.__apiCallsBefore,
        domContentLoaded: performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd,
      })`)) as { interactive: number; apiCalls: string[]; domContentLoaded: number };
      await context.close();
      const gzip = initialJs.reduce((sum, f) => sum + f.gzip, 0);
      log(
        `war room interactive after ${timing.interactive.toFixed(0)} ms and ${timing.apiCalls.length} API calls`,
      );
      return {
        metrics: {
          initialJsKb: gzip / 1024,
          domContentLoadedMs: timing.domContentLoaded,
          interactiveMs: timing.interactive,
        },
        notes: [
          ...initialJs.map(
            (f) => `${f.file}: ${(f.bytes / 1024).toFixed(1)} KB, ${(f.gzip / 1024).toFixed(1)} KB gzipped`,
          ),
          `API requests before the first actionable item (path, start + duration): ${timing.apiCalls.join("; ")}`,
        ],
      };
    } finally {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await product.stop();
    }
  },
};
