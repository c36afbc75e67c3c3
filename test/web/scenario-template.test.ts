import { describe, expect, it } from "vitest";
import { parseScenario } from "../../functions/core/catalog.js";
import { playtest } from "../../functions/core/playtest.js";
import { scenarioTemplate } from "../../web/src/scenario-template.js";

describe("the custom scenario editor's starting point", () => {
  it("is a valid, playable scenario under the id the manager picks", () => {
    const parsed = parseScenario(scenarioTemplate("poach-link"), "poach-link.yaml");
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    if (!parsed.ok) return;
    expect(parsed.scenario.id).toBe("poach-link");
    expect(playtest(parsed.scenario, "poach-link.yaml", 6)).toEqual([]);
  });
});
