/**
 * Reference data read on almost every request (the unit tree, the catalog, the calendar) and changed a few
 * times a year. A process sees its own changes at once (the writer calls `invalidate`), another process's
 * within `ttlMs`. A failed load is not kept: the next call tries again.
 */
export function ttlCache<K, V>(
  load: (key: K) => Promise<V>,
  ttlMs: number,
  clock: () => number = Date.now,
  /** Values not worth keeping (e.g. "not found": it may be created the next moment). */
  keep: (value: V) => boolean = () => true,
) {
  const entries = new Map<K, { at: number; value: Promise<V> }>();
  return {
    get(key: K): Promise<V> {
      const now = clock();
      const hit = entries.get(key);
      if (hit && now - hit.at < ttlMs) return hit.value;
      const value = load(key);
      entries.set(key, { at: now, value });
      const forget = () => {
        if (entries.get(key)?.value === value) entries.delete(key);
      };
      value.then((v) => {
        if (!keep(v)) forget();
      }, forget);
      return value;
    },
    invalidate(): void {
      entries.clear();
    },
  };
}
