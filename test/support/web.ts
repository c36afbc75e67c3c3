import { readFile } from "node:fs/promises";
import { join, posix } from "node:path";

/** Debian's Chromium: Playwright cannot download a browser on this machine. */
export const CHROMIUM = "/usr/bin/chromium";
/** Without the networking flags Chromium keeps dialling out, and this machine refuses it many times over. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];

/** Relative chunks a module imports statically (`import … from "./x.js"`, `import "./x.js"`); never `import()`. */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    if (m[1]) found.add(m[1]);
  }
  return [...found];
}

/** The built app's entry chunk and everything it pulls in statically: what a first visit must run. */
export async function initialChunks(root: string): Promise<string[]> {
  const html = await readFile(join(root, "index.html"), "utf8");
  const entries = [...html.matchAll(/<script[^>]+type="module"[^>]+src="\/([^"]+)"/g)].map(
    (m) => m[1] as string,
  );
  if (entries.length !== 1) throw new Error(`index.html loads ${entries.length} module scripts, not one`);
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0 && seen.size < 200) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = await readFile(join(root, file), "utf8");
    for (const spec of staticImports(code)) queue.push(posix.join(posix.dirname(file), spec));
  }
  return [...seen];
}
