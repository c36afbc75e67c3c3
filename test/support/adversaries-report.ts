/**
 * Prints every adversary figure on the current code, with the fixed seeds the tests use:
 * `npx tsx test/support/adversaries-report.ts`. The tests hold the bounds; this says where we are.
 */
import { generate } from "../../functions/core/generator.js";
import { variety } from "../../functions/core/variety.js";
import { SANDBOX_SURFACES, type Surface } from "../../functions/core/vocabulary.js";
import {
  type Bot,
  catalogDrills,
  describeTally,
  emptyAtInjection,
  FIVE_RULES,
  heuristicBots,
  memorisation,
  pct,
  run,
  spamBots,
  together,
} from "./adversaries.js";
import { builtInScenarios } from "./drills.js";

const SEEDS = 100;
const MEMORY_TEAMS = 200;
const MEMORY_SEED = 12;

const scenarios = builtInScenarios();
const started = performance.now();
const drills = catalogDrills(scenarios, SEEDS);
console.log(`generated ${drills.length} drills in ${((performance.now() - started) / 1000).toFixed(1)} s`);

for (const [name, bot] of Object.entries(spamBots))
  console.log(describeTally(`spam · ${name}`, run(drills, bot)));

const m0 = performance.now();
for (const [k, f] of memorisation(scenarios, [12, 24], MEMORY_TEAMS, MEMORY_SEED)) {
  console.log(describeTally(`memory k=${k} · novelty`, f.novelty));
  console.log(describeTally(`memory k=${k} · recalled incidents`, f.recalled));
}
console.log(`memorisation in ${((performance.now() - m0) / 1000).toFixed(1)} s`);

for (const [name, bot] of Object.entries(heuristicBots))
  console.log(describeTally(`heuristic · ${name}`, run(drills, bot)));
console.log(
  describeTally(
    "heuristic · five rules together",
    run(drills, together(FIVE_RULES.map((n) => heuristicBots[n] as Bot))),
  ),
);
console.log(describeTally("heuristic · all together", run(drills, together(Object.values(heuristicBots)))));

const teamsOf: Array<[string, Surface[]]> = [
  ["default", [...SANDBOX_SURFACES]],
  ["group_chat+client_dm", ["group_chat", "client_dm"]],
];
for (const [name, surfaces] of teamsOf) {
  let bad = 0;
  let total = 0;
  const context = name === "default" ? {} : { surfaces };
  for (const s of scenarios)
    for (let seed = 1; seed <= SEEDS; seed++) {
      total++;
      if (emptyAtInjection(generate(s, seed, context), surfaces).length > 0) bad++;
    }
  console.log(
    `surfaces · ${name}: ${bad}/${total} drills (${pct(bad / total)}) leave a team surface empty at injection`,
  );
}

let distinct = 0;
let total = 0;
for (const s of scenarios) {
  const v = variety(s, 200);
  distinct += v.distinct;
  total += v.total;
  console.log(`variety · ${s.id}: ${v.distinct}/${v.total}`);
}
console.log(
  `variety · catalog: ${distinct}/${total} (${pct(distinct / total)}) distinct normalised incident texts over 200 seeds`,
);
console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
