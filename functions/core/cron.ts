import { epochToZoned, zonedToEpoch } from "./planner.js";

const DAY = 86_400_000;

function field(spec: string, value: number): boolean {
  if (spec === "*" || spec === "?") return true;
  return spec.split(",").some((part) => Number(part) === value);
}

/**
 * The next time an EventBridge Scheduler cron body ("min hour day-of-month month day-of-week year",
 * e.g. "0 0 1 * ? *") fires in `timeZone`, strictly after `after`. Supports numbers, lists, `*` and
 * `?`: what the planner's monthly schedule needs, evaluated the way the AWS scheduler does, locally.
 */
export function nextCron(cron: string, timeZone: string, after: number): number {
  const parts = cron.trim().split(/\s+/);
  if (parts.length !== 6) throw new RangeError(`expected 6 cron fields, got "${cron}"`);
  const [minute, hour, dom, month, dow, year] = parts as [string, string, string, string, string, string];
  if (!/^\d+$/.test(minute) || !/^\d+$/.test(hour))
    throw new RangeError(`minute and hour must be numbers: "${cron}"`);
  const time = `${hour.padStart(2, "0")}:${minute.padStart(2, "0")}`;
  const start = epochToZoned(after, timeZone).date;
  const [y, m, d] = start.split("-").map(Number) as [number, number, number];
  for (let i = 0; i < 800; i++) {
    const date = new Date(Date.UTC(y, m - 1, d) + i * DAY);
    const local = date.toISOString().slice(0, 10);
    // EventBridge's day-of-week is 1 = Sunday … 7 = Saturday.
    const weekday = date.getUTCDay() + 1;
    if (!field(dom, date.getUTCDate()) || !field(month, date.getUTCMonth() + 1)) continue;
    if (!field(dow, weekday) || !field(year, date.getUTCFullYear())) continue;
    const at = zonedToEpoch(local, time, timeZone);
    if (at !== null && at > after) return at;
  }
  throw new RangeError(`cron "${cron}" never fires within two years`);
}
