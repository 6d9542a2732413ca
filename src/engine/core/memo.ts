// A bounded memo for pure string functions. Workbooks of many units repeat the same criteria
// names, codes and unit names on every sheet, so normalising each distinct text once pays.

const LIMIT = 20000;

export function memoize<T>(fn: (s: string) => T): (s: string) => T {
  let cache = new Map<string, T>();
  return (s: string) => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    const value = fn(s);
    if (cache.size >= LIMIT) cache = new Map(); // drop all rather than track recency
    cache.set(s, value);
    return value;
  };
}
