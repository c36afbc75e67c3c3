import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  buildCatalog,
  catalogJsonText,
  formatProblem,
  MAX_SCENARIO_BYTES,
  parseScenario,
} from "../../functions/core/catalog.js";
import { playtest } from "../../functions/core/playtest.js";
import { scenarioJsonSchemaText } from "../../functions/core/scenario-json-schema.js";
import { CATEGORIES } from "../../functions/core/vocabulary.js";
import { builtInScenarios, catalogSources, HEADLINE_IDS, SCENARIO_DIR } from "../support/drills.js";

const raid = readFileSync(join(SCENARIO_DIR, "competitor-group-raid.yaml"), "utf8");

function problemsOf(source: string, file = "scenarios/broken.yaml") {
  const result = parseScenario(source, file);
  if (result.ok) throw new Error("expected the scenario to be rejected");
  return result.problems;
}

describe("the built-in catalog", () => {
  it("has at least 15 valid scenarios and no invalid file", () => {
    const { scenarios, problems } = buildCatalog(catalogSources());
    expect(problems.map(formatProblem)).toEqual([]);
    expect(scenarios.length).toBeGreaterThanOrEqual(15);
    expect(scenarios.length).toBe(catalogSources().length);
  });

  it("contains the three headline scenarios", () => {
    const ids = builtInScenarios().map((s) => s.id);
    for (const id of HEADLINE_IDS) expect(ids).toContain(id);
  });

  it("covers every risk class named in the seeds", () => {
    const covered = new Set(builtInScenarios().map((s) => s.category));
    expect([...CATEGORIES].filter((c) => !covered.has(c))).toEqual([]);
  });

  it("generates something detectable and actionable for every scenario", () => {
    for (const s of builtInScenarios()) {
      expect(playtest(s, `${s.id}.yaml`).map(formatProblem)).toEqual([]);
    }
  });

  it("references the JSON Schema from every file, for editor autocompletion", () => {
    for (const { file, source } of catalogSources()) {
      expect(source.split("\n")[0], file).toBe("# yaml-language-server: $schema=./schema.json");
    }
  });

  it("writes Chinese without the stray spaces YAML folding leaves after Chinese punctuation", () => {
    for (const { file, source } of catalogSources()) {
      const stray = source
        .split("\n")
        .filter((line) => /[，。：；！？、）] +\S/.test(line) && !line.trim().startsWith("#"));
      expect(stray, file).toEqual([]);
    }
    for (const s of builtInScenarios())
      expect(s.brief.zh, s.id).not.toMatch(/[\u4e00-\u9fff，。] [\u4e00-\u9fff]/);
  });

  it("ships a schema.json that matches the zod schema (run `npm run generate` after changing it)", () => {
    expect(readFileSync(join(SCENARIO_DIR, "schema.json"), "utf8")).toBe(scenarioJsonSchemaText());
  });

  it("ships the catalog.json the Lambda bundles, in step with the YAML files (run `npm run generate`)", () => {
    const { scenarios } = buildCatalog(catalogSources());
    expect(readFileSync(join(SCENARIO_DIR, "catalog.json"), "utf8")).toBe(catalogJsonText(scenarios));
  });

  it("pages the on-call people in the 2 a.m. scenario, at night in the team's timezone", () => {
    const push = builtInScenarios().find((s) => s.id === "urgent-push-2am");
    expect(push?.page).toBeDefined();
    expect(push?.timing).toEqual({ window: "night", between: { start: "01:00", end: "03:59" } });
  });

  it("sets the golden 15 minutes as the target for telling the client", () => {
    for (const id of ["sensitive-word-post", "urgent-push-2am"]) {
      const s = builtInScenarios().find((x) => x.id === id);
      const notify = s?.steps.find((st) => st.action === "notify_client");
      expect(notify?.within, id).toBe(15 * 60);
      expect(s?.steps.find((st) => st.action === "send_plan")?.within, id).toBe(30 * 60);
    }
  });
});

describe("a bad scenario file", () => {
  it("names the file, the field path and what was expected", () => {
    const problems = problemsOf(raid.replace("timeout: 2h", "timeout: soon"));
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0]!)).toBe(
      'scenarios/broken.yaml: timeout: expected a duration such as "90s", "15m", "1h30m"',
    );
  });

  it("points into nested lists by index", () => {
    const problems = problemsOf(
      raid.replace("    within: 10m\n    weight: 25", "    within: 10m\n    weight: lots"),
    );
    expect(problems.map((p) => p.path)).toEqual(["steps[1].weight"]);
    expect(problems[0]?.message).toMatch(/expected number/);
  });

  it("rejects an unknown category with the allowed values", () => {
    const [problem] = problemsOf(raid.replace("category: ads", "category: gossip"));
    expect(problem?.path).toBe("category");
    expect(problem?.message).toMatch(/content/);
  });

  it("rejects a placeholder that no parameter declares", () => {
    const [problem] = problemsOf(raid.replace("[刚进群|新来的]，{lure}", "[刚进群|新来的]，{prize}"));
    expect(problem?.path).toBe("stimuli[2].variants[0].zh");
    expect(problem?.message).toBe("unknown placeholder {prize}");
  });

  it("rejects a step that targets a stimulus that does not exist", () => {
    const [problem] = problemsOf(
      raid.replace(
        "      stimuli: [raider-card]\n      by: author",
        "      stimuli: [ghost]\n      by: author",
      ),
    );
    expect(problem?.path).toBe("steps[1].target.stimuli[0]");
    expect(problem?.message).toBe('unknown stimulus "ghost"');
  });

  it("rejects unknown fields instead of silently ignoring a typo", () => {
    const [problem] = problemsOf(raid.replace("severity: high", "severity: high\nseverty: low"));
    expect(problem?.message).toMatch(/severty/);
  });

  it("reports YAML syntax errors with their line", () => {
    const [problem] = problemsOf("id: x\nversion: [1\n");
    expect(problem?.line).toBeGreaterThan(0);
    expect(problem?.message).toMatch(/^YAML: /);
  });

  it("refuses a file far larger than any scenario", () => {
    const [problem] = problemsOf(`${raid}\n# ${"x".repeat(MAX_SCENARIO_BYTES)}`);
    expect(problem?.message).toMatch(/larger than 256 KB/);
  });

  it("refuses deep nesting cleanly", () => {
    const [problem] = problemsOf(`id: ${"[".repeat(5000)}${"]".repeat(5000)}\n`);
    expect(problem?.message).toMatch(/nested|YAML/);
  });

  it("refuses a YAML alias bomb", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]"];
    for (const n of ["c", "d", "e", "f", "g"]) {
      const prev = bomb.at(-1)?.split(":")[0];
      bomb.push(`${n}: &${n} [${Array(9).fill(`*${prev}`).join(", ")}]`);
    }
    const problems = problemsOf(bomb.join("\n"));
    expect(problems[0]?.message).toMatch(/YAML|alias/i);
  });

  it("is never reported with a stack trace", () => {
    const sources = ["", "- just\n- a list", "id: [", raid.replace(/version: \d+/, "version: one")];
    for (const source of sources) {
      for (const p of problemsOf(source)) expect(formatProblem(p)).not.toMatch(/\n\s+at /);
    }
  });

  it("must carry the id of its file name", () => {
    const { problems } = buildCatalog([{ file: "scenarios/other-name.yaml", source: raid }]);
    expect(problems.map(formatProblem)).toEqual([
      'scenarios/other-name.yaml: id: id "competitor-group-raid" must match the file name (competitor-group-raid.yaml)',
    ]);
  });
});
