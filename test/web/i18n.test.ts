import { describe, expect, it } from "vitest";
import {
  detectLang,
  formatClock,
  formatDuration,
  formatMonth,
  formatPercent,
  MESSAGES,
  timelineAction,
  translate,
} from "../../web/src/i18n.js";

describe("the web app's messages", () => {
  it("has every key in both languages, none empty, with the same placeholders", () => {
    const zh = MESSAGES.zh;
    const en = MESSAGES.en;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(zh[key].trim(), key).not.toBe("");
      expect(en[key].trim(), key).not.toBe("");
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translate("zh", "kill_switch_done", { count: 3 })).toBe("已熔断，中止了 3 场演练。");
    expect(translate("en", "member_added", {})).toBe("{name} added.");
  });

  it("puts zh-CN first when the browser prefers any Chinese, and remembers a choice", () => {
    expect(detectLang(null, ["zh-TW", "en-US"])).toBe("zh");
    expect(detectLang(null, ["en-GB", "zh-CN"])).toBe("en");
    expect(detectLang(null, ["fr-FR", "zh-Hans-CN"])).toBe("zh");
    expect(detectLang("en", ["zh-CN"])).toBe("en");
    expect(detectLang("xx", ["de-DE"])).toBe("zh");
  });
});

describe("durations, clocks and dates", () => {
  it("reads durations in at most two units, in each language", () => {
    expect(formatDuration("zh", 45)).toBe("45秒钟");
    expect(formatDuration("zh", 3900)).toBe("1小时5分钟");
    expect(formatDuration("en", 3900)).toBe("1 hr 5 mins");
    expect(formatDuration("en", 7200)).toBe("2 hrs");
    expect(formatDuration("en", 754)).toBe("12 mins 34 secs");
    expect(formatDuration("en", 60)).toBe("1 min");
    expect(formatDuration("en", null)).toBe("—");
  });

  it("runs a clock as mm:ss under an hour and h:mm:ss past it, never negative", () => {
    expect(formatClock(0)).toBe("00:00");
    expect(formatClock(65_999)).toBe("01:05");
    expect(formatClock(3_725_000)).toBe("1:02:05");
    expect(formatClock(-5_000)).toBe("00:00");
  });

  it("names months and rates the local way", () => {
    expect(formatMonth("zh", "2026-11")).toBe("2026年11月");
    expect(formatMonth("en", "2026-11")).toBe("November 2026");
    expect(formatPercent("en", 0.875)).toBe("88%");
    expect(formatPercent("zh", null)).toBe("—");
  });

  it("labels system events on the timeline as well as responders' actions", () => {
    expect(timelineAction("injected").zh).toBe("演练注入");
    expect(timelineAction("remove_member").en).toBe("Remove member");
    expect(timelineAction("something_new").en).toBe("something_new");
  });
});
