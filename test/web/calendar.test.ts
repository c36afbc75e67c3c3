import { describe, expect, it } from "vitest";
import type { ProgramSettings } from "../../functions/core/program.js";
import { calendarPreview, monthWeeks, poolTimings } from "../../web/src/calendar.js";

const program: ProgramSettings = {
  drillsPerMonth: 1,
  pool: [],
  timezone: "Asia/Shanghai",
  windows: [{ days: [1, 2, 3, 4, 5], start: "09:30", end: "18:00" }],
  quietHours: [],
  blackoutDates: [],
  nightDrills: false,
  mode: "surprise",
  enabled: true,
  escalationMinutes: 5,
};
const business = { window: "business_hours" } as const;
const night = { window: "night", between: { start: "01:00", end: "03:59" } } as const;
const day = (days: ReturnType<typeof calendarPreview>, date: string) => days.find((d) => d.date === date);

describe("the calendar preview", () => {
  it("gives weekdays their window's minutes and weekends none", () => {
    const days = calendarPreview(program, "2026-12", [business]);
    expect(days).toHaveLength(31);
    expect(day(days, "2026-12-01")).toMatchObject({ weekday: 2, minutes: 510 });
    expect(day(days, "2026-12-05")).toMatchObject({ weekday: 6, minutes: 0 });
  });

  it("takes out quiet hours and blackout dates", () => {
    const days = calendarPreview(
      { ...program, quietHours: [{ start: "12:00", end: "13:30" }], blackoutDates: ["2026-12-02"] },
      "2026-12",
      [business],
    );
    expect(day(days, "2026-12-01")?.minutes).toBe(510 - 90);
    expect(day(days, "2026-12-02")?.minutes).toBe(0);
  });

  it("counts nothing before now, so a program made mid-month previews what is left", () => {
    const now = Date.UTC(2026, 11, 10, 4, 0); // 12:00 in Shanghai on the 10th
    const days = calendarPreview(program, "2026-12", [business], now);
    expect(day(days, "2026-12-09")?.minutes).toBe(0);
    expect(day(days, "2026-12-10")?.minutes).toBe(360);
    expect(day(days, "2026-12-11")?.minutes).toBe(510);
  });

  it("follows the team's timezone across daylight saving", () => {
    const ny = {
      ...program,
      timezone: "America/New_York",
      windows: [{ days: [7], start: "00:00", end: "24:00" }],
      // Opted in, so "any" is the whole day: without it the night (and the 02:xx gap) is out anyway.
      nightDrills: true,
    };
    const days = calendarPreview(ny, "2026-03", [{ window: "any" }]);
    // The spring-forward Sunday has 23 hours; an ordinary day 24 (and any-time scenarios ignore windows).
    expect(day(days, "2026-03-08")?.minutes).toBe(1380);
    expect(day(days, "2026-03-15")?.minutes).toBe(1440);
  });

  it("adds night scenarios only when the program opts in", () => {
    const scenarios = [{ timing: business }, { timing: night }];
    expect(poolTimings(program, scenarios)).toEqual([business]);
    const withNight = poolTimings({ nightDrills: true }, scenarios);
    expect(withNight).toHaveLength(2);
    const days = calendarPreview({ ...program, nightDrills: true }, "2026-12", withNight);
    expect(day(days, "2026-12-05")?.minutes).toBe(180);
  });

  it("lays a month out in Monday-first weeks", () => {
    const weeks = monthWeeks(calendarPreview(program, "2026-12", [business]));
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0]?.[0]).toBeNull();
    expect(weeks[0]?.[1]?.date).toBe("2026-12-01");
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
  });
});
