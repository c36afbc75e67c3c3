import { describe, expect, it } from "vitest";
import { dayLabel, isRemovalNotice, localDay, unreadCount, withDays } from "../../web/src/war-room.js";

const SH = "Asia/Shanghai";
// 2026-12-02 10:00 in Shanghai.
const NOW = Date.UTC(2026, 11, 2, 2, 0);
const H = 3_600_000;

describe("the war room's inbox and chats", () => {
  it("counts every item unread before a surface is opened, then only the new ones", () => {
    const items = [{ id: "a" }, { id: "b" }, { id: "c" }];
    expect(unreadCount(undefined, items)).toBe(3);
    expect(unreadCount(new Set(["a", "b"]), items)).toBe(1);
    expect(unreadCount(new Set(["a", "b", "c"]), items)).toBe(0);
  });

  it("writes date separators the way chat apps do, by the team's local day", () => {
    expect(dayLabel("zh", NOW - H, NOW, SH)).toBe("今天");
    expect(dayLabel("en", NOW - H, NOW, SH)).toBe("Today");
    // 01:00 local on Dec 2 is today in Shanghai although it is Dec 1 in UTC.
    expect(dayLabel("zh", Date.UTC(2026, 11, 1, 17, 0), NOW, SH)).toBe("今天");
    expect(dayLabel("zh", NOW - 24 * H, NOW, SH)).toBe("昨天");
    expect(dayLabel("en", NOW - 24 * H, NOW, SH)).toBe("Yesterday");
    expect(dayLabel("zh", NOW - 3 * 24 * H, NOW, SH)).toBe("11月29日");
    expect(dayLabel("en", NOW - 3 * 24 * H, NOW, SH)).toBe("Nov 29");
    expect(dayLabel("en", Date.UTC(2025, 11, 1, 4), NOW, SH)).toBe("Dec 1, 2025");
    expect(localDay(NOW, SH)).toBe("2026-12-02");
  });

  it("puts one separator before the first message of each day", () => {
    const rows = [NOW - 30 * H, NOW - 29 * H, NOW - 2 * H, NOW - H].map((at) => ({ at }));
    const out = withDays(rows, (r) => r.at, SH);
    expect(out.filter((x) => "day" in x).map((x) => ("day" in x ? x.day : ""))).toEqual([
      "2026-12-01",
      "2026-12-02",
    ]);
    expect(out).toHaveLength(6);
  });

  it("knows the sandbox's removal notices, which take no action", () => {
    expect(isRemovalNotice({ id: "rm-p-123" })).toBe(true);
    expect(isRemovalNotice({ id: "it-123" })).toBe(false);
  });
});
