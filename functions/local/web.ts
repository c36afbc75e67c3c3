import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { MiddlewareHandler } from "hono";
import { siteHeaders } from "../api/security-headers.js";

/**
 * `npm start` serves the built web app from the API's own origin, so the session cookie and the API's
 * same-origin guard work without any CORS. The app is built on the way up when web/dist is missing or
 * older than its sources, so `npm ci && npm start` works on a fresh clone.
 */

export const WEB_ROOT = fileURLToPath(new URL("../../web/", import.meta.url));
export const WEB_DIST = join(WEB_ROOT, "dist");

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

/** Sources whose change makes the build stale: the app and the API types it is compiled against. */
const SOURCES = ["web/src", "web/index.html", "web/vite.config.ts", "functions/api"];

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path)) newest = Math.max(newest, await newestMtime(join(path, entry)));
  return newest;
}

/** Whether web/dist needs a (re)build: missing, or older than any source. */
export async function webBuildStale(root = resolve(WEB_ROOT, "..")): Promise<boolean> {
  const built = await stat(join(root, "web", "dist", "index.html")).catch(() => null);
  if (!built) return true;
  const sources = await Promise.all(SOURCES.map((s) => newestMtime(join(root, s))));
  return Math.max(...sources) > built.mtimeMs;
}

/** Builds the app with Vite (a dev dependency, present after `npm ci`). */
export async function buildWeb(outDir = WEB_DIST): Promise<void> {
  const { build } = await import("vite");
  // Inside a test runner NODE_ENV is "test": Vite would ship React's development build and the JSX
  // transform would disagree with it. A build for serving is a production build, whoever asks.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      configFile: join(WEB_ROOT, "vite.config.ts"),
      mode: "production",
      build: { outDir, emptyOutDir: true },
      logLevel: "warn",
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

export async function ensureWebBuilt(log: (line: string) => void = console.log): Promise<void> {
  if (!(await webBuildStale())) return;
  log("Building the web app (web/dist is missing or older than its sources)…");
  const started = Date.now();
  await buildWeb();
  log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Static files from `dist` for every GET/HEAD outside /api, falling back to index.html so client-side
 * routes (/teams, /setup#token=…) load the app. Hashed assets are cached for a year; index.html is
 * revalidated each time so a rebuild is picked up at once.
 */
export function serveWeb(dist = WEB_DIST): MiddlewareHandler {
  const root = resolve(dist);
  return async (c, next) => {
    const method = c.req.method;
    const path = c.req.path;
    if ((method !== "GET" && method !== "HEAD") || path === "/api" || path.startsWith("/api/")) {
      return next();
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return c.text("Bad request", 400, siteHeaders());
    }
    const candidate = resolve(root, `.${decoded}`);
    const inside = candidate === root || candidate.startsWith(root + sep);
    const file = inside ? await stat(candidate).catch(() => null) : null;
    const isAsset = file?.isFile() === true;
    // A missing hashed asset is a real 404 (an old tab after a deploy), not the app shell.
    if (!isAsset && decoded.startsWith("/assets/")) return c.text("Not found", 404, siteHeaders());
    const target = isAsset ? candidate : join(root, "index.html");
    const body = await readFile(target).catch(() => null);
    if (!body) return c.text("The web app is not built: run npm run build:web", 503, siteHeaders());
    const hashed = isAsset && decoded.startsWith("/assets/");
    // The same CSP, frame and referrer headers CloudFront adds to the deployed site.
    const headers = {
      ...siteHeaders(),
      "Content-Type": CONTENT_TYPES[extname(target)] ?? "application/octet-stream",
      "Cache-Control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
    };
    return method === "HEAD" ? c.body(null, 200, headers) : c.body(new Uint8Array(body), 200, headers);
  };
}
