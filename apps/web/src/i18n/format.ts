/** Dates travel as ISO `YYYY-MM-DD`; people read them as dd/mm/yyyy in both languages. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/**
 * Today's date in Vietnam (UTC+7, no daylight saving), as ISO `YYYY-MM-DD`: periods, registers and unit
 * validity are Vietnam dates on the server, so a browser elsewhere (or a CI machine on UTC) must agree.
 */
export function todayIso(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
}

const VN_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * An ISO instant as dd/mm/yyyy HH:mm in Vietnam time (UTC+7), whatever the browser's zone;
 * with `seconds`, as dd/mm/yyyy HH:mm:ss (signing times, certificate validity).
 */
export function formatDateTime(
  iso: string | null | undefined,
  { seconds = false }: { seconds?: boolean } = {},
): string {
  if (!iso) return '–';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(VN_PARTS.formatToParts(date).map((p) => [p.type, p.value]));
  const time = `${parts['hour']}:${parts['minute']}${seconds ? `:${parts['second']}` : ''}`;
  return `${parts['day']}/${parts['month']}/${parts['year']} ${time}`;
}
