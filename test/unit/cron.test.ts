import { describe, expect, it } from "vitest";
import { nextCron } from "../../functions/core/cron.js";

describe("nextCron, the local scheduler's reading of EventBridge cron", () => {
  it("fires the monthly planner at 00:00 on the 1st in the team's timezone", () => {
    const after = Date.parse("2026-11-22T10:00:00Z");
    expect(new Date(nextCron("0 0 1 * ? *", "Asia/Shanghai", after)).toISOString()).toBe(
      "2026-11-30T16:00:00.000Z",
    );
    expect(new Date(nextCron("0 0 1 * ? *", "America/New_York", after)).toISOString()).toBe(
      "2026-12-01T05:00:00.000Z",
    );
  });

  it("moves strictly past the moment it just fired", () => {
    const fired = Date.parse("2026-11-30T16:00:00Z");
    expect(new Date(nextCron("0 0 1 * ? *", "Asia/Shanghai", fired)).toISOString()).toBe(
      "2026-12-31T16:00:00.000Z",
    );
  });

  it("follows daylight saving: 00:00 local is 05:00Z in winter and 04:00Z in summer in New York", () => {
    expect(
      new Date(nextCron("0 0 1 * ? *", "America/New_York", Date.parse("2027-03-02T00:00:00Z"))).toISOString(),
    ).toBe("2027-04-01T04:00:00.000Z");
  });

  it("refuses a cron it cannot read", () => {
    expect(() => nextCron("0 0 1 *", "UTC", 0)).toThrow(/6 cron fields/);
    expect(() => nextCron("*/5 0 1 * ? *", "UTC", 0)).toThrow(/numbers/);
  });
});
