import { randomInt } from "node:crypto";
import { parseArgs } from "node:util";
import { loadCatalog } from "../adapters/scenario-files.js";
import { formatProblem } from "../core/catalog.js";
import { generate } from "../core/generator.js";
import { CATEGORY_LABELS, type Lang } from "../core/vocabulary.js";
import { renderIncident } from "./render-incident.js";

/**
 * The one-machine entry point. Until the drill service lands, it loads and checks the catalog
 * and previews a freshly drawn incident, with the seed that replays it.
 */
const { values } = parseArgs({
  options: {
    lang: { type: "string", default: process.env.LANG?.startsWith("en") ? "en" : "zh" },
    scenario: { type: "string" },
    seed: { type: "string" },
  },
});
const lang: Lang = values.lang === "en" ? "en" : "zh";

const { scenarios, problems } = await loadCatalog();
for (const p of problems) console.error(`✗ ${formatProblem(p)}`);
if (values.scenario && !scenarios.some((s) => s.id === values.scenario)) {
  console.error(`No scenario "${values.scenario}". Pick one of: ${scenarios.map((s) => s.id).join(", ")}`);
  process.exit(2);
}
if (scenarios.length === 0) {
  console.error("No valid scenario in scenarios/. Run `npm run catalog -- check` for details.");
  process.exit(1);
}

const text = {
  zh: {
    hello: "演练 Yanlian：社群与公众号团队的突发事件演练平台",
    catalog: `场景库共 ${scenarios.length} 个场景：`,
    preview: "随机抽取一次演练预览：",
    replay: "用同一个种子可以原样重放：",
  },
  en: {
    hello: "Yanlian (演练): surprise incident drills for community and official-account teams",
    catalog: `The catalog has ${scenarios.length} scenarios:`,
    preview: "A freshly drawn drill, previewed:",
    replay: "Replay exactly the same incident with its seed:",
  },
}[lang];

console.log(`${text.hello}\n\n${text.catalog}`);
for (const s of scenarios)
  console.log(`  ${s.id.padEnd(30)} ${CATEGORY_LABELS[s.category][lang].padEnd(8)} ${s.title[lang]}`);

const chosen = scenarios.find((s) => s.id === values.scenario) ?? scenarios[randomInt(scenarios.length)];
if (!chosen) throw new Error("the catalog is empty");
const seed = values.seed === undefined ? randomInt(2 ** 31) : Number(values.seed);
if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
  console.error("--seed must be an integer from 0 to 4294967295");
  process.exit(2);
}
console.log(`\n${text.preview}\n`);
console.log(renderIncident(chosen, generate(chosen, seed), lang));
console.log(`${text.replay}\n  npm run catalog -- preview ${chosen.id} --seed ${seed} --lang ${lang}`);
