import { allowedMinutes, epochToZoned, type Timing } from "../../functions/core/planner.js";
import type { ProgramSettings } from "../../functions/core/program.js";

/**
 * The calendar preview: for each day of a month, how many minutes a drill of this program may land
 * on. It asks the planner's own `allowedMinutes`, so the preview and the monthly draw cannot disagree
 * about windows, quiet hours, blackout dates, night rules or daylight saving.
 */

export interface CalendarDay {
  /** "YYYY-MM-DD", local to the program's timezone. */
  date: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** Allowed minutes that day, for the most permissive timing in the pool. */
  minutes: number;
}

const MINUTE = 60_000;

function daysInMonth(month: string): number {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Minutes per local date for one timing. */
function perDay(program: ProgramSettings, month: string, timing: Timing, now?: number): Map<string, number> {
  const set = allowedMinutes({ program, month, ...(now !== undefined ? { now } : {}) }, timing);
  const counts = new Map<string, number>();
  for (const [lo, hi] of set.intervals) {
    let t = lo;
    // Walk the interval a local day at a time; bounded by the month's length in case of a bad interval.
    for (let guard = 0; t < hi && guard < 64; guard++) {
      const local = epochToZoned(t, program.timezone);
      const [hh, mm] = local.time.split(":").map(Number) as [number, number];
      const toMidnight = (1440 - (hh * 60 + mm)) * MINUTE;
      const end = Math.min(hi, t + toMidnight);
      counts.set(local.date, (counts.get(local.date) ?? 0) + Math.round((end - t) / MINUTE));
      t = end;
    }
  }
  return counts;
}

/** Every day of `month` with its allowed minutes over the given timings (the pool's scenarios). */
export function calendarPreview(
  program: ProgramSettings,
  month: string,
  timings: readonly Timing[],
  now?: number,
): CalendarDay[] {
  const maps = timings.map((timing) => perDay(program, month, timing, now));
  const days: CalendarDay[] = [];
  const count = daysInMonth(month);
  const [y, m] = month.split("-").map(Number) as [number, number];
  for (let d = 1; d <= count; d++) {
    const date = `${month}-${String(d).padStart(2, "0")}`;
    const weekday = ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
    days.push({ date, weekday, minutes: Math.max(0, ...maps.map((map) => map.get(date) ?? 0)) });
  }
  return days;
}

/** The timings a program can draw: night ones only when it opted in. */
export function poolTimings(
  program: Pick<ProgramSettings, "nightDrills">,
  scenarios: readonly { timing: Timing }[],
): Timing[] {
  const seen = new Map<string, Timing>();
  for (const { timing } of scenarios) {
    if (timing.window === "night" && !program.nightDrills) continue;
    seen.set(JSON.stringify(timing), timing);
  }
  return [...seen.values()];
}

/** The days laid out in Monday-first weeks, with blanks (null) before the 1st and after the last day. */
export function monthWeeks(days: readonly CalendarDay[]): (CalendarDay | null)[][] {
  if (days.length === 0) return [];
  const cells: (CalendarDay | null)[] = [...Array<null>((days[0]?.weekday ?? 1) - 1).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (CalendarDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
