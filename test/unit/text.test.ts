import { describe, expect, it } from "vitest";
import { containsAnyTerm, formatDuration } from "../../functions/core/text.js";

describe("containsAnyTerm, how a response's text is matched against the rubric", () => {
  it.each([
    ["国 家·级产品", "国家级"],
    ["最 有 效", "最有效"],
    ["１００％有效", "100%有效"],
    ["our product is T-O-P-1 now", "TOP1"],
    ["our product is ＴＯＰ１", "TOP1"],
    ["g u a r a n t e e d returns", "guaranteed returns"],
    ["Here is our plan: A or B", "plan"],
    ["Staff never add you privately", "add you"],
  ])("finds %j when looking for %j (spacing, width and case ignored)", (text, term) => {
    expect(containsAnyTerm(text, [term])).toBe(true);
  });

  it.each([
    ["Here is the explanation", "plan"],
    ["internal memo", "intern"],
    ["we tried to avoid that", "void"],
    ["he added your friend", "add you"],
  ])("does not find %j inside another word of %j", (text, term) => {
    expect(containsAnyTerm(text, [term])).toBe(false);
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0秒", "0s"],
    [45, "45秒", "45s"],
    [900, "15分钟", "15m"],
    [192, "3分12秒", "3m 12s"],
    [3900, "1小时5分", "1h 5m"],
    [7200, "2小时", "2h"],
  ])("says %i seconds as %s / %s", (seconds, zh, en) => {
    expect(formatDuration(seconds, "zh")).toBe(zh);
    expect(formatDuration(seconds, "en")).toBe(en);
  });
});
