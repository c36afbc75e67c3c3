import * as z from "zod";

/**
 * A drill program: how a team wants its monthly surprise drills drawn. The manager sends a
 * `ProgramInput`; the store keeps a `Program` (the parsed input plus its identity and version);
 * the planner (`planner.ts`) reads it once a month.
 */

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A local time of day; "24:00" is accepted where it ends a period, so a window can reach midnight. */
const ClockTime = z.string().regex(HHMM, { message: 'expected a time of day such as "09:30"' });
const ClockEnd = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, {
  message: 'expected a time of day such as "18:00" (or "24:00")',
});

/** Minutes since local midnight of "HH:MM" (also "24:00"). */
export function minuteOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function wellFormed(period: { start: string; end: string }): boolean {
  return HHMM.test(period.start) && (HHMM.test(period.end) || period.end === "24:00");
}

export const Timezone = z
  .string()
  .min(1)
  .max(64)
  .refine(
    (tz) => {
      // Intl accepts offsets such as "+08:00" on newer engines; an offset has no daylight saving, so a
      // team in New York would silently drift by an hour twice a year. Only zone names are taken.
      if (/^[+-]/.test(tz)) return false;
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { message: "expected an IANA timezone such as Asia/Shanghai or America/New_York" },
  )
  // "asia/shanghai" is valid to Intl; storing the canonical spelling keeps keys and displays stable.
  .overwrite((tz) => {
    try {
      return new Intl.DateTimeFormat("en", { timeZone: tz }).resolvedOptions().timeZone;
    } catch {
      return tz;
    }
  });

export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date such as "2026-10-01"' })
  .refine(
    (d) => {
      const [y, m, day] = d.split("-").map(Number) as [number, number, number];
      const t = new Date(Date.UTC(y, m - 1, day));
      return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === day;
    },
    { message: "no such date in the calendar" },
  );

export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export const WeeklyWindow = z
  .object({
    days: z
      .array(
        z
          .number()
          .int()
          .min(1, { message: "days are ISO weekdays: 1 is Monday … 7 is Sunday" })
          .max(7, { message: "days are ISO weekdays: 1 is Monday … 7 is Sunday" }),
      )
      .min(1, { message: "a window needs at least one day" })
      .max(7)
      .refine((days) => new Set(days).size === days.length, { message: "a day is listed twice" }),
    start: ClockTime.describe("Local time the window opens (included)"),
    end: ClockEnd.describe('Local time the window closes (excluded: "18:00" allows 17:59, not 18:00)'),
  })
  .strict()
  // A malformed time already has its own message; comparing it would only add a confusing second one.
  .refine((w) => !wellFormed(w) || minuteOfDay(w.end) > minuteOfDay(w.start), {
    message: "a window must end after it starts; split a window that crosses midnight into two",
    path: ["end"],
  });
export type WeeklyWindow = z.output<typeof WeeklyWindow>;

export const QuietPeriod = z
  .object({
    start: ClockTime.describe("Local time the quiet period begins (included)"),
    end: ClockEnd.describe("Local time it ends (excluded); earlier than start means it runs past midnight"),
  })
  .strict()
  .refine((q) => !wellFormed(q) || minuteOfDay(q.start) !== minuteOfDay(q.end) % 1440, {
    message: "a quiet period cannot start and end at the same time",
    path: ["end"],
  });
export type QuietPeriod = z.output<typeof QuietPeriod>;

export const PoolEntry = z
  .object({
    scenarioId: z
      .string()
      .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, {
        message: "expected a scenario id such as competitor-group-raid",
      })
      .max(64),
    weight: z
      .number()
      .min(0.1, { message: "a weight is at least 0.1 (leave a scenario out of the pool to never draw it)" })
      .max(10, { message: "a weight is at most 10" })
      .default(1)
      .describe("Relative chance of being drawn; 2 is twice as likely as 1"),
  })
  .strict();
export type PoolEntry = z.output<typeof PoolEntry>;

export const DEFAULT_TIMEZONE = "Asia/Shanghai";
export const DEFAULT_WINDOWS: WeeklyWindow[] = [{ days: [1, 2, 3, 4, 5], start: "09:30", end: "18:00" }];
export const PROGRAM_MODES = ["surprise", "announced"] as const;

/** What a manager sends to create or replace a program. Every field has a sensible default. */
export const ProgramInput = z
  .object({
    drillsPerMonth: z
      .number()
      .int({ message: "drills per month is a whole number" })
      .min(1, { message: "a program plans at least 1 drill a month (pause it to plan none)" })
      .max(5, { message: "a program plans at most 5 drills a month" })
      .default(1),
    pool: z
      .array(PoolEntry)
      .max(200)
      .default([])
      .superRefine((pool, ctx) => {
        const seen = new Set<string>();
        pool.forEach((entry, i) => {
          if (seen.has(entry.scenarioId)) {
            ctx.addIssue({
              code: "custom",
              message: `scenario ${entry.scenarioId} is in the pool twice; give it one weight`,
              path: [i, "scenarioId"],
            });
          }
          seen.add(entry.scenarioId);
        });
      })
      .describe("Scenarios to draw from, with weights; empty means the whole catalog, equally"),
    timezone: Timezone.default(DEFAULT_TIMEZONE).describe(
      "IANA timezone; every time is local to it. Left out, the team's own timezone",
    ),
    windows: z
      .array(WeeklyWindow)
      .min(1, { message: "a program needs at least one weekly window" })
      .max(20)
      .default(DEFAULT_WINDOWS)
      .describe("When business-hours drills may land, each week"),
    quietHours: z
      .array(QuietPeriod)
      .max(20)
      .default([])
      .describe("Local times never used, whatever the scenario; may run past midnight"),
    blackoutDates: z
      .array(LocalDate)
      .max(100, { message: "at most 100 blackout dates" })
      .default([])
      .describe("Local dates with no drill at all (launches, holidays)"),
    nightDrills: z
      .boolean()
      .default(false)
      .describe("Opt in to night scenarios such as the 2 a.m. push; they are never drawn otherwise"),
    mode: z
      .enum(PROGRAM_MODES, { message: 'mode is "surprise" or "announced"' })
      .default("surprise")
      .describe("Surprise: responders see nothing in advance. Announced: they see the planned day"),
    enabled: z.boolean().default(true).describe("A paused program plans nothing"),
    escalationMinutes: z
      .number()
      .int({ message: "the escalation delay is a whole number of minutes" })
      .min(1, { message: "the escalation delay is at least 1 minute" })
      .max(60, { message: "the escalation delay is at most 60 minutes" })
      .default(5)
      .describe("How long the primary on-call has to acknowledge before the backup is paged"),
  })
  .strict();
export type ProgramInput = z.input<typeof ProgramInput>;
export type ProgramSettings = z.output<typeof ProgramInput>;

export interface Program extends ProgramSettings {
  id: string;
  teamId: string;
  createdAt: number;
  updatedAt: number;
  /** Bumped on every change, for optimistic concurrency. */
  version: number;
}
