import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { BENCHES, PENDING } from "./benches/index.js";
import { type Bench, format, judgedValue, machine, meets, type RunResult, summarise } from "./harness.js";
import { type BenchRecord, budgetValue, readRecords, writeReport } from "./report.js";

/**
 * `npm run bench [-- --only generator,planner] [--runs 3] [--no-write | --report-only]`: runs the benchmarks, prints a
 * PASS/FAIL line per budget and writes BENCHMARKS.md at the repository root. A partial run replaces
 * only its own benchmarks' figures in the file.
 */
const ROOT = join(import.meta.dirname, "../..");
const REPORT = join(ROOT, "BENCHMARKS.md");

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    runs: { type: "string" },
    "no-write": { type: "boolean", default: false },
    /** Re-renders BENCHMARKS.md from the figures it holds (after editing a bench's findings), running nothing. */
    "report-only": { type: "boolean", default: false },
  },
});
const only = values.only
  ?.split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const unknown = only?.filter((id) => !BENCHES.some((b) => b.id === id)) ?? [];
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(", ")}; known: ${BENCHES.map((b) => b.id).join(", ")}`);
  process.exit(2);
}
const runsOverride = values.runs ? Number(values.runs) : undefined;
if (runsOverride !== undefined && !(Number.isInteger(runsOverride) && runsOverride > 0)) {
  console.error("--runs takes a positive whole number");
  process.exit(2);
}

const selected = values["report-only"] ? [] : BENCHES.filter((b) => !only || only.includes(b.id));
const reportText = {
  pending: PENDING,
  findings: Object.fromEntries(BENCHES.map((b) => [b.id, b.findings ?? []])),
};
const scratch = mkdtempSync(join(tmpdir(), "yanlian-bench-"));

/** A run in a fresh Node process with tsx, as `npm run bench` itself runs. */
function runIsolated(bench: Bench, run: number, preparedFile: string): Promise<RunResult> {
  const out = join(scratch, `${bench.id}-${run}.json`);
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "child.ts"), bench.id, String(run), preparedFile, out],
      { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] },
    );
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code !== 0) return reject(new Error(`run ${run} exited with ${signal ?? code}`));
      try {
        resolve(JSON.parse(readFileSync(out, "utf8")) as RunResult);
      } catch (err) {
        reject(err);
      }
    });
  });
}

async function measure(bench: Bench): Promise<BenchRecord> {
  const runs = runsOverride ?? bench.runs;
  const log = (line: string) => console.log(`  ${line}`);
  const record: BenchRecord = {
    id: bench.id,
    title: bench.title,
    what: bench.what,
    runs,
    isolated: bench.isolate,
    measuredAt: new Date().toISOString(),
    machine: machine(),
    command: `npm run bench -- --only ${bench.id}`,
    metrics: [],
    notes: [],
  };
  let prepared: unknown;
  console.log(
    `\n▶ ${bench.title} (${bench.id}): ${runs} run(s)${bench.isolate ? ", each in a fresh process" : ""}`,
  );
  try {
    prepared = bench.prepare ? await bench.prepare(log) : null;
    const preparedFile = join(scratch, `${bench.id}-prepared.json`);
    writeFileSync(preparedFile, JSON.stringify(prepared ?? null));
    const results: RunResult[] = [];
    for (let run = 1; run <= runs; run++) {
      const result = bench.isolate
        ? await runIsolated(bench, run, preparedFile)
        : await bench.run({ prepared, run, log });
      const line = bench.metrics
        .map((m) => `${m.key} ${format(result.metrics[m.key] ?? Number.NaN, m)} ${m.unit}`)
        .join(", ");
      log(`run ${run}: ${line}`);
      results.push(result);
    }
    record.notes = results.at(-1)?.notes ?? [];
    for (const note of record.notes) log(`· ${note}`);
    record.metrics = bench.metrics.map((m) => {
      const summary = summarise(results.map((r) => r.metrics[m.key] ?? Number.NaN));
      const judged = judgedValue(m, summary);
      return { ...m, summary, judged, pass: m.budget ? meets(m.budget, judged) : null };
    });
  } catch (err) {
    record.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
    console.error(`  ✗ ${bench.id} did not complete: ${record.error}`);
  } finally {
    if (prepared !== undefined) await bench.cleanup?.(prepared);
  }
  return record;
}

const records: BenchRecord[] = [];
for (const bench of selected) records.push(await measure(bench));
rmSync(scratch, { recursive: true, force: true });

console.log("\nBudgets:");
let failed = 0;
for (const r of records) {
  if (r.error) {
    failed++;
    console.log(`FAIL ${r.id}: did not complete`);
    continue;
  }
  for (const m of r.metrics) {
    if (!m.budget) continue;
    if (!m.pass) failed++;
    const sign = { "<=": "≤", "<": "<", ">=": "≥" }[m.budget.op];
    const which = m.check === "worst" ? "worst run" : "median";
    console.log(
      `${m.pass ? "PASS" : "FAIL"} ${r.id}: ${m.label} = ${format(m.judged, m)} ${m.unit} (${which}; budget ${sign} ${budgetValue(m.budget.value)} ${m.unit}; runs ${format(m.summary.min, m)}–${format(m.summary.max, m)})`,
    );
  }
}

if (!values["no-write"]) {
  const previous = readRecords(REPORT).filter((r) => !records.some((n) => n.id === r.id));
  const order = (id: string) => {
    const i = BENCHES.findIndex((b) => b.id === id);
    return i < 0 ? BENCHES.length : i;
  };
  const merged = [...previous, ...records].sort((a, b) => order(a.id) - order(b.id));
  writeReport(REPORT, merged, reportText);
  console.log(`\nWrote ${REPORT}`);
}
process.exit(failed > 0 ? 1 : 0);
