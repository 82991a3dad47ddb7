/** Vietnam (Asia/Ho_Chi_Minh) is UTC+7 all year: no daylight saving time since 1975. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * The signing time as Decree 30/2020/NĐ-CP wants it shown: date, hours:minutes:seconds, Vietnam time zone,
 * ISO 8601 — e.g. `2026-11-27T10:05:09+07:00`. Computed arithmetically, independent of the host's TZ.
 */
export function vietnamIso8601(date: Date): string {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError('invalid signing time');
  return `${new Date(time + VIETNAM_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}
