import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { loadCatalog, readScenarioSources } from "../adapters/scenario-files.js";
import { buildCatalog, formatProblem, parseScenario } from "../core/catalog.js";
import { generate } from "../core/generator.js";
import { playtest } from "../core/playtest.js";
import { variety } from "../core/variety.js";
import { CATEGORY_LABELS, type Lang, SEVERITY_LABELS } from "../core/vocabulary.js";
import { renderIncident } from "./render-incident.js";

const USAGE = `Usage:
  npm run catalog -- list [--lang zh|en]
  npm run catalog -- check [file.yaml ...]
  npm run catalog -- preview <scenario-id | file.yaml> [--seed N] [--lang zh|en] [--json]
  npm run catalog -- variety [scenario-id ...] [--seeds 1000]
      (seeds whose incident texts differ once names and numbers are stripped)
`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const { positionals, values } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        seed: { type: "string" },
        seeds: { type: "string", default: "1000" },
        lang: { type: "string", default: "zh" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (err) {
    return fail(`${(err as Error).message}\n\n${USAGE}`);
  }
})();

const [command, ...rest] = positionals;
const lang = values.lang as Lang;
if (lang !== "zh" && lang !== "en") fail(`--lang must be zh or en, not "${values.lang}"`);
if (values.help || !command) {
  process.stdout.write(USAGE);
  process.exit(command ? 0 : 2);
}

async function check(files: string[]): Promise<number> {
  const sources = files.length
    ? await Promise.all(files.map(async (file) => ({ file, source: await readFile(file, "utf8") })))
    : await readScenarioSources();
  const catalog = buildCatalog(sources);
  const problems = [...catalog.problems];
  for (const scenario of catalog.scenarios) {
    const file = sources.find((s) => s.file.endsWith(`${scenario.id}.yaml`))?.file ?? scenario.id;
    problems.push(...playtest(scenario, file));
  }
  const bad = new Set(problems.map((p) => p.file));
  for (const p of problems) process.stderr.write(`✗ ${formatProblem(p)}\n`);
  for (const { file } of sources) if (!bad.has(file)) process.stdout.write(`✓ ${file}\n`);
  process.stdout.write(`${sources.length - bad.size} of ${sources.length} scenario files are valid\n`);
  return bad.size === 0 ? 0 : 1;
}

async function list(): Promise<number> {
  const { scenarios, problems } = await loadCatalog();
  for (const s of scenarios) {
    process.stdout.write(
      `${s.id.padEnd(32)} v${s.version}  ${CATEGORY_LABELS[s.category][lang].padEnd(8)} ${SEVERITY_LABELS[s.severity][lang].padEnd(4)} ${s.title[lang]}\n`,
    );
  }
  for (const p of problems) process.stderr.write(`✗ ${formatProblem(p)}\n`);
  return problems.length ? 1 : 0;
}

async function preview(target: string | undefined): Promise<number> {
  if (!target) fail(`preview needs a scenario id or file\n\n${USAGE}`);
  let scenario: Awaited<ReturnType<typeof loadCatalog>>["scenarios"][number] | undefined;
  if (/\.ya?ml$/.test(target)) {
    const result = parseScenario(await readFile(target, "utf8"), target);
    if (!result.ok) {
      for (const p of result.problems) process.stderr.write(`✗ ${formatProblem(p)}\n`);
      return 1;
    }
    scenario = result.scenario;
  } else {
    const catalog = await loadCatalog();
    scenario = catalog.scenarios.find((s) => s.id === target);
    if (!scenario) fail(`no scenario "${target}"; try: npm run catalog -- list`);
  }
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    fail(`--seed must be an integer from 0 to 4294967295`);
  const incident = generate(scenario, seed);
  process.stdout.write(
    values.json ? `${JSON.stringify(incident, null, 2)}\n` : renderIncident(scenario, incident, lang),
  );
  return 0;
}

async function measureVariety(ids: string[]): Promise<number> {
  const seeds = Number(values.seeds);
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > 100_000)
    fail("--seeds must be an integer from 1 to 100000");
  const { scenarios } = await loadCatalog();
  const chosen = ids.length ? scenarios.filter((s) => ids.includes(s.id)) : scenarios;
  for (const id of ids) if (!scenarios.some((s) => s.id === id)) fail(`no scenario "${id}"`);
  for (const s of chosen) {
    const { distinct, total } = variety(s, seeds);
    process.stdout.write(
      `${s.id.padEnd(32)} ${distinct}/${total} distinct incident texts (${((100 * distinct) / total).toFixed(1)} %)\n`,
    );
  }
  return 0;
}

const run: Record<string, () => Promise<number>> = {
  check: () => check(rest),
  list,
  preview: () => preview(rest[0]),
  variety: () => measureVariety(rest),
};
const handler = run[command];
if (!handler) fail(`unknown command "${command}"\n\n${USAGE}`);
process.exitCode = await handler();
