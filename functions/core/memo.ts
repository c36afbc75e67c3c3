/**
 * A pure function of a string, remembered per process. The catalog's texts and rubric terms are a
 * fixed few hundred, but custom scenarios and playtested drafts bring new ones for as long as the
 * process runs, so past `limit` keys the memory starts over rather than growing without end.
 */
export function memoize<T>(limit: number, compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= limit) cache.clear();
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}
