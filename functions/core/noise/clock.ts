import { memoize } from "../memo.js";
import type { Localized } from "../vocabulary.js";
import type { LocalMoment } from "./types.js";

/**
 * The team's wall clock for one drill. The timezone's offset is read once, at the drill's start
 * (a drill's sandbox spans hours to a few days; a daylight-saving change inside it moves the chatter
 * by an hour at most), so each item's moment is arithmetic, not a formatter call.
 */
export function wallClock(startsAt: number, timezone: string): (offset: number) => LocalMoment {
  return clockOf(startsAt, timezone).momentAt;
}

/** The local hour only: the pace of noise asks for it hundreds of times an incident. */
export function clockOf(
  startsAt: number,
  timezone: string,
): { momentAt: (offset: number) => LocalMoment; hourAt: (offset: number) => number } {
  const base = startsAt + zoneOffsetMs(startsAt, timezone);
  const hourAt = (offset: number) => {
    const inDay = (((base + offset * 1000) % DAY) + DAY) % DAY;
    return Math.floor(inDay / 3_600_000);
  };
  return { momentAt: momentClock(startsAt, timezone), hourAt };
}

function momentClock(startsAt: number, timezone: string): (offset: number) => LocalMoment {
  const offsetMs = zoneOffsetMs(startsAt, timezone);
  // A drill spans a few local days: each day's date and holidays are worked out once, and each
  // minute's moment once (a generator asks for hundreds of moments an incident).
  const days = new Map<number, Omit<LocalMoment, "hour" | "minute">>();
  const minutes = new Map<number, LocalMoment>();
  return (offset: number) => {
    const wall = startsAt + offset * 1000 + offsetMs;
    const minuteIndex = Math.floor(wall / 60_000);
    const known = minutes.get(minuteIndex);
    if (known) return known;
    const index = Math.floor(wall / DAY);
    let day = days.get(index);
    if (!day) {
      day = dayOf(index * DAY);
      days.set(index, day);
    }
    const inDay = minuteIndex * 60_000 - index * DAY;
    const moment: LocalMoment = {
      ...day,
      hour: Math.floor(inDay / 3_600_000),
      minute: Math.floor((inDay % 3_600_000) / 60_000),
    };
    minutes.set(minuteIndex, moment);
    return moment;
  };
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();
/** Offsets change at most at whole quarter hours: one answer per zone and quarter hour is exact. */
const offsets = memoize(20_000, (key): number => {
  const [timezone, quarter] = key.split("@") as [string, string];
  return readOffset(Number(quarter) * 900_000, timezone);
});

function zoneOffsetMs(at: number, timezone: string): number {
  return offsets(`${timezone}@${Math.floor(at / 900_000)}`);
}

function readOffset(at: number, timezone: string): number {
  let format = formatters.get(timezone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat("en-US", {
        timeZone: timezone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      });
    } catch {
      format = null;
    }
    formatters.set(timezone, format);
  }
  // An unknown zone in an old snapshot: China's, the product's home.
  if (format === null) return 8 * 3_600_000;
  const parts = format.formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return wall - Math.floor(at / 1000) * 1000;
}

const DAY = 86_400_000;

/** `wall` is local midnight expressed as if it were UTC. */
function dayOf(wall: number): Omit<LocalMoment, "hour" | "minute"> {
  const d = new Date(wall);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const moment: Omit<LocalMoment, "hour" | "minute"> = { year, month, day, weekday: d.getUTCDay() };
  const today = holidayOn(year, month, day);
  if (today) moment.holiday = today;
  for (let ahead = 1; ahead <= 21; ahead++) {
    const next = new Date(wall + ahead * DAY);
    const name = holidayOn(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
    if (name) {
      moment.upcoming = { name, inDays: ahead };
      break;
    }
  }
  return moment;
}

const FIXED: Record<string, Localized> = {
  "1-1": { zh: "元旦", en: "New Year's Day" },
  "2-14": { zh: "情人节", en: "Valentine's Day" },
  "3-8": { zh: "妇女节", en: "Women's Day" },
  "5-1": { zh: "劳动节", en: "Labour Day" },
  "6-1": { zh: "儿童节", en: "Children's Day" },
  "9-10": { zh: "教师节", en: "Teachers' Day" },
  "10-1": { zh: "国庆节", en: "National Day" },
  "11-11": { zh: "双十一", en: "Singles' Day" },
  "12-12": { zh: "双十二", en: "Double Twelve" },
  "12-24": { zh: "平安夜", en: "Christmas Eve" },
  "12-25": { zh: "圣诞节", en: "Christmas" },
};

const LUNAR_NAMES: Record<string, Localized> = {
  spring: { zh: "春节", en: "Spring Festival" },
  lantern: { zh: "元宵节", en: "Lantern Festival" },
  qingming: { zh: "清明节", en: "Qingming" },
  dragon: { zh: "端午节", en: "Dragon Boat Festival" },
  qixi: { zh: "七夕", en: "Qixi" },
  midautumn: { zh: "中秋节", en: "Mid-Autumn Festival" },
  solstice: { zh: "冬至", en: "Winter Solstice" },
};

/** The lunar and solar-term holidays move every year: their dates, month-day, for the years drills run. */
const LUNAR: Record<number, Record<string, string>> = {
  2025: {
    spring: "1-29",
    lantern: "2-12",
    qingming: "4-4",
    dragon: "5-31",
    qixi: "8-29",
    midautumn: "10-6",
    solstice: "12-21",
  },
  2026: {
    spring: "2-17",
    lantern: "3-3",
    qingming: "4-5",
    dragon: "6-19",
    qixi: "8-19",
    midautumn: "9-25",
    solstice: "12-22",
  },
  2027: {
    spring: "2-6",
    lantern: "2-20",
    qingming: "4-5",
    dragon: "6-9",
    qixi: "8-8",
    midautumn: "9-15",
    solstice: "12-22",
  },
  2028: {
    spring: "1-26",
    lantern: "2-9",
    qingming: "4-4",
    dragon: "5-28",
    qixi: "8-26",
    midautumn: "10-3",
    solstice: "12-21",
  },
};

const lunarByDate = new Map<string, Localized>();
for (const [year, dates] of Object.entries(LUNAR)) {
  for (const [key, md] of Object.entries(dates)) {
    const name = LUNAR_NAMES[key];
    if (name) lunarByDate.set(`${year}-${md}`, name);
  }
}

export function holidayOn(year: number, month: number, day: number): Localized | undefined {
  return lunarByDate.get(`${year}-${month}-${day}`) ?? FIXED[`${month}-${day}`];
}

/** The busiest hour's activity (the evening). */
export const PEAK_ACTIVITY = 1.4;

/**
 * How busy a community is at an hour, relative to its daytime: near silent 01:00–06:00, a morning
 * and an evening peak (people read their groups on the commute and after dinner).
 */
export function activityAt(hour: number): number {
  if (hour >= 1 && hour < 6) return 0.08;
  if (hour === 0 || hour === 6) return 0.3;
  if (hour >= 7 && hour < 9) return 1.2;
  if (hour >= 12 && hour < 14) return 1.1;
  if (hour >= 19 && hour < 22) return 1.4;
  if (hour >= 22) return 0.6;
  return 1;
}
