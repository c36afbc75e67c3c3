import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { type Budget, format, type Machine, type Metric, type Summary } from "./harness.js";

/** One benchmark's outcome as BENCHMARKS.md keeps it; the file embeds these as JSON so a partial run can merge. */
export interface BenchRecord {
  id: string;
  title: string;
  what: string;
  runs: number;
  isolated: boolean;
  measuredAt: string;
  machine: Machine;
  command: string;
  metrics: Array<Metric & { summary: Summary; judged: number; pass: boolean | null }>;
  notes: string[];
  error?: string;
}

const DATA_START = "<!-- bench-data";
const DATA_END = "-->";

export function readRecords(file: string): BenchRecord[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, "utf8");
  const start = text.indexOf(DATA_START);
  if (start < 0) return [];
  const end = text.indexOf(DATA_END, start);
  try {
    return JSON.parse(text.slice(start + DATA_START.length, end)) as BenchRecord[];
  } catch {
    return [];
  }
}

export const budgetValue = (value: number) => format(value, { digits: Number.isInteger(value) ? 0 : 1 });
const op = (b: Budget) => ({ "<=": "≤", "<": "<", ">=": "≥" })[b.op];
const budgetText = (m: Metric) =>
  m.budget ? `${op(m.budget)} ${budgetValue(m.budget.value)} ${m.unit}` : "";
const verdict = (pass: boolean | null) => (pass === null ? "" : pass ? "**PASS**" : "**FAIL**");
const when = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;
const machineKey = (m: Machine) => JSON.stringify(m);

/** What a report shows beside the figures: the budgets not measured yet, and per bench what its profile showed. */
export interface ReportText {
  pending: readonly string[];
  findings: Readonly<Record<string, readonly string[]>>;
}

export function render(records: readonly BenchRecord[], text: ReportText): string {
  const machines = [...new Map(records.map((r) => [machineKey(r.machine), r.machine])).values()];
  const lines: string[] = [
    "# Benchmarks",
    "",
    "Written by `npm run bench` (the harness is in `test/bench/`); run it again rather than editing this file.",
    "Each benchmark runs several times; a figure is the **median of the runs** with the range (min–max)",
    "across them. A budget is checked against the median run, or against the worst run where the figure",
    "is itself a maximum. The machine is shared and noisy, so ratios are measured inside one run.",
    "",
    "## Machine",
    "",
  ];
  for (const m of machines) {
    const dates = records.filter((r) => machineKey(r.machine) === machineKey(m)).map((r) => r.measuredAt);
    lines.push(
      "| | |",
      "| --- | --- |",
      `| CPU | ${m.cpu} |`,
      `| cores | ${m.cores} |`,
      `| RAM | ${m.ramGiB} GiB |`,
      `| Node | ${m.node} |`,
      `| OS | ${m.os} |`,
      `| measured | ${when([...dates].sort()[0] ?? "")} – ${when([...dates].sort().at(-1) ?? "")} |`,
      "",
    );
  }
  lines.push(
    "## Results",
    "",
    "| benchmark | figure | median | range (runs) | budget | result |",
    "| --- | --- | ---: | ---: | --- | --- |",
  );
  for (const r of records) {
    if (r.error) {
      lines.push(`| ${r.title} | did not complete: ${r.error.split("\n")[0]} | | | | **FAIL** |`);
      continue;
    }
    for (const [i, m] of r.metrics.entries()) {
      const range = `${format(m.summary.min, m)}–${format(m.summary.max, m)} (${m.summary.values.length})`;
      const checked = m.budget && m.check === "worst" ? " (worst run)" : "";
      lines.push(
        `| ${i === 0 ? r.title : ""} | ${m.label} | ${format(m.summary.median, m)} ${m.unit} | ${range} | ${budgetText(m)}${checked} | ${verdict(m.pass)} |`,
      );
    }
  }
  lines.push("", "## Each benchmark", "");
  for (const r of records) {
    lines.push(
      `### ${r.title}`,
      "",
      r.what.endsWith(".") ? r.what : `${r.what}.`,
      "",
      `Reproduce: \`${r.command}\` · ${r.runs} runs${r.isolated ? ", each in a fresh Node process" : ""} · measured ${when(r.measuredAt)}`,
      "",
    );
    if (r.error) lines.push("```", r.error, "```", "");
    for (const note of r.notes) lines.push(`- ${note}`);
    if (r.notes.length) lines.push("");
    const findings = text.findings[r.id] ?? [];
    if (findings.length) {
      lines.push("Where the time goes, and what would close the gap:", "");
      for (const f of findings) lines.push(`- ${f}`);
      lines.push("");
    }
  }
  if (text.pending.length) {
    lines.push("## Not measured yet", "");
    for (const p of text.pending) lines.push(`- ${p}`);
    lines.push("");
  }
  lines.push(`${DATA_START}\n${JSON.stringify(records)}\n${DATA_END}`, "");
  return lines.join("\n");
}

export function writeReport(file: string, records: readonly BenchRecord[], text: ReportText) {
  writeFileSync(file, render(records, text));
}
