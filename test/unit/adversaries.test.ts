import { describe, expect, it } from "vitest";
import { generate } from "../../functions/core/generator.js";
import { SANDBOX_SURFACES, type Surface } from "../../functions/core/vocabulary.js";
import {
  type Bot,
  catalogDrills,
  type Drill,
  describeTally,
  emptyAtInjection,
  FIVE_RULES,
  heuristicBots,
  type MemoryFigures,
  memorisation,
  run,
  spamBots,
  type Tally,
  together,
} from "../support/adversaries.js";
import { builtInScenarios } from "../support/drills.js";

/**
 * Issue 12's cheats, played against the real generator and the real scorer over the whole catalog.
 * Every seed is fixed, so every printed figure is reproducible (`npx tsx test/support/adversaries-report.ts`
 * prints the same ones without the bounds).
 */
const scenarios = builtInScenarios();
const SEEDS = 100;
const MEMORY_TEAMS = 200;
const MEMORY_SEED = 12;
/**
 * The first test to need the 2,000 drills or the 200 team histories builds them: 25–60 s alone
 * (5,000 whole drills for the histories), two or three times that when the whole suite shares two
 * busy cores, so these tests get far more than the default 30 s. A timeout is no speed budget here;
 * the generator's speed is measured in `npm run bench`.
 */
const HEAVY = 400_000;

let drills: Drill[] | undefined;
/** 100 seeds × every scenario (2,000 drills on today's catalog), generated once for every bot. */
const catalog = () => {
  drills ??= catalogDrills(scenarios, SEEDS);
  return drills;
};

const figures = (name: string, bots: Record<string, Bot>): Array<[string, Tally]> =>
  Object.entries(bots).map(([variant, bot]) => {
    const t = run(catalog(), bot);
    console.log(describeTally(`${name} · ${variant}`, t));
    return [variant, t];
  });

describe("flag spam: flagging every item one at a time, 5 s after it appears", () => {
  it(
    "earns at most 5 % of the detection points in its best variant, over 100 seeds × every scenario",
    () => {
      const results = figures("spam", spamBots);
      expect(catalog().length).toBe(SEEDS * scenarios.length);
      for (const [variant, t] of results) expect(t.pointsShare, variant).toBeLessThanOrEqual(0.05);
    },
    HEAVY,
  );
});

describe("memorisation: a team that remembers what it read in earlier drills", () => {
  let memory: Map<number, MemoryFigures> | undefined;
  const afterDrills = (k: number) => {
    memory ??= memorisation(scenarios, [12, 24], MEMORY_TEAMS, MEMORY_SEED);
    return memory.get(k) as MemoryFigures;
  };

  it(
    "flagging whatever is new after 12 drills is at most 25 % precise (200 team histories)",
    () => {
      const { novelty } = afterDrills(12);
      console.log(describeTally("memory k=12 · novelty", novelty));
      expect(novelty.drills).toBeGreaterThanOrEqual(200);
      expect(novelty.precision).toBeLessThanOrEqual(0.25);
    },
    HEAVY,
  );

  it(
    "flagging whatever is new after 24 drills is at most 30 % precise (200 team histories)",
    () => {
      const { novelty } = afterDrills(24);
      console.log(describeTally("memory k=24 · novelty", novelty));
      expect(novelty.drills).toBeGreaterThanOrEqual(200);
      expect(novelty.precision).toBeLessThanOrEqual(0.3);
    },
    HEAVY,
  );

  // The goal is at most 10 % of drills. Not met yet: 16.5 % after 12 drills and 36.5 % after 24 on
  // 2026-12-03 (31 % and 55.5 % before issue 12; 23.5 % and 44.5 % on 2026-12-02). What still repeats
  // is the fixed lines of the scenarios not yet rewritten and fixed-format system notices. This holds
  // the gain so nothing slides back; tighten it as scenarios gain realisations.
  it(
    "flagging what was the incident in earlier reports earns credit in fewer drills than before issue 12 (goal: 10 %)",
    () => {
      const recalled = [12, 24].map((k) => {
        const t = afterDrills(k).recalled;
        console.log(describeTally(`memory k=${k} · recalled incidents`, t));
        return [k, t] as const;
      });
      const ceiling: Record<number, number> = { 12: 0.2, 24: 0.42 };
      for (const [k, t] of recalled)
        expect(t.creditShare, `after ${k} drills`).toBeLessThanOrEqual(ceiling[k] as number);
    },
    HEAVY,
  );
});

describe("no-reading heuristics: flagging by shape, not by meaning", () => {
  it(
    "gives detection credit in at most 10 % of drills for the best single heuristic",
    () => {
      const results = figures("heuristic", heuristicBots);
      const five = run(catalog(), together(FIVE_RULES.map((name) => heuristicBots[name] as Bot)));
      console.log(describeTally("heuristic · the five rules of the issue together", five));
      for (const [heuristic, t] of results) expect(t.creditShare, heuristic).toBeLessThanOrEqual(0.1);
    },
    HEAVY,
  );
});

describe("every surface a team uses carries items in every drill", () => {
  const teams: Array<[string, Surface[] | undefined]> = [
    ["the default sandbox", undefined],
    ["a team on group chat and client DMs only", ["group_chat", "client_dm"]],
  ];
  it.each(teams)(
    "has at least one item visible at injection on each surface (%s)",
    (team, surfaces) => {
      const wanted = surfaces ?? [...SANDBOX_SURFACES];
      const empty: string[] = [];
      for (const s of scenarios)
        for (let seed = 1; seed <= SEEDS; seed++) {
          const incident = generate(s, seed, surfaces ? { surfaces } : {});
          for (const surface of emptyAtInjection(incident, wanted)) empty.push(`${s.id}#${seed} ${surface}`);
        }
      console.log(`surfaces · ${team}: ${empty.length} empty surface(s) at injection`);
      expect(empty.slice(0, 10)).toEqual([]);
    },
    HEAVY,
  );
});
