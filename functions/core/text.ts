import { memoize } from "./memo.js";

/**
 * The form in which texts are compared when scoring: full-width folded to ASCII (NFKC), lower case,
 * and without the spaces and separators people insert to dodge filters. "国 家·级" and "ＴＯＰ１"
 * compare equal to "国家级" and "top1".
 */
export function normalizeForMatch(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s·•*/\\\-_.,，。、|]+/g, "");
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const SEPARATOR_RUN = /(?<=(?:^|[^a-z0-9])[a-z0-9])[\s·•*/\\\-_.]+(?=[a-z0-9](?:$|[^a-z0-9]))/g;

/**
 * Latin text keeps its word boundaries (so "plan" is not found inside "explanation"), but letters
 * spaced out one by one ("t-o-p-1", "g u a r a n t e e d") are joined back into words.
 */
function normalizeLatin(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(SEPARATOR_RUN, "").replace(/\s+/g, " ");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

interface Needle {
  cjk: boolean;
  needle: string;
  /** Latin terms only: the whole-word pattern; absent when the term normalises to nothing. */
  pattern?: RegExp;
}

/**
 * Terms come from rubrics, so the same few hundred recur in every drill a scorer sees; normalising
 * each and compiling its pattern once per process took a tenth of scoring.
 */
const needleOf = memoize(10_000, (term): Needle => {
  if (CJK.test(term)) return { cjk: true, needle: normalizeForMatch(term) };
  const needle = normalizeLatin(term).trim();
  return {
    cjk: false,
    needle,
    ...(needle ? { pattern: new RegExp(`(?<![a-z0-9])${escapeRegExp(needle)}(?![a-z0-9])`) } : {}),
  };
});

/**
 * Whether `text` mentions any of `terms`. Chinese terms are compared with spacing and width removed,
 * because a disguise spaces characters out; Latin terms must stand as whole words.
 */
export function containsAnyTerm(text: string, terms: readonly string[]): boolean {
  let stripped: string | undefined;
  let latin: string | undefined;
  return terms.some((term) => {
    const { cjk, needle, pattern } = needleOf(term);
    if (cjk) {
      stripped ??= normalizeForMatch(text);
      return needle.length > 0 && stripped.includes(needle);
    }
    if (!pattern) return false;
    latin ??= normalizeLatin(text);
    return pattern.test(latin);
  });
}

/** A duration the way people say it: "3分12秒", "1小时5分" / "3m 12s", "1h 5m". */
export function formatDuration(seconds: number, lang: "zh" | "en"): string {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (lang === "zh") {
    if (h > 0) return m > 0 ? `${h}小时${m}分` : `${h}小时`;
    if (m > 0) return s > 0 ? `${m}分${s}秒` : `${m}分钟`;
    return `${s}秒`;
  }
  if (h > 0) return m > 0 ? `${h}h ${m}m` : `${h}h`;
  if (m > 0) return s > 0 ? `${m}m ${s}s` : `${m}m`;
  return `${s}s`;
}
