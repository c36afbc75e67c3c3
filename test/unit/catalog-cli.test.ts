import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCENARIO_DIR } from "../support/drills.js";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const CLI = join(ROOT, "functions/local/catalog-cli.ts");

async function catalog(...args: string[]) {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args], { cwd: ROOT, timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("npm run catalog", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "yanlian-catalog-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("prints the exact generated object, byte-identical across runs for the same seed", async () => {
    const a = await catalog("preview", "competitor-group-raid", "--seed", "42", "--json");
    const b = await catalog("preview", "competitor-group-raid", "--seed", "42", "--json");
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const incident = JSON.parse(a.stdout);
    expect(incident).toMatchObject({ scenarioId: "competitor-group-raid", scenarioVersion: 2, seed: 42 });
  });

  it("previews readably in Chinese and English", async () => {
    const zh = await catalog("preview", "competitor-group-raid", "--seed", "42", "--lang", "zh");
    expect(zh.stdout).toContain("演练场景：竞品批量进群冒充老师刷名片");
    expect(zh.stdout).toContain("评分标准");
    const en = await catalog("preview", "competitor-group-raid", "--seed", "42", "--lang", "en");
    expect(en.stdout).toContain("Scenario: Competitor accounts raid the group posing as teachers");
    expect(en.stdout).toContain("Rubric");
  });

  it("checks every file and exits non-zero naming each bad one", async () => {
    const good = await readFile(join(SCENARIO_DIR, "urgent-push-2am.yaml"), "utf8");
    const bad = join(dir, "urgent-push-2am.yaml");
    await writeFile(bad, good.replace("weight: 25", "weight: -1"));
    const ok = join(dir, "competitor-group-raid.yaml");
    await writeFile(ok, await readFile(join(SCENARIO_DIR, "competitor-group-raid.yaml"), "utf8"));
    const result = await catalog("check", bad, ok);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/urgent-push-2am\.yaml: steps\[2\]\.weight: .*>0/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toContain("1 of 2 scenario files are valid");
  });

  it("passes on the built-in catalog", async () => {
    const result = await catalog("check");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("counts distinct incident texts, names and numbers stripped, in variety", async () => {
    const result = await catalog("variety", "competitor-group-raid", "--seeds", "20");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^competitor-group-raid\s+\d+\/20 distinct incident texts \(\d+\.\d %\)$/m);
  });

  it("refuses an unknown scenario with a hint instead of a stack trace", async () => {
    const result = await catalog("preview", "no-such-thing");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no scenario "no-such-thing"');
  });
});
