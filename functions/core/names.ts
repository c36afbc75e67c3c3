/**
 * What a name someone types may hold (issue 13, item 8). A name shows up in member lists, rosters,
 * pages and reports, so one that renders as nothing, or reorders the text around it, is refused
 * instead of stored. Invalid UTF-8 reaches the API as U+FFFD (the body decoder's replacement), and a
 * lone surrogate can only come from a hand-made `\ud800` escape; neither is a name.
 */

/** Never kept: C0 and C1 controls (NUL included), DEL, and the bidirectional controls that reorder text. */
const STRIPPED = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
/** Kept (a joiner binds an emoji together) but not enough on their own: format characters, blanks that print nothing. */
const INVISIBLE = /[\p{Cf}\p{Z}\s\u115f\u1160\u3164\uffa0\u2800\u180e]/gu;

export interface NameProblem {
  message: string;
  zh: string;
}

export type CleanName = { ok: true; value: string } | { ok: false; problem: NameProblem };

/** A high surrogate without its low half, or a low one without its high half (no `u` flag: code units). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function cleanName(raw: string): CleanName {
  if (LONE_SURROGATE.test(raw) || raw.includes("\ufffd")) {
    return {
      ok: false,
      problem: {
        message: "the name holds characters that are not valid text (invalid UTF-8 or a lone surrogate)",
        zh: "名称里有无效的字符（不是合法的 UTF-8 文本）",
      },
    };
  }
  const value = raw.replace(STRIPPED, "").trim();
  if (value.replace(INVISIBLE, "").length === 0) {
    return {
      ok: false,
      problem: {
        message: "the name is empty once invisible and control characters are removed",
        zh: "去掉不可见字符和控制字符后，名称是空的",
      },
    };
  }
  return { ok: true, value };
}
