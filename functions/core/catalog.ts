import { parseDocument } from "yaml";
import type { z } from "zod";
import { type Scenario, ScenarioSchema } from "./scenario.js";

/** One problem in one scenario source, phrased for the person who wrote it. */
export interface ScenarioProblem {
  file: string;
  /** Field path such as `steps[2].within`; empty when the whole file is at fault. */
  path: string;
  message: string;
  line?: number;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

/** Scenario sources are small; anything this large is a mistake or an attack, not a scenario. */
export const MAX_SCENARIO_BYTES = 256 * 1024;
const MAX_DEPTH = 24;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

export function formatProblem(p: ScenarioProblem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return p.path ? `${where}: ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}

function depthExceeds(value: unknown, limit: number): boolean {
  // Iterative, so a hostile document cannot overflow the stack while we measure it.
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (depth > limit) return true;
    if (node && typeof node === "object") {
      for (const child of Object.values(node)) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** Validates an already-parsed object (JSON from the API, or YAML after parsing). */
export function validateScenario(data: unknown, file: string): ParseResult {
  if (depthExceeds(data, MAX_DEPTH)) {
    return { ok: false, problems: [{ file, path: "", message: `nested deeper than ${MAX_DEPTH} levels` }] };
  }
  const result = ScenarioSchema.safeParse(data);
  if (result.success) return { ok: true, scenario: result.data };
  return { ok: false, problems: zodProblems(result.error, file) };
}

export function zodProblems(error: z.ZodError, file: string): ScenarioProblem[] {
  return error.issues.map((issue) => ({ file, path: formatPath(issue.path), message: issue.message }));
}

/** Parses a scenario written in YAML (or JSON, which is YAML too). Never throws. */
export function parseScenario(source: string, file: string): ParseResult {
  if (new TextEncoder().encode(source).length > MAX_SCENARIO_BYTES) {
    return {
      ok: false,
      problems: [
        { file, path: "", message: `larger than ${MAX_SCENARIO_BYTES / 1024} KB; a scenario is far smaller` },
      ],
    };
  }
  let data: unknown;
  try {
    const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: true });
    if (doc.errors.length > 0) {
      return {
        ok: false,
        problems: doc.errors.map((e) => ({
          file,
          path: "",
          line: e.linePos?.[0]?.line,
          message: `YAML: ${e.message.split("\n")[0]}`,
        })),
      };
    }
    data = doc.toJS({ maxAliasCount: 20 });
  } catch (err) {
    const message =
      err instanceof RangeError ? "nested too deeply to read" : `YAML: ${(err as Error).message}`;
    return { ok: false, problems: [{ file, path: "", message }] };
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return {
      ok: false,
      problems: [{ file, path: "", message: "expected a mapping with the scenario's fields" }],
    };
  }
  return validateScenario(data, file);
}

export interface Catalog {
  scenarios: Scenario[];
  problems: ScenarioProblem[];
}

/** Builds a catalog from named sources, checking that ids are unique and match their file names. */
export function buildCatalog(sources: ReadonlyArray<{ file: string; source: string }>): Catalog {
  const scenarios: Scenario[] = [];
  const problems: ScenarioProblem[] = [];
  const seen = new Map<string, string>();
  for (const { file, source } of sources) {
    const result = parseScenario(source, file);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const { id } = result.scenario;
    const base = file
      .split("/")
      .pop()
      ?.replace(/\.ya?ml$/, "");
    if (base !== id) {
      problems.push({ file, path: "id", message: `id "${id}" must match the file name (${id}.yaml)` });
      continue;
    }
    const other = seen.get(id);
    if (other) {
      problems.push({ file, path: "id", message: `id "${id}" is also used by ${other}` });
      continue;
    }
    seen.set(id, file);
    scenarios.push(result.scenario);
  }
  scenarios.sort((a, b) => a.id.localeCompare(b.id));
  return { scenarios, problems };
}

/** The validated catalog as the Lambda bundles it (`scenarios/catalog.json`, written by `npm run generate`). */
export function catalogJsonText(scenarios: readonly Scenario[]): string {
  return `${JSON.stringify(scenarios, null, 1)}\n`;
}
