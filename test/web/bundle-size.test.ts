import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWeb } from "../../functions/local/web.js";
import { initialChunks, staticImports } from "../support/web.js";

/** The budget from the issue: the JavaScript a first visit must run, gzipped. */
const BUDGET_BYTES = 200 * 1024;

let out = "";

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "yanlian-bundle-"));
  await buildWeb(out);
}, 120_000);

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe("the web app's initial JavaScript", () => {
  it("finds static imports but not dynamic ones", () => {
    expect(
      staticImports('import{a as b}from"./react-abc.js";import"./side.js";const c=()=>import("./lazy.js")'),
    ).toEqual(["./react-abc.js", "./side.js"]);
  });

  it("stays under 200 KB gzipped, with the charts and every page but the shell loaded later", async () => {
    const chunks = await initialChunks(out);
    let gzipped = 0;
    for (const chunk of chunks) gzipped += gzipSync(await readFile(join(out, chunk))).length;
    console.log(`initial JS: ${chunks.join(", ")} = ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    expect(gzipped).toBeLessThan(BUDGET_BYTES);

    const all = await readdir(join(out, "assets"));
    const lazy = all.filter((f) => f.endsWith(".js") && !chunks.includes(`assets/${f}`));
    // chart.js and the pages are their own chunks, outside the initial set.
    expect(lazy.some((f) => /^WarRoom-/.test(f))).toBe(true);
    expect(lazy.some((f) => /^Report-/.test(f))).toBe(true);
    const initialCode = (await Promise.all(chunks.map((c) => readFile(join(out, c), "utf8")))).join("\n");
    expect(initialCode).not.toContain("chartOptionScopes");
    const chartChunk = await Promise.all(lazy.map((f) => readFile(join(out, "assets", f), "utf8")));
    expect(chartChunk.some((code) => code.includes("chartOptionScopes"))).toBe(true);
  }, 120_000);
});
