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

export function containsAnyTerm(text: string, terms: readonly string[]): boolean {
  const haystack = normalizeForMatch(text);
  return terms.some((t) => {
    const needle = normalizeForMatch(t);
    return needle.length > 0 && haystack.includes(needle);
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
