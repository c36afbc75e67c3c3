import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allowedMinutes,
  epochToZoned,
  explainEmpty,
  MIN_SPACING_MS,
  type MinuteSet,
  offsetAt,
  type PlanInput,
  type PlannedDrill,
  planMonth,
  type Timing,
  type ZonedTime,
  zonedToEpoch,
} from "../../functions/core/planner.js";
import { ProgramInput, type ProgramSettings } from "../../functions/core/program.js";
import { hash32, Rng } from "../../functions/core/random.js";
import type { Scenario } from "../../functions/core/scenario.js";
import { builtInScenarios, scenario } from "../support/drills.js";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const SHANGHAI = "Asia/Shanghai";
const NEW_YORK = "America/New_York";

const program = (input: ProgramInput = {}): ProgramSettings => ProgramInput.parse(input);
const catalog = builtInScenarios();
const businessHours = catalog.filter((s) => s.timing.window === "business_hours" && !s.timing.between);
const [bizA, bizB, bizC] = businessHours as [Scenario, Scenario, Scenario];
const push2am = scenario("urgent-push-2am");
const anyTime = catalog.find((s) => s.timing.window === "any" && !s.timing.between) as Scenario;

/** A scenario with another id and time rule, for pools the catalog does not have. */
const variant = (id: string, timing: Timing): Scenario => ({ ...bizA, id, timing });

const poolOf = (...scenarios: Scenario[]) => scenarios.map((s) => ({ scenarioId: s.id, weight: 1 }));
const local = (t: number, tz: string) => epochToZoned(t, tz);
const seeds = (n: number, from = 1) => Array.from({ length: n }, (_, i) => from + i);
const datesOf = (month: string, days: number[]) => days.map((d) => `${month}-${String(d).padStart(2, "0")}`);
const allDays = (month: string, count: number) => datesOf(month, seeds(count));

function plan(input: Omit<PlanInput, "rng" | "scenarios"> & { scenarios?: Scenario[] }, seed: number) {
  // Rng.seeded's first draw is the seed itself; hashing spreads neighbouring test seeds apart, as the
  // random seeds the service uses are.
  return planMonth({ scenarios: catalog, ...input, rng: Rng.seeded(hash32(`plan-${seed}`)) });
}

/** Pearson's chi-square of observed counts against expected ones. */
function chiSquare(observed: readonly number[], expected: readonly number[]): number {
  return observed.reduce((sum, o, i) => {
    const e = expected[i] as number;
    return sum + (o - e) ** 2 / e;
  }, 0);
}

/**
 * The rules applied minute by minute with nothing but epochToZoned and string comparisons: an oracle
 * that shares no code with the planner's interval arithmetic.
 */
function naiveAllows(p: ProgramSettings, timing: Timing, z: ZonedTime): boolean {
  const t = z.time;
  if (p.blackoutDates.includes(z.date)) return false;
  const quiet = p.quietHours.some((q) =>
    q.start < q.end ? t >= q.start && t < q.end : t >= q.start || t < q.end,
  );
  if (quiet) return false;
  const between = timing.between;
  if (between) {
    const inside =
      between.start <= between.end
        ? t >= between.start && t <= between.end
        : t >= between.start || t <= between.end;
    if (!inside) return false;
  }
  if (timing.window === "business_hours")
    return p.windows.some((w) => w.days.includes(z.weekday) && t >= w.start && t < w.end);
  // Any time is any time but the night, unless the team opted in.
  if (timing.window === "any" && !p.nightDrills && isNight(t)) return false;
  return true;
}

/** 00:00–05:59 local: the night a team is never drilled in without the opt-in. */
const isNight = (hhmm: string) => hhmm >= "00:00" && hhmm <= "05:59";

function naiveMinutes(p: ProgramSettings, month: string, timing: Timing): number[] {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const seen = new Set<string>();
  const out: number[] = [];
  for (let t = Date.UTC(y, m - 1, 1) - DAY; t < Date.UTC(y, m, 1) + DAY; t += MIN) {
    const z = local(t, p.timezone);
    const key = `${z.date} ${z.time}`;
    // A wall-clock minute that comes round again when clocks fall back counts at its first occurrence.
    if (!z.date.startsWith(month) || seen.has(key)) continue;
    seen.add(key);
    if (naiveAllows(p, timing, z)) out.push(t);
  }
  return out;
}

function minutesByDate(set: MinuteSet, tz: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of set) {
    const { date } = local(t, tz);
    counts.set(date, (counts.get(date) ?? 0) + 1);
  }
  return counts;
}

describe("local time: zonedToEpoch and epochToZoned", () => {
  it("converts Asia/Shanghai (UTC+8, no daylight saving) both ways", () => {
    const t = zonedToEpoch("2026-11-03", "10:00", SHANGHAI);
    expect(t).toBe(Date.UTC(2026, 10, 3, 2, 0));
    expect(local(t as number, SHANGHAI)).toEqual({ date: "2026-11-03", time: "10:00", weekday: 2 });
    expect(local(Date.UTC(2026, 10, 29, 16, 0), SHANGHAI)).toEqual({
      date: "2026-11-30",
      time: "00:00",
      weekday: 1,
    });
  });

  it("has no 02:00–02:59 in New York on 2027-03-14, when clocks spring forward", () => {
    expect(zonedToEpoch("2027-03-14", "01:59", NEW_YORK)).toBe(Date.UTC(2027, 2, 14, 6, 59));
    expect(zonedToEpoch("2027-03-14", "02:00", NEW_YORK)).toBeNull();
    expect(zonedToEpoch("2027-03-14", "02:30", NEW_YORK)).toBeNull();
    expect(zonedToEpoch("2027-03-14", "02:59", NEW_YORK)).toBeNull();
    expect(zonedToEpoch("2027-03-14", "03:00", NEW_YORK)).toBe(Date.UTC(2027, 2, 14, 7, 0));
    expect(local(Date.UTC(2027, 2, 14, 7, 0), NEW_YORK).time).toBe("03:00");
  });

  it("gives the first of the two 01:30s in New York on 2026-11-01, when clocks fall back", () => {
    const first = Date.UTC(2026, 10, 1, 5, 30); // 01:30 EDT
    const second = Date.UTC(2026, 10, 1, 6, 30); // 01:30 EST
    expect(local(first, NEW_YORK)).toEqual({ date: "2026-11-01", time: "01:30", weekday: 7 });
    expect(local(second, NEW_YORK)).toEqual({ date: "2026-11-01", time: "01:30", weekday: 7 });
    expect(zonedToEpoch("2026-11-01", "01:30", NEW_YORK)).toBe(first);
    expect(zonedToEpoch("2026-11-01", "02:00", NEW_YORK)).toBe(Date.UTC(2026, 10, 1, 7, 0));
    expect(offsetAt(first, NEW_YORK)).toBe(-4 * HOUR);
    expect(offsetAt(second, NEW_YORK)).toBe(-5 * HOUR);
  });

  it("round-trips every minute of 2020–2035 in zones with odd offsets and odd transitions", () => {
    const zones = [
      SHANGHAI,
      NEW_YORK,
      "Europe/London",
      "Australia/Sydney",
      "Australia/Lord_Howe", // half-hour daylight saving
      "Asia/Kolkata", // +05:30
      "Pacific/Chatham", // +12:45 / +13:45
      "America/Santiago", // changes at midnight
      "UTC",
    ];
    const minute = fc.integer({ min: Date.UTC(2020, 0, 1) / MIN, max: Date.UTC(2035, 11, 31) / MIN });
    fc.assert(
      fc.property(fc.constantFrom(...zones), minute, (tz, m) => {
        const t = m * MIN;
        const z = local(t, tz);
        const back = zonedToEpoch(z.date, z.time, tz);
        expect(back).not.toBeNull();
        expect(local(back as number, tz)).toEqual(z);
        // Only the second pass through a repeated hour maps back to an earlier instant.
        if (back !== t) {
          expect(back as number).toBeLessThan(t);
          expect(offsetAt(back as number, tz)).toBeGreaterThan(offsetAt(t, tz));
        }
      }),
      { seed: 4, numRuns: 2000 },
    );
  });
});

describe("allowedMinutes: the set every draw is uniform over", () => {
  it("is exactly the minutes a minute-by-minute check allows, DST or not", () => {
    const cases: Array<[ProgramSettings, string, Timing]> = [
      [
        program({
          quietHours: [{ start: "12:00", end: "13:30" }],
          blackoutDates: ["2026-11-11", "2026-11-12"],
        }),
        "2026-11",
        { window: "business_hours" },
      ],
      [program({ timezone: NEW_YORK }), "2027-03", { window: "any" }],
      [program({ timezone: NEW_YORK, nightDrills: true }), "2027-03", { window: "any" }],
      [program({ timezone: NEW_YORK, nightDrills: true }), "2027-03", push2am.timing],
      [
        program({ timezone: NEW_YORK, quietHours: [{ start: "22:00", end: "07:00" }] }),
        "2026-11",
        { window: "any" },
      ],
      [
        program({ timezone: NEW_YORK, windows: [{ days: [6, 7], start: "00:00", end: "24:00" }] }),
        "2026-11",
        { window: "business_hours" },
      ],
      [program({ timezone: "Australia/Lord_Howe" }), "2026-10", { window: "any" }],
      [
        program({ timezone: "America/Santiago" }),
        "2026-09",
        { window: "any", between: { start: "23:00", end: "00:59" } },
      ],
    ];
    for (const [p, month, timing] of cases) {
      const set = allowedMinutes({ program: p, month }, timing);
      expect([...set], `${p.timezone} ${month} ${JSON.stringify(timing)}`).toEqual(
        naiveMinutes(p, month, timing),
      );
    }
  });

  it("drops New York's missing hour in March 2027 and counts its repeated hour in November 2026 once", () => {
    // Opted in to nights, so "any" is the whole day and the 02:xx gap (a night hour) shows.
    const ny = program({ timezone: NEW_YORK, nightDrills: true });
    expect(allowedMinutes({ program: ny, month: "2027-03" }, { window: "any" }).size).toBe(31 * 1440 - 60);
    expect(allowedMinutes({ program: ny, month: "2026-11" }, { window: "any" }).size).toBe(30 * 1440);

    const nights = (month: string) =>
      minutesByDate(allowedMinutes({ program: ny, month }, push2am.timing), NEW_YORK);
    expect(nights("2027-03").get("2027-03-14")).toBe(120); // 01:00–01:59 and 03:00–03:59
    expect(nights("2027-03").get("2027-03-15")).toBe(180);
    expect(nights("2026-11").get("2026-11-01")).toBe(180); // 01:00–03:59, the repeat of 01:xx not counted
  });

  it("makes every minute land on a whole UTC minute", () => {
    const set = allowedMinutes(
      { program: program({ timezone: "Asia/Kolkata" }), month: "2026-11" },
      { window: "any" },
    );
    expect(set.intervals.every(([lo, hi]) => lo % MIN === 0 && hi % MIN === 0)).toBe(true);
  });
});

describe("planMonth: an Asia/Shanghai business-hours program", () => {
  const blackoutDates = ["2026-11-11", "2026-11-12", "2026-11-13"];
  const quietHours = [{ start: "12:00", end: "13:30" }];
  const p = program({ drillsPerMonth: 3, pool: poolOf(bizA, bizB, bizC), blackoutDates, quietHours });

  it("lands every drill Monday to Friday 09:30–17:59 local, never on a blackout date or in quiet hours", () => {
    for (const seed of seeds(200)) {
      const drills = plan({ program: p, month: "2026-11" }, seed);
      expect(drills).toHaveLength(3);
      for (const d of drills) {
        const z = local(d.plannedAt, SHANGHAI);
        expect(z.date.startsWith("2026-11")).toBe(true);
        expect(z.weekday).toBeLessThanOrEqual(5);
        expect(z.time >= "09:30" && z.time < "18:00", z.time).toBe(true);
        expect(z.time >= "12:00" && z.time < "13:30", z.time).toBe(false);
        expect(blackoutDates).not.toContain(z.date);
        expect(d.plannedAt % MIN).toBe(0);
        expect(d.window).toBe("business_hours");
        expect(Number.isInteger(d.seed) && d.seed >= 0 && d.seed <= 0xffff_ffff).toBe(true);
      }
    }
  });

  it("plans exactly drillsPerMonth drills, sorted by time, at least 3 days apart", () => {
    for (const drillsPerMonth of [1, 2, 3, 4, 5]) {
      for (const seed of seeds(40)) {
        const drills = plan({ program: { ...p, drillsPerMonth }, month: "2026-11" }, seed);
        expect(drills).toHaveLength(drillsPerMonth);
        for (let i = 1; i < drills.length; i++) {
          const gap = (drills[i] as PlannedDrill).plannedAt - (drills[i - 1] as PlannedDrill).plannedAt;
          expect(gap).toBeGreaterThanOrEqual(MIN_SPACING_MS);
        }
      }
    }
  });

  it("gives the same plan for the same seed, and another plan for another seed", () => {
    const once = plan({ program: p, month: "2026-11", lastScenarioId: bizA.id }, 42);
    const twice = plan({ program: p, month: "2026-11", lastScenarioId: bizA.id }, 42);
    expect(twice).toEqual(once);
    expect(plan({ program: p, month: "2026-11", lastScenarioId: bizA.id }, 43)).not.toEqual(once);
  });

  it("lets an any-time scenario leave the windows, but never for quiet hours or a blackout date", () => {
    const anyOnly = { ...p, pool: poolOf(anyTime), quietHours: [{ start: "22:00", end: "08:00" }] };
    const times = seeds(300).flatMap((seed) => plan({ program: anyOnly, month: "2026-11" }, seed));
    const zoned = times.map((d) => local(d.plannedAt, SHANGHAI));
    expect(zoned.every((z) => z.time >= "08:00" && z.time < "22:00")).toBe(true);
    expect(zoned.some((z) => z.weekday >= 6 || z.time >= "18:00" || z.time < "09:30")).toBe(true);
    expect(zoned.some((z) => blackoutDates.includes(z.date))).toBe(false);
    expect(times.every((d) => d.window === "any")).toBe(true);
  });

  it("plans nothing for a paused program", () => {
    expect(plan({ program: { ...p, enabled: false }, month: "2026-11" }, 1)).toEqual([]);
  });
});

describe("planMonth: the 2 a.m. push, a night scenario", () => {
  it("lands only 01:00–03:59 local, whatever the program's windows say", () => {
    for (const tz of [SHANGHAI, NEW_YORK]) {
      const p = program({ timezone: tz, nightDrills: true, pool: poolOf(push2am), drillsPerMonth: 2 });
      for (const month of ["2026-11", "2027-03"]) {
        for (const seed of seeds(100)) {
          for (const d of plan({ program: p, month }, seed)) {
            const z = local(d.plannedAt, tz);
            expect(d.scenarioId).toBe(push2am.id);
            expect(d.window).toBe("night");
            expect(z.time >= "01:00" && z.time <= "03:59", `${tz} ${z.date} ${z.time}`).toBe(true);
            expect(zonedToEpoch(z.date, z.time, tz)).toBe(d.plannedAt);
          }
        }
      }
    }
  });

  it("is never drawn unless the team opted in to night drills", () => {
    const optedOut = program({ drillsPerMonth: 5 });
    const drawn = seeds(300).flatMap((seed) => plan({ program: optedOut, month: "2026-11" }, seed));
    expect(drawn.length).toBe(1500);
    expect(drawn.some((d) => d.scenarioId === push2am.id)).toBe(false);

    const optedIn = program({ drillsPerMonth: 5, nightDrills: true });
    const withNights = seeds(300).flatMap((seed) => plan({ program: optedIn, month: "2026-11" }, seed));
    expect(withNights.some((d) => d.scenarioId === push2am.id)).toBe(true);
  });

  it("is not drawn when quiet hours cover its night", () => {
    const p = program({
      nightDrills: true,
      quietHours: [{ start: "23:00", end: "07:00" }],
      drillsPerMonth: 5,
    });
    const drawn = seeds(100).flatMap((seed) => plan({ program: p, month: "2026-11" }, seed));
    expect(drawn.some((d) => d.scenarioId === push2am.id)).toBe(false);
  });
});

describe("planMonth: no night drill without the opt-in", () => {
  const ZONES = [SHANGHAI, NEW_YORK, "Europe/London", "Australia/Sydney", "America/Santiago", "Asia/Kolkata"];
  const MONTHS = ["2026-03", "2026-04", "2026-10", "2026-11", "2027-03", "2027-04"];
  const daytime = [
    [{ days: [1, 2, 3, 4, 5], start: "09:30", end: "18:00" }],
    [{ days: [1, 2, 3, 4, 5, 6, 7], start: "06:00", end: "24:00" }],
    [
      { days: [1, 2, 3], start: "08:00", end: "12:00" },
      { days: [6, 7], start: "14:00", end: "22:00" },
    ],
  ];
  const pools = [[], poolOf(anyTime), poolOf(anyTime, bizA), poolOf(anyTime, push2am, bizB)];

  /** A varied program from the seed: zone, windows, pool (the whole catalog or some), drills a month. */
  const programOf = (seed: number, nightDrills: boolean) => {
    const rng = Rng.seeded(hash32(`night-${seed}`));
    return program({
      timezone: rng.pick(ZONES),
      windows: rng.pick(daytime),
      pool: rng.pick(pools),
      drillsPerMonth: rng.int(1, 5),
      nightDrills,
      ...(rng.chance(0.3) ? { quietHours: [{ start: "12:00", end: "13:00" }] } : {}),
    });
  };

  it("never lands a drill 00:00–05:59 local in 10,000 planned months without the opt-in", () => {
    let drills = 0;
    let anyTimeDrills = 0;
    for (let i = 0; i < 10_000; i++) {
      const p = programOf(i, false);
      const month = MONTHS[i % MONTHS.length] as string;
      for (const d of plan({ program: p, month }, i)) {
        drills++;
        if (d.window === "any") anyTimeDrills++;
        const z = local(d.plannedAt, p.timezone);
        expect(isNight(z.time), `${p.timezone} ${z.date} ${z.time} ${d.scenarioId}`).toBe(false);
        expect(d.window).not.toBe("night");
      }
    }
    // The draw reached the scenarios that could have landed at night, often.
    expect(drills).toBeGreaterThan(20_000);
    expect(anyTimeDrills).toBeGreaterThan(5_000);
    // ~10 s alone; a busy machine needs more than the default 30 s now and then.
  }, 90_000);

  it("lets an any-time scenario land at night once the team opted in", () => {
    const p = program({ nightDrills: true, pool: poolOf(anyTime), drillsPerMonth: 5 });
    const times = seeds(200).flatMap((seed) => plan({ program: p, month: "2026-11" }, seed));
    const nights = times.filter((d) => isNight(local(d.plannedAt, SHANGHAI).time)).length;
    // 6 of 24 hours: about a quarter of the drills.
    expect(nights / times.length).toBeGreaterThan(0.2);
    expect(nights / times.length).toBeLessThan(0.3);
  });

  it("keeps an opted-out any-time scenario uniform over the rest of the day", () => {
    const p = program({ pool: poolOf(anyTime), drillsPerMonth: 1 });
    const minutes = allowedMinutes({ program: p, month: "2026-11" }, anyTime.timing);
    expect(minutes.size).toBe(30 * 18 * 60);
    const earliest = Math.min(...[...minutes].map((t) => Number(local(t, SHANGHAI).time.replace(":", ""))));
    expect(earliest).toBe(600);
  });
});

describe("planMonth: America/New_York across daylight-saving changes", () => {
  // Both 2027-03-14 and 2026-11-01 are Sundays: a Sunday-night window that straddles each change.
  const sundayNight = [{ days: [7], start: "01:00", end: "04:00" }];
  const onlyDay = (month: string, days: number, keep: number) =>
    allDays(month, days).filter((d) => d !== `${month}-${String(keep).padStart(2, "0")}`);

  it("lands on real local minutes all through March 2027 and November 2026", () => {
    const p = program({
      timezone: NEW_YORK,
      drillsPerMonth: 5,
      nightDrills: true,
      windows: [{ days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "24:00" }],
    });
    for (const month of ["2027-03", "2026-11"]) {
      for (const seed of seeds(100)) {
        for (const d of plan({ program: p, month }, seed)) {
          const z = local(d.plannedAt, NEW_YORK);
          expect(z.date.startsWith(month)).toBe(true);
          // Converting back gives the same instant: a minute that exists, at its first occurrence.
          expect(zonedToEpoch(z.date, z.time, NEW_YORK)).toBe(d.plannedAt);
        }
      }
    }
  });

  it("never plans into the 02:xx gap of 2027-03-14", () => {
    const p = program({
      timezone: NEW_YORK,
      windows: sundayNight,
      blackoutDates: onlyDay("2027-03", 31, 14),
      pool: poolOf(bizA, bizB),
    });
    expect(allowedMinutes({ program: p, month: "2027-03" }, bizA.timing).size).toBe(120);
    const times = seeds(500).map((seed) =>
      local((plan({ program: p, month: "2027-03" }, seed)[0] as PlannedDrill).plannedAt, NEW_YORK),
    );
    expect(times.every((z) => z.date === "2027-03-14")).toBe(true);
    expect(times.some((z) => z.time.startsWith("02:"))).toBe(false);
    expect(times.some((z) => z.time.startsWith("01:"))).toBe(true);
    expect(times.some((z) => z.time.startsWith("03:"))).toBe(true);
  });

  it("does not double the repeated 01:xx hour of 2026-11-01", () => {
    const p = program({
      timezone: NEW_YORK,
      windows: sundayNight,
      blackoutDates: onlyDay("2026-11", 30, 1),
      pool: poolOf(bizA, bizB),
    });
    expect(allowedMinutes({ program: p, month: "2026-11" }, bizA.timing).size).toBe(180);
    const drawn = seeds(3000).map(
      (seed) => (plan({ program: p, month: "2026-11" }, seed)[0] as PlannedDrill).plannedAt,
    );
    const secondPass = [Date.UTC(2026, 10, 1, 6, 0), Date.UTC(2026, 10, 1, 7, 0)];
    expect(drawn.some((t) => t >= secondPass[0]! && t < secondPass[1]!)).toBe(false);
    // 01:xx is one hour of three, as often as 02:xx and 03:xx, not two of four.
    const oneAm = drawn.filter((t) => local(t, NEW_YORK).time.startsWith("01:")).length / drawn.length;
    expect(oneAm).toBeGreaterThan(0.3);
    expect(oneAm).toBeLessThan(0.37);
  });
});

describe("the draw is uniform over the allowed minutes (chi-square, fixed seed)", () => {
  // A long Monday–Thursday and a short Friday, so a sampler that picks a day first shows itself.
  const p = program({
    windows: [
      { days: [1, 2, 3, 4], start: "09:30", end: "18:00" },
      { days: [5], start: "09:30", end: "12:00" },
    ],
  });
  const set = allowedMinutes({ program: p, month: "2026-11" }, { window: "business_hours" });
  const DRAWS = 20_000;
  const slotOf = (t: number) => {
    const [h, m] = local(t, SHANGHAI).time.split(":").map(Number) as [number, number];
    return Math.floor((h * 60 + m - (9 * 60 + 30)) / 30); // 17 half-hour slots from 09:30
  };
  const weekdayOf = (t: number) => local(t, SHANGHAI).weekday - 1; // Monday … Friday as 0 … 4
  // Critical values at p = 0.001: a uniform sampler stays under them 999 times in 1000.
  const CRITICAL_16_DF = 39.25;
  const CRITICAL_4_DF = 18.47;

  function histogram(times: readonly number[], bucket: (t: number) => number, buckets: number) {
    const counts = new Array<number>(buckets).fill(0);
    for (const t of times) counts[bucket(t)] = (counts[bucket(t)] as number) + 1;
    return counts;
  }
  /** What a perfect sampler would give: the allowed minutes' own share of each bucket. */
  function expected(bucket: (t: number) => number, buckets: number) {
    return histogram([...set], bucket, buckets).map((c) => (c * DRAWS) / set.size);
  }
  const sample = (sampler: (rng: Rng) => number) => {
    const rng = Rng.seeded(20261101);
    return Array.from({ length: DRAWS }, () => sampler(rng));
  };
  const dayOf = (t: number) =>
    set.intervals.find(([lo, hi]) => t >= lo && t < hi) as readonly [number, number];

  const uniform = sample((rng) => set.draw(rng));
  // Deliberately wrong samplers, to show the same tests can fail.
  const edgeBiased = sample((rng) => {
    const t = set.draw(rng);
    if (!rng.chance(0.2)) return t;
    const [lo, hi] = dayOf(t);
    return rng.chance(0.5) ? lo + rng.int(0, 29) * MIN : hi - rng.int(1, 30) * MIN;
  });
  const dayFirst = sample((rng) => {
    const [lo, hi] = rng.pick(set.intervals);
    return lo + rng.int(0, (hi - lo) / MIN - 1) * MIN;
  });

  it("covers the half-hours of the window evenly, and an edge-biased sampler fails the same test", () => {
    expect(set.size).toBe(17 * 510 + 4 * 150);
    const want = expected(slotOf, 17);
    expect(chiSquare(histogram(uniform, slotOf, 17), want)).toBeLessThan(CRITICAL_16_DF);
    expect(chiSquare(histogram(edgeBiased, slotOf, 17), want)).toBeGreaterThan(CRITICAL_16_DF);
  });

  it("covers the weekdays by their minutes, and a pick-a-day-first sampler fails the same test", () => {
    const want = expected(weekdayOf, 5);
    expect(chiSquare(histogram(uniform, weekdayOf, 5), want)).toBeLessThan(CRITICAL_4_DF);
    expect(chiSquare(histogram(dayFirst, weekdayOf, 5), want)).toBeGreaterThan(CRITICAL_4_DF);
  });

  it("keeps the short Friday at its share of minutes in whole plans, not its share of days", () => {
    const fridays = seeds(2000).filter(
      (seed) =>
        weekdayOf(
          (plan({ program: { ...p, pool: poolOf(bizA) }, month: "2026-11" }, seed)[0] as PlannedDrill)
            .plannedAt,
        ) === 4,
    ).length;
    // 600 of 9,270 minutes (6.5 %), where a day-first draw would give 4 of 21 days (19 %).
    expect(fridays / 2000).toBeGreaterThan(0.045);
    expect(fridays / 2000).toBeLessThan(0.085);
  });
});

describe("planMonth: which scenario", () => {
  it("never draws a scenario twice in a row while the pool has another, counting last month's drill", () => {
    const p = program({ drillsPerMonth: 5, pool: poolOf(bizA, bizB, bizC) });
    for (const seed of seeds(200)) {
      const ids = plan({ program: p, month: "2026-11", lastScenarioId: bizA.id }, seed).map(
        (d) => d.scenarioId,
      );
      expect(ids[0]).not.toBe(bizA.id);
      for (let i = 1; i < ids.length; i++) expect(ids[i], ids.join(" ")).not.toBe(ids[i - 1]);
    }
  });

  it("alternates in time even when the two scenarios keep different hours", () => {
    const p = program({ drillsPerMonth: 4, nightDrills: true, pool: poolOf(push2am, bizA) });
    for (const seed of seeds(100)) {
      const ids = plan({ program: p, month: "2026-11", lastScenarioId: bizA.id }, seed).map(
        (d) => d.scenarioId,
      );
      expect(ids).toEqual([push2am.id, bizA.id, push2am.id, bizA.id]);
    }
  });

  it("repeats the only scenario a pool has", () => {
    const p = program({ drillsPerMonth: 3, pool: poolOf(bizA) });
    const ids = plan({ program: p, month: "2026-11", lastScenarioId: bizA.id }, 7).map((d) => d.scenarioId);
    expect(ids).toEqual([bizA.id, bizA.id, bizA.id]);
  });

  it("draws by pool weight: weight 3 against weight 1 is about three draws in four", () => {
    const p = program({
      pool: [
        { scenarioId: bizA.id, weight: 3 },
        { scenarioId: bizB.id, weight: 1 },
      ],
    });
    const heavy = seeds(4000).filter(
      (seed) => (plan({ program: p, month: "2026-11" }, seed)[0] as PlannedDrill).scenarioId === bizA.id,
    ).length;
    expect(heavy / 4000).toBeGreaterThan(0.72);
    expect(heavy / 4000).toBeLessThan(0.78);
  });

  it("draws from the whole catalog, equally, when the pool is empty", () => {
    const p = program({ nightDrills: true });
    const counts = new Map<string, number>();
    for (const seed of seeds(4000)) {
      const id = (plan({ program: p, month: "2026-11" }, seed)[0] as PlannedDrill).scenarioId;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    expect(counts.size).toBe(catalog.length);
    const even = 4000 / catalog.length;
    for (const c of counts.values()) expect(Math.abs(c - even)).toBeLessThan(even * 0.35);
  });

  it("ignores pool entries the catalog does not have", () => {
    const p = program({ pool: [{ scenarioId: "no-such-scenario" }, { scenarioId: bizB.id }] });
    expect(plan({ program: p, month: "2026-11" }, 3).map((d) => d.scenarioId)).toEqual([bizB.id]);
  });

  it("uses a scenario's own hours on top of the windows (the 09:15–10:15 holiday post)", () => {
    const holiday = variant("holiday-post", { window: "any", between: { start: "09:15", end: "10:15" } });
    const p = program({ pool: poolOf(holiday), drillsPerMonth: 3 });
    for (const seed of seeds(100)) {
      for (const d of plan({ program: p, month: "2026-11", scenarios: [holiday] }, seed)) {
        const z = local(d.plannedAt, SHANGHAI);
        expect(z.time >= "09:15" && z.time <= "10:15", z.time).toBe(true);
      }
    }
  });
});

describe("planMonth: a program created mid-month", () => {
  const p = program({ drillsPerMonth: 2, pool: poolOf(bizA, bizB) });

  it("plans only after now (the 20th)", () => {
    const now = zonedToEpoch("2026-11-20", "00:00", SHANGHAI) as number;
    for (const seed of seeds(200)) {
      const drills = plan({ program: p, month: "2026-11", now }, seed);
      expect(drills).toHaveLength(2);
      for (const d of drills) {
        expect(d.plannedAt).toBeGreaterThanOrEqual(now);
        expect(local(d.plannedAt, SHANGHAI).date >= "2026-11-20").toBe(true);
      }
    }
  });

  it("treats a minute that has begun as past", () => {
    const now = (zonedToEpoch("2026-11-30", "17:58", SHANGHAI) as number) + 30_000;
    const drills = plan({ program: { ...p, drillsPerMonth: 1 }, month: "2026-11", now }, 5);
    expect(drills.map((d) => local(d.plannedAt, SHANGHAI).time)).toEqual(["17:59"]);
  });

  it("still plans every drill when the rest of the month is too short to keep them 3 days apart", () => {
    const now = zonedToEpoch("2026-11-27", "09:30", SHANGHAI) as number;
    const drills = plan({ program: { ...p, drillsPerMonth: 3 }, month: "2026-11", now }, 9);
    expect(drills).toHaveLength(3);
    expect(drills.every((d) => d.plannedAt >= now)).toBe(true);
    expect(new Set(drills.map((d) => d.plannedAt)).size).toBe(3);
  });

  it("plans nothing once the month's last allowed minute has passed, and says so", () => {
    const now = zonedToEpoch("2026-11-30", "18:00", SHANGHAI) as number;
    expect(plan({ program: p, month: "2026-11", now }, 1)).toEqual([]);
    expect(explainEmpty({ program: p, month: "2026-11", scenarios: catalog, now })?.en).toBe(
      "No allowed time is left in 2026-11 after now.",
    );
    const after = zonedToEpoch("2026-12-01", "00:00", SHANGHAI) as number;
    expect(explainEmpty({ program: p, month: "2026-11", scenarios: catalog, now: after })?.en).toMatch(
      /is over/,
    );
  });
});

describe("explainEmpty", () => {
  it("says every day is a blackout date, in Chinese and English", () => {
    const p = program({ blackoutDates: allDays("2026-11", 30) });
    expect(plan({ program: p, month: "2026-11" }, 1)).toEqual([]);
    expect(explainEmpty({ program: p, month: "2026-11", scenarios: catalog })).toEqual({
      zh: "2026-11 的每一天都是禁排日期。",
      en: "Every day of 2026-11 is a blackout date.",
    });
  });

  it("names the blackout dates when they cover every day the windows allow", () => {
    const weekdays = allDays("2026-11", 30).filter(
      (d) => local(zonedToEpoch(d, "12:00", SHANGHAI) as number, SHANGHAI).weekday <= 5,
    );
    const p = program({ blackoutDates: weekdays, pool: poolOf(bizA) });
    expect(plan({ program: p, month: "2026-11" }, 1)).toEqual([]);
    expect(explainEmpty({ program: p, month: "2026-11", scenarios: catalog })?.en).toMatch(
      /blackout dates cover/,
    );
  });

  it("names the quiet hours when they swallow the windows", () => {
    const p = program({ quietHours: [{ start: "09:00", end: "19:00" }], pool: poolOf(bizA) });
    expect(explainEmpty({ program: p, month: "2026-11", scenarios: catalog })?.zh).toMatch(/免打扰/);
  });

  it("names night drills when the pool holds only night scenarios", () => {
    const p = program({ pool: poolOf(push2am) });
    expect(plan({ program: p, month: "2026-11" }, 1)).toEqual([]);
    expect(explainEmpty({ program: p, month: "2026-11", scenarios: catalog })?.en).toMatch(
      /night drills are off/,
    );
  });

  it("says a paused program plans nothing, and is silent when something can be planned", () => {
    expect(
      explainEmpty({ program: program({ enabled: false }), month: "2026-11", scenarios: catalog })?.en,
    ).toMatch(/paused/);
    expect(explainEmpty({ program: program(), month: "2026-11", scenarios: catalog })).toBeNull();
  });
});

describe("ProgramInput", () => {
  it("fills every default: one surprise drill a month, whole catalog, Shanghai business hours", () => {
    expect(ProgramInput.parse({})).toEqual({
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
    });
    expect(ProgramInput.parse({ pool: [{ scenarioId: bizA.id }] }).pool).toEqual([
      { scenarioId: bizA.id, weight: 1 },
    ]);
  });

  it("names each wrong field by its path, in words a manager understands", () => {
    const result = ProgramInput.safeParse({
      drillsPerMonth: 9,
      timezone: "Mars/Olympus",
      windows: [{ days: [0, 1], start: "18:00", end: "09:30" }],
      quietHours: [{ start: "25:00", end: "07:00" }],
      blackoutDates: ["2026-02-30"],
      pool: [{ scenarioId: bizA.id }, { scenarioId: bizA.id, weight: 20 }],
      mode: "sometimes",
      escalationMinutes: 0,
    });
    expect(result.success).toBe(false);
    const issues = Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(issues).toEqual({
      drillsPerMonth: "a program plans at most 5 drills a month",
      timezone: "expected an IANA timezone such as Asia/Shanghai or America/New_York",
      "windows.0.days.0": "days are ISO weekdays: 1 is Monday … 7 is Sunday",
      "windows.0.end": "a window must end after it starts; split a window that crosses midnight into two",
      "quietHours.0.start": 'expected a time of day such as "09:30"',
      "blackoutDates.0": "no such date in the calendar",
      "pool.1.weight": "a weight is at most 10",
      "pool.1.scenarioId": `scenario ${bizA.id} is in the pool twice; give it one weight`,
      mode: 'mode is "surprise" or "announced"',
      escalationMinutes: "the escalation delay is at least 1 minute",
    });
  });

  it("stores the canonical timezone name and refuses a bare offset", () => {
    expect(ProgramInput.parse({ timezone: "america/new_york" }).timezone).toBe(NEW_YORK);
    expect(ProgramInput.safeParse({ timezone: "+08:00" }).success).toBe(false);
  });

  it("takes quiet hours across midnight, a window to midnight, and up to 100 blackout dates", () => {
    const ok = ProgramInput.safeParse({
      quietHours: [{ start: "22:00", end: "07:00" }],
      windows: [{ days: [6], start: "10:00", end: "24:00" }],
      blackoutDates: Array.from({ length: 100 }, (_, i) =>
        new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10),
      ),
    });
    expect(ok.success).toBe(true);
    const tooMany = ProgramInput.safeParse({
      blackoutDates: Array.from({ length: 101 }, (_, i) =>
        new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10),
      ),
    });
    expect(tooMany.error?.issues[0]?.message).toBe("at most 100 blackout dates");
  });
});
